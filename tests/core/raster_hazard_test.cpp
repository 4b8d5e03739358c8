// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/raster_hazard.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/geos/geos_context.h"
#include "core/hazard/hazard_indicator.h"
#include "core/hazard/hazard_map.h"
#include "core/overlay/dissolve.h"
#include "core/style/palette.h"

#include "support/test_support.h"

#include <QFile>
#include <QTemporaryDir>

#include <gdal.h>
#include <ogr_srs_api.h>

#include "support/metric_fixtures.h"

#include <gtest/gtest.h>

#include <map>
#include <vector>

using namespace riskatlas;
using namespace riskatlas::hazard;

namespace {

// A hand-made level raster: 6 × 3 cells of 100 m in EPSG:4549, top-left corner at
// (kX, kY + 300); ∅ = nodata (−1):
//
//            col 0  1  2 | 3  4  5        x: col c spans [100c, 100c + 100]
//   row 0:       1  2  3 | 5  5  ∅        y 200–300
//   row 1:       1  2  3 | 4  ∅  2        y 100–200
//   row 2:       1  1  1 | 4  4  5        y   0–100
//
// Units: U1 = [0,300]×[0,300] (9 cells), U2 = [300,500]×[0,300] (6 cells, one nodata),
// U3 = [520,580]×[120,180], a 60 m square inside cell (row 1, col 5): it holds that cell's
// centre only, so it takes the cell by covered fraction 3600/10000.
// Scores 1→0.2, 2→0.4, 3→0.6, 4→0.8, 5→1.0; cells are 10 000 m².
//   U1: scores .2 .4 .6 / .2 .4 .6 / .2 .2 .2, Σ = 3.0
//       mean = 3.0·10 000 / 90 000 = 1/3;  max = 0.6;  share ≥ level 3 (0.6) = 2/9
//   U2: scores 1.0 1.0 / 0.8 ∅ / 0.8 0.8, Σ = 4.4 over 5 cells (the nodata cell counts 0)
//       mean = 4.4·10 000 / 60 000 = 11/15;  max = 1.0;  share = 50 000 / 60 000 = 5/6
//   U3: one cell of level 2: mean = 0.4·3 600 / 3 600 = 0.4;  max = 0.4;  share = 0
// The same cells as vector polygons give the same values (the cells align with the units).
constexpr double kX = test::kMetricX;
constexpr double kY = test::kMetricY;
using test::box;
constexpr int kColumns = 6;
constexpr int kRows = 3;
const int kLevels[kRows][kColumns] = {{1, 2, 3, 5, 5, -1}, {1, 2, 3, 4, -1, 2}, {1, 1, 1, 4, 4, 5}};

QString writeLevels(const QTemporaryDir &dir, const QString &name, int oddCell = 0)
{
    GDALAllRegister();
    const QString path = dir.filePath(name);
    GDALDatasetH dataset =
        GDALCreate(GDALGetDriverByName("GTiff"), QFile::encodeName(path).constData(), kColumns,
                   kRows, 1, GDT_Int16, nullptr);
    double transform[6] = {kX, 100, 0, kY + 300, 0, -100};
    GDALSetGeoTransform(dataset, transform);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 4549);
    GDALSetSpatialRef(dataset, srs);
    OSRRelease(srs);
    GDALRasterBandH band = GDALGetRasterBand(dataset, 1);
    GDALSetRasterNoDataValue(band, -1);
    std::vector<qint16> values;
    for (const auto &row : kLevels) {
        for (int value : row)
            values.push_back(qint16(value));
    }
    if (oddCell != 0)
        values[1 * kColumns + 2] = qint16(oddCell); // row 1, column 2
    EXPECT_EQ(GDALRasterIO(band, GF_Write, 0, 0, kColumns, kRows, values.data(), kColumns, kRows,
                           GDT_Int16, 0, 0),
              CE_None);
    GDALClose(dataset);
    return path;
}

model::VectorLayer layerOf(const QStringList &wkts, const model::Fields &fields,
                           const std::vector<QVariantList> &attributes)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = QStringLiteral("layer");
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = model::GeometryType::Polygon;
    layer.fields = fields;
    for (qsizetype i = 0; i < wkts.size(); ++i) {
        const geos::GeometryPtr geometry = geos::fromWkt(context, wkts[i]);
        layer.features.push_back(
            {i + 1, attributes[std::size_t(i)], geos::toWkb(context, geometry.get())});
    }
    return layer;
}

model::VectorLayer units()
{
    return layerOf({box(0, 0, 300, 300), box(300, 0, 500, 300), box(520, 120, 580, 180)},
                   {{QStringLiteral("id"), model::FieldType::String}},
                   {{QStringLiteral("U1")}, {QStringLiteral("U2")}, {QStringLiteral("U3")}});
}

// The raster's cells as vector polygons, one square per valid cell.
model::VectorLayer cellPolygons()
{
    QStringList wkts;
    std::vector<QVariantList> levels;
    for (int row = 0; row < kRows; ++row) {
        for (int column = 0; column < kColumns; ++column) {
            if (kLevels[row][column] < 0)
                continue;
            const double top = 300 - 100.0 * row;
            wkts.append(box(100.0 * column, top - 100, 100.0 * column + 100, top));
            levels.push_back({kLevels[row][column]});
        }
    }
    return layerOf(wkts, {{QStringLiteral("level"), model::FieldType::Integer}}, levels);
}

HazardSpec spec(const QString &source, HazardAggregation aggregation, bool lowIsOne = true)
{
    HazardSpec h;
    h.id = QStringLiteral("quake");
    h.name = QStringLiteral("地震");
    h.source = source;
    h.levelField = QStringLiteral("level");
    for (int level = 1; level <= 5; ++level)
        h.scores.insert(QString::number(level), lowIsOne ? 0.2 * level : 1.2 - 0.2 * level);
    h.aggregation = aggregation;
    if (aggregation == HazardAggregation::ShareAtOrAbove)
        h.threshold = QStringLiteral("3");
    return h;
}

const QString kModel = QStringLiteral("/models/model.json");

struct Case
{
    HazardAggregation aggregation;
    std::vector<double> expected;
};

const std::vector<Case> kCases = {
    {HazardAggregation::AreaWeightedMean, {1.0 / 3, 11.0 / 15, 0.4}},
    {HazardAggregation::MaxLevel, {0.6, 1.0, 0.4}},
    {HazardAggregation::ShareAtOrAbove, {2.0 / 9, 5.0 / 6, 0.0}},
};

TEST(RasterHazard, AggregationsWorkedOutByHand)
{
    QTemporaryDir dir;
    const QString raster = writeLevels(dir, QStringLiteral("地震 levels.tif"));
    for (const Case &c : kCases) {
        for (int threads : {1, 2}) {
            const std::vector<double> h = rasterHazardIndicator(
                units(), spec(raster, c.aggregation), 0, kModel, threads, nullptr);
            ASSERT_EQ(h.size(), 3U);
            for (std::size_t u = 0; u < 3; ++u)
                EXPECT_NEAR(h[u], c.expected[u], 1e-12)
                    << "aggregation " << int(c.aggregation) << " unit " << u;
        }
    }
}

TEST(RasterHazard, SameAsTheVectorHazardWhenCellsAlign)
{
    QTemporaryDir dir;
    const QString raster = writeLevels(dir, QStringLiteral("levels.tif"));
    for (const Case &c : kCases) {
        const HazardSpec h = spec(raster, c.aggregation);
        const ScoredHazard vector = scoreHazardLayer(cellPolygons(), h, 0, kModel, nullptr);
        const std::vector<double> fromVector = hazardIndicator(units(), vector, 1, nullptr);
        const std::vector<double> fromRaster =
            rasterHazardIndicator(units(), h, 0, kModel, 1, nullptr);
        ASSERT_EQ(fromVector.size(), fromRaster.size());
        for (std::size_t u = 0; u < fromVector.size(); ++u) {
            EXPECT_NEAR(fromVector[u], c.expected[u], 1e-9);
            EXPECT_NEAR(fromRaster[u], fromVector[u], 1e-9);
        }
    }
}

TEST(RasterHazard, CellAreasAreMeasuredInTheUnitsCrs)
{
    // The units in UTM 51N (EPSG:32651), 3° east of the raster's Gauss-Krüger meridian: each
    // cell's area is taken in UTM, as the unit's, so the ratios stay those worked out above.
    // Taking the raster's own 10 000 m² per cell instead would be 0.14 % off (the two
    // projections' scale factors differ by about 0.0007 here).
    QTemporaryDir dir;
    const QString raster = writeLevels(dir, QStringLiteral("levels.tif"));
    model::VectorLayer utm = units();
    const crs::CoordinateTransform transform(utm.crs, crs::Crs::fromEpsg(32651));
    for (model::Feature &feature : utm.features)
        feature.wkb = transform.transformWkb(feature.wkb);
    utm.crs = crs::Crs::fromEpsg(32651);
    const std::vector<double> h = rasterHazardIndicator(
        utm, spec(raster, HazardAggregation::AreaWeightedMean), 0, kModel, 1, nullptr);
    EXPECT_NEAR(h[0], 1.0 / 3, 2e-5);
    EXPECT_NEAR(h[1], 11.0 / 15, 2e-5);
    EXPECT_NEAR(h[2], 0.4, 2e-5);
}

TEST(RasterHazard, PolygonisedMapByLevel)
{
    // Whole raster, per level: 1 → 5 cells, 2 → 3, 3 → 2, 4 → 3, 5 → 3 (× 0.01 km²).
    // Clipped to U1 ∪ U2 ∪ U3: 1 → 0.05, 2 → 0.02 + 0.0036 (U3's share of its cell),
    // 3 → 0.02, 4 → 0.03, 5 → 0.02 (the level 5 cell at row 2, col 5 lies outside).
    // Scores numbered 1 = high (1→1.0 … 5→0.2): grade = 6 − level.
    QTemporaryDir dir;
    const QString raster = writeLevels(dir, QStringLiteral("levels.tif"));
    const HazardSpec h = spec(raster, HazardAggregation::AreaWeightedMean, false);
    const ScoredHazard scored =
        polygoniseRasterHazard(h, 0, kModel, crs::Crs::fromEpsg(4549), 1, nullptr);
    ASSERT_EQ(scored.layer.features.size(), 5U);
    geos::Context context;
    const int levelIndex = model::fieldIndex(scored.layer.fields, QStringLiteral("level"));
    std::map<int, double> wholeArea;
    for (const model::Feature &feature : scored.layer.features)
        wholeArea[feature.attributes.value(levelIndex).toInt()] +=
            overlay::wkbArea(context, feature.wkb);
    EXPECT_EQ(wholeArea,
              (std::map<int, double>{{1, 50000}, {2, 30000}, {3, 20000}, {4, 30000}, {5, 30000}}));

    model::VectorLayer study = units();
    const overlay::DissolveResult area = overlay::dissolve(study, {}, {});
    const model::VectorLayer map = hazardMap(
        scored, area.layer, style::loadPalette(QStringLiteral("five_colour")), 1, nullptr);
    ASSERT_EQ(map.features.size(), 5U);
    const std::map<QString, std::pair<int, double>> expected = {{QStringLiteral("1"), {5, 0.05}},
                                                                {QStringLiteral("2"), {4, 0.0236}},
                                                                {QStringLiteral("3"), {3, 0.02}},
                                                                {QStringLiteral("4"), {2, 0.03}},
                                                                {QStringLiteral("5"), {1, 0.02}}};
    for (const model::Feature &feature : map.features) {
        const QString level = feature.attributes.value(2).toString();
        ASSERT_TRUE(expected.count(level)) << level.toStdString();
        EXPECT_EQ(feature.attributes.value(0).toString(), QStringLiteral("quake"));
        EXPECT_EQ(feature.attributes.value(1).toString(), QStringLiteral("地震"));
        EXPECT_EQ(feature.attributes.value(3).toInt(), expected.at(level).first);
        EXPECT_FALSE(feature.attributes.value(4).toString().isEmpty());
        EXPECT_TRUE(feature.attributes.value(5).toString().startsWith(QLatin1Char('#')));
        EXPECT_NEAR(feature.attributes.value(6).toDouble(), expected.at(level).second, 1e-9)
            << "level " << level.toStdString();
    }
}

TEST(RasterHazard, ValueWithoutLevelNamesRasterValueAndCell)
{
    QTemporaryDir dir;
    const QString raster = writeLevels(dir, QStringLiteral("odd.tif"), 7);
    const HazardSpec h = spec(raster, HazardAggregation::MaxLevel);
    for (int pass = 0; pass < 2; ++pass) {
        try {
            if (pass == 0)
                polygoniseRasterHazard(h, 2, kModel, crs::Crs::fromEpsg(4549), 1, nullptr);
            else
                rasterHazardIndicator(units(), h, 2, kModel, 1, nullptr);
            ADD_FAILURE() << "no error for the value 7";
        } catch (const InputError &error) {
            const QString message = error.formatted();
            EXPECT_TRUE(message.contains(QStringLiteral("odd.tif"))) << message.toStdString();
            EXPECT_TRUE(message.contains(QStringLiteral("cell value 7 (row 1, column 2")))
                << message.toStdString();
            EXPECT_TRUE(message.contains(QStringLiteral("hazards[2].scores")))
                << message.toStdString();
            // Polygonising sees the whole raster, so it also says how many cells hold the value.
            EXPECT_EQ(message.contains(QStringLiteral("1 cell(s) in all")), pass == 0)
                << message.toStdString();
        }
    }
}

TEST(RasterHazard, LevelsMustBeIntegers)
{
    QTemporaryDir dir;
    HazardSpec h =
        spec(writeLevels(dir, QStringLiteral("levels.tif")), HazardAggregation::AreaWeightedMean);
    h.scores.remove(QStringLiteral("5"));
    h.scores.insert(QStringLiteral("high"), 1.0);
    try {
        rasterHazardIndicator(units(), h, 1, kModel, 1, nullptr);
        ADD_FAILURE() << "no error for the level \"high\"";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.formatted().contains(QStringLiteral("hazards[1].scores.\"high\"")))
            << error.formatted().toStdString();
    }
    // "01" and "1" are the same cell value.
    h.scores.remove(QStringLiteral("high"));
    h.scores.insert(QStringLiteral("01"), 1.0);
    try {
        polygoniseRasterHazard(h, 1, kModel, crs::Crs::fromEpsg(4549), 1, nullptr);
        ADD_FAILURE() << "no error for the levels \"01\" and \"1\"";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.formatted().contains(QStringLiteral("level 1 is given twice")))
            << error.formatted().toStdString();
    }
}

} // namespace
