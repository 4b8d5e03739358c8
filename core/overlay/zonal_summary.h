// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/model/field.h"
#include "core/model/vector_layer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::overlay {

/// What to summarise of a vector layer over each unit (docs/zonal.md has the full rules).
enum class ZonalStatistic {
    Count,       ///< `count`: features in the unit (points: inside, boundary excluded)
    Sum,         ///< `sum`: sum of the numeric field over those features (nulls skipped)
    Max,         ///< `max`: largest value of the numeric field, e.g. the highest hazard level
    ClassArea,   ///< `area_<class>`: m² of each class of the field inside the unit
    ClassShare,  ///< `share_<class>`: that area over the unit's area, 0–1
    WeightedMean ///< `weighted_mean` over the covered part, and `coverage` (covered share)
};

/// Which units a POLYGON of the summarised layer counts in, for count, sum and max. Points
/// always count in a unit whose interior holds them (QGIS native:countpointsinpolygon).
enum class PolygonAssignment {
    /// Every unit it shares a positive area with: QGIS's "intersects", except that a polygon
    /// only touching the unit's boundary (no common area) does not count.
    Overlap,
    /// The unit whose interior holds its GEOS point-on-surface (a point always inside the
    /// polygon): at most one unit per polygon when units do not overlap, so counts add up.
    PointOnSurface
};

struct ZonalOptions
{
    QList<ZonalStatistic> statistics;
    /// The numeric value field (sum, max, weighted-mean) or the class field (class-area,
    /// class-share) of the summarised layer. Not needed for count.
    QString field;
    PolygonAssignment assignment = PolygonAssignment::Overlap;
    /// The CRS areas are measured in; invalid = reprojectToMetric's choice (the CGCS2000 3°
    /// Gauss-Krüger zone of the units, or their own CRS when projected).
    crs::Crs metricCrs;
    int threads = 0; ///< 0 = all cores
    Feedback *feedback = nullptr;
};

struct ZonalReport
{
    crs::Crs metricCrs;      ///< where areas were measured
    QStringList addedFields; ///< the new columns, as named in the output
    QStringList warnings;    ///< non-fatal problems (also pushed to the Feedback)
    qint64 unitsWithoutGeometry = 0;
};

/// Summarises `layer` (points or polygons) over each polygon of `units`. Both are reprojected
/// (copies; the arguments are not changed) into one metric CRS; units are processed in
/// parallel chunks, each thread with its own GEOS context and prepared unit geometries, the
/// layer's features held in one STR-tree. The result does not depend on the thread count.
///
/// Returns the units with their own fields, geometries and CRS, plus the new columns (names
/// in docs/zonal.md; a name already taken gets `_2`, `_3`, …). Areas are m² in the metric CRS.
/// Class-area and weighted-mean assume the layer's polygons do not overlap each other (as in
/// a zoning); where they do inside a unit, the overlap is counted twice and a warning names
/// the unit.
///
/// Throws InputError for a missing or non-numeric field, units that are not polygons, a
/// statistic the layer's geometry type cannot give (class-area of points, anything of lines),
/// a layer without CRS; ProcessingError when GEOS fails even on the snapped retry;
/// CancelledError through `options.feedback`. Thread-safe: it only reads its arguments.
model::VectorLayer zonalSummary(const model::VectorLayer &units, const model::VectorLayer &layer,
                                const ZonalOptions &options, ZonalReport *report = nullptr);

/// "count", "sum", "max", "class-area", "class-share", "weighted-mean".
QString zonalStatisticName(ZonalStatistic statistic);
std::optional<ZonalStatistic> parseZonalStatistic(const QString &name);

/// `name`, or `name_2`, `name_3`, … : the first not already in `fields` (exact match).
QString uniqueFieldName(const model::Fields &fields, const QString &name);

} // namespace riskatlas::overlay
