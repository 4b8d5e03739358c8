// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geometry/layer_extent.h"

#include <QPointF>
#include <QSize>
#include <QTransform>

namespace riskatlas::render {

/// Maps world coordinates (the map's CRS units: degrees or metres) to device pixels and back.
///
/// The view is a centre in world units, a scale in world units per device pixel along x, and
/// the viewport size in pixels. World y grows upwards, device y downwards. A value type:
/// cheap to copy, no shared state, usable from any thread.
///
/// `yStretch` lets one world unit of y cover more pixels than one unit of x. It is 1 for
/// projected CRSs. For a geographic CRS, drawing degrees as they are squashes the map
/// north–south (on the ground a degree of longitude is only cos(latitude) as long as a degree
/// of latitude; at Wenzhou's 28° N a county would look 12 % too flat), so the caller sets it to
/// geographicYStretch(latitude of the data) once, when the map's CRS is chosen: a plate carrée
/// true to shape at that latitude. It is deliberately not recomputed while panning, which
/// would make the map breathe.
class MapTransform
{
public:
    MapTransform() = default;

    /// Viewport in device pixels; an empty size makes the transform invalid.
    void setViewportSize(const QSize &size) { m_viewport = size; }
    QSize viewportSize() const { return m_viewport; }

    /// The world point shown at the middle of the viewport.
    void setCentre(const QPointF &world) { m_centre = world; }
    QPointF centre() const { return m_centre; }

    /// World units per device pixel along x; clamped to the scale limits and to a positive value.
    void setScale(double unitsPerPixel);
    double scale() const { return m_scale; }

    /// Bounds for setScale()/zoomAt(), e.g. so that a user cannot zoom to a millimetre of a
    /// county (where coordinates overflow the rasteriser) or out to a dot. 0 means no bound.
    void setScaleLimits(double minUnitsPerPixel, double maxUnitsPerPixel);
    double minScale() const { return m_minScale; }
    double maxScale() const { return m_maxScale; }

    /// Device pixels per world unit of y relative to x (> 0; see the class comment).
    void setYStretch(double stretch);
    double yStretch() const { return m_yStretch; }

    /// A usable transform: a non-empty viewport and a positive scale.
    bool isValid() const;

    QPointF toDevice(const QPointF &world) const;
    QPointF toWorld(const QPointF &device) const;
    /// The same mapping as a QTransform, for QPainter::setWorldTransform().
    QTransform worldToDevice() const;
    /// The world rectangle covered by the viewport.
    geometry::Extent visibleExtent() const;

    /// Shows all of `world` centred, keeping the aspect ratio, with `marginFraction` of the
    /// viewport left free on each side (0.05 = 5 %). A degenerate extent (a single point)
    /// keeps the current scale. Does nothing without a viewport.
    void zoomToExtent(const geometry::Extent &world, double marginFraction = 0.05);
    /// Moves the map by `deviceDelta` pixels: the content follows a dragging pointer.
    void pan(const QPointF &deviceDelta);
    /// Zooms by `factor` (> 1 zooms in) keeping the world point under `devicePoint` fixed.
    void zoomAt(const QPointF &devicePoint, double factor);

    bool operator==(const MapTransform &) const = default;

private:
    QSize m_viewport;
    QPointF m_centre;
    double m_scale = 1.0;
    double m_yStretch = 1.0;
    double m_minScale = 0.0;
    double m_maxScale = 0.0;
};

/// The y stretch that makes a geographic (degree) map true to shape at `latitudeDegrees`:
/// 1 / cos(latitude), with the latitude clamped to ±85° so it stays finite.
double geographicYStretch(double latitudeDegrees);

} // namespace riskatlas::render
