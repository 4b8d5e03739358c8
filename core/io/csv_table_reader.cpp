// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/csv_table_reader.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/io/text_encoding.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace riskatlas::io {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::io)
};

constexpr QChar kQuote = u'"';

// Spaces around a quoted field are tolerated ( "a" ,"b"); a tab only when it is not the delimiter.
bool isPadding(QChar c, QChar delimiter)
{
    return c == u' ' || (c == u'\t' && delimiter != u'\t');
}

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r';
}

QString describeByte(const QByteArray &bytes, qsizetype offset)
{
    const auto byte = static_cast<unsigned char>(bytes.at(offset));
    const qsizetype line = bytes.left(offset).count('\n') + 1;
    return Tr::tr("invalid byte 0x%1 at offset %2, line %3")
        .arg(QString::number(byte, 16).toUpper().rightJustified(2, u'0'))
        .arg(offset)
        .arg(line);
}

// The most frequent candidate outside quotes on the first non-blank line; ties go to the
// earlier candidate, so a header without any is a one-column comma file.
QChar detectDelimiter(const QString &text)
{
    const QChar candidates[] = {u',', u'\t', u';', u'|'};
    int counts[std::size(candidates)] = {};
    qsizetype i = 0;
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    bool quoted = false;
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == kQuote)
            quoted = !quoted;
        else if (!quoted && isLineBreak(c))
            break;
        else if (!quoted) {
            for (size_t k = 0; k < std::size(candidates); ++k) {
                if (c == candidates[k])
                    ++counts[k];
            }
        }
    }
    const auto best = std::max_element(std::begin(counts), std::end(counts));
    return *best == 0 ? u',' : candidates[best - std::begin(counts)];
}

struct Record
{
    QStringList values;
    qint64 line = 0;
};

// An RFC 4180 parser over decoded text, one record at a time.
class CsvParser
{
public:
    CsvParser(const QString &text, QChar delimiter, const QString &path)
        : m_text(text)
        , m_delimiter(delimiter)
        , m_path(path)
    {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    qsizetype position() const { return m_pos; }

    /// The next non-blank record, or false at the end of the text.
    bool next(Record &record)
    {
        while (!atEnd()) {
            if (readRecord(record))
                return true;
        }
        return false;
    }

private:
    InputError error(qint64 line, const QString &message) const
    {
        return InputError({m_path, {}, line, QStringLiteral("row")}, message);
    }

    void consumeLineBreak()
    {
        if (m_text.at(m_pos) == u'\r' && m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    // Reads one physical record; false when it was a blank line.
    bool readRecord(Record &record)
    {
        record.values.clear();
        record.line = m_line;
        bool blank = true;
        for (;;) {
            QString value;
            qsizetype start = m_pos;
            while (start < m_text.size() && isPadding(m_text.at(start), m_delimiter))
                ++start;
            if (start < m_text.size() && m_text.at(start) == kQuote) {
                blank = false;
                readQuoted(start + 1, record, value);
            } else {
                readUnquoted(record, value);
                blank = blank && value.trimmed().isEmpty();
            }
            record.values.append(value);
            if (atEnd())
                break;
            if (m_text.at(m_pos) == m_delimiter) {
                ++m_pos;
                blank = false;
                continue;
            }
            consumeLineBreak();
            break;
        }
        return !blank;
    }

    void readQuoted(qsizetype start, const Record &record, QString &value)
    {
        const qint64 quoteLine = m_line;
        m_pos = start;
        for (;;) {
            if (atEnd())
                throw error(record.line,
                            Tr::tr("unterminated quoted field starting at line %1").arg(quoteLine));
            const QChar c = m_text.at(m_pos);
            if (c == kQuote) {
                if (m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == kQuote) {
                    value += kQuote;
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            if (c == u'\n' ||
                (c == u'\r' && !(m_pos + 1 < m_text.size() && m_text.at(m_pos + 1) == u'\n')))
                ++m_line;
            value += c;
            ++m_pos;
        }
        while (!atEnd() && isPadding(m_text.at(m_pos), m_delimiter))
            ++m_pos;
        if (!atEnd() && m_text.at(m_pos) != m_delimiter && !isLineBreak(m_text.at(m_pos)))
            throw error(record.line,
                        Tr::tr("unexpected text after the closing quote of column %1 (a quote "
                               "inside a quoted field must be doubled: \"\")")
                            .arg(record.values.size() + 1));
    }

    void readUnquoted(const Record &record, QString &value)
    {
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const QChar c = m_text.at(m_pos);
            if (c == m_delimiter || isLineBreak(c))
                break;
            if (c == kQuote)
                throw error(record.line,
                            Tr::tr("stray quote in unquoted column %1 (quote the whole field and "
                                   "double the quote: \"\")")
                                .arg(record.values.size() + 1));
            ++m_pos;
        }
        value = m_text.mid(start, m_pos - start);
    }

    const QString &m_text;
    QChar m_delimiter;
    QString m_path;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
};

QString decodeFile(const QByteArray &bytes, const QString &path, const QString &encodingOverride,
                   QString &encoding, QString &encodingSource)
{
    const ErrorLocation where{path, {}, std::nullopt, {}};
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        throw InputError(where, Tr::tr("the file is UTF-16; save it as UTF-8"));
    const bool bom = hasUtf8Bom(bytes);
    if (!encodingOverride.isEmpty()) {
        try {
            encoding = canonicalEncoding(encodingOverride);
        } catch (const InputError &e) {
            throw InputError(where, e.message());
        }
        encodingSource = QStringLiteral("user");
        if (bom && encoding != QLatin1String("UTF-8"))
            throw InputError(where, Tr::tr("the file starts with a UTF-8 byte order mark, but "
                                           "the encoding %1 was given")
                                        .arg(encoding));
    } else if (bom) {
        encoding = QStringLiteral("UTF-8"); // a byte order mark is as good as a label
        encodingSource = QStringLiteral("detected");
    } else {
        encoding = detectEncoding({bytes}).encoding;
        encodingSource = QStringLiteral("detected");
        if (encoding.isEmpty()) {
            // Report where the likelier encoding (the one that read further) breaks.
            const qsizetype offset = std::max(invalidByteOffset(bytes, QStringLiteral("UTF-8")),
                                              invalidByteOffset(bytes, QStringLiteral("GBK")));
            throw InputError(where,
                             Tr::tr("cannot decode as UTF-8 or GBK (%1) — give the file's encoding")
                                 .arg(describeByte(bytes, offset)));
        }
    }
    const qsizetype skip = bom ? 3 : 0;
    const QByteArray body = bytes.mid(skip);
    std::optional<QString> text = decodeStrict(body, encoding);
    if (!text) {
        const qsizetype offset = invalidByteOffset(body, encoding) + skip;
        throw InputError(
            where, Tr::tr("cannot decode as %1 (%2)").arg(encoding, describeByte(bytes, offset)));
    }
    if (text->startsWith(QChar(0xFEFF))) // a GB18030 byte order mark
        text->remove(0, 1);
    return *text;
}

void checkHeaders(QStringList &headers, const QString &path)
{
    const ErrorLocation where{path, {}, std::nullopt, {}};
    QHash<QString, int> seen;
    for (int i = 0; i < headers.size(); ++i) {
        headers[i] = headers[i].trimmed();
        if (headers[i].isEmpty())
            throw InputError(where, Tr::tr("column %1 of the header has no name").arg(i + 1));
        const QString key = headers[i].toCaseFolded();
        if (const auto it = seen.constFind(key); it != seen.constEnd())
            throw InputError(where, Tr::tr("duplicate column name \"%1\" (columns %2 and %3)")
                                        .arg(headers[i])
                                        .arg(it.value() + 1)
                                        .arg(i + 1));
        seen.insert(key, i);
    }
}

} // namespace

TextTable readCsvTable(const QString &path, const QString &encodingOverride, Feedback *feedback,
                       RaggedRows ragged)
{
    const ErrorLocation where{path, {}, std::nullopt, {}};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(where, Tr::tr("cannot open: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw InputError(where, Tr::tr("cannot read: %1").arg(file.errorString()));

    TextTable table;
    table.sourcePath = path;
    table.layerName = QFileInfo(path).completeBaseName();
    const QString text =
        decodeFile(bytes, path, encodingOverride, table.encoding, table.encodingSource);
    if (text.trimmed().isEmpty())
        throw InputError(where, Tr::tr("file is empty"));

    CsvParser parser(text, detectDelimiter(text), path);
    Record record;
    parser.next(record);
    table.headers = record.values;
    checkHeaders(table.headers, path);

    const qsizetype columns = table.headers.size();
    qint64 count = 0;
    while (parser.next(record)) {
        if (record.values.size() != columns && ragged == RaggedRows::Report) {
            table.raggedRows.append({record.line, record.values.size()});
            continue;
        }
        if (record.values.size() != columns) {
            const QString values = record.values.size() == 1
                                       ? Tr::tr("1 value")
                                       : Tr::tr("%1 values").arg(record.values.size());
            throw InputError({path, {}, record.line, QStringLiteral("row")},
                             Tr::tr("%1 but the header has %2 columns").arg(values).arg(columns));
        }
        table.rows.append(record.values);
        table.rowNumbers.append(record.line);
        if (feedback && ++count % 1024 == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(parser.position()) / double(text.size()));
        }
    }
    if (feedback) {
        feedback->throwIfCanceled();
        feedback->setProgress(100.0);
    }
    return table;
}

} // namespace riskatlas::io
