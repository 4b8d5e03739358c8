// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geos/geos_context.h"

#include <QByteArray>

#include <vector>

namespace riskatlas::overlay {

/// The union of the polygons in `wkbs` (Polygons and MultiPolygons, 2D), assuming they form
/// a coverage: they meet only along shared edges with matching vertices. Each edge that two
/// polygons share cancels; what is left is the union's boundary, which is joined into one
/// line per stretch between branch points and polygonized by GEOS (GEOSPolygonize_valid_r,
/// the polygonizer GEOSCoverageUnion_r uses, but given a few long lines instead of one
/// two-point line per segment, which is where GEOSCoverageUnion_r spends most of its time).
/// The WKB is read straight from its bytes (readWkbPolygonRings()), through GEOS only when it
/// is not plain 2D polygons. When the polygons do not hold every boundary edge exactly once
/// (GEOS 3.11's polygonizer can leave out a face given long lines), GEOSCoverageUnion_r
/// gives the answer instead.
///
/// Null when the input is plainly not a coverage (an edge of three or more polygons, a part
/// that is not a polygon, nothing left), has Z, or when GEOS fails; throws ProcessingError
/// when a WKB cannot be read at all. Like GEOSCoverageUnion_r, it does not detect every input
/// that is not a coverage (an overlap, a vertex of one polygon on an edge of another): the
/// caller must check that the result is valid and keeps the area.
geos::GeometryPtr coverageUnionOfEdges(const geos::Context &context,
                                       const std::vector<QByteArray> &wkbs);

} // namespace riskatlas::overlay
