// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/model/vector_layer.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::overlay {

/// The two-layer overlays, with the semantics of QGIS's processing tools of the same name
/// (identity, which QGIS 3.22 lacks, as ArcGIS defines it). B must be polygons.
enum class OverlayOperation {
    Intersection, ///< A∩B per pair of features; A's then B's attributes (QGIS native:intersection)
    Union,    ///< A∩B, A−B and B−A; both attribute sets, the absent side null (native:union)
    Identity, ///< A∩B and A−B: A's features split by B; B's attributes null outside B
    Difference, ///< A minus the union of the B features it overlaps; A's attributes
    Clip,       ///< A cut to the union of B; A's attributes only (native:clip)
};

/// "intersection", "union", "identity", "difference", "clip".
QString operationName(OverlayOperation operation);
std::optional<OverlayOperation> operationFromName(const QString &name);

struct OverlayOptions
{
    /// Worker threads; 0 = all cores. The result does not depend on it.
    int threads = 0;
    /// Grid for the retry after GEOS fails in floating point, in metres; 0 = the default
    /// ladder (1e-6 m, then 1e-3 m). See RetryLadder.
    double gridSize = 0;
    /// The metric CRS to work and answer in; invalid = the CGCS2000 3° Gauss-Krüger zone of A
    /// (or A's own CRS when it is projected), see reprojectToMetric.
    crs::Crs metricCrs;
    /// Progress, step names and cancellation; may be null.
    Feedback *feedback = nullptr;
};

/// One overlay that needed more than GEOS's floating-point OverlayNG.
struct OverlayRetry
{
    QList<qint64> fidsA; ///< the features of A involved (one, or several unioned)
    QList<qint64> fidsB;
    QString step;          ///< "intersection", "difference" or "union"
    double gridSize = 0;   ///< the fixed grid that succeeded, metres; 0 = floating point
    bool repaired = false; ///< an input was invalid and was repaired first
};

struct OverlayResult
{
    /// The output, in the metric CRS: fids 1… in output order, geometries multi-part of A's
    /// dimension (MultiPolygon, MultiLineString or MultiPoint) as 2D little-endian ISO WKB.
    model::VectorLayer layer;
    /// B's fields renamed in the output, as (name in B, output name).
    QList<QPair<QString, QString>> renamedFields;
    /// Every pair that needed the retry ladder, in output order.
    QList<OverlayRetry> retries;
    /// A's features lying inside one B feature, passed through without clipping (a count
    /// for the report; the geometry is A's own, as multi-part).
    qint64 passedThrough = 0;
    /// What was done that the user should know (reprojection, renamed fields, retries).
    QStringList notes;
};

/// Overlays A with B. Both layers are taken by value and reprojected once into the metric
/// CRS (reprojectToMetric); the result is in that CRS. B is indexed in an STR-tree, A's
/// features are processed in parallel chunks, and the output order is: A's features in
/// order, each with its pieces in B's feature order (intersection; then A's remainder for
/// identity and union); for union, B's remainders follow in B's order. The same inputs give
/// byte-identical output for any thread count.
///
/// A may be points, lines or polygons (polygons for union); B must be polygons. Pieces of
/// a lower dimension than A (where boundaries only touch) are dropped, as in QGIS. Features
/// of A without geometry are dropped by intersection and clip and kept by difference,
/// identity and union; likewise B's in union.
///
/// Throws InputError for an unusable layer (no CRS, wrong geometry kind, mixed kinds),
/// ProcessingError naming both features when an overlay fails on every rung of the retry
/// ladder, CancelledError through `options.feedback` (nothing is returned then).
OverlayResult overlayLayers(OverlayOperation operation, model::VectorLayer a, model::VectorLayer b,
                            const OverlayOptions &options = {});

} // namespace riskatlas::overlay
