// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>

#include <cstddef>
#include <vector>

namespace riskatlas::geometry {

/// Appends the vertices of every ring of a 2D Polygon or MultiPolygon WKB to `xy` (x y pairs,
/// rings as stored, closing vertex included) and, when `ringEnds` is given, the end of each
/// ring in vertices from the start of `xy`. Straight from the bytes, without building GEOS or
/// GDAL geometries, which costs several times more and, on many threads, makes them contend
/// for GEOS's shared geometry factory.
///
/// Returns false, leaving `xy` and `ringEnds` in an unspecified state, for anything else:
/// other types, Z or M, non-finite coordinates, malformed or truncated data. The caller then
/// reads the geometry through GEOS.
bool readWkbPolygonRings(const QByteArray &wkb, std::vector<double> &xy,
                         std::vector<std::size_t> *ringEnds = nullptr);

} // namespace riskatlas::geometry
