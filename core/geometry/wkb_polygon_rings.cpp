// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geometry/wkb_polygon_rings.h"

#include "core/geometry/wkb_cursor.h"

#include <algorithm>
#include <cmath>

namespace riskatlas::geometry {

namespace {

bool readPolygon(WkbCursor &cursor, const WkbHeader &header, std::vector<double> &xy,
                 std::vector<std::size_t> *ringEnds, std::vector<std::size_t> *polygonEnds)
{
    quint32 rings = 0;
    if (!readWkbCount(cursor, header, 4, rings))
        return false;
    for (quint32 r = 0; r < rings; ++r) {
        quint32 points = 0;
        if (!readWkbCount(cursor, header, 16, points))
            return false;
        const std::size_t start = xy.size();
        xy.resize(start + 2 * std::size_t(points));
        for (quint32 i = 0; i < points; ++i) {
            double &x = xy[start + 2 * i];
            double &y = xy[start + 2 * i + 1];
            if (!cursor.readDouble(header.bigEndian, x) ||
                !cursor.readDouble(header.bigEndian, y) || !std::isfinite(x) || !std::isfinite(y))
                return false;
        }
        if (ringEnds)
            ringEnds->push_back(xy.size() / 2);
    }
    if (polygonEnds && ringEnds)
        polygonEnds->push_back(ringEnds->size());
    return true;
}

// The signed area of the ring of points [begin, end), about its first vertex.
double ringArea(const std::vector<double> &xy, std::size_t begin, std::size_t end)
{
    if (end - begin < 3)
        return 0;
    const double x0 = xy[2 * begin];
    double sum = 0;
    for (std::size_t i = begin + 1; i + 1 < end; ++i)
        sum += (xy[2 * i] - x0) * (xy[2 * i - 1] - xy[2 * i + 3]);
    return sum / 2.0;
}

} // namespace

bool readWkbPolygonRings(const QByteArray &wkb, std::vector<double> &xy,
                         std::vector<std::size_t> *ringEnds, std::vector<std::size_t> *polygonEnds)
{
    WkbCursor cursor(wkb);
    WkbHeader header;
    if (!readWkbHeader(cursor, header) || header.hasZ || header.hasM)
        return false;
    if (header.type == WkbPolygon)
        return readPolygon(cursor, header, xy, ringEnds, polygonEnds) && cursor.remaining() == 0;
    if (header.type != WkbMultiPolygon)
        return false;
    quint32 parts = 0;
    if (!readWkbCount(cursor, header, 9, parts))
        return false;
    for (quint32 p = 0; p < parts; ++p) {
        WkbHeader part;
        if (!readWkbHeader(cursor, part) || part.type != WkbPolygon || part.hasZ || part.hasM ||
            !readPolygon(cursor, part, xy, ringEnds, polygonEnds))
            return false;
    }
    return cursor.remaining() == 0;
}

WkbPolygonMeasure measurePolygonRings(const std::vector<double> &xy,
                                      const std::vector<std::size_t> &ringEnds,
                                      const std::vector<std::size_t> &polygonEnds)
{
    WkbPolygonMeasure measure;
    std::size_t ring = 0;
    std::size_t begin = 0;
    for (std::size_t polygonEnd : polygonEnds) {
        double area = 0;
        for (bool shell = true; ring < polygonEnd; ++ring, shell = false) {
            const double ofRing = std::abs(ringArea(xy, begin, ringEnds[ring]));
            area += shell ? ofRing : -ofRing;
            begin = ringEnds[ring];
        }
        measure.area += area;
    }
    for (std::size_t k = 0; k + 1 < xy.size(); k += 2) {
        if (!measure.hasExtent) {
            measure.minX = measure.maxX = xy[k];
            measure.minY = measure.maxY = xy[k + 1];
            measure.hasExtent = true;
            continue;
        }
        measure.minX = std::min(measure.minX, xy[k]);
        measure.maxX = std::max(measure.maxX, xy[k]);
        measure.minY = std::min(measure.minY, xy[k + 1]);
        measure.maxY = std::max(measure.maxY, xy[k + 1]);
    }
    return measure;
}

} // namespace riskatlas::geometry
