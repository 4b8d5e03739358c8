// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geometry/layer_extent.h"
#include "render/layer_style.h"
#include "render/map_transform.h"

#include <QByteArray>
#include <QList>
#include <QPainterPath>
#include <QPen>
#include <QPointF>

#include <optional>

class QPainter;

namespace riskatlas::render {

/// One geometry decoded from WKB into what QPainter draws, in world (map CRS) coordinates.
/// Polygons of all parts (shells and holes) share one odd-even path, so holes stay open
/// whatever their ring orientation. Plain data: may be built on a worker thread.
struct DrawableGeometry
{
    QPainterPath areas; ///< polygon rings, Qt::OddEvenFill
    QPainterPath lines; ///< line strings
    QList<QPointF> points;
    geometry::Extent bounds; ///< of every vertex; meaningless when isEmpty()

    bool isEmpty() const { return areas.isEmpty() && lines.isEmpty() && points.isEmpty(); }
};

/// Decodes a WKB geometry: ISO and PostGIS extended types, either byte order (per nested
/// geometry, as WKB allows), Point, LineString, Polygon, Multi* and GeometryCollection; Z and M
/// are read and dropped. Returns nullopt for malformed input (truncated, unknown byte order or
/// type, counts larger than the data, non-finite coordinates, nesting deeper than 32) or a type
/// it does not draw (curves, TINs), never reading past the end of `wkb`. An empty geometry
/// (including the ISO empty point, NaN NaN) gives an empty DrawableGeometry.
std::optional<DrawableGeometry> parseWkb(const QByteArray &wkb);

/// Draws geometries with one style through a MapTransform onto a QPainter (a widget, a QImage,
/// a PDF page). The map transform is combined with the painter's current transform, so a
/// caller may place the map inside a larger page. Saves the painter's state on construction and
/// restores it on destruction; do not use the painter for anything else in between.
/// Areas are filled with `style.fill` and outlined with `style.stroke`; lines use
/// `style.lineWidth`; points are circles `style.pointSize` across. Pen widths and symbol sizes
/// are in device units, whatever the zoom.
class WkbPainter
{
public:
    WkbPainter(QPainter &painter, const MapTransform &transform, const LayerStyle &style);
    ~WkbPainter();
    WkbPainter(const WkbPainter &) = delete;
    WkbPainter &operator=(const WkbPainter &) = delete;

    void draw(const DrawableGeometry &geometry);
    /// Decodes and draws; returns false, drawing nothing, when parseWkb() rejects `wkb`.
    bool drawWkb(const QByteArray &wkb);

private:
    QPainter &m_painter;
    MapTransform m_transform;
    LayerStyle m_style;
    QTransform m_outer;    ///< the painter's transform before the map's
    QTransform m_combined; ///< world → painter device
    QPen m_outlinePen;
    QPen m_linePen;
};

} // namespace riskatlas::render
