// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/credit_code.h"
#include "core/error.h"
#include "core/io/csv_table_reader.h"
#include "core/io/layer_reader.h"
#include "core/io/xlsx_table_reader.h"
#include "core/project/config_paths.h"
#include "core/project/project.h"
#include "core/project/project_run.h"

#include "support/test_support.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::project;

namespace {

QJsonDocument readJson(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return QJsonDocument::fromJson(file.readAll());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

// The sample county as a project in `folder`: the enterprise grading (and the five-colour
// model when asked) stored as `project set-model` stores them, and a minimal atlas config.
Project sampleProject(const QString &folder, bool withFiveColour)
{
    const QString data = test::sampleDataPath(QStringLiteral("yongjia"));
    Project project = Project::create(QDir(folder).filePath(QStringLiteral("永嘉.riskatlas")),
                                      QStringLiteral("永嘉县"));
    if (withFiveColour)
        project.setConfig(
            ConfigKind::FiveColourModel,
            rebaseConfigPaths(readJson(data + QStringLiteral("/five_colour_model.json")), data,
                              folder));
    project.setConfig(ConfigKind::EnterpriseConfig,
                      rebaseConfigPaths(readJson(data + QStringLiteral("/enterprise_config.json")),
                                        data, folder));
    project.setConfig(
        ConfigKind::AtlasConfig,
        QJsonDocument(QJsonObject{{QStringLiteral("title"), QStringLiteral("测试")}}));
    return project;
}

PlannerOverride makeOverride(const QString &layer, const QString &key, int level,
                             const QString &reason)
{
    PlannerOverride entry;
    entry.layer = layer;
    entry.key = key;
    entry.level = level;
    entry.reason = reason;
    entry.user = QStringLiteral("王工");
    return entry;
}

QVariant valueOf(const model::VectorLayer &layer, std::size_t feature, const QString &field)
{
    const int index = model::fieldIndex(layer.fields, field);
    EXPECT_GE(index, 0) << field.toStdString();
    return index < 0 ? QVariant() : layer.features.at(feature).attributes.value(index);
}

// The atlas step of a run, without drawing: keeps the notes the run gave it.
struct AtlasNotes
{
    QStringList lines;
    RunAtlasStep step()
    {
        return [this](const QString &configPath, const QString &, const QString &, Feedback *) {
            lines.clear();
            const QJsonArray notes = readJson(configPath)
                                         .object()
                                         .value(QStringLiteral("parameters"))
                                         .toObject()
                                         .value(QStringLiteral("人工调整"))
                                         .toArray();
            for (const QJsonValue &note : notes)
                lines.append(note.toString());
            return QStringList();
        };
    }
};

// Sum of `area_km2` over the features of `level`, and the count of such features.
double areaOfLevel(const model::VectorLayer &layer, int level)
{
    double area = 0;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        if (valueOf(layer, i, QStringLiteral("level")).toInt() == level)
            area += valueOf(layer, i, QStringLiteral("area_km2")).toDouble();
    }
    return area;
}

int countWhere(const model::VectorLayer &layer, const QString &field, int value)
{
    int count = 0;
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        count += valueOf(layer, i, field).toInt() == value ? 1 : 0;
    return count;
}

int levelCount(const QString &csv, int level)
{
    const io::TextTable table = io::readCsvTable(csv);
    const qsizetype levelColumn = table.headers.indexOf(QStringLiteral("level"));
    const qsizetype countColumn = table.headers.indexOf(QStringLiteral("动态调整后数"));
    for (const QStringList &row : table.rows) {
        if (row.value(levelColumn).toInt() == level)
            return row.value(countColumn).toInt();
    }
    return -1;
}

// The county's 高 area in risk_by_township.csv (the 合计 row of level 5).
double totalHighArea(const QString &csv)
{
    const io::TextTable table = io::readCsvTable(csv);
    const qsizetype id = table.headers.indexOf(QStringLiteral("township_id"));
    const qsizetype level = table.headers.indexOf(QStringLiteral("level"));
    const qsizetype area = table.headers.indexOf(QStringLiteral("area_km2"));
    for (const QStringList &row : table.rows) {
        if (row.value(id) == QLatin1String("total") && row.value(level).toInt() == 5)
            return row.value(area).toDouble();
    }
    return -1;
}

} // namespace

// The sample county as a project: a zone's and a firm's planner overrides reach the risk map,
// both zonings, the tables, the firm layer, the lists and the atlas notes; they survive a
// rerun that adds a prevention-zone override, whose other outputs stay byte-identical; an
// override whose zone does not exist is reported, in the run and in the notes. Expected
// figures are derived from the run without the override: the zone's units move from its level
// to 高, so the 高 unit count grows by the zone's unit count and the 高 area by its area.
TEST(ProjectRunOverrides, ZoneAndFirmOverridesReachEveryOutputAndSurviveReruns)
{
    QTemporaryDir dir;
    Project project = sampleProject(dir.path(), true);
    // Before any run, a zone key cannot be checked against results: this one names no zone.
    project.addOverride(makeOverride(QStringLiteral("risk_zoning"), QStringLiteral("Z000000000000"),
                                     2, QStringLiteral("旧分区")));

    AtlasNotes notes;
    auto optionsFor = [&](const QString &name) {
        ProjectRunOptions options;
        options.outDir = dir.filePath(name);
        options.threads = 2;
        options.atlas = notes.step();
        return options;
    };
    const QString out1 = dir.filePath(QStringLiteral("out1"));
    const ProjectRunResult first = runProject(project, optionsFor(QStringLiteral("out1")));
    ASSERT_EQ(first.overrides.size(), 1);
    EXPECT_FALSE(first.overrides[0].outcome.applied);
    EXPECT_TRUE(first.warnings.join(QLatin1Char('\n')).contains(QStringLiteral("Z000000000000")));
    EXPECT_TRUE(first.record.message.contains(QStringLiteral("Z000000000000")));
    const QJsonArray logged = first.record.parameters.value(QStringLiteral("overrides")).toArray();
    ASSERT_EQ(logged.size(), 1);
    EXPECT_FALSE(logged[0].toObject().value(QStringLiteral("applied")).toBool(true));
    const PlannerOverride stale = project.overrides().at(0);
    ASSERT_EQ(notes.lines.size(), 1);
    EXPECT_EQ(notes.lines[0],
              QStringLiteral("未应用（本次结果中已无此对象）：风险区划 Z000000000000 → "
                             "2级，旧分区（王工，%1）")
                  .arg(stale.created.left(10)));

    // The zone: the largest 中 zone of the first run. The firm: the first 低 one.
    const model::VectorLayer zones1 =
        io::readLayer(out1 + QStringLiteral("/five_colour/risk_zoning.gpkg"));
    const model::VectorLayer map1 =
        io::readLayer(out1 + QStringLiteral("/five_colour/risk_map.gpkg"));
    std::size_t chosen = zones1.features.size();
    for (std::size_t i = 0; i < zones1.features.size() && chosen == zones1.features.size(); ++i) {
        if (valueOf(zones1, i, QStringLiteral("level")).toInt() == 3)
            chosen = i;
    }
    ASSERT_LT(chosen, zones1.features.size());
    const QString zoneId = valueOf(zones1, chosen, QStringLiteral("zone_id")).toString();
    const int zoneUnits = valueOf(zones1, chosen, QStringLiteral("units")).toInt();
    const double zoneArea = valueOf(zones1, chosen, QStringLiteral("area_km2")).toDouble();
    ASSERT_GE(zoneUnits, 1);
    const int high1 = countWhere(map1, QStringLiteral("level"), 5);
    const double highArea1 = areaOfLevel(zones1, 5);

    const model::VectorLayer firms1 =
        io::readLayer(out1 + QStringLiteral("/enterprises/enterprises.gpkg"));
    QString code;
    QString firmName;
    for (std::size_t i = 0; i < firms1.features.size() && code.isEmpty(); ++i) {
        const QString candidate = valueOf(firms1, i, QStringLiteral("统一社会信用代码")).toString();
        if (valueOf(firms1, i, QStringLiteral("level")).toInt() == 1 &&
            !enterprise::creditCodeProblem(candidate)) {
            code = candidate.trimmed().toUpper();
            firmName = valueOf(firms1, i, QStringLiteral("企业名称")).toString();
        }
    }
    ASSERT_FALSE(code.isEmpty());
    int sameCode = 0;
    for (std::size_t i = 0; i < firms1.features.size(); ++i)
        sameCode +=
            valueOf(firms1, i, QStringLiteral("统一社会信用代码")).toString().trimmed().toUpper() ==
            code;
    ASSERT_EQ(sameCode, 1);
    const QString levels1 = out1 + QStringLiteral("/enterprises/tables/level_counts.csv");

    // What the project refuses, naming the project, layer and key.
    const std::pair<PlannerOverride, const char *> refused[] = {
        {makeOverride(QStringLiteral("hazard_flood"), QStringLiteral("1"), 2, QStringLiteral("x")),
         "risk_zoning (key zone_id)"},
        {makeOverride(QStringLiteral("risk_zoning"), zoneId, 6, QStringLiteral("x")),
         "level 6 is not between 1 and 5"},
        {makeOverride(QStringLiteral("prevention_zoning"), QStringLiteral("Z1"), 4,
                      QStringLiteral("x")),
         "level 4 is not between 1 and 3"},
        {makeOverride(QStringLiteral("risk_zoning"), QStringLiteral("Zffffffffffff"), 2,
                      QStringLiteral("x")),
         "has no zone_id \"Zffffffffffff\""},
        {makeOverride(QStringLiteral("enterprises"), QStringLiteral("91330324MA2L0001XB"), 2,
                      QStringLiteral("x")),
         "not a unified social credit code"},
        {makeOverride(QStringLiteral("enterprises"), code, 5, QStringLiteral("x")),
         "level 5 is not between 1 and 4"},
        {makeOverride(QStringLiteral("enterprises"), code, 2, QStringLiteral("  ")),
         "needs a reason"}};
    for (const auto &[entry, message] : refused) {
        SCOPED_TRACE(message);
        try {
            project.addOverride(entry);
            ADD_FAILURE() << "accepted";
        } catch (const InputError &error) {
            EXPECT_TRUE(error.message().contains(QString::fromUtf8(message)))
                << error.formatted().toStdString();
            EXPECT_EQ(error.location().file, project.path());
        }
    }
    EXPECT_EQ(project.overrides().size(), 1);

    project.addOverride(
        makeOverride(QStringLiteral("risk_zoning"), zoneId, 5, QStringLiteral("山洪复核")));
    project.addOverride(makeOverride(QStringLiteral("enterprises"), code.toLower(), 4,
                                     QStringLiteral("重大隐患复核")));
    const QString out2 = dir.filePath(QStringLiteral("out2"));
    const ProjectRunResult second = runProject(project, optionsFor(QStringLiteral("out2")));
    ASSERT_EQ(second.overrides.size(), 3);
    EXPECT_FALSE(second.overrides[0].outcome.applied);
    EXPECT_TRUE(second.overrides[1].outcome.applied);
    EXPECT_EQ(second.overrides[1].outcome.modelLevel, 3);
    EXPECT_EQ(second.overrides[1].outcome.features, zoneUnits);
    EXPECT_TRUE(second.overrides[2].outcome.applied);
    EXPECT_EQ(second.overrides[2].entry.key, code);

    const model::VectorLayer map2 =
        io::readLayer(out2 + QStringLiteral("/five_colour/risk_map.gpkg"));
    EXPECT_EQ(countWhere(map2, QStringLiteral("overridden"), 1), zoneUnits);
    EXPECT_EQ(countWhere(map2, QStringLiteral("level"), 5), high1 + zoneUnits);
    for (std::size_t i = 0; i < map2.features.size(); ++i) {
        if (valueOf(map2, i, QStringLiteral("overridden")).toInt() != 1)
            continue;
        EXPECT_EQ(valueOf(map2, i, QStringLiteral("level")).toInt(), 5);
        EXPECT_EQ(valueOf(map2, i, QStringLiteral("model_level")).toInt(), 3);
        EXPECT_EQ(valueOf(map2, i, QStringLiteral("override_reason")).toString(),
                  QStringLiteral("山洪复核"));
    }
    const model::VectorLayer zones2 =
        io::readLayer(out2 + QStringLiteral("/five_colour/risk_zoning.gpkg"));
    EXPECT_NEAR(areaOfLevel(zones2, 5), highArea1 + zoneArea, 1e-6);
    EXPECT_NEAR(totalHighArea(out2 + QStringLiteral("/five_colour/tables/risk_by_township.csv")),
                highArea1 + zoneArea, 1e-3);
    int markedZones = 0;
    for (std::size_t i = 0; i < zones2.features.size(); ++i) {
        if (valueOf(zones2, i, QStringLiteral("overridden")).toInt() != 1)
            continue;
        ++markedZones;
        EXPECT_EQ(valueOf(zones2, i, QStringLiteral("level")).toInt(), 5);
        EXPECT_EQ(valueOf(zones2, i, QStringLiteral("override_reason")).toString(),
                  QStringLiteral("山洪复核"));
    }
    EXPECT_EQ(markedZones, 1);

    const model::VectorLayer firms2 =
        io::readLayer(out2 + QStringLiteral("/enterprises/enterprises.gpkg"));
    EXPECT_EQ(countWhere(firms2, QStringLiteral("overridden"), 1), 1);
    const QString levels2 = out2 + QStringLiteral("/enterprises/tables/level_counts.csv");
    EXPECT_EQ(levelCount(levels2, 4), levelCount(levels1, 4) + 1);
    EXPECT_EQ(levelCount(levels2, 1), levelCount(levels1, 1) - 1);
    EXPECT_EQ(levelCount(levels2, 2), levelCount(levels1, 2));
    const io::TextTable risks =
        io::readXlsxTable(out2 + QStringLiteral("/enterprises/lists/风险清单.xlsx"));
    const qsizetype nameColumn = risks.headers.indexOf(QStringLiteral("企业名称"));
    const qsizetype codeColumn = risks.headers.indexOf(QStringLiteral("统一社会信用代码"));
    const qsizetype noteColumn = risks.headers.indexOf(QStringLiteral("人工调整说明"));
    int noted = 0;
    for (const QStringList &row : risks.rows) {
        if (row.value(noteColumn).isEmpty())
            continue;
        ++noted;
        EXPECT_EQ(row.value(codeColumn).trimmed().toUpper(), code);
        EXPECT_EQ(row.value(nameColumn), firmName);
        EXPECT_EQ(row.value(noteColumn), QStringLiteral("低→重大：重大隐患复核"));
    }
    EXPECT_EQ(noted, 1);

    const QList<PlannerOverride> stored = project.overrides();
    ASSERT_EQ(notes.lines.size(), 3);
    EXPECT_TRUE(notes.lines[0].startsWith(QStringLiteral("未应用")))
        << notes.lines[0].toStdString();
    EXPECT_TRUE(notes.lines[1].startsWith(QStringLiteral("风险区划 %1（").arg(zoneId)))
        << notes.lines[1].toStdString();
    EXPECT_TRUE(notes.lines[1].endsWith(
        QStringLiteral("：3级 → 5级，山洪复核（王工，%1）").arg(stored[1].created.left(10))))
        << notes.lines[1].toStdString();
    EXPECT_EQ(notes.lines[2], QStringLiteral("企业 %1（%2）：1级 → 4级，重大隐患复核（王工，%3）")
                                  .arg(code, firmName, stored[2].created.left(10)));

    // A rerun with a prevention-zone override added: the zone and firm overrides hold, and
    // everything the new override does not touch is byte-identical.
    const model::VectorLayer prevention2 =
        io::readLayer(out2 + QStringLiteral("/five_colour/prevention_zoning.gpkg"));
    std::size_t prevention = prevention2.features.size();
    for (std::size_t i = 0;
         i < prevention2.features.size() && prevention == prevention2.features.size(); ++i) {
        if (valueOf(prevention2, i, QStringLiteral("level")).toInt() == 1)
            prevention = i;
    }
    ASSERT_LT(prevention, prevention2.features.size());
    const QString preventionId =
        valueOf(prevention2, prevention, QStringLiteral("zone_id")).toString();
    const int preventionUnits = valueOf(prevention2, prevention, QStringLiteral("units")).toInt();
    project.addOverride(makeOverride(QStringLiteral("prevention_zoning"), preventionId, 2,
                                     QStringLiteral("学校周边")));
    const QString out3 = dir.filePath(QStringLiteral("out3"));
    const ProjectRunResult third = runProject(project, optionsFor(QStringLiteral("out3")));
    ASSERT_EQ(third.overrides.size(), 4);
    EXPECT_TRUE(third.overrides[1].outcome.applied);
    EXPECT_TRUE(third.overrides[2].outcome.applied);
    EXPECT_TRUE(third.overrides[3].outcome.applied);
    EXPECT_EQ(notes.lines.size(), 4);
    for (const char *file :
         {"five_colour/tables/risk_by_township.csv", "five_colour/tables/breaks.csv",
          "five_colour/tables/hazard_by_township.csv", "enterprises/tables/level_counts.csv",
          "enterprises/tables/level_shares.csv", "enterprises/tables/comparison_summary.csv"})
        EXPECT_EQ(readAll(out2 + QLatin1Char('/') + QLatin1String(file)),
                  readAll(out3 + QLatin1Char('/') + QLatin1String(file)))
            << file;
    const model::VectorLayer map3 =
        io::readLayer(out3 + QStringLiteral("/five_colour/risk_map.gpkg"));
    int prevented = 0;
    for (std::size_t i = 0; i < map3.features.size(); ++i) {
        if (valueOf(map3, i, QStringLiteral("prev_reason")).toString() ==
            QStringLiteral("学校周边")) {
            ++prevented;
            EXPECT_EQ(valueOf(map3, i, QStringLiteral("prev_zone")).toInt(), 2);
        }
    }
    EXPECT_EQ(prevented, preventionUnits);
    const model::VectorLayer prevention3 =
        io::readLayer(out3 + QStringLiteral("/five_colour/prevention_zoning.gpkg"));
    EXPECT_EQ(countWhere(prevention3, QStringLiteral("overridden"), 1), 1);
    // The stored results carry the marks too.
    const model::VectorLayer storedZones = project.readLayer(QStringLiteral("risk_zoning"));
    EXPECT_EQ(countWhere(storedZones, QStringLiteral("overridden"), 1), 1);
}

namespace {

// Every file under `dir` (hidden ones too) with its content.
QMap<QString, QByteArray> snapshot(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(dir).relativeFilePath(path), readAll(path));
    }
    return files;
}

} // namespace

// A run writes into a staging folder and moves its files into place only at the end: a rerun
// cancelled in its last step leaves the earlier results byte for byte, and no staging folder;
// without --overwrite a rerun is refused before any work.
TEST(ProjectRunOverrides, CancelledRerunLeavesTheOutputFolderAsItWas)
{
    QTemporaryDir dir;
    Project project = sampleProject(dir.path(), false);
    const QString out = dir.filePath(QStringLiteral("成果 out"));
    ProjectRunOptions options;
    options.outDir = out;
    options.atlas = [](const QString &, const QString &, const QString &, Feedback *) {
        return QStringList();
    };
    runProject(project, options);
    const QMap<QString, QByteArray> before = snapshot(out);
    ASSERT_TRUE(before.contains(QStringLiteral("enterprises/enterprises.gpkg")));
    ASSERT_TRUE(before.contains(QStringLiteral("configs/enterprise_config.json")));

    // Without --overwrite: refused up front, nothing logged as run.
    const qsizetype runs = project.runs().size();
    EXPECT_THROW(runProject(project, options), InputError);
    EXPECT_EQ(snapshot(out), before);

    // With --overwrite, cancelled in the atlas step, after the enterprise step has written.
    options.overwrite = true;
    bool enterpriseStepWrote = false;
    options.atlas = [&](const QString &configPath, const QString &resultsDir, const QString &,
                        Feedback *) -> QStringList {
        enterpriseStepWrote =
            QFileInfo::exists(resultsDir + QStringLiteral("/enterprises/enterprises.gpkg")) &&
            QFileInfo::exists(configPath);
        throw CancelledError();
    };
    EXPECT_THROW(runProject(project, options), CancelledError);
    EXPECT_TRUE(enterpriseStepWrote);
    EXPECT_EQ(snapshot(out), before);
    ASSERT_EQ(project.runs().size(), runs + 1);
    EXPECT_EQ(project.runs().last().status, QStringLiteral("cancelled"));
}
