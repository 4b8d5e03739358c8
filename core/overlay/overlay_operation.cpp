// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/overlay_operation.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/geos/str_tree.h"
#include "core/overlay/hilbert_order.h"
#include "core/overlay/metric_inputs.h"
#include "core/overlay/overlay_fields.h"
#include "core/overlay/overlay_geometry.h"
#include "core/overlay/parallel_chunks.h"
#include "core/overlay/robust_overlay.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace riskatlas::overlay {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::overlay)
};

// A cutter with more vertices than this is first cut to the subject's envelope: a county-wide
// zoning polygon with thousands of vertices would otherwise be noded (and, for difference,
// unioned) whole for each small building.
constexpr int kClipVertexThreshold = 128;
// Items per chunk: polygons cost far more per item than the reprojection's points.
constexpr std::size_t kChunkSize = 64;
// Subjects a thread processes between two progress reports.
constexpr qint64 kProgressBatch = 16;

// Geometry dimension of a layer's features: 0, 1 or 2; -1 when it has none.
int layerDimension(const model::VectorLayer &layer)
{
    if (layer.geometryType == model::GeometryType::None)
        throw InputError({layer.sourcePath, layer.name}, Tr::tr("has no geometry"));
    int dimension = model::geometryDimension(layer.geometryType);
    if (dimension >= 0)
        return dimension;
    std::unique_ptr<geos::Context> context;
    for (const model::Feature &feature : layer.features) {
        if (feature.wkb.isEmpty())
            continue;
        int featureDimension = wkbDimension(feature.wkb);
        if (featureDimension < 0) {
            if (!context)
                context = std::make_unique<geos::Context>();
            const geos::GeometryPtr geometry = geos::fromWkb(*context, feature.wkb);
            featureDimension = GEOSGeom_getDimensions_r(context->handle(), geometry.get());
        }
        if (dimension >= 0 && featureDimension != dimension) {
            throw InputError({layer.sourcePath, layer.name, feature.fid, QStringLiteral("fid")},
                             Tr::tr("mixes points, lines and polygons; an overlay needs one "
                                    "kind of geometry per layer"));
        }
        dimension = featureDimension;
    }
    return dimension;
}

// OverlayNG's results are only defined for valid inputs, and an invalid one can also fool the
// prepared predicates into skipping a pair without any error. io::readLayer repairs every
// geometry, so this only catches layers built elsewhere, before any work is done.
void requireValid(const model::VectorLayer &layer, int threads, Feedback *feedback)
{
    if (layer.geometryValidated)
        return;
    struct Invalid
    {
        std::size_t index;
        QString reason;
    };
    ChunkOptions options;
    options.threads = threads;
    options.chunkSize = 512;
    options.feedback = feedback;
    const std::vector<Invalid> invalid = runChunked<Invalid>(
        layer.features.size(), options, [] { return std::make_unique<geos::Context>(); },
        [&](std::unique_ptr<geos::Context> &context, std::size_t begin, std::size_t end,
            std::vector<Invalid> &out) {
            for (std::size_t i = begin; i < end; ++i) {
                const QByteArray &wkb = layer.features[i].wkb;
                if (wkb.isEmpty())
                    continue;
                const geos::GeometryPtr geometry = geos::fromWkb(*context, wkb);
                if (GEOSisValid_r(context->handle(), geometry.get()) == 1)
                    continue;
                char *reason = GEOSisValidReason_r(context->handle(), geometry.get());
                out.push_back({i, reason ? QString::fromUtf8(reason) : context->lastError()});
                GEOSFree_r(context->handle(), reason);
            }
        });
    if (invalid.empty())
        return;
    const model::Feature &feature = layer.features[invalid.front().index];
    throw InputError({layer.sourcePath, layer.name, feature.fid, QStringLiteral("fid")},
                     Tr::tr("invalid geometry (%1); an overlay needs valid geometries, which "
                            "reading a layer with RiskAtlas ensures")
                         .arg(invalid.front().reason));
}

// One layer's feature envelopes in an STR-tree. The rectangles belong to the building
// context and are only read (their envelopes) by the queries of other threads.
class EnvelopeIndex
{
public:
    explicit EnvelopeIndex(const model::VectorLayer &layer)
        : m_tree(m_context)
    {
        m_boxes.reserve(layer.features.size());
        for (std::size_t i = 0; i < layer.features.size(); ++i) {
            const QByteArray &wkb = layer.features[i].wkb;
            if (wkb.isEmpty())
                continue;
            const geos::GeometryPtr geometry = geos::fromWkb(m_context, wkb);
            if (GEOSisEmpty_r(m_context.handle(), geometry.get()) != 0)
                continue;
            double minX = 0, minY = 0, maxX = 0, maxY = 0;
            GEOSGeom_getExtent_r(m_context.handle(), geometry.get(), &minX, &minY, &maxX, &maxY);
            geos::GeometryPtr box = geos::own(
                m_context, GEOSGeom_createRectangle_r(m_context.handle(), minX, minY, maxX, maxY));
            geos::warmEnvelope(m_context, box.get());
            m_tree.insert(box.get(), i);
            m_boxes.push_back(std::move(box));
        }
        m_tree.build();
    }

    void query(const geos::Context &context, const GEOSGeometry *geometry,
               std::vector<std::size_t> &items) const
    {
        items.clear();
        if (m_tree.size() > 0)
            m_tree.query(context, geometry, items);
    }

private:
    geos::Context m_context;
    geos::StrTree m_tree;
    std::vector<geos::GeometryPtr> m_boxes;
};

// One thread's GEOS copies of the cutting layer's features, parsed from WKB in that thread's
// context on first use. Each thread needs its own: GEOS prepared geometries build their
// indexes lazily and unguarded, and GEOS 3.11's geometry factories count their geometries
// without atomics, so sharing either between threads would race.
class CutterCache
{
public:
    struct Entry
    {
        geos::GeometryPtr geometry;
        geos::PreparedPtr prepared; // only when kept: worth it over many subjects
        int vertices = 0;
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
    };

    CutterCache(const geos::Context &context, const model::VectorLayer &layer, bool keep)
        : m_context(context)
        , m_layer(layer)
        , m_keep(keep)
        , m_entries(layer.features.size())
    {}

    const Entry &get(std::size_t index)
    {
        std::unique_ptr<Entry> &slot = m_entries[index];
        if (!slot) {
            slot = std::make_unique<Entry>();
            slot->geometry = geos::fromWkb(m_context, m_layer.features[index].wkb);
            const GEOSContextHandle_t handle = m_context.handle();
            slot->vertices = GEOSGetNumCoordinates_r(handle, slot->geometry.get());
            GEOSGeom_getExtent_r(handle, slot->geometry.get(), &slot->minX, &slot->minY,
                                 &slot->maxX, &slot->maxY);
            if (m_keep) {
                slot->prepared = geos::PreparedPtr(GEOSPrepare_r(handle, slot->geometry.get()),
                                                   geos::PreparedDeleter{handle});
            } else {
                m_transient.push_back(index);
            }
        }
        return *slot;
    }

    // A cache that does not keep forgets what the last subject used, so that a large layer
    // in the cutting role (A, for union's B−A) is never held whole per thread.
    void forgetTransient()
    {
        for (std::size_t index : m_transient)
            m_entries[index].reset();
        m_transient.clear();
    }

private:
    const geos::Context &m_context;
    const model::VectorLayer &m_layer;
    bool m_keep;
    std::vector<std::unique_ptr<Entry>> m_entries;
    std::vector<std::size_t> m_transient;
};

struct Piece
{
    QByteArray wkb;
    qint64 indexA = -1; // -1: that side is absent (null attributes)
    qint64 indexB = -1;
};

// What one subject gave: its pieces in output order, the overlays that needed the retry
// ladder, and how many of its pieces are its own geometry passed through unclipped.
struct SubjectOutput
{
    std::vector<Piece> pieces;
    std::vector<OverlayRetry> retries;
    qint64 passedThrough = 0;
};

// Which layer plays which part in a pass: the subjects are iterated, the cutters indexed.
struct Pass
{
    const model::VectorLayer *subjects;
    const model::VectorLayer *cutters;
    const EnvelopeIndex *index;
    bool subjectIsA;
    bool keepCutters;
    bool emitIntersections; // a piece per intersecting cutter (intersection, identity, union)
    bool emitRemainder;     // the subject minus the cutters (difference, identity, union)
    bool emitCovered;       // the subject cut to the cutters' union (clip)
};

class Worker
{
public:
    Worker(const Pass &pass, const RetryLadder &ladder, int dimension)
        : m_pass(pass)
        , m_robust(m_context, ladder)
        , m_cutters(m_context, *pass.cutters, pass.keepCutters)
        , m_dimension(dimension)
    {}

    void process(std::size_t index, SubjectOutput &out);

private:
    struct Relevant
    {
        std::size_t index;
        const CutterCache::Entry *entry;
        bool containsSubject;
    };

    const GEOSGeometry *clipped(const CutterCache::Entry &entry,
                                std::vector<geos::GeometryPtr> &own);
    geos::GeometryPtr overlay(bool intersection, const GEOSGeometry *subject,
                              const GEOSGeometry *cutter, const GEOSGeometry *unclippedCutter,
                              std::size_t subjectIndex, const QList<qint64> &cutterFids,
                              SubjectOutput &out);
    void recordRetry(std::size_t subjectIndex, const QList<qint64> &cutterFids, const QString &step,
                     const OverlayOutcome &outcome, SubjectOutput &out) const;
    [[noreturn]] void fail(std::size_t subjectIndex, const QList<qint64> &cutterFids,
                           const QString &step, const OverlayOutcome &outcome) const;
    Piece piece(QByteArray wkb, std::size_t subject, std::optional<std::size_t> cutter) const;

    const Pass &m_pass;
    geos::Context m_context;
    RobustOverlay m_robust;
    CutterCache m_cutters;
    int m_dimension;
    std::vector<std::size_t> m_candidates;
    double m_rect[4] = {0, 0, 0, 0};
};

Piece Worker::piece(QByteArray wkb, std::size_t subject, std::optional<std::size_t> cutter) const
{
    Piece out;
    out.wkb = std::move(wkb);
    const qint64 other = cutter ? qint64(*cutter) : -1;
    out.indexA = m_pass.subjectIsA ? qint64(subject) : other;
    out.indexB = m_pass.subjectIsA ? other : qint64(subject);
    return out;
}

void Worker::recordRetry(std::size_t subjectIndex, const QList<qint64> &cutterFids,
                         const QString &step, const OverlayOutcome &outcome,
                         SubjectOutput &out) const
{
    OverlayRetry retry;
    const QList<qint64> subjectFids{m_pass.subjects->features[subjectIndex].fid};
    retry.fidsA = m_pass.subjectIsA ? subjectFids : cutterFids;
    retry.fidsB = m_pass.subjectIsA ? cutterFids : subjectFids;
    retry.step = step;
    retry.gridSize = outcome.gridSize;
    retry.repaired = outcome.repairedInputs;
    out.retries.push_back(std::move(retry));
}

void Worker::fail(std::size_t subjectIndex, const QList<qint64> &cutterFids, const QString &step,
                  const OverlayOutcome &outcome) const
{
    const model::Feature &subject = m_pass.subjects->features[subjectIndex];
    QStringList fids;
    for (qint64 fid : cutterFids)
        fids.append(QString::number(fid));
    const QString other =
        m_pass.cutters->name.isEmpty() ? m_pass.cutters->sourcePath : m_pass.cutters->name;
    throw ProcessingError(
        {m_pass.subjects->sourcePath, m_pass.subjects->name, subject.fid, QStringLiteral("fid")},
        Tr::tr("%1 with %2 fid %3 failed in floating point and on every fixed grid: %4")
            .arg(step, other, fids.join(QStringLiteral(", ")), outcome.error));
}

const GEOSGeometry *Worker::clipped(const CutterCache::Entry &entry,
                                    std::vector<geos::GeometryPtr> &own)
{
    const bool inside = entry.minX >= m_rect[0] && entry.minY >= m_rect[1] &&
                        entry.maxX <= m_rect[2] && entry.maxY <= m_rect[3];
    if (entry.vertices <= kClipVertexThreshold || inside)
        return entry.geometry.get();
    geos::GeometryPtr cut =
        geos::own(m_context, GEOSClipByRect_r(m_context.handle(), entry.geometry.get(), m_rect[0],
                                              m_rect[1], m_rect[2], m_rect[3]));
    if (!cut)
        return entry.geometry.get();
    // The clip may leave lines or points along the rectangle's border; OverlayNG refuses
    // mixed-dimension inputs, and they lie outside the subject anyway.
    if (GEOSGeomTypeId_r(m_context.handle(), cut.get()) != GEOS_POLYGON &&
        GEOSGeomTypeId_r(m_context.handle(), cut.get()) != GEOS_MULTIPOLYGON) {
        cut = partsOfDimension(m_context, cut.get(), 2);
        if (!cut)
            return entry.geometry.get();
    }
    own.push_back(std::move(cut));
    return own.back().get();
}

geos::GeometryPtr Worker::overlay(bool intersection, const GEOSGeometry *subject,
                                  const GEOSGeometry *cutter, const GEOSGeometry *unclippedCutter,
                                  std::size_t subjectIndex, const QList<qint64> &cutterFids,
                                  SubjectOutput &out)
{
    const QString step =
        intersection ? QStringLiteral("intersection") : QStringLiteral("difference");
    OverlayOutcome outcome = intersection ? m_robust.intersection(subject, cutter)
                                          : m_robust.difference(subject, cutter);
    // A failure on a rectangle-clipped cutter is tried once more on the cutter as it is,
    // before giving up: the clip is a shortcut, not part of the semantics.
    if (!outcome.geometry && unclippedCutter && unclippedCutter != cutter) {
        outcome = intersection ? m_robust.intersection(subject, unclippedCutter)
                               : m_robust.difference(subject, unclippedCutter);
    }
    if (!outcome.geometry)
        fail(subjectIndex, cutterFids, step, outcome);
    if (outcome.retried())
        recordRetry(subjectIndex, cutterFids, step, outcome, out);
    return std::move(outcome.geometry);
}

void Worker::process(std::size_t index, SubjectOutput &out)
{
    const model::Feature &feature = m_pass.subjects->features[index];
    const GEOSContextHandle_t handle = m_context.handle();
    if (feature.wkb.isEmpty()) {
        if (m_pass.emitRemainder)
            out.pieces.push_back(piece({}, index, std::nullopt));
        return;
    }
    const geos::GeometryPtr subject = geos::fromWkb(m_context, feature.wkb);
    m_pass.index->query(m_context, subject.get(), m_candidates);

    // The subject prepared only when the cutters are not (union's second pass): then the
    // subject is the large side and is tested against many small cutters.
    geos::PreparedPtr preparedSubject;
    if (!m_pass.keepCutters && !m_candidates.empty())
        preparedSubject =
            geos::PreparedPtr(GEOSPrepare_r(handle, subject.get()), geos::PreparedDeleter{handle});

    std::vector<Relevant> relevant;
    bool containedByOne = false;
    for (std::size_t candidate : m_candidates) {
        const CutterCache::Entry &entry = m_cutters.get(candidate);
        char intersects = 0;
        char contains = 0;
        if (entry.prepared) {
            intersects = GEOSPreparedIntersects_r(handle, entry.prepared.get(), subject.get());
            if (intersects == 1)
                contains = GEOSPreparedContains_r(handle, entry.prepared.get(), subject.get());
        } else if (preparedSubject) {
            intersects =
                GEOSPreparedIntersects_r(handle, preparedSubject.get(), entry.geometry.get());
            if (intersects == 1)
                contains =
                    GEOSPreparedCoveredBy_r(handle, preparedSubject.get(), entry.geometry.get());
        } else {
            intersects = 2; // GEOS could not prepare either side
        }
        // A predicate GEOS cannot decide (2) is treated as "maybe": the overlay decides.
        if (intersects == 0)
            continue;
        relevant.push_back({candidate, &entry, contains == 1});
        containedByOne = containedByOne || contains == 1;
    }

    // The rectangle big cutters are cut to: the subject's envelope with a margin, so that no
    // edge of the rectangle comes near the subject's own edges.
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    GEOSGeom_getExtent_r(handle, subject.get(), &minX, &minY, &maxX, &maxY);
    const double margin = 0.01 * std::max(maxX - minX, maxY - minY) + 1.0;
    m_rect[0] = minX - margin;
    m_rect[1] = minY - margin;
    m_rect[2] = maxX + margin;
    m_rect[3] = maxY + margin;

    std::vector<geos::GeometryPtr> clippedCutters;
    std::vector<const GEOSGeometry *> cutterGeometries;
    if (!containedByOne || m_pass.emitIntersections) {
        cutterGeometries.reserve(relevant.size());
        for (const Relevant &cutter : relevant) {
            cutterGeometries.push_back(cutter.containsSubject
                                           ? cutter.entry->geometry.get()
                                           : clipped(*cutter.entry, clippedCutters));
        }
    }

    const QByteArray passThrough = toMultiWkb(feature.wkb);
    if (m_pass.emitIntersections) {
        for (std::size_t i = 0; i < relevant.size(); ++i) {
            const Relevant &cutter = relevant[i];
            if (cutter.containsSubject) {
                out.pieces.push_back(piece(passThrough, index, cutter.index));
                ++out.passedThrough;
                continue;
            }
            const geos::GeometryPtr result =
                overlay(true, subject.get(), cutterGeometries[i], cutter.entry->geometry.get(),
                        index, {m_pass.cutters->features[cutter.index].fid}, out);
            QByteArray wkb = multiWkbOfDimension(m_context, result.get(), m_dimension);
            if (!wkb.isEmpty())
                out.pieces.push_back(piece(std::move(wkb), index, cutter.index));
        }
    }

    if (m_pass.emitRemainder || m_pass.emitCovered) {
        if (relevant.empty()) {
            if (m_pass.emitRemainder)
                out.pieces.push_back(piece(passThrough, index, std::nullopt));
        } else if (containedByOne) {
            if (m_pass.emitCovered) {
                out.pieces.push_back(piece(passThrough, index, std::nullopt));
                ++out.passedThrough;
            }
        } else {
            QList<qint64> fids;
            for (const Relevant &cutter : relevant)
                fids.append(m_pass.cutters->features[cutter.index].fid);
            geos::GeometryPtr unioned;
            const GEOSGeometry *cover = cutterGeometries.front();
            if (cutterGeometries.size() > 1) {
                std::vector<GEOSGeometry *> copies;
                copies.reserve(cutterGeometries.size());
                for (const GEOSGeometry *geometry : cutterGeometries)
                    copies.push_back(GEOSGeom_clone_r(handle, geometry));
                const geos::GeometryPtr collection = geos::own(
                    m_context, GEOSGeom_createCollection_r(handle, GEOS_GEOMETRYCOLLECTION,
                                                           copies.data(), unsigned(copies.size())));
                OverlayOutcome outcome = m_robust.unaryUnion(collection.get());
                if (!outcome.geometry)
                    fail(index, fids, QStringLiteral("union"), outcome);
                if (outcome.retried())
                    recordRetry(index, fids, QStringLiteral("union"), outcome, out);
                unioned = std::move(outcome.geometry);
                cover = unioned.get();
            }
            const geos::GeometryPtr result =
                overlay(m_pass.emitCovered, subject.get(), cover, nullptr, index, fids, out);
            QByteArray wkb = multiWkbOfDimension(m_context, result.get(), m_dimension);
            if (!wkb.isEmpty())
                out.pieces.push_back(piece(std::move(wkb), index, std::nullopt));
        }
    }
    m_cutters.forgetTransient();
}

// One pass's outputs, in the order the subjects were processed (a Hilbert order): putting
// them back in subject order on one thread took 7 % of the 200k-building intersection on
// two threads, so the caller reads them through the order instead.
struct PassOutput
{
    std::vector<std::size_t> order;        ///< subject indexes in the order processed
    std::vector<SubjectOutput> byPosition; ///< byPosition[p] belongs to subject order[p]
};

// Runs one pass over all subjects; `done` and `total` carry the progress across passes.

PassOutput runPass(const Pass &pass, const RetryLadder &ladder, int dimension,
                   const OverlayOptions &options, std::atomic<qint64> &done, qint64 total)
{
    ChunkOptions chunkOptions;
    chunkOptions.threads = options.threads;
    // Few subjects (union's B−A pass: a county's townships over a fine grid) are each heavy:
    // hand them out in small chunks, or one thread gets them all.
    const std::size_t perThread =
        pass.subjects->features.size() / (8 * std::size_t(effectiveThreadCount(options.threads)));
    chunkOptions.chunkSize = std::clamp<std::size_t>(perThread, 1, kChunkSize);
    // Progress and cancel are handled per feature below, over both passes of a union.
    chunkOptions.feedback = nullptr;
    Feedback *feedback = options.feedback;
    // Each thread parses and prepares every cutter it meets. Subjects in file order (often
    // no spatial order at all) would make every thread meet, prepare and keep nearly every
    // cutter, and jump between them for each subject; along a Hilbert curve each thread works
    // through one region and meets only the cutters there. The results are taken in subject
    // order, so the output does not depend on the order of work.
    PassOutput output;
    output.order = hilbertOrder(*pass.subjects, options.threads);
    if (feedback)
        feedback->throwIfCanceled();
    struct Thread
    {
        std::unique_ptr<Worker> worker;
        qint64 unreported = 0;
    };
    output.byPosition = runInOrderByPosition<SubjectOutput>(
        output.order, chunkOptions,
        [&] { return Thread{std::make_unique<Worker>(pass, ladder, dimension)}; },
        [&](Thread &thread, std::size_t index) {
            if (feedback) {
                feedback->throwIfCanceled();
                // Counted in batches: a counter that every thread writes per subject would
                // bounce between the cores' caches.
                if (++thread.unreported == kProgressBatch) {
                    const qint64 now = done.fetch_add(kProgressBatch) + kProgressBatch;
                    feedback->setProgress(100.0 * double(now) / double(std::max<qint64>(1, total)));
                    thread.unreported = 0;
                }
            }
            SubjectOutput out;
            thread.worker->process(index, out);
            return out;
        });
    return output;
}

QVariantList attributesOf(const model::VectorLayer &layer, qint64 index)
{
    if (index < 0)
        return QVariantList(layer.fields.size());
    QVariantList values = layer.features[std::size_t(index)].attributes;
    values.resize(layer.fields.size());
    return values;
}

QString formatGrid(double gridSize)
{
    return QString::number(gridSize, 'g', 3);
}

QString joinFids(const QList<qint64> &fids)
{
    QStringList texts;
    for (qint64 fid : fids)
        texts.append(QString::number(fid));
    return texts.join(QStringLiteral(", "));
}

} // namespace

QString operationName(OverlayOperation operation)
{
    switch (operation) {
    case OverlayOperation::Intersection:
        return QStringLiteral("intersection");
    case OverlayOperation::Union:
        return QStringLiteral("union");
    case OverlayOperation::Identity:
        return QStringLiteral("identity");
    case OverlayOperation::Difference:
        return QStringLiteral("difference");
    case OverlayOperation::Clip:
        return QStringLiteral("clip");
    }
    return {};
}

std::optional<OverlayOperation> operationFromName(const QString &name)
{
    for (OverlayOperation operation :
         {OverlayOperation::Intersection, OverlayOperation::Union, OverlayOperation::Identity,
          OverlayOperation::Difference, OverlayOperation::Clip}) {
        if (operationName(operation) == name.toLower())
            return operation;
    }
    return std::nullopt;
}

OverlayResult overlayLayers(OverlayOperation operation, model::VectorLayer a, model::VectorLayer b,
                            const OverlayOptions &options)
{
    const int dimensionA = layerDimension(a);
    const int dimensionB = layerDimension(b);
    if (dimensionB >= 0 && dimensionB != 2) {
        throw InputError({b.sourcePath, b.name},
                         Tr::tr("the overlay layer must be polygons; this one holds %1")
                             .arg(dimensionB == 0 ? Tr::tr("points") : Tr::tr("lines")));
    }
    if (operation == OverlayOperation::Union && dimensionA >= 0 && dimensionA != 2) {
        throw InputError({a.sourcePath, a.name},
                         Tr::tr("union needs polygons in both layers; this one holds %1")
                             .arg(dimensionA == 0 ? Tr::tr("points") : Tr::tr("lines")));
    }
    // An empty A of unknown kind gives an empty polygon layer.
    const int dimension = dimensionA >= 0 ? dimensionA : 2;

    OverlayResult result;
    const crs::Crs crsA = a.crs;
    const crs::Crs crsB = b.crs;
    const crs::Crs metric =
        reprojectToMetric({&a, &b}, options.metricCrs, options.feedback, options.threads);
    for (const auto &[layer, before] : {std::pair{&a, crsA}, std::pair{&b, crsB}}) {
        if (!before.isSameAs(metric)) {
            result.notes.append(Tr::tr("%1 reprojected from %2 to %3")
                                    .arg(layer->name, before.authId(), metric.authId()));
        }
    }

    Feedback *feedback = options.feedback;
    if (feedback)
        feedback->setStep(Tr::tr("checking overlay inputs"));
    requireValid(a, options.threads, feedback);
    requireValid(b, options.threads, feedback);
    if (feedback) {
        feedback->setStep(Tr::tr("indexing %1").arg(b.name));
        feedback->setProgress(0);
    }
    const EnvelopeIndex indexB(b);
    const RetryLadder ladder = retryLadderFor(options.gridSize);

    const bool keepsB = operation == OverlayOperation::Intersection ||
                        operation == OverlayOperation::Union ||
                        operation == OverlayOperation::Identity;
    Pass first;
    first.subjects = &a;
    first.cutters = &b;
    first.index = &indexB;
    first.subjectIsA = true;
    first.keepCutters = true;
    first.emitIntersections = keepsB;
    first.emitRemainder = operation == OverlayOperation::Difference ||
                          operation == OverlayOperation::Union ||
                          operation == OverlayOperation::Identity;
    first.emitCovered = operation == OverlayOperation::Clip;

    const qint64 total = qint64(a.features.size()) +
                         (operation == OverlayOperation::Union ? qint64(b.features.size()) : 0);
    std::atomic<qint64> done{0};
    if (feedback)
        feedback->setStep(Tr::tr("%1 of %2 with %3").arg(operationName(operation), a.name, b.name));
    std::vector<PassOutput> passes;
    passes.push_back(runPass(first, ladder, dimension, options, done, total));

    if (operation == OverlayOperation::Union) {
        // B−A: B's features are the subjects now, and A, possibly large, is not cached.
        const EnvelopeIndex indexA(a);
        Pass second;
        second.subjects = &b;
        second.cutters = &a;
        second.index = &indexA;
        second.subjectIsA = false;
        second.keepCutters = false;
        second.emitIntersections = false;
        second.emitRemainder = true;
        second.emitCovered = false;
        passes.push_back(runPass(second, ladder, 2, options, done, total));
    }
    if (feedback)
        feedback->throwIfCanceled();

    model::VectorLayer &out = result.layer;
    out.name = operationName(operation);
    out.crs = metric;
    out.geometryType = multiTypeOfDimension(dimension);
    const bool withB = keepsB;
    if (withB) {
        const OverlayFields fields = combineFields(a.fields, b.fields);
        out.fields = fields.fields;
        result.renamedFields = fields.renamed;
        for (const auto &[from, to] : fields.renamed)
            result.notes.append(Tr::tr("field %1 of %2 is %3 in the output").arg(from, b.name, to));
    } else {
        out.fields = a.fields;
    }

    // Each subject's output, A's features then (union) B's, in their layers' order, read
    // once in the order processed: the piece counts, the retries (rare) and the passed-through.
    std::size_t subjectCount = 0;
    for (const PassOutput &pass : passes)
        subjectCount += pass.order.size();
    std::vector<SubjectOutput *> subjects(subjectCount, nullptr);
    std::vector<std::size_t> firstPiece(subjectCount + 1, 0);
    std::vector<std::size_t> withRetries;
    std::size_t offset = 0;
    for (PassOutput &pass : passes) {
        for (std::size_t p = 0; p < pass.order.size(); ++p) {
            const std::size_t s = offset + pass.order[p];
            SubjectOutput &output = pass.byPosition[p];
            subjects[s] = &output;
            firstPiece[s + 1] = output.pieces.size();
            result.passedThrough += output.passedThrough;
            if (!output.retries.empty())
                withRetries.push_back(s);
        }
        offset += pass.order.size();
    }
    for (std::size_t s = 0; s < subjectCount; ++s)
        firstPiece[s + 1] += firstPiece[s];
    std::sort(withRetries.begin(), withRetries.end());
    for (std::size_t s : withRetries) {
        for (OverlayRetry &retry : subjects[s]->retries)
            result.retries.append(std::move(retry));
    }

    // Pieces into features on all threads: joining A's and B's attributes copies every
    // value, and alone on one thread this took a tenth of the 200 000-building
    // intersection's time while the other core idled.
    out.features.resize(firstPiece.back());
    ChunkOptions assembly;
    assembly.threads = options.threads;
    assembly.chunkSize = 2048;
    runChunkRanges(subjectCount, assembly, [&](std::size_t begin, std::size_t end) {
        for (std::size_t s = begin; s < end; ++s) {
            std::vector<Piece> &pieces = subjects[s]->pieces;
            for (std::size_t k = 0; k < pieces.size(); ++k) {
                model::Feature &feature = out.features[firstPiece[s] + k];
                feature.fid = qint64(firstPiece[s] + k + 1);
                feature.attributes = attributesOf(a, pieces[k].indexA);
                if (withB)
                    feature.attributes.append(attributesOf(b, pieces[k].indexB));
                feature.wkb = std::move(pieces[k].wkb);
            }
            pieces = {};
        }
    });
    // The inputs are freed here on all threads, not one feature after another as they go
    // out of scope: that took another tenth.
    for (model::VectorLayer *input : {&a, &b}) {
        runChunkRanges(input->features.size(), assembly, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i)
                input->features[i] = {};
        });
    }

    for (const OverlayRetry &retry : std::as_const(result.retries)) {
        const QString how = retry.repaired
                                ? Tr::tr("an invalid input repaired first")
                                : Tr::tr("a fixed grid of %1 m").arg(formatGrid(retry.gridSize));
        result.notes.append(Tr::tr("%1 of %2 fid %3 with %4 fid %5 needed %6")
                                .arg(retry.step, a.name, joinFids(retry.fidsA), b.name,
                                     joinFids(retry.fidsB), how));
    }
    return result;
}

} // namespace riskatlas::overlay
