// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/config_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas::project;

namespace {

void touch(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
}

} // namespace

TEST(ConfigPathsTest, RebasesOnlyStringsThatAreExistingFiles)
{
    QTemporaryDir temp;
    const QString from = temp.filePath(QStringLiteral("数据"));
    const QString to = temp.filePath(QStringLiteral("project/work"));
    QDir().mkpath(to);
    touch(from + QStringLiteral("/townships.shp"));
    touch(from + QStringLiteral("/census.gpkg"));
    touch(from + QStringLiteral("/level"));               // a file named like a field
    QDir().mkpath(from + QStringLiteral("/five_colour")); // a folder named like a palette
    const QJsonObject config{
        {QStringLiteral("units"),
         QJsonObject{{QStringLiteral("source"), QStringLiteral("townships.shp")},
                     {QStringLiteral("id_field"), QStringLiteral("code")}}},
        {QStringLiteral("hazards"),
         QJsonArray{QJsonObject{
             {QStringLiteral("source"), QStringLiteral("census.gpkg|layername=flood_zones")},
             {QStringLiteral("level_field"), QStringLiteral("level")}}}},
        {QStringLiteral("palette"), QStringLiteral("five_colour")},
        {QStringLiteral("input"), QStringLiteral("input:townships")},
        {QStringLiteral("absolute"), QStringLiteral("/usr/share/doc")},
        {QStringLiteral("number"), 3}};
    const QJsonObject rebased = rebaseConfigPaths(QJsonDocument(config), from, to).object();
    EXPECT_EQ(rebased.value(QStringLiteral("units")).toObject().value(QStringLiteral("source")),
              QStringLiteral("../../数据/townships.shp"));
    EXPECT_EQ(rebased.value(QStringLiteral("units")).toObject().value(QStringLiteral("id_field")),
              QStringLiteral("code"));
    const QJsonObject hazard = rebased.value(QStringLiteral("hazards")).toArray().at(0).toObject();
    EXPECT_EQ(hazard.value(QStringLiteral("source")),
              QStringLiteral("../../数据/census.gpkg|layername=flood_zones"));
    // Existence decides: a file called "level" beside the config makes "level" look like a
    // path. Documented; real configs do not have such files beside them.
    EXPECT_EQ(hazard.value(QStringLiteral("level_field")), QStringLiteral("../../数据/level"));
    EXPECT_EQ(rebased.value(QStringLiteral("palette")), QStringLiteral("five_colour"));
    EXPECT_EQ(rebased.value(QStringLiteral("input")), QStringLiteral("input:townships"));
    EXPECT_EQ(rebased.value(QStringLiteral("absolute")), QStringLiteral("/usr/share/doc"));
    EXPECT_EQ(rebased.value(QStringLiteral("number")).toInt(), 3);

    // Back again gives the original.
    const QJsonObject back = rebaseConfigPaths(QJsonDocument(rebased), to, from).object();
    EXPECT_EQ(back.value(QStringLiteral("units")).toObject().value(QStringLiteral("source")),
              QStringLiteral("townships.shp"));
}
