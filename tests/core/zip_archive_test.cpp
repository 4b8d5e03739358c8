// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/io/zip_archive.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

#include <gtest/gtest.h>

using namespace riskatlas;

namespace {

// Writes an archive whose entries are named exactly as given (hostile names included).
void writeRawZip(const QString &path, const QList<QPair<QString, QByteArray>> &entries,
                 const char *nameCodec = nullptr)
{
    QFile device(path);
    ASSERT_TRUE(device.open(QIODevice::WriteOnly));
    QuaZip zip(&device);
    if (nameCodec)
        zip.setFileNameCodec(nameCodec);
    else
        zip.setUtf8Enabled(true);
    ASSERT_TRUE(zip.open(QuaZip::mdCreate));
    for (const auto &[name, content] : entries) {
        QuaZipFile file(&zip);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)));
        file.write(content);
        file.close();
    }
    zip.close();
}

std::string extractError(const QString &zipPath, const io::ZipLimits &limits = {})
{
    QTemporaryDir target;
    try {
        io::extractZip(zipPath, target.path(), limits);
    } catch (const InputError &error) {
        return error.formatted().toStdString();
    }
    return "no error";
}

} // namespace

TEST(ZipArchive, RefusesEntriesThatLeaveTheFolder)
{
    QTemporaryDir dir;
    for (const QString &name : {QStringLiteral("../evil.txt"), QStringLiteral("a/../../evil.txt"),
                                QStringLiteral("/etc/evil.txt"), QStringLiteral("C:/evil.txt")}) {
        SCOPED_TRACE(name.toStdString());
        const QString zipPath = dir.filePath(QStringLiteral("slip.zip"));
        QFile::remove(zipPath);
        writeRawZip(zipPath, {{name, QByteArrayLiteral("x")}});
        const std::string message = extractError(zipPath);
        EXPECT_NE(message.find("leaves the archive's folder"), std::string::npos) << message;
        EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("evil.txt"))));
    }
}

TEST(ZipArchive, RefusesAbsurdExpansion)
{
    QTemporaryDir dir;
    // 4 MiB of zeros deflate over 1000:1, the default limit.
    const QString bombPath = dir.filePath(QStringLiteral("bomb.zip"));
    writeRawZip(bombPath, {{QStringLiteral("zeros.bin"), QByteArray(4 * 1024 * 1024, '\0')}});
    EXPECT_NE(extractError(bombPath).find("zip bomb"), std::string::npos);

    // Digits deflate about 2:1: fine by ratio, refused by a total-size limit.
    QByteArray digits(2 * 1024 * 1024, '0');
    quint32 state = 12345;
    for (char &c : digits) {
        state = state * 1103515245u + 12345u;
        c = char('0' + (state >> 16) % 10);
    }
    const QString bigPath = dir.filePath(QStringLiteral("big.zip"));
    writeRawZip(bigPath, {{QStringLiteral("digits.txt"), digits}});
    io::ZipLimits total;
    total.maxTotalBytes = 1024 * 1024;
    EXPECT_NE(extractError(bigPath, total).find("expands beyond"), std::string::npos);
    EXPECT_EQ(extractError(bigPath), "no error");
}

TEST(ZipArchive, DecodesGbkEntryNamesFromWindowsArchives)
{
    QTemporaryDir dir;
    const QString zipPath = dir.filePath(QStringLiteral("gbk.zip"));
    writeRawZip(zipPath, {{QStringLiteral("乡镇界.txt"), QByteArrayLiteral("x")}}, "GB18030");
    QTemporaryDir target;
    const QStringList files = io::extractZip(zipPath, target.path());
    ASSERT_EQ(files.size(), 1);
    EXPECT_EQ(files[0], QStringLiteral("乡镇界.txt"));
}

TEST(ZipArchive, ShapefileBundleRoundTripsWithChineseNames)
{
    QTemporaryDir dir;
    model::VectorLayer layer;
    layer.name = QStringLiteral("避灾安置场所");
    layer.crs = crs::cgcs2000();
    layer.geometryType = model::GeometryType::Point;
    layer.fields = {{QStringLiteral("名称"), model::FieldType::String}};
    QByteArray wkb(21, '\0');
    wkb[0] = 1;
    wkb[1] = 1;
    const double xy[2] = {120.7, 28.15};
    memcpy(wkb.data() + 5, xy, 16);
    layer.features.push_back({0, {QStringLiteral("岩头镇中心小学")}, wkb});
    const QString zipPath = dir.filePath(QStringLiteral("避灾安置场所.zip"));
    io::writeLayer(layer, zipPath);
    EXPECT_EQ(io::listLayers(zipPath), QStringList{QStringLiteral("避灾安置场所")});
    const model::VectorLayer read = io::readLayer(zipPath);
    ASSERT_EQ(read.features.size(), 1u);
    EXPECT_EQ(read.features[0].attributes[0].toString(), QStringLiteral("岩头镇中心小学"));
    EXPECT_EQ(read.crs.epsg(), 4490);
    EXPECT_EQ(io::readLayer(zipPath + QStringLiteral("|layername=避灾安置场所")).features.size(),
              1u);
    EXPECT_THROW(io::readLayer(zipPath + QStringLiteral("|layername=none")), InputError);
}
