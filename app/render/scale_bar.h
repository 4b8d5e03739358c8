// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QFont>
#include <QPointF>

class QPainter;

namespace riskatlas::render {

/// A scale bar's ground length and its length on the page.
struct ScaleBarSpec
{
    double groundMetres = 0; ///< a "nice" length: 1, 2 or 5 × 10^n m
    double pageMm = 0;       ///< its length on the page
    int segments = 4;        ///< alternating black and white blocks
};

/// The largest nice length (1, 2 or 5 × 10^n metres) whose bar is at most `maxPageMm` long on
/// a map of scale 1 : `scaleDenominator` (ground metres per page metre). Throws nothing;
/// returns a zero spec for a non-positive scale or width.
ScaleBarSpec niceScaleBar(double scaleDenominator, double maxPageMm);

/// "500 m", "2 km", "10 km" (Chinese units are not used: the metric symbols read the same).
QString scaleBarLabel(double groundMetres);

/// Draws `spec` with its left end at `origin` (painter units are millimetres × `unitsPerMm`):
/// alternating blocks, tick labels at 0, the middle and the end, and "1:N" below.
void drawScaleBar(QPainter &painter, const QPointF &origin, const ScaleBarSpec &spec,
                  double unitsPerMm, double scaleDenominator, const QFont &font);

/// Draws a north arrow (a split arrowhead and "N") in a box of `sizeMm` at `centre`.
void drawNorthArrow(QPainter &painter, const QPointF &centre, double sizeMm, double unitsPerMm,
                    const QFont &font);

} // namespace riskatlas::render
