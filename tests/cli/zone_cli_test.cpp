// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"

#include "support/test_support.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas;
using namespace riskatlas::test;

namespace {

// The county's area in EPSG:4549 as sample-data/README.md gives it (rounded to 0.01 km²).
constexpr double kCountyKm2 = 2676.15;

double areaOf(const geos::Context &context, const QByteArray &wkb)
{
    double area = 0;
    GEOSArea_r(context.handle(), geos::fromWkb(context, wkb).get(), &area);
    return area;
}

// Σ zone areas and Σ pairwise overlap areas of a zoning layer, m².
std::pair<double, double> zoneAreas(const model::VectorLayer &zones)
{
    geos::Context context;
    double total = 0;
    double overlap = 0;
    for (std::size_t i = 0; i < zones.features.size(); ++i) {
        total += areaOf(context, zones.features[i].wkb);
        const geos::GeometryPtr a = geos::fromWkb(context, zones.features[i].wkb);
        for (std::size_t j = i + 1; j < zones.features.size(); ++j) {
            const geos::GeometryPtr b = geos::fromWkb(context, zones.features[j].wkb);
            const geos::GeometryPtr common =
                geos::own(context, GEOSIntersection_r(context.handle(), a.get(), b.get()));
            double area = 0;
            GEOSArea_r(context.handle(), common.get(), &area);
            overlap += area;
        }
    }
    return {total, overlap};
}

// Rows of a CSV table written by the zone command (UTF-8 with BOM; no quoted commas in it).
std::vector<QMap<QString, QString>> readCsv(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    std::vector<QMap<QString, QString>> rows;
    if (lines.isEmpty())
        return rows;
    QString head = lines.takeFirst().trimmed();
    if (head.startsWith(QChar(0xFEFF)))
        head.remove(0, 1);
    const QStringList header = head.split(QLatin1Char(','));
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QStringList cells = line.trimmed().split(QLatin1Char(','));
        QMap<QString, QString> row;
        for (qsizetype i = 0; i < header.size(); ++i)
            row.insert(header[i], cells.value(i));
        rows.push_back(row);
    }
    return rows;
}

QJsonObject qgisReference()
{
    QFile file(testDataPath(QStringLiteral("zonal/qgis_reference.json")));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

TEST(ZoneCli, SampleModelRunsAndItsZoningsTileTheCounty)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("五色图 输出"));
    const CliResult result = runCli(
        {QStringLiteral("zone"), sampleDataPath(QStringLiteral("yongjia/five_colour_model.json")),
         QStringLiteral("-o"), out, QStringLiteral("--format"), QStringLiteral("both")},
        600000);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString() << result.out.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral(": 22 units"))) << result.out.toStdString();

    const model::VectorLayer map = io::readLayer(out + QStringLiteral("/risk_map.gpkg"));
    EXPECT_EQ(map.features.size(), 22u);
    const model::VectorLayer shpMap = io::readLayer(out + QStringLiteral("/shp/risk_map.shp"));
    EXPECT_EQ(shpMap.features.size(), 22u);
    EXPECT_EQ(shpMap.sourceEncoding, QStringLiteral("UTF-8"));
    for (const char *name : {"risk_zoning", "prevention_zoning"}) {
        SCOPED_TRACE(name);
        const model::VectorLayer zones =
            io::readLayer(out + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".gpkg"));
        const auto [total, overlap] = zoneAreas(zones);
        EXPECT_NEAR(total / 1e6, kCountyKm2, 0.005);
        EXPECT_LT(overlap, 1e-6 * total);
    }
    const QJsonObject report = QJsonDocument::fromJson([&] {
                                   QFile file(out + QStringLiteral("/model_report.json"));
                                   EXPECT_TRUE(file.open(QIODevice::ReadOnly));
                                   return file.readAll();
                               }())
                                   .object();
    const double study = report.value(QStringLiteral("study_area_km2")).toDouble();
    EXPECT_NEAR(study, kCountyKm2, 0.005);
    for (const char *name : {"risk_zoning", "prevention_zoning"}) {
        const QJsonObject zoning = report.value(QLatin1String(name)).toObject();
        EXPECT_LE(zoning.value(QStringLiteral("relative_difference")).toDouble(), 1e-6) << name;
        EXPECT_LE(zoning.value(QStringLiteral("gap_area_m2")).toDouble(), 1e-6 * study * 1e6)
            << name;
    }
    const QJsonObject ahp = report.value(QStringLiteral("weights"))
                                .toObject()
                                .value(QStringLiteral("hazards"))
                                .toObject();
    EXPECT_LT(ahp.value(QStringLiteral("consistency_ratio")).toDouble(), 0.1);
    // Each hazard map keeps its layer's area inside the county (sample-data/README.md).
    const QJsonArray hazards = report.value(QStringLiteral("hazards")).toArray();
    ASSERT_EQ(hazards.size(), 5);
    const double expected[] = {764.25, 2185.49, 340.03, 2180.30, 3.33};
    for (int k = 0; k < 5; ++k)
        EXPECT_NEAR(hazards[k].toObject().value(QStringLiteral("area_km2")).toDouble(), expected[k],
                    0.005)
            << k;
    // The population of the risk table adds up to the raster's 970 000 persons, and the
    // county's 20 000 buildings.
    double population = 0;
    double buildings = 0;
    const auto riskRows = readCsv(out + QStringLiteral("/tables/risk_by_township.csv"));
    ASSERT_EQ(riskRows.size(), 23u * 5u);
    for (const auto &row : riskRows) {
        if (row.value(QStringLiteral("township_id")) == QLatin1String("total")) {
            population += row.value(QStringLiteral("pop")).toDouble();
            buildings += row.value(QStringLiteral("bldg")).toDouble();
        }
    }
    EXPECT_NEAR(population, 970000.0, 0.5);
    EXPECT_EQ(buildings, 20000.0);

    // Against QGIS (tests/data/zonal/qgis_reference.json, scripts/reference/zonal_reference.sh):
    // flood and geohazard areas per township and level (native:intersection in EPSG:4549),
    // population per township (native:zonalstatisticsfb) and shelter capacity
    // (native:countpointsinpolygon with WEIGHT).
    const QJsonObject reference = qgisReference();
    const QJsonObject classArea = reference.value(QStringLiteral("class_area_m2")).toObject();
    int compared = 0;
    for (const auto &row : readCsv(out + QStringLiteral("/tables/hazard_by_township.csv"))) {
        const QString id = row.value(QStringLiteral("hazard_id"));
        const QString layer = id == QLatin1String("flood") ? QStringLiteral("flood_zones")
                              : id == QLatin1String("geohazard")
                                  ? QStringLiteral("geohazard_susceptibility")
                                  : QString();
        const QString township = row.value(QStringLiteral("township_id"));
        if (layer.isEmpty() || township == QLatin1String("total"))
            continue;
        const double expected = classArea.value(layer)
                                    .toObject()
                                    .value(township)
                                    .toObject()
                                    .value(row.value(QStringLiteral("level")))
                                    .toDouble(0.0);
        EXPECT_NEAR(row.value(QStringLiteral("area_km2")).toDouble() * 1e6, expected,
                    1e-6 * std::max(expected, 1e4))
            << id.toStdString() << " " << township.toStdString() << " level "
            << row.value(QStringLiteral("level")).toStdString();
        ++compared;
    }
    EXPECT_EQ(compared, 2 * 22 * 5);
    const QJsonObject populationReference =
        reference.value(QStringLiteral("population_per_township")).toObject();
    const QJsonObject shelterReference =
        reference.value(QStringLiteral("shelters_per_township")).toObject();
    const auto capacityRows = readCsv(out + QStringLiteral("/tables/capacity.csv"));
    ASSERT_EQ(capacityRows.size(), 22u);
    for (const auto &row : capacityRows) {
        const QString township = row.value(QStringLiteral("township_id"));
        EXPECT_NEAR(
            row.value(QStringLiteral("population")).toDouble(),
            populationReference.value(township).toObject().value(QStringLiteral("sum")).toDouble(),
            1e-3)
            << township.toStdString();
        EXPECT_EQ(row.value(QStringLiteral("shelter")).toDouble(),
                  shelterReference.value(township)
                      .toObject()
                      .value(QStringLiteral("capacity_sum"))
                      .toDouble())
            << township.toStdString();
    }
}

TEST(ZoneCli, BadModelExitsTwoNamingTheKey)
{
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("model.json"));
    QFile file(model);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"units": {"type": "admin"}})");
    file.close();
    const CliResult result = runCli(
        {QStringLiteral("zone"), model, QStringLiteral("-o"), dir.filePath(QStringLiteral("out"))});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("units.source: missing")))
        << result.err.toStdString();
}

TEST(ZoneCli, UsageErrors)
{
    EXPECT_EQ(runCli({QStringLiteral("zone")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("zone"), QStringLiteral("m.json"), QStringLiteral("-o"),
                      QStringLiteral("x"), QStringLiteral("--format"), QStringLiteral("pdf")})
                  .exitCode,
              2);
}

} // namespace
