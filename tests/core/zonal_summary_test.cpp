// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/zonal_summary.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "core/overlay/metric_inputs.h"

#include "support/test_support.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <utility>
#include <vector>

using namespace riskatlas;
using namespace riskatlas::overlay;

namespace {

// Hand-worked cases sit near (500 000, 3 000 000) in EPSG:4549, a metric CRS, so that
// nothing is reprojected and the areas below are exact square metres.
constexpr double kX = 500000;
constexpr double kY = 3000000;

using Ring = std::vector<std::pair<double, double>>;

QString polygonWkt(const Ring &ring)
{
    QStringList points;
    for (const auto &[x, y] : ring)
        points.append(QStringLiteral("%1 %2").arg(kX + x, 0, 'f', 3).arg(kY + y, 0, 'f', 3));
    points.append(points.first());
    return QStringLiteral("POLYGON((%1))").arg(points.join(QStringLiteral(",")));
}

QString box(double x0, double y0, double x1, double y1)
{
    return polygonWkt({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}});
}

QString point(double x, double y)
{
    return QStringLiteral("POINT(%1 %2)").arg(kX + x, 0, 'f', 3).arg(kY + y, 0, 'f', 3);
}

model::VectorLayer layerOf(const QString &name, model::GeometryType type,
                           const model::Fields &fields,
                           const std::vector<std::pair<QString, QVariantList>> &rows)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = name;
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = type;
    layer.fields = fields;
    qint64 fid = 1;
    for (const auto &[wkt, attributes] : rows) {
        const geos::GeometryPtr geometry = geos::fromWkt(context, wkt);
        layer.features.push_back({fid++, attributes, geos::toWkb(context, geometry.get())});
    }
    return layer;
}

// Units A = [0,2]×[0,2] and B = [2,4]×[0,2], 4 m² each, sharing the edge x = 2.
model::VectorLayer twoUnits()
{
    return layerOf(
        QStringLiteral("units"), model::GeometryType::Polygon,
        {{QStringLiteral("name"), model::FieldType::String}},
        {{box(0, 0, 2, 2), {QStringLiteral("A")}}, {box(2, 0, 4, 2), {QStringLiteral("B")}}});
}

QVariant valueOf(const model::VectorLayer &layer, std::size_t feature, const QString &field)
{
    const int index = model::fieldIndex(layer.fields, field);
    EXPECT_GE(index, 0) << field.toStdString();
    return index < 0 ? QVariant() : layer.features.at(feature).attributes.value(index);
}

ZonalOptions optionsFor(QList<ZonalStatistic> statistics, const QString &field = {},
                        int threads = 1)
{
    ZonalOptions options;
    options.statistics = std::move(statistics);
    options.field = field;
    options.threads = threads;
    return options;
}

model::VectorLayer readSample(const QString &spec)
{
    return io::readLayer(test::sampleDataPath(QStringLiteral("yongjia/") + spec));
}

QJsonObject qgisReference()
{
    QFile file(test::testDataPath(QStringLiteral("zonal/qgis_reference.json")));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

// Shelters of a unit, hand-placed: one inside A, one on the edge A and B share, one on A's
// outer edge, two inside B (one without capacity) and one outside both. QGIS 3.22's
// native:countpointsinpolygon, run on this very layout, counted A = 1 and B = 1 (weight 1 000):
// it tests "contains", so a point on a boundary belongs to no unit.
TEST(ZonalSummary, PointsOnTheBoundaryCountInNoUnit)
{
    const model::VectorLayer points =
        layerOf(QStringLiteral("shelters"), model::GeometryType::Point,
                {{QStringLiteral("capacity"), model::FieldType::Integer}},
                {{point(1, 1), {1}},
                 {point(2, 1), {10}},
                 {point(0, 0.5), {100}},
                 {point(3, 1), {1000}},
                 {point(3.5, 1.5), {QVariant()}},
                 {point(5, 1), {5}}});
    ZonalReport report;
    const model::VectorLayer out =
        zonalSummary(twoUnits(), points,
                     optionsFor({ZonalStatistic::Count, ZonalStatistic::Sum, ZonalStatistic::Max},
                                QStringLiteral("capacity")),
                     &report);
    EXPECT_EQ(report.addedFields,
              (QStringList{QStringLiteral("count"), QStringLiteral("sum"), QStringLiteral("max")}));
    EXPECT_EQ(report.metricCrs.epsg(), 4549);
    ASSERT_EQ(out.features.size(), 2u);
    EXPECT_EQ(valueOf(out, 0, QStringLiteral("name")).toString(), QStringLiteral("A"));
    EXPECT_EQ(valueOf(out, 0, QStringLiteral("count")).toLongLong(), 1);
    EXPECT_DOUBLE_EQ(valueOf(out, 0, QStringLiteral("sum")).toDouble(), 1.0);
    EXPECT_EQ(valueOf(out, 0, QStringLiteral("max")).toLongLong(), 1);
    EXPECT_EQ(valueOf(out, 1, QStringLiteral("count")).toLongLong(), 2);
    EXPECT_DOUBLE_EQ(valueOf(out, 1, QStringLiteral("sum")).toDouble(), 1000.0);
    EXPECT_EQ(valueOf(out, 1, QStringLiteral("max")).toLongLong(), 1000);
    // The shelter without capacity is counted but adds nothing; it is reported.
    EXPECT_EQ(report.warnings.size(), 1);
    EXPECT_EQ(out.fields[model::fieldIndex(out.fields, QStringLiteral("max"))].type,
              model::FieldType::Integer);
    // The units keep their own geometry and CRS.
    EXPECT_EQ(out.features[0].wkb, twoUnits().features[0].wkb);
}

// Hazard polygons over A and B, areas by hand:
//   level 1 (value 10): [0,3]×[0,1]            → 2 m² in A, 1 m² in B
//   level 2 (value 20): triangle (0,1) (2,1) (0,2) → 1 m² in A
//   level 5 (value 50): [3,6]×[1,2]            → 1 m² in B, 2 m² outside both
//   level 4 (value 40): [-1,0]×[0,1]           → touches A's west edge only: 0 m²
TEST(ZonalSummary, ClassAreasSharesAndWeightedMeanByHand)
{
    const model::VectorLayer zones = layerOf(QStringLiteral("flood"), model::GeometryType::Polygon,
                                             {{QStringLiteral("level"), model::FieldType::Integer},
                                              {QStringLiteral("depth"), model::FieldType::Real}},
                                             {{box(0, 0, 3, 1), {1, 10.0}},
                                              {polygonWkt({{0, 1}, {2, 1}, {0, 2}}), {2, 20.0}},
                                              {box(3, 1, 6, 2), {5, 50.0}},
                                              {box(-1, 0, 0, 1), {4, 40.0}}});
    const model::VectorLayer units = twoUnits();

    ZonalReport report;
    const model::VectorLayer classes =
        zonalSummary(units, zones,
                     optionsFor({ZonalStatistic::ClassArea, ZonalStatistic::ClassShare,
                                 ZonalStatistic::Max, ZonalStatistic::Count},
                                QStringLiteral("level")),
                     &report);
    EXPECT_EQ(report.addedFields, (QStringList{QStringLiteral("area_1"), QStringLiteral("area_2"),
                                               QStringLiteral("area_4"), QStringLiteral("area_5"),
                                               QStringLiteral("share_1"), QStringLiteral("share_2"),
                                               QStringLiteral("share_4"), QStringLiteral("share_5"),
                                               QStringLiteral("max"), QStringLiteral("count")}));
    const double expectedArea[2][4] = {{2, 1, 0, 0}, {1, 0, 0, 1}};
    const char *levels[] = {"1", "2", "4", "5"};
    for (std::size_t unit = 0; unit < 2; ++unit) {
        for (int k = 0; k < 4; ++k) {
            const QString level = QString::fromLatin1(levels[k]);
            EXPECT_NEAR(valueOf(classes, unit, QStringLiteral("area_") + level).toDouble(),
                        expectedArea[unit][k], 1e-9)
                << unit << " level " << levels[k];
            EXPECT_NEAR(valueOf(classes, unit, QStringLiteral("share_") + level).toDouble(),
                        expectedArea[unit][k] / 4.0, 1e-12);
        }
    }
    // The level-4 square only touches A: it is not the highest class present, nor counted.
    EXPECT_EQ(valueOf(classes, 0, QStringLiteral("max")).toInt(), 2);
    EXPECT_EQ(valueOf(classes, 0, QStringLiteral("count")).toInt(), 2);
    EXPECT_EQ(valueOf(classes, 1, QStringLiteral("max")).toInt(), 5);
    EXPECT_EQ(valueOf(classes, 1, QStringLiteral("count")).toInt(), 2);

    const model::VectorLayer mean = zonalSummary(
        units, zones, optionsFor({ZonalStatistic::WeightedMean}, QStringLiteral("depth")));
    // A: (10·2 + 20·1) / 3 over 3 of its 4 m²; B: (10·1 + 50·1) / 2 over 2 of 4 m².
    EXPECT_NEAR(valueOf(mean, 0, QStringLiteral("weighted_mean")).toDouble(), 40.0 / 3.0, 1e-9);
    EXPECT_NEAR(valueOf(mean, 0, QStringLiteral("coverage")).toDouble(), 0.75, 1e-12);
    EXPECT_NEAR(valueOf(mean, 1, QStringLiteral("weighted_mean")).toDouble(), 30.0, 1e-9);
    EXPECT_NEAR(valueOf(mean, 1, QStringLiteral("coverage")).toDouble(), 0.5, 1e-12);

    // By point-on-surface, the level-1 strip belongs to A only (its inner point is at x = 1.5)
    // and the level-5 strip to no unit (x = 4.5).
    ZonalOptions byPoint =
        optionsFor({ZonalStatistic::Count, ZonalStatistic::Max}, QStringLiteral("level"));
    byPoint.assignment = PolygonAssignment::PointOnSurface;
    const model::VectorLayer counted = zonalSummary(units, zones, byPoint);
    EXPECT_EQ(valueOf(counted, 0, QStringLiteral("count")).toInt(), 2);
    EXPECT_EQ(valueOf(counted, 0, QStringLiteral("max")).toInt(), 2);
    EXPECT_EQ(valueOf(counted, 1, QStringLiteral("count")).toInt(), 0);
    EXPECT_TRUE(valueOf(counted, 1, QStringLiteral("max")).isNull());
}

TEST(ZonalSummary, OverlappingClassPolygonsAreReported)
{
    const model::VectorLayer zones = layerOf(QStringLiteral("zones"), model::GeometryType::Polygon,
                                             {{QStringLiteral("level"), model::FieldType::Integer}},
                                             {{box(0, 0, 2, 2), {1}}, {box(0, 0, 1, 1), {2}}});
    ZonalReport report;
    const model::VectorLayer out =
        zonalSummary(twoUnits(), zones,
                     optionsFor({ZonalStatistic::ClassShare}, QStringLiteral("level")), &report);
    EXPECT_NEAR(valueOf(out, 0, QStringLiteral("share_1")).toDouble() +
                    valueOf(out, 0, QStringLiteral("share_2")).toDouble(),
                1.25, 1e-12);
    ASSERT_EQ(report.warnings.size(), 1);
    EXPECT_TRUE(report.warnings[0].contains(QStringLiteral("overlap")));
}

TEST(ZonalSummary, ClashingNamesGetASuffix)
{
    model::VectorLayer units =
        layerOf(QStringLiteral("units"), model::GeometryType::Polygon,
                {{QStringLiteral("count"), model::FieldType::String},
                 {QStringLiteral("count_2"), model::FieldType::String}},
                {{box(0, 0, 2, 2), {QStringLiteral("x"), QStringLiteral("y")}}});
    const model::VectorLayer points =
        layerOf(QStringLiteral("p"), model::GeometryType::Point, {}, {{point(1, 1), {}}});
    ZonalReport report;
    const model::VectorLayer out =
        zonalSummary(units, points, optionsFor({ZonalStatistic::Count}), &report);
    EXPECT_EQ(report.addedFields, QStringList{QStringLiteral("count_3")});
    EXPECT_EQ(valueOf(out, 0, QStringLiteral("count")).toString(), QStringLiteral("x"));
    EXPECT_EQ(valueOf(out, 0, QStringLiteral("count_3")).toInt(), 1);
    EXPECT_EQ(uniqueFieldName(out.fields, QStringLiteral("sum")), QStringLiteral("sum"));
}

TEST(ZonalSummary, BadRequestsAreInputErrors)
{
    const model::VectorLayer units = twoUnits();
    const model::VectorLayer points = layerOf(QStringLiteral("p"), model::GeometryType::Point,
                                              {{QStringLiteral("name"), model::FieldType::String}},
                                              {{point(1, 1), {QStringLiteral("a")}}});
    const model::VectorLayer lines =
        layerOf(QStringLiteral("l"), model::GeometryType::LineString, {},
                {{QStringLiteral("LINESTRING(500000 3000000, 500001 3000001)"), {}}});
    EXPECT_THROW(zonalSummary(units, points, optionsFor({ZonalStatistic::Sum})), InputError);
    EXPECT_THROW(
        zonalSummary(units, points, optionsFor({ZonalStatistic::Sum}, QStringLiteral("nope"))),
        InputError);
    EXPECT_THROW(
        zonalSummary(units, points, optionsFor({ZonalStatistic::Sum}, QStringLiteral("name"))),
        InputError);
    EXPECT_THROW(zonalSummary(units, points,
                              optionsFor({ZonalStatistic::ClassArea}, QStringLiteral("name"))),
                 InputError);
    EXPECT_THROW(zonalSummary(units, lines, optionsFor({ZonalStatistic::Count})), InputError);
    EXPECT_THROW(zonalSummary(points, units, optionsFor({ZonalStatistic::Count})), InputError);
    EXPECT_THROW(zonalSummary(units, points, optionsFor({})), InputError);
    model::VectorLayer noCrs = points;
    noCrs.crs = {};
    EXPECT_THROW(zonalSummary(units, noCrs, optionsFor({ZonalStatistic::Count})), InputError);

    EXPECT_EQ(parseZonalStatistic(QStringLiteral("class-area")), ZonalStatistic::ClassArea);
    EXPECT_EQ(parseZonalStatistic(QStringLiteral("Weighted-Mean")), ZonalStatistic::WeightedMean);
    EXPECT_FALSE(parseZonalStatistic(QStringLiteral("median")).has_value());
}

TEST(ZonalSummary, CancelStops)
{
    Feedback feedback;
    feedback.cancel();
    ZonalOptions options = optionsFor({ZonalStatistic::Count});
    options.feedback = &feedback;
    const model::VectorLayer points =
        layerOf(QStringLiteral("p"), model::GeometryType::Point, {}, {{point(1, 1), {}}});
    EXPECT_THROW(zonalSummary(twoUnits(), points, options), CancelledError);
}

// The class areas of all townships add up to the area of the hazard layer inside the union of
// the townships, measured here directly with GEOS; no township's shares exceed 1; and 1 or 4
// threads give identical values.
TEST(ZonalSummary, SampleCountyPropertiesAndThreadIndependence)
{
    const model::VectorLayer townships = readSample(QStringLiteral("townships.shp"));
    const model::VectorLayer flood =
        readSample(QStringLiteral("census.gpkg|layername=flood_zones"));
    const QList<ZonalStatistic> statistics = {
        ZonalStatistic::ClassArea, ZonalStatistic::ClassShare, ZonalStatistic::WeightedMean,
        ZonalStatistic::Max,       ZonalStatistic::Count,      ZonalStatistic::Sum};
    ZonalReport report;
    const model::VectorLayer one =
        zonalSummary(townships, flood, optionsFor(statistics, QStringLiteral("level"), 1), &report);
    const model::VectorLayer four =
        zonalSummary(townships, flood, optionsFor(statistics, QStringLiteral("level"), 4));
    ASSERT_EQ(one.features.size(), 22u);
    for (std::size_t u = 0; u < one.features.size(); ++u)
        EXPECT_EQ(one.features[u].attributes, four.features[u].attributes) << u;
    EXPECT_TRUE(report.warnings.isEmpty()) << report.warnings.join(u'\n').toStdString();

    // Independent measure: every flood polygon ∩ the union of the townships, in EPSG:4549.
    model::VectorLayer metricTownships = townships;
    model::VectorLayer metricFlood = flood;
    reprojectToMetric({&metricTownships, &metricFlood});
    geos::Context context;
    std::vector<GEOSGeometry *> parts;
    for (const model::Feature &feature : metricTownships.features)
        parts.push_back(geos::fromWkb(context, feature.wkb).release());
    const geos::GeometryPtr collection =
        geos::own(context, GEOSGeom_createCollection_r(context.handle(), GEOS_GEOMETRYCOLLECTION,
                                                       parts.data(), unsigned(parts.size())));
    const geos::GeometryPtr county =
        geos::own(context, GEOSUnaryUnion_r(context.handle(), collection.get()));
    const int levelIndex = model::fieldIndex(flood.fields, QStringLiteral("level"));
    QHash<int, double> expected;
    for (const model::Feature &feature : metricFlood.features) {
        const geos::GeometryPtr zone = geos::fromWkb(context, feature.wkb);
        const geos::GeometryPtr inside =
            geos::own(context, GEOSIntersection_r(context.handle(), zone.get(), county.get()));
        double area = 0;
        GEOSArea_r(context.handle(), inside.get(), &area);
        expected[feature.attributes[levelIndex].toInt()] += area;
    }
    for (int level = 1; level <= 5; ++level) {
        double total = 0;
        for (std::size_t u = 0; u < one.features.size(); ++u)
            total += valueOf(one, u, QStringLiteral("area_%1").arg(level)).toDouble();
        EXPECT_NEAR(total, expected.value(level), 1e-9 * expected.value(level))
            << "level " << level;
    }
    for (std::size_t u = 0; u < one.features.size(); ++u) {
        double shares = 0;
        for (int level = 1; level <= 5; ++level)
            shares += valueOf(one, u, QStringLiteral("share_%1").arg(level)).toDouble();
        EXPECT_LE(shares, 1.0 + 1e-12) << u;
        EXPECT_NEAR(shares, valueOf(one, u, QStringLiteral("coverage")).toDouble(), 1e-12);
    }
}

// Point counts against GEOS asked about every (unit, point) pair: units with a hole, a
// two-part unit, a triangle and a unit with 400 vertices; 30 000 random points, points on
// every vertex and on edges, multipoints, and the same points in lon/lat (reprojected). Sums
// and maxima are identical, bit for bit, for 1 and 3 threads.
TEST(ZonalSummary, PointCountsEqualGeosForEveryPair)
{
    QStringList wave;
    for (int k = 0; k < 400; ++k) {
        const double t = 2 * M_PI * k / 400.0;
        const double r = 300 + 60 * std::sin(7 * t);
        wave.append(QStringLiteral("%1 %2")
                        .arg(kX + 1500 + r * std::cos(t), 0, 'f', 3)
                        .arg(kY + 1500 + r * std::sin(t), 0, 'f', 3));
    }
    wave.append(wave.first());
    const std::vector<QString> unitWkts = {
        QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2),(%5 %6,%7 %6,%7 %8,%5 %8,%5 %6))")
            .arg(kX, 0, 'f', 3)
            .arg(kY, 0, 'f', 3)
            .arg(kX + 1000, 0, 'f', 3)
            .arg(kY + 1000, 0, 'f', 3)
            .arg(kX + 250, 0, 'f', 3)
            .arg(kY + 250, 0, 'f', 3)
            .arg(kX + 750, 0, 'f', 3)
            .arg(kY + 750, 0, 'f', 3),
        QStringLiteral("MULTIPOLYGON(((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2)),((%5 %2,%6 %2,%6 %4,%5 "
                       "%4,%5 %2)))")
            .arg(kX + 1000, 0, 'f', 3)
            .arg(kY, 0, 'f', 3)
            .arg(kX + 1400, 0, 'f', 3)
            .arg(kY + 1000, 0, 'f', 3)
            .arg(kX + 1600, 0, 'f', 3)
            .arg(kX + 2000, 0, 'f', 3),
        polygonWkt({{0, 1000}, {2000, 1000}, {1000, 1100}}),
        QStringLiteral("POLYGON((%1))").arg(wave.join(u',')),
        box(250, 250, 750, 750), // fills the first unit's hole exactly
    };
    std::vector<std::pair<QString, QVariantList>> unitRows;
    for (const QString &wkt : unitWkts)
        unitRows.push_back({wkt, {}});
    const model::VectorLayer units =
        layerOf(QStringLiteral("units"), model::GeometryType::MultiPolygon, {}, unitRows);

    std::mt19937 random(20261129);
    std::uniform_real_distribution<double> coordinate(-100, 2100);
    std::uniform_real_distribution<double> weight(0, 1000);
    std::vector<std::pair<QString, QVariantList>> rows;
    for (int i = 0; i < 30000; ++i)
        rows.push_back({point(coordinate(random), coordinate(random)), {weight(random)}});
    for (double v : {0.0, 250.0, 500.0, 750.0, 1000.0, 1400.0, 1600.0, 2000.0}) {
        rows.push_back({point(v, 0), {1.0}});
        rows.push_back({point(v, 1000), {2.0}});
        rows.push_back({point(v, 500), {3.0}});
        rows.push_back({point(500, v), {4.0}});
    }
    rows.push_back({QStringLiteral("MULTIPOINT((%1 %2),(%3 %4))")
                        .arg(kX + 100, 0, 'f', 3)
                        .arg(kY + 100, 0, 'f', 3)
                        .arg(kX + 900, 0, 'f', 3)
                        .arg(kY + 100, 0, 'f', 3),
                    {5.0}});
    rows.push_back({QStringLiteral("MULTIPOINT((%1 %2),(%3 %4))")
                        .arg(kX + 100, 0, 'f', 3)
                        .arg(kY + 100, 0, 'f', 3)
                        .arg(kX + 500, 0, 'f', 3)
                        .arg(kY + 500, 0, 'f', 3),
                    {6.0}});
    rows.push_back({QStringLiteral("POINT EMPTY"), {7.0}});
    const model::VectorLayer points =
        layerOf(QStringLiteral("points"), model::GeometryType::Point,
                {{QStringLiteral("w"), model::FieldType::Real}}, rows);

    // The reference: GEOS's contains for every pair, values added in point order.
    geos::Context context;
    std::vector<qint64> expectedCount(units.features.size(), 0);
    std::vector<double> expectedSum(units.features.size(), 0);
    std::vector<double> expectedMax(units.features.size(), -1);
    std::vector<geos::GeometryPtr> unitGeometries;
    for (const model::Feature &unit : units.features)
        unitGeometries.push_back(geos::fromWkb(context, unit.wkb));
    for (const model::Feature &feature : points.features) {
        const geos::GeometryPtr geometry = geos::fromWkb(context, feature.wkb);
        for (std::size_t u = 0; u < unitGeometries.size(); ++u) {
            if (GEOSContains_r(context.handle(), unitGeometries[u].get(), geometry.get()) != 1)
                continue;
            const double w = feature.attributes[0].toDouble();
            ++expectedCount[u];
            expectedSum[u] += w;
            expectedMax[u] = std::max(expectedMax[u], w);
        }
    }
    EXPECT_GT(expectedCount[0], 0);
    EXPECT_GT(expectedCount[3], 0);

    const QList<ZonalStatistic> statistics = {ZonalStatistic::Count, ZonalStatistic::Sum,
                                              ZonalStatistic::Max};
    const model::VectorLayer one =
        zonalSummary(units, points, optionsFor(statistics, QStringLiteral("w"), 1));
    const model::VectorLayer three =
        zonalSummary(units, points, optionsFor(statistics, QStringLiteral("w"), 3));
    for (std::size_t u = 0; u < units.features.size(); ++u) {
        EXPECT_EQ(valueOf(one, u, QStringLiteral("count")).toLongLong(), expectedCount[u]) << u;
        EXPECT_NEAR(valueOf(one, u, QStringLiteral("sum")).toDouble(), expectedSum[u],
                    1e-9 * std::max(1.0, expectedSum[u]))
            << u;
        if (expectedCount[u] > 0) {
            EXPECT_EQ(valueOf(one, u, QStringLiteral("max")).toDouble(), expectedMax[u]) << u;
        }
        EXPECT_EQ(one.features[u].attributes, three.features[u].attributes) << u;
    }

    // The random points in CGCS2000 lon/lat: reprojected to the units' CRS and counted the
    // same. Points within a centimetre of a unit's boundary are left out: on the millimetre
    // grid of point() some lie exactly on an edge, and the round trip through lon/lat may move
    // them inside by a nanometre.
    std::vector<geos::GeometryPtr> boundaries;
    for (const geos::GeometryPtr &unit : unitGeometries)
        boundaries.push_back(geos::own(context, GEOSBoundary_r(context.handle(), unit.get())));
    model::VectorLayer clear = points;
    clear.features.clear();
    for (std::size_t i = 0; i < 30000; ++i) {
        const geos::GeometryPtr geometry = geos::fromWkb(context, points.features[i].wkb);
        bool nearEdge = false;
        for (const geos::GeometryPtr &boundary : boundaries) {
            double distance = 0;
            GEOSDistance_r(context.handle(), boundary.get(), geometry.get(), &distance);
            nearEdge = nearEdge || distance < 0.01;
        }
        if (!nearEdge)
            clear.features.push_back(points.features[i]);
    }
    EXPECT_GT(clear.features.size(), 29000u);
    model::VectorLayer lonLat = clear;
    const crs::CoordinateTransform toLonLat(crs::Crs::fromEpsg(4549), crs::Crs::fromEpsg(4490));
    for (model::Feature &feature : lonLat.features)
        feature.wkb = toLonLat.transformWkb(feature.wkb);
    lonLat.crs = crs::Crs::fromEpsg(4490);
    const model::VectorLayer projected =
        zonalSummary(units, clear, optionsFor({ZonalStatistic::Count}, {}, 2));
    const model::VectorLayer geographic =
        zonalSummary(units, lonLat, optionsFor({ZonalStatistic::Count}, {}, 2));
    for (std::size_t u = 0; u < units.features.size(); ++u)
        EXPECT_EQ(projected.features[u].attributes, geographic.features[u].attributes) << u;
}

// Buildings by point-on-surface: each is counted in exactly one township, and the counts are
// those of the generator's own `township` field (from the footprint centroid, which for a
// rectangle is the same point).
TEST(ZonalSummary, BuildingsByPointOnSurfaceAddUp)
{
    const model::VectorLayer townships = readSample(QStringLiteral("townships.shp"));
    const model::VectorLayer buildings =
        readSample(QStringLiteral("census.gpkg|layername=buildings"));
    ZonalOptions options =
        optionsFor({ZonalStatistic::Count, ZonalStatistic::Sum}, QStringLiteral("floors"), 2);
    options.assignment = PolygonAssignment::PointOnSurface;
    const model::VectorLayer out = zonalSummary(townships, buildings, options);
    const int townshipIndex = model::fieldIndex(buildings.fields, QStringLiteral("township"));
    const int floorsIndex = model::fieldIndex(buildings.fields, QStringLiteral("floors"));
    QHash<QString, qint64> expectedCount;
    QHash<QString, double> expectedFloors;
    for (const model::Feature &feature : buildings.features) {
        expectedCount[feature.attributes[townshipIndex].toString()] += 1;
        expectedFloors[feature.attributes[townshipIndex].toString()] +=
            feature.attributes[floorsIndex].toDouble();
    }
    qint64 total = 0;
    for (std::size_t u = 0; u < out.features.size(); ++u) {
        const QString name = valueOf(out, u, QStringLiteral("name")).toString();
        const qint64 count = valueOf(out, u, QStringLiteral("count")).toLongLong();
        total += count;
        EXPECT_EQ(count, expectedCount.value(name)) << name.toStdString();
        EXPECT_DOUBLE_EQ(valueOf(out, u, QStringLiteral("sum")).toDouble(),
                         expectedFloors.value(name));
    }
    EXPECT_EQ(total, qint64(buildings.features.size()));
}

// QGIS 3.22 on the same files (scripts/reference/zonal_reference.sh): shelters per township
// with native:countpointsinpolygon, hazard class areas from native:intersection pieces.
TEST(ZonalSummary, MatchesQgisOnTheSampleCounty)
{
    const QJsonObject reference = qgisReference();
    ASSERT_FALSE(reference.isEmpty());
    const model::VectorLayer townships = readSample(QStringLiteral("townships.shp"));

    const model::VectorLayer shelters = zonalSummary(
        townships, readSample(QStringLiteral("census.gpkg|layername=shelters")),
        optionsFor({ZonalStatistic::Count, ZonalStatistic::Sum}, QStringLiteral("capacity"), 4));
    const QJsonObject shelterReference =
        reference[QStringLiteral("shelters_per_township")].toObject();
    ASSERT_EQ(shelterReference.size(), 22);
    for (std::size_t u = 0; u < shelters.features.size(); ++u) {
        const QString code = valueOf(shelters, u, QStringLiteral("code")).toString();
        const QJsonObject expected = shelterReference[code].toObject();
        ASSERT_FALSE(expected.isEmpty()) << code.toStdString();
        EXPECT_EQ(valueOf(shelters, u, QStringLiteral("count")).toLongLong(),
                  expected[QStringLiteral("count")].toInteger())
            << code.toStdString();
        const double sum = expected[QStringLiteral("capacity_sum")].toDouble();
        EXPECT_NEAR(valueOf(shelters, u, QStringLiteral("sum")).toDouble(), sum, 1e-6 * sum);
    }

    const QJsonObject areas = reference[QStringLiteral("class_area_m2")].toObject();
    for (const QString &hazard :
         {QStringLiteral("flood_zones"), QStringLiteral("geohazard_susceptibility")}) {
        const model::VectorLayer out =
            zonalSummary(townships, readSample(QStringLiteral("census.gpkg|layername=") + hazard),
                         optionsFor({ZonalStatistic::ClassArea}, QStringLiteral("level"), 4));
        const QJsonObject expectedAreas = areas[hazard].toObject();
        int compared = 0;
        for (std::size_t u = 0; u < out.features.size(); ++u) {
            const QString code = valueOf(out, u, QStringLiteral("code")).toString();
            const QJsonObject expected = expectedAreas[code].toObject();
            for (int level = 1; level <= 5; ++level) {
                const QString key = QString::number(level);
                const double qgis = expected[key].toDouble(0.0);
                const double ours = valueOf(out, u, QStringLiteral("area_") + key).toDouble();
                // A level QGIS has no piece of must be (almost) absent here too.
                EXPECT_NEAR(ours, qgis, std::max(1e-6 * qgis, 1e-3))
                    << hazard.toStdString() << " " << code.toStdString() << " level " << level;
                ++compared;
            }
        }
        EXPECT_EQ(compared, 22 * 5);
    }
}
