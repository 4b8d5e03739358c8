// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geometry/wkb_polygon_rings.h"

#include "core/geometry/wkb_cursor.h"

#include <cmath>

namespace riskatlas::geometry {

namespace {

bool readPolygon(WkbCursor &cursor, const WkbHeader &header, std::vector<double> &xy,
                 std::vector<std::size_t> *ringEnds)
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
    return true;
}

} // namespace

bool readWkbPolygonRings(const QByteArray &wkb, std::vector<double> &xy,
                         std::vector<std::size_t> *ringEnds)
{
    WkbCursor cursor(wkb);
    WkbHeader header;
    if (!readWkbHeader(cursor, header) || header.hasZ || header.hasM)
        return false;
    if (header.type == WkbPolygon)
        return readPolygon(cursor, header, xy, ringEnds) && cursor.remaining() == 0;
    if (header.type != WkbMultiPolygon)
        return false;
    quint32 parts = 0;
    if (!readWkbCount(cursor, header, 9, parts))
        return false;
    for (quint32 p = 0; p < parts; ++p) {
        WkbHeader part;
        if (!readWkbHeader(cursor, part) || part.type != WkbPolygon || part.hasZ || part.hasM ||
            !readPolygon(cursor, part, xy, ringEnds))
            return false;
    }
    return cursor.remaining() == 0;
}

} // namespace riskatlas::geometry
