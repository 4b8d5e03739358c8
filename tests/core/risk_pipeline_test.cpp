// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/risk_pipeline.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/hazard/model_parser.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"

#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gdal.h>
#include <ogr_srs_api.h>

#include "support/metric_fixtures.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas;
using namespace riskatlas::hazard;

namespace {

// The hand-worked case: three 1 km × 1 km units A, B, C side by side, west to east, in
// EPSG:4549 (metric, so nothing is reprojected and areas are exact).
//
//   A = [0,1000]×[0,1000]   B = [1000,2000]×[0,1000]   C = [2000,3000]×[0,1000]
//
// Hazard "flood", levels numbered 1 = HIGH … 5 = low (scores 1→1.0 … 5→0.2), area-weighted:
//   level 1 on the west half of A ([0,500]×[0,1000])  → A = 1.0 · 0.5 = 0.5
//   level 3 on all of B                                → B = 0.6
//   nothing on C                                       → C = 0
// Hazard "fire", levels 1 = low … 5 = high (0.2 … 1.0), highest level present:
//   level 2 on all of A → A = 0.4;  level 5 on [2400,2600]×[400,600] in C → C = 1.0;  B = 0
// Weights direct flood 3, fire 1 → 0.75 / 0.25:
//   hazard = A 0.75·0.5 + 0.25·0.4 = 0.475, B 0.45, C 0.25 → min–max H = A 1, B 8/9, C 0
// Exposure: one point per unit with persons A 100 at (250, 500), B 300, C 200 at (2500, 500)
//   (sum) → E = 0, 1, 0.5
// Vulnerability (structure, weight = count): A one 土木 (1.0); B one 框架 (0.4); C one 土木
//   and one 钢混 (0.3) → V raw 1.0, 0.4, 0.65 → min–max 1, 0, 0.25/0.6
// Capacity: population raster of three 1 km cells, 10 000 / 20 000 / 10 000 persons; shelters
//   of capacity A 100, B 100, C 300 → per 10 000: 100, 50, 300. One indicator: TOPSIS
//   closeness = (x − min)/(max − min) = 0.2, 0, 1. μ = 0.4, σ = sqrt(0.56/3) = 0.43205;
//   thresholds μ+1.5σ = 1.048, μ+0.5σ = 0.616, μ−0.5σ = 0.184, μ−1.5σ = −0.248 → levels
//   A 3 (中等), B 4 (较弱), C 2 (较强). C normalised = 0.2, 0, 1.
// Formula H * (0.5 * E + 0.5 * V) * (1 - 0.3 * C):
//   A = 1 · 0.5 · 0.94 = 0.47;  B = 8/9 · 0.5 · 1 = 4/9;  C = 0
// Manual breaks 0.1, 0.3, 0.445, 0.46 → C level 1 (低), B 3 (中), A 5 (高)
// Prevention: risk 5 & capacity 3–5 → 重点 (3); risk 3 → 次重点 (2); else 一般 (1):
//   A 3, B 2, C 1.
constexpr double kX = test::kMetricX;
constexpr double kY = test::kMetricY;
using test::box;

QString point(double x, double y)
{
    return QStringLiteral("POINT(%1 %2)").arg(kX + x, 0, 'f', 3).arg(kY + y, 0, 'f', 3);
}

void writeLayerFile(const QString &path, model::GeometryType type, const model::Fields &fields,
                    const std::vector<std::pair<QString, QVariantList>> &rows)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = QFileInfo(path).completeBaseName();
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = type;
    layer.fields = fields;
    qint64 fid = 1;
    for (const auto &[wkt, attributes] : rows) {
        const geos::GeometryPtr geometry = geos::fromWkt(context, wkt);
        layer.features.push_back({fid++, attributes, geos::toWkb(context, geometry.get())});
    }
    io::writeLayer(layer, path);
}

void writePopulation(const QString &path)
{
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    GDALDatasetH dataset =
        GDALCreate(driver, QFile::encodeName(path).constData(), 3, 1, 1, GDT_Float32, nullptr);
    double transform[6] = {kX, 1000, 0, kY + 1000, 0, -1000};
    GDALSetGeoTransform(dataset, transform);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4549);
    GDALSetSpatialRef(dataset, srs);
    OSRRelease(srs);
    GDALRasterBandH band = GDALGetRasterBand(dataset, 1);
    GDALSetRasterNoDataValue(band, -9999);
    float values[3] = {10000, 20000, 10000};
    EXPECT_EQ(GDALRasterIO(band, GF_Write, 0, 0, 3, 1, values, 3, 1, GDT_Float32, 0, 0), CE_None);
    GDALClose(dataset);
}

const char kModel[] = R"json({
  "title": "手算样例",
  "units": {"type": "admin", "source": "units.gpkg", "id_field": "code", "name_field": "name"},
  "hazards": [
    {"id": "flood", "name": "台风洪涝", "source": "flood.gpkg", "level_field": "level",
     "scores": {"1": 1.0, "2": 0.8, "3": 0.6, "4": 0.4, "5": 0.2},
     "aggregation": "area_weighted_mean"},
    {"id": "fire", "name": "森林火灾", "source": "fire.gpkg",
     "scores": {"1": 0.2, "2": 0.4, "3": 0.6, "4": 0.8, "5": 1.0}, "aggregation": "max_level"}
  ],
  "exposure": [{"id": "pop", "name": "人口", "source": "people.gpkg", "kind": "sum",
                "field": "persons"}],
  "vulnerability": {"source": "buildings.gpkg",
                    "tables": [{"field": "structure",
                                "factors": {"土木": 1.0, "砖混": 0.7, "框架": 0.4, "钢混": 0.3}}]},
  "capacity": {"population": "population.tif",
               "indicators": [{"id": "shelter", "source": "shelters.gpkg", "field": "capacity"}]},
  "weights": {"hazards": {"method": "direct", "values": {"flood": 3, "fire": 1}}},
  "combine": {"formula": "H * (0.5 * E + 0.5 * V) * (1 - 0.3 * C)"},
  "classify": {"method": "manual", "breaks": [0.1, 0.3, 0.445, 0.46]},
  "zoning": {"minimum_mapping_unit_km2": 0},
  "prevention": {"rules": [{"risk_levels": [5], "capacity_levels": [3, 4, 5], "zone": "重点防治区"},
                           {"risk_levels": [3], "zone": "次重点防治区"}],
                 "default": "一般防治区"}
})json";

QString writeHandCase(const QTemporaryDir &dir, const QByteArray &model = kModel)
{
    const auto string = model::FieldType::String;
    const auto integer = model::FieldType::Integer;
    writeLayerFile(dir.filePath(QStringLiteral("units.gpkg")), model::GeometryType::Polygon,
                   {{QStringLiteral("code"), string}, {QStringLiteral("name"), string}},
                   {{box(0, 0, 1000, 1000), {QStringLiteral("A"), QStringLiteral("甲乡")}},
                    {box(1000, 0, 2000, 1000), {QStringLiteral("B"), QStringLiteral("乙镇")}},
                    {box(2000, 0, 3000, 1000), {QStringLiteral("C"), QStringLiteral("丙街道")}}});
    writeLayerFile(dir.filePath(QStringLiteral("flood.gpkg")), model::GeometryType::Polygon,
                   {{QStringLiteral("level"), integer}},
                   {{box(0, 0, 500, 1000), {1}}, {box(1000, 0, 2000, 1000), {3}}});
    writeLayerFile(dir.filePath(QStringLiteral("fire.gpkg")), model::GeometryType::Polygon,
                   {{QStringLiteral("level"), integer}},
                   {{box(0, 0, 1000, 1000), {2}}, {box(2400, 400, 2600, 600), {5}}});
    writeLayerFile(
        dir.filePath(QStringLiteral("people.gpkg")), model::GeometryType::Point,
        {{QStringLiteral("persons"), integer}},
        {{point(250, 500), {100}}, {point(1500, 500), {300}}, {point(2500, 500), {200}}});
    writeLayerFile(dir.filePath(QStringLiteral("buildings.gpkg")), model::GeometryType::Polygon,
                   {{QStringLiteral("structure"), string}},
                   {{box(100, 100, 120, 120), {QStringLiteral("土木")}},
                    {box(1100, 100, 1120, 120), {QStringLiteral("框架")}},
                    {box(2100, 100, 2120, 120), {QStringLiteral("土木")}},
                    {box(2800, 800, 2830, 830), {QStringLiteral("钢混")}}});
    writeLayerFile(
        dir.filePath(QStringLiteral("shelters.gpkg")), model::GeometryType::Point,
        {{QStringLiteral("capacity"), integer}},
        {{point(300, 300), {100}}, {point(1300, 300), {100}}, {point(2300, 300), {300}}});
    writePopulation(dir.filePath(QStringLiteral("population.tif")));
    const QString path = dir.filePath(QStringLiteral("model.json"));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(model);
    return path;
}

QVariant valueOf(const model::VectorLayer &layer, std::size_t feature, const char *field)
{
    const int index = model::fieldIndex(layer.fields, QLatin1String(field));
    EXPECT_GE(index, 0) << field;
    return index < 0 ? QVariant() : layer.features.at(feature).attributes.value(index);
}

// The three units of an override test's risk map: level, model level, overridden flag and
// prevention zone, unit by unit.
struct ExpectedUnit
{
    int level;
    int modelLevel;
    int overridden;
    int zone;
};

void expectOverriddenUnits(const model::VectorLayer &map, const std::vector<ExpectedUnit> &units)
{
    for (std::size_t i = 0; i < units.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(valueOf(map, i, "level").toInt(), units[i].level);
        EXPECT_EQ(valueOf(map, i, "model_level").toInt(), units[i].modelLevel);
        EXPECT_EQ(valueOf(map, i, "overridden").toInt(), units[i].overridden);
        EXPECT_EQ(valueOf(map, i, "prev_zone").toInt(), units[i].zone);
    }
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

TEST(RiskPipeline, HandWorkedCaseThroughTheWholePipeline)
{
    QTemporaryDir dir;
    const QString modelPath = writeHandCase(dir);
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.format = OutputFormat::Both;
    options.threads = 1;
    const PipelineSummary summary = runRiskModel(loadRiskModel(modelPath), options);
    EXPECT_EQ(summary.units, 3);
    EXPECT_EQ(summary.unitsPerLevel, (std::vector<qint64>{1, 0, 1, 0, 1}));

    const model::VectorLayer map = io::readLayer(options.outDir + QStringLiteral("/risk_map.gpkg"));
    ASSERT_EQ(map.features.size(), 3u);
    const double eps = 1e-9;
    const double h[] = {0.5, 0.6, 0.0};
    const double f[] = {0.4, 0.0, 1.0};
    const double hazard[] = {0.475, 0.45, 0.25};
    const double H[] = {1.0, 0.2 / 0.225, 0.0};
    const double E[] = {0.0, 1.0, 0.5};
    const double vuln[] = {1.0, 0.4, 0.65};
    const double V[] = {1.0, 0.0, 0.25 / 0.6};
    const double C[] = {0.2, 0.0, 1.0};
    const double risk[] = {0.47, 4.0 / 9.0, 0.0};
    const int level[] = {5, 3, 1};
    const char *levelName[] = {"高", "中", "低"};
    const char *color[] = {"#E60000", "#FFEB00", "#38A800"};
    const int capacity[] = {3, 4, 2};
    const int zone[] = {3, 2, 1};
    for (std::size_t i = 0; i < 3; ++i) {
        SCOPED_TRACE(i);
        EXPECT_NEAR(valueOf(map, i, "h_flood").toDouble(), h[i], eps);
        EXPECT_NEAR(valueOf(map, i, "h_fire").toDouble(), f[i], eps);
        EXPECT_NEAR(valueOf(map, i, "hazard").toDouble(), hazard[i], eps);
        EXPECT_NEAR(valueOf(map, i, "H").toDouble(), H[i], eps);
        EXPECT_NEAR(valueOf(map, i, "E").toDouble(), E[i], eps);
        EXPECT_NEAR(valueOf(map, i, "vuln").toDouble(), vuln[i], eps);
        EXPECT_NEAR(valueOf(map, i, "V").toDouble(), V[i], eps);
        EXPECT_NEAR(valueOf(map, i, "closeness").toDouble(), C[i], eps);
        EXPECT_NEAR(valueOf(map, i, "C").toDouble(), C[i], eps);
        EXPECT_NEAR(valueOf(map, i, "risk").toDouble(), risk[i], eps);
        EXPECT_EQ(valueOf(map, i, "level").toInt(), level[i]);
        EXPECT_EQ(valueOf(map, i, "level_name").toString(), QString::fromUtf8(levelName[i]));
        EXPECT_EQ(valueOf(map, i, "color").toString(), QLatin1String(color[i]));
        EXPECT_EQ(valueOf(map, i, "cap_level").toInt(), capacity[i]);
        EXPECT_EQ(valueOf(map, i, "prev_zone").toInt(), zone[i]);
        EXPECT_NEAR(valueOf(map, i, "area_km2").toDouble(), 1.0, 1e-12);
    }

    // Zoning: one zone per level, each one unit, tiling the 3 km² exactly.
    const model::VectorLayer zoning =
        io::readLayer(options.outDir + QStringLiteral("/risk_zoning.gpkg"));
    ASSERT_EQ(zoning.features.size(), 3u);
    for (std::size_t z = 0; z < 3; ++z) {
        EXPECT_EQ(valueOf(zoning, z, "level").toInt(), int(2 * z + 1));
        EXPECT_NEAR(valueOf(zoning, z, "area_km2").toDouble(), 1.0, 1e-12);
    }
    EXPECT_NEAR(summary.riskTiling.studyArea, 3e6, 1e-6);
    EXPECT_LE(summary.riskTiling.relativeDifference(), 1e-12);
    EXPECT_EQ(summary.riskTiling.overlapArea, 0.0);
    EXPECT_EQ(summary.riskTiling.gapArea, 0.0);
    const model::VectorLayer prevention =
        io::readLayer(options.outDir + QStringLiteral("/prevention_zoning.gpkg"));
    ASSERT_EQ(prevention.features.size(), 3u);
    EXPECT_EQ(valueOf(prevention, 2, "level_name").toString(), QStringLiteral("重点防治区"));

    // The flood map turns its levels around: source level 1 (high) is grade 5.
    const model::VectorLayer flood =
        io::readLayer(options.outDir + QStringLiteral("/hazard_flood.gpkg"));
    ASSERT_EQ(flood.features.size(), 2u);
    EXPECT_EQ(valueOf(flood, 0, "src_level").toString(), QStringLiteral("1"));
    EXPECT_EQ(valueOf(flood, 0, "level").toInt(), 5);
    EXPECT_EQ(valueOf(flood, 0, "hazard").toString(), QStringLiteral("台风洪涝"));
    EXPECT_NEAR(valueOf(flood, 0, "area_km2").toDouble(), 0.5, 1e-12);
    EXPECT_EQ(valueOf(flood, 1, "level").toInt(), 3);
    EXPECT_NEAR(valueOf(flood, 1, "area_km2").toDouble(), 1.0, 1e-12);

    // Tables: unit A (甲乡) is all 高 with its 100 persons; the county total of 中 is B's.
    const QByteArray csvBytes =
        readAll(options.outDir + QStringLiteral("/tables/risk_by_township.csv"));
    EXPECT_TRUE(csvBytes.startsWith("\xEF\xBB\xBF")) << "UTF-8 with BOM";
    const QString csv = QString::fromUtf8(csvBytes);
    EXPECT_TRUE(csv.contains(QStringLiteral("A,甲乡,5,高,1,100"))) << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("A,甲乡,4,较高,0,0"))) << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("total,合计,3,中,1,300"))) << csv.toStdString();
    const QString hazards = QString::fromUtf8(
        readAll(options.outDir + QStringLiteral("/tables/hazard_by_township.csv")));
    EXPECT_TRUE(hazards.contains(QStringLiteral("flood,台风洪涝,A,甲乡,5,高,0.5,100")))
        << hazards.toStdString();
    EXPECT_TRUE(hazards.contains(QStringLiteral("fire,森林火灾,C,丙街道,5,高,0.04,200")))
        << hazards.toStdString();

    const QJsonObject report =
        QJsonDocument::fromJson(readAll(options.outDir + QStringLiteral("/model_report.json")))
            .object();
    const QJsonArray breaks = report.value(QStringLiteral("breaks"))
                                  .toObject()
                                  .value(QStringLiteral("upper_breaks"))
                                  .toArray();
    ASSERT_EQ(breaks.size(), 5);
    EXPECT_DOUBLE_EQ(breaks[0].toDouble(), 0.1);
    EXPECT_DOUBLE_EQ(breaks[4].toDouble(), 0.47);
    EXPECT_NEAR(report.value(QStringLiteral("capacity"))
                    .toObject()
                    .value(QStringLiteral("mean"))
                    .toDouble(),
                0.4, 1e-12);
    for (const QString &file : summary.files)
        EXPECT_TRUE(QFileInfo::exists(options.outDir + QLatin1Char('/') + file))
            << file.toStdString();
    EXPECT_TRUE(QFileInfo::exists(options.outDir + QStringLiteral("/shp/risk_map.cpg")));
}

TEST(RiskPipeline, TablesAreByteIdenticalAcrossRunsAndThreadCounts)
{
    QTemporaryDir dir;
    const QString modelPath = writeHandCase(dir);
    const RiskModel model = loadRiskModel(modelPath);
    QStringList outs;
    for (const int threads : {1, 2, 1}) {
        PipelineOptions options;
        options.outDir = dir.filePath(QStringLiteral("out%1").arg(outs.size()));
        options.threads = threads;
        runRiskModel(model, options);
        outs.append(options.outDir);
    }
    const QStringList tables =
        QDir(outs[0] + QStringLiteral("/tables"))
            .entryList({QStringLiteral("*.csv"), QStringLiteral("*.xlsx")}, QDir::Files);
    ASSERT_EQ(tables.size(), 12);
    for (const QString &table : tables) {
        const QByteArray first = readAll(outs[0] + QStringLiteral("/tables/") + table);
        for (int run = 1; run < outs.size(); ++run)
            EXPECT_EQ(first, readAll(outs[run] + QStringLiteral("/tables/") + table))
                << table.toStdString() << " run " << run;
    }
    EXPECT_EQ(readAll(outs[0] + QStringLiteral("/model_report.json")),
              readAll(outs[1] + QStringLiteral("/model_report.json")));
}

TEST(RiskPipeline, ExistingOutputsNeedOverwrite)
{
    QTemporaryDir dir;
    const RiskModel model = loadRiskModel(writeHandCase(dir));
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    runRiskModel(model, options);
    EXPECT_THROW(runRiskModel(model, options), InputError);
    options.overwrite = true;
    EXPECT_NO_THROW(runRiskModel(model, options));
}

TEST(RiskPipeline, CancelledRunWritesNothing)
{
    QTemporaryDir dir;
    const RiskModel model = loadRiskModel(writeHandCase(dir));
    Feedback feedback;
    feedback.cancel();
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.feedback = &feedback;
    EXPECT_THROW(runRiskModel(model, options), CancelledError);
    EXPECT_FALSE(QFileInfo::exists(options.outDir + QStringLiteral("/risk_map.gpkg")));
}

TEST(RiskPipeline, FormulaErrorNamesTheKeyAndPosition)
{
    QTemporaryDir dir;
    QByteArray json(kModel);
    json.replace("H * (0.5 * E + 0.5 * V) * (1 - 0.3 * C)", "H * (E + X)");
    const RiskModel model = loadRiskModel(writeHandCase(dir, json));
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    try {
        runRiskModel(model, options);
        FAIL() << "no error";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.message().startsWith(QStringLiteral("combine.formula: ")))
            << error.formatted().toStdString();
        EXPECT_TRUE(error.message().contains(QStringLiteral("position 10")))
            << error.formatted().toStdString();
    }
}

TEST(RiskPipeline, InconsistentAhpIsRefusedWithItsRatio)
{
    QTemporaryDir dir;
    QByteArray json(kModel);
    // A cyclic judgement a ≫ b ≫ c ≫ a (CR far above 0.1). Two criteria are always
    // consistent, so it is made on three capacity indicators.
    json.replace(
        R"("indicators": [{"id": "shelter", "source": "shelters.gpkg", "field": "capacity"}])",
        R"("indicators": [{"id": "a", "source": "shelters.gpkg", "field": "capacity"},
                                    {"id": "b", "source": "shelters.gpkg", "field": "capacity"},
                                    {"id": "c", "source": "shelters.gpkg"}])");
    json.replace(R"("weights": {)",
                 R"("weights": {"capacity": {"method": "ahp", "order": ["a", "b", "c"],
                     "matrix": [[1, 9, 0.1111111111111111], [0.1111111111111111, 1, 9],
                                [9, 0.1111111111111111, 1]]},)");
    const RiskModel model = loadRiskModel(writeHandCase(dir, json));
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    try {
        runRiskModel(model, options);
        FAIL() << "no error";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.message().startsWith(QStringLiteral("weights.capacity: ")))
            << error.formatted().toStdString();
        EXPECT_TRUE(error.message().contains(QStringLiteral("CR")))
            << error.formatted().toStdString();
        EXPECT_EQ(error.location().file, QFileInfo(model.modelPath).absoluteFilePath());
    }
}

} // namespace

// A planner raises B (model: 中, level 3, capacity 较弱) to 高. The zonings follow the planner:
// A and B form one 高 zone of 2 km², and B, now risk 5 with capacity level 4, is 重点防治区 like
// A. The risk map keeps the model's class beside the planner's.
TEST(RiskPipeline, PlannerOverridesDriveTheZonings)
{
    QTemporaryDir dir;
    const QString modelPath = writeHandCase(dir);
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.threads = 1;
    options.levelOverrides = {{QStringLiteral("B"), 5, QStringLiteral("2024年汛期实地核查")},
                              {QStringLiteral("Z"), 2, QStringLiteral("no such unit")}};
    const PipelineSummary summary = runRiskModel(loadRiskModel(modelPath), options);
    EXPECT_EQ(summary.unitsPerLevel, (std::vector<qint64>{1, 0, 0, 0, 2}));
    EXPECT_TRUE(summary.warnings.contains(QStringLiteral("override of unit Z matches no unit; "
                                                         "ignored")))
        << summary.warnings.join(QLatin1Char('\n')).toStdString();

    const model::VectorLayer map = io::readLayer(options.outDir + QStringLiteral("/risk_map.gpkg"));
    ASSERT_EQ(map.features.size(), 3u);
    expectOverriddenUnits(map, {{5, 5, 0, 3}, {5, 3, 1, 3}, {1, 1, 0, 1}});
    EXPECT_EQ(valueOf(map, 1, "override_reason").toString(), QStringLiteral("2024年汛期实地核查"));
    EXPECT_EQ(valueOf(map, 1, "level_name").toString(), QStringLiteral("高"));
    EXPECT_TRUE(valueOf(map, 0, "override_reason").isNull());

    const model::VectorLayer zoning =
        io::readLayer(options.outDir + QStringLiteral("/risk_zoning.gpkg"));
    ASSERT_EQ(zoning.features.size(), 2u);
    EXPECT_EQ(valueOf(zoning, 0, "level").toInt(), 1);
    EXPECT_NEAR(valueOf(zoning, 0, "area_km2").toDouble(), 1.0, 1e-12);
    EXPECT_EQ(valueOf(zoning, 1, "level").toInt(), 5);
    EXPECT_NEAR(valueOf(zoning, 1, "area_km2").toDouble(), 2.0, 1e-12);
    const model::VectorLayer prevention =
        io::readLayer(options.outDir + QStringLiteral("/prevention_zoning.gpkg"));
    ASSERT_EQ(prevention.features.size(), 2u);
    EXPECT_EQ(valueOf(prevention, 1, "level_name").toString(), QStringLiteral("重点防治区"));
    EXPECT_NEAR(valueOf(prevention, 1, "area_km2").toDouble(), 2.0, 1e-12);
}

TEST(RiskPipeline, OverrideLevelOutsideOneToFiveIsRefused)
{
    QTemporaryDir dir;
    const QString modelPath = writeHandCase(dir);
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.levelOverrides = {{QStringLiteral("A"), 6, QStringLiteral("typo")}};
    try {
        runRiskModel(loadRiskModel(modelPath), options);
        FAIL() << "an override to level 6 ran";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.message().contains(QStringLiteral("override of unit A: level 6")))
            << error.formatted().toStdString();
    }
    EXPECT_FALSE(QFileInfo::exists(options.outDir + QStringLiteral("/risk_map.gpkg")));
}

// The hand-worked case with the flood hazard as a raster of 100 m levels (the same areas: level 1
// on columns 0–4, level 3 on columns 10–19, nodata elsewhere) and a second exposure indicator,
// roads by length, laid out so that its min–max values equal the persons' (E unchanged):
//   road 1 from (−200, 100) to (3200, 100): 1 km in each of A, B, C;
//   road 2, three parts in B: (1100,300)–(1900,300), (1100,600)–(1900,600), (1200,800)–
//     (1600,800): 0.8 + 0.8 + 0.4 = 2 km;
//   road 3 from (2000, 500) to (3500, 500): 1 km in C; it only touches B at (2000, 500).
// → roads A 1, B 3, C 2 km; min–max 0, 1, 0.5 as the persons'. Every other value is as above.
TEST(RiskPipeline, RasterHazardAndRoadLengthGiveTheHandWorkedValues)
{
    QTemporaryDir dir;
    QByteArray model(kModel);
    model.replace("\"flood.gpkg\"", "\"flood.tif\"");
    model.replace(R"("field": "persons"}],)",
                  R"("field": "persons"},
               {"id": "roads", "name": "道路", "source": "roads.gpkg", "kind": "length"}],)");
    const QString modelPath = writeHandCase(dir, model);
    {
        GDALDatasetH dataset =
            GDALCreate(GDALGetDriverByName("GTiff"),
                       QFile::encodeName(dir.filePath(QStringLiteral("flood.tif"))).constData(), 30,
                       10, 1, GDT_Int16, nullptr);
        double transform[6] = {kX, 100, 0, kY + 1000, 0, -100};
        GDALSetGeoTransform(dataset, transform);
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, 4549);
        GDALSetSpatialRef(dataset, srs);
        OSRRelease(srs);
        GDALRasterBandH band = GDALGetRasterBand(dataset, 1);
        GDALSetRasterNoDataValue(band, -1);
        std::vector<qint16> levels(300, -1);
        for (int row = 0; row < 10; ++row) {
            for (int column = 0; column < 30; ++column) {
                if (column < 5)
                    levels[std::size_t(row * 30 + column)] = 1;
                else if (column >= 10 && column < 20)
                    levels[std::size_t(row * 30 + column)] = 3;
            }
        }
        EXPECT_EQ(
            GDALRasterIO(band, GF_Write, 0, 0, 30, 10, levels.data(), 30, 10, GDT_Int16, 0, 0),
            CE_None);
        GDALClose(dataset);
    }
    auto line = [](std::initializer_list<std::pair<double, double>> points) {
        QStringList parts;
        for (const auto &[x, y] : points)
            parts.append(QStringLiteral("%1 %2").arg(kX + x, 0, 'f', 3).arg(kY + y, 0, 'f', 3));
        return QStringLiteral("(%1)").arg(parts.join(QLatin1Char(',')));
    };
    writeLayerFile(dir.filePath(QStringLiteral("roads.gpkg")), model::GeometryType::MultiLineString,
                   {{QStringLiteral("name"), model::FieldType::String}},
                   {{QStringLiteral("MULTILINESTRING(%1)").arg(line({{-200, 100}, {3200, 100}})),
                     {QStringLiteral("国道")}},
                    {QStringLiteral("MULTILINESTRING(%1,%2,%3)")
                         .arg(line({{1100, 300}, {1900, 300}}), line({{1100, 600}, {1900, 600}}),
                              line({{1200, 800}, {1600, 800}})),
                     {QStringLiteral("乡道")}},
                    {QStringLiteral("MULTILINESTRING(%1)").arg(line({{2000, 500}, {3500, 500}})),
                     {QStringLiteral("县道")}}});

    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.threads = 2;
    const PipelineSummary summary = runRiskModel(loadRiskModel(modelPath), options);
    EXPECT_EQ(summary.unitsPerLevel, (std::vector<qint64>{1, 0, 1, 0, 1}));
    const model::VectorLayer map = io::readLayer(options.outDir + QStringLiteral("/risk_map.gpkg"));
    ASSERT_EQ(map.features.size(), 3u);
    const double h[] = {0.5, 0.6, 0.0};
    const double roads[] = {1.0, 3.0, 2.0};
    const double E[] = {0.0, 1.0, 0.5};
    const double risk[] = {0.47, 4.0 / 9.0, 0.0};
    for (std::size_t i = 0; i < 3; ++i) {
        SCOPED_TRACE(i);
        EXPECT_NEAR(valueOf(map, i, "h_flood").toDouble(), h[i], 1e-9);
        EXPECT_NEAR(valueOf(map, i, "e_roads").toDouble(), roads[i], 1e-9);
        EXPECT_NEAR(valueOf(map, i, "E").toDouble(), E[i], 1e-9);
        EXPECT_NEAR(valueOf(map, i, "risk").toDouble(), risk[i], 1e-9);
    }

    // The raster's map: one dissolved polygon per level, turned around by the score table.
    const model::VectorLayer flood =
        io::readLayer(options.outDir + QStringLiteral("/hazard_flood.gpkg"));
    ASSERT_EQ(flood.features.size(), 2u);
    for (std::size_t f = 0; f < 2; ++f) {
        const bool high = valueOf(flood, f, "src_level").toString() == QStringLiteral("1");
        EXPECT_EQ(valueOf(flood, f, "level").toInt(), high ? 5 : 3);
        EXPECT_EQ(valueOf(flood, f, "level_name").toString(),
                  high ? QStringLiteral("高") : QStringLiteral("中"));
        EXPECT_NEAR(valueOf(flood, f, "area_km2").toDouble(), high ? 0.5 : 1.0, 1e-12);
    }

    // Tables: roads in km next to the persons.
    const QString csv =
        QString::fromUtf8(readAll(options.outDir + QStringLiteral("/tables/risk_by_township.csv")));
    EXPECT_TRUE(csv.contains(QStringLiteral("A,甲乡,5,高,1,100,1\r\n")) ||
                csv.contains(QStringLiteral("A,甲乡,5,高,1,100,1\n")))
        << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("total,合计,3,中,1,300,3"))) << csv.toStdString();
    const QString hazards = QString::fromUtf8(
        readAll(options.outDir + QStringLiteral("/tables/hazard_by_township.csv")));
    EXPECT_TRUE(hazards.contains(QStringLiteral("flood,台风洪涝,A,甲乡,5,高,0.5,100,0.5")))
        << hazards.toStdString();
}

// Zone keys worked out by hand: "Z" and the first 12 hex digits of the SHA-256 of the zone's unit
// ids sorted and joined by "\n" (`printf 'B' | sha256sum`, `printf 'A\nB' | sha256sum`, …).
const QString kZoneB = QStringLiteral("Zdf7e70e50215");
const QString kZoneC = QStringLiteral("Z6b23c0d5f35d");
const QString kZoneAB = QStringLiteral("Z23519a43c66b");

// A planner raises the risk zone that is unit B alone (中) to 高 and sets the prevention zone
// that is C alone (一般) to 次重点; a third override names a zone that does not exist. By hand:
// B becomes 高 (capacity 较弱, so 重点防治区 like A); A and B form one 高 zone of 2 km²
// (= zoneKey of A and B); C stays 低 but is 次重点防治区 by the planner; the stale key is
// reported and changes nothing.
TEST(RiskPipeline, ZoneOverridesApplyToTheUnitsTheyHold)
{
    QTemporaryDir dir;
    const QString modelPath = writeHandCase(dir);
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.threads = 1;
    options.riskZoneOverrides = {{kZoneB, 5, QStringLiteral("山洪沟道复核")},
                                 {QStringLiteral("Z000000000000"), 2, QStringLiteral("旧分区")}};
    options.preventionZoneOverrides = {{kZoneC, 2, QStringLiteral("下游有学校")}};
    const PipelineSummary summary = runRiskModel(loadRiskModel(modelPath), options);
    EXPECT_EQ(summary.unitsPerLevel, (std::vector<qint64>{1, 0, 0, 0, 2}));
    ASSERT_EQ(summary.riskZoneOverrides.size(), 2u);
    EXPECT_TRUE(summary.riskZoneOverrides[0].applied);
    EXPECT_EQ(summary.riskZoneOverrides[0].modelLevel, 3);
    EXPECT_EQ(summary.riskZoneOverrides[0].name, QStringLiteral("乙镇"));
    EXPECT_EQ(summary.riskZoneOverrides[0].features, 1);
    EXPECT_FALSE(summary.riskZoneOverrides[1].applied);
    EXPECT_TRUE(summary.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("Z000000000000")))
        << summary.warnings.join(QLatin1Char('\n')).toStdString();
    ASSERT_EQ(summary.preventionZoneOverrides.size(), 1u);
    EXPECT_TRUE(summary.preventionZoneOverrides[0].applied);
    EXPECT_EQ(summary.preventionZoneOverrides[0].modelLevel, 1);
    EXPECT_EQ(summary.riskZones, 2);
    EXPECT_EQ(summary.preventionZones, 2);

    const model::VectorLayer map = io::readLayer(options.outDir + QStringLiteral("/risk_map.gpkg"));
    ASSERT_EQ(map.features.size(), 3u);
    expectOverriddenUnits(map, {{5, 5, 0, 3}, {5, 3, 1, 3}, {1, 1, 0, 2}});
    EXPECT_EQ(valueOf(map, 1, "override_reason").toString(), QStringLiteral("山洪沟道复核"));
    EXPECT_EQ(valueOf(map, 2, "prev_reason").toString(), QStringLiteral("下游有学校"));
    EXPECT_TRUE(valueOf(map, 0, "prev_reason").isNull());

    const model::VectorLayer zoning =
        io::readLayer(options.outDir + QStringLiteral("/risk_zoning.gpkg"));
    ASSERT_EQ(zoning.features.size(), 2u);
    EXPECT_EQ(valueOf(zoning, 0, "zone_id").toString(), kZoneC);
    EXPECT_EQ(valueOf(zoning, 0, "level").toInt(), 1);
    EXPECT_EQ(valueOf(zoning, 0, "overridden").toInt(), 0);
    EXPECT_EQ(valueOf(zoning, 1, "zone_id").toString(), kZoneAB);
    EXPECT_EQ(valueOf(zoning, 1, "level").toInt(), 5);
    EXPECT_NEAR(valueOf(zoning, 1, "area_km2").toDouble(), 2.0, 1e-12);
    EXPECT_EQ(valueOf(zoning, 1, "units").toInt(), 2);
    EXPECT_EQ(valueOf(zoning, 1, "overridden").toInt(), 1);
    EXPECT_EQ(valueOf(zoning, 1, "override_reason").toString(), QStringLiteral("山洪沟道复核"));

    const model::VectorLayer prevention =
        io::readLayer(options.outDir + QStringLiteral("/prevention_zoning.gpkg"));
    ASSERT_EQ(prevention.features.size(), 2u);
    EXPECT_EQ(valueOf(prevention, 0, "zone_id").toString(), kZoneC);
    EXPECT_EQ(valueOf(prevention, 0, "level_name").toString(), QStringLiteral("次重点防治区"));
    EXPECT_EQ(valueOf(prevention, 0, "overridden").toInt(), 1);
    EXPECT_EQ(valueOf(prevention, 0, "override_reason").toString(), QStringLiteral("下游有学校"));
    EXPECT_EQ(valueOf(prevention, 1, "level").toInt(), 3);
    EXPECT_NEAR(valueOf(prevention, 1, "area_km2").toDouble(), 2.0, 1e-12);
    EXPECT_EQ(valueOf(prevention, 1, "overridden").toInt(), 0);

    // The tables follow: B's 1 km² and 300 persons are 高 now.
    const QString csv =
        QString::fromUtf8(readAll(options.outDir + QStringLiteral("/tables/risk_by_township.csv")));
    EXPECT_TRUE(csv.contains(QStringLiteral("B,乙镇,5,高,1,300"))) << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("B,乙镇,3,中,0,0"))) << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("total,合计,5,高,2,400"))) << csv.toStdString();
    const QString breaks =
        QString::fromUtf8(readAll(options.outDir + QStringLiteral("/tables/breaks.csv")));
    EXPECT_TRUE(breaks.contains(QStringLiteral("\n5,高,manual,0.46,"))) << breaks.toStdString();
}

// The planner then overrides the merged output zone (A and B, 高) to 较高. On a rerun with all
// overrides, B's zone is applied first, which makes the A+B zone, whose override is applied in
// a second pass: A and B end 较高. By hand, prevention: A and B (risk 4) match no rule, C (1)
// neither: one 一般 zone of all three, so the override of the zone "C alone" no longer finds
// its zone and is reported, not applied.
TEST(RiskPipeline, ZoneOverridesOfOverriddenZonesSurviveARerun)
{
    QTemporaryDir dir;
    const QString modelPath = writeHandCase(dir);
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.threads = 1;
    options.riskZoneOverrides = {{kZoneB, 5, QStringLiteral("山洪沟道复核")},
                                 {kZoneAB, 4, QStringLiteral("整体降一级")}};
    options.preventionZoneOverrides = {{kZoneC, 2, QStringLiteral("下游有学校")}};
    const PipelineSummary summary = runRiskModel(loadRiskModel(modelPath), options);
    EXPECT_EQ(summary.unitsPerLevel, (std::vector<qint64>{1, 0, 0, 2, 0}));
    ASSERT_EQ(summary.riskZoneOverrides.size(), 2u);
    EXPECT_TRUE(summary.riskZoneOverrides[1].applied);
    EXPECT_EQ(summary.riskZoneOverrides[1].modelLevel, 5);
    EXPECT_EQ(summary.riskZoneOverrides[1].features, 2);
    EXPECT_EQ(summary.riskZoneOverrides[1].name, QStringLiteral("甲乡、乙镇"));
    ASSERT_EQ(summary.preventionZoneOverrides.size(), 1u);
    EXPECT_FALSE(summary.preventionZoneOverrides[0].applied);
    EXPECT_TRUE(summary.warnings.join(QLatin1Char('\n')).contains(kZoneC));

    const model::VectorLayer zoning =
        io::readLayer(options.outDir + QStringLiteral("/risk_zoning.gpkg"));
    ASSERT_EQ(zoning.features.size(), 2u);
    EXPECT_EQ(valueOf(zoning, 1, "level").toInt(), 4);
    EXPECT_EQ(valueOf(zoning, 1, "zone_id").toString(), kZoneAB);
    EXPECT_EQ(valueOf(zoning, 1, "override_reason").toString(), QStringLiteral("整体降一级"));
    const model::VectorLayer prevention =
        io::readLayer(options.outDir + QStringLiteral("/prevention_zoning.gpkg"));
    ASSERT_EQ(prevention.features.size(), 1u);
    EXPECT_EQ(valueOf(prevention, 0, "level").toInt(), 1);
    EXPECT_EQ(valueOf(prevention, 0, "units").toInt(), 3);
    EXPECT_EQ(valueOf(prevention, 0, "overridden").toInt(), 0);
}

TEST(RiskPipeline, ZoneOverrideOutsideThePaletteIsRefused)
{
    QTemporaryDir dir;
    const QString modelPath = writeHandCase(dir);
    PipelineOptions options;
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.preventionZoneOverrides = {{kZoneC, 4, QStringLiteral("typo")}};
    try {
        runRiskModel(loadRiskModel(modelPath), options);
        FAIL() << "a prevention zone override to level 4 ran";
    } catch (const InputError &error) {
        EXPECT_TRUE(
            error.message().contains(QStringLiteral("prevention_zoning zone %1").arg(kZoneC)))
            << error.formatted().toStdString();
    }
    EXPECT_FALSE(QFileInfo::exists(options.outDir + QStringLiteral("/risk_map.gpkg")));
}
