// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/zonal_summary.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/geos/str_tree.h"
#include "core/overlay/metric_inputs.h"
#include "core/overlay/parallel_chunks.h"
#include "core/overlay/point_in_polygon_grid.h"

#include <QHash>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>

namespace riskatlas::overlay {

namespace {

// An overlap smaller than this (m², one square millimetre) is a rounding sliver along a shared
// edge, not a real overlap: it does not make a polygon count in a unit. Its area is still added
// to the class areas, so that they keep summing to the layer's area.
constexpr double kMinimumOverlapArea = 1e-6;

bool isNumeric(model::FieldType type)
{
    return type == model::FieldType::Integer || type == model::FieldType::Integer64 ||
           type == model::FieldType::Real;
}

// The dimension of a 2D ISO WKB geometry from its type word: 0, 1, 2, or -1 (collection, bad).
int wkbDimension(const QByteArray &wkb)
{
    if (wkb.size() < 5)
        return -1;
    quint32 type = 0;
    std::memcpy(&type, wkb.constData() + 1, sizeof type);
    if (wkb.at(0) == 0) // big-endian
        type = (type >> 24) | ((type >> 8) & 0xff00u) | ((type << 8) & 0xff0000u) | (type << 24);
    switch (type % 1000) {
    case 1:
    case 4:
        return 0;
    case 2:
    case 5:
        return 1;
    case 3:
    case 6:
        return 2;
    default:
        return -1;
    }
}

// The dimension of a layer's geometries: the declared type, or, for Unknown, that of every
// feature (mixed dimensions give -1). Layers with no geometry at all give -2.
int layerDimension(const model::VectorLayer &layer)
{
    const int declared = model::geometryDimension(layer.geometryType);
    if (declared >= 0)
        return declared;
    int found = -2;
    for (const model::Feature &feature : layer.features) {
        if (feature.wkb.isEmpty())
            continue;
        const int dimension = wkbDimension(feature.wkb);
        if (found == -2)
            found = dimension;
        else if (found != dimension)
            return -1;
    }
    return found;
}

ErrorLocation where(const model::VectorLayer &layer)
{
    return {layer.sourcePath.isEmpty() ? layer.name : layer.sourcePath, layer.name};
}

ErrorLocation whereFeature(const model::VectorLayer &layer, qint64 fid)
{
    ErrorLocation location = where(layer);
    location.row = fid;
    location.rowLabel = QStringLiteral("fid");
    return location;
}

// A feature's geometry; a WKB that GEOS cannot read is an error naming the feature of `named`
// (the caller's layer, whose fids the metric copy keeps).
geos::GeometryPtr parseFeature(const geos::Context &context, const model::VectorLayer &named,
                               const model::Feature &feature)
{
    try {
        return geos::fromWkb(context, feature.wkb);
    } catch (const ProcessingError &error) {
        throw ProcessingError(whereFeature(named, feature.fid), error.message());
    }
}

// A class of the class field: its column label and, for numeric fields, its value for sorting.
struct ClassValue
{
    QString key;
    double number = 0;
};

QString columnLabel(const QString &key)
{
    QString label;
    label.reserve(key.size());
    for (const QChar c : key)
        label.append(c.isLetterOrNumber() || c == u'_' ? c : u'_');
    return label;
}

// What one unit collects; every unit is computed on its own, so the thread count cannot change
// a result.
struct UnitResult
{
    bool hasGeometry = false;
    double unitArea = 0;
    qint64 count = 0;
    double sum = 0;
    std::optional<double> max;
    std::vector<double> classArea;
    double covered = 0;     // area of pieces with a non-null value (weighted-mean)
    double weightedSum = 0; // Σ value · piece area
    double overlapArea = 0; // area of all pieces, to notice overlapping layer polygons
};

// Per-thread state: GEOS handles are never shared between threads.
struct WorkerState
{
    geos::Context context;
    std::vector<std::size_t> candidates;
};

// Intersection with OverlayNG in floating point (which already retries internally), then snap-
// rounded on a 1 µm and a 1 mm grid, as OverlayNGRobust would; null only when all three fail.
geos::GeometryPtr robustIntersection(const geos::Context &context, const GEOSGeometry *a,
                                     const GEOSGeometry *b)
{
    GEOSGeometry *result = GEOSIntersection_r(context.handle(), a, b);
    if (!result)
        result = GEOSIntersectionPrec_r(context.handle(), a, b, 1e-6);
    if (!result)
        result = GEOSIntersectionPrec_r(context.handle(), a, b, 1e-3);
    return geos::own(context, result);
}

// Units whose envelopes reach into each cell of a coarse grid over all units, in unit order:
// a point's candidate units without making it a GEOS geometry.
class UnitBuckets
{
public:
    explicit UnitBuckets(const std::vector<PointInPolygonGrid> &grids)
    {
        double minX = std::numeric_limits<double>::max(), minY = minX;
        double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
        for (const PointInPolygonGrid &grid : grids) {
            if (grid.minX() > grid.maxX())
                continue;
            minX = std::min(minX, grid.minX());
            minY = std::min(minY, grid.minY());
            maxX = std::max(maxX, grid.maxX());
            maxY = std::max(maxY, grid.maxY());
        }
        const double longer = std::max(maxX - minX, maxY - minY);
        if (!(longer > 0) || !std::isfinite(longer)) {
            m_columns = m_rows = 1;
            m_scale = 0;
        } else {
            const int side = std::clamp(int(4 * std::sqrt(double(grids.size()))), 1, 512);
            m_scale = side / longer;
            m_columns = std::clamp(int(std::ceil((maxX - minX) * m_scale)), 1, side);
            m_rows = std::clamp(int(std::ceil((maxY - minY) * m_scale)), 1, side);
        }
        m_minX = minX;
        m_minY = minY;
        m_buckets.resize(std::size_t(m_columns) * std::size_t(m_rows));
        for (std::size_t u = 0; u < grids.size(); ++u) {
            const PointInPolygonGrid &grid = grids[u];
            if (grid.minX() > grid.maxX())
                continue;
            // One bucket of margin: a unit listed in a bucket it does not reach only costs an
            // envelope test.
            const int c0 = std::max(0, column(grid.minX()) - 1);
            const int c1 = std::min(m_columns - 1, column(grid.maxX()) + 1);
            const int r0 = std::max(0, row(grid.minY()) - 1);
            const int r1 = std::min(m_rows - 1, row(grid.maxY()) + 1);
            for (int r = r0; r <= r1; ++r) {
                for (int c = c0; c <= c1; ++c)
                    m_buckets[std::size_t(r) * std::size_t(m_columns) + std::size_t(c)].push_back(
                        std::uint32_t(u));
            }
        }
    }

    const std::vector<std::uint32_t> &unitsNear(double x, double y) const
    {
        return m_buckets[std::size_t(row(y)) * std::size_t(m_columns) + std::size_t(column(x))];
    }

private:
    int column(double x) const
    {
        return int(std::clamp(std::floor((x - m_minX) * m_scale), 0.0, double(m_columns - 1)));
    }
    int row(double y) const
    {
        return int(std::clamp(std::floor((y - m_minY) * m_scale), 0.0, double(m_rows - 1)));
    }

    double m_minX = 0, m_minY = 0, m_scale = 0;
    int m_columns = 1, m_rows = 1;
    std::vector<std::vector<std::uint32_t>> m_buckets;
};

// The coordinates of a 2D little-endian WKB point that is not empty; false for anything else
// (multipoints, big-endian, NaN), which goes through GEOS.
bool pointCoordinates(const QByteArray &wkb, double &x, double &y)
{
    if (wkb.size() != 21 || wkb[0] != 1)
        return false;
    const auto *bytes = reinterpret_cast<const uchar *>(wkb.constData());
    if (qFromLittleEndian<quint32>(bytes + 1) != 1)
        return false;
    x = qFromLittleEndian<double>(bytes + 5);
    y = qFromLittleEndian<double>(bytes + 13);
    return std::isfinite(x) && std::isfinite(y);
}

// Points: usually few units and many points. Three passes, each balanced over the threads:
// (1) per unit, its cell grid, area and prepared geometry; (2) the points in chunks, most of
// them decided by the grids alone, the rest listed per unit; (3) per unit, GEOS's prepared
// `contains` for its listed points. A unit's prepared geometry is built once, in (1), and
// used by one thread at a time in (3): GEOS objects may move between threads and contexts
// but must never be used by two at once. A point counts in a unit that contains it, as in
// QGIS. Values are added in point order, so sums do not depend on the thread count.
std::vector<UnitResult> summarisePoints(const model::VectorLayer &units,
                                        const model::VectorLayer &metricUnits,
                                        const model::VectorLayer &layer,
                                        const model::VectorLayer &metricLayer,
                                        const std::vector<std::optional<double>> &values,
                                        std::size_t classCount, int threads, Feedback *feedback)
{
    const std::size_t unitCount = metricUnits.features.size();
    std::vector<UnitResult> results(unitCount);
    for (UnitResult &result : results)
        result.classArea.assign(classCount, 0.0);

    // Outlives every unit geometry below, which are destroyed through its handle.
    const geos::Context owner;
    std::vector<geos::GeometryPtr> unitGeometry(unitCount);
    std::vector<geos::PreparedPtr> unitPrepared(unitCount);
    // Finer grids leave fewer points near a boundary for GEOS but cost more to build and to
    // look up (cache misses): ~8 cells a point, e.g. 256 × 256 cells for each of 22
    // townships and 200 000 points, fewer per unit for thousands of units (grid cells as
    // units); measured best on the benchmark's count (docs/performance.md).
    const double cellBudget =
        std::clamp(8.0 * double(metricLayer.features.size()), 262144.0, 2097152.0);
    const int resolution = std::clamp(
        int(std::sqrt(cellBudget / double(std::max<std::size_t>(1, unitCount)))), 8, 256);
    std::vector<PointInPolygonGrid> grids(unitCount);
    ChunkOptions unitOptions;
    unitOptions.threads = threads;
    unitOptions.chunkSize = std::max<std::size_t>(1, unitCount / 256);
    unitOptions.feedback = nullptr;
    runChunked<int>(
        unitCount, unitOptions, [] { return std::make_unique<geos::Context>(); },
        [&](std::unique_ptr<geos::Context> &context, std::size_t begin, std::size_t end,
            std::vector<int> &) {
            const GEOSContextHandle_t handle = context->handle();
            for (std::size_t u = begin; u < end; ++u) {
                const model::Feature &unitFeature = metricUnits.features[u];
                if (unitFeature.wkb.isEmpty())
                    continue;
                geos::GeometryPtr unit = parseFeature(*context, units, unitFeature);
                unit.get_deleter().context = owner.handle();
                if (GEOSisEmpty_r(handle, unit.get()) == 1)
                    continue;
                results[u].hasGeometry = true;
                GEOSArea_r(handle, unit.get(), &results[u].unitArea);
                geos::warmEnvelope(*context, unit.get()); // read by every thread's STR-tree
                geos::PreparedPtr prepared(GEOSPrepare_r(handle, unit.get()),
                                           geos::PreparedDeleter{owner.handle()});
                if (!prepared) {
                    throw ProcessingError(
                        whereFeature(units, unitFeature.fid),
                        QStringLiteral("cannot prepare the unit: %1").arg(context->lastError()));
                }
                grids[u] = PointInPolygonGrid(*context, unit.get(), prepared.get(), resolution);
                unitGeometry[u] = std::move(unit);
                unitPrepared[u] = std::move(prepared);
            }
        });
    const UnitBuckets buckets(grids);

    struct Member
    {
        std::uint32_t unit;
        std::uint32_t point;
    };
    struct Located
    {
        std::vector<Member> inside;  // decided by a grid
        std::vector<Member> pending; // for GEOS
    };
    // Only points that are not plain 2D points (multipoints) need the STR-tree of the units.
    struct PointWorker
    {
        geos::Context context;
        std::unique_ptr<geos::StrTree> tree;
        std::vector<std::size_t> candidates;
    };
    ChunkOptions pointOptions;
    pointOptions.threads = threads;
    pointOptions.chunkSize = 4096;
    pointOptions.feedback = feedback;
    const std::vector<Located> located = runChunked<Located>(
        metricLayer.features.size(), pointOptions, [] { return std::make_unique<PointWorker>(); },
        [&](std::unique_ptr<PointWorker> &worker, std::size_t begin, std::size_t end,
            std::vector<Located> &out) {
            Located chunk;
            for (std::size_t i = begin; i < end; ++i) {
                const model::Feature &feature = metricLayer.features[i];
                if (feature.wkb.isEmpty())
                    continue;
                double x = 0;
                double y = 0;
                if (pointCoordinates(feature.wkb, x, y)) {
                    for (const std::uint32_t u : buckets.unitsNear(x, y)) {
                        switch (grids[u].locate(x, y)) {
                        case PointInPolygonGrid::Answer::Inside:
                            chunk.inside.push_back({u, std::uint32_t(i)});
                            break;
                        case PointInPolygonGrid::Answer::Outside:
                            break;
                        case PointInPolygonGrid::Answer::Unknown:
                            chunk.pending.push_back({u, std::uint32_t(i)});
                            break;
                        }
                    }
                    continue;
                }
                const geos::Context &context = worker->context;
                geos::GeometryPtr point = parseFeature(context, layer, feature);
                if (GEOSisEmpty_r(context.handle(), point.get()) == 1)
                    continue;
                if (!worker->tree) {
                    // The tree holds the shared unit geometries but only reads their
                    // envelopes, which GEOSPrepare and the grids have already computed.
                    worker->tree = std::make_unique<geos::StrTree>(context);
                    for (std::size_t u = 0; u < unitCount; ++u) {
                        if (unitGeometry[u])
                            worker->tree->insert(unitGeometry[u].get(), u);
                    }
                    worker->tree->build();
                }
                worker->candidates.clear();
                worker->tree->query(context, point.get(), worker->candidates);
                std::sort(worker->candidates.begin(), worker->candidates.end());
                for (const std::size_t u : worker->candidates)
                    chunk.pending.push_back({std::uint32_t(u), std::uint32_t(i)});
            }
            out.push_back(std::move(chunk));
        });

    // One list of `located` members, the points of each unit in point order (a counting sort by
    // unit): unit u's points are points[start[u]] … points[start[u + 1] - 1].
    struct ByUnit
    {
        std::vector<std::size_t> start;
        std::vector<std::uint32_t> points;
    };
    auto byUnit = [&](std::vector<Member> Located::*list) {
        ByUnit result;
        result.start.assign(unitCount + 1, 0);
        for (const Located &chunk : located) {
            for (const Member &member : chunk.*list)
                ++result.start[member.unit + 1];
        }
        for (std::size_t u = 0; u < unitCount; ++u)
            result.start[u + 1] += result.start[u];
        result.points.resize(result.start[unitCount]);
        std::vector<std::size_t> fill(result.start.begin(), result.start.end() - 1);
        for (const Located &chunk : located) {
            for (const Member &member : chunk.*list)
                result.points[fill[member.unit]++] = member.point;
        }
        return result;
    };
    const ByUnit pendingByUnit = byUnit(&Located::pending);
    const std::vector<std::size_t> &pendingStart = pendingByUnit.start;
    const std::vector<std::uint32_t> &pendingPoints = pendingByUnit.points;
    // Units with the most pending points first, so that no thread is left with a large one at
    // the end; the order is fixed by the data, not by the threads.
    std::vector<std::uint32_t> busyUnits;
    for (std::size_t u = 0; u < unitCount; ++u) {
        if (pendingStart[u + 1] > pendingStart[u])
            busyUnits.push_back(std::uint32_t(u));
    }
    std::stable_sort(busyUnits.begin(), busyUnits.end(), [&](std::uint32_t a, std::uint32_t b) {
        return pendingStart[a + 1] - pendingStart[a] > pendingStart[b + 1] - pendingStart[b];
    });
    // contained[k]: whether unit of pendingPoints[k] contains that point.
    std::vector<char> contained(pendingPoints.size(), 0);
    ChunkOptions testOptions;
    testOptions.threads = threads;
    testOptions.chunkSize = 1;
    testOptions.feedback = feedback;
    runChunked<int>(
        busyUnits.size(), testOptions, [] { return std::make_unique<geos::Context>(); },
        [&](std::unique_ptr<geos::Context> &context, std::size_t begin, std::size_t end,
            std::vector<int> &) {
            const GEOSContextHandle_t handle = context->handle();
            for (std::size_t b = begin; b < end; ++b) {
                const std::uint32_t u = busyUnits[b];
                const GEOSPreparedGeometry *prepared = unitPrepared[u].get();
                for (std::size_t k = pendingStart[u]; k < pendingStart[u + 1]; ++k) {
                    const model::Feature &feature = metricLayer.features[pendingPoints[k]];
                    double x = 0;
                    double y = 0;
                    const geos::GeometryPtr point =
                        pointCoordinates(feature.wkb, x, y)
                            ? geos::own(*context, GEOSGeom_createPointFromXY_r(handle, x, y))
                            : geos::fromWkb(*context, feature.wkb);
                    const char answer =
                        point ? GEOSPreparedContains_r(handle, prepared, point.get()) : 2;
                    if (answer == 2) {
                        throw ProcessingError(whereFeature(units, metricUnits.features[u].fid),
                                              QStringLiteral("contains with %1 fid %2: %3")
                                                  .arg(layer.name)
                                                  .arg(feature.fid)
                                                  .arg(context->lastError()));
                    }
                    contained[k] = answer == 1 ? 1 : 0;
                }
            }
        });

    // Per unit, the grid's members and GEOS's, each in point order, merged in point order.
    const ByUnit insideByUnit = byUnit(&Located::inside);
    const std::vector<std::size_t> &insideStart = insideByUnit.start;
    const std::vector<std::uint32_t> &insidePoints = insideByUnit.points;
    ChunkOptions sumOptions;
    sumOptions.threads = threads;
    sumOptions.chunkSize = std::max<std::size_t>(1, unitCount / 64);
    sumOptions.feedback = feedback;
    runChunkRanges(unitCount, sumOptions, [&](std::size_t begin, std::size_t end) {
        for (std::size_t u = begin; u < end; ++u) {
            UnitResult &result = results[u];
            auto add = [&](std::uint32_t point) {
                ++result.count;
                if (const std::optional<double> &value = values[point]) {
                    result.sum += *value;
                    if (!result.max || *value > *result.max)
                        result.max = value;
                }
            };
            std::size_t a = insideStart[u];
            std::size_t b = pendingStart[u];
            const std::size_t aEnd = insideStart[u + 1];
            const std::size_t bEnd = pendingStart[u + 1];
            while (a < aEnd || b < bEnd) {
                if (b < bEnd && !contained[b]) {
                    ++b;
                    continue;
                }
                if (b >= bEnd || (a < aEnd && insidePoints[a] < pendingPoints[b]))
                    add(insidePoints[a++]);
                else
                    add(pendingPoints[b++]);
            }
        }
    });
    return results;
}

bool needsField(ZonalStatistic statistic)
{
    return statistic != ZonalStatistic::Count;
}

bool needsPolygons(ZonalStatistic statistic)
{
    return statistic == ZonalStatistic::ClassArea || statistic == ZonalStatistic::ClassShare ||
           statistic == ZonalStatistic::WeightedMean;
}

} // namespace

QString zonalStatisticName(ZonalStatistic statistic)
{
    switch (statistic) {
    case ZonalStatistic::Count:
        return QStringLiteral("count");
    case ZonalStatistic::Sum:
        return QStringLiteral("sum");
    case ZonalStatistic::Max:
        return QStringLiteral("max");
    case ZonalStatistic::ClassArea:
        return QStringLiteral("class-area");
    case ZonalStatistic::ClassShare:
        return QStringLiteral("class-share");
    case ZonalStatistic::WeightedMean:
        return QStringLiteral("weighted-mean");
    }
    return {};
}

std::optional<ZonalStatistic> parseZonalStatistic(const QString &name)
{
    for (ZonalStatistic statistic :
         {ZonalStatistic::Count, ZonalStatistic::Sum, ZonalStatistic::Max,
          ZonalStatistic::ClassArea, ZonalStatistic::ClassShare, ZonalStatistic::WeightedMean}) {
        if (name.compare(zonalStatisticName(statistic), Qt::CaseInsensitive) == 0)
            return statistic;
    }
    return std::nullopt;
}

QString uniqueFieldName(const model::Fields &fields, const QString &name)
{
    if (model::fieldIndex(fields, name) < 0)
        return name;
    for (int n = 2;; ++n) {
        const QString candidate = name + u'_' + QString::number(n);
        if (model::fieldIndex(fields, candidate) < 0)
            return candidate;
    }
}

model::VectorLayer zonalSummary(const model::VectorLayer &units, const model::VectorLayer &layer,
                                const ZonalOptions &options, ZonalReport *report)
{
    Feedback *feedback = options.feedback;
    QList<ZonalStatistic> statistics;
    for (ZonalStatistic statistic : options.statistics) {
        if (!statistics.contains(statistic))
            statistics.append(statistic);
    }
    if (statistics.isEmpty())
        throw InputError({}, QStringLiteral("no statistic asked for"));

    // Check everything about the inputs before any work.
    const int unitDimension = layerDimension(units);
    if (unitDimension != 2 && unitDimension != -2) {
        throw InputError(where(units), QStringLiteral("units must be polygons, not %1")
                                           .arg(model::geometryTypeName(units.geometryType)));
    }
    const int dimension = layerDimension(layer);
    if (dimension == 1 || dimension == -1) {
        throw InputError(where(layer),
                         QStringLiteral("can only summarise points or polygons, not %1")
                             .arg(model::geometryTypeName(layer.geometryType)));
    }
    const bool polygons = dimension == 2;
    bool wantField = false;
    bool wantClasses = false;
    for (ZonalStatistic statistic : statistics) {
        if (needsPolygons(statistic) && !polygons && dimension != -2) {
            throw InputError(where(layer), QStringLiteral("%1 needs a polygon layer; this one "
                                                          "has points")
                                               .arg(zonalStatisticName(statistic)));
        }
        wantField = wantField || needsField(statistic);
        wantClasses = wantClasses || statistic == ZonalStatistic::ClassArea ||
                      statistic == ZonalStatistic::ClassShare;
    }
    const bool wantValues = statistics.contains(ZonalStatistic::Sum) ||
                            statistics.contains(ZonalStatistic::Max) ||
                            statistics.contains(ZonalStatistic::WeightedMean);
    int fieldIndex = -1;
    if (wantField) {
        if (options.field.isEmpty())
            throw InputError(where(layer), QStringLiteral("%1 needs a field (--field)")
                                               .arg(zonalStatisticName(statistics.first())));
        fieldIndex = model::fieldIndex(layer.fields, options.field);
        if (fieldIndex < 0) {
            const QStringList names = model::fieldNames(layer.fields);
            throw InputError(where(layer),
                             QStringLiteral("has no field \"%1\"; its fields: %2")
                                 .arg(options.field, names.join(QStringLiteral(", "))));
        }
        if (wantValues && !isNumeric(layer.fields[fieldIndex].type)) {
            throw InputError(
                where(layer),
                QStringLiteral("field \"%1\" is %2; sum, max and weighted-mean need "
                               "a numeric field")
                    .arg(options.field, model::fieldTypeName(layer.fields[fieldIndex].type)));
        }
    }

    // Attribute values and classes, read once on this thread.
    const std::size_t featureCount = layer.features.size();
    std::vector<std::optional<double>> values(featureCount);
    std::vector<int> classOf(featureCount, -1);
    std::vector<ClassValue> classes;
    qint64 nullValues = 0;
    if (fieldIndex >= 0) {
        const bool numericField = isNumeric(layer.fields[fieldIndex].type);
        QHash<QString, int> classIndex;
        for (std::size_t i = 0; i < featureCount; ++i) {
            const model::Feature &feature = layer.features[i];
            const QVariant value = fieldIndex < feature.attributes.size()
                                       ? feature.attributes[fieldIndex]
                                       : QVariant();
            if (value.isNull()) {
                ++nullValues;
                continue;
            }
            double number = 0;
            if (numericField) {
                bool ok = false;
                number = value.toDouble(&ok);
                if (!ok) {
                    throw InputError(whereFeature(layer, feature.fid),
                                     QStringLiteral("\"%1\" is not a number in field \"%2\"")
                                         .arg(value.toString(), options.field));
                }
                values[i] = number;
            }
            if (wantClasses) {
                const QString key =
                    numericField ? QString::number(number, 'g', 15) : value.toString();
                auto it = classIndex.constFind(key);
                if (it == classIndex.constEnd()) {
                    it = classIndex.insert(key, int(classes.size()));
                    classes.push_back({key, number});
                }
                classOf[i] = it.value();
            }
        }
        if (wantClasses) {
            // Columns in class order (numeric, or text order), whatever the feature order.
            std::vector<int> order(classes.size());
            for (std::size_t k = 0; k < order.size(); ++k)
                order[k] = int(k);
            std::sort(order.begin(), order.end(), [&](int a, int b) {
                return numericField ? classes[a].number < classes[b].number
                                    : classes[a].key < classes[b].key;
            });
            std::vector<int> rank(classes.size());
            std::vector<ClassValue> sorted;
            for (std::size_t k = 0; k < order.size(); ++k) {
                rank[order[k]] = int(k);
                sorted.push_back(classes[order[k]]);
            }
            classes = std::move(sorted);
            for (int &c : classOf) {
                if (c >= 0)
                    c = rank[c];
            }
        }
    }

    QStringList warnings;
    auto warn = [&](const QString &message) {
        warnings.append(message);
        if (feedback)
            feedback->pushWarning(message);
    };
    if (nullValues > 0) {
        warn(QStringLiteral("%1 of %2 features of %3 have no value in \"%4\" and are left out")
                 .arg(nullValues)
                 .arg(qint64(featureCount))
                 .arg(layer.name, options.field));
    }

    // The units in one metric CRS (a copy: the originals keep their geometries for the
    // output); the layer copied only when it has to be reprojected too, since copying and
    // freeing 200 000 features costs more than counting them.
    model::VectorLayer metricUnits;
    metricUnits.name = units.name;
    metricUnits.sourcePath = units.sourcePath;
    metricUnits.crs = units.crs;
    metricUnits.geometryType = units.geometryType;
    metricUnits.features.reserve(units.features.size());
    for (const model::Feature &feature : units.features)
        metricUnits.features.push_back({feature.fid, {}, feature.wkb});
    const crs::Crs metricCrs =
        reprojectToMetric({&metricUnits}, options.metricCrs, feedback, options.threads);
    if (!layer.crs.isValid()) {
        throw InputError({layer.sourcePath, layer.name},
                         QStringLiteral("has no coordinate reference system; name it with "
                                        "--s-srs (e.g. --s-srs EPSG:4490)"));
    }
    std::optional<model::VectorLayer> reprojectedLayer;
    if (!layer.crs.isSameAs(metricCrs)) {
        reprojectedLayer.emplace();
        reprojectedLayer->name = layer.name;
        reprojectedLayer->sourcePath = layer.sourcePath;
        reprojectedLayer->crs = layer.crs;
        reprojectedLayer->geometryType = layer.geometryType;
        reprojectedLayer->features.reserve(featureCount);
        for (const model::Feature &feature : layer.features)
            reprojectedLayer->features.push_back({feature.fid, {}, feature.wkb});
        reprojectToMetric({&*reprojectedLayer}, metricCrs, feedback, options.threads);
    }
    const model::VectorLayer &metricLayer = reprojectedLayer ? *reprojectedLayer : layer;

    const std::size_t classCount = classes.size();
    std::vector<UnitResult> results;
    if (!polygons) {
        if (feedback)
            feedback->setStep(QStringLiteral("summarising %1 by unit").arg(layer.name));
        results = summarisePoints(units, metricUnits, layer, metricLayer, values, classCount,
                                  options.threads, feedback);
    } else {
        // The layer's geometries, envelopes warmed, in one STR-tree. Workers only read them.
        if (feedback)
            feedback->setStep(QStringLiteral("indexing %1").arg(layer.name));
        const geos::Context mainContext;
        std::vector<geos::GeometryPtr> geometries(featureCount);
        std::vector<geos::GeometryPtr> representativePoints;
        std::vector<double> featureArea(polygons ? featureCount : 0, 0.0);
        const bool byPoint = polygons && options.assignment == PolygonAssignment::PointOnSurface;
        if (byPoint)
            representativePoints.resize(featureCount);
        auto tree = std::make_unique<geos::StrTree>(mainContext);
        for (std::size_t i = 0; i < featureCount; ++i) {
            if ((i & 1023) == 0 && feedback)
                feedback->throwIfCanceled();
            const model::Feature &feature = metricLayer.features[i];
            if (feature.wkb.isEmpty())
                continue;
            geos::GeometryPtr geometry = parseFeature(mainContext, layer, feature);
            if (GEOSisEmpty_r(mainContext.handle(), geometry.get()) == 1)
                continue;
            geos::warmEnvelope(mainContext, geometry.get());
            if (polygons)
                GEOSArea_r(mainContext.handle(), geometry.get(), &featureArea[i]);
            if (byPoint) {
                representativePoints[i] = geos::own(
                    mainContext, GEOSPointOnSurface_r(mainContext.handle(), geometry.get()));
                if (!representativePoints[i]) {
                    throw ProcessingError(
                        whereFeature(layer, feature.fid),
                        QStringLiteral("no point on surface: %1").arg(mainContext.lastError()));
                }
                geos::warmEnvelope(mainContext, representativePoints[i].get());
            }
            tree->insert(geometry.get(), i);
            geometries[i] = std::move(geometry);
        }
        tree->build();

        if (feedback)
            feedback->setStep(QStringLiteral("summarising %1 by unit").arg(layer.name));
        ChunkOptions chunkOptions;
        chunkOptions.threads = options.threads;
        chunkOptions.chunkSize = 1; // few, heavy units: hand them out one by one
        chunkOptions.feedback = feedback;
        const bool wantMembership = statistics.contains(ZonalStatistic::Count) ||
                                    statistics.contains(ZonalStatistic::Sum) ||
                                    statistics.contains(ZonalStatistic::Max);
        const bool wantAreas =
            polygons && (wantClasses || statistics.contains(ZonalStatistic::WeightedMean));

        results = runChunked<UnitResult>(
            metricUnits.features.size(), chunkOptions,
            [] { return std::make_unique<WorkerState>(); },
            [&](std::unique_ptr<WorkerState> &state, std::size_t begin, std::size_t end,
                std::vector<UnitResult> &out) {
                const geos::Context &context = state->context;
                const GEOSContextHandle_t handle = context.handle();
                for (std::size_t u = begin; u < end; ++u) {
                    const model::Feature &unitFeature = metricUnits.features[u];
                    UnitResult result;
                    result.classArea.assign(classCount, 0.0);
                    if (unitFeature.wkb.isEmpty()) {
                        out.push_back(std::move(result));
                        continue;
                    }
                    geos::GeometryPtr unit = parseFeature(context, units, unitFeature);
                    if (GEOSisEmpty_r(handle, unit.get()) == 1) {
                        out.push_back(std::move(result));
                        continue;
                    }
                    result.hasGeometry = true;
                    GEOSArea_r(handle, unit.get(), &result.unitArea);
                    const geos::PreparedPtr prepared(GEOSPrepare_r(handle, unit.get()),
                                                     geos::PreparedDeleter{handle});
                    if (!prepared) {
                        throw ProcessingError(
                            whereFeature(units, unitFeature.fid),
                            QStringLiteral("cannot prepare the unit: %1").arg(context.lastError()));
                    }
                    auto fail = [&](std::size_t i, const QString &what) {
                        return ProcessingError(whereFeature(units, unitFeature.fid),
                                               QStringLiteral("%1 with %2 fid %3: %4")
                                                   .arg(what, layer.name)
                                                   .arg(layer.features[i].fid)
                                                   .arg(context.lastError()));
                    };
                    auto predicate = [&](char answer, std::size_t i, const char *name) {
                        if (answer == 2)
                            throw fail(i, QString::fromLatin1(name));
                        return answer == 1;
                    };

                    state->candidates.clear();
                    tree->query(context, unit.get(), state->candidates);
                    std::size_t tested = 0;
                    for (const std::size_t i : state->candidates) {
                        if ((++tested & 255) == 0 && feedback)
                            feedback->throwIfCanceled();
                        const GEOSGeometry *geometry = geometries[i].get();
                        bool member = false;
                        if (!polygons) {
                            // QGIS counts a point only when the polygon contains it: a point on
                            // the boundary is in neither neighbour.
                            member =
                                predicate(GEOSPreparedContains_r(handle, prepared.get(), geometry),
                                          i, "contains");
                        } else {
                            if (!predicate(
                                    GEOSPreparedIntersects_r(handle, prepared.get(), geometry), i,
                                    "intersects"))
                                continue;
                            double area = 0;
                            const bool inside =
                                predicate(GEOSPreparedContains_r(handle, prepared.get(), geometry),
                                          i, "contains");
                            if (inside) {
                                area = featureArea[i];
                            } else if (wantAreas || (wantMembership && !byPoint)) {
                                const geos::GeometryPtr piece =
                                    robustIntersection(context, unit.get(), geometry);
                                if (!piece)
                                    throw fail(i, QStringLiteral("intersection"));
                                if (GEOSArea_r(handle, piece.get(), &area) == 0)
                                    throw fail(i, QStringLiteral("area"));
                            }
                            if (wantAreas) {
                                result.overlapArea += area;
                                if (classOf[i] >= 0)
                                    result.classArea[std::size_t(classOf[i])] += area;
                                if (values[i]) {
                                    result.covered += area;
                                    result.weightedSum += *values[i] * area;
                                }
                            }
                            if (byPoint) {
                                member =
                                    predicate(GEOSPreparedContains_r(handle, prepared.get(),
                                                                     representativePoints[i].get()),
                                              i, "contains");
                            } else {
                                member = inside || area > kMinimumOverlapArea;
                            }
                        }
                        if (!member)
                            continue;
                        ++result.count;
                        if (values[i]) {
                            result.sum += *values[i];
                            if (!result.max || *values[i] > *result.max)
                                result.max = values[i];
                        }
                    }
                    out.push_back(std::move(result));
                }
            });
    }

    // The output: the units as they came, plus the new columns.
    model::VectorLayer output;
    output.name = units.name;
    output.crs = units.crs;
    output.geometryType = units.geometryType;
    output.fields = units.fields;
    output.sourcePath = units.sourcePath;
    output.sourceEncoding = units.sourceEncoding;
    output.encodingSource = units.encodingSource;
    QStringList added;
    auto addField = [&](const QString &name, model::FieldType type) {
        const QString unique = uniqueFieldName(output.fields, name);
        output.fields.append({unique, type});
        added.append(unique);
    };
    for (ZonalStatistic statistic : statistics) {
        switch (statistic) {
        case ZonalStatistic::Count:
            addField(QStringLiteral("count"), model::FieldType::Integer64);
            break;
        case ZonalStatistic::Sum:
            addField(QStringLiteral("sum"), model::FieldType::Real);
            break;
        case ZonalStatistic::Max: {
            const model::FieldType type = layer.fields[fieldIndex].type;
            addField(QStringLiteral("max"), type);
            break;
        }
        case ZonalStatistic::ClassArea:
            for (const ClassValue &value : classes)
                addField(QStringLiteral("area_") + columnLabel(value.key), model::FieldType::Real);
            break;
        case ZonalStatistic::ClassShare:
            for (const ClassValue &value : classes)
                addField(QStringLiteral("share_") + columnLabel(value.key), model::FieldType::Real);
            break;
        case ZonalStatistic::WeightedMean:
            addField(QStringLiteral("weighted_mean"), model::FieldType::Real);
            addField(QStringLiteral("coverage"), model::FieldType::Real);
            break;
        }
    }

    qint64 withoutGeometry = 0;
    output.features.reserve(units.features.size());
    for (std::size_t u = 0; u < units.features.size(); ++u) {
        const UnitResult &result = results[u];
        model::Feature feature = units.features[u];
        while (feature.attributes.size() < units.fields.size())
            feature.attributes.append(QVariant());
        if (!result.hasGeometry)
            ++withoutGeometry;
        const bool hasArea = result.hasGeometry && result.unitArea > 0;
        for (ZonalStatistic statistic : statistics) {
            switch (statistic) {
            case ZonalStatistic::Count:
                feature.attributes.append(result.hasGeometry ? QVariant(result.count) : QVariant());
                break;
            case ZonalStatistic::Sum:
                feature.attributes.append(result.hasGeometry ? QVariant(result.sum) : QVariant());
                break;
            case ZonalStatistic::Max:
                if (!result.max)
                    feature.attributes.append(QVariant());
                else if (layer.fields[fieldIndex].type == model::FieldType::Real)
                    feature.attributes.append(*result.max);
                else
                    feature.attributes.append(qint64(*result.max));
                break;
            case ZonalStatistic::ClassArea:
                for (double area : result.classArea)
                    feature.attributes.append(result.hasGeometry ? QVariant(area) : QVariant());
                break;
            case ZonalStatistic::ClassShare:
                for (double area : result.classArea)
                    feature.attributes.append(hasArea ? QVariant(area / result.unitArea)
                                                      : QVariant());
                break;
            case ZonalStatistic::WeightedMean:
                feature.attributes.append(result.covered > 0
                                              ? QVariant(result.weightedSum / result.covered)
                                              : QVariant());
                feature.attributes.append(hasArea ? QVariant(result.covered / result.unitArea)
                                                  : QVariant());
                break;
            }
        }
        if (hasArea && result.overlapArea > result.unitArea * (1 + 1e-9) + kMinimumOverlapArea) {
            warn(QStringLiteral("polygons of %1 overlap inside unit fid %2: %3 m² of them in "
                                "%4 m²; overlapping parts are counted more than once")
                     .arg(layer.name)
                     .arg(feature.fid)
                     .arg(result.overlapArea, 0, 'f', 1)
                     .arg(result.unitArea, 0, 'f', 1));
        }
        output.features.push_back(std::move(feature));
    }
    if (withoutGeometry > 0)
        warn(QStringLiteral("%1 units have no geometry; their statistics are empty")
                 .arg(withoutGeometry));

    if (report) {
        report->metricCrs = metricCrs;
        report->addedFields = added;
        report->warnings = warnings;
        report->unitsWithoutGeometry = withoutGeometry;
    }
    return output;
}

} // namespace riskatlas::overlay
