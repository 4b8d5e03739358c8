// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/io/layer_reader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;

namespace {

const QByteArray kTownships = R"({"type":"FeatureCollection","name":"乡镇","features":[
{"type":"Feature","properties":{"名称":"岩头镇","人口":41000},"geometry":{"type":"Polygon","coordinates":[[[120.6,28.3],[120.7,28.3],[120.7,28.4],[120.6,28.4],[120.6,28.3]]]}},
{"type":"Feature","properties":{"名称":"茗岙乡","人口":3000},"geometry":{"type":"Polygon","coordinates":[[[120.7,28.3],[120.8,28.3],[120.8,28.4],[120.7,28.4],[120.7,28.3]]]}}
]})";

// Files made by GDAL's own ogr2ogr, so the reader is checked against an independent writer.
QString ogr2ogr(const QTemporaryDir &dir, const QString &driver, const QString &output)
{
    const QString input = dir.filePath(QStringLiteral("in.geojson"));
    QFile file(input);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(kTownships);
    file.close();
    const QString path = dir.filePath(output);
    QProcess process;
    process.start(QStringLiteral("ogr2ogr"), {QStringLiteral("-f"), driver, path, input,
                                              QStringLiteral("-nln"), QStringLiteral("乡镇")});
    EXPECT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    return path;
}

void expectTownships(const model::VectorLayer &layer)
{
    ASSERT_EQ(layer.features.size(), 2u);
    const int name = model::fieldIndex(layer.fields, QStringLiteral("名称"));
    ASSERT_GE(name, 0);
    EXPECT_EQ(layer.features[0].attributes[name].toString(), QStringLiteral("岩头镇"));
    EXPECT_EQ(layer.features[1].attributes[name].toString(), QStringLiteral("茗岙乡"));
    EXPECT_TRUE(layer.crs.isValid());
    EXPECT_TRUE(layer.crs.isGeographic());
}

} // namespace

TEST(GdalSources, ReadsFileGdb)
{
    QTemporaryDir dir;
    const QString gdb = ogr2ogr(dir, QStringLiteral("OpenFileGDB"), QStringLiteral("普查.gdb"));
    expectTownships(io::readLayer(gdb));
    expectTownships(io::readLayer(gdb + QStringLiteral("|layername=乡镇")));
    EXPECT_EQ(io::listLayers(gdb), QStringList{QStringLiteral("乡镇")});
}

TEST(GdalSources, ReadsKml)
{
    QTemporaryDir dir;
    const QString kml = ogr2ogr(dir, QStringLiteral("LIBKML"), QStringLiteral("乡镇.kml"));
    expectTownships(io::readLayer(kml));
}

TEST(GdalSources, MultiLayerSourcesNeedALayerName)
{
    QTemporaryDir dir;
    const QString gpkg = ogr2ogr(dir, QStringLiteral("GPKG"), QStringLiteral("a.gpkg"));
    QProcess process;
    process.start(QStringLiteral("ogr2ogr"),
                  {QStringLiteral("-update"), QStringLiteral("-nln"), QStringLiteral("second"),
                   gpkg, dir.filePath(QStringLiteral("in.geojson"))});
    ASSERT_TRUE(process.waitForFinished(60000));
    try {
        io::readLayer(gpkg);
        FAIL() << "expected an error";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.message().contains(QStringLiteral("layername=")))
            << error.formatted().toStdString();
    }
    expectTownships(io::readLayer(gpkg + QStringLiteral("|layername=second")));
    expectTownships(io::readLayer(gpkg + QStringLiteral("|layerid=0")));
    EXPECT_THROW(io::readLayer(gpkg + QStringLiteral("|layerid=5")), InputError);
    EXPECT_THROW(io::readLayer(gpkg + QStringLiteral("|colour=red")), InputError);
}
