// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/model/vector_layer.h"

#include <QList>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::overlay {

struct EliminateOptions
{
    /// The CRS to measure and write in; invalid = the CGCS2000 3° Gauss-Krüger zone of the
    /// data (see reprojectToMetric). The output is always in this metric CRS.
    crs::Crs metricCrs;
    /// Worker threads for measuring, finding neighbours and the final unions; 0 = all cores.
    /// The output does not depend on it.
    int threads = 0;
    /// Progress per step, and cancel. May be null.
    Feedback *feedback = nullptr;
};

/// A polygon left under the threshold because it shares no border with any other polygon.
struct EliminateIsland
{
    qint64 fid = -1; ///< the fid of the feature in the output (its absorbing feature's fid)
    double area = 0; ///< m²
};

struct EliminateReport
{
    double minArea = 0;        ///< the threshold, m²
    qint64 featuresBefore = 0; ///< including features without geometry
    qint64 featuresAfter = 0;
    qint64 smallBefore = 0;     ///< polygons under the threshold at the start
    qint64 merged = 0;          ///< merges done: featuresBefore − featuresAfter
    qint64 mergedIntoSmall = 0; ///< of these, merges into a neighbour itself under the threshold
    int passes = 0;             ///< passes over the polygons still under the threshold
    /// Polygons under the threshold at the end, in output order: none of them shares a
    /// border with another polygon.
    QList<EliminateIsland> islands;
    double areaBefore = 0; ///< sum of the polygon areas, m²
    double areaAfter = 0;  ///< equal to areaBefore for polygons that do not overlap
};

struct EliminateResult
{
    model::VectorLayer layer;
    EliminateReport report;
};

/// Merges every polygon feature smaller than `minArea` (m²) into the neighbouring polygon with
/// which it shares the longest border, like QGIS's "Eliminate selected polygons" in "largest
/// common boundary" mode with the features under the threshold selected:
///
/// - Passes go over the small features, in QGIS's order (the first pass from the last feature
///   to the first, each later pass reversing the order of the features left). A small feature
///   merges into the neighbour at or above the threshold that shares its longest border with
///   it; borders and areas are those of the features as already grown in this run. A small
///   feature with only small neighbours waits for a later pass. Passes repeat while they merge.
/// - Where QGIS would stop, small features that touch only small features merge into the small
///   neighbour with the longest shared border; the result may still be small and goes on
///   (preferring neighbours at or above the threshold again). This repeats until every feature
///   still under the threshold shares no border with any other feature: an island, reported.
/// - A neighbour shares a border of positive length (the length of the intersection of the two
///   boundaries); touching at a point does not count. Lengths equal to 1e-9 relative are a
///   tie, won by the lower fid.
/// - The absorbing feature keeps its fid and its attributes; its geometry becomes the union.
///   Features without geometry pass through untouched.
/// - Features, not parts: a multi-part feature is measured and merged as a whole. Split the
///   layer into parts first to eliminate parts (dissolve() does, with eliminateBelow).
///
/// Polygons are assumed not to overlap (a zoning map, a coverage): shared border lengths and
/// areas of merged features are added up, not measured again. The layer is reprojected once to
/// the metric CRS. Output features in input order; a Polygon layer becomes MultiPolygon only
/// when a merge gives a multi-part result.
///
/// Throws InputError for a non-polygon layer, a negative or non-finite `minArea`, a layer
/// without CRS; ProcessingError naming the feature for a geometry GEOS cannot read or union;
/// CancelledError through `options.feedback`.
EliminateResult eliminate(model::VectorLayer layer, double minArea,
                          const EliminateOptions &options = {});

} // namespace riskatlas::overlay
