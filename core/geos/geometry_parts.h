// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geos/geos_context.h"

#include <vector>

namespace riskatlas::geos {

/// Appends owned clones of the non-empty atomic parts of `geometry` (points, lines or
/// polygons) that have `dimension` (0, 1, 2), looking through nested collections. Used to
/// keep a feature's own dimension after MakeValid, an overlay or a union, which can leave
/// lower-dimensional debris where boundaries touch.
void collectParts(const Context &context, const GEOSGeometry *geometry, int dimension,
                  std::vector<GeometryPtr> &parts);

/// GEOS type id of the multi-geometry of a dimension: MultiPoint, MultiLineString or
/// MultiPolygon (2 and anything else).
int multiTypeForDimension(int dimension);

/// A collection of `type` made of `parts`, which it takes over; an empty collection of that
/// type when there are none. Throws ProcessingError when GEOS cannot build it.
GeometryPtr makeCollection(const Context &context, int type, std::vector<GeometryPtr> parts);

/// Appends the x y pairs of every vertex of `geometry` (every ring of every polygon, every
/// line, every point, looking through collections) to `xy`. Throws ProcessingError when GEOS
/// cannot read a coordinate sequence.
void appendVertices(const Context &context, const GEOSGeometry *geometry, std::vector<double> &xy);

} // namespace riskatlas::geos
