// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/coverage_union.h"

#include "core/geometry/wkb_polygon_rings.h"
#include "core/geos/geometry_parts.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <vector>

namespace riskatlas::overlay {

namespace {

struct Point
{
    double x;
    double y;
    bool operator==(const Point &other) const { return x == other.x && y == other.y; }
    bool operator<(const Point &other) const { return std::tie(x, y) < std::tie(other.x, other.y); }
};

// An edge with its ends in order, so that the same edge walked either way compares equal.
struct Edge
{
    Point a;
    Point b;
    bool operator<(const Edge &other) const
    {
        return std::tie(a.x, a.y, b.x, b.y) < std::tie(other.a.x, other.a.y, other.b.x, other.b.y);
    }
    bool operator==(const Edge &other) const { return a == other.a && b == other.b; }
};

// The edges of the ring of `xy` from vertex `begin` to `end` (closing vertex included).
void addEdges(const std::vector<double> &xy, std::size_t begin, std::size_t end,
              std::vector<Edge> &edges)
{
    for (std::size_t i = begin; i + 1 < end; ++i) {
        Point a{xy[2 * i], xy[2 * i + 1]};
        Point b{xy[2 * i + 2], xy[2 * i + 3]};
        if (a == b)
            continue; // a repeated vertex is no edge
        if (b < a)
            std::swap(a, b);
        edges.push_back({a, b});
    }
}

void addRing(const geos::Context &context, const GEOSGeometry *ring, std::vector<double> &xy,
             std::vector<Edge> &edges)
{
    xy.clear();
    geos::appendVertices(context, ring, xy);
    addEdges(xy, 0, xy.size() / 2, edges);
}

bool addPolygons(const geos::Context &context, const GEOSGeometry *geometry,
                 std::vector<double> &xy, std::vector<Edge> &edges)
{
    const GEOSContextHandle_t handle = context.handle();
    const int type = GEOSGeomTypeId_r(handle, geometry);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int count = GEOSGetNumGeometries_r(handle, geometry);
        for (int i = 0; i < count; ++i) {
            if (!addPolygons(context, GEOSGetGeometryN_r(handle, geometry, i), xy, edges))
                return false;
        }
        return true;
    }
    if (type != GEOS_POLYGON)
        return false;
    if (GEOSisEmpty_r(handle, geometry) != 0)
        return true;
    addRing(context, GEOSGetExteriorRing_r(handle, geometry), xy, edges);
    const int holes = GEOSGetNumInteriorRings_r(handle, geometry);
    for (int h = 0; h < holes; ++h)
        addRing(context, GEOSGetInteriorRingN_r(handle, geometry, h), xy, edges);
    return true;
}

// Segments of all rings of a polygonal geometry (a ring of n points has n − 1).
std::size_t segmentsOfRings(const geos::Context &context, const GEOSGeometry *geometry)
{
    const GEOSContextHandle_t handle = context.handle();
    std::size_t segments = 0;
    auto ring = [&](const GEOSGeometry *line) {
        const int points = GEOSGeomGetNumPoints_r(handle, line);
        segments += points > 1 ? std::size_t(points - 1) : 0;
    };
    const int count = GEOSGetNumGeometries_r(handle, geometry);
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry *polygon = GEOSGetGeometryN_r(handle, geometry, i);
        if (GEOSGeomTypeId_r(handle, polygon) != GEOS_POLYGON || GEOSisEmpty_r(handle, polygon))
            continue;
        ring(GEOSGetExteriorRing_r(handle, polygon));
        const int holes = GEOSGetNumInteriorRings_r(handle, polygon);
        for (int h = 0; h < holes; ++h)
            ring(GEOSGetInteriorRingN_r(handle, polygon, h));
    }
    return segments;
}

geos::GeometryPtr geosCoverageUnion(const geos::Context &context,
                                    const std::vector<QByteArray> &wkbs)
{
    std::vector<geos::GeometryPtr> parts;
    parts.reserve(wkbs.size());
    for (const QByteArray &wkb : wkbs)
        parts.push_back(geos::fromWkb(context, wkb));
    const geos::GeometryPtr collection =
        geos::makeCollection(context, GEOS_GEOMETRYCOLLECTION, std::move(parts));
    return geos::own(context, GEOSCoverageUnion_r(context.handle(), collection.get()));
}

} // namespace

geos::GeometryPtr coverageUnionOfEdges(const geos::Context &context,
                                       const std::vector<QByteArray> &wkbs)
{
    const GEOSContextHandle_t handle = context.handle();
    std::vector<Edge> edges;
    {
        std::vector<double> xy;
        std::vector<std::size_t> ringEnds;
        for (const QByteArray &wkb : wkbs) {
            xy.clear();
            ringEnds.clear();
            if (geometry::readWkbPolygonRings(wkb, xy, &ringEnds)) {
                std::size_t begin = 0;
                for (std::size_t end : ringEnds) {
                    addEdges(xy, begin, end, edges);
                    begin = end;
                }
                continue;
            }
            // Not plain 2D polygons in WKB: GEOS reads it, and says whether it has Z.
            const geos::GeometryPtr geometry = geos::fromWkb(context, wkb);
            if (GEOSHasZ_r(handle, geometry.get()) != 0 ||
                !addPolygons(context, geometry.get(), xy, edges))
                return {};
        }
    }
    // Sorted, an edge's copies are neighbours: one copy is boundary, two are an edge two
    // polygons share, more means the input is no coverage.
    std::sort(edges.begin(), edges.end());
    std::size_t kept = 0;
    for (std::size_t i = 0; i < edges.size();) {
        std::size_t j = i + 1;
        while (j < edges.size() && edges[j] == edges[i])
            ++j;
        if (j - i > 2)
            return {};
        if (j - i == 1)
            edges[kept++] = edges[i];
        i = j;
    }
    edges.resize(kept);
    if (edges.empty())
        return {};

    // Vertex numbers, and the edges at each vertex (compressed rows).
    std::vector<std::pair<Point, std::uint32_t>> ends; // point, edge × 2 + end
    ends.reserve(edges.size() * 2);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        ends.push_back({edges[e].a, std::uint32_t(2 * e)});
        ends.push_back({edges[e].b, std::uint32_t(2 * e + 1)});
    }
    std::sort(ends.begin(), ends.end(), [](const auto &p, const auto &q) {
        return p.first < q.first || (p.first == q.first && p.second < q.second);
    });
    std::vector<std::uint32_t> vertexOfEnd(ends.size());
    std::vector<Point> vertices;
    std::vector<std::uint32_t> firstEnd; // index into `ends` of each vertex's first end
    for (std::size_t k = 0; k < ends.size(); ++k) {
        if (k == 0 || !(ends[k].first == ends[k - 1].first)) {
            vertices.push_back(ends[k].first);
            firstEnd.push_back(std::uint32_t(k));
        }
        vertexOfEnd[ends[k].second] = std::uint32_t(vertices.size() - 1);
    }
    firstEnd.push_back(std::uint32_t(ends.size()));
    auto degree = [&](std::uint32_t v) {
        return firstEnd[v + 1] - firstEnd[v];
    };
    auto otherEnd = [&](std::uint32_t edge, std::uint32_t from) {
        const std::uint32_t a = vertexOfEnd[2 * edge];
        return a == from ? vertexOfEnd[2 * edge + 1] : a;
    };

    // Lines from branch point to branch point (a vertex where other than two edges meet),
    // then the rings that have none.
    std::vector<char> used(edges.size(), 0);
    std::vector<double> line;
    std::vector<geos::GeometryPtr> lines;
    // Points [first, last) of `line` as a GEOS line.
    auto addLine = [&](std::size_t first, std::size_t last) {
        GEOSCoordSequence *sequence = GEOSCoordSeq_copyFromBuffer_r(handle, line.data() + 2 * first,
                                                                    unsigned(last - first), 0, 0);
        if (!sequence)
            return false;
        geos::GeometryPtr geometry =
            geos::own(context, GEOSGeom_createLineString_r(handle, sequence));
        if (!geometry)
            return false;
        lines.push_back(std::move(geometry));
        return true;
    };
    auto walk = [&](std::uint32_t start, std::uint32_t edge) -> bool {
        line.clear();
        line.push_back(vertices[start].x);
        line.push_back(vertices[start].y);
        std::uint32_t at = start;
        for (;;) {
            used[edge] = 1;
            at = otherEnd(edge, at);
            line.push_back(vertices[at].x);
            line.push_back(vertices[at].y);
            if (at == start || degree(at) != 2)
                break;
            const std::uint32_t first = ends[firstEnd[at]].second / 2;
            const std::uint32_t second = ends[firstEnd[at] + 1].second / 2;
            edge = first == edge ? second : first;
            if (used[edge])
                break;
        }
        // A line that comes back to where it began would be an edge from a node to itself,
        // which GEOS 3.11's polygonizer mishandles where it meets other edges (it dropped an
        // island touching the rest at one corner); cut in two, it is two edges between two
        // nodes.
        const std::size_t points = line.size() / 2;
        if (at == start && points > 2) {
            const std::size_t middle = points / 2;
            return addLine(0, middle + 1) && addLine(middle, points);
        }
        return addLine(0, points);
    };
    for (std::uint32_t v = 0; v + 1 < firstEnd.size(); ++v) {
        if (degree(v) == 2)
            continue;
        for (std::uint32_t k = firstEnd[v]; k < firstEnd[v + 1]; ++k) {
            const std::uint32_t edge = ends[k].second / 2;
            if (!used[edge] && !walk(v, edge))
                return {};
        }
    }
    for (std::uint32_t edge = 0; edge < edges.size(); ++edge) {
        if (!used[edge] && !walk(vertexOfEnd[2 * edge], edge))
            return {};
    }

    std::vector<const GEOSGeometry *> raw;
    raw.reserve(lines.size());
    for (const geos::GeometryPtr &geometry : lines)
        raw.push_back(geometry.get());
    geos::GeometryPtr result =
        geos::own(context, GEOSPolygonize_valid_r(handle, raw.data(), unsigned(raw.size())));
    // Every boundary edge must be on exactly one ring of the result. GEOS 3.11's polygonizer
    // sometimes leaves out a face where polygons meet at single vertices around an empty
    // face (seen on random jittered grids, never on the sample county); its segment-wise run
    // inside GEOSCoverageUnion_r does not, so that takes over then.
    if (result && segmentsOfRings(context, result.get()) == edges.size())
        return result;
    return geosCoverageUnion(context, wkbs);
}

} // namespace riskatlas::overlay
