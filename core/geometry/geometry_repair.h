// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geos/geos_context.h"
#include "core/model/vector_layer.h"

#include <QList>
#include <QString>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::geometry {

/// One change made to one feature's geometry.
struct RepairEntry
{
    qint64 fid = -1;
    QString problem;   ///< GEOS's reason with its location, e.g. "Self-intersection at (1 1)".
    double areaBefore; ///< In report.areaUnit; NaN for points and lines.
    double areaAfter;  ///< 0 when dropped.
    QString action; ///< "repaired", "dropped: empty geometry", "dropped: collapsed to a line", …
};

/// What validation found and did; nothing is dropped without an entry here.
struct RepairReport
{
    qint64 checked = 0;
    qint64 invalid = 0;
    qint64 repaired = 0;
    qint64 dropped = 0;
    QString areaUnit = QStringLiteral("m²"); ///< "m²" or, for a layer without CRS, "units²".
    QList<RepairEntry> entries;

    bool isClean() const { return entries.isEmpty(); }
};

/// Repairs one invalid geometry with GEOS MakeValid, STRUCTURE method (shells unioned, holes
/// subtracted: overlapping parts count once, a shell nested in another disappears into it, a
/// hole crossing its shell is cut away), keeping only parts of `dimension` (0 points, 1 lines,
/// 2 polygons). Returns null when nothing of that dimension is left.
geos::GeometryPtr makeValidKeepingDimension(const geos::Context &context,
                                            const GEOSGeometry *geometry, int dimension);

/// Validates every feature of `layer` with GEOS; repairs invalid ones in place with
/// makeValidKeepingDimension and drops empty or collapsed ones, recording each in `report`.
/// Areas in the report are measured in the layer's metric CRS (metricCrsFor), or in layer
/// units when it has no CRS. Validation runs on `threads` worker threads (0 = all cores);
/// the result and the report do not depend on it. Throws CancelledError through `feedback`.
void validateAndRepair(model::VectorLayer &layer, RepairReport &report,
                       Feedback *feedback = nullptr, int threads = 0);

} // namespace riskatlas::geometry
