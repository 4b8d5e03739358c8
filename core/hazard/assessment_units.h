// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/hazard/risk_model.h"
#include "core/model/vector_layer.h"

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// The units a risk model is assessed on, in one metric CRS.
struct AssessmentUnits
{
    /// Polygons with fields `unit_id` (text), `unit_name` (text) and `area_km2`, fids 1…n in
    /// the order of the source (admin) or the grid (row by row from the north-west).
    model::VectorLayer units;
    /// One feature: the study area (the boundary layer's union, or the units' union when an
    /// admin model names no boundary), in the same CRS. Zoning must tile it.
    model::VectorLayer studyArea;
    double studyAreaM2 = 0;
    crs::Crs
        metricCrs; ///< the CGCS2000 3° Gauss-Krüger zone of the data (or its own projected CRS)
};

/// Reads an admin unit layer, or generates the grid (grid_generator.h), as `spec` says.
/// Unit ids must be unique and not null (InputError naming the layer and fid otherwise).
/// Throws what io::readLayer throws; CancelledError through `feedback`.
AssessmentUnits prepareUnits(const UnitsSpec &spec, int threads, Feedback *feedback);

/// Reads a layer the model names and reprojects it to `metricCrs`. Throws what io::readLayer
/// and overlay::reprojectToMetric throw.
model::VectorLayer readModelLayer(const QString &path, const crs::Crs &metricCrs, int threads,
                                  Feedback *feedback);

} // namespace riskatlas::hazard
