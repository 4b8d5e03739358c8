// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/project/project.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace riskatlas;
using namespace riskatlas::project;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Keys deliberately out of order, Chinese text, nested arrays.
const char kModel[] = R"({"weights": {"洪涝": 0.4, "地质灾害": 0.35, "山洪": 0.25},
 "layers": [{"layer": "input:flood", "field": "level"}],
 "units": {"layer": "input:townships", "key": "code"}, "name": "永嘉县五色图"})";

} // namespace

TEST(ProjectConfigTest, CanonicalJsonSortsKeysAndEndsWithANewline)
{
    const QJsonDocument document = parseJson(kModel, QStringLiteral("model.json"));
    const QByteArray text = canonicalJson(document);
    EXPECT_TRUE(text.endsWith("}\n"));
    EXPECT_LT(text.indexOf("\"layers\""), text.indexOf("\"name\""));
    EXPECT_LT(text.indexOf("\"name\""), text.indexOf("\"units\""));
    EXPECT_TRUE(text.contains("    \"layers\": ["));
    EXPECT_TRUE(text.contains(QStringLiteral("永嘉县五色图").toUtf8()));
    EXPECT_EQ(canonicalJson(parseJson(text, QStringLiteral("again"))), text);
    EXPECT_THROW(parseJson("{\"a\": }", QStringLiteral("bad.json")), InputError);
}

TEST(ProjectConfigTest, ExportImportExportIsByteIdentical)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.riskatlas"));
    {
        Project project = Project::create(path);
        project.setConfig(ConfigKind::FiveColourModel, parseJson(kModel, QStringLiteral("m")));
        project.setConfig(
            ConfigKind::AtlasConfig,
            parseJson(R"({"title": "永嘉县风险图集", "pages": [1, 2]})", QStringLiteral("a")));
        project.setConfig(ConfigKind::Other, parseJson(R"([1, 2.5, "三"])", QStringLiteral("o")),
                          QStringLiteral("备注"));
        EXPECT_THROW(project.setConfig(ConfigKind::Other, QJsonDocument(QJsonArray{1}),
                                       QStringLiteral("../escape")),
                     InputError);
        EXPECT_THROW(project.setConfig(ConfigKind::AtlasConfig, QJsonDocument(QJsonArray{1}),
                                       QStringLiteral("atlas")),
                     InputError);
    }
    Project project = Project::open(path);
    const QString first = dir.filePath(QStringLiteral("first"));
    const QStringList written = project.exportConfigs(first);
    ASSERT_EQ(written.size(), 3);
    EXPECT_EQ(QDir(first).entryList(QDir::Files, QDir::Name),
              (QStringList{QStringLiteral("atlas_config.json"),
                           QStringLiteral("five_colour_model.json"), QStringLiteral("备注.json")}));
    EXPECT_EQ(readAll(QDir(first).filePath(QStringLiteral("five_colour_model.json"))),
              canonicalJson(parseJson(kModel, QStringLiteral("m"))));

    // Into a second project and out again: the same bytes.
    Project other = Project::create(dir.filePath(QStringLiteral("q.riskatlas")));
    EXPECT_EQ(other.importConfigs(first).size(), 3);
    const QString second = dir.filePath(QStringLiteral("second"));
    other.exportConfigs(second);
    for (const QString &name : QDir(first).entryList(QDir::Files))
        EXPECT_EQ(readAll(QDir(second).filePath(name)), readAll(QDir(first).filePath(name)))
            << name.toStdString();
    EXPECT_EQ(other.config(ConfigKind::FiveColourModel)->json,
              project.config(ConfigKind::FiveColourModel)->json);
    EXPECT_EQ(other.config(QStringLiteral("备注"))->kind, ConfigKind::Other);
}

TEST(ProjectConfigTest, ImportIsAllOrNothing)
{
    QTemporaryDir dir;
    Project project = Project::create(dir.filePath(QStringLiteral("p.riskatlas")));
    project.setConfig(ConfigKind::FiveColourModel,
                      QJsonDocument(QJsonObject{{QStringLiteral("v"), 1}}));
    const QString folder = dir.filePath(QStringLiteral("configs"));
    ASSERT_TRUE(QDir().mkpath(folder));
    writeFile(folder + QStringLiteral("/five_colour_model.json"), "{\"v\": 2}");
    writeFile(folder + QStringLiteral("/zz_broken.json"), "{\"v\": ");
    try {
        project.importConfigs(folder);
        FAIL() << "a broken file was imported";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.location().file.endsWith(QStringLiteral("zz_broken.json")));
    }
    EXPECT_EQ(project.config(ConfigKind::FiveColourModel)
                  ->json.object()
                  .value(QStringLiteral("v"))
                  .toInt(),
              1);
    EXPECT_THROW(project.importConfigs(dir.filePath(QStringLiteral("none"))), InputError);
    EXPECT_THROW(project.removeConfig(QStringLiteral("nothing")), InputError);
    project.removeConfig(QStringLiteral("five_colour_model"));
    EXPECT_FALSE(project.config(ConfigKind::FiveColourModel).has_value());
}
