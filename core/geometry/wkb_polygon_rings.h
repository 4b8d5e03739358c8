// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>

#include <cstddef>
#include <vector>

namespace riskatlas::geometry {

/// Appends the vertices of every ring of a 2D Polygon or MultiPolygon WKB to `xy` (x y pairs,
/// rings as stored, closing vertex included) and, when `ringEnds` is given, the end of each
/// ring in vertices from the start of `xy`, and when `polygonEnds` is given too, the end of
/// each polygon in rings. Straight from the bytes, without building GEOS or GDAL geometries,
/// which costs several times more.
///
/// Returns false, leaving `xy` and `ringEnds` in an unspecified state, for anything else:
/// other types, Z or M, non-finite coordinates, malformed or truncated data. The caller then
/// reads the geometry through GEOS.
bool readWkbPolygonRings(const QByteArray &wkb, std::vector<double> &xy,
                         std::vector<std::size_t> *ringEnds = nullptr,
                         std::vector<std::size_t> *polygonEnds = nullptr);

/// Area and extent of what readWkbPolygonRings() reads, `polygonEnds` giving the end of each
/// polygon in rings: per polygon the shell's area less its holes', each ring by the shoelace
/// formula taken about its first vertex, as GEOS computes them (so that the areas agree with
/// GEOSArea_r to the last bit). An empty geometry has area 0 and no extent (`hasExtent`
/// false).
struct WkbPolygonMeasure
{
    double area = 0;
    double minX = 0;
    double minY = 0;
    double maxX = 0;
    double maxY = 0;
    bool hasExtent = false;
};
WkbPolygonMeasure measurePolygonRings(const std::vector<double> &xy,
                                      const std::vector<std::size_t> &ringEnds,
                                      const std::vector<std::size_t> &polygonEnds);

} // namespace riskatlas::geometry
