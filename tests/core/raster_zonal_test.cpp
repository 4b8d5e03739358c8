// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/raster_zonal.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"

#include "support/test_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gdal.h>
#include <ogr_srs_api.h>

#include <gtest/gtest.h>

#include <utility>
#include <vector>

using namespace riskatlas;
using namespace riskatlas::overlay;

namespace {

constexpr double kX = 500000;
constexpr double kY = 3000000;

// A 4×4 raster of 1 m cells, EPSG:4549, top-left corner at (kX, kY + 4), Float32:
//    row 0:  1  2  3  4        (y 3 000 003 – 3 000 004)
//    row 1:  5  6  7  8
//    row 2:  9 10 11 12
//    row 3: 13 14 15  ∅        (y 3 000 000 – 3 000 001; ∅ = nodata −9999)
QString writeRaster(const QTemporaryDir &dir, bool withCrs = true)
{
    GDALAllRegister();
    const QString path =
        dir.filePath(withCrs ? QStringLiteral("grid.tif") : QStringLiteral("grid_nocrs.tif"));
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    GDALDatasetH dataset =
        GDALCreate(driver, QFile::encodeName(path).constData(), 4, 4, 1, GDT_Float32, nullptr);
    double transform[6] = {kX, 1, 0, kY + 4, 0, -1};
    GDALSetGeoTransform(dataset, transform);
    if (withCrs) {
        OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, 4549);
        GDALSetSpatialRef(dataset, srs);
        OSRRelease(srs);
    }
    GDALRasterBandH band = GDALGetRasterBand(dataset, 1);
    GDALSetRasterNoDataValue(band, -9999);
    float values[16];
    for (int i = 0; i < 16; ++i)
        values[i] = float(i + 1);
    values[15] = -9999;
    EXPECT_EQ(GDALRasterIO(band, GF_Write, 0, 0, 4, 4, values, 4, 4, GDT_Float32, 0, 0), CE_None);
    GDALClose(dataset);
    return path;
}

using Ring = std::vector<std::pair<double, double>>;

QString ringWkt(const Ring &ring)
{
    QStringList points;
    for (const auto &[x, y] : ring)
        points.append(QStringLiteral("%1 %2").arg(kX + x, 0, 'f', 6).arg(kY + y, 0, 'f', 6));
    points.append(points.first());
    return QStringLiteral("(%1)").arg(points.join(QStringLiteral(",")));
}

QString box(double x0, double y0, double x1, double y1)
{
    return QStringLiteral("POLYGON(%1)").arg(ringWkt({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}));
}

model::VectorLayer unitsOf(const QStringList &wkts, int epsg = 4549)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = QStringLiteral("units");
    layer.crs = crs::Crs::fromEpsg(epsg);
    layer.geometryType = model::GeometryType::Polygon;
    layer.fields = {{QStringLiteral("id"), model::FieldType::Integer}};
    int id = 0;
    for (const QString &wkt : wkts) {
        const geos::GeometryPtr geometry = geos::fromWkt(context, wkt);
        layer.features.push_back({id, {id}, geos::toWkb(context, geometry.get())});
        ++id;
    }
    return layer;
}

RasterZonalOptions allStatistics(int threads = 1)
{
    RasterZonalOptions options;
    options.statistics = {RasterStatistic::Count, RasterStatistic::Sum, RasterStatistic::Mean,
                          RasterStatistic::Max};
    options.threads = threads;
    return options;
}

QVariant valueOf(const model::VectorLayer &layer, std::size_t feature, const QString &field)
{
    const int index = model::fieldIndex(layer.fields, field);
    EXPECT_GE(index, 0) << field.toStdString();
    return index < 0 ? QVariant() : layer.features.at(feature).attributes.value(index);
}

struct Expected
{
    double count;
    double sum;
    double mean; // NaN: null
    double max;  // NaN: null
};

void expectStats(const model::VectorLayer &out, std::size_t unit, const Expected &expected)
{
    SCOPED_TRACE(unit);
    EXPECT_NEAR(valueOf(out, unit, QStringLiteral("count")).toDouble(), expected.count, 1e-9);
    EXPECT_NEAR(valueOf(out, unit, QStringLiteral("sum")).toDouble(), expected.sum, 1e-9);
    for (const auto &[name, value] : {std::pair{QStringLiteral("mean"), expected.mean},
                                      std::pair{QStringLiteral("max"), expected.max}}) {
        const QVariant actual = valueOf(out, unit, name);
        if (std::isnan(value))
            EXPECT_TRUE(actual.isNull()) << name.toStdString();
        else
            EXPECT_NEAR(actual.toDouble(), value, 1e-9) << name.toStdString();
    }
}

} // namespace

// Units and the cells whose centres they hold, worked out by hand on the 4×4 grid above.
// QGIS 3.22's native:zonalstatisticsfb gave the same numbers for units 0–3 on this grid.
TEST(RasterZonal, CellCentresInsideByHand)
{
    QTemporaryDir dir;
    const QString raster = writeRaster(dir);
    const model::VectorLayer units = unitsOf({
        // 0: the bottom-left 2×2 cells: 9 10 13 14
        box(0, 0, 2, 2),
        // 1: the bottom-right 2×2 cells: 11 12 15, and the nodata cell left out
        box(2, 0, 4, 2),
        // 2: 0.5 × 0.3 m inside the cell of 5, no centre: QGIS's covered-fraction fallback,
        //    weight 0.15
        box(0.2, 2.2, 0.7, 2.5),
        // 3: 1 × 1 m centred on the corner of cells 2 3 6 7; the centre (1.5, 2.5) of cell 6
        //    lies on its corner, so no centre is inside: a quarter of each cell
        box(1.5, 2.5, 2.5, 3.5),
        // 4: the whole grid less a 2×2 hole: the ring of 12 cells, less the nodata one;
        //    1+2+3+4+5+8+9+12+13+14+15 = 86
        QStringLiteral("POLYGON(%1,%2)")
            .arg(ringWkt({{0, 0}, {4, 0}, {4, 4}, {0, 4}}),
                 ringWkt({{1, 1}, {1, 3}, {3, 3}, {3, 1}})),
        // 5: outside the raster
        box(10, 10, 12, 12),
        // 6: a 2×2 unit whose edges run through cell centres (x, y = 0.5 and 2.5): only the
        //    centre of cell 10 is strictly inside, the eight others on its edges are not, so
        //    the fallback applies (fractions below)
        box(0.5, 0.5, 2.5, 2.5),
    });
    RasterZonalReport report;
    const model::VectorLayer out = rasterZonalSummary(units, raster, allStatistics(), &report);
    ASSERT_EQ(out.features.size(), units.features.size());
    EXPECT_EQ(report.addedFields, (QStringList{QStringLiteral("count"), QStringLiteral("sum"),
                                               QStringLiteral("mean"), QStringLiteral("max")}));
    EXPECT_EQ(report.rasterCrs.epsg(), 4549);
    const double null = std::nan("");
    expectStats(out, 0, {4, 46, 11.5, 14});
    expectStats(out, 1, {3, 38, 38.0 / 3, 15});
    expectStats(out, 2, {0.15, 0.75, 5, 5});
    expectStats(out, 3, {1, 4.5, 4.5, 7});
    expectStats(out, 4, {11, 86, 86.0 / 11, 15});
    expectStats(out, 5, {0, 0, null, null});
    // Unit 6 covers cells 5 6 7 / 9 10 11 / 13 14 15 by ¼ ½ ¼ / ½ 1 ½ / ¼ ½ ¼: count 4.
    const double sum6 = 0.25 * (5 + 7 + 13 + 15) + 0.5 * (6 + 9 + 11 + 14) + 10;
    expectStats(out, 6, {4, sum6, sum6 / 4, 15});
    EXPECT_EQ(report.fallbackUnits, 3);
    EXPECT_EQ(report.unitsOutside, 1);
    EXPECT_EQ(valueOf(out, 4, QStringLiteral("id")).toInt(), 4);

    // Without the fallback a unit holds its centres only.
    RasterZonalOptions centres = allStatistics();
    centres.smallUnitFallback = false;
    const model::VectorLayer strict = rasterZonalSummary(units, raster, centres);
    expectStats(strict, 2, {0, 0, null, null});
    expectStats(strict, 3, {0, 0, null, null});
    expectStats(strict, 6, {1, 10, 10, 10});
    expectStats(strict, 0, {4, 46, 11.5, 14});
}

// Units in CGCS2000 geographic coordinates are reprojected to the raster's CRS, not the other
// way round; the same square drawn in degrees gives the same cells.
TEST(RasterZonal, UnitsAreReprojectedToTheRaster)
{
    QTemporaryDir dir;
    const QString raster = writeRaster(dir);
    crs::CoordinateTransform toGeographic(crs::Crs::fromEpsg(4549), crs::Crs::fromEpsg(4490));
    Ring ring;
    for (const auto &[x, y] : Ring{{0, 0}, {2, 0}, {2, 2}, {0, 2}}) {
        double lon = kX + x;
        double lat = kY + y;
        ASSERT_TRUE(toGeographic.transformPoint(lon, lat));
        ring.push_back({lon, lat});
    }
    QStringList points;
    for (const auto &[lon, lat] : ring)
        points.append(QStringLiteral("%1 %2").arg(lon, 0, 'f', 12).arg(lat, 0, 'f', 12));
    points.append(points.first());
    const model::VectorLayer units =
        unitsOf({QStringLiteral("POLYGON((%1))").arg(points.join(u','))}, 4490);
    const model::VectorLayer out = rasterZonalSummary(units, raster, allStatistics());
    expectStats(out, 0, {4, 46, 11.5, 14});
    EXPECT_EQ(out.crs.epsg(), 4490);
    EXPECT_EQ(out.features[0].wkb, units.features[0].wkb);
}

TEST(RasterZonal, ProblemsAreInputErrors)
{
    QTemporaryDir dir;
    const QString raster = writeRaster(dir);
    const model::VectorLayer units = unitsOf({box(0, 0, 2, 2)});
    RasterZonalOptions band2 = allStatistics();
    band2.band = 2;
    EXPECT_THROW(rasterZonalSummary(units, raster, band2), InputError);
    EXPECT_THROW(rasterZonalSummary(units, writeRaster(dir, false), allStatistics()), InputError);
    EXPECT_THROW(
        rasterZonalSummary(units, dir.filePath(QStringLiteral("missing.tif")), allStatistics()),
        InputError);
    EXPECT_THROW(rasterZonalSummary(units, raster, RasterZonalOptions{}), InputError);
    model::VectorLayer noCrs = units;
    noCrs.crs = {};
    EXPECT_THROW(rasterZonalSummary(noCrs, raster, allStatistics()), InputError);

    EXPECT_TRUE(isRasterPath(raster));
    EXPECT_FALSE(isRasterPath(test::sampleDataPath(QStringLiteral("yongjia/townships.shp"))));
    QFile fake(dir.filePath(QStringLiteral("not a raster.tif")));
    ASSERT_TRUE(fake.open(QIODevice::WriteOnly));
    fake.write("hello");
    fake.close();
    EXPECT_FALSE(isRasterPath(fake.fileName()));
    EXPECT_EQ(parseRasterStatistic(QStringLiteral("MEAN")), RasterStatistic::Mean);
    EXPECT_FALSE(parseRasterStatistic(QStringLiteral("class-area")).has_value());

    Feedback feedback;
    feedback.cancel();
    RasterZonalOptions cancelled = allStatistics();
    cancelled.feedback = &feedback;
    EXPECT_THROW(rasterZonalSummary(units, raster, cancelled), CancelledError);
}

// QGIS 3.22 native:zonalstatisticsfb on population_250m.tif per township
// (scripts/reference/zonal_reference.sh), and the same result for 1 and 4 threads.
TEST(RasterZonal, MatchesQgisOnTheSampleCounty)
{
    QFile file(test::testDataPath(QStringLiteral("zonal/qgis_reference.json")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject reference = QJsonDocument::fromJson(file.readAll())
                                      .object()[QStringLiteral("population_per_township")]
                                      .toObject();
    ASSERT_EQ(reference.size(), 22);
    const model::VectorLayer townships =
        io::readLayer(test::sampleDataPath(QStringLiteral("yongjia/townships.shp")));
    const QString raster = test::sampleDataPath(QStringLiteral("yongjia/population_250m.tif"));
    const model::VectorLayer one = rasterZonalSummary(townships, raster, allStatistics(1));
    const model::VectorLayer four = rasterZonalSummary(townships, raster, allStatistics(4));
    double total = 0;
    for (std::size_t u = 0; u < one.features.size(); ++u) {
        EXPECT_EQ(one.features[u].attributes, four.features[u].attributes) << u;
        const QString code = valueOf(one, u, QStringLiteral("code")).toString();
        const QJsonObject expected = reference[code].toObject();
        ASSERT_FALSE(expected.isEmpty()) << code.toStdString();
        EXPECT_EQ(valueOf(one, u, QStringLiteral("count")).toDouble(),
                  expected[QStringLiteral("count")].toDouble())
            << code.toStdString();
        for (const QString &name :
             {QStringLiteral("sum"), QStringLiteral("mean"), QStringLiteral("max")}) {
            const double qgis = expected[name].toDouble();
            EXPECT_NEAR(valueOf(one, u, name).toDouble(), qgis, 1e-6 * qgis)
                << code.toStdString() << " " << name.toStdString();
        }
        total += valueOf(one, u, QStringLiteral("sum")).toDouble();
    }
    // Every valid cell's centre lies inside the county, which the townships tile.
    EXPECT_NEAR(total, 970000.0, 0.5);
}
