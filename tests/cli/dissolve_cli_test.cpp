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

using namespace riskatlas;
using namespace riskatlas::test;

namespace {

// tests/data/dissolve/sliver_grid_4549.geojson: a 3×3 grid of 100 m cells in EPSG:4549 whose
// centre column is reshaped around a 5 m × 100 m sliver S (等级 4, 500 m²). S shares 100 m
// with A (等级 1), 60 m with B (2), 45 m with C (3) and 5 m with D (1). By 等级: level 1 =
// D0 + D + A = 30 000 m², 2 = D2 + B + R = 25 700, 3 = T0 + C + T2 = 33 800, 4 = S = 500.
QString sliverGrid(const QTemporaryDir &dir)
{
    // Copied under a name with a space and Chinese characters, as users' files are named.
    const QString path = dir.filePath(QStringLiteral("风险 区划.geojson"));
    QFile::copy(testDataPath(QStringLiteral("dissolve/sliver_grid_4549.geojson")), path);
    return path;
}

double areaOf(const QByteArray &wkb)
{
    geos::Context context;
    double area = 0;
    GEOSArea_r(context.handle(), geos::fromWkb(context, wkb).get(), &area);
    return area;
}

// Area per value of `field` in the written output.
QMap<QString, double> areasBy(const QString &path, const QString &field)
{
    const model::VectorLayer layer = io::readLayer(path);
    const int index = model::fieldIndex(layer.fields, field);
    QMap<QString, double> areas;
    for (const model::Feature &feature : layer.features)
        areas[feature.attributes.at(index).toString()] += areaOf(feature.wkb);
    return areas;
}

const QString kLevel = QStringLiteral("等级");

} // namespace

TEST(DissolveCli, HelpDescribesTheSemantics)
{
    const CliResult help = runCli({QStringLiteral("dissolve"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    for (const char *option : {"--by", "--eliminate-below", "--threads", "--overwrite", "--s-srs",
                               "whole layer becomes one feature", "island"})
        EXPECT_TRUE(help.out.contains(QString::fromLatin1(option))) << option;
    EXPECT_TRUE(runCli({QStringLiteral("--help")}).out.contains(QStringLiteral("dissolve")));
}

TEST(DissolveCli, UsageErrorsAreExitCode2)
{
    QTemporaryDir dir;
    const QString in = sliverGrid(dir);
    const QString out = dir.filePath(QStringLiteral("out.gpkg"));
    const QString dissolve = QStringLiteral("dissolve");
    const QString o = QStringLiteral("-o");
    EXPECT_EQ(runCli({dissolve, in}).exitCode, 2);
    EXPECT_EQ(runCli({dissolve, o, out}).exitCode, 2);
    for (const char *bad : {"abc", "-5", "0", "nan"}) {
        const CliResult result = runCli(
            {dissolve, in, o, out, QStringLiteral("--eliminate-below"), QString::fromLatin1(bad)});
        EXPECT_EQ(result.exitCode, 2) << bad;
        EXPECT_TRUE(result.err.startsWith(QStringLiteral("error: "))) << bad;
    }
    EXPECT_EQ(
        runCli({dissolve, in, o, out, QStringLiteral("--threads"), QStringLiteral("0")}).exitCode,
        2);
    EXPECT_EQ(
        runCli({dissolve, in, o, out, QStringLiteral("--by"), QStringLiteral("等级,")}).exitCode,
        2);

    const CliResult unknown =
        runCli({dissolve, in, o, out, QStringLiteral("--by"), QStringLiteral("级别")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.startsWith(QStringLiteral("error: ") + in + QStringLiteral(":")))
        << unknown.err.toStdString();
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("no field \"级别\"")))
        << unknown.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));

    const CliResult missing =
        runCli({dissolve, dir.filePath(QStringLiteral("nothing.shp")), o, out});
    EXPECT_EQ(missing.exitCode, 2);
}

TEST(DissolveCli, DissolvesByAFieldAndReportsAreas)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("按等级.gpkg"));
    const CliResult result = runCli({QStringLiteral("dissolve"), sliverGrid(dir),
                                     QStringLiteral("-o"), out, QStringLiteral("--by"), kLevel});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("4 features written")))
        << result.out.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("10 features into 4 (by 等级); 6 merged")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("90000.00 m² before, 90000.00 m² after")));
    const QMap<QString, double> areas = areasBy(out, kLevel);
    EXPECT_EQ(areas.size(), 4);
    EXPECT_DOUBLE_EQ(areas.value(QStringLiteral("1")), 30000);
    EXPECT_DOUBLE_EQ(areas.value(QStringLiteral("2")), 25700);
    EXPECT_DOUBLE_EQ(areas.value(QStringLiteral("3")), 33800);
    EXPECT_DOUBLE_EQ(areas.value(QStringLiteral("4")), 500);

    // No --by: one feature for the whole layer.
    const QString all = dir.filePath(QStringLiteral("all.geojson"));
    ASSERT_EQ(
        runCli({QStringLiteral("dissolve"), sliverGrid(dir), QStringLiteral("-o"), all}).exitCode,
        0);
    const model::VectorLayer whole = io::readLayer(all);
    ASSERT_EQ(whole.features.size(), 1u);
    EXPECT_DOUBLE_EQ(areaOf(whole.features[0].wkb), 90000);
}

TEST(DissolveCli, EliminateAloneWorksOnTheFeaturesAsTheyAre)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.gpkg"));
    const CliResult result =
        runCli({QStringLiteral("dissolve"), sliverGrid(dir), QStringLiteral("-o"), out,
                QStringLiteral("--eliminate-below"), QStringLiteral("1000"),
                QStringLiteral("--threads"), QStringLiteral("2")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("9 features written")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("1 of 10 features under 1000.00 m²; 1 merged")))
        << result.out.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("islands: 0")));
    const model::VectorLayer layer = io::readLayer(out);
    ASSERT_EQ(layer.features.size(), 9u);
    const int name = model::fieldIndex(layer.fields, QStringLiteral("名称"));
    for (const model::Feature &feature : layer.features) {
        if (feature.attributes.at(name).toString() == QLatin1String("A")) {
            EXPECT_DOUBLE_EQ(areaOf(feature.wkb), 10500);
        }
        EXPECT_NE(feature.attributes.at(name).toString(), QStringLiteral("S"));
    }
}

TEST(DissolveCli, ByAndEliminateCleansSmallPatchesIntoTheirNeighbours)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.shp"));
    const CliResult result = runCli({QStringLiteral("dissolve"), sliverGrid(dir),
                                     QStringLiteral("-o"), out, QStringLiteral("--by"), kLevel,
                                     QStringLiteral("--eliminate-below"), QStringLiteral("1000")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("1 of 4 parts under 1000.00 m²")))
        << result.out.toStdString();
    // Level 4 was only the sliver: it went into A, level 1.
    const QMap<QString, double> areas = areasBy(out, kLevel);
    EXPECT_EQ(areas.keys(),
              (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    EXPECT_DOUBLE_EQ(areas.value(QStringLiteral("1")), 30500);
}

TEST(DissolveCli, ExistingOutputNeedsOverwrite)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.geojson"));
    {
        QFile file(out);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("keep me");
    }
    const QStringList arguments = {QStringLiteral("dissolve"), sliverGrid(dir),
                                   QStringLiteral("-o"), out};
    const CliResult refused = runCli(arguments);
    EXPECT_EQ(refused.exitCode, 2);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("--overwrite")));
    QFile file(out);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), QByteArray("keep me"));
    file.close();
    EXPECT_EQ(runCli(arguments + QStringList{QStringLiteral("--overwrite")}).exitCode, 0);
    EXPECT_EQ(io::readLayer(out).features.size(), 1u);
}

TEST(DissolveCli, SampleFloodZonesMatchQgisAndThreadCountDoesNotMatter)
{
    QFile file(testDataPath(QStringLiteral("dissolve/qgis_reference.json")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(file.readAll())
                                     .object()[QStringLiteral("dissolve_eliminate")]
                                     .toArray()
                                     .first()
                                     .toObject();
    const QString threshold =
        QString::number(expected[QStringLiteral("threshold_m2")].toDouble(), 'f', 0);

    QTemporaryDir dir;
    QList<QMap<QString, double>> runs;
    for (const QString &threads : {QStringLiteral("1"), QStringLiteral("2")}) {
        const QString out = dir.filePath(QStringLiteral("flood_%1.gpkg").arg(threads));
        const CliResult result = runCli(
            {QStringLiteral("dissolve"),
             sampleDataPath(QStringLiteral("yongjia/census.gpkg|layername=flood_zones")),
             QStringLiteral("-o"), out, QStringLiteral("--by"), QStringLiteral("level"),
             QStringLiteral("--eliminate-below"), threshold, QStringLiteral("--threads"), threads});
        ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
        // Geographic input: measured and written in the county's Gauss-Krüger zone.
        EXPECT_TRUE(result.out.contains(QStringLiteral("EPSG:4549"))) << result.out.toStdString();
        runs.append(areasBy(out, QStringLiteral("level")));
    }
    EXPECT_EQ(runs[0], runs[1]);
    const QJsonObject levels = expected[QStringLiteral("levels")].toObject();
    ASSERT_EQ(runs[0].size(), levels.size());
    for (auto it = levels.begin(); it != levels.end(); ++it) {
        const double area = it.value().toObject()[QStringLiteral("area_m2")].toDouble();
        EXPECT_NEAR(runs[0].value(it.key()), area, 1e-6 * area) << it.key().toStdString();
    }
}
