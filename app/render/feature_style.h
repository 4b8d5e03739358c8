// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/model/field.h"
#include "core/style/palette.h"
#include "render/layer_style.h"

#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantList>

#include <vector>

namespace riskatlas::render {

/// Where a layer goes in the draw order of a map: base layers first, then zonings, dense
/// layers, points, boundaries; labels always last.
enum class LayerRole { Base, Zones, Dense, Points, Boundaries };

/// "base", "zones", "dense", "points", "boundaries"; nullopt-like Base for unknown is not
/// offered: parseLayerRole() throws.
QString layerRoleName(LayerRole role);

/// One legend row: a swatch (fill and outline) and its label.
struct LegendEntry
{
    QColor fill;
    QColor stroke;
    QString label;
    bool isPoint = false;
    bool isLine = false;
};

/// How a layer's features are coloured:
/// - Single: every feature with `base`.
/// - Categorised: an integer field (e.g. `level`) looked up in a level palette; features with a
///   level the palette lacks (or null) are drawn with `base`.
/// - Graduated: a numeric field cut by ascending upper bounds `breaks`, class i coloured
///   `rampColours[i]`.
/// `opacity` (0–1) multiplies every fill's alpha. Plain value; read from any thread.
struct FeatureStyle
{
    enum class Kind { Single, Categorised, Graduated };

    Kind kind = Kind::Single;
    LayerStyle base;
    QString field;
    style::Palette palette;     ///< Categorised
    std::vector<double> breaks; ///< Graduated: upper bounds, ascending
    QList<QColor> rampColours;  ///< Graduated: one per break
    double opacity = 1.0;

    /// The symbol of one feature whose attribute values are `attributes` in the order of
    /// `fields`; `fieldIndex` is fields.indexOf(field) (−1 when Single), cached by the caller.
    LayerStyle styleFor(const QVariantList &attributes, int fieldIndex) const;

    /// The legend rows, titled by `title`: for Categorised, the palette's classes whose level
    /// occurs in `levelsUsed` (all classes when empty), in the palette's order.
    std::vector<LegendEntry> legend(const QString &title, const QList<int> &levelsUsed,
                                    bool isPoint, bool isLine) const;
};

/// QColor of a palette colour.
QColor toQColor(const style::Rgb &rgb);

/// Parses a style object of an atlas configuration:
/// `{"type": "single"|"categorised"|"graduated", "fill", "stroke", "stroke_width",
///   "line_width", "point_size", "opacity", "field", "palette", "breaks", "colors"}`.
/// Colours are "#RRGGBB[AA]" or "none". `where` names the file and key path in errors.
/// Throws InputError for unknown types, a missing field or palette, bad colours, breaks that
/// are not ascending or do not match the colours.
FeatureStyle parseFeatureStyle(const QJsonObject &json, const QString &file, const QString &where);

} // namespace riskatlas::render
