// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/model/vector_layer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// One zone as planners name it: a connected polygon of a zoning's level (zoneByLevel gives
/// one MultiPolygon per level; a zone is one of its polygons), with the assessment units it
/// holds.
struct ZonePart
{
    int level = 0;
    QByteArray wkb;            ///< Polygon, in the zoning's (metric) CRS
    double area = 0;           ///< m²
    std::vector<size_t> units; ///< indexes into the units, ascending
    QString key;               ///< zoneKey() of the units' ids
};

/// A zone's key: "Z" and the first 12 hex digits of the SHA-256 of its units' ids, sorted and
/// joined by line feeds. It depends on which units the zone holds and on nothing else (not
/// on feature order, level, geometry or thread count), so a rerun on the same inputs finds
/// the same zone, and a zone that gained or lost a unit is a different zone. Pure function.
QString zoneKey(QStringList unitIds);

/// Splits `zoning` (polygons with an integer field `level`, e.g. Zoning::layer) into its
/// connected polygons and assigns each unit of `units` (same CRS) to the polygon that holds an
/// interior point of each of its parts: a unit whose parts lie in two zones belongs to both,
/// and a unit merged into a neighbour by the minimum mapping unit belongs to that neighbour.
/// `unitIds` are the units' ids, same order. Sorted by level, then larger area first, then
/// key. Throws what GEOS parsing throws, CancelledError through `feedback`.
std::vector<ZonePart> zoneParts(const model::VectorLayer &zoning, const model::VectorLayer &units,
                                const QStringList &unitIds, Feedback *feedback);

} // namespace riskatlas::hazard
