// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/point_in_polygon_grid.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace riskatlas::overlay {

namespace {

// Cells an edge may come near without the grid deciding them: rounding can move a computed
// cell index by one for the edge and by one for the point.
constexpr int kMargin = 2;

} // namespace

PointInPolygonGrid::PointInPolygonGrid(const geos::Context &context, const GEOSGeometry *polygon,
                                       const GEOSPreparedGeometry *prepared, int resolution)
{
    const GEOSContextHandle_t handle = context.handle();
    if (!polygon || GEOSisEmpty_r(handle, polygon) != 0)
        return; // contains nothing: every point is outside the empty envelope
    if (GEOSGeom_getDimensions_r(handle, polygon) != 2) {
        m_everywhere = Answer::Unknown;
        return;
    }
    if (GEOSGeom_getExtent_r(handle, polygon, &m_minX, &m_minY, &m_maxX, &m_maxY) == 0) {
        throw ProcessingError(
            {}, QStringLiteral("cannot read a polygon's envelope: %1").arg(context.lastError()));
    }
    const double longer = std::max(m_maxX - m_minX, m_maxY - m_minY);
    if (!(longer > 0) || !std::isfinite(longer) || resolution < 1)
        return;
    const double scale = double(resolution) / longer;
    m_scaleX = scale;
    m_scaleY = scale;
    m_columns = std::clamp(int(std::ceil((m_maxX - m_minX) * scale)), 1, resolution);
    m_rows = std::clamp(int(std::ceil((m_maxY - m_minY) * scale)), 1, resolution);
    m_cells.assign(std::size_t(m_columns) * std::size_t(m_rows), Answer::Outside);
    // Outside here means "no edge near" until decideBlocks() gives each block its answer.
    markEdges(context, polygon);
    decideBlocks(context, prepared);
}

void PointInPolygonGrid::markEdges(const geos::Context &context, const GEOSGeometry *polygon)
{
    const GEOSContextHandle_t handle = context.handle();
    std::vector<double> xy;
    auto markRing = [&](const GEOSGeometry *ring) {
        const GEOSCoordSequence *sequence = GEOSGeom_getCoordSeq_r(handle, ring);
        unsigned int size = 0;
        if (!sequence || GEOSCoordSeq_getSize_r(handle, sequence, &size) == 0)
            throw ProcessingError(
                {}, QStringLiteral("cannot read a polygon ring: %1").arg(context.lastError()));
        xy.resize(std::size_t(size) * 2);
        if (size > 0 && GEOSCoordSeq_copyToBuffer_r(handle, sequence, xy.data(), 0, 0) == 0)
            throw ProcessingError(
                {}, QStringLiteral("cannot read a polygon ring: %1").arg(context.lastError()));
        for (unsigned int i = 0; i + 1 < size; ++i)
            markSegment(xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3]);
        if (size == 1)
            markSegment(xy[0], xy[1], xy[0], xy[1]);
    };
    const int parts = GEOSGetNumGeometries_r(handle, polygon);
    for (int p = 0; p < parts; ++p) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(handle, polygon, p);
        if (!part || GEOSGeomTypeId_r(handle, part) != GEOS_POLYGON || GEOSisEmpty_r(handle, part))
            continue;
        markRing(GEOSGetExteriorRing_r(handle, part));
        const int holes = GEOSGetNumInteriorRings_r(handle, part);
        for (int h = 0; h < holes; ++h)
            markRing(GEOSGetInteriorRingN_r(handle, part, h));
    }
}

void PointInPolygonGrid::markSegment(double ax, double ay, double bx, double by)
{
    // Pieces of at most half a cell, each marking the cells of its box and the margin: a long
    // diagonal edge marks a band along itself, not its whole bounding box.
    const double cells = std::max(std::abs(bx - ax) * m_scaleX, std::abs(by - ay) * m_scaleY);
    const int pieces = 1 + int(std::min(cells * 2.0, 1e7));
    auto index = [](double value, double origin, double scale, int count) {
        const double cell = std::floor((value - origin) * scale);
        return int(std::clamp(cell, -1.0 - kMargin, double(count + kMargin)));
    };
    double x0 = ax;
    double y0 = ay;
    for (int k = 1; k <= pieces; ++k) {
        const double t = double(k) / double(pieces);
        const double x1 = k == pieces ? bx : ax + (bx - ax) * t;
        const double y1 = k == pieces ? by : ay + (by - ay) * t;
        const int c0 = std::max(0, index(std::min(x0, x1), m_minX, m_scaleX, m_columns) - kMargin);
        const int c1 =
            std::min(m_columns - 1, index(std::max(x0, x1), m_minX, m_scaleX, m_columns) + kMargin);
        const int r0 = std::max(0, index(std::min(y0, y1), m_minY, m_scaleY, m_rows) - kMargin);
        const int r1 =
            std::min(m_rows - 1, index(std::max(y0, y1), m_minY, m_scaleY, m_rows) + kMargin);
        for (int r = r0; r <= r1; ++r) {
            Answer *row = m_cells.data() + std::size_t(r) * std::size_t(m_columns);
            std::fill(row + c0, row + c1 + 1, Answer::Unknown);
        }
        x0 = x1;
        y0 = y1;
    }
}

void PointInPolygonGrid::decideBlocks(const geos::Context &context,
                                      const GEOSPreparedGeometry *prepared)
{
    const GEOSContextHandle_t handle = context.handle();
    // Blocks of edge-free cells, four-connected; `block` numbers them, -1 for edge cells.
    std::vector<int> block(m_cells.size(), -1);
    std::vector<Answer> answers;
    std::vector<std::size_t> stack;
    for (std::size_t start = 0; start < m_cells.size(); ++start) {
        if (m_cells[start] == Answer::Unknown || block[start] >= 0)
            continue;
        const int id = int(answers.size());
        // The centre of the block's first cell stands for the block.
        const int column = int(start % std::size_t(m_columns));
        const int row = int(start / std::size_t(m_columns));
        const double x = m_minX + (column + 0.5) / m_scaleX;
        const double y = m_minY + (row + 0.5) / m_scaleY;
        const geos::GeometryPtr centre =
            geos::own(context, GEOSGeom_createPointFromXY_r(handle, x, y));
        const char contains = centre ? GEOSPreparedContains_r(handle, prepared, centre.get()) : 2;
        answers.push_back(contains == 1   ? Answer::Inside
                          : contains == 0 ? Answer::Outside
                                          : Answer::Unknown);
        block[start] = id;
        stack.assign(1, start);
        while (!stack.empty()) {
            const std::size_t cell = stack.back();
            stack.pop_back();
            const int c = int(cell % std::size_t(m_columns));
            const int r = int(cell / std::size_t(m_columns));
            auto visit = [&](int nc, int nr) {
                if (nc < 0 || nr < 0 || nc >= m_columns || nr >= m_rows)
                    return;
                const std::size_t next = std::size_t(nr) * std::size_t(m_columns) + std::size_t(nc);
                if (m_cells[next] == Answer::Unknown || block[next] >= 0)
                    return;
                block[next] = id;
                stack.push_back(next);
            };
            visit(c - 1, r);
            visit(c + 1, r);
            visit(c, r - 1);
            visit(c, r + 1);
        }
    }
    for (std::size_t i = 0; i < m_cells.size(); ++i) {
        if (block[i] >= 0)
            m_cells[i] = answers[std::size_t(block[i])];
    }
}

double PointInPolygonGrid::decidedShare() const
{
    if (m_cells.empty())
        return 0;
    const auto unknown = std::count(m_cells.begin(), m_cells.end(), Answer::Unknown);
    return 1.0 - double(unknown) / double(m_cells.size());
}

} // namespace riskatlas::overlay
