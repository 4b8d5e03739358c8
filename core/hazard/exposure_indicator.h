// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/hazard/risk_model.h"
#include "core/model/vector_layer.h"

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// One exposure indicator's data, read once and summed over any polygons (units, or the
/// township × level pieces of the tables).
class ExposureSource
{
public:
    /// Reads the source of `spec` (raster for RasterSum, features otherwise) into `metricCrs`;
    /// for FloorArea adds each feature's footprint area (m²) × floors. Throws InputError
    /// naming the layer, `exposure[index]` and the fid for a missing or non-numeric field or
    /// a negative floors value, and naming the layer when Length is given no line layer.
    ExposureSource(const ExposureSpec &spec, int index, const crs::Crs &metricCrs, int threads,
                   Feedback *feedback);

    const ExposureSpec &spec() const { return m_spec; }

    /// The total of the indicator in each polygon of `zones` (same order): persons summed from
    /// the raster (cell centres inside; with `smallUnitFallback` a zone holding at most one
    /// centre takes the covered fractions, as QGIS does), or features counted / summed in the
    /// zone holding their point-on-surface, so that each feature counts once; or, for Length,
    /// the km of lines inside the zone (lines cut at its borders by overlay intersection).
    std::vector<double> totals(const model::VectorLayer &zones, bool smallUnitFallback, int threads,
                               Feedback *feedback) const;

private:
    /// Length: km of the lines inside each zone, the lines cut at the zones' borders.
    std::vector<double> lengths(const model::VectorLayer &zones, int threads,
                                Feedback *feedback) const;

    ExposureSpec m_spec;
    model::VectorLayer m_layer;
};

} // namespace riskatlas::hazard
