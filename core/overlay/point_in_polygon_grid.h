// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geos/geos_context.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

namespace riskatlas::overlay {

/// A grid of cells over one polygon's envelope that answers "does the polygon contain this
/// point?" for most points without GEOS, with GEOS's answer (GEOSPreparedContains: a point on
/// the boundary is not contained, as in QGIS's Count points in polygon).
///
/// Every cell that an edge comes within two cells of is left undecided. The other cells form
/// blocks no boundary passes through, so each block is wholly interior or wholly exterior; one
/// GEOS test of a cell centre per block decides it. The two-cell margin absorbs the rounding of
/// cell indexes, so a decided answer is exact. Points in undecided cells are for the caller to
/// test with GEOS.
///
/// Built once; locate() is const and may be called from any number of threads. Holds no GEOS
/// object after construction.
class PointInPolygonGrid
{
public:
    enum class Answer : unsigned char { Outside, Inside, Unknown };

    /// A grid of nothing: every point is outside.
    PointInPolygonGrid() = default;

    /// `polygon` (Polygon or MultiPolygon; anything else leaves every point Unknown) and its
    /// prepared form, both in `context`. `resolution` cells along the longer side of the
    /// envelope. Throws ProcessingError when GEOS fails to read the rings.
    PointInPolygonGrid(const geos::Context &context, const GEOSGeometry *polygon,
                       const GEOSPreparedGeometry *prepared, int resolution = 128);

    Answer locate(double x, double y) const
    {
        if (m_everywhere)
            return *m_everywhere;
        // Beyond the envelope no polygon contains the point; on its edge the cells decide.
        if (x < m_minX || x > m_maxX || y < m_minY || y > m_maxY)
            return Answer::Outside;
        if (m_cells.empty())
            return Answer::Unknown;
        const int column = std::clamp(int(std::floor((x - m_minX) * m_scaleX)), 0, m_columns - 1);
        const int row = std::clamp(int(std::floor((y - m_minY) * m_scaleY)), 0, m_rows - 1);
        return m_cells[std::size_t(row) * std::size_t(m_columns) + std::size_t(column)];
    }

    /// Cells decided (inside or outside) out of all cells: how much GEOS work the grid saves.
    double decidedShare() const;

    /// The polygon's envelope (min > max for an empty or missing geometry).
    double minX() const { return m_minX; }
    double minY() const { return m_minY; }
    double maxX() const { return m_maxX; }
    double maxY() const { return m_maxY; }

private:
    void markEdges(const geos::Context &context, const GEOSGeometry *polygon);
    void markSegment(double ax, double ay, double bx, double by);
    void decideBlocks(const geos::Context &context, const GEOSPreparedGeometry *prepared);

    double m_minX = 0, m_minY = 0, m_maxX = -1, m_maxY = -1;
    double m_scaleX = 0, m_scaleY = 0; // cells per unit of x and y
    int m_columns = 0, m_rows = 0;
    std::vector<Answer> m_cells;        // row-major; Unknown until decided
    std::optional<Answer> m_everywhere; // set for geometries that are not polygons
};

} // namespace riskatlas::overlay
