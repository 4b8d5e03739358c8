// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/geometry/layer_extent.h"

#include <QPointF>
#include <QString>

#include <memory>
#include <optional>

namespace riskatlas::crs {
class CoordinateTransform;
}

namespace riskatlas::render {
class MapTransform;
}

namespace riskatlas::desktop {

/// Turns map coordinates into what the status bar shows: the pointer in CGCS2000 degrees and
/// in metres of the CGCS2000 3° Gauss-Krüger zone of the data (or the map's own projected
/// CRS), and the map scale 1:N measured in that projected CRS, so the scale is true on the
/// ground whatever the map CRS. Holds PROJ transforms: UI thread only.
class CoordinateReadout
{
public:
    CoordinateReadout();
    ~CoordinateReadout();
    CoordinateReadout(const CoordinateReadout &) = delete;
    CoordinateReadout &operator=(const CoordinateReadout &) = delete;

    /// Sets the map CRS and the data extent (in it) the zone is chosen from. An invalid CRS,
    /// or data outside China's zones, leaves only the map's own coordinates.
    void setMap(const crs::Crs &mapCrs, const std::optional<geometry::Extent> &extent);
    /// The projected CRS metres are shown in; invalid when there is none.
    crs::Crs metricCrs() const { return m_metricCrs; }

    /// `world` (map CRS) in CGCS2000 degrees; nullopt without a transform.
    std::optional<QPointF> toGeographic(const QPointF &world) const;
    /// `world` in the metric CRS; nullopt without a transform.
    std::optional<QPointF> toMetric(const QPointF &world) const;
    /// The status bar text for the pointer at `world`.
    QString pointerText(const QPointF &world) const;

    /// The scale denominator N of 1:N for `transform` on a screen of `dotsPerInch`: ground
    /// metres across the middle of the view divided by their length on screen. nullopt
    /// without a metric CRS.
    std::optional<double> scaleDenominator(const render::MapTransform &transform,
                                           double dotsPerInch) const;
    /// "1:25,000" (rounded to 3 significant digits), or empty.
    static QString scaleText(double denominator);

private:
    crs::Crs m_mapCrs;
    crs::Crs m_metricCrs;
    std::unique_ptr<crs::CoordinateTransform> m_toGeographic;
    std::unique_ptr<crs::CoordinateTransform> m_toMetric;
};

} // namespace riskatlas::desktop
