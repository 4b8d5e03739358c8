// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geos/geos_context.h"

#include <QList>
#include <QString>

namespace riskatlas::overlay {

/// The rungs an overlay climbs when GEOS fails, in order.
struct RetryLadder
{
    /// Try GEOS's floating-point OverlayNG first. GEOS 3.11 already retries inside it with a
    /// snapping noder and then snap-rounding at a precision derived from the coordinates'
    /// magnitude (OverlayNGRobust); only when all of that throws does the next rung run.
    bool floating = true;
    /// Then snap-rounding on these fixed grids, in CRS units (metres in a metric CRS), with
    /// GEOS's *Prec_r functions. The defaults: 1 µm (far below any survey's accuracy, so the
    /// result is indistinguishable from the exact one) and then 1 mm.
    QList<double> gridSizes = {1e-6, 1e-3};
};

/// The default ladder, or floating-point then only `gridSize` when it is positive.
RetryLadder retryLadderFor(double gridSize);

/// How an overlay came out. `geometry` is null only when every rung failed, even after
/// repairing invalid inputs; `error` holds GEOS's message whenever a rung failed.
struct OverlayOutcome
{
    geos::GeometryPtr geometry;
    /// 0 when floating point succeeded; else the grid size of the rung that did.
    double gridSize = 0;
    /// True when an input was invalid and had to be repaired (MakeValid) before any rung
    /// succeeded: the reader repairs every input, so this only guards layers built elsewhere.
    bool repairedInputs = false;
    QString error;

    bool retried() const { return gridSize > 0 || repairedInputs; }
};

/// Binary and unary overlays through the retry ladder, on one thread's geos::Context. Not
/// thread-safe: make one per worker thread, with that thread's context. Both inputs must
/// belong to that context (GEOS 3.11's geometry factories count their geometries without
/// atomics, so a geometry made by another context must not be an overlay input). Never
/// throws for a GEOS failure: the caller names the features and decides.
class RobustOverlay
{
public:
    RobustOverlay(const geos::Context &context, RetryLadder ladder);

    const geos::Context &context() const { return m_context; }

    OverlayOutcome intersection(const GEOSGeometry *a, const GEOSGeometry *b) const;
    OverlayOutcome difference(const GEOSGeometry *a, const GEOSGeometry *b) const;
    OverlayOutcome unaryUnion(const GEOSGeometry *collection) const;

private:
    enum class Op { Intersection, Difference, UnaryUnion };
    OverlayOutcome run(Op op, const GEOSGeometry *a, const GEOSGeometry *b) const;
    geos::GeometryPtr climb(Op op, const GEOSGeometry *a, const GEOSGeometry *b,
                            double &gridSize) const;

    const geos::Context &m_context;
    RetryLadder m_ladder;
};

} // namespace riskatlas::overlay
