// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/text_encoding.h"

#include "core/error.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QtEndian>

#include <cerrno>
#include <iconv.h>

namespace riskatlas::io {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::io)
};

#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
constexpr const char *kUtf16 = "UTF-16LE";
#else
constexpr const char *kUtf16 = "UTF-16BE";
#endif

class Iconv
{
public:
    Iconv(const char *to, const char *from)
        : m_cd(iconv_open(to, from))
    {}
    ~Iconv()
    {
        if (isValid())
            iconv_close(m_cd);
    }
    Iconv(const Iconv &) = delete;
    Iconv &operator=(const Iconv &) = delete;

    bool isValid() const { return m_cd != reinterpret_cast<iconv_t>(-1); }
    iconv_t handle() const { return m_cd; }

private:
    iconv_t m_cd;
};

struct Conversion
{
    QByteArray output;
    qsizetype errorOffset = -1; ///< Input offset of the first bad sequence, or -1.
};

// Converts the whole input; stops at the first invalid or incomplete sequence (no //IGNORE or
// //TRANSLIT, so iconv never substitutes).
Conversion convert(const char *to, const char *from, const char *data, qsizetype size)
{
    Iconv cd(to, from);
    if (!cd.isValid())
        throw ProcessingError({}, Tr::tr("the C library cannot convert from %1 to %2")
                                      .arg(QLatin1String(from), QLatin1String(to)));
    Conversion result;
    result.output.resize(size * 2 + 16);
    char *in = const_cast<char *>(data);
    size_t inLeft = size_t(size);
    qsizetype written = 0;
    bool flushing = false;
    for (;;) {
        char *out = result.output.data() + written;
        size_t outLeft = size_t(result.output.size() - written);
        // After the input, one call with no input writes any pending shift sequence.
        const size_t rc = flushing ? iconv(cd.handle(), nullptr, nullptr, &out, &outLeft)
                                   : iconv(cd.handle(), &in, &inLeft, &out, &outLeft);
        written = out - result.output.data();
        if (rc == size_t(-1)) {
            if (errno == E2BIG) {
                result.output.resize(result.output.size() * 2);
                continue;
            }
            result.errorOffset = qsizetype(in - data); // EILSEQ or EINVAL (cut short)
            break;
        }
        if (flushing)
            break;
        flushing = true;
    }
    result.output.resize(written);
    return result;
}

// The iconv name used to read a canonical encoding.
const char *decoderName(const QByteArray &canonical)
{
    // GB18030 is a superset of GBK: files labelled GBK often hold a few GB18030-only
    // characters (rare surnames, place names), which must still read.
    if (canonical == "GBK")
        return "GB18030";
    return canonical.constData();
}

QString utf16ToQString(const QByteArray &utf16)
{
    return QString(reinterpret_cast<const QChar *>(utf16.constData()), utf16.size() / 2);
}

bool isAscii(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

QByteArray withoutBom(const QByteArray &bytes)
{
    return hasUtf8Bom(bytes) ? bytes.mid(3) : bytes;
}

bool iconvKnows(const QByteArray &name)
{
    if (name.isEmpty() || name.contains('/'))
        return false;
    Iconv reader("UTF-8", name.constData());
    Iconv writer(name.constData(), "UTF-8");
    return reader.isValid() && writer.isValid();
}

QString fromCodePage(int number)
{
    switch (number) {
    case 65001:
        return QStringLiteral("UTF-8");
    case 936:
    case 20936: // GB 2312, a subset of GBK
        return QStringLiteral("GBK");
    case 54936:
        return QStringLiteral("GB18030");
    case 950:
        return QStringLiteral("BIG5");
    case 949:
        return QStringLiteral("CP949");
    case 28605:
        return QStringLiteral("ISO-8859-15");
    default:
        break;
    }
    if (number >= 28591 && number <= 28599)
        return QStringLiteral("ISO-8859-%1").arg(number - 28590);
    const QString name = QStringLiteral("CP%1").arg(number);
    return iconvKnows(name.toLatin1()) ? name : QString();
}

} // namespace

bool hasUtf8Bom(const QByteArray &bytes)
{
    return bytes.startsWith("\xEF\xBB\xBF");
}

QString canonicalEncoding(const QString &userName)
{
    const QString trimmed = userName.trimmed();
    // Separators dropped by hand: a regular expression here cost every write its compilation.
    QString key;
    for (const QChar c : trimmed.toLower()) {
        if (!c.isSpace() && c != QLatin1Char('_') && c != QLatin1Char('.') && c != QLatin1Char('-'))
            key += c;
    }

    struct Alias
    {
        const char *key;
        const char *canonical;
    };
    static constexpr Alias aliases[] = {
        {"utf8", "UTF-8"},         {"utf8sig", "UTF-8"},      {"gbk", "GBK"},
        {"gb2312", "GBK"},         {"gb231280", "GBK"},       {"gb23121980", "GBK"},
        {"euccn", "GBK"},          {"xgbk", "GBK"},           {"cngb", "GBK"},
        {"gb18030", "GB18030"},    {"big5", "BIG5"},          {"big5hkscs", "BIG5-HKSCS"},
        {"uhc", "CP949"},          {"euckr", "CP949"},        {"ksc56011987", "CP949"},
        {"latin1", "ISO-8859-1"},  {"l1", "ISO-8859-1"},      {"sjis", "SHIFT_JIS"},
        {"shiftjis", "SHIFT_JIS"}, {"macroman", "MACINTOSH"}, {"macintosh", "MACINTOSH"},
    };
    for (const Alias &alias : aliases) {
        if (key == QLatin1String(alias.key))
            return QLatin1String(alias.canonical);
    }

    static const QRegularExpression iso8859(QStringLiteral("^(?:iso)?8859(\\d{1,2})$"));
    if (const auto match = iso8859.match(key); match.hasMatch())
        return QStringLiteral("ISO-8859-") + match.captured(1);

    static const QRegularExpression codePage(
        QStringLiteral("^(?:cp|ansi|windows|ms|ibm|codepage)?(\\d{3,5})$"));
    if (const auto match = codePage.match(key); match.hasMatch()) {
        const QString name = fromCodePage(match.captured(1).toInt());
        if (!name.isEmpty())
            return name;
    } else {
        const QString upper = trimmed.toUpper();
        if (iconvKnows(upper.toLatin1()) && upper == QLatin1String(upper.toLatin1()))
            return upper;
    }
    throw InputError({}, Tr::tr("unknown text encoding \"%1\" (use e.g. UTF-8, GBK, GB18030, "
                                "BIG5, CP1252)")
                             .arg(userName));
}

std::optional<QString> decodeStrict(const QByteArray &bytes, const QString &encoding)
{
    const QByteArray canonical = canonicalEncoding(encoding).toLatin1();
    Conversion result = convert(kUtf16, decoderName(canonical), bytes.constData(), bytes.size());
    if (result.errorOffset >= 0 && canonical == "GBK")
        // Microsoft's CP936 (glibc "GBK") also maps the single byte 0x80 to the euro sign.
        result = convert(kUtf16, "GBK", bytes.constData(), bytes.size());
    if (result.errorOffset >= 0)
        return std::nullopt;
    return utf16ToQString(result.output);
}

qsizetype invalidByteOffset(const QByteArray &bytes, const QString &encoding)
{
    const QByteArray canonical = canonicalEncoding(encoding).toLatin1();
    const Conversion result =
        convert(kUtf16, decoderName(canonical), bytes.constData(), bytes.size());
    if (result.errorOffset < 0 || canonical != "GBK")
        return result.errorOffset;
    const Conversion cp936 = convert(kUtf16, "GBK", bytes.constData(), bytes.size());
    if (cp936.errorOffset < 0)
        return -1;
    return std::max(result.errorOffset, cp936.errorOffset);
}

std::optional<QByteArray> encodeStrict(const QString &text, const QString &encoding)
{
    const QByteArray canonical = canonicalEncoding(encoding).toLatin1();
    const Conversion result =
        convert(canonical.constData(), kUtf16, reinterpret_cast<const char *>(text.utf16()),
                text.size() * qsizetype(sizeof(char16_t)));
    if (result.errorOffset >= 0)
        return std::nullopt;
    return result.output;
}

std::optional<QString> encodingFromDbfLanguageId(quint8 ldid)
{
    // Language driver ids as written by dBASE, FoxPro and ArcGIS (byte 29 of the header).
    // 0x00 (not set), 0x57 (ANSI: the writer's system code page) and unknown ids are absent.
    struct Entry
    {
        quint8 id;
        const char *encoding;
    };
    static constexpr Entry table[] = {
        {0x01, "CP437"},  {0x02, "CP850"},  {0x03, "CP1252"}, {0x04, "MACINTOSH"}, {0x08, "CP865"},
        {0x09, "CP437"},  {0x0A, "CP850"},  {0x0B, "CP437"},  {0x0D, "CP437"},     {0x0E, "CP850"},
        {0x0F, "CP437"},  {0x10, "CP850"},  {0x11, "CP437"},  {0x12, "CP850"},     {0x13, "CP932"},
        {0x14, "CP850"},  {0x15, "CP437"},  {0x16, "CP850"},  {0x17, "CP865"},     {0x18, "CP437"},
        {0x19, "CP437"},  {0x1A, "CP850"},  {0x1B, "CP437"},  {0x1C, "CP863"},     {0x1D, "CP850"},
        {0x1F, "CP852"},  {0x22, "CP852"},  {0x23, "CP852"},  {0x24, "CP860"},     {0x25, "CP850"},
        {0x26, "CP866"},  {0x37, "CP850"},  {0x40, "CP852"},  {0x4D, "GBK"},       {0x4E, "CP949"},
        {0x4F, "BIG5"},   {0x50, "CP874"},  {0x58, "CP1252"}, {0x59, "CP1252"},    {0x64, "CP852"},
        {0x65, "CP866"},  {0x66, "CP865"},  {0x67, "CP861"},  {0x6A, "CP737"},     {0x6B, "CP857"},
        {0x6C, "CP863"},  {0x78, "BIG5"},   {0x79, "CP949"},  {0x7A, "GBK"},       {0x7B, "CP932"},
        {0x7C, "CP874"},  {0x7D, "CP1255"}, {0x7E, "CP1256"}, {0xC8, "CP1250"},    {0xC9, "CP1251"},
        {0xCA, "CP1254"}, {0xCB, "CP1253"}, {0xCC, "CP1257"},
    };
    for (const Entry &entry : table) {
        if (entry.id == ldid)
            return QLatin1String(entry.encoding);
    }
    return std::nullopt;
}

QString encodingFromCpg(const QByteArray &cpgContent)
{
    const QString name = QString::fromLatin1(withoutBom(cpgContent)).trimmed();
    if (name.isEmpty())
        throw InputError({}, Tr::tr("the .cpg file is empty"));
    return canonicalEncoding(name);
}

EncodingGuess detectEncoding(const QList<QByteArray> &samples)
{
    QList<QByteArray> stripped;
    stripped.reserve(samples.size());
    bool ascii = true;
    for (const QByteArray &sample : samples) {
        stripped.append(withoutBom(sample));
        ascii = ascii && isAscii(stripped.constLast());
    }
    if (ascii)
        return {QStringLiteral("UTF-8"), true};
    for (const char *candidate : {"UTF-8", "GBK"}) {
        const QString encoding = QLatin1String(candidate);
        bool all = true;
        for (const QByteArray &sample : std::as_const(stripped)) {
            if (invalidByteOffset(sample, encoding) >= 0) {
                all = false;
                break;
            }
        }
        if (all)
            return {encoding, false};
    }
    return {};
}

} // namespace riskatlas::io
