// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/error.h"
#include "core/model/vector_layer.h"
#include "core/overlay/eliminate.h"

#include <QByteArray>
#include <QStringList>

#include <optional>
#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::geos {
class Context;
}

namespace riskatlas::overlay {

struct DissolveOptions
{
    /// The CRS to measure and write in; invalid = the CGCS2000 3° Gauss-Krüger zone of the
    /// data (see reprojectToMetric). The output is always in this metric CRS.
    crs::Crs metricCrs;
    /// Worker threads; 0 = all cores. The output does not depend on it.
    int threads = 0;
    /// Progress per step, and cancel. May be null.
    Feedback *feedback = nullptr;
    /// When > 0 (m²), clean the dissolved map: split it into its parts, eliminate the parts
    /// smaller than this into the neighbouring part with the longest shared border (see
    /// eliminate()), and dissolve again by the same fields.
    double eliminateBelow = 0;
};

struct DissolveReport
{
    crs::Crs metricCrs;        ///< the CRS of the output
    qint64 featuresBefore = 0; ///< input features
    qint64 featuresAfter = 0;  ///< output features: one per group
    qint64 featuresWithoutGeometry = 0;
    /// Input features that went into a group together with another feature: for polygons,
    /// the common borders that were erased. featuresBefore − featuresAfter when no group is
    /// without geometry.
    qint64 featuresMerged = 0;
    /// Sums of the polygon areas in m² (0 for points and lines). They differ only where input
    /// polygons of one group overlap: the overlap is counted once after the union.
    double areaBefore = 0;
    double areaAfter = 0;
    /// The eliminate step on the parts, when DissolveOptions::eliminateBelow > 0; its counts
    /// are of parts, and each island's fid is that of the output feature it is a part of.
    std::optional<EliminateReport> eliminate;
};

struct DissolveResult
{
    model::VectorLayer layer;
    DissolveReport report;
};

/// Dissolves `layer` by the values of `byFields`, as QGIS's native:dissolve does: one output
/// feature per distinct combination of values (nulls form a group of their own; strings
/// compare case-sensitively), whose geometry is the union of the group's geometries, with
/// the common borders of polygons erased. No fields: the whole layer is one group.
///
/// - Attributes: all fields are kept; every field, dissolve fields or not, takes the value of
///   the group's first feature in layer order (QGIS does the same).
/// - Geometry: always multi-part (MultiPolygon, MultiLineString or MultiPoint); disjoint parts
///   stay parts of one feature. Lines are merged at their shared end points, as in QGIS. A
///   group whose features have no geometry gives a feature without geometry.
/// - Order: groups in the order of their first feature (QGIS's order is a hash order);
///   fids 1…n.
/// - CRS: the layer is reprojected once to the metric CRS; the output is in metres.
///
/// Groups are unioned in parallel, each worker with its own GEOS context; a group of more than
/// a few thousand features is unioned in spatially sorted batches that are themselves unioned
/// in parallel. The batches do not depend on the thread count, so neither does the output.
///
/// Throws InputError for an unknown field, a layer without CRS or a feature PROJ cannot
/// transform; ProcessingError naming a feature of the group when GEOS cannot union it even
/// after repair and snapping to a 1 mm grid; CancelledError through `options.feedback`.
DissolveResult dissolve(model::VectorLayer layer, const QStringList &byFields,
                        const DissolveOptions &options = {});

/// Union of 2D ISO WKB geometries of dimension `dimension` (0 points, 1 lines, 2 polygons),
/// as 2D ISO WKB: empty when no input has a geometry; lines merged at shared end points;
/// with `multi`, a single part is written as a one-part multi-geometry.
/// Polygons that form a coverage (no overlaps, shared edges with matching vertices, as zoning
/// layers are) are joined by GEOS's coverage union, kept only when its result is valid and has
/// the inputs' total area. Otherwise
/// GEOS's union is tried as it is, then on inputs repaired with MakeValid, then with the
/// coordinates snapped to a 1 µm and then a 1 mm grid (OverlayNG's own fallbacks come
/// first). Each rung is a last resort: real data pass the first. `where` names the failing
/// group in the ProcessingError thrown when every rung fails. Uses only `context`.
QByteArray unionWkb(const geos::Context &context, const std::vector<QByteArray> &wkbs,
                    int dimension, bool multi, const ErrorLocation &where);

/// Area in m² (layer units²) of one 2D ISO WKB geometry; 0 for empty, points and lines.
double wkbArea(const geos::Context &context, const QByteArray &wkb);

} // namespace riskatlas::overlay
