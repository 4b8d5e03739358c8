// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas::test;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    return path;
}

const QByteArray kPolygonGeoJson = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"名称":"北城街道","level":3},"geometry":{"type":"Polygon","coordinates":[[[120.6,28.1],[120.7,28.1],[120.7,28.2],[120.6,28.2],[120.6,28.1]]]}},
{"type":"Feature","properties":{"名称":"蝴蝶形","level":5},"geometry":{"type":"Polygon","coordinates":[[[120.6,28.1],[120.7,28.2],[120.7,28.1],[120.6,28.2],[120.6,28.1]]]}}
]})";

bool folderHoldsOnly(const QTemporaryDir &dir, const QStringList &names)
{
    QStringList entries =
        QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    entries.sort();
    QStringList expected = names;
    expected.sort();
    return entries == expected;
}

} // namespace

TEST(CliContract, HelpAndUsage)
{
    EXPECT_EQ(runCli({QStringLiteral("--help")}).exitCode, 0);
    for (const QString &command : {QStringLiteral("info"), QStringLiteral("convert")}) {
        const CliResult result = runCli({command, QStringLiteral("--help")});
        EXPECT_EQ(result.exitCode, 0) << command.toStdString();
        EXPECT_TRUE(result.out.contains(QStringLiteral("--overwrite")) ||
                    command == QLatin1String("info"));
    }
    EXPECT_EQ(runCli({QStringLiteral("frobnicate")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("convert"), QStringLiteral("only-one-arg")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("info"), QStringLiteral("--no-such-option")}).exitCode, 2);
}

TEST(CliContract, InfoDescribesALayerAsJson)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("区划 图.geojson"), kPolygonGeoJson);
    const CliResult result = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QJsonArray layers = QJsonDocument::fromJson(result.out.toUtf8()).array();
    ASSERT_EQ(layers.size(), 1);
    const QJsonObject layer = layers[0].toObject();
    EXPECT_EQ(layer[QStringLiteral("driver")].toString(), QStringLiteral("GeoJSON"));
    EXPECT_EQ(layer[QStringLiteral("features")].toInt(), 2);
    EXPECT_EQ(layer[QStringLiteral("crs")][QStringLiteral("epsg")].toInt(), 4326);
    EXPECT_EQ(layer[QStringLiteral("geometry_type")].toString(), QStringLiteral("Polygon"));
    EXPECT_EQ(layer[QStringLiteral("fields")][0][QStringLiteral("name")].toString(),
              QStringLiteral("名称"));
    const QJsonObject validity = layer[QStringLiteral("validity")].toObject();
    EXPECT_EQ(validity[QStringLiteral("invalid")].toInt(), 1);
    EXPECT_EQ(validity[QStringLiteral("repaired")].toInt(), 1);
    EXPECT_EQ(validity[QStringLiteral("entries")][0][QStringLiteral("fid")].toInt(), 1);
}

TEST(CliContract, MissingInputIsBadInputNamingTheFile)
{
    const CliResult result = runCli({QStringLiteral("info"), QStringLiteral("/no/such/乡镇.shp")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.startsWith(QStringLiteral("error: /no/such/乡镇.shp: ")))
        << result.err.toStdString();
}

TEST(CliContract, ConvertWritesAndNeverOverwritesSilently)
{
    QTemporaryDir dir;
    const QString in = writeFile(dir, QStringLiteral("in.geojson"), kPolygonGeoJson);
    const QString out = dir.filePath(QStringLiteral("风险区划.shp"));
    CliResult result = runCli(
        {QStringLiteral("convert"), in, out, QStringLiteral("--encoding"), QStringLiteral("GBK")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("fid 1: Self-intersection")));
    const QByteArray before = [&] {
        QFile f(out);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    result = runCli({QStringLiteral("convert"), in, out, QStringLiteral("--t-srs"),
                     QStringLiteral("EPSG:4549")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("--overwrite"))) << result.err.toStdString();
    QFile after(out);
    ASSERT_TRUE(after.open(QIODevice::ReadOnly));
    EXPECT_EQ(after.readAll(), before);
    result = runCli({QStringLiteral("convert"), in, out, QStringLiteral("--t-srs"),
                     QStringLiteral("EPSG:4549"), QStringLiteral("--overwrite")});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    const CliResult info = runCli({QStringLiteral("info"), out, QStringLiteral("--json")});
    const QJsonObject layer = QJsonDocument::fromJson(info.out.toUtf8()).array()[0].toObject();
    EXPECT_EQ(layer[QStringLiteral("crs")][QStringLiteral("epsg")].toInt(), 4549);
    // The overwrite wrote UTF-8 and removed the old GBK set's parts.
    EXPECT_EQ(layer[QStringLiteral("encoding")][QStringLiteral("name")].toString(),
              QStringLiteral("UTF-8"));
}

struct BadInputCase
{
    const char *name;
    const char *file;
    QByteArray content;
    const char *expectInError;
};

TEST(CliContract, BadTablesGiveExitCode2NamingTheRowAndLeaveNoOutput)
{
    const BadInputCase cases[] = {
        {"broken quoting", "quotes.csv", "名称,经度,纬度\n\"甲公司,120.7,28.1\n乙公司,120.6,28.2\n",
         ":row 2"},
        {"wrong column count", "columns.csv", "名称,经度,纬度\n甲公司,120.7,28.1\n乙公司,120.6\n",
         ":row 3"},
        {"swapped coordinates", "swapped.csv",
         "名称,经度,纬度\n甲公司,120.7,28.1\n乙公司,28.2,120.6\n", ":row 3"},
        {"out of range", "range.csv", "名称,经度,纬度\n甲公司,220.7,28.1\n", ":row 2"},
        {"NaN", "nan.csv", "名称,经度,纬度\n甲公司,NaN,28.1\n", ":row 2"},
        {"not a number", "text.csv", "名称,经度,纬度\n甲公司,东经120度,28.1\n", ":row 2"},
    };
    for (const BadInputCase &c : cases) {
        SCOPED_TRACE(c.name);
        QTemporaryDir dir;
        const QString in = writeFile(dir, QString::fromUtf8(c.file), c.content);
        const CliResult result =
            runCli({QStringLiteral("convert"), in, dir.filePath(QStringLiteral("out.gpkg"))});
        EXPECT_EQ(result.exitCode, 2) << result.err.toStdString();
        EXPECT_TRUE(
            result.err.startsWith(QStringLiteral("error: ") + in + QLatin1String(c.expectInError)))
            << result.err.toStdString();
        EXPECT_TRUE(folderHoldsOnly(dir, {QString::fromUtf8(c.file)}));
    }
}

TEST(CliContract, SwappedCoordinatesAreFixedWithRepair)
{
    QTemporaryDir dir;
    const QString in = writeFile(dir, QStringLiteral("swapped.csv"),
                                 "名称,经度,纬度\n甲公司,120.7,28.1\n乙公司,28.2,120.6\n");
    const CliResult result =
        runCli({QStringLiteral("convert"), in, dir.filePath(QStringLiteral("out.gpkg")),
                QStringLiteral("--repair")});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("row 3"))) << result.out.toStdString();
}

TEST(CliContract, DamagedShapefilesGiveExitCode2AndNoOutput)
{
    QTemporaryDir source;
    const QString in = writeFile(source, QStringLiteral("in.geojson"), kPolygonGeoJson);
    const QString shp = source.filePath(QStringLiteral("乡镇.shp"));
    ASSERT_EQ(runCli({QStringLiteral("convert"), in, shp}).exitCode, 0);

    // Missing .prj: no CRS, refused unless --s-srs names one.
    QTemporaryDir noPrj;
    for (const QString &suffix : {QStringLiteral("shp"), QStringLiteral("shx"),
                                  QStringLiteral("dbf"), QStringLiteral("cpg")})
        QFile::copy(source.filePath(QStringLiteral("乡镇.") + suffix),
                    noPrj.filePath(QStringLiteral("乡镇.") + suffix));
    CliResult result =
        runCli({QStringLiteral("convert"), noPrj.filePath(QStringLiteral("乡镇.shp")),
                noPrj.filePath(QStringLiteral("out.gpkg"))});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("--s-srs"))) << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(noPrj.filePath(QStringLiteral("out.gpkg"))));
    result = runCli({QStringLiteral("convert"), noPrj.filePath(QStringLiteral("乡镇.shp")),
                     noPrj.filePath(QStringLiteral("out.gpkg")), QStringLiteral("--s-srs"),
                     QStringLiteral("EPSG:4490")});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();

    // Truncated .shp.
    QFile file(shp);
    ASSERT_TRUE(file.resize(file.size() - 20));
    const QString out = source.filePath(QStringLiteral("out.gpkg"));
    result = runCli({QStringLiteral("convert"), shp, out});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.startsWith(QStringLiteral("error: ") + shp +
                                      QStringLiteral(": the .shp is truncated")))
        << result.err.toStdString();
    EXPECT_FALSE(QFile::exists(out));
    result = runCli({QStringLiteral("convert"), shp, out, QStringLiteral("--repair")});
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("damaged records dropped")));
}
