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
    // Blocks of edge-free cells, four-connected, found as runs of such cells along each row;
    // runs of neighbouring rows that share a column join (union-find). Work in runs rather
    // than cells keeps a 512 × 512 grid cheap to build.
    struct Run
    {
        int row, begin, end; // cells [begin, end) of `row`
        std::size_t parent;
    };
    std::vector<Run> runs;
    std::vector<std::size_t> rowStart(std::size_t(m_rows) + 1, 0);
    for (int r = 0; r < m_rows; ++r) {
        rowStart[std::size_t(r)] = runs.size();
        const Answer *row = m_cells.data() + std::size_t(r) * std::size_t(m_columns);
        int c = 0;
        while (c < m_columns) {
            while (c < m_columns && row[c] == Answer::Unknown)
                ++c;
            const int begin = c;
            while (c < m_columns && row[c] != Answer::Unknown)
                ++c;
            if (c > begin)
                runs.push_back({r, begin, c, runs.size()});
        }
    }
    rowStart[std::size_t(m_rows)] = runs.size();
    auto find = [&](std::size_t run) {
        while (runs[run].parent != run) {
            runs[run].parent = runs[runs[run].parent].parent;
            run = runs[run].parent;
        }
        return run;
    };
    for (int r = 1; r < m_rows; ++r) {
        std::size_t below = rowStart[std::size_t(r) - 1];
        const std::size_t belowEnd = rowStart[std::size_t(r)];
        for (std::size_t k = rowStart[std::size_t(r)]; k < rowStart[std::size_t(r) + 1]; ++k) {
            while (below < belowEnd && runs[below].end <= runs[k].begin)
                ++below;
            for (std::size_t j = below; j < belowEnd && runs[j].begin < runs[k].end; ++j) {
                // The lower run index becomes the root: it holds the block's first cell.
                const std::size_t a = find(j);
                const std::size_t b = find(k);
                if (a != b)
                    runs[std::max(a, b)].parent = std::min(a, b);
            }
        }
    }
    // One GEOS question per block, at the centre of its first cell in row-major order.
    std::vector<Answer> answerOf(runs.size(), Answer::Unknown);
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const std::size_t root = find(k);
        if (root == k) {
            const double x = m_minX + (runs[k].begin + 0.5) / m_scaleX;
            const double y = m_minY + (runs[k].row + 0.5) / m_scaleY;
            const geos::GeometryPtr centre =
                geos::own(context, GEOSGeom_createPointFromXY_r(handle, x, y));
            const char contains =
                centre ? GEOSPreparedContains_r(handle, prepared, centre.get()) : 2;
            answerOf[k] = contains == 1   ? Answer::Inside
                          : contains == 0 ? Answer::Outside
                                          : Answer::Unknown;
        }
        Answer *row = m_cells.data() + std::size_t(runs[k].row) * std::size_t(m_columns);
        std::fill(row + runs[k].begin, row + runs[k].end, answerOf[root]);
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
