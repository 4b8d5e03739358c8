// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/io/shapefile_integrity.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;

namespace {

// Ten squares with Chinese names, written as a UTF-8 or GBK shapefile set in `dir`.
QString writeSquares(const QString &dir, const QString &encoding = {})
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = QStringLiteral("乡镇");
    layer.crs = crs::cgcs2000();
    layer.geometryType = model::GeometryType::Polygon;
    layer.fields = {{QStringLiteral("名称"), model::FieldType::String}};
    for (int i = 0; i < 10; ++i) {
        const double x = 120.5 + 0.01 * i;
        const geos::GeometryPtr square =
            geos::fromWkt(context, QStringLiteral("POLYGON((%1 28,%2 28,%2 28.01,%1 28.01,%1 28))")
                                       .arg(x, 0, 'f', 2)
                                       .arg(x + 0.01, 0, 'f', 2));
        layer.features.push_back(
            {i, {QStringLiteral("第%1乡镇").arg(i + 1)}, geos::toWkb(context, square.get())});
    }
    const QString path = QDir(dir).filePath(QStringLiteral("乡镇界.shp"));
    io::WriteOptions options;
    if (!encoding.isEmpty())
        options.encoding = encoding;
    io::writeLayer(layer, path, options);
    return path;
}

void truncateBy(const QString &path, qint64 bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.resize(file.size() - bytes));
}

QString sibling(const QString &shp, const QString &suffix)
{
    QString path = shp;
    path.chop(3);
    return path + suffix;
}

std::string messageOf(const QString &spec, const io::ReadOptions &options = {})
{
    try {
        io::readLayer(spec, options);
    } catch (const InputError &error) {
        return error.formatted().toStdString();
    }
    return "no error";
}

} // namespace

TEST(ShapefileDamage, IntactSetPassesTheCheck)
{
    QTemporaryDir dir;
    const QString shp = writeSquares(dir.path());
    const io::ShapefileIntegrity integrity = io::checkShapefile(shp);
    EXPECT_TRUE(integrity.isIntact()) << integrity.problems.join(QLatin1Char(';')).toStdString();
    EXPECT_EQ(integrity.shxRecords, 10);
    EXPECT_EQ(integrity.dbfRecords, 10);
    EXPECT_EQ(io::readLayer(shp).features.size(), 10u);
}

TEST(ShapefileDamage, TruncatedShpIsAnErrorAndRepairReadsTheCompleteRecords)
{
    QTemporaryDir dir;
    const QString shp = writeSquares(dir.path());
    truncateBy(shp, 30); // cuts into the last polygon's record
    const std::string message = messageOf(shp);
    EXPECT_NE(message.find("乡镇界.shp"), std::string::npos) << message;
    EXPECT_NE(message.find("truncated"), std::string::npos) << message;

    io::ReadOptions options;
    options.repair = true;
    io::ReadReport report;
    const model::VectorLayer layer = io::readLayer(shp, options, &report);
    EXPECT_EQ(layer.features.size(), 9u);
    EXPECT_TRUE(report.fileRepairs.join(QLatin1Char('\n')).contains(QStringLiteral("1 damaged")))
        << report.fileRepairs.join(QLatin1Char('\n')).toStdString();
}

TEST(ShapefileDamage, TruncatedDbfIsAnError)
{
    QTemporaryDir dir;
    const QString shp = writeSquares(dir.path());
    truncateBy(sibling(shp, QStringLiteral("dbf")), 5);
    const std::string message = messageOf(shp);
    EXPECT_NE(message.find(".dbf is truncated"), std::string::npos) << message;
}

TEST(ShapefileDamage, MissingShxIsAnErrorAndRepairRebuildsItInACopy)
{
    QTemporaryDir dir;
    const QString shp = writeSquares(dir.path());
    ASSERT_TRUE(QFile::remove(sibling(shp, QStringLiteral("shx"))));
    const std::string message = messageOf(shp);
    EXPECT_NE(message.find(".shx index file is missing"), std::string::npos) << message;

    io::ReadOptions options;
    options.repair = true;
    EXPECT_EQ(io::readLayer(shp, options).features.size(), 10u);
    // The user's folder is left as it was.
    EXPECT_FALSE(QFile::exists(sibling(shp, QStringLiteral("shx"))));
}

TEST(ShapefileDamage, MissingPrjLeavesTheLayerWithoutCrs)
{
    QTemporaryDir dir;
    const QString shp = writeSquares(dir.path());
    ASSERT_TRUE(QFile::remove(sibling(shp, QStringLiteral("prj"))));
    EXPECT_FALSE(io::readLayer(shp).crs.isValid());
    io::ReadOptions options;
    options.sourceCrs = crs::Crs::fromEpsg(4490);
    EXPECT_EQ(io::readLayer(shp, options).crs.epsg(), 4490);
}

TEST(ShapefileEncoding, GbkWithoutCpgReadsFromTheLanguageByte)
{
    QTemporaryDir dir;
    const QString shp = writeSquares(dir.path(), QStringLiteral("GBK"));
    ASSERT_TRUE(QFile::remove(sibling(shp, QStringLiteral("cpg"))));
    const model::VectorLayer layer = io::readLayer(shp);
    EXPECT_EQ(layer.sourceEncoding, QStringLiteral("GBK"));
    EXPECT_EQ(layer.encodingSource, QStringLiteral("dbf language id"));
    EXPECT_EQ(layer.fields[0].name, QStringLiteral("名称"));
    EXPECT_EQ(layer.features[3].attributes[0].toString(), QStringLiteral("第4乡镇"));
}

TEST(ShapefileEncoding, GbkWithNothingToSaySoIsDetected)
{
    // As old ArcGIS writes it: GBK bytes, no .cpg, language byte 0.
    QTemporaryDir dir;
    const QString shp = writeSquares(dir.path(), QStringLiteral("GBK"));
    ASSERT_TRUE(QFile::remove(sibling(shp, QStringLiteral("cpg"))));
    QFile dbf(sibling(shp, QStringLiteral("dbf")));
    ASSERT_TRUE(dbf.open(QIODevice::ReadWrite));
    dbf.seek(29);
    dbf.write(QByteArray(1, '\0'));
    dbf.close();
    const model::VectorLayer layer = io::readLayer(shp);
    EXPECT_EQ(layer.sourceEncoding, QStringLiteral("GBK"));
    EXPECT_EQ(layer.encodingSource, QStringLiteral("detected"));
    EXPECT_EQ(layer.features[9].attributes[0].toString(), QStringLiteral("第10乡镇"));
}

TEST(ShapefileEncoding, WrongDeclaredEncodingIsAnErrorNotReplacementCharacters)
{
    // A .cpg that says UTF-8 over GBK bytes: QGIS shows U+FFFD; here it is an error.
    QTemporaryDir dir;
    const QString shp = writeSquares(dir.path(), QStringLiteral("GBK"));
    QFile cpg(sibling(shp, QStringLiteral("cpg")));
    ASSERT_TRUE(cpg.open(QIODevice::WriteOnly | QIODevice::Truncate));
    cpg.write("UTF-8");
    cpg.close();
    const std::string message = messageOf(shp);
    EXPECT_NE(message.find("not valid UTF-8"), std::string::npos) << message;
    io::ReadOptions options;
    options.encoding = QStringLiteral("GBK");
    EXPECT_EQ(io::readLayer(shp, options).features[0].attributes[0].toString(),
              QStringLiteral("第1乡镇"));
}

TEST(ShapefileEncoding, SampleCountyGbkCopiesReadCorrectly)
{
    for (const QString &folder :
         {QStringLiteral("乡镇界_gbk"), QStringLiteral("乡镇界_gbk_noldid")}) {
        const QString shp = test::sampleDataPath(QStringLiteral("yongjia/") + folder +
                                                 QStringLiteral("/乡镇界.shp"));
        if (!QFile::exists(shp))
            GTEST_SKIP() << "sample data not generated";
        const model::VectorLayer layer = io::readLayer(shp);
        EXPECT_EQ(layer.sourceEncoding, QStringLiteral("GBK"));
        EXPECT_EQ(layer.features.size(), 22u);
        QStringList names;
        const int name = model::fieldIndex(layer.fields, QStringLiteral("name"));
        ASSERT_GE(name, 0);
        for (const model::Feature &feature : layer.features)
            names.append(feature.attributes[name].toString());
        EXPECT_TRUE(names.contains(QStringLiteral("巽宅镇")))
            << names.join(QLatin1Char(',')).toStdString();
        EXPECT_TRUE(names.contains(QStringLiteral("茗岙乡")));
    }
}
