// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/style/palette.h"

#include <QString>

namespace riskatlas::style {

/// What a QGIS symbol draws: fill for polygons, line, or marker for points.
enum class SymbolGeometry { Polygon, Line, Point };

/// The drawing of one symbol in QGIS terms (millimetres on paper, as QGIS's default unit).
struct QgisSymbol
{
    Rgb fill{200, 200, 200};      ///< polygon fill, marker fill, or the line's colour
    Rgb outline{64, 64, 64};      ///< polygon and marker outline
    double outlineWidthMm = 0.26; ///< polygon and marker outline; 0: no outline
    double lineWidthMm = 0.46;    ///< lines
    double markerSizeMm = 2.6;    ///< marker diameter
    double opacity = 1.0;         ///< 0–1, of the whole symbol
};

/// A QGIS layer style (QML, as QGIS 3.22 saves with the Symbology category): a
/// `categorizedSymbol` renderer on `field` with one category per palette class (value = the
/// class's level, label = its Chinese name, colour = the palette colour; the outline, widths
/// and opacity from `base`), in the palette's order (legend order). QGIS matches a category
/// by the value's text, so integer and text level fields both work.
QString categorisedQml(const Palette &palette, const QString &field, SymbolGeometry geometry,
                       const QgisSymbol &base = {});

/// A QGIS layer style with a `singleSymbol` renderer.
QString singleSymbolQml(const QgisSymbol &symbol, SymbolGeometry geometry);

/// "r,g,b,a" as QGIS writes colours in QML.
QString qgisColor(const Rgb &colour);

} // namespace riskatlas::style
