// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/robust_overlay.h"

#include "core/error.h"
#include "core/geometry/geometry_repair.h"

namespace riskatlas::overlay {

RetryLadder retryLadderFor(double gridSize)
{
    RetryLadder ladder;
    if (gridSize > 0)
        ladder.gridSizes = {gridSize};
    return ladder;
}

RobustOverlay::RobustOverlay(const geos::Context &context, RetryLadder ladder)
    : m_context(context)
    , m_ladder(std::move(ladder))
{}

OverlayOutcome RobustOverlay::intersection(const GEOSGeometry *a, const GEOSGeometry *b) const
{
    return run(Op::Intersection, a, b);
}

OverlayOutcome RobustOverlay::difference(const GEOSGeometry *a, const GEOSGeometry *b) const
{
    return run(Op::Difference, a, b);
}

OverlayOutcome RobustOverlay::unaryUnion(const GEOSGeometry *collection) const
{
    return run(Op::UnaryUnion, collection, nullptr);
}

geos::GeometryPtr RobustOverlay::climb(Op op, const GEOSGeometry *a, const GEOSGeometry *b,
                                       double &gridSize) const
{
    const GEOSContextHandle_t handle = m_context.handle();
    gridSize = 0;
    if (m_ladder.floating) {
        GEOSGeometry *result = nullptr;
        switch (op) {
        case Op::Intersection:
            result = GEOSIntersection_r(handle, a, b);
            break;
        case Op::Difference:
            result = GEOSDifference_r(handle, a, b);
            break;
        case Op::UnaryUnion:
            result = GEOSUnaryUnion_r(handle, a);
            break;
        }
        if (result)
            return geos::own(m_context, result);
    }
    for (const double grid : m_ladder.gridSizes) {
        GEOSGeometry *result = nullptr;
        switch (op) {
        case Op::Intersection:
            result = GEOSIntersectionPrec_r(handle, a, b, grid);
            break;
        case Op::Difference:
            result = GEOSDifferencePrec_r(handle, a, b, grid);
            break;
        case Op::UnaryUnion:
            result = GEOSUnaryUnionPrec_r(handle, a, grid);
            break;
        }
        if (result) {
            gridSize = grid;
            return geos::own(m_context, result);
        }
    }
    return {};
}

OverlayOutcome RobustOverlay::run(Op op, const GEOSGeometry *a, const GEOSGeometry *b) const
{
    OverlayOutcome outcome;
    outcome.geometry = climb(op, a, b, outcome.gridSize);
    if (outcome.geometry)
        return outcome;
    outcome.error = m_context.lastError();

    // Valid inputs practically never get here; invalid ones (a ring crossing itself) make
    // OverlayNG's topology fail on every grid. Repair them as the reader would and climb again.
    const auto repaired = [&](const GEOSGeometry *geometry) -> geos::GeometryPtr {
        if (!geometry || GEOSisValid_r(m_context.handle(), geometry) == 1)
            return {};
        const int dimension = GEOSGeom_getDimensions_r(m_context.handle(), geometry);
        geos::GeometryPtr fixed =
            geometry::makeValidKeepingDimension(m_context, geometry, dimension);
        if (!fixed) // collapsed entirely: it covers nothing
            fixed = geos::own(m_context, GEOSGeom_createEmptyPolygon_r(m_context.handle()));
        return fixed;
    };
    geos::GeometryPtr fixedA;
    geos::GeometryPtr fixedB;
    try {
        fixedA = repaired(a);
        fixedB = repaired(b);
    } catch (const Error &error) {
        outcome.error += QStringLiteral("; repair failed: ") + error.message();
        return outcome;
    }
    if (!fixedA && !fixedB)
        return outcome;
    outcome.repairedInputs = true;
    outcome.geometry =
        climb(op, fixedA ? fixedA.get() : a, fixedB ? fixedB.get() : b, outcome.gridSize);
    if (!outcome.geometry)
        outcome.error = m_context.lastError();
    return outcome;
}

} // namespace riskatlas::overlay
