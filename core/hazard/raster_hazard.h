// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/hazard/hazard_indicator.h"
#include "core/hazard/risk_model.h"
#include "core/model/vector_layer.h"

#include <QHash>

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// A hazard whose `source` is a raster (overlay::isRasterPath): band 1 holds an integer level
/// per cell; nodata (and NaN) cells have no level. Each level maps through `spec.scores`,
/// whose keys must then be integers. docs/five-colour.md gives the rules.

/// spec.scores with integer keys. Throws InputError naming `hazards[index].scores."KEY"` in
/// `modelPath` for a key that is not an integer.
QHash<qint64, double> rasterLevelScores(const HazardSpec &spec, int index,
                                        const QString &modelPath);

/// The hazard indicator of each unit (same order as `units.features`; metric CRS, m²) from the
/// raster's cells counted as overlay::visitRasterCells counts them (centre in the unit; a unit
/// holding at most one centre takes every cell it overlaps by covered fraction), each cell with
/// its area in the units' CRS:
/// - area_weighted_mean: Σ score·area / D,
/// - max_level: the highest score among the counted cells, 0 when none,
/// - share_at_or_above: Σ area of cells with score ≥ score(threshold) / D,
/// where D is the unit's area, or the counted cells' area when that is larger (a unit whose
/// border cuts cells can count a little more cell area than it has). Throws InputError naming
/// the raster, the cell's value, row and column for a counted cell whose value is not a level
/// of the table; what visitRasterCells throws.
std::vector<double> rasterHazardIndicator(const model::VectorLayer &units, const HazardSpec &spec,
                                          int index, const QString &modelPath, int threads,
                                          Feedback *feedback);

/// The raster's cells polygonised by level (GDALFPolygonize on band 1, nodata masked), one
/// MultiPolygon per level (dissolved), reprojected into `metricCrs`, with the fields of a
/// scored vector hazard: `spec.levelField` (the level, integer), `h_score`, `h_grade` and
/// `h_above` (see scoreHazardLayer), so that hazardMap and the tables take it as they take a
/// vector hazard. Every cell that is not nodata must hold a level of the table: otherwise
/// InputError naming the raster, the value, the row and column of one such cell and how many
/// cells hold it. Throws InputError for a raster that cannot be read (as describeRaster),
/// ProcessingError when polygonising fails, CancelledError through `feedback`.
ScoredHazard polygoniseRasterHazard(const HazardSpec &spec, int index, const QString &modelPath,
                                    const crs::Crs &metricCrs, int threads, Feedback *feedback);

} // namespace riskatlas::hazard
