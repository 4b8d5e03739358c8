// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/eliminate.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "support/test_support.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace riskatlas;
using namespace riskatlas::overlay;

namespace {

crs::Crs metric()
{
    static const crs::Crs crs = crs::Crs::fromEpsg(4549);
    return crs;
}

QByteArray wkbOf(const QString &wkt)
{
    geos::Context context;
    return geos::toWkb(context, geos::fromWkt(context, wkt).get());
}

QString box(double minX, double minY, double maxX, double maxY)
{
    return QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
        .arg(minX, 0, 'f', 3)
        .arg(minY, 0, 'f', 3)
        .arg(maxX, 0, 'f', 3)
        .arg(maxY, 0, 'f', 3);
}

const model::Fields kFields = {{QStringLiteral("name"), model::FieldType::String}};

struct Row
{
    qint64 fid;
    QString name;
    QString wkt;
};

model::VectorLayer layerOf(const std::vector<Row> &rows)
{
    model::VectorLayer layer;
    layer.name = QStringLiteral("zones");
    layer.crs = metric();
    layer.geometryType = model::GeometryType::Polygon;
    layer.fields = kFields;
    for (const Row &row : rows)
        layer.features.push_back(
            {row.fid, {row.name}, row.wkt.isEmpty() ? QByteArray() : wkbOf(row.wkt)});
    return layer;
}

EliminateOptions metricOptions(int threads = 0)
{
    EliminateOptions options;
    options.metricCrs = metric();
    options.threads = threads;
    return options;
}

double areaOf(const QByteArray &wkb)
{
    if (wkb.isEmpty())
        return 0;
    geos::Context context;
    double area = 0;
    GEOSArea_r(context.handle(), geos::fromWkb(context, wkb).get(), &area);
    return area;
}

bool topologicallyEqual(const QByteArray &wkb, const QString &wkt)
{
    geos::Context context;
    const geos::GeometryPtr a = geos::fromWkb(context, wkb);
    const geos::GeometryPtr b = geos::fromWkt(context, wkt);
    return GEOSEquals_r(context.handle(), a.get(), b.get()) == 1;
}

const model::Feature *byFid(const model::VectorLayer &layer, qint64 fid)
{
    for (const model::Feature &feature : layer.features) {
        if (feature.fid == fid)
            return &feature;
    }
    return nullptr;
}

QList<qint64> fidsOf(const model::VectorLayer &layer)
{
    QList<qint64> fids;
    for (const model::Feature &feature : layer.features)
        fids.append(feature.fid);
    return fids;
}

// A 3×3 grid of 100 m cells whose middle column is reshaped around a 5 m × 100 m sliver S
// (fid 10, 500 m²) left of the centre: S shares 100 m with A (fid 4, left), 60 m with B
// (fid 5, the shortened centre), 45 m with C (fid 8, the top cell reaching down into the
// centre row) and 5 m with D (fid 2, below). All shared vertices are in both rings.
std::vector<Row> sliverGrid()
{
    return {
        {1, QStringLiteral("D0"), box(0, 0, 100, 100)},
        {2, QStringLiteral("D"),
         QStringLiteral("POLYGON((100 0,200 0,200 100,105 100,100 100,100 0))")},
        {3, QStringLiteral("D2"), box(200, 0, 300, 100)},
        {4, QStringLiteral("A"), box(0, 100, 100, 200)},
        {5, QStringLiteral("B"), box(105, 100, 200, 160)},
        {6, QStringLiteral("R"),
         QStringLiteral("POLYGON((200 100,300 100,300 200,200 200,200 160,200 100))")},
        {7, QStringLiteral("T0"), box(0, 200, 100, 300)},
        {8, QStringLiteral("C"),
         QStringLiteral(
             "POLYGON((105 160,200 160,200 200,200 300,100 300,100 200,105 200,105 160))")},
        {9, QStringLiteral("T2"), box(200, 200, 300, 300)},
        {10, QStringLiteral("S"),
         QStringLiteral("POLYGON((100 100,105 100,105 160,105 200,100 200,100 100))")},
    };
}

} // namespace

TEST(Eliminate, SliverGoesToTheNeighbourWithTheLongestSharedBorder)
{
    const EliminateResult result = eliminate(layerOf(sliverGrid()), 1000, metricOptions());
    const model::VectorLayer &out = result.layer;
    EXPECT_EQ(fidsOf(out), (QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9}));
    EXPECT_EQ(out.geometryType, model::GeometryType::Polygon);
    const model::Feature *a = byFid(out, 4);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->attributes.at(0).toString(), QStringLiteral("A"));
    EXPECT_DOUBLE_EQ(areaOf(a->wkb), 10500);
    EXPECT_TRUE(topologicallyEqual(a->wkb, box(0, 100, 105, 200)));
    EXPECT_DOUBLE_EQ(areaOf(byFid(out, 5)->wkb), 5700);

    const EliminateReport &report = result.report;
    EXPECT_EQ(report.featuresBefore, 10);
    EXPECT_EQ(report.featuresAfter, 9);
    EXPECT_EQ(report.smallBefore, 1);
    EXPECT_EQ(report.merged, 1);
    EXPECT_EQ(report.mergedIntoSmall, 0);
    EXPECT_TRUE(report.islands.isEmpty());
    EXPECT_DOUBLE_EQ(report.areaBefore, 90000);
    EXPECT_DOUBLE_EQ(report.areaAfter, 90000);
}

TEST(Eliminate, EqualBordersGoToTheLowerFid)
{
    // S (fid 5) has 100 m with A (fid 7) on the left and with B (fid 3) on the right; B is
    // listed last, so only its fid can win it.
    const EliminateResult result =
        eliminate(layerOf({{7, QStringLiteral("A"), box(0, 0, 100, 100)},
                           {5, QStringLiteral("S"), box(100, 0, 102, 100)},
                           {3, QStringLiteral("B"), box(102, 0, 202, 100)}}),
                  1000, metricOptions());
    EXPECT_EQ(fidsOf(result.layer), (QList<qint64>{7, 3}));
    EXPECT_DOUBLE_EQ(areaOf(byFid(result.layer, 3)->wkb), 10200);
    EXPECT_DOUBLE_EQ(areaOf(byFid(result.layer, 7)->wkb), 10000);
    EXPECT_EQ(byFid(result.layer, 3)->attributes.at(0).toString(), QStringLiteral("B"));
}

TEST(Eliminate, SmallBehindSmallWaitsForItsNeighbourToBeMerged)
{
    // s1 touches only s2; s2 touches L. QGIS's order: s1 (last) is tried first and waits,
    // s2 goes into L, and the next pass finds L next to s1.
    const EliminateResult result =
        eliminate(layerOf({{1, QStringLiteral("L"), box(0, 0, 100, 100)},
                           {2, QStringLiteral("s2"), box(100, 0, 110, 100)},
                           {3, QStringLiteral("s1"), box(110, 0, 120, 100)}}),
                  2000, metricOptions());
    EXPECT_EQ(fidsOf(result.layer), (QList<qint64>{1}));
    EXPECT_DOUBLE_EQ(areaOf(result.layer.features[0].wkb), 12000);
    EXPECT_TRUE(topologicallyEqual(result.layer.features[0].wkb, box(0, 0, 120, 100)));
    EXPECT_EQ(result.report.merged, 2);
    EXPECT_EQ(result.report.mergedIntoSmall, 0);
    EXPECT_EQ(result.report.passes, 2);
}

TEST(Eliminate, SmallsTouchingOnlySmallsMergeUntilTheyAreAnIsland)
{
    // A group of three small cells with no large neighbour: they merge into each other (the
    // second pass runs from the first feature up) and what is left, 600 m², is an island.
    const EliminateResult result =
        eliminate(layerOf({{1, QStringLiteral("s1"), box(0, 0, 10, 10)},
                           {2, QStringLiteral("s2"), box(10, 0, 30, 10)},
                           {3, QStringLiteral("s3"), box(30, 0, 60, 10)},
                           {4, QStringLiteral("far"), box(1000, 0, 1100, 100)}}),
                  1000, metricOptions());
    EXPECT_EQ(fidsOf(result.layer), (QList<qint64>{3, 4}));
    EXPECT_TRUE(topologicallyEqual(result.layer.features[0].wkb, box(0, 0, 60, 10)));
    EXPECT_EQ(result.layer.features[0].attributes.at(0).toString(), QStringLiteral("s3"));
    const EliminateReport &report = result.report;
    EXPECT_EQ(report.merged, 2);
    EXPECT_EQ(report.mergedIntoSmall, 2);
    ASSERT_EQ(report.islands.size(), 1);
    EXPECT_EQ(report.islands[0].fid, 3);
    EXPECT_DOUBLE_EQ(report.islands[0].area, 600);

    // Three 400 m² cells grow to 1 200 m² together: no longer small, no island.
    const EliminateResult grown =
        eliminate(layerOf({{1, QStringLiteral("s1"), box(0, 0, 40, 10)},
                           {2, QStringLiteral("s2"), box(40, 0, 80, 10)},
                           {3, QStringLiteral("s3"), box(80, 0, 120, 10)}}),
                  1000, metricOptions());
    ASSERT_EQ(grown.layer.features.size(), 1u);
    EXPECT_DOUBLE_EQ(areaOf(grown.layer.features[0].wkb), 1200);
    EXPECT_TRUE(grown.report.islands.isEmpty());
}

TEST(Eliminate, IslandsAndCornerTouchesStayAndAreReported)
{
    const EliminateResult result =
        eliminate(layerOf({{1, QStringLiteral("L"), box(0, 0, 100, 100)},
                           {2, QStringLiteral("corner"), box(100, 100, 110, 110)},
                           {3, QStringLiteral("far"), box(500, 500, 510, 510)},
                           {4, QStringLiteral("no geometry"), QString()}}),
                  1000, metricOptions());
    EXPECT_EQ(fidsOf(result.layer), (QList<qint64>{1, 2, 3, 4}));
    ASSERT_EQ(result.report.islands.size(), 2);
    EXPECT_EQ(result.report.islands[0].fid, 2);
    EXPECT_EQ(result.report.islands[1].fid, 3);
    EXPECT_DOUBLE_EQ(result.report.islands[1].area, 100);
    EXPECT_EQ(result.report.merged, 0);
    EXPECT_TRUE(result.layer.features[3].wkb.isEmpty());
}

TEST(Eliminate, FeaturesNotPartsAreMeasuredAndMerged)
{
    // M is large as a whole although one of its parts is tiny: it stays. T is small and made of
    // two parts: as a whole it goes to the neighbour with the longest border summed over both
    // parts (Q: 10 + 10 m, against P's 15 m).
    const EliminateResult result = eliminate(
        layerOf({{1, QStringLiteral("M"),
                  QStringLiteral("MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0)),"
                                 "((300 0,301 0,301 1,300 1,300 0)))")},
                 {2, QStringLiteral("P"), box(1000, 0, 1100, 100)},
                 {3, QStringLiteral("Q"), box(1000, 100, 1100, 200)},
                 {4, QStringLiteral("T"),
                  QStringLiteral("MULTIPOLYGON(((1100 85,1110 85,1110 100,1100 100,1100 85)),"
                                 "((1100 120,1110 120,1110 130,1100 130,1100 120)),"
                                 "((1050 200,1060 200,1060 210,1050 210,1050 200)))")},
                 {5, QStringLiteral("far"), box(2000, 0, 2100, 100)}}),
        1000, metricOptions());
    EXPECT_EQ(fidsOf(result.layer), (QList<qint64>{1, 2, 3, 5}));
    EXPECT_DOUBLE_EQ(areaOf(byFid(result.layer, 3)->wkb), 10000 + 350);
    EXPECT_EQ(result.layer.geometryType, model::GeometryType::MultiPolygon);
    EXPECT_EQ(result.report.smallBefore, 1);
}

TEST(Eliminate, BadInputIsRefused)
{
    EXPECT_THROW(eliminate(layerOf(sliverGrid()), -1, metricOptions()), InputError);
    EXPECT_THROW(eliminate(layerOf(sliverGrid()), std::nan(""), metricOptions()), InputError);
    model::VectorLayer lines =
        layerOf({{1, QStringLiteral("l"), QStringLiteral("LINESTRING(0 0,1 1)")}});
    lines.geometryType = model::GeometryType::LineString;
    EXPECT_THROW(eliminate(std::move(lines), 10, metricOptions()), InputError);

    Feedback feedback;
    feedback.cancel();
    EliminateOptions options = metricOptions();
    options.feedback = &feedback;
    EXPECT_THROW(eliminate(layerOf(sliverGrid()), 1000, options), CancelledError);
}

TEST(Eliminate, NothingUnderTheThresholdLeavesTheLayerAsItIs)
{
    const model::VectorLayer input = layerOf(sliverGrid());
    const EliminateResult result = eliminate(input, 100, metricOptions());
    ASSERT_EQ(result.layer.features.size(), input.features.size());
    for (std::size_t i = 0; i < input.features.size(); ++i)
        EXPECT_EQ(result.layer.features[i].wkb, input.features[i].wkb);
    EXPECT_EQ(result.report.merged, 0);
}

namespace {

// The same kind of jittered-grid coverage as in dissolve_test.cpp: quadrilaterals sharing
// corners exactly, some missing. Cells range from about 5 % to 190 % of 100 m × 100 m.
model::VectorLayer randomCoverage(unsigned seed, int nx, int ny, double cell = 100)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> jitter(-0.45 * cell, 0.45 * cell);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<double> xs((nx + 1) * (ny + 1)), ys(xs.size());
    for (int j = 0; j <= ny; ++j) {
        for (int i = 0; i <= nx; ++i) {
            const bool edgeX = i == 0 || i == nx;
            const bool edgeY = j == 0 || j == ny;
            xs[j * (nx + 1) + i] = 500000 + i * cell + (edgeX ? 0 : jitter(random));
            ys[j * (nx + 1) + i] = 3100000 + j * cell + (edgeY ? 0 : jitter(random));
        }
    }
    const auto corner = [&](int i, int j) {
        return QStringLiteral("%1 %2")
            .arg(xs[j * (nx + 1) + i], 0, 'f', 6)
            .arg(ys[j * (nx + 1) + i], 0, 'f', 6);
    };
    std::vector<Row> rows;
    qint64 fid = 1;
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            if (unit(random) < 0.3)
                continue;
            rows.push_back(
                {fid++, QStringLiteral("c%1_%2").arg(i).arg(j),
                 QStringLiteral("POLYGON((%1,%2,%3,%4,%1))")
                     .arg(corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1))});
        }
    }
    return layerOf(rows);
}

double sharedBorder(const geos::Context &context, const GEOSGeometry *a, const GEOSGeometry *b)
{
    const geos::GeometryPtr ba = geos::own(context, GEOSBoundary_r(context.handle(), a));
    const geos::GeometryPtr bb = geos::own(context, GEOSBoundary_r(context.handle(), b));
    const geos::GeometryPtr both =
        geos::own(context, GEOSIntersection_r(context.handle(), ba.get(), bb.get()));
    double length = 0;
    GEOSLength_r(context.handle(), both.get(), &length);
    return length;
}

} // namespace

TEST(EliminateProperties, AreaKeptOnlyIslandsSmallAndThreadsIrrelevant)
{
    // Most cells are under 16 000 m²: small cells then also form groups with no large
    // neighbour, which merge among themselves.
    for (const auto &[seed, threshold] : {std::pair{3u, 9000.0}, std::pair{20250630u, 9000.0},
                                          std::pair{3u, 16000.0}, std::pair{11u, 16000.0}}) {
        SCOPED_TRACE(seed);
        SCOPED_TRACE(threshold);
        const model::VectorLayer input = randomCoverage(seed, 40, 30);
        const EliminateResult one = eliminate(input, threshold, metricOptions(1));
        const EliminateResult four = eliminate(input, threshold, metricOptions(4));
        const EliminateReport &report = one.report;
        ASSERT_GT(report.smallBefore, 20);
        // The cases must reach the small-into-small stage and leave islands to check.
        if (threshold > 10000) {
            EXPECT_GT(report.mergedIntoSmall, 0);
        }
        EXPECT_FALSE(report.islands.isEmpty());
        EXPECT_GT(report.merged, 0);
        EXPECT_NEAR(report.areaAfter, report.areaBefore, 1e-9 * report.areaBefore);
        EXPECT_EQ(report.featuresAfter, report.featuresBefore - report.merged);

        ASSERT_EQ(one.layer.features.size(), four.layer.features.size());
        for (std::size_t i = 0; i < one.layer.features.size(); ++i) {
            EXPECT_EQ(one.layer.features[i].fid, four.layer.features[i].fid);
            EXPECT_EQ(one.layer.features[i].wkb, four.layer.features[i].wkb);
        }

        // Every feature left under the threshold shares no border with any other: checked
        // here by brute force, not with the algorithm's own bookkeeping.
        geos::Context context;
        std::vector<geos::GeometryPtr> geometries;
        for (const model::Feature &feature : one.layer.features)
            geometries.push_back(geos::fromWkb(context, feature.wkb));
        QList<qint64> small;
        double sum = 0;
        for (std::size_t i = 0; i < geometries.size(); ++i) {
            double area = 0;
            GEOSArea_r(context.handle(), geometries[i].get(), &area);
            sum += area;
            if (area >= threshold)
                continue;
            small.append(one.layer.features[i].fid);
            for (std::size_t j = 0; j < geometries.size(); ++j) {
                if (j == i)
                    continue;
                EXPECT_EQ(sharedBorder(context, geometries[i].get(), geometries[j].get()), 0)
                    << "fid " << one.layer.features[i].fid << " is small and has a "
                    << "neighbour, fid " << one.layer.features[j].fid;
            }
        }
        EXPECT_NEAR(sum, report.areaBefore, 1e-9 * report.areaBefore);
        QList<qint64> islands;
        for (const EliminateIsland &island : report.islands)
            islands.append(island.fid);
        EXPECT_EQ(islands, small);

        // Survivors keep their own fid and attributes.
        QHash<qint64, QVariantList> attributes;
        for (const model::Feature &feature : input.features)
            attributes.insert(feature.fid, feature.attributes);
        for (const model::Feature &feature : one.layer.features)
            EXPECT_EQ(feature.attributes, attributes.value(feature.fid));
    }
}

TEST(EliminateQgis, FloodZonesMatchQgisEliminateSelectedPolygons)
{
    QFile file(test::testDataPath(QStringLiteral("dissolve/qgis_reference.json")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray runs =
        QJsonDocument::fromJson(file.readAll()).object()[QStringLiteral("eliminate")].toArray();
    ASSERT_FALSE(runs.isEmpty());
    const model::VectorLayer input = io::readLayer(
        test::sampleDataPath(QStringLiteral("yongjia/census.gpkg|layername=flood_zones")));
    for (const QJsonValue &run : runs) {
        const QJsonObject expected = run.toObject();
        const double threshold = expected[QStringLiteral("threshold_m2")].toDouble();
        SCOPED_TRACE(threshold);
        const EliminateResult result = eliminate(input, threshold, metricOptions());
        EXPECT_EQ(result.report.smallBefore, expected[QStringLiteral("selected")].toInt());
        EXPECT_EQ(qint64(result.layer.features.size()),
                  expected[QStringLiteral("features")].toInt());

        const int level = model::fieldIndex(result.layer.fields, QStringLiteral("level"));
        QHash<QString, std::pair<int, double>> ours;
        for (const model::Feature &feature : result.layer.features) {
            auto &entry = ours[feature.attributes.at(level).toString()];
            ++entry.first;
            entry.second += areaOf(feature.wkb);
        }
        const QJsonObject levels = expected[QStringLiteral("levels")].toObject();
        ASSERT_EQ(ours.size(), levels.size());
        for (auto it = levels.begin(); it != levels.end(); ++it) {
            SCOPED_TRACE(it.key().toStdString());
            const QJsonObject want = it.value().toObject();
            EXPECT_EQ(ours.value(it.key()).first, want[QStringLiteral("features")].toInt());
            const double area = want[QStringLiteral("area_m2")].toDouble();
            EXPECT_NEAR(ours.value(it.key()).second, area, 1e-6 * area);
        }
        EXPECT_NEAR(result.report.areaAfter, result.report.areaBefore,
                    1e-9 * result.report.areaBefore);
    }
}
