// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/pdf_text_repair.h"

#include <QFont>
#include <QHash>
#include <QRawFont>

namespace riskatlas::render {

namespace {

bool isRadical(uint codePoint)
{
    return codePoint >= 0x2E80 && codePoint <= 0x2FDF;
}

// Radical → ideograph drawn with the same glyph in `family`.
QHash<uint, uint> radicalReplacements(const QString &family)
{
    QFont font(family);
    font.setPixelSize(32);
    const QRawFont raw = QRawFont::fromFont(font);
    QHash<uint, uint> result;
    if (!raw.isValid())
        return result;
    QHash<quint32, uint> ideographByGlyph;
    auto collect = [&](uint from, uint to) {
        for (uint c = from; c <= to; ++c) {
            const QList<quint32> glyphs = raw.glyphIndexesForString(QString(QChar(char16_t(c))));
            if (!glyphs.isEmpty() && glyphs.front() != 0 &&
                !ideographByGlyph.contains(glyphs.front()))
                ideographByGlyph.insert(glyphs.front(), c);
        }
    };
    collect(0x4E00, 0x9FFF);
    collect(0x3400, 0x4DBF);
    for (uint r = 0x2E80; r <= 0x2FDF; ++r) {
        const QList<quint32> glyphs = raw.glyphIndexesForString(QString(QChar(char16_t(r))));
        if (glyphs.isEmpty() || glyphs.front() == 0)
            continue;
        const auto it = ideographByGlyph.constFind(glyphs.front());
        if (it != ideographByGlyph.constEnd())
            result.insert(r, it.value());
    }
    return result;
}

// Rewrites the 4-digit destinations "<XXXX>" between `from` and `to` in place.
int repairSection(QByteArray &pdf, qsizetype from, qsizetype to,
                  const QHash<uint, uint> &replacements)
{
    int count = 0;
    for (qsizetype i = pdf.indexOf('<', from); i >= 0 && i + 5 < to; i = pdf.indexOf('<', i + 1)) {
        if (pdf.at(i + 5) != '>')
            continue;
        bool ok = false;
        const uint codePoint = pdf.mid(i + 1, 4).toUInt(&ok, 16);
        if (!ok || !isRadical(codePoint))
            continue;
        const auto it = replacements.constFind(codePoint);
        if (it == replacements.constEnd())
            continue;
        const QByteArray hex = QByteArray::number(it.value(), 16).toUpper().rightJustified(4, '0');
        pdf.replace(i + 1, 4, hex);
        ++count;
    }
    return count;
}

} // namespace

QByteArray repairCjkToUnicode(const QByteArray &pdf, const QString &family, int *replaced)
{
    QByteArray result = pdf;
    int count = 0;
    QHash<uint, uint> replacements;
    bool loaded = false;
    for (const QByteArray &begin : {QByteArray("beginbfrange"), QByteArray("beginbfchar")}) {
        const QByteArray end =
            begin == "beginbfrange" ? QByteArray("endbfrange") : QByteArray("endbfchar");
        for (qsizetype start = result.indexOf(begin); start >= 0;
             start = result.indexOf(begin, start + 1)) {
            const qsizetype stop = result.indexOf(end, start);
            if (stop < 0)
                break;
            if (!loaded) {
                replacements = radicalReplacements(family);
                loaded = true;
            }
            count += repairSection(result, start + begin.size(), stop, replacements);
        }
    }
    if (replaced)
        *replaced = count;
    return result;
}

} // namespace riskatlas::render
