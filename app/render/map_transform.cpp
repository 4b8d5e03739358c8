// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/map_transform.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace riskatlas::render {

void MapTransform::setScale(double unitsPerPixel)
{
    // NaN and infinities from a degenerate extent or a wild wheel delta must not poison the
    // view: every later toDevice() would be NaN and nothing would ever draw again.
    if (!std::isfinite(unitsPerPixel) || unitsPerPixel <= 0)
        return;
    if (m_minScale > 0)
        unitsPerPixel = std::max(unitsPerPixel, m_minScale);
    if (m_maxScale > 0)
        unitsPerPixel = std::min(unitsPerPixel, m_maxScale);
    m_scale = unitsPerPixel;
}

void MapTransform::setScaleLimits(double minUnitsPerPixel, double maxUnitsPerPixel)
{
    m_minScale = std::isfinite(minUnitsPerPixel) ? std::max(0.0, minUnitsPerPixel) : 0.0;
    m_maxScale = std::isfinite(maxUnitsPerPixel) ? std::max(0.0, maxUnitsPerPixel) : 0.0;
    if (m_minScale > 0 && m_maxScale > 0 && m_minScale > m_maxScale)
        std::swap(m_minScale, m_maxScale);
    setScale(m_scale);
}

void MapTransform::setYStretch(double stretch)
{
    if (std::isfinite(stretch) && stretch > 0)
        m_yStretch = stretch;
}

bool MapTransform::isValid() const
{
    return !m_viewport.isEmpty() && m_scale > 0;
}

QPointF MapTransform::toDevice(const QPointF &world) const
{
    return {(world.x() - m_centre.x()) / m_scale + m_viewport.width() / 2.0,
            m_viewport.height() / 2.0 - (world.y() - m_centre.y()) * m_yStretch / m_scale};
}

QPointF MapTransform::toWorld(const QPointF &device) const
{
    return {(device.x() - m_viewport.width() / 2.0) * m_scale + m_centre.x(),
            m_centre.y() - (device.y() - m_viewport.height() / 2.0) * m_scale / m_yStretch};
}

QTransform MapTransform::worldToDevice() const
{
    const double sx = 1.0 / m_scale;
    const double sy = -m_yStretch / m_scale;
    return QTransform(sx, 0, 0, sy, m_viewport.width() / 2.0 - m_centre.x() * sx,
                      m_viewport.height() / 2.0 - m_centre.y() * sy);
}

geometry::Extent MapTransform::visibleExtent() const
{
    const QPointF topLeft = toWorld(QPointF(0, 0));
    const QPointF bottomRight = toWorld(QPointF(m_viewport.width(), m_viewport.height()));
    return {topLeft.x(), bottomRight.y(), bottomRight.x(), topLeft.y()};
}

void MapTransform::zoomToExtent(const geometry::Extent &world, double marginFraction)
{
    if (m_viewport.isEmpty())
        return;
    marginFraction = std::clamp(marginFraction, 0.0, 0.45);
    const double usableWidth = m_viewport.width() * (1.0 - 2.0 * marginFraction);
    const double usableHeight = m_viewport.height() * (1.0 - 2.0 * marginFraction);
    m_centre = QPointF((world.minX + world.maxX) / 2.0, (world.minY + world.maxY) / 2.0);
    const double scale =
        std::max(world.width() / usableWidth, world.height() * m_yStretch / usableHeight);
    if (scale > 0)
        setScale(scale);
}

void MapTransform::pan(const QPointF &deviceDelta)
{
    m_centre.rx() -= deviceDelta.x() * m_scale;
    m_centre.ry() += deviceDelta.y() * m_scale / m_yStretch;
}

void MapTransform::zoomAt(const QPointF &devicePoint, double factor)
{
    if (!std::isfinite(factor) || factor <= 0)
        return;
    const QPointF anchor = toWorld(devicePoint);
    setScale(m_scale / factor);
    // Put the anchor back under the pointer at the new (possibly clamped) scale.
    m_centre.setX(anchor.x() - (devicePoint.x() - m_viewport.width() / 2.0) * m_scale);
    m_centre.setY(anchor.y() +
                  (devicePoint.y() - m_viewport.height() / 2.0) * m_scale / m_yStretch);
}

double geographicYStretch(double latitudeDegrees)
{
    if (!std::isfinite(latitudeDegrees))
        return 1.0;
    const double latitude = std::clamp(latitudeDegrees, -85.0, 85.0);
    return 1.0 / std::cos(latitude * std::numbers::pi / 180.0);
}

} // namespace riskatlas::render
