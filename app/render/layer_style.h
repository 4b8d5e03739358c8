// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QColor>

#include <array>

namespace riskatlas::render {

/// How a layer is drawn: one symbol for every feature. Sizes are in device pixels (points on a
/// PDF page) and do not change with the zoom; outlines use cosmetic pens.
struct LayerStyle
{
    QColor fill = QColor(141, 196, 140, 200); ///< polygon interiors and point symbols
    QColor stroke = QColor(62, 110, 62);      ///< polygon outlines, lines, point outlines
    double strokeWidth = 0.8;                 ///< polygon and point outlines; 0 = no outline
    double lineWidth = 1.6;                   ///< line geometries
    double pointSize = 8.0;                   ///< diameter of the point symbol (a circle)

    bool operator==(const LayerStyle &) const = default;
};

/// A distinct style for the `index`-th layer added to a map, cycling through a small palette
/// of translucent fills so that layers stacked on top of each other stay readable.
inline LayerStyle defaultLayerStyle(int index)
{
    struct Colours
    {
        QColor fill;
        QColor stroke;
    };
    static const std::array<Colours, 6> palette = {{
        {QColor(141, 196, 140, 200), QColor(62, 110, 62)},
        {QColor(110, 160, 225, 170), QColor(35, 85, 165)},
        {QColor(240, 165, 90, 190), QColor(175, 90, 20)},
        {QColor(200, 130, 195, 180), QColor(120, 50, 120)},
        {QColor(230, 215, 100, 190), QColor(140, 125, 20)},
        {QColor(160, 160, 160, 180), QColor(70, 70, 70)},
    }};
    const Colours &colours = palette[std::size_t(index < 0 ? 0 : index) % palette.size()];
    LayerStyle style;
    style.fill = colours.fill;
    style.stroke = colours.stroke;
    return style;
}

} // namespace riskatlas::render
