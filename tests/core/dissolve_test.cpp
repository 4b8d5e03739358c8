// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/dissolve.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "support/test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace riskatlas;
using namespace riskatlas::overlay;

namespace {

// Hand-made layers are in EPSG:4549 (metres), so dissolve measures them as they are.
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

QString square(double x, double y, double size)
{
    return QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
        .arg(x, 0, 'f', 3)
        .arg(y, 0, 'f', 3)
        .arg(x + size, 0, 'f', 3)
        .arg(y + size, 0, 'f', 3);
}

model::VectorLayer layerOf(const model::Fields &fields,
                           const std::vector<std::pair<QVariantList, QString>> &rows)
{
    model::VectorLayer layer;
    layer.name = QStringLiteral("zones");
    layer.crs = metric();
    layer.geometryType = model::GeometryType::Polygon;
    layer.fields = fields;
    qint64 fid = 1;
    for (const auto &[attributes, wkt] : rows)
        layer.features.push_back({fid++, attributes, wkt.isEmpty() ? QByteArray() : wkbOf(wkt)});
    return layer;
}

const model::Fields kLevelName = {{QStringLiteral("level"), model::FieldType::Integer},
                                  {QStringLiteral("name"), model::FieldType::String}};

struct Shape
{
    int type = -1;
    int parts = 0;
    int holes = 0; ///< interior rings over all parts
    double area = 0;
};

Shape shapeOf(const QByteArray &wkb)
{
    Shape shape;
    if (wkb.isEmpty())
        return shape;
    geos::Context context;
    const geos::GeometryPtr geometry = geos::fromWkb(context, wkb);
    shape.type = GEOSGeomTypeId_r(context.handle(), geometry.get());
    shape.parts = GEOSGetNumGeometries_r(context.handle(), geometry.get());
    for (int i = 0; i < shape.parts; ++i) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(context.handle(), geometry.get(), i);
        if (GEOSGeomTypeId_r(context.handle(), part) == GEOS_POLYGON)
            shape.holes += GEOSGetNumInteriorRings_r(context.handle(), part);
    }
    GEOSArea_r(context.handle(), geometry.get(), &shape.area);
    return shape;
}

bool topologicallyEqual(const QByteArray &wkb, const QString &wkt)
{
    geos::Context context;
    const geos::GeometryPtr a = geos::fromWkb(context, wkb);
    const geos::GeometryPtr b = geos::fromWkt(context, wkt);
    return GEOSEquals_r(context.handle(), a.get(), b.get()) == 1;
}

DissolveOptions metricOptions(int threads = 0)
{
    DissolveOptions options;
    options.metricCrs = metric();
    options.threads = threads;
    return options;
}

// A 3×3 grid of 100 m cells, rows from the bottom, with levels
//   row 2:  1 1 2
//   row 1:  1 2 2
//   row 0:  3 3 2
model::VectorLayer classGrid()
{
    const int levels[3][3] = {{3, 3, 2}, {1, 2, 2}, {1, 1, 2}};
    std::vector<std::pair<QVariantList, QString>> rows;
    for (int row = 0; row < 3; ++row) {
        for (int col = 0; col < 3; ++col) {
            rows.push_back({{levels[row][col], QStringLiteral("r%1c%2").arg(row).arg(col)},
                            square(100 * col, 100 * row, 100)});
        }
    }
    return layerOf(kLevelName, rows);
}

} // namespace

TEST(Dissolve, GridByClassGivesOneMultiPolygonPerClassInFirstAppearanceOrder)
{
    const DissolveResult result = dissolve(classGrid(), {QStringLiteral("level")}, metricOptions());
    const model::VectorLayer &out = result.layer;
    ASSERT_EQ(out.features.size(), 3u);
    EXPECT_EQ(out.geometryType, model::GeometryType::MultiPolygon);
    EXPECT_TRUE(out.crs.isSameAs(metric()));
    EXPECT_EQ(out.fields, kLevelName);

    // First appearance: level 3 (cell r0c0), level 2 (r0c2), level 1 (r1c0).
    const int expectedLevel[] = {3, 2, 1};
    const char *expectedName[] = {"r0c0", "r0c2", "r1c0"};
    const double expectedArea[] = {20000, 40000, 30000};
    const char *expectedShape[] = {
        "POLYGON((0 0,200 0,200 100,0 100,0 0))",
        "POLYGON((200 0,300 0,300 300,200 300,200 200,100 200,100 100,200 100,200 0))",
        "POLYGON((0 100,100 100,100 200,200 200,200 300,0 300,0 100))"};
    for (int g = 0; g < 3; ++g) {
        SCOPED_TRACE(g);
        const model::Feature &feature = out.features[std::size_t(g)];
        EXPECT_EQ(feature.fid, g + 1);
        EXPECT_EQ(feature.attributes.at(0).toInt(), expectedLevel[g]);
        // Not a dissolve field: the group's first feature's value, as QGIS keeps it.
        EXPECT_EQ(feature.attributes.at(1).toString(), QString::fromLatin1(expectedName[g]));
        const Shape shape = shapeOf(feature.wkb);
        EXPECT_EQ(shape.type, GEOS_MULTIPOLYGON);
        EXPECT_EQ(shape.parts, 1);
        EXPECT_EQ(shape.holes, 0);
        EXPECT_DOUBLE_EQ(shape.area, expectedArea[g]);
        EXPECT_TRUE(topologicallyEqual(feature.wkb, QString::fromLatin1(expectedShape[g])));
    }

    const DissolveReport &report = result.report;
    EXPECT_EQ(report.featuresBefore, 9);
    EXPECT_EQ(report.featuresAfter, 3);
    EXPECT_EQ(report.featuresMerged, 6);
    EXPECT_DOUBLE_EQ(report.areaBefore, 90000);
    EXPECT_DOUBLE_EQ(report.areaAfter, 90000);
    EXPECT_FALSE(report.eliminate.has_value());
}

TEST(Dissolve, RingAroundACentreKeepsTheHole)
{
    std::vector<std::pair<QVariantList, QString>> rows;
    for (int row = 0; row < 3; ++row) {
        for (int col = 0; col < 3; ++col) {
            const bool centre = row == 1 && col == 1;
            rows.push_back({{centre ? 5 : 1, QString()}, square(100 * col, 100 * row, 100)});
        }
    }
    const DissolveResult result =
        dissolve(layerOf(kLevelName, rows), {QStringLiteral("level")}, metricOptions());
    ASSERT_EQ(result.layer.features.size(), 2u);
    const Shape ring = shapeOf(result.layer.features[0].wkb);
    EXPECT_EQ(ring.parts, 1);
    EXPECT_EQ(ring.holes, 1);
    EXPECT_DOUBLE_EQ(ring.area, 80000);
    EXPECT_TRUE(topologicallyEqual(result.layer.features[0].wkb,
                                   QStringLiteral("POLYGON((0 0,300 0,300 300,0 300,0 0),"
                                                  "(100 100,100 200,200 200,200 100,100 100))")));
    EXPECT_DOUBLE_EQ(shapeOf(result.layer.features[1].wkb).area, 10000);
}

// unionWkb() joins coverages by GEOS's coverage union and everything else by OverlayNG; inputs
// that look like a coverage but are not must still give the true union: a T-junction (a
// vertex of one polygon on the middle of another's edge), an overlap, the same polygon twice
// (its edges would cancel out), and a square lying inside another.
TEST(Dissolve, UnionOfWhatIsNotACoverageIsStillTheUnion)
{
    struct Case
    {
        const char *name;
        std::vector<QString> inputs;
        QString expected;
        double area;
    };
    const std::vector<Case> cases = {
        {"coverage",
         {square(0, 0, 100), square(100, 0, 100), square(0, 100, 200)},
         QStringLiteral("POLYGON((0 0,200 0,200 300,0 300,0 0))"),
         0},
        {"t-junction",
         {square(0, 0, 200), square(200, 0, 100), square(200, 100, 100)},
         QStringLiteral("POLYGON((0 0,300 0,300 200,0 200,0 0))"),
         60000},
        {"overlap",
         {square(0, 0, 100), square(50, 0, 100)},
         QStringLiteral("POLYGON((0 0,150 0,150 100,0 100,0 0))"),
         15000},
        {"twice", {square(0, 0, 100), square(0, 0, 100)}, square(0, 0, 100), 10000},
        {"nested", {square(0, 0, 300), square(100, 100, 100)}, square(0, 0, 300), 90000},
    };
    geos::Context context;
    for (const Case &testCase : cases) {
        std::vector<QByteArray> wkbs;
        for (const QString &wkt : testCase.inputs)
            wkbs.push_back(wkbOf(wkt));
        const QByteArray result = unionWkb(context, wkbs, 2, false, {});
        EXPECT_TRUE(topologicallyEqual(result, testCase.expected)) << testCase.name;
        const Shape shape = shapeOf(result);
        EXPECT_EQ(shape.parts, 1) << testCase.name;
        EXPECT_EQ(shape.holes, 0) << testCase.name;
        if (testCase.area > 0) {
            EXPECT_DOUBLE_EQ(shape.area, testCase.area) << testCase.name;
        }
    }
}

TEST(Dissolve, FeaturesTouchingAtAPointStayTwoParts)
{
    const DissolveResult result =
        dissolve(layerOf(kLevelName, {{{1, QStringLiteral("a")}, square(0, 0, 100)},
                                      {{1, QStringLiteral("b")}, square(100, 100, 100)}}),
                 {QStringLiteral("level")}, metricOptions());
    ASSERT_EQ(result.layer.features.size(), 1u);
    const Shape shape = shapeOf(result.layer.features[0].wkb);
    EXPECT_EQ(shape.type, GEOS_MULTIPOLYGON);
    EXPECT_EQ(shape.parts, 2);
    EXPECT_DOUBLE_EQ(shape.area, 20000);
}

TEST(Dissolve, MultiPartInputsJoinWhereTheyShareBorders)
{
    // Feature 1 has two squares 200 m apart; feature 2 fills the gap to the second one only
    // along a border, so the result has two parts: [0,100]² and the 300 m strip.
    const DissolveResult result = dissolve(
        layerOf(kLevelName, {{{1, QStringLiteral("multi")},
                              QStringLiteral("MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0)),"
                                             "((300 0,400 0,400 100,300 100,300 0)))")},
                             {{1, QStringLiteral("bridge")},
                              QStringLiteral("POLYGON((200 0,300 0,300 100,200 100,200 0))")}}),
        {}, metricOptions());
    ASSERT_EQ(result.layer.features.size(), 1u);
    const Shape shape = shapeOf(result.layer.features[0].wkb);
    EXPECT_EQ(shape.parts, 2);
    EXPECT_DOUBLE_EQ(shape.area, 30000);
    EXPECT_TRUE(topologicallyEqual(result.layer.features[0].wkb,
                                   QStringLiteral("MULTIPOLYGON(((0 0,100 0,100 100,0 100,0 0)),"
                                                  "((200 0,400 0,400 100,200 100,200 0)))")));
    EXPECT_EQ(result.layer.features[0].attributes.at(1).toString(), QStringLiteral("multi"));
}

TEST(Dissolve, PatchesThatShareNoVertexAreCheckedTogether)
{
    // Two patches of two squares each. Within a patch the squares share vertices; between the
    // patches no vertex is shared, so each patch is unioned on its own and the gathered
    // result must show whether the patches meet or overlap.
    const QString polygon = QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))");
    struct Case
    {
        const char *name;
        double dx; ///< shift of the second patch
        double dy;
        double area;
        int parts;
    };
    const std::vector<Case> cases = {
        {"apart", 500, 0, 40000, 2},
        {"along a border, other vertices", 50, 100, 40000, 1},
        {"overlapping", 50, 50, 32500, 1},
    };
    for (const Case &testCase : cases) {
        std::vector<std::pair<QVariantList, QString>> rows;
        for (int patch = 0; patch < 2; ++patch) {
            for (int cell = 0; cell < 2; ++cell) {
                const double x = 100 * cell + patch * testCase.dx;
                const double y = patch * testCase.dy;
                rows.push_back({{1, QStringLiteral("p%1c%2").arg(patch).arg(cell)},
                                polygon.arg(x).arg(y).arg(x + 100).arg(y + 100)});
            }
        }
        for (int threads : {1, 2}) {
            const DissolveResult result = dissolve(
                layerOf(kLevelName, rows), {QStringLiteral("level")}, metricOptions(threads));
            ASSERT_EQ(result.layer.features.size(), 1u) << testCase.name;
            const Shape shape = shapeOf(result.layer.features[0].wkb);
            EXPECT_NEAR(shape.area, testCase.area, 1e-6) << testCase.name;
            EXPECT_EQ(shape.parts, testCase.parts) << testCase.name;
            EXPECT_EQ(shape.holes, 0) << testCase.name;
            EXPECT_NEAR(result.report.areaAfter, testCase.area, 1e-6) << testCase.name;
        }
    }
}

TEST(Dissolve, NoFieldsIsOneFeatureWithTheFirstFeaturesAttributes)
{
    model::VectorLayer layer = classGrid();
    // QGIS keeps the first feature's attributes even when that feature has no geometry.
    layer.features.insert(layer.features.begin(),
                          model::Feature{99, {7, QStringLiteral("no geometry")}, {}});
    const DissolveResult result = dissolve(std::move(layer), {}, metricOptions());
    ASSERT_EQ(result.layer.features.size(), 1u);
    EXPECT_EQ(result.layer.features[0].attributes,
              (QVariantList{7, QStringLiteral("no geometry")}));
    EXPECT_TRUE(topologicallyEqual(result.layer.features[0].wkb,
                                   QStringLiteral("POLYGON((0 0,300 0,300 300,0 300,0 0))")));
    EXPECT_EQ(result.report.featuresBefore, 10);
    EXPECT_EQ(result.report.featuresWithoutGeometry, 1);
    EXPECT_EQ(result.report.featuresMerged, 9);
}

TEST(Dissolve, NullsFormTheirOwnGroupAndAGroupWithoutGeometryStays)
{
    const model::Fields fields = {{QStringLiteral("code"), model::FieldType::String}};
    const DissolveResult result = dissolve(layerOf(fields,
                                                   {
                                                       {{QVariant()}, square(0, 0, 10)},
                                                       {{QString()}, square(10, 0, 10)},
                                                       {{QStringLiteral("a")}, square(20, 0, 10)},
                                                       {{QStringLiteral("A")}, square(30, 0, 10)},
                                                       {{QVariant()}, square(0, 10, 10)},
                                                       {{QStringLiteral("x")}, QString()},
                                                   }),
                                           {QStringLiteral("code")}, metricOptions());
    const model::VectorLayer &out = result.layer;
    ASSERT_EQ(out.features.size(), 5u);
    EXPECT_TRUE(out.features[0].attributes.at(0).isNull());
    EXPECT_DOUBLE_EQ(shapeOf(out.features[0].wkb).area, 200);
    EXPECT_EQ(out.features[1].attributes.at(0), QVariant(QString()));
    EXPECT_EQ(out.features[2].attributes.at(0).toString(), QStringLiteral("a"));
    EXPECT_EQ(out.features[3].attributes.at(0).toString(), QStringLiteral("A"));
    EXPECT_EQ(out.features[4].attributes.at(0).toString(), QStringLiteral("x"));
    EXPECT_TRUE(out.features[4].wkb.isEmpty());
    EXPECT_EQ(result.report.featuresWithoutGeometry, 1);
}

TEST(Dissolve, LinesAreMergedAndPointsCollected)
{
    const model::Fields fields = {{QStringLiteral("road"), model::FieldType::String}};
    model::VectorLayer lines =
        layerOf(fields, {{{QStringLiteral("G1")}, QStringLiteral("LINESTRING(0 0,100 0)")},
                         {{QStringLiteral("G1")}, QStringLiteral("LINESTRING(100 0,100 100)")},
                         {{QStringLiteral("G2")}, QStringLiteral("LINESTRING(0 50,50 50)")}});
    lines.geometryType = model::GeometryType::LineString;
    const DissolveResult roads =
        dissolve(std::move(lines), {QStringLiteral("road")}, metricOptions());
    ASSERT_EQ(roads.layer.features.size(), 2u);
    EXPECT_EQ(roads.layer.geometryType, model::GeometryType::MultiLineString);
    const Shape g1 = shapeOf(roads.layer.features[0].wkb);
    EXPECT_EQ(g1.type, GEOS_MULTILINESTRING);
    EXPECT_EQ(g1.parts, 1);
    EXPECT_TRUE(topologicallyEqual(roads.layer.features[0].wkb,
                                   QStringLiteral("LINESTRING(0 0,100 0,100 100)")));
    EXPECT_DOUBLE_EQ(roads.report.areaAfter, 0);

    model::VectorLayer points =
        layerOf(fields, {{{QStringLiteral("a")}, QStringLiteral("POINT(1 1)")},
                         {{QStringLiteral("a")}, QStringLiteral("POINT(1 1)")},
                         {{QStringLiteral("a")}, QStringLiteral("POINT(2 2)")}});
    points.geometryType = model::GeometryType::Point;
    const DissolveResult collected = dissolve(std::move(points), {}, metricOptions());
    ASSERT_EQ(collected.layer.features.size(), 1u);
    EXPECT_EQ(collected.layer.geometryType, model::GeometryType::MultiPoint);
    EXPECT_EQ(shapeOf(collected.layer.features[0].wkb).parts, 2);
}

TEST(Dissolve, BadInputIsRefusedNamingIt)
{
    try {
        dissolve(classGrid(), {QStringLiteral("levle")}, metricOptions());
        FAIL() << "no error";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.message().contains(QStringLiteral("levle")));
        EXPECT_TRUE(error.message().contains(QStringLiteral("level, name")));
    }
    model::VectorLayer noCrs = classGrid();
    noCrs.crs = {};
    DissolveOptions options;
    EXPECT_THROW(dissolve(std::move(noCrs), {}, options), InputError);
    options = metricOptions();
    options.eliminateBelow = -1;
    EXPECT_THROW(dissolve(classGrid(), {}, options), InputError);

    model::VectorLayer mixed = classGrid();
    mixed.geometryType = model::GeometryType::Unknown;
    mixed.features[4].wkb = wkbOf(QStringLiteral("LINESTRING(0 0,1 1)"));
    try {
        dissolve(std::move(mixed), {}, metricOptions());
        FAIL() << "no error";
    } catch (const InputError &error) {
        EXPECT_EQ(error.location().row, 5);
    }
}

TEST(Dissolve, CancelThrows)
{
    Feedback feedback;
    feedback.cancel();
    DissolveOptions options = metricOptions();
    options.feedback = &feedback;
    EXPECT_THROW(dissolve(classGrid(), {QStringLiteral("level")}, options), CancelledError);
}

TEST(Dissolve, ReprojectsGeographicInputOnceToGaussKruger)
{
    model::VectorLayer layer = layerOf(
        kLevelName,
        {{{1, QStringLiteral("a")},
          QStringLiteral(
              "POLYGON((120.60 28.10,120.61 28.10,120.61 28.11,120.60 28.11,120.60 28.10))")},
         {{1, QStringLiteral("b")},
          QStringLiteral(
              "POLYGON((120.61 28.10,120.62 28.10,120.62 28.11,120.61 28.11,120.61 28.10))")}});
    layer.crs = crs::cgcs2000();
    DissolveOptions options;
    const DissolveResult result = dissolve(std::move(layer), {}, options);
    EXPECT_EQ(result.report.metricCrs.epsg(), 4549);
    EXPECT_TRUE(result.layer.crs.isSameAs(crs::Crs::fromEpsg(4549)));
    // Two 0.01° cells at 28.1°N: about 982 m × 1 108 m each.
    EXPECT_NEAR(result.report.areaAfter, 2 * 982.0 * 1108.0, 0.02 * 2 * 982.0 * 1108.0);
    EXPECT_NEAR(result.report.areaAfter, result.report.areaBefore, 1e-9 * result.report.areaBefore);
}

namespace {

// A jittered grid of quadrilaterals sharing their corners exactly (a clean coverage), with
// levels 1–4 that run in patches, and about 1 cell in 12 missing so that some cells stand
// alone. The same seed always gives the same layer.
model::VectorLayer randomCoverage(unsigned seed, int nx, int ny, double cell = 100)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> jitter(-0.4 * cell, 0.4 * cell);
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
    std::vector<std::pair<QVariantList, QString>> rows;
    int level = 1;
    for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
            if (unit(random) < 0.35)
                level = 1 + int(unit(random) * 4);
            if (unit(random) < 1.0 / 12)
                continue;
            rows.push_back(
                {{level, QStringLiteral("c%1_%2").arg(i).arg(j)},
                 QStringLiteral("POLYGON((%1,%2,%3,%4,%1))")
                     .arg(corner(i, j), corner(i + 1, j), corner(i + 1, j + 1), corner(i, j + 1))});
        }
    }
    return layerOf(kLevelName, rows);
}

double overlapArea(const QByteArray &a, const QByteArray &b)
{
    geos::Context context;
    const geos::GeometryPtr ga = geos::fromWkb(context, a);
    const geos::GeometryPtr gb = geos::fromWkb(context, b);
    const geos::GeometryPtr both =
        geos::own(context, GEOSIntersection_r(context.handle(), ga.get(), gb.get()));
    double area = 0;
    GEOSArea_r(context.handle(), both.get(), &area);
    return area;
}

} // namespace

TEST(DissolveProperties, AreaKeptGroupsDisjointAndThreadsIrrelevant)
{
    for (unsigned seed : {1u, 20250630u}) {
        SCOPED_TRACE(seed);
        const model::VectorLayer input = randomCoverage(seed, 30, 25);
        const DissolveResult one = dissolve(input, {QStringLiteral("level")}, metricOptions(1));
        const DissolveResult four = dissolve(input, {QStringLiteral("level")}, metricOptions(4));
        EXPECT_NEAR(one.report.areaAfter, one.report.areaBefore, 1e-9 * one.report.areaBefore);

        double sum = 0;
        for (const model::Feature &feature : one.layer.features)
            sum += shapeOf(feature.wkb).area;
        EXPECT_NEAR(sum, one.report.areaAfter, 1e-9 * sum);

        ASSERT_EQ(one.layer.features.size(), four.layer.features.size());
        for (std::size_t i = 0; i < one.layer.features.size(); ++i) {
            EXPECT_EQ(one.layer.features[i].wkb, four.layer.features[i].wkb) << i;
            EXPECT_EQ(one.layer.features[i].attributes, four.layer.features[i].attributes);
        }

        // Different levels never overlap: they share borders at most.
        for (std::size_t i = 0; i < one.layer.features.size(); ++i) {
            for (std::size_t j = i + 1; j < one.layer.features.size(); ++j) {
                EXPECT_LT(overlapArea(one.layer.features[i].wkb, one.layer.features[j].wkb), 1e-6)
                    << i << " " << j;
            }
        }
    }
}

TEST(DissolveProperties, AGroupLargerThanABatchIsUnionedInBatchesTheSameWay)
{
    // 2 750 cells in one group: more than one batch, so the partial unions and the join run.
    const model::VectorLayer input = randomCoverage(7, 55, 50);
    ASSERT_GT(input.features.size(), 2048u);
    const DissolveResult one = dissolve(input, {}, metricOptions(1));
    const DissolveResult four = dissolve(input, {}, metricOptions(4));
    ASSERT_EQ(one.layer.features.size(), 1u);
    EXPECT_EQ(one.layer.features[0].wkb, four.layer.features[0].wkb);
    EXPECT_NEAR(one.report.areaAfter, one.report.areaBefore, 1e-9 * one.report.areaBefore);

    // The same union as GEOS's in one call.
    geos::Context context;
    std::vector<GEOSGeometry *> parts;
    for (const model::Feature &feature : input.features)
        parts.push_back(geos::fromWkb(context, feature.wkb).release());
    const geos::GeometryPtr all =
        geos::own(context, GEOSGeom_createCollection_r(context.handle(), GEOS_GEOMETRYCOLLECTION,
                                                       parts.data(), unsigned(parts.size())));
    const geos::GeometryPtr reference =
        geos::own(context, GEOSUnaryUnion_r(context.handle(), all.get()));
    const geos::GeometryPtr ours = geos::fromWkb(context, one.layer.features[0].wkb);
    EXPECT_EQ(GEOSEquals_r(context.handle(), reference.get(), ours.get()), 1);
}

TEST(DissolveQgis, FloodZonesByLevelMatchQgis)
{
    QFile file(test::testDataPath(QStringLiteral("dissolve/qgis_reference.json")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject reference = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject expected = reference[QStringLiteral("dissolve")].toObject();

    model::VectorLayer layer = io::readLayer(
        test::sampleDataPath(QStringLiteral("yongjia/census.gpkg|layername=flood_zones")));
    DissolveOptions options;
    options.metricCrs = crs::Crs::fromEpsg(4549);
    const DissolveResult result = dissolve(std::move(layer), {QStringLiteral("level")}, options);

    const int level = model::fieldIndex(result.layer.fields, QStringLiteral("level"));
    const QJsonObject levels = expected[QStringLiteral("levels")].toObject();
    ASSERT_EQ(qsizetype(result.layer.features.size()), levels.size());
    for (const model::Feature &feature : result.layer.features) {
        const QString key = feature.attributes.at(level).toString();
        SCOPED_TRACE(key.toStdString());
        const QJsonObject want = levels[key].toObject();
        const Shape shape = shapeOf(feature.wkb);
        EXPECT_EQ(shape.parts, want[QStringLiteral("parts")].toInt());
        const double area = want[QStringLiteral("area_m2")].toDouble();
        EXPECT_NEAR(shape.area, area, 1e-6 * area);
    }
    const double total = expected[QStringLiteral("total_area_m2")].toDouble();
    EXPECT_NEAR(result.report.areaAfter, total, 1e-6 * total);
    EXPECT_NEAR(result.report.areaAfter, result.report.areaBefore, 1e-9 * result.report.areaBefore);
}

TEST(DissolveQgis, FloodZonesCleanedByLevelMatchQgis)
{
    // QGIS: dissolve by level, multipart to singleparts, eliminate the parts under the
    // threshold (largest common boundary), dissolve by level again.
    QFile file(test::testDataPath(QStringLiteral("dissolve/qgis_reference.json")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray runs = QJsonDocument::fromJson(file.readAll())
                                .object()[QStringLiteral("dissolve_eliminate")]
                                .toArray();
    ASSERT_FALSE(runs.isEmpty());
    const model::VectorLayer input = io::readLayer(
        test::sampleDataPath(QStringLiteral("yongjia/census.gpkg|layername=flood_zones")));
    for (const QJsonValue &run : runs) {
        const QJsonObject expected = run.toObject();
        const double threshold = expected[QStringLiteral("threshold_m2")].toDouble();
        SCOPED_TRACE(threshold);
        DissolveOptions options;
        options.metricCrs = crs::Crs::fromEpsg(4549);
        options.eliminateBelow = threshold;
        const DissolveResult result = dissolve(input, {QStringLiteral("level")}, options);

        ASSERT_TRUE(result.report.eliminate.has_value());
        const EliminateReport &eliminated = *result.report.eliminate;
        EXPECT_EQ(eliminated.featuresBefore, expected[QStringLiteral("parts")].toInt());
        EXPECT_EQ(eliminated.smallBefore, expected[QStringLiteral("selected")].toInt());
        for (const EliminateIsland &island : eliminated.islands)
            EXPECT_GE(island.fid, 1);

        const int level = model::fieldIndex(result.layer.fields, QStringLiteral("level"));
        const QJsonObject levels = expected[QStringLiteral("levels")].toObject();
        ASSERT_EQ(qsizetype(result.layer.features.size()), levels.size());
        for (const model::Feature &feature : result.layer.features) {
            const QString key = feature.attributes.at(level).toString();
            SCOPED_TRACE(key.toStdString());
            const QJsonObject want = levels[key].toObject();
            const Shape shape = shapeOf(feature.wkb);
            EXPECT_EQ(shape.parts, want[QStringLiteral("parts")].toInt());
            const double area = want[QStringLiteral("area_m2")].toDouble();
            EXPECT_NEAR(shape.area, area, 1e-6 * area);
        }
        EXPECT_NEAR(result.report.areaAfter, result.report.areaBefore,
                    1e-9 * result.report.areaBefore);
    }
}
