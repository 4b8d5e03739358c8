// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/package/package_manifest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::package;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

} // namespace

TEST(PackageManifestTest, DigestsAreTheFips180Vectors)
{
    QTemporaryDir dir;
    // FIPS 180-2 appendix B.1 ("abc") and the digest of the empty message.
    const FileDigest abc =
        digestFile(writeFile(dir, QStringLiteral("甲.txt"), "abc"), QStringLiteral("甲.txt"));
    EXPECT_EQ(abc.size, 3);
    EXPECT_EQ(abc.name, QStringLiteral("甲.txt"));
    EXPECT_EQ(abc.sha256,
              QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    const FileDigest empty = digestFile(writeFile(dir, QStringLiteral("e"), {}), {});
    EXPECT_EQ(empty.size, 0);
    EXPECT_EQ(empty.sha256,
              QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    // A million 'a' (B.3), read in several chunks.
    const FileDigest million = digestFile(
        writeFile(dir, QStringLiteral("a"), QByteArray(1000000, 'a')), QStringLiteral("a"));
    EXPECT_EQ(million.size, 1000000);
    EXPECT_EQ(million.sha256,
              QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

TEST(PackageManifestTest, MissingFileIsAnInputErrorNamingIt)
{
    try {
        digestFile(QStringLiteral("/nonexistent/输入.gpkg"), QStringLiteral("输入.gpkg"));
        FAIL() << "no error";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.formatted().contains(QStringLiteral("/nonexistent/输入.gpkg")));
    }
}

TEST(PackageManifestTest, JsonHoldsEverySection)
{
    PackageManifest manifest;
    manifest.title = QStringLiteral("永嘉县成果包");
    manifest.version = QStringLiteral("0.9.0");
    manifest.createdUtc = QStringLiteral("2025-06-30T08:00:00Z");
    manifest.parameters = {{QStringLiteral("encoding"), QStringLiteral("GBK")}};
    manifest.configs.push_back({{QStringLiteral("模型.json"), 12, QStringLiteral("aa")},
                                QJsonObject{{QStringLiteral("lambda"), 0.5}}});
    manifest.inputs.push_back({QStringLiteral("townships.shp"), 100, QStringLiteral("bb")});
    manifest.files.push_back({QStringLiteral("shp/乡镇界.dbf"), 7, QStringLiteral("cc")});
    manifest.files.push_back({QStringLiteral("tables/表.xlsx"), 8, QStringLiteral("dd")});

    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(manifestToJson(manifest), &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError);
    EXPECT_EQ(root.value(QStringLiteral("title")).toString(), QStringLiteral("永嘉县成果包"));
    EXPECT_EQ(root.value(QStringLiteral("version")).toString(), QStringLiteral("0.9.0"));
    EXPECT_EQ(root.value(QStringLiteral("created_utc")).toString(),
              QStringLiteral("2025-06-30T08:00:00Z"));
    EXPECT_EQ(root.value(QStringLiteral("parameters"))[QStringLiteral("encoding")].toString(),
              QStringLiteral("GBK"));
    const QJsonObject config = root.value(QStringLiteral("configs")).toArray().at(0).toObject();
    EXPECT_EQ(config.value(QStringLiteral("name")).toString(), QStringLiteral("模型.json"));
    EXPECT_EQ(config.value(QStringLiteral("content"))[QStringLiteral("lambda")].toDouble(), 0.5);
    const QJsonArray inputs = root.value(QStringLiteral("inputs")).toArray();
    ASSERT_EQ(inputs.size(), 1);
    EXPECT_EQ(inputs.at(0)[QStringLiteral("size")].toInteger(), 100);
    EXPECT_EQ(inputs.at(0)[QStringLiteral("sha256")].toString(), QStringLiteral("bb"));
    const QJsonArray files = root.value(QStringLiteral("files")).toArray();
    ASSERT_EQ(files.size(), 2);
    EXPECT_EQ(files.at(0)[QStringLiteral("name")].toString(), QStringLiteral("shp/乡镇界.dbf"));
    EXPECT_EQ(files.at(1)[QStringLiteral("name")].toString(), QStringLiteral("tables/表.xlsx"));
}
