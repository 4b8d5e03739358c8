// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geos/geos_context.h"
#include "core/geos/str_tree.h"
#include "core/overlay/overlay_operation.h"

#include <QMap>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <tuple>

using namespace riskatlas;
using namespace riskatlas::overlay;

namespace {

// Gauss-Krüger magnitudes (EPSG:4549 around Yongjia), so that precision is tested where the
// real data lie, not near the origin.
constexpr double kX0 = 560000;
constexpr double kY0 = 3120000;

class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    {}
    // Built from the raw engine output: std::uniform_real_distribution may differ between
    // standard libraries, the engine may not.
    double uniform(double from, double to)
    {
        return from + (to - from) * double(m_engine() >> 11) * 0x1.0p-53;
    }
    int integer(int from, int to) { return from + int(m_engine() % std::uint64_t(to - from + 1)); }

private:
    std::mt19937_64 m_engine;
};

QString ring(const std::vector<std::pair<double, double>> &points)
{
    QString text;
    for (const auto &[x, y] : points)
        text += QString::number(x, 'f', 10) + QLatin1Char(' ') + QString::number(y, 'f', 10) +
                QStringLiteral(", ");
    text += QString::number(points.front().first, 'f', 10) + QLatin1Char(' ') +
            QString::number(points.front().second, 'f', 10);
    return QStringLiteral("POLYGON ((") + text + QStringLiteral("))");
}

// A star-shaped polygon around (cx, cy) within radius `r`: angles strictly increasing, so
// it is simple and valid.
QString star(Random &random, double cx, double cy, double r, int vertices)
{
    std::vector<std::pair<double, double>> points;
    for (int k = 0; k < vertices; ++k) {
        const double angle =
            2 * std::numbers::pi * (k + random.uniform(0.05, 0.95)) / double(vertices);
        const double radius = r * random.uniform(0.3, 1.0);
        points.emplace_back(cx + radius * std::cos(angle), cy + radius * std::sin(angle));
    }
    return ring(points);
}

QString box(double x0, double y0, double x1, double y1)
{
    return ring({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}});
}

struct Layers
{
    model::VectorLayer a;
    model::VectorLayer b;
};

void add(const geos::Context &context, model::VectorLayer &layer, const QString &wkt)
{
    const qint64 id = qint64(layer.features.size()) + 1;
    const geos::GeometryPtr geometry = geos::fromWkt(context, wkt);
    EXPECT_EQ(GEOSisValid_r(context.handle(), geometry.get()), 1) << wkt.toStdString();
    layer.features.push_back({id, {id}, geos::toWkb(context, geometry.get())});
}

// Within each layer the polygons never overlap (as in a zoning); across the layers they do.
Layers makeLayers(std::uint64_t seed)
{
    Random random(seed);
    geos::Context context;
    Layers layers;
    for (model::VectorLayer *layer : {&layers.a, &layers.b}) {
        layer->name = layer == &layers.a ? QStringLiteral("a") : QStringLiteral("b");
        layer->crs = crs::Crs::fromEpsg(4549);
        layer->geometryType = model::GeometryType::Polygon;
        layer->fields = {model::Field{QStringLiteral("id"), model::FieldType::Integer}};
    }
    for (int i = 0; i < 8; ++i) {
        for (int j = 0; j < 8; ++j) {
            add(context, layers.a,
                star(random, kX0 + 100 * i + 50, kY0 + 100 * j + 50, 48, random.integer(5, 40)));
        }
    }
    for (int i = 0; i < 6; ++i) {
        for (int j = 0; j < 6; ++j) {
            // Two with many vertices, so that the rectangle clip of big cutters is exercised.
            const int vertices =
                i + j == 0 ? 3000 : (i == 1 && j == 0 ? 800 : random.integer(5, 60));
            add(context, layers.b,
                star(random, kX0 + 37 + 130 * i + 65, kY0 + 53 + 130 * j + 65, 64, vertices));
        }
    }
    // Hostile corner, east of the stars: near-coincident edges (1e-9 m apart), slivers
    // 1e-7 m thin along A's edges, and B vertices exactly on A's edges.
    const double hx = kX0 + 1000;
    for (int i = 0; i < 5; ++i) {
        for (int j = 0; j < 5; ++j) {
            const double x = hx + 20 * i;
            const double y = kY0 + 20 * j;
            add(context, layers.a, box(x, y, x + 10, y + 10));
            add(context, layers.b, box(x + 5, y + 1e-9, x + 15, y + 10 + 1e-9 * j));
            add(context, layers.b, ring({{x + 0.5, y}, {x + 4, y - 1e-8}, {x + 4, y + 1e-7}}));
            add(context, layers.b, ring({{x + 0.5, y + 10}, {x + 4.5, y + 12}, {x + 2, y + 10.5}}));
        }
    }
    return layers;
}

double area(const geos::Context &context, const QByteArray &wkb)
{
    const geos::GeometryPtr geometry = geos::fromWkb(context, wkb);
    double value = 0;
    GEOSArea_r(context.handle(), geometry.get(), &value);
    return value;
}

// Area per value of the first attribute (A's id), summed over pieces.
QMap<qint64, double> areaById(const model::VectorLayer &layer)
{
    geos::Context context;
    QMap<qint64, double> areas;
    for (const model::Feature &feature : layer.features) {
        if (!feature.attributes.value(0).isNull())
            areas[feature.attributes[0].toLongLong()] += area(context, feature.wkb);
    }
    return areas;
}

OverlayResult run(OverlayOperation operation, const Layers &layers, int threads = 4)
{
    OverlayOptions options;
    options.threads = threads;
    return overlayLayers(operation, layers.a, layers.b, options);
}

class OverlayProperty : public testing::TestWithParam<std::uint64_t>
{
protected:
    void SetUp() override { m_layers = makeLayers(GetParam()); }
    Layers m_layers;
};

} // namespace

TEST_P(OverlayProperty, IntersectionPlusDifferenceIsA)
{
    const QMap<qint64, double> ofA = areaById(m_layers.a);
    const QMap<qint64, double> inside =
        areaById(run(OverlayOperation::Intersection, m_layers).layer);
    const QMap<qint64, double> outside =
        areaById(run(OverlayOperation::Difference, m_layers).layer);
    const QMap<qint64, double> identity = areaById(run(OverlayOperation::Identity, m_layers).layer);
    const QMap<qint64, double> clipped = areaById(run(OverlayOperation::Clip, m_layers).layer);
    double total = 0;
    double split = 0;
    for (auto it = ofA.begin(); it != ofA.end(); ++it) {
        const double sum = inside.value(it.key()) + outside.value(it.key());
        EXPECT_NEAR(sum, it.value(), 1e-9 * it.value()) << "A id " << it.key();
        EXPECT_NEAR(identity.value(it.key()), it.value(), 1e-9 * it.value()) << "A id " << it.key();
        // B's polygons do not overlap, so clipping to their union is their pieces together.
        EXPECT_NEAR(clipped.value(it.key()), inside.value(it.key()), 1e-9 * it.value())
            << "A id " << it.key();
        total += it.value();
        split += sum;
    }
    EXPECT_NEAR(split, total, 1e-9 * total);
}

TEST_P(OverlayProperty, UnionPiecesDoNotOverlapAndCoverBoth)
{
    const OverlayResult result = run(OverlayOperation::Union, m_layers);
    geos::Context context;
    std::vector<geos::GeometryPtr> pieces;
    double piecesArea = 0;
    for (const model::Feature &feature : result.layer.features) {
        pieces.push_back(geos::fromWkb(context, feature.wkb));
        double value = 0;
        GEOSArea_r(context.handle(), pieces.back().get(), &value);
        piecesArea += value;
    }
    geos::StrTree tree(context);
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        geos::warmEnvelope(context, pieces[i].get());
        tree.insert(pieces[i].get(), i);
    }
    tree.build();
    double overlap = 0;
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        candidates.clear();
        tree.query(context, pieces[i].get(), candidates);
        for (std::size_t j : candidates) {
            if (j <= i)
                continue;
            const geos::GeometryPtr common = geos::own(
                context, GEOSIntersection_r(context.handle(), pieces[i].get(), pieces[j].get()));
            ASSERT_TRUE(common);
            double value = 0;
            GEOSArea_r(context.handle(), common.get(), &value);
            overlap += value;
        }
    }
    EXPECT_LE(overlap, 1e-9 * piecesArea);

    std::vector<GEOSGeometry *> all;
    for (const model::VectorLayer *layer : {&m_layers.a, &m_layers.b}) {
        for (const model::Feature &feature : layer->features)
            all.push_back(geos::fromWkb(context, feature.wkb).release());
    }
    const geos::GeometryPtr collection =
        geos::own(context, GEOSGeom_createCollection_r(context.handle(), GEOS_GEOMETRYCOLLECTION,
                                                       all.data(), unsigned(all.size())));
    const geos::GeometryPtr unioned =
        geos::own(context, GEOSUnaryUnion_r(context.handle(), collection.get()));
    ASSERT_TRUE(unioned);
    double unionArea = 0;
    GEOSArea_r(context.handle(), unioned.get(), &unionArea);
    EXPECT_NEAR(piecesArea, unionArea, 1e-9 * unionArea);
}

namespace {

// The features in a scrambled order, as files often hold them (no spatial order at all), so
// that the threads' stretches of the Hilbert order and the output's subject order differ.
Layers scrambled(Layers layers, std::uint64_t seed)
{
    Random random(seed);
    for (model::VectorLayer *layer : {&layers.a, &layers.b}) {
        std::vector<model::Feature> &features = layer->features;
        for (std::size_t i = features.size(); i > 1; --i)
            std::swap(features[i - 1], features[std::size_t(random.integer(0, int(i) - 1))]);
    }
    return layers;
}

} // namespace

TEST_P(OverlayProperty, SameBytesForOneToFourThreadsInSubjectOrder)
{
    const Layers layers = scrambled(m_layers, GetParam());
    // Where each id of A and of B sits in the scrambled layers.
    QMap<qint64, std::size_t> positionA;
    QMap<qint64, std::size_t> positionB;
    for (std::size_t i = 0; i < layers.a.features.size(); ++i)
        positionA[layers.a.features[i].attributes[0].toLongLong()] = i;
    for (std::size_t i = 0; i < layers.b.features.size(); ++i)
        positionB[layers.b.features[i].attributes[0].toLongLong()] = i;

    for (OverlayOperation operation :
         {OverlayOperation::Intersection, OverlayOperation::Union, OverlayOperation::Identity,
          OverlayOperation::Difference, OverlayOperation::Clip}) {
        SCOPED_TRACE(operationName(operation).toStdString());
        const OverlayResult one = run(operation, layers, 1);
        ASSERT_FALSE(one.layer.features.empty());

        // The documented order: A's features in layer order (B's pieces of one A feature in
        // B's order, then A's remainder), then for union B's remainders in B's order.
        const bool withB = operation == OverlayOperation::Intersection ||
                           operation == OverlayOperation::Union ||
                           operation == OverlayOperation::Identity;
        std::vector<std::tuple<int, std::size_t, std::size_t>> keys;
        for (const model::Feature &feature : one.layer.features) {
            const QVariant idA = feature.attributes.value(0);
            const QVariant idB = withB ? feature.attributes.value(1) : QVariant();
            if (idA.isNull()) {
                keys.emplace_back(1, positionB.value(idB.toLongLong()), 0);
            } else {
                keys.emplace_back(0, positionA.value(idA.toLongLong()),
                                  idB.isNull() ? layers.b.features.size()
                                               : positionB.value(idB.toLongLong()));
            }
        }
        EXPECT_TRUE(std::is_sorted(keys.begin(), keys.end())) << "output not in subject order";

        for (int threads : {2, 3, 4}) {
            SCOPED_TRACE(threads);
            const OverlayResult many = run(operation, layers, threads);
            ASSERT_EQ(one.layer.features.size(), many.layer.features.size());
            for (std::size_t i = 0; i < one.layer.features.size(); ++i) {
                const model::Feature &x = one.layer.features[i];
                const model::Feature &y = many.layer.features[i];
                ASSERT_EQ(x.fid, y.fid);
                ASSERT_EQ(x.wkb, y.wkb) << "feature " << i;
                ASSERT_EQ(x.attributes, y.attributes) << "feature " << i;
            }
            EXPECT_EQ(one.passedThrough, many.passedThrough);
            EXPECT_EQ(one.retries.size(), many.retries.size());
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Seeds, OverlayProperty, testing::Values(20250630u, 7u, 123456789u));
