// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QString>

namespace riskatlas::render {

/// Repairs the text layer of a PDF written by Qt 6.4's QPdfWriter with a CJK font.
///
/// Qt maps each embedded glyph back to a character for the PDF's /ToUnicode table by taking the
/// lowest code point the font maps to that glyph. Noto Sans/Serif CJK draw the Kangxi radicals
/// (U+2F00–U+2FD5) and the CJK radicals supplement (U+2E80–U+2EF3) with the glyphs of the
/// ideographs, so 目, 田, 牛, 黄, 高 … come back from pdftotext, search and copy as ⽬, ⽥, ⽜,
/// ⻩, ⾼: a reviewer searching the atlas for 黄田街道 would not find it. The atlas never
/// draws radicals, so each radical in a /ToUnicode table is replaced by the unified ideograph
/// (U+3400–U+4DBF, U+4E00–U+9FFF) that the font `family` draws with the same glyph.
///
/// The tables are uncompressed in Qt's output and a code point is always 4 hex digits, so the
/// replacement keeps every byte offset and the cross-reference table stays valid. Returns the
/// repaired PDF and, through `replaced`, the number of entries changed. Needs a
/// QGuiApplication (font database).
QByteArray repairCjkToUnicode(const QByteArray &pdf, const QString &family,
                              int *replaced = nullptr);

} // namespace riskatlas::render
