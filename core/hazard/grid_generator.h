// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/model/vector_layer.h"

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// Square assessment cells clipped to a boundary.
///
/// - squareGrid(): cells of `cellSize` metres in `metricCrs` (invalid = the CGCS2000 3°
///   Gauss-Krüger zone of the boundary, crs::metricCrsFor), aligned to multiples of the cell
///   size so that the same boundary always gives the same cells.
/// - geographicGrid(): cells of `cellSize` arc-seconds (30 = the census's 30″ grid) in
///   CGCS2000 lon/lat (EPSG:4490), aligned to multiples of the cell size.
///
/// Only the part of each cell inside the union of the boundary's polygons is kept; cells
/// outside are left out, so the cells tile the boundary exactly. Fields: `unit_id` (text
/// "R<row>C<col>", row 0 the northernmost), `row`, `col`. Features run row by row from the
/// north-west. The output CRS is the grid's. Throws InputError when the boundary has no
/// polygon or no CRS, or the grid would exceed 2 000 000 cells; CancelledError through
/// `feedback`.
model::VectorLayer squareGrid(const model::VectorLayer &boundary, double cellSize,
                              const crs::Crs &metricCrs = {}, Feedback *feedback = nullptr);
model::VectorLayer geographicGrid(const model::VectorLayer &boundary, double cellSize,
                                  Feedback *feedback = nullptr);

} // namespace riskatlas::hazard
