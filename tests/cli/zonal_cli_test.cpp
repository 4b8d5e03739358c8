// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/layer_reader.h"

#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::test;

namespace {

QString sample(const QString &name)
{
    return sampleDataPath(QStringLiteral("yongjia/") + name);
}

QJsonObject reference(const QString &section)
{
    QFile file(testDataPath(QStringLiteral("zonal/qgis_reference.json")));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object()[section].toObject();
}

QVariant valueOf(const model::VectorLayer &layer, std::size_t feature, const QString &field)
{
    const int index = model::fieldIndex(layer.fields, field);
    EXPECT_GE(index, 0) << field.toStdString();
    return index < 0 ? QVariant() : layer.features.at(feature).attributes.value(index);
}

} // namespace

TEST(ZonalCli, SheltersPerTownshipAsInQgis)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("避灾 点.gpkg"));
    const CliResult result =
        runCli({QStringLiteral("zonal"), sample(QStringLiteral("townships.shp")),
                sample(QStringLiteral("census.gpkg|layername=shelters")), QStringLiteral("-o"), out,
                QStringLiteral("--stat"), QStringLiteral("count,sum"), QStringLiteral("--field"),
                QStringLiteral("capacity"), QStringLiteral("--threads"), QStringLiteral("2")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("22 units")));
    EXPECT_TRUE(result.out.contains(QStringLiteral("EPSG:4549")));
    const model::VectorLayer layer = io::readLayer(out);
    ASSERT_EQ(layer.features.size(), 22u);
    EXPECT_EQ(layer.crs.epsg(), 4490);
    const QJsonObject expected = reference(QStringLiteral("shelters_per_township"));
    for (std::size_t u = 0; u < layer.features.size(); ++u) {
        const QJsonObject row =
            expected[valueOf(layer, u, QStringLiteral("code")).toString()].toObject();
        EXPECT_EQ(valueOf(layer, u, QStringLiteral("count")).toLongLong(),
                  row[QStringLiteral("count")].toInteger());
        EXPECT_DOUBLE_EQ(valueOf(layer, u, QStringLiteral("sum")).toDouble(),
                         row[QStringLiteral("capacity_sum")].toDouble());
    }

    // Again on its own output: the new column is count_2, and the output exists already.
    const QString again = dir.filePath(QStringLiteral("again.gpkg"));
    const QStringList rerun = {
        QStringLiteral("zonal"), out,   sample(QStringLiteral("census.gpkg|layername=shelters")),
        QStringLiteral("-o"),    again, QStringLiteral("--stat"),
        QStringLiteral("count")};
    ASSERT_EQ(runCli(rerun).exitCode, 0);
    EXPECT_GE(model::fieldIndex(io::readLayer(again).fields, QStringLiteral("count_2")), 0);
    const CliResult exists = runCli(rerun);
    EXPECT_EQ(exists.exitCode, 2);
    EXPECT_EQ(runCli(QStringList(rerun) << QStringLiteral("--overwrite")).exitCode, 0);
}

TEST(ZonalCli, PopulationFromTheRaster)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("population.shp"));
    const CliResult result =
        runCli({QStringLiteral("zonal"), sample(QStringLiteral("townships.shp")),
                sample(QStringLiteral("population_250m.tif")), QStringLiteral("-o"), out,
                QStringLiteral("--stat"), QStringLiteral("sum"), QStringLiteral("--stat"),
                QStringLiteral("count")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const model::VectorLayer layer = io::readLayer(out);
    const QJsonObject expected = reference(QStringLiteral("population_per_township"));
    ASSERT_EQ(layer.features.size(), 22u);
    for (std::size_t u = 0; u < layer.features.size(); ++u) {
        const QJsonObject row =
            expected[valueOf(layer, u, QStringLiteral("code")).toString()].toObject();
        EXPECT_DOUBLE_EQ(valueOf(layer, u, QStringLiteral("count")).toDouble(),
                         row[QStringLiteral("count")].toDouble());
        const double sum = row[QStringLiteral("sum")].toDouble();
        EXPECT_NEAR(valueOf(layer, u, QStringLiteral("sum")).toDouble(), sum, 1e-6 * sum);
    }
}

TEST(ZonalCli, HazardClassesOverTownships)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("flood.geojson"));
    const CliResult result =
        runCli({QStringLiteral("zonal"), sample(QStringLiteral("townships.shp")),
                sample(QStringLiteral("census.gpkg|layername=flood_zones")), QStringLiteral("-o"),
                out, QStringLiteral("--stat"), QStringLiteral("class-share,max"),
                QStringLiteral("--field"), QStringLiteral("level")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("share_1, share_2, share_3, share_4, share_5, "
                                                   "max")))
        << result.out.toStdString();
    const model::VectorLayer layer = io::readLayer(out);
    int withoutFlood = 0;
    for (std::size_t u = 0; u < layer.features.size(); ++u) {
        double shares = 0;
        for (int level = 1; level <= 5; ++level)
            shares += valueOf(layer, u, QStringLiteral("share_%1").arg(level)).toDouble();
        EXPECT_LE(shares, 1.0 + 1e-12);
        // 茗岙乡, up in the hills, has no flood zone: no share, and no highest level.
        const QVariant max = valueOf(layer, u, QStringLiteral("max"));
        if (shares == 0.0) {
            EXPECT_TRUE(max.isNull());
            ++withoutFlood;
        } else {
            EXPECT_GE(max.toInt(), 1);
        }
    }
    EXPECT_EQ(withoutFlood, 1);
}

TEST(ZonalCli, UsageAndInputErrors)
{
    QTemporaryDir dir;
    const QString units = sample(QStringLiteral("townships.shp"));
    const QString shelters = sample(QStringLiteral("census.gpkg|layername=shelters"));
    const QString raster = sample(QStringLiteral("population_250m.tif"));
    const QString out = dir.filePath(QStringLiteral("out.gpkg"));
    const QString zonal = QStringLiteral("zonal");
    const QString o = QStringLiteral("-o");
    const QString stat = QStringLiteral("--stat");

    const CliResult help = runCli({zonal, QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("--overwrite")));
    EXPECT_TRUE(runCli({QStringLiteral("--help")}).out.contains(QStringLiteral("zonal")));

    auto expectBadInput = [&](const QStringList &arguments, const QString &message) {
        const CliResult result = runCli(arguments);
        EXPECT_EQ(result.exitCode, 2) << arguments.join(u' ').toStdString();
        EXPECT_TRUE(result.err.contains(message))
            << result.err.toStdString() << " lacks " << message.toStdString();
    };
    expectBadInput({zonal, units}, QStringLiteral("UNITS and LAYER"));
    expectBadInput({zonal, units, shelters, stat, QStringLiteral("count")}, QStringLiteral("-o"));
    expectBadInput({zonal, units, shelters, o, out}, QStringLiteral("statistic"));
    expectBadInput({zonal, units, shelters, o, out, stat, QStringLiteral("median")},
                   QStringLiteral("median"));
    expectBadInput({zonal, units, shelters, o, out, stat, QStringLiteral("sum")},
                   QStringLiteral("--field"));
    expectBadInput({zonal, units, shelters, o, out, stat, QStringLiteral("sum"),
                    QStringLiteral("--field"), QStringLiteral("人口")},
                   QStringLiteral("人口"));
    expectBadInput({zonal, units, shelters, o, out, stat, QStringLiteral("class-area"),
                    QStringLiteral("--field"), QStringLiteral("name")},
                   QStringLiteral("polygon"));
    expectBadInput({zonal, units, raster, o, out, stat, QStringLiteral("class-area")},
                   QStringLiteral("raster statistic"));
    expectBadInput({zonal, units, raster, o, out, stat, QStringLiteral("sum"),
                    QStringLiteral("--field"), QStringLiteral("pop")},
                   QStringLiteral("--field"));
    expectBadInput({zonal, units, shelters, o, out, stat, QStringLiteral("count"),
                    QStringLiteral("--threads"), QStringLiteral("0")},
                   QStringLiteral("--threads"));
    expectBadInput({zonal, units, dir.filePath(QStringLiteral("nothing.gpkg")), o, out, stat,
                    QStringLiteral("count")},
                   QStringLiteral("nothing.gpkg"));
    // A failed run leaves nothing behind.
    EXPECT_FALSE(QFile::exists(out));
}
