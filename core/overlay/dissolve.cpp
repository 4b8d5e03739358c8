// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/dissolve.h"

#include "core/feedback.h"
#include "core/geometry/geometry_repair.h"
#include "core/geometry/wkb_polygon_rings.h"
#include "core/geos/geometry_parts.h"
#include "core/geos/geos_context.h"
#include "core/overlay/coverage_union.h"
#include "core/overlay/feature_geometry.h"
#include "core/overlay/metric_inputs.h"
#include "core/overlay/parallel_chunks.h"
#include "core/overlay/task_queue.h"
#include "core/overlay/touching_clusters.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>

namespace riskatlas::overlay {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::overlay)
};

// Large enough that ordinary groups are one GEOS call, small enough that a group holding a
// whole county of zoning polygons keeps every core busy.
constexpr std::size_t kBatchSize = 2048;

// Grid sizes (m) of the last rungs of the union retry ladder; see unionWkb().
constexpr double kFineGrid = 1e-6;
constexpr double kCoarseGrid = 1e-3;

// How far the area of a coverage union may stray from the sum of its inputs' areas (relative):
// rounding only, far below any overlap that matters.
constexpr double kCoverageAreaTolerance = 1e-9;

using ContextPtr = std::unique_ptr<geos::Context>;

ContextPtr makeContext()
{
    return std::make_unique<geos::Context>();
}

// The union's result as the caller wants it: only parts of `dimension` (a repaired input may
// have added lower-dimensional debris), and one multi-geometry when `multi`.
geos::GeometryPtr shapeResult(const geos::Context &context, geos::GeometryPtr result, int dimension,
                              bool multi)
{
    const int type = GEOSGeomTypeId_r(context.handle(), result.get());
    const bool atomic = type == GEOS_POINT || type == GEOS_LINESTRING || type == GEOS_POLYGON;
    if (type == geos::multiTypeForDimension(dimension) ||
        (atomic && !multi && GEOSGeom_getDimensions_r(context.handle(), result.get()) == dimension))
        return result;
    std::vector<geos::GeometryPtr> parts;
    geos::collectParts(context, result.get(), dimension, parts);
    if (parts.size() == 1 && !multi)
        return std::move(parts.front());
    return geos::makeCollection(context, geos::multiTypeForDimension(dimension), std::move(parts));
}

// One rung of the ladder: the inputs read again (a failed union must not have consumed them),
// optionally repaired, gathered into one collection.
geos::GeometryPtr gather(const geos::Context &context, const std::vector<QByteArray> &wkbs,
                         int dimension, bool repair)
{
    std::vector<geos::GeometryPtr> parts;
    parts.reserve(wkbs.size());
    for (const QByteArray &wkb : wkbs) {
        if (wkb.isEmpty())
            continue;
        geos::GeometryPtr geometry = geos::fromWkb(context, wkb);
        if (repair && GEOSisValid_r(context.handle(), geometry.get()) != 1) {
            geometry = geometry::makeValidKeepingDimension(context, geometry.get(), dimension);
            if (!geometry)
                continue;
        }
        parts.push_back(std::move(geometry));
    }
    return geos::makeCollection(context, GEOS_GEOMETRYCOLLECTION, std::move(parts));
}

// Zoning layers (units classified by level, census zones split by township) are coverages:
// polygons that meet along shared edges with matching vertices and do not overlap. Their union
// only has to drop the shared edges (coverageUnionOfEdges()), several times faster than
// OverlayNG. That does not notice every input that is not a coverage, so its answer is kept
// only when it is valid and has the inputs' total area (an overlap or an unmatched vertex
// leaves crossing or doubled edges, hence an invalid result, or a different area); otherwise
// null, and the caller takes the general union. `collection` holds the `wkbs`, read.
geos::GeometryPtr coverageUnion(const geos::Context &context, const std::vector<QByteArray> &wkbs,
                                const GEOSGeometry *collection)
{
    const GEOSContextHandle_t handle = context.handle();
    double inputArea = 0;
    if (GEOSArea_r(handle, collection, &inputArea) == 0 || !(inputArea > 0))
        return {};
    geos::GeometryPtr result = coverageUnionOfEdges(context, wkbs);
    if (!result)
        return {};
    double area = 0;
    if (GEOSArea_r(handle, result.get(), &area) == 0 ||
        !(std::abs(area - inputArea) <= kCoverageAreaTolerance * inputArea))
        return {};
    if (GEOSisValid_r(handle, result.get()) != 1)
        return {};
    return result;
}

// A group key that tells null from empty and 1 from "1", and treats -0.0 as 0.0 as QVariant's
// comparison (and so QGIS) does.
QString groupKey(const QVariantList &attributes, const QList<int> &indexes)
{
    QString key;
    for (int index : indexes) {
        const QVariant &value = index < attributes.size() ? attributes.at(index) : QVariant();
        key += QChar(0x1e);
        if (value.isNull()) {
            key += QLatin1Char('N');
            continue;
        }
        key += QString::number(value.typeId()) + QLatin1Char(':');
        switch (value.typeId()) {
        case QMetaType::Double: {
            const double number = value.toDouble();
            key += QString::number(number == 0.0 ? 0.0 : number, 'g', 17);
            break;
        }
        case QMetaType::QDate:
            key += value.toDate().toString(Qt::ISODate);
            break;
        case QMetaType::QDateTime:
            key += value.toDateTime().toString(Qt::ISODateWithMs);
            break;
        default:
            key += value.toString();
        }
    }
    return key;
}

struct Measure
{
    double area = 0;
    double centreX = 0;
    double centreY = 0;
    int dimension = -1; ///< -1: no geometry
    QString key;        ///< groupKey(), dropped once the groups are formed
};

// Area, envelope centre, dimension and group key of every feature, on all threads. Plain 2D
// polygons are measured from their WKB (as GEOS would), anything else through GEOS.
std::vector<Measure> measure(const model::VectorLayer &layer, const QList<int> &indexes,
                             int threads, Feedback *feedback)
{
    if (feedback)
        feedback->setStep(Tr::tr("measuring"));
    ChunkOptions chunks;
    chunks.threads = threads;
    chunks.chunkSize = 512;
    chunks.feedback = feedback;
    return runChunked<Measure>(
        layer.features.size(), chunks, makeContext,
        [&](ContextPtr &context, std::size_t begin, std::size_t end, std::vector<Measure> &out) {
            std::vector<double> xy;
            std::vector<std::size_t> ringEnds;
            std::vector<std::size_t> polygonEnds;
            for (std::size_t i = begin; i < end; ++i) {
                const model::Feature &feature = layer.features[i];
                Measure m;
                m.key = groupKey(feature.attributes, indexes);
                xy.clear();
                ringEnds.clear();
                polygonEnds.clear();
                if (feature.wkb.isEmpty()) {
                    // no geometry
                } else if (geometry::readWkbPolygonRings(feature.wkb, xy, &ringEnds,
                                                         &polygonEnds)) {
                    const geometry::WkbPolygonMeasure polygons =
                        geometry::measurePolygonRings(xy, ringEnds, polygonEnds);
                    if (polygons.hasExtent) {
                        m.dimension = 2;
                        m.area = polygons.area;
                        m.centreX = (polygons.minX + polygons.maxX) / 2;
                        m.centreY = (polygons.minY + polygons.maxY) / 2;
                    }
                } else {
                    const geos::GeometryPtr geometry = parseFeature(*context, layer, feature);
                    if (GEOSisEmpty_r(context->handle(), geometry.get()) == 0) {
                        m.dimension = GEOSGeom_getDimensions_r(context->handle(), geometry.get());
                        GEOSArea_r(context->handle(), geometry.get(), &m.area);
                        double minX = 0, minY = 0, maxX = 0, maxY = 0;
                        GEOSGeom_getExtent_r(context->handle(), geometry.get(), &minX, &minY, &maxX,
                                             &maxY);
                        m.centreX = (minX + maxX) / 2;
                        m.centreY = (minY + maxY) / 2;
                    }
                }
                out.push_back(std::move(m));
            }
        });
}

// Spreads the 16 low bits of `value` to the even bits: half of a Morton (Z-order) code.
std::uint32_t spreadBits(std::uint32_t value)
{
    value &= 0xffff;
    value = (value | (value << 8)) & 0x00ff00ff;
    value = (value | (value << 4)) & 0x0f0f0f0f;
    value = (value | (value << 2)) & 0x33333333;
    value = (value | (value << 1)) & 0x55555555;
    return value;
}

// Sorts a big group's members along a Z-order curve so that each batch is a compact patch:
// the partial unions then have short outlines and the final union little left to do.
void sortSpatially(std::vector<std::size_t> &members, const std::vector<Measure> &measures)
{
    double minX = std::numeric_limits<double>::max(), minY = minX;
    double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
    for (std::size_t i : members) {
        minX = std::min(minX, measures[i].centreX);
        maxX = std::max(maxX, measures[i].centreX);
        minY = std::min(minY, measures[i].centreY);
        maxY = std::max(maxY, measures[i].centreY);
    }
    const double spanX = std::max(maxX - minX, 1e-300);
    const double spanY = std::max(maxY - minY, 1e-300);
    std::vector<std::pair<std::uint32_t, std::size_t>> keyed;
    keyed.reserve(members.size());
    for (std::size_t i : members) {
        const auto x = std::uint32_t(65535.0 * (measures[i].centreX - minX) / spanX);
        const auto y = std::uint32_t(65535.0 * (measures[i].centreY - minY) / spanY);
        keyed.emplace_back(spreadBits(x) | (spreadBits(y) << 1), i);
    }
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t k = 0; k < keyed.size(); ++k)
        members[k] = keyed[k].second;
}

struct Group
{
    std::size_t first = 0;            ///< index of the first feature: its attributes are kept
    std::vector<std::size_t> members; ///< features with a geometry, in layer order
};

struct Batch
{
    std::size_t group = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

struct Piece
{
    QByteArray wkb;
    double area = 0;
};

// Indexes of `costs`, the largest first; ties in index order, so the order is the data's, not
// the threads'.
std::vector<std::size_t> largestFirst(const std::vector<qint64> &costs)
{
    std::vector<std::size_t> order(costs.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return costs[a] > costs[b]; });
    return order;
}

model::GeometryType multiGeometryType(int dimension)
{
    switch (dimension) {
    case 0:
        return model::GeometryType::MultiPoint;
    case 1:
        return model::GeometryType::MultiLineString;
    default:
        return model::GeometryType::MultiPolygon;
    }
}

// The coverage union of `wkbs` (coverageUnionOfEdges()) as WKB; empty when it gives up. The
// caller checks the gathered result of a whole group, not each piece.
QByteArray coverageUnionWkb(const geos::Context &context, const std::vector<QByteArray> &wkbs)
{
    const geos::GeometryPtr result = coverageUnionOfEdges(context, wkbs);
    return result ? geos::toWkb(context, result.get()) : QByteArray();
}

// Polygons of one group that share vertices, directly or through others (see
// touchingClusters()), and the partial unions of the units of at most kBatchSize polygons
// that a big cluster is cut into. An empty WKB is a union that failed or was skipped.
struct ClusterWork
{
    std::vector<std::size_t> members; ///< feature indexes
    std::vector<QByteArray> partials; ///< one per unit
    std::atomic<std::size_t> unitsLeft{0};
    QByteArray result;
};

struct GroupWork
{
    std::vector<ClusterWork> clusters; ///< sized once, by the group's first task
    std::atomic<std::size_t> clustersLeft{0};
    QByteArray result; ///< empty when the group is not a coverage (or was not tried as one)
    double area = 0;
    std::atomic<bool> failed{false}; ///< a piece failed: the group's other pieces are skipped
};

using ContextQueue = TaskQueue<ContextPtr>;

// Dissolves the polygon groups that are coverages (zoning units, census zones split by
// township) through coverageUnionOfEdges(), and marks them in `done` with their result in
// `pieces`. A group's union is the gathering of its clusters' unions, so the work spreads
// over the cores by cluster (a flood-zone level falls into tens of them), not by group: five
// levels on two cores otherwise wait for the largest. A cluster of thousands of polygons (a
// classified grid) is cut into spatial units whose partial unions, a coverage again, are
// joined. Each stage of a group starts as soon as its inputs are ready (TaskQueue). The
// gathered result is kept only when it is valid and has the members' total area: an overlap
// between two clusters, which share no vertex, shows only there. The groups left undone
// (overlaps, unmatched vertices, too few shared vertices to be worth it) take the general
// union.
void dissolveCoverages(const model::VectorLayer &layer, const std::vector<Group> &groups,
                       const std::vector<Measure> &measures, const DissolveOptions &options,
                       std::vector<Piece> &pieces, std::vector<char> &done)
{
    auto bytesOf = [&](const std::vector<std::size_t> &members, std::size_t begin,
                       std::size_t end) {
        double bytes = 0;
        for (std::size_t k = begin; k < end; ++k)
            bytes += double(layer.features[members[k]].wkb.size());
        return bytes;
    };
    std::vector<double> groupBytes(groups.size());
    for (std::size_t g = 0; g < groups.size(); ++g)
        groupBytes[g] = bytesOf(groups[g].members, 0, groups[g].members.size());
    std::vector<GroupWork> work(groups.size());
    ContextQueue queue;
    double totalBytes = 0;
    std::atomic<std::int64_t> bytesDone{0};
    Feedback *feedback = options.feedback;

    auto gatherGroup = [&](geos::Context &context, std::size_t g) {
        GroupWork &group = work[g];
        if (group.failed.load(std::memory_order_relaxed))
            return;
        std::vector<geos::GeometryPtr> parts;
        for (ClusterWork &cluster : group.clusters) {
            if (cluster.result.isEmpty())
                return;
            const geos::GeometryPtr geometry = geos::fromWkb(context, cluster.result);
            geos::collectParts(context, geometry.get(), 2, parts);
            cluster.result = {};
        }
        double inputArea = 0;
        for (std::size_t i : groups[g].members)
            inputArea += measures[i].area;
        const geos::GeometryPtr collection =
            geos::makeCollection(context, GEOS_MULTIPOLYGON, std::move(parts));
        const bool kept = GEOSArea_r(context.handle(), collection.get(), &group.area) != 0 &&
                          inputArea > 0 &&
                          std::abs(group.area - inputArea) <= kCoverageAreaTolerance * inputArea &&
                          GEOSisValid_r(context.handle(), collection.get()) == 1;
        if (kept)
            group.result = geos::toWkb(context, collection.get());
    };
    auto clusterDone = [&](std::size_t g) {
        if (work[g].clustersLeft.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            queue.add(groupBytes[g], [&, g](ContextPtr &context) { gatherGroup(*context, g); });
        }
    };
    auto joinCluster = [&](geos::Context &context, std::size_t g, std::size_t c) {
        ClusterWork &cluster = work[g].clusters[c];
        const bool complete =
            std::none_of(cluster.partials.begin(), cluster.partials.end(),
                         [](const QByteArray &partial) { return partial.isEmpty(); });
        if (complete && !work[g].failed.load(std::memory_order_relaxed))
            cluster.result = coverageUnionWkb(context, cluster.partials);
        cluster.partials = {};
        if (cluster.result.isEmpty())
            work[g].failed.store(true, std::memory_order_relaxed);
        clusterDone(g);
    };
    auto unionUnit = [&](geos::Context &context, std::size_t g, std::size_t c, std::size_t u) {
        ClusterWork &cluster = work[g].clusters[c];
        const std::size_t begin = u * kBatchSize;
        const std::size_t end = std::min(cluster.members.size(), begin + kBatchSize);
        QByteArray &partial = cluster.partials[u];
        if (work[g].failed.load(std::memory_order_relaxed)) {
            // the group is no coverage: the partial stays empty
        } else if (end - begin == 1) {
            partial = layer.features[cluster.members[begin]].wkb;
        } else {
            std::vector<QByteArray> wkbs;
            wkbs.reserve(end - begin);
            for (std::size_t k = begin; k < end; ++k)
                wkbs.push_back(layer.features[cluster.members[k]].wkb);
            partial = coverageUnionWkb(context, wkbs);
            if (partial.isEmpty())
                work[g].failed.store(true, std::memory_order_relaxed);
        }
        if (feedback) {
            const std::int64_t bytes = std::int64_t(bytesOf(cluster.members, begin, end));
            feedback->setProgress(100.0 * double(bytesDone.fetch_add(bytes) + bytes) / totalBytes);
        }
        if (cluster.unitsLeft.fetch_sub(1, std::memory_order_acq_rel) != 1)
            return;
        if (cluster.partials.size() == 1) {
            cluster.result = std::move(cluster.partials.front());
            clusterDone(g);
        } else {
            queue.add(bytesOf(cluster.members, 0, cluster.members.size()) + groupBytes[g],
                      [&, g, c](ContextPtr &context) { joinCluster(*context, g, c); });
        }
    };
    auto findClusters = [&](geos::Context &context, std::size_t g) {
        const Group &group = groups[g];
        std::vector<std::vector<double>> vertices(group.members.size());
        for (std::size_t m = 0; m < group.members.size(); ++m) {
            const model::Feature &feature = layer.features[group.members[m]];
            if (geometry::readWkbPolygonRings(feature.wkb, vertices[m]))
                continue;
            vertices[m].clear();
            const geos::GeometryPtr geometry = parseFeature(context, layer, feature);
            geos::appendVertices(context, geometry.get(), vertices[m]);
        }
        std::vector<std::vector<std::size_t>> found = touchingClusters(vertices);
        vertices = {};
        // Polygons that touch nothing of their group gain nothing from a coverage union: a
        // group mostly of such (scattered buildings, overlapping footprints) is not a zoning
        // coverage, and the general union handles it.
        std::size_t alone = 0;
        for (const std::vector<std::size_t> &cluster : found)
            alone += cluster.size() == 1 ? 1 : 0;
        if (alone * 2 > group.members.size()) {
            if (feedback) {
                const auto bytes = std::int64_t(groupBytes[g]);
                feedback->setProgress(100.0 * double(bytesDone.fetch_add(bytes) + bytes) /
                                      totalBytes);
            }
            return;
        }
        GroupWork &groupWork = work[g];
        groupWork.clusters = std::vector<ClusterWork>(found.size());
        groupWork.clustersLeft.store(found.size());
        double aloneBytes = 0;
        for (std::size_t c = 0; c < found.size(); ++c) {
            ClusterWork &cluster = groupWork.clusters[c];
            cluster.members = std::move(found[c]);
            for (std::size_t &m : cluster.members)
                m = group.members[m];
            // A polygon alone is its own union, without a task: the group's gathering is not
            // held up behind the queue's cheapest tasks.
            if (cluster.members.size() == 1) {
                cluster.result = layer.features[cluster.members.front()].wkb;
                aloneBytes += double(cluster.result.size());
                continue;
            }
            if (cluster.members.size() > kBatchSize)
                sortSpatially(cluster.members, measures);
            const std::size_t units = (cluster.members.size() + kBatchSize - 1) / kBatchSize;
            cluster.partials.resize(units);
            cluster.unitsLeft.store(units);
        }
        if (feedback && aloneBytes > 0) {
            const auto bytes = std::int64_t(aloneBytes);
            feedback->setProgress(100.0 * double(bytesDone.fetch_add(bytes) + bytes) / totalBytes);
        }
        for (std::size_t c = 0; c < found.size(); ++c) {
            const ClusterWork &cluster = groupWork.clusters[c];
            if (cluster.partials.empty()) {
                clusterDone(g);
                continue;
            }
            // A task's cost is that of the chain it starts: itself, and the join and the
            // gathering that wait for it (about a byte's union per byte). A group's last unions
            // then do not trail behind other groups' bigger ones, and its gathering shares the
            // cores with those instead of all gatherings coming at the end: the threads were
            // busy 94 % of the flood dissolve's queue time, against 88 % with the unions'
            // own sizes as costs.
            const double downstream =
                groupBytes[g] + (cluster.partials.size() > 1
                                     ? bytesOf(cluster.members, 0, cluster.members.size())
                                     : 0.0);
            for (std::size_t u = 0; u < cluster.partials.size(); ++u) {
                const std::size_t begin = u * kBatchSize;
                const std::size_t end = std::min(cluster.members.size(), begin + kBatchSize);
                queue.add(bytesOf(cluster.members, begin, end) + downstream,
                          [&, g, c, u](ContextPtr &context) { unionUnit(*context, g, c, u); });
            }
        }
    };

    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].members.size() < 2)
            continue;
        totalBytes += groupBytes[g];
        // before any union: it adds them, and the chain it starts is the whole group's
        queue.add(3 * groupBytes[g], [&, g](ContextPtr &context) { findClusters(*context, g); });
    }
    if (totalBytes <= 0)
        return;
    queue.run(options.threads, makeContext, feedback);

    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (work[g].result.isEmpty())
            continue;
        pieces[g].wkb = std::move(work[g].result);
        pieces[g].area = work[g].area;
        done[g] = 1;
    }
}

// The dissolve proper, on a layer already in the metric CRS. Fills the counts and areas of
// `report`.
model::VectorLayer dissolveInMetric(const model::VectorLayer &layer, const QList<int> &indexes,
                                    const DissolveOptions &options, DissolveReport &report)
{
    Feedback *feedback = options.feedback;
    std::vector<Measure> measures = measure(layer, indexes, options.threads, feedback);

    int dimension = -1;
    for (std::size_t i = 0; i < measures.size(); ++i) {
        if (measures[i].dimension < 0)
            continue;
        if (dimension >= 0 && measures[i].dimension != dimension) {
            throw InputError(featureLocation(layer, layer.features[i].fid),
                             Tr::tr("mixes points, lines and polygons; dissolve needs a layer "
                                    "of one geometry type"));
        }
        dimension = measures[i].dimension;
    }

    std::vector<Group> groups;
    QHash<QString, std::size_t> groupOf;
    report.featuresBefore = qint64(layer.features.size());
    report.featuresWithoutGeometry = 0;
    report.areaBefore = 0;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        if (feedback && i % 4096 == 0)
            feedback->throwIfCanceled();
        QString key = std::move(measures[i].key);
        auto it = groupOf.constFind(key);
        if (it == groupOf.constEnd()) {
            it = groupOf.insert(std::move(key), groups.size());
            groups.push_back(Group{i, {}});
        }
        if (measures[i].dimension < 0) {
            ++report.featuresWithoutGeometry;
            continue;
        }
        groups[*it].members.push_back(i);
        report.areaBefore += measures[i].area;
    }

    if (feedback)
        feedback->setStep(Tr::tr("dissolving"));
    std::vector<Piece> groupPieces(groups.size());
    std::vector<char> done(groups.size(), 0);
    if (dimension == 2)
        dissolveCoverages(layer, groups, measures, options, groupPieces, done);

    // What is left (lines, points, single features, groups that are not coverages) takes the
    // general union, a big group in spatial batches whose partial unions are then joined.
    std::vector<Batch> batches;
    std::vector<std::size_t> batchesOfGroup(groups.size(), 0);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (done[g])
            continue;
        Group &group = groups[g];
        if (group.members.size() > kBatchSize)
            sortSpatially(group.members, measures);
        for (std::size_t begin = 0; begin < group.members.size(); begin += kBatchSize) {
            batches.push_back({g, begin, std::min(group.members.size(), begin + kBatchSize)});
            ++batchesOfGroup[g];
        }
    }

    // Largest batches first (by WKB bytes, about their vertices), so that a thread does not
    // start the biggest group's union when the others are nearly done. Results go back to
    // batch order.
    std::vector<qint64> batchBytes(batches.size(), 0);
    for (std::size_t b = 0; b < batches.size(); ++b) {
        const Group &group = groups[batches[b].group];
        for (std::size_t k = batches[b].begin; k < batches[b].end; ++k)
            batchBytes[b] += layer.features[group.members[k]].wkb.size();
    }
    const std::vector<std::size_t> batchOrder = largestFirst(batchBytes);

    ChunkOptions chunks;
    chunks.threads = options.threads;
    chunks.chunkSize = 1;
    chunks.feedback = feedback;
    std::vector<Piece> ordered = runChunked<Piece>(
        batches.size(), chunks, makeContext,
        [&](ContextPtr &context, std::size_t begin, std::size_t end, std::vector<Piece> &out) {
            for (std::size_t k = begin; k < end; ++k) {
                const std::size_t b = batchOrder[k];
                const Batch &batch = batches[b];
                const Group &group = groups[batch.group];
                std::vector<QByteArray> wkbs;
                wkbs.reserve(batch.end - batch.begin);
                for (std::size_t k = batch.begin; k < batch.end; ++k)
                    wkbs.push_back(layer.features[group.members[k]].wkb);
                const bool final = batchesOfGroup[batch.group] == 1;
                Piece piece;
                piece.wkb = unionWkb(*context, wkbs, dimension, final,
                                     featureLocation(layer, layer.features[group.first].fid));
                if (final)
                    piece.area = wkbArea(*context, piece.wkb);
                out.push_back(std::move(piece));
            }
        });
    std::vector<Piece> pieces(batches.size());
    for (std::size_t k = 0; k < batches.size(); ++k)
        pieces[batchOrder[k]] = std::move(ordered[k]);

    // Groups in several batches: their partial unions are unioned in a second round.
    std::vector<std::size_t> firstPiece(groups.size(), 0);
    std::vector<std::size_t> joined;
    for (std::size_t b = batches.size(); b-- > 0;)
        firstPiece[batches[b].group] = b;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (batchesOfGroup[g] == 1)
            groupPieces[g] = std::move(pieces[firstPiece[g]]);
        else if (batchesOfGroup[g] > 1)
            joined.push_back(g);
    }
    if (!joined.empty()) {
        if (feedback)
            feedback->setStep(Tr::tr("joining partial unions"));
        std::vector<Piece> whole = runChunked<Piece>(
            joined.size(), chunks, makeContext,
            [&](ContextPtr &context, std::size_t begin, std::size_t end, std::vector<Piece> &out) {
                for (std::size_t j = begin; j < end; ++j) {
                    const std::size_t g = joined[j];
                    std::vector<QByteArray> partials;
                    for (std::size_t b = firstPiece[g]; b < firstPiece[g] + batchesOfGroup[g]; ++b)
                        partials.push_back(pieces[b].wkb);
                    Piece piece;
                    piece.wkb =
                        unionWkb(*context, partials, dimension, true,
                                 featureLocation(layer, layer.features[groups[g].first].fid));
                    piece.area = wkbArea(*context, piece.wkb);
                    out.push_back(std::move(piece));
                }
            });
        for (std::size_t j = 0; j < joined.size(); ++j)
            groupPieces[joined[j]] = std::move(whole[j]);
    }

    model::VectorLayer out;
    out.name = layer.name;
    out.crs = layer.crs;
    out.fields = layer.fields;
    out.geometryType = dimension >= 0 ? multiGeometryType(dimension) : layer.geometryType;
    out.sourcePath = layer.sourcePath;
    out.sourceEncoding = layer.sourceEncoding;
    out.encodingSource = layer.encodingSource;
    out.features.reserve(groups.size());
    report.areaAfter = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        model::Feature feature;
        feature.fid = qint64(g) + 1;
        feature.attributes = layer.features[groups[g].first].attributes;
        feature.wkb = std::move(groupPieces[g].wkb);
        report.areaAfter += groupPieces[g].area;
        out.features.push_back(std::move(feature));
    }
    report.featuresAfter = qint64(out.features.size());
    report.featuresMerged = report.featuresBefore - report.featuresAfter;
    return out;
}

// Every part of every feature as a feature of its own, with its feature's attributes and
// fids 1…n; features without geometry are kept as they are.
model::VectorLayer explodeParts(const model::VectorLayer &layer, int threads, Feedback *feedback)
{
    if (feedback)
        feedback->setStep(Tr::tr("splitting into parts"));
    ChunkOptions chunks;
    chunks.threads = threads;
    chunks.chunkSize = 16;
    chunks.feedback = feedback;
    const std::vector<std::vector<QByteArray>> partsOf = runChunked<std::vector<QByteArray>>(
        layer.features.size(), chunks, makeContext,
        [&](ContextPtr &context, std::size_t begin, std::size_t end,
            std::vector<std::vector<QByteArray>> &out) {
            for (std::size_t i = begin; i < end; ++i) {
                std::vector<QByteArray> parts;
                const model::Feature &feature = layer.features[i];
                if (!feature.wkb.isEmpty()) {
                    const geos::GeometryPtr geometry = parseFeature(*context, layer, feature);
                    std::vector<geos::GeometryPtr> atoms;
                    geos::collectParts(*context, geometry.get(), 2, atoms);
                    for (const geos::GeometryPtr &atom : atoms)
                        parts.push_back(geos::toWkb(*context, atom.get()));
                }
                out.push_back(std::move(parts));
            }
        });
    model::VectorLayer out;
    out.name = layer.name;
    out.crs = layer.crs;
    out.fields = layer.fields;
    out.geometryType = model::GeometryType::Polygon;
    out.sourcePath = layer.sourcePath;
    out.sourceEncoding = layer.sourceEncoding;
    out.encodingSource = layer.encodingSource;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        if (partsOf[i].empty()) {
            out.features.push_back(
                {qint64(out.features.size()) + 1, layer.features[i].attributes, {}});
            continue;
        }
        for (const QByteArray &part : partsOf[i])
            out.features.push_back(
                {qint64(out.features.size()) + 1, layer.features[i].attributes, part});
    }
    return out;
}

} // namespace

QByteArray unionWkb(const geos::Context &context, const std::vector<QByteArray> &wkbs,
                    int dimension, bool multi, const ErrorLocation &where)
{
    const GEOSContextHandle_t handle = context.handle();
    geos::GeometryPtr result;
    // OverlayNG already retries with snapping inside one union; the rungs below are for what
    // still fails: invalid inputs (a library caller's layer that was never validated) and
    // the rare noding failure that a fixed precision grid removes. 1 µm and 1 mm are far
    // below survey accuracy and move the area by at most perimeter × grid.
    for (int rung = 0; rung < 4 && !result; ++rung) {
        geos::GeometryPtr collection;
        try {
            collection = gather(context, wkbs, dimension, rung > 0);
        } catch (const ProcessingError &error) {
            throw ProcessingError(where, error.message());
        }
        if (!collection)
            break;
        if (rung == 0 && dimension == 2 && wkbs.size() > 1) {
            result = coverageUnion(context, wkbs, collection.get());
            if (result)
                break;
        }
        GEOSGeometry *raw = nullptr;
        if (rung < 2)
            raw = GEOSUnaryUnion_r(handle, collection.get());
        else
            raw =
                GEOSUnaryUnionPrec_r(handle, collection.get(), rung == 2 ? kFineGrid : kCoarseGrid);
        result = geos::own(context, raw);
    }
    if (!result)
        throw ProcessingError(where,
                              Tr::tr("GEOS cannot union the geometries of this feature's group "
                                     "even after repair and snapping to a 1 mm grid: %1")
                                  .arg(context.lastError()));
    if (dimension == 1 && GEOSisEmpty_r(handle, result.get()) == 0) {
        geos::GeometryPtr merged = geos::own(context, GEOSLineMerge_r(handle, result.get()));
        if (merged)
            result = std::move(merged);
    }
    if (GEOSisEmpty_r(handle, result.get()) != 0)
        return {};
    result = shapeResult(context, std::move(result), dimension, multi);
    if (!result)
        throw ProcessingError(
            where, Tr::tr("GEOS cannot build the dissolved geometry: %1").arg(context.lastError()));
    if (GEOSisEmpty_r(handle, result.get()) != 0)
        return {};
    return geos::toWkb(context, result.get());
}

double wkbArea(const geos::Context &context, const QByteArray &wkb)
{
    if (wkb.isEmpty())
        return 0;
    const geos::GeometryPtr geometry = geos::fromWkb(context, wkb);
    double area = 0;
    GEOSArea_r(context.handle(), geometry.get(), &area);
    return area;
}

DissolveResult dissolve(model::VectorLayer layer, const QStringList &byFields,
                        const DissolveOptions &options)
{
    QList<int> indexes;
    for (const QString &name : byFields) {
        const int index = model::fieldIndex(layer.fields, name);
        if (index < 0) {
            const QStringList names = model::fieldNames(layer.fields);
            throw InputError({layer.sourcePath, layer.name},
                             Tr::tr("no field \"%1\" to dissolve by (fields: %2)")
                                 .arg(name, names.join(QStringLiteral(", "))));
        }
        indexes.append(index);
    }
    if (!std::isfinite(options.eliminateBelow) || options.eliminateBelow < 0)
        throw InputError({}, Tr::tr("the elimination threshold %1 m² is not an area ≥ 0")
                                 .arg(options.eliminateBelow));

    DissolveResult result;
    DissolveReport &report = result.report;
    report.metricCrs =
        reprojectToMetric({&layer}, options.metricCrs, options.feedback, options.threads);
    result.layer = dissolveInMetric(layer, indexes, options, report);
    if (options.eliminateBelow <= 0 || result.layer.features.empty())
        return result;
    if (result.layer.geometryType == model::GeometryType::MultiPoint ||
        result.layer.geometryType == model::GeometryType::MultiLineString) {
        throw InputError({layer.sourcePath, layer.name},
                         Tr::tr("holds no polygons; only polygons can be eliminated"));
    }

    // Parts, not dissolved features, are what a planner sees as patches on the map: a
    // 2 000 m² island of level 3 inside level 2 is one part of the level-3 feature.
    const qint64 featuresBefore = report.featuresBefore;
    const double areaBefore = report.areaBefore;
    const qint64 withoutGeometry = report.featuresWithoutGeometry;
    model::VectorLayer parts = explodeParts(result.layer, options.threads, options.feedback);
    result.layer = {};
    EliminateOptions eliminateOptions;
    eliminateOptions.metricCrs = report.metricCrs;
    eliminateOptions.threads = options.threads;
    eliminateOptions.feedback = options.feedback;
    EliminateResult cleaned = eliminate(std::move(parts), options.eliminateBelow, eliminateOptions);
    // The patches that absorbed others may now touch parts of their own group along a border:
    // a second dissolve erases those borders and gives one feature per group again.
    // Islands are named by the parts layer's fids, which the caller never sees; name instead
    // the output feature each island is a part of.
    QHash<qint64, QString> islandGroup;
    for (const model::Feature &feature : cleaned.layer.features)
        islandGroup.insert(feature.fid, groupKey(feature.attributes, indexes));
    result.layer = dissolveInMetric(cleaned.layer, indexes, options, report);
    QHash<QString, qint64> outputFid;
    for (const model::Feature &feature : result.layer.features)
        outputFid.insert(groupKey(feature.attributes, indexes), feature.fid);
    for (EliminateIsland &island : cleaned.report.islands)
        island.fid = outputFid.value(islandGroup.value(island.fid), -1);
    report.featuresBefore = featuresBefore;
    report.areaBefore = areaBefore;
    report.featuresWithoutGeometry = withoutGeometry;
    report.featuresMerged = report.featuresBefore - report.featuresAfter;
    report.eliminate = std::move(cleaned.report);
    return result;
}

} // namespace riskatlas::overlay
