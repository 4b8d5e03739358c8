// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "support/test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas::test;

namespace {

// The sample county's files a project needs, copied so that the test can move and change them.
const char *const kSampleFiles[] = {
    "townships.shp",          "townships.shx",          "townships.dbf",
    "townships.prj",          "townships.cpg",          "census.gpkg",
    "population_250m.tif",    "enterprises_2025H1.csv", "enterprises_2025H2.csv",
    "five_colour_model.json", "enterprise_config.json", "county_boundary.gpkg",
};

void copySample(const QString &dir)
{
    QDir().mkpath(dir);
    for (const char *name : kSampleFiles) {
        const QString file = QString::fromUtf8(name);
        ASSERT_TRUE(QFile::copy(sampleDataPath(QStringLiteral("yongjia/") + file),
                                QDir(dir).filePath(file)))
            << name;
    }
}

void cli(const QStringList &arguments)
{
    const CliResult result = runCli(arguments, 900000);
    ASSERT_EQ(result.exitCode, 0) << arguments.join(QLatin1Char(' ')).toStdString() << "\n"
                                  << result.err.toStdString();
}

QJsonObject showJson(const QString &project)
{
    const CliResult shown = runCli(
        {QStringLiteral("project"), QStringLiteral("show"), project, QStringLiteral("--json")});
    EXPECT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    return QJsonDocument::fromJson(shown.out.toUtf8()).object();
}

QMap<QString, QByteArray> tablesOf(const QString &outDir)
{
    QMap<QString, QByteArray> tables;
    for (const char *folder : {"five_colour/tables", "enterprises/tables"}) {
        const QDir dir(QDir(outDir).filePath(QLatin1String(folder)));
        for (const QString &name : dir.entryList({QStringLiteral("*.csv")}, QDir::Files)) {
            QFile file(dir.filePath(name));
            EXPECT_TRUE(file.open(QIODevice::ReadOnly));
            tables.insert(QLatin1String(folder) + QLatin1Char('/') + name, file.readAll());
        }
    }
    return tables;
}

} // namespace

// A project built from a script, run, then moved with its data and run again: the second run
// finds its inputs by their relative paths and gives byte-identical tables; the run log holds
// both runs. A changed input stops the next run before anything is computed.
TEST(RunCliTest, ProjectRunsMovesAndRefusesChangedInputs)
{
    QTemporaryDir temp;
    const QString root = temp.filePath(QStringLiteral("县级项目"));
    const QString data = root + QStringLiteral("/data");
    copySample(data);
    const QString project = root + QStringLiteral("/work/永嘉.riskatlas");
    QDir().mkpath(root + QStringLiteral("/work"));
    cli({QStringLiteral("project"), QStringLiteral("create"), project, QStringLiteral("--name"),
         QStringLiteral("永嘉县")});
    const QString census = data + QStringLiteral("/census.gpkg|layername=");
    const QStringList inputs = {data + QStringLiteral("/townships.shp"),
                                census + QStringLiteral("flood_zones"),
                                data + QStringLiteral("/enterprises_2025H2.csv")};
    for (const QString &input : inputs)
        cli({QStringLiteral("project"), QStringLiteral("add-layer"), project, input,
             QStringLiteral("--role"), QStringLiteral("input")});
    cli({QStringLiteral("project"), QStringLiteral("set-model"), project, QStringLiteral("--kind"),
         QStringLiteral("five_colour_model"), data + QStringLiteral("/five_colour_model.json")});
    cli({QStringLiteral("project"), QStringLiteral("set-model"), project, QStringLiteral("--kind"),
         QStringLiteral("enterprise_config"), data + QStringLiteral("/enterprise_config.json")});
    cli({QStringLiteral("project"), QStringLiteral("override"), project, QStringLiteral("--layer"),
         QStringLiteral("risk_map"), QStringLiteral("--key"), QStringLiteral("330324001000"),
         QStringLiteral("--level"), QStringLiteral("5"), QStringLiteral("--reason"),
         QStringLiteral("城区人口密集，按实地核查提级")});

    // Stored configs name the data relative to the project folder.
    const QString exported = temp.filePath(QStringLiteral("configs"));
    cli({QStringLiteral("project"), QStringLiteral("export-configs"), project, exported});
    QFile storedModel(exported + QStringLiteral("/five_colour_model.json"));
    ASSERT_TRUE(storedModel.open(QIODevice::ReadOnly));
    const QByteArray storedText = storedModel.readAll();
    EXPECT_TRUE(storedText.contains("\"../data/townships.shp\"")) << storedText.constData();
    EXPECT_TRUE(storedText.contains("\"../data/census.gpkg|layername=flood_zones\""))
        << storedText.constData();

    const QString out1 = temp.filePath(QStringLiteral("out1"));
    cli({QStringLiteral("run"), project, QStringLiteral("-o"), out1});
    for (const char *file : {"configs/five_colour_model.json", "configs/enterprise_config.json",
                             "five_colour/risk_map.gpkg", "five_colour/risk_zoning.gpkg",
                             "five_colour/shp/risk_map.shp", "enterprises/enterprises.gpkg",
                             "enterprises/change_map.gpkg", "enterprises/lists/风险清单.xlsx"})
        EXPECT_TRUE(QFileInfo::exists(QDir(out1).filePath(QString::fromUtf8(file)))) << file;
    // The resolved config names the data by absolute paths.
    QFile resolved(out1 + QStringLiteral("/configs/five_colour_model.json"));
    ASSERT_TRUE(resolved.open(QIODevice::ReadOnly));
    EXPECT_TRUE(resolved.readAll().contains((data + QStringLiteral("/townships.shp")).toUtf8()));

    QJsonObject shown = showJson(project);
    QJsonArray runs = shown.value(QStringLiteral("runs")).toArray();
    ASSERT_EQ(runs.size(), 1);
    EXPECT_EQ(runs[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    const QByteArray shownText = QJsonDocument(shown).toJson();
    for (const char *layer :
         {"risk_map", "risk_zoning", "prevention_zoning", "enterprises", "area_map"})
        EXPECT_TRUE(shownText.contains(layer)) << layer;

    // The override reached the risk map and its zoning.
    const CliResult info =
        runCli({QStringLiteral("info"), out1 + QStringLiteral("/five_colour/risk_map.gpkg"),
                QStringLiteral("--json")});
    EXPECT_EQ(info.exitCode, 0);
    EXPECT_TRUE(info.out.contains(QStringLiteral("override_reason")));

    // Move the whole folder: the project finds its data again, and the tables are identical.
    const QString moved = temp.filePath(QStringLiteral("搬迁后"));
    ASSERT_TRUE(QDir().rename(root, moved));
    const QString movedProject = moved + QStringLiteral("/work/永嘉.riskatlas");
    const QString out2 = temp.filePath(QStringLiteral("out2"));
    cli({QStringLiteral("run"), movedProject, QStringLiteral("-o"), out2});
    const QMap<QString, QByteArray> first = tablesOf(out1);
    const QMap<QString, QByteArray> second = tablesOf(out2);
    EXPECT_GE(first.size(), 8);
    EXPECT_EQ(first.keys(), second.keys());
    for (auto it = first.cbegin(); it != first.cend(); ++it)
        EXPECT_EQ(it.value(), second.value(it.key())) << it.key().toStdString();
    runs = showJson(movedProject).value(QStringLiteral("runs")).toArray();
    EXPECT_EQ(runs.size(), 2);

    // A changed input is reported before the run, and nothing is written.
    {
        QFile csv(moved + QStringLiteral("/data/enterprises_2025H2.csv"));
        ASSERT_TRUE(csv.open(QIODevice::Append));
        csv.write("\r\n");
    }
    const QString out3 = temp.filePath(QStringLiteral("out3"));
    const CliResult refused =
        runCli({QStringLiteral("run"), movedProject, QStringLiteral("-o"), out3});
    EXPECT_EQ(refused.exitCode, 2) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("enterprises_2025H2")))
        << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("changed"))) << refused.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out3 + QStringLiteral("/five_colour")));
}
