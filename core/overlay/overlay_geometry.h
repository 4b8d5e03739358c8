// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geos/geos_context.h"
#include "core/model/geometry_type.h"

#include <QByteArray>

namespace riskatlas::overlay {

/// Dimension of a 2D ISO WKB geometry from its header: 0 points, 1 lines, 2 polygons; -1 for
/// no geometry, a geometry collection, or a header that is not little-endian ISO WKB (ask
/// GEOS then).
int wkbDimension(const QByteArray &wkb);

/// The multi-part type of a dimension: MultiPoint, MultiLineString or MultiPolygon.
model::GeometryType multiTypeOfDimension(int dimension);

/// A little-endian ISO WKB Point, LineString or Polygon wrapped as a one-part MultiPoint,
/// MultiLineString or MultiPolygon, byte for byte (no GEOS round trip, so coordinates are
/// untouched); multi-part geometries are returned as they are.
QByteArray toMultiWkb(const QByteArray &wkb);

/// The parts of `geometry` with `dimension` as one multi-part geometry in `context`, or null
/// when it has none (e.g. the slivers of line a rectangle clip leaves along its border).
geos::GeometryPtr partsOfDimension(const geos::Context &context, const GEOSGeometry *geometry,
                                   int dimension);

/// The parts of `geometry` with `dimension`, as a multi-part geometry in WKB: overlays of two
/// polygons can also return the lines and points where their boundaries touch, which do not
/// belong in a polygon result. Returns an empty array when no such part is left.
QByteArray multiWkbOfDimension(const geos::Context &context, const GEOSGeometry *geometry,
                               int dimension);

} // namespace riskatlas::overlay
