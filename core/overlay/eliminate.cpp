// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/eliminate.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/geos/str_tree.h"
#include "core/overlay/dissolve.h"
#include "core/overlay/feature_geometry.h"
#include "core/overlay/metric_inputs.h"
#include "core/overlay/parallel_chunks.h"

#include <QCoreApplication>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <unordered_map>

namespace riskatlas::overlay {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::overlay)
};

// Border lengths within this relative difference are a tie, decided by fid: lengths of the
// same border summed in a different order must not pick a different neighbour.
constexpr double kTieTolerance = 1e-9;

using ContextPtr = std::unique_ptr<geos::Context>;

ContextPtr makeContext()
{
    return std::make_unique<geos::Context>();
}

geos::GeometryPtr checked(const geos::Context &context, GEOSGeometry *geometry,
                          const model::VectorLayer &layer, std::size_t index)
{
    if (!geometry) {
        throw ProcessingError(
            featureLocation(layer, layer.features[index].fid),
            Tr::tr("GEOS failed while measuring shared borders: %1").arg(context.lastError()));
    }
    return geos::own(context, geometry);
}

struct Measure
{
    double area = 0;
    double minX = 0;
    double minY = 0;
    double maxX = 0;
    double maxY = 0;
    int dimension = -1; ///< -1: no geometry
};

struct Edge
{
    std::uint32_t neighbour = 0;
    double length = 0;
};

struct NeighbourList
{
    std::size_t feature = 0;
    std::vector<Edge> edges;
};

bool isMultiPolygonWkb(const QByteArray &wkb)
{
    return wkb.size() >= 5 && wkb.at(0) == 1 &&
           qFromLittleEndian<quint32>(wkb.constData() + 1) == 6;
}

// Polygon WKB → one-part MultiPolygon WKB: a header in front, the polygon unchanged.
QByteArray promoteToMulti(const QByteArray &polygon)
{
    QByteArray multi(9, Qt::Uninitialized);
    multi[0] = 1;
    qToLittleEndian<quint32>(6, multi.data() + 1);
    qToLittleEndian<quint32>(1, multi.data() + 5);
    return multi + polygon;
}

// Which polygon absorbs which, with border lengths and areas added up as polygons merge;
// geometries are only unioned at the end, once per surviving feature.
class MergeState
{
public:
    MergeState(const model::VectorLayer &layer, std::vector<double> areas, double minArea)
        : m_layer(layer)
        , m_area(std::move(areas))
        , m_minArea(minArea)
        , m_alive(m_area.size(), true)
        , m_members(m_area.size())
        , m_adjacent(m_area.size())
    {
        for (std::size_t i = 0; i < m_members.size(); ++i)
            m_members[i].push_back(i);
    }

    void connect(std::size_t a, std::size_t b, double length)
    {
        m_adjacent[a][std::uint32_t(b)] += length;
        m_adjacent[b][std::uint32_t(a)] += length;
    }

    bool isSmall(std::size_t i) const { return m_area[i] < m_minArea; }
    bool isAlive(std::size_t i) const { return m_alive[i]; }
    double area(std::size_t i) const { return m_area[i]; }
    const std::vector<std::size_t> &members(std::size_t i) const { return m_members[i]; }

    /// The neighbour `small` should merge into, or -1: the longest border among neighbours at
    /// or above the threshold, else (with `allowSmall`) among small ones; near-ties to the
    /// lower fid. Independent of the hash order of the neighbours.
    std::ptrdiff_t choose(std::size_t small, bool allowSmall) const
    {
        for (const bool wantSmall : {false, true}) {
            if (wantSmall && !allowSmall)
                break;
            double longest = 0;
            for (const auto &[neighbour, length] : m_adjacent[small]) {
                if (length > 0 && isSmall(neighbour) == wantSmall)
                    longest = std::max(longest, length);
            }
            if (longest <= 0)
                continue;
            std::ptrdiff_t best = -1;
            for (const auto &[neighbour, length] : m_adjacent[small]) {
                if (length <= 0 || isSmall(neighbour) != wantSmall ||
                    length < longest * (1 - kTieTolerance))
                    continue;
                if (best < 0 || precedes(neighbour, std::size_t(best)))
                    best = std::ptrdiff_t(neighbour);
            }
            return best;
        }
        return -1;
    }

    void merge(std::size_t small, std::size_t into)
    {
        // The merged polygon's border with each neighbour is the sum of the two borders: the
        // polygons do not overlap, so the borders meet only at points.
        for (const auto &[neighbour, length] : m_adjacent[small]) {
            if (neighbour == into)
                continue;
            m_adjacent[neighbour].erase(std::uint32_t(small));
            m_adjacent[neighbour][std::uint32_t(into)] += length;
            m_adjacent[into][neighbour] += length;
        }
        m_adjacent[into].erase(std::uint32_t(small));
        m_adjacent[small].clear();
        m_area[into] += m_area[small];
        m_members[into].insert(m_members[into].end(), m_members[small].begin(),
                               m_members[small].end());
        m_members[small].clear();
        m_alive[small] = false;
    }

private:
    bool precedes(std::size_t a, std::size_t b) const
    {
        const qint64 fidA = m_layer.features[a].fid;
        const qint64 fidB = m_layer.features[b].fid;
        return fidA != fidB ? fidA < fidB : a < b;
    }

    const model::VectorLayer &m_layer;
    std::vector<double> m_area;
    double m_minArea;
    std::vector<bool> m_alive;
    std::vector<std::vector<std::size_t>> m_members;
    std::vector<std::unordered_map<std::uint32_t, double>> m_adjacent;
};

std::vector<Measure> measure(const model::VectorLayer &layer, int threads, Feedback *feedback)
{
    if (feedback)
        feedback->setStep(Tr::tr("measuring polygons"));
    ChunkOptions chunks;
    chunks.threads = threads;
    chunks.chunkSize = 512;
    chunks.feedback = feedback;
    return runChunked<Measure>(
        layer.features.size(), chunks, makeContext,
        [&](ContextPtr &context, std::size_t begin, std::size_t end, std::vector<Measure> &out) {
            for (std::size_t i = begin; i < end; ++i) {
                Measure m;
                if (!layer.features[i].wkb.isEmpty()) {
                    const geos::GeometryPtr geometry =
                        parseFeature(*context, layer, layer.features[i]);
                    if (GEOSisEmpty_r(context->handle(), geometry.get()) == 0) {
                        m.dimension = GEOSGeom_getDimensions_r(context->handle(), geometry.get());
                        GEOSArea_r(context->handle(), geometry.get(), &m.area);
                        GEOSGeom_getExtent_r(context->handle(), geometry.get(), &m.minX, &m.minY,
                                             &m.maxX, &m.maxY);
                    }
                }
                out.push_back(m);
            }
        });
}

// One worker's GEOS context, with the outlines of the large polygons it has met: a river band
// beside hundreds of small polygons is read and outlined once per worker, not once per pair.
class OutlineCache
{
public:
    explicit OutlineCache(const model::VectorLayer &layer)
        : m_layer(layer)
    {}

    const geos::Context &context() const { return m_context; }

    /// The boundary of feature `index`: owned by the cache, or handed to `scratch`.
    const GEOSGeometry *outline(std::size_t index, geos::GeometryPtr &scratch)
    {
        const auto cached = m_outlines.find(index);
        if (cached != m_outlines.end())
            return cached->second.get();
        const geos::GeometryPtr geometry =
            parseFeature(m_context, m_layer, m_layer.features[index]);
        geos::GeometryPtr boundary =
            checked(m_context, GEOSBoundary_r(m_context.handle(), geometry.get()), m_layer, index);
        const std::size_t bytes = std::size_t(m_layer.features[index].wkb.size());
        if (bytes < kCacheFrom || m_bytes + bytes > kCacheLimit) {
            scratch = std::move(boundary);
            return scratch.get();
        }
        m_bytes += bytes;
        return m_outlines.emplace(index, std::move(boundary)).first->second.get();
    }

private:
    // Outlines of polygons of about a thousand vertices or more; at most about 256 MB of them.
    static constexpr std::size_t kCacheFrom = 16 * 1024;
    static constexpr std::size_t kCacheLimit = std::size_t(256) * 1024 * 1024;

    const model::VectorLayer &m_layer;
    geos::Context m_context; // before m_outlines: destroyed after the geometries it made
    std::unordered_map<std::size_t, geos::GeometryPtr> m_outlines;
    std::size_t m_bytes = 0;
};

// The borders each small polygon shares with its neighbours. A pair of small polygons is
// measured once, by the one that comes first; a pair of large ones never: large polygons only
// grow, so their borders with each other are never needed.
std::vector<NeighbourList> findNeighbours(const model::VectorLayer &layer,
                                          const std::vector<Measure> &measures,
                                          const std::vector<std::size_t> &smalls,
                                          const std::vector<bool> &small, int threads,
                                          Feedback *feedback)
{
    if (feedback)
        feedback->setStep(Tr::tr("finding neighbours"));
    const geos::Context treeContext;
    // The tree holds envelopes only: candidates are read from WKB by each worker in its own
    // context, so no geometry is ever shared between threads.
    std::vector<geos::GeometryPtr> boxes(measures.size());
    geos::StrTree tree(treeContext);
    for (std::size_t i = 0; i < measures.size(); ++i) {
        const Measure &m = measures[i];
        if (m.dimension < 0)
            continue;
        boxes[i] = geos::own(treeContext, GEOSGeom_createRectangle_r(treeContext.handle(), m.minX,
                                                                     m.minY, m.maxX, m.maxY));
        if (!boxes[i])
            throw ProcessingError(featureLocation(layer, layer.features[i].fid),
                                  treeContext.lastError());
        geos::warmEnvelope(treeContext, boxes[i].get());
        tree.insert(boxes[i].get(), i);
    }
    tree.build();

    ChunkOptions chunks;
    chunks.threads = threads;
    chunks.chunkSize = 32;
    chunks.feedback = feedback;
    return runChunked<NeighbourList>(
        smalls.size(), chunks, [&] { return std::make_unique<OutlineCache>(layer); },
        [&](std::unique_ptr<OutlineCache> &cache, std::size_t begin, std::size_t end,
            std::vector<NeighbourList> &out) {
            const geos::Context &context = cache->context();
            const GEOSContextHandle_t handle = context.handle();
            std::vector<std::size_t> candidates;
            for (std::size_t k = begin; k < end; ++k) {
                const std::size_t s = smalls[k];
                NeighbourList list{s, {}};
                geos::GeometryPtr ownOutline;
                const GEOSGeometry *boundary = cache->outline(s, ownOutline);
                // A shared border lies inside the small polygon's envelope, so the neighbour's
                // outline is clipped to a slightly larger box first: a long river band costs
                // only its length near the small polygon. The margin keeps a border on the
                // envelope's edge clear of the clipping edge.
                const Measure &m = measures[s];
                const double margin = 1e-6 * std::max({1.0, std::abs(m.minX), std::abs(m.maxX),
                                                       std::abs(m.minY), std::abs(m.maxY)}) +
                                      1e-3 * std::max(m.maxX - m.minX, m.maxY - m.minY);
                candidates.clear();
                tree.query(context, boxes[s].get(), candidates);
                for (std::size_t c : candidates) {
                    if (c == s || (small[c] && c < s))
                        continue;
                    geos::GeometryPtr otherOutline;
                    const GEOSGeometry *outline = cache->outline(c, otherOutline);
                    const geos::GeometryPtr clipped =
                        checked(context,
                                GEOSClipByRect_r(handle, outline, m.minX - margin, m.minY - margin,
                                                 m.maxX + margin, m.maxY + margin),
                                layer, c);
                    if (GEOSisEmpty_r(handle, clipped.get()) != 0)
                        continue;
                    const geos::GeometryPtr shared = checked(
                        context, GEOSIntersection_r(handle, boundary, clipped.get()), layer, s);
                    double length = 0;
                    GEOSLength_r(handle, shared.get(), &length);
                    if (length > 0)
                        list.edges.push_back({std::uint32_t(c), length});
                }
                out.push_back(std::move(list));
            }
        });
}

} // namespace

EliminateResult eliminate(model::VectorLayer layer, double minArea, const EliminateOptions &options)
{
    Feedback *feedback = options.feedback;
    if (!std::isfinite(minArea) || minArea < 0)
        throw InputError({},
                         Tr::tr("the elimination threshold %1 m² is not an area ≥ 0").arg(minArea));
    const int declared = model::geometryDimension(layer.geometryType);
    if (declared >= 0 && declared != 2) {
        throw InputError({layer.sourcePath, layer.name},
                         Tr::tr("is a %1 layer; only polygons can be eliminated")
                             .arg(model::geometryTypeName(layer.geometryType)));
    }
    if (layer.features.size() >= std::size_t(std::numeric_limits<std::uint32_t>::max()))
        throw InputError({layer.sourcePath, layer.name}, Tr::tr("has too many features"));
    reprojectToMetric({&layer}, options.metricCrs, feedback, options.threads);

    EliminateResult result;
    EliminateReport &report = result.report;
    report.minArea = minArea;
    report.featuresBefore = qint64(layer.features.size());

    const std::vector<Measure> measures = measure(layer, options.threads, feedback);
    std::vector<double> areas(measures.size(), 0);
    std::vector<bool> small(measures.size(), false);
    std::vector<std::size_t> smalls;
    for (std::size_t i = 0; i < measures.size(); ++i) {
        if (measures[i].dimension < 0)
            continue;
        if (measures[i].dimension != 2) {
            throw InputError(featureLocation(layer, layer.features[i].fid),
                             Tr::tr("is not a polygon; only polygons can be eliminated"));
        }
        areas[i] = measures[i].area;
        report.areaBefore += areas[i];
        if (areas[i] < minArea) {
            small[i] = true;
            smalls.push_back(i);
        }
    }
    report.smallBefore = qint64(smalls.size());

    MergeState state(layer, areas, minArea);
    if (!smalls.empty()) {
        for (const NeighbourList &list :
             findNeighbours(layer, measures, smalls, small, options.threads, feedback)) {
            for (const Edge &edge : list.edges)
                state.connect(list.feature, edge.neighbour, edge.length);
        }
    }

    if (feedback)
        feedback->setStep(Tr::tr("merging small polygons"));
    // QGIS pops the features to eliminate from the end of its list and appends the ones it
    // could not place to a new list, so each pass runs the other way round; following it
    // gives the same merges on the same data.
    std::vector<std::size_t> pending = smalls;
    bool allowSmall = false;
    std::size_t steps = 0;
    while (!pending.empty()) {
        ++report.passes;
        std::vector<std::size_t> next;
        bool progress = false;
        for (std::size_t k = pending.size(); k-- > 0;) {
            if (feedback && ++steps % 256 == 0) {
                feedback->throwIfCanceled();
                feedback->setProgress(100.0 * double(report.merged) / double(smalls.size()));
            }
            const std::size_t s = pending[k];
            if (!state.isAlive(s) || !state.isSmall(s))
                continue;
            const std::ptrdiff_t into = state.choose(s, allowSmall);
            if (into < 0) {
                next.push_back(s);
                continue;
            }
            if (state.isSmall(std::size_t(into)))
                ++report.mergedIntoSmall;
            state.merge(s, std::size_t(into));
            ++report.merged;
            progress = true;
        }
        pending = std::move(next);
        if (progress) {
            allowSmall = false;
            continue;
        }
        // Stalled: what is left touches only small polygons, or nothing. Merging small into
        // small is the only way on; with that allowed and still no merge, only islands remain.
        if (allowSmall)
            break;
        allowSmall = true;
    }

    std::vector<std::size_t> grown;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        if (state.isAlive(i) && state.members(i).size() > 1)
            grown.push_back(i);
    }
    std::vector<std::pair<QByteArray, double>> unions;
    if (!grown.empty()) {
        if (feedback)
            feedback->setStep(Tr::tr("joining merged polygons"));
        ChunkOptions chunks;
        chunks.threads = options.threads;
        chunks.chunkSize = 8;
        chunks.feedback = feedback;
        unions = runChunked<std::pair<QByteArray, double>>(
            grown.size(), chunks, makeContext,
            [&](ContextPtr &context, std::size_t begin, std::size_t end,
                std::vector<std::pair<QByteArray, double>> &out) {
                for (std::size_t g = begin; g < end; ++g) {
                    const std::size_t i = grown[g];
                    std::vector<QByteArray> wkbs;
                    for (std::size_t member : state.members(i))
                        wkbs.push_back(layer.features[member].wkb);
                    QByteArray wkb = unionWkb(*context, wkbs, 2, false,
                                              featureLocation(layer, layer.features[i].fid));
                    const double area = wkbArea(*context, wkb);
                    out.emplace_back(std::move(wkb), area);
                }
            });
    }

    model::VectorLayer &out = result.layer;
    out.name = layer.name;
    out.crs = layer.crs;
    out.fields = layer.fields;
    out.geometryType = layer.geometryType;
    out.sourcePath = layer.sourcePath;
    out.sourceEncoding = layer.sourceEncoding;
    out.encodingSource = layer.encodingSource;
    bool anyMulti = false;
    std::size_t nextUnion = 0;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        if (!state.isAlive(i))
            continue;
        model::Feature feature = std::move(layer.features[i]);
        double area = areas[i];
        if (nextUnion < grown.size() && grown[nextUnion] == i) {
            feature.wkb = std::move(unions[nextUnion].first);
            area = unions[nextUnion].second;
            ++nextUnion;
        }
        if (measures[i].dimension >= 0) {
            report.areaAfter += area;
            if (state.isSmall(i))
                report.islands.append({feature.fid, area});
        }
        anyMulti = anyMulti || isMultiPolygonWkb(feature.wkb);
        out.features.push_back(std::move(feature));
    }
    if (anyMulti) {
        out.geometryType = model::GeometryType::MultiPolygon;
        for (model::Feature &feature : out.features) {
            if (!feature.wkb.isEmpty() && !isMultiPolygonWkb(feature.wkb))
                feature.wkb = promoteToMulti(feature.wkb);
        }
    }
    report.featuresAfter = qint64(out.features.size());
    return result;
}

} // namespace riskatlas::overlay
