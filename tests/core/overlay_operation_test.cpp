// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "core/overlay/overlay_fields.h"
#include "core/overlay/overlay_operation.h"
#include "core/overlay/robust_overlay.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QtEndian>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace riskatlas;
using namespace riskatlas::overlay;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

model::GeometryType geometryTypeFromName(const QString &name)
{
    for (model::GeometryType type :
         {model::GeometryType::Point, model::GeometryType::LineString, model::GeometryType::Polygon,
          model::GeometryType::MultiPoint, model::GeometryType::MultiLineString,
          model::GeometryType::MultiPolygon}) {
        if (model::geometryTypeName(type) == name)
            return type;
    }
    return model::GeometryType::Unknown;
}

model::FieldType fieldTypeFromName(const QString &name)
{
    if (name == QLatin1String("Integer"))
        return model::FieldType::Integer;
    if (name == QLatin1String("Real"))
        return model::FieldType::Real;
    return model::FieldType::String;
}

// A layer in EPSG:4549 (projected: the overlay works in it without reprojecting) from a case's
// {"fields": [...], "features": [{"wkt", "attributes"}]}.
model::VectorLayer layerFromJson(const QJsonObject &object, const QString &name)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = name;
    layer.sourcePath = name + QStringLiteral(".json");
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = geometryTypeFromName(object[QStringLiteral("geometry_type")].toString());
    for (const QJsonValue &field : object[QStringLiteral("fields")].toArray()) {
        model::Field out;
        out.name = field[QStringLiteral("name")].toString();
        out.type = fieldTypeFromName(field[QStringLiteral("type")].toString());
        layer.fields.append(out);
    }
    qint64 fid = 0;
    for (const QJsonValue &feature : object[QStringLiteral("features")].toArray()) {
        model::Feature out;
        out.fid = ++fid;
        for (const QJsonValue &value : feature[QStringLiteral("attributes")].toArray())
            out.attributes.append(value.toVariant());
        const geos::GeometryPtr geometry =
            geos::fromWkt(context, feature[QStringLiteral("wkt")].toString());
        out.wkb = geos::toWkb(context, geometry.get());
        layer.features.push_back(std::move(out));
    }
    return layer;
}

double measure(const geos::Context &context, const QByteArray &wkb, bool length)
{
    if (wkb.isEmpty())
        return 0;
    const geos::GeometryPtr geometry = geos::fromWkb(context, wkb);
    double value = 0;
    if (length)
        GEOSLength_r(context.handle(), geometry.get(), &value);
    else
        GEOSArea_r(context.handle(), geometry.get(), &value);
    return value;
}

QString valueText(const QVariant &value)
{
    return value.isNull() ? QStringLiteral("null") : value.toString();
}

QStringList caseFiles()
{
    const QDir dir(test::sourceDir() + QStringLiteral("/tests/cases/overlay"));
    QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (QString &file : files)
        file = dir.filePath(file);
    return files;
}

class OverlayCase : public testing::TestWithParam<QString>
{
};

} // namespace

TEST_P(OverlayCase, MatchesTheHandWorkedAnswer)
{
    const QJsonObject json = readJson(GetParam());
    ASSERT_FALSE(json.isEmpty()) << "unreadable case " << GetParam().toStdString();
    SCOPED_TRACE(json[QStringLiteral("description")].toString().toStdString());
    const auto operation = operationFromName(json[QStringLiteral("operation")].toString());
    ASSERT_TRUE(operation.has_value());
    const double tolerance = json[QStringLiteral("tolerance")].toDouble(1e-9);
    const QJsonObject expected = json[QStringLiteral("expected")].toObject();

    OverlayOptions options;
    options.threads = 2;
    const OverlayResult result = overlayLayers(
        *operation, layerFromJson(json[QStringLiteral("a")].toObject(), QStringLiteral("A")),
        layerFromJson(json[QStringLiteral("b")].toObject(), QStringLiteral("B")), options);
    const model::VectorLayer &layer = result.layer;

    QStringList fieldNames;
    for (const model::Field &field : layer.fields)
        fieldNames.append(field.name);
    QStringList expectedFields;
    for (const QJsonValue &name : expected[QStringLiteral("fields")].toArray())
        expectedFields.append(name.toString());
    EXPECT_EQ(fieldNames, expectedFields);
    if (expected.contains(QStringLiteral("geometry_type"))) {
        EXPECT_EQ(model::geometryTypeName(layer.geometryType),
                  expected[QStringLiteral("geometry_type")].toString());
    }
    EXPECT_EQ(layer.crs.epsg(), 4549);

    ASSERT_EQ(qsizetype(layer.features.size()), expected[QStringLiteral("count")].toInt());
    geos::Context context;
    double area = 0;
    double length = 0;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        EXPECT_EQ(layer.features[i].fid, qint64(i + 1));
        area += measure(context, layer.features[i].wkb, false);
        length += measure(context, layer.features[i].wkb, true);
    }
    if (expected.contains(QStringLiteral("area"))) {
        EXPECT_NEAR(area, expected[QStringLiteral("area")].toDouble(), tolerance);
    }
    if (expected.contains(QStringLiteral("length"))) {
        EXPECT_NEAR(length, expected[QStringLiteral("length")].toDouble(), tolerance);
    }

    const QJsonArray features = expected[QStringLiteral("features")].toArray();
    for (qsizetype i = 0; i < features.size(); ++i) {
        SCOPED_TRACE("output feature " + std::to_string(i + 1));
        const QJsonObject want = features[i].toObject();
        const model::Feature &got = layer.features[std::size_t(i)];
        QStringList gotValues;
        for (const QVariant &value : got.attributes)
            gotValues.append(valueText(value));
        QStringList wantValues;
        for (const QJsonValue &value : want[QStringLiteral("attributes")].toArray())
            wantValues.append(valueText(value.toVariant()));
        EXPECT_EQ(gotValues, wantValues);

        const geos::GeometryPtr expectedGeometry =
            geos::fromWkt(context, want[QStringLiteral("wkt")].toString());
        if (want[QStringLiteral("exact")].toBool()) {
            EXPECT_EQ(got.wkb, geos::toWkb(context, expectedGeometry.get()));
            continue;
        }
        const geos::GeometryPtr gotGeometry = geos::fromWkb(context, got.wkb);
        const geos::GeometryPtr difference =
            geos::own(context, GEOSSymDifference_r(context.handle(), gotGeometry.get(),
                                                   expectedGeometry.get()));
        ASSERT_TRUE(difference);
        double differenceArea = 0;
        GEOSArea_r(context.handle(), difference.get(), &differenceArea);
        EXPECT_LE(differenceArea, tolerance);
        EXPECT_EQ(GEOSEquals_r(context.handle(), gotGeometry.get(), expectedGeometry.get()), 1)
            << geos::toWkt(context, gotGeometry.get()).toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, OverlayCase, testing::ValuesIn(caseFiles()),
                         [](const testing::TestParamInfo<QString> &info) {
                             return QFileInfo(info.param).completeBaseName().toStdString();
                         });

TEST(OverlayFields, ClashingNamesGetTheFirstFreeSuffix)
{
    using model::Field;
    const OverlayFields fields =
        combineFields({Field{QStringLiteral("名称")}, Field{QStringLiteral("level")},
                       Field{QStringLiteral("level_2")}},
                      {Field{QStringLiteral("LEVEL")}, Field{QStringLiteral("名称")},
                       Field{QStringLiteral("code")}});
    QStringList names;
    for (const Field &field : fields.fields)
        names.append(field.name);
    EXPECT_EQ(names, (QStringList{QStringLiteral("名称"), QStringLiteral("level"),
                                  QStringLiteral("level_2"), QStringLiteral("LEVEL_3"),
                                  QStringLiteral("名称_2"), QStringLiteral("code")}));
    ASSERT_EQ(fields.renamed.size(), 2);
    EXPECT_EQ(fields.renamed[0], qMakePair(QStringLiteral("LEVEL"), QStringLiteral("LEVEL_3")));
}

TEST(RobustOverlay, FixedGridRungRoundsToTheGridAndSaysSo)
{
    geos::Context context;
    const geos::GeometryPtr a =
        geos::fromWkt(context, QStringLiteral("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"));
    const geos::GeometryPtr b = geos::fromWkt(
        context, QStringLiteral("POLYGON ((5.0000004 5, 15 5, 15 15, 5.0000004 15, 5.0000004 5))"));
    RetryLadder gridOnly;
    gridOnly.floating = false;
    const RobustOverlay robust(context, gridOnly);
    const OverlayOutcome outcome = robust.intersection(a.get(), b.get());
    ASSERT_TRUE(outcome.geometry);
    EXPECT_EQ(outcome.gridSize, 1e-6);
    EXPECT_TRUE(outcome.retried());
    double minX = 0;
    GEOSGeom_getXMin_r(context.handle(), outcome.geometry.get(), &minX);
    EXPECT_DOUBLE_EQ(minX, 5.0);

    const RobustOverlay floating(context, retryLadderFor(0));
    const OverlayOutcome exact = floating.intersection(a.get(), b.get());
    ASSERT_TRUE(exact.geometry);
    EXPECT_FALSE(exact.retried());
    EXPECT_EQ(retryLadderFor(0.01).gridSizes, QList<double>{0.01});
}

namespace {

// A square whose second vertex has a NaN x: no rung of the ladder can overlay it.
QByteArray poisonedSquare()
{
    geos::Context context;
    const geos::GeometryPtr square =
        geos::fromWkt(context, QStringLiteral("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"));
    QByteArray wkb = geos::toWkb(context, square.get());
    // byte order 1 + type 4 + rings 4 + points 4 + first point 16
    qToLittleEndian(std::numeric_limits<double>::quiet_NaN(), wkb.data() + 29);
    return wkb;
}

model::VectorLayer squares(const QString &name, int count, double offset)
{
    model::VectorLayer layer;
    layer.name = name;
    layer.sourcePath = name + QStringLiteral(".gpkg");
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = model::GeometryType::Polygon;
    layer.fields = {model::Field{QStringLiteral("n"), model::FieldType::Integer}};
    geos::Context context;
    for (int i = 0; i < count; ++i) {
        const double x = i * 20 + offset;
        const geos::GeometryPtr square = geos::fromWkt(
            context,
            QStringLiteral("POLYGON ((%1 0, %2 0, %2 10, %1 10, %1 0))").arg(x).arg(x + 10));
        layer.features.push_back({qint64(100 + i), {i}, geos::toWkb(context, square.get())});
    }
    return layer;
}

} // namespace

TEST(RobustOverlay, RepairsAnInvalidInputOnlyWhenEveryRungFails)
{
    geos::Context context;
    const geos::GeometryPtr bowtie =
        geos::fromWkt(context, QStringLiteral("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"));
    const geos::GeometryPtr strip =
        geos::fromWkt(context, QStringLiteral("POLYGON ((-5 2, 60 2, 60 8, -5 8, -5 2))"));
    const RobustOverlay robust(context, retryLadderFor(0));
    const OverlayOutcome outcome = robust.intersection(bowtie.get(), strip.get());
    ASSERT_TRUE(outcome.geometry) << outcome.error.toStdString();
    EXPECT_TRUE(outcome.repairedInputs);
    EXPECT_TRUE(outcome.retried());
    double area = 0;
    GEOSArea_r(context.handle(), outcome.geometry.get(), &area);
    EXPECT_NEAR(area, 2 * (25.0 - 4.0), 1e-9); // two triangles of 25 m² less their 2 m tips

    // A NaN coordinate fails every rung too; MakeValid drops it.
    const geos::GeometryPtr poisoned = geos::fromWkb(context, poisonedSquare());
    const OverlayOutcome repaired = robust.intersection(poisoned.get(), strip.get());
    ASSERT_TRUE(repaired.geometry);
    EXPECT_TRUE(repaired.repairedInputs);
    EXPECT_FALSE(repaired.error.isEmpty()); // GEOS's reason for the first failure is kept
}

TEST(OverlayOperation, InvalidInputIsRefusedNamingTheFeature)
{
    for (const QByteArray &wkb :
         {poisonedSquare(), [] {
              geos::Context context;
              return geos::toWkb(
                  context, geos::fromWkt(context, QStringLiteral("POLYGON ((0 0, 10 10, 10 0, "
                                                                 "0 10, 0 0))"))
                               .get());
          }()}) {
        model::VectorLayer a = squares(QStringLiteral("buildings"), 3, 0); // fids 100, 101, 102
        a.features[1].wkb = wkb;
        try {
            overlayLayers(OverlayOperation::Intersection, a,
                          squares(QStringLiteral("flood"), 3, 5));
            FAIL() << "expected an InputError";
        } catch (const InputError &error) {
            EXPECT_TRUE(error.formatted().startsWith(
                QStringLiteral("buildings.gpkg:buildings:fid 101: invalid geometry")))
                << error.formatted().toStdString();
        }
    }
}

TEST(OverlayOperation, UnusableInputsAreBadInput)
{
    model::VectorLayer points = squares(QStringLiteral("points"), 1, 0);
    points.geometryType = model::GeometryType::Point;
    geos::Context context;
    points.features[0].wkb =
        geos::toWkb(context, geos::fromWkt(context, QStringLiteral("POINT (1 1)")).get());
    const model::VectorLayer polygons = squares(QStringLiteral("zones"), 2, 0);
    EXPECT_THROW(overlayLayers(OverlayOperation::Intersection, polygons, points), InputError);
    EXPECT_THROW(overlayLayers(OverlayOperation::Union, points, polygons), InputError);
    EXPECT_NO_THROW(overlayLayers(OverlayOperation::Identity, points, polygons));

    model::VectorLayer noCrs = polygons;
    noCrs.crs = {};
    EXPECT_THROW(overlayLayers(OverlayOperation::Clip, noCrs, polygons), InputError);
}

TEST(OverlayOperation, CancelledRunReturnsNothing)
{
    Feedback feedback;
    feedback.cancel();
    OverlayOptions options;
    options.feedback = &feedback;
    EXPECT_THROW(overlayLayers(OverlayOperation::Union, squares(QStringLiteral("a"), 50, 0),
                               squares(QStringLiteral("b"), 50, 5), options),
                 CancelledError);
}

TEST(OverlayOperation, ReprojectsGeographicInputsToTheGaussKrugerZone)
{
    model::VectorLayer a;
    a.name = QStringLiteral("a");
    a.crs = crs::Crs::fromEpsg(4490);
    a.geometryType = model::GeometryType::Polygon;
    geos::Context context;
    a.features.push_back(
        {1,
         {},
         geos::toWkb(context, geos::fromWkt(context, QStringLiteral("POLYGON ((120.6 28.1, "
                                                                    "120.61 28.1, 120.61 28.11, "
                                                                    "120.6 28.11, 120.6 28.1))"))
                                  .get())});
    model::VectorLayer b = a;
    b.name = QStringLiteral("b");
    const OverlayResult result = overlayLayers(OverlayOperation::Intersection, a, b);
    EXPECT_EQ(result.layer.crs.epsg(), 4549);
    ASSERT_EQ(result.layer.features.size(), 1u);
    // 0.01° × 0.01° at 28.1°N is about 983 m × 1109 m.
    EXPECT_NEAR(measure(context, result.layer.features[0].wkb, false) / 1e6, 1.09, 0.01);
    EXPECT_EQ(result.passedThrough, 1);
    EXPECT_EQ(result.notes.size(), 2);
}

namespace {

struct ClassTotals
{
    qint64 count = 0;
    double area = 0;
};

QMap<QString, ClassTotals> totalsByLevel(const model::VectorLayer &layer)
{
    const int level = model::fieldIndex(layer.fields, QStringLiteral("level"));
    geos::Context context;
    QMap<QString, ClassTotals> totals;
    for (const model::Feature &feature : layer.features) {
        const QString key =
            level < 0 ? QStringLiteral("null") : valueText(feature.attributes[level]);
        ++totals[key].count;
        totals[key].area += measure(context, feature.wkb, false);
    }
    return totals;
}

model::VectorLayer fixtureLayer(const QString &name)
{
    return io::readLayer(
        test::testDataPath(QStringLiteral("overlay/overlay_fixture.gpkg|layername=")) + name);
}

void expectMatchesQgis(const QString &caseName, const model::VectorLayer &layer)
{
    SCOPED_TRACE(caseName.toStdString());
    const QJsonObject reference =
        readJson(test::testDataPath(QStringLiteral("overlay/qgis_reference.json")));
    const QJsonObject expected = reference[QStringLiteral("cases")][caseName].toObject();
    ASSERT_FALSE(expected.isEmpty());
    EXPECT_EQ(qint64(layer.features.size()), expected[QStringLiteral("count")].toInteger());
    const QMap<QString, ClassTotals> got = totalsByLevel(layer);
    const QJsonObject byLevel = expected[QStringLiteral("by_level")].toObject();
    EXPECT_EQ(QStringList(got.keys()), byLevel.keys());
    for (auto it = byLevel.begin(); it != byLevel.end(); ++it) {
        const double want = it.value()[QStringLiteral("area")].toDouble();
        const double have = got.value(it.key()).area;
        EXPECT_EQ(got.value(it.key()).count, it.value()[QStringLiteral("count")].toInteger())
            << "level " << it.key().toStdString();
        if (want == 0) {
            EXPECT_EQ(have, 0.0);
        } else {
            EXPECT_NEAR(have / want, 1.0, 1e-6) << "level " << it.key().toStdString();
        }
    }
}

} // namespace

TEST(OverlayQgisReference, TotalsPerLevelMatchQgis)
{
    const model::VectorLayer buildings = fixtureLayer(QStringLiteral("buildings"));
    const model::VectorLayer flood = fixtureLayer(QStringLiteral("flood_zones"));
    const model::VectorLayer townships = fixtureLayer(QStringLiteral("townships"));
    const model::VectorLayer shelters = fixtureLayer(QStringLiteral("shelters"));
    ASSERT_EQ(buildings.features.size(), 300u);

    expectMatchesQgis(QStringLiteral("intersection buildings flood_zones"),
                      overlayLayers(OverlayOperation::Intersection, buildings, flood).layer);
    expectMatchesQgis(QStringLiteral("difference buildings flood_zones"),
                      overlayLayers(OverlayOperation::Difference, buildings, flood).layer);
    expectMatchesQgis(QStringLiteral("union buildings flood_zones"),
                      overlayLayers(OverlayOperation::Union, buildings, flood).layer);
    expectMatchesQgis(QStringLiteral("union flood_zones townships"),
                      overlayLayers(OverlayOperation::Union, flood, townships).layer);
    expectMatchesQgis(QStringLiteral("clip flood_zones townships"),
                      overlayLayers(OverlayOperation::Clip, flood, townships).layer);
    expectMatchesQgis(QStringLiteral("intersection shelters flood_zones"),
                      overlayLayers(OverlayOperation::Intersection, shelters, flood).layer);
}

TEST(OverlayQgisReference, IdentityIsQgisIntersectionPlusDifference)
{
    const QJsonObject cases = readJson(test::testDataPath(
        QStringLiteral("overlay/qgis_reference.json")))[QStringLiteral("cases")]
                                  .toObject();
    const QJsonObject intersection =
        cases[QStringLiteral("intersection buildings flood_zones")].toObject();
    const QJsonObject difference =
        cases[QStringLiteral("difference buildings flood_zones")].toObject();
    const model::VectorLayer identity =
        overlayLayers(OverlayOperation::Identity, fixtureLayer(QStringLiteral("buildings")),
                      fixtureLayer(QStringLiteral("flood_zones")))
            .layer;
    EXPECT_EQ(qint64(identity.features.size()),
              intersection[QStringLiteral("count")].toInteger() +
                  difference[QStringLiteral("count")].toInteger());
    const QMap<QString, ClassTotals> got = totalsByLevel(identity);
    const QJsonObject levels = intersection[QStringLiteral("by_level")].toObject();
    for (auto it = levels.begin(); it != levels.end(); ++it)
        EXPECT_NEAR(got.value(it.key()).area / it.value()[QStringLiteral("area")].toDouble(), 1.0,
                    1e-6);
    EXPECT_NEAR(got.value(QStringLiteral("null")).area /
                    difference[QStringLiteral("area")].toDouble(),
                1.0, 1e-6);
}
