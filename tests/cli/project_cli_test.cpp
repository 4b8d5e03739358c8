// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/project.h"
#include "support/test_support.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

using namespace riskatlas;
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

// The CLI beside this test's build: tests/ and app/cli/ in the same build tree.
QString builtCli()
{
    const QFileInfo self(QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget());
    return QDir(self.absolutePath()).filePath(QStringLiteral("../app/cli/riskatlas-cli"));
}

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

QJsonObject showJson(const QString &project)
{
    const CliResult shown = runCli(
        {QStringLiteral("project"), QStringLiteral("show"), project, QStringLiteral("--json")});
    EXPECT_EQ(shown.exitCode, 0) << shown.err.toStdString();
    return QJsonDocument::fromJson(shown.out.toUtf8()).object();
}

} // namespace

TEST(ProjectCliTest, BuildsAProjectFromAScript)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("永嘉.riskatlas"));
    CliResult result = runCli({QStringLiteral("project"), QStringLiteral("create"), project,
                               QStringLiteral("--name"), QStringLiteral("永嘉县")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    result = runCli({QStringLiteral("project"), QStringLiteral("add-layer"), project,
                     sampleDataPath(QStringLiteral("yongjia/townships.shp")),
                     QStringLiteral("--role"), QStringLiteral("townships")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    result =
        runCli({QStringLiteral("project"), QStringLiteral("add-layer"), project,
                sampleDataPath(QStringLiteral("yongjia/census.gpkg")) +
                    QStringLiteral("|layername=shelters"),
                QStringLiteral("--role"), QStringLiteral("shelters"), QStringLiteral("--import"),
                QStringLiteral("--name"), QStringLiteral("避难场所")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QString model = writeFile(dir, QStringLiteral("model.json"),
                                    R"({"units": {"layer": "input:townships"}, "a": 1})");
    result = runCli({QStringLiteral("project"), QStringLiteral("set-model"), project,
                     QStringLiteral("--kind"), QStringLiteral("five_colour_model"), model});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    result = runCli({QStringLiteral("project"), QStringLiteral("override"), project,
                     QStringLiteral("--layer"), QStringLiteral("risk_map"), QStringLiteral("--key"),
                     QStringLiteral("330324001"), QStringLiteral("--level"), QStringLiteral("4"),
                     QStringLiteral("--reason"), QStringLiteral("2024年汛期淹没"),
                     QStringLiteral("--user"), QStringLiteral("李工")});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();

    const QJsonObject shown = showJson(project);
    EXPECT_EQ(shown.value(QStringLiteral("schema_version")).toInt(), 2);
    EXPECT_EQ(shown.value(QStringLiteral("settings")).toObject().value(QStringLiteral("name")),
              QStringLiteral("永嘉县"));
    const QJsonArray inputs = shown.value(QStringLiteral("inputs")).toArray();
    ASSERT_EQ(inputs.size(), 2);
    EXPECT_EQ(inputs[0].toObject().value(QStringLiteral("mode")), QStringLiteral("referenced"));
    EXPECT_EQ(inputs[1].toObject().value(QStringLiteral("name")), QStringLiteral("避难场所"));
    EXPECT_EQ(inputs[1].toObject().value(QStringLiteral("mode")), QStringLiteral("imported"));
    EXPECT_EQ(shown.value(QStringLiteral("configs")).toArray().size(), 1);
    const QJsonArray overrides = shown.value(QStringLiteral("overrides")).toArray();
    ASSERT_EQ(overrides.size(), 1);
    EXPECT_EQ(overrides[0].toObject().value(QStringLiteral("user")), QStringLiteral("李工"));

    result = runCli({QStringLiteral("project"), QStringLiteral("show"), project});
    EXPECT_EQ(result.exitCode, 0);
    EXPECT_TRUE(result.out.contains(QStringLiteral("input: townships (townships, referenced)")))
        << result.out.toStdString();

    result = runCli({QStringLiteral("project"), QStringLiteral("verify"), project});
    EXPECT_EQ(result.exitCode, 0) << result.out.toStdString() << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("townships: ok")));

    // Export, import into a fresh project, export again: identical files.
    const QString first = dir.filePath(QStringLiteral("configs"));
    result = runCli({QStringLiteral("project"), QStringLiteral("export-configs"), project, first});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QString other = dir.filePath(QStringLiteral("other.riskatlas"));
    ASSERT_EQ(runCli({QStringLiteral("project"), QStringLiteral("create"), other}).exitCode, 0);
    result = runCli({QStringLiteral("project"), QStringLiteral("import-configs"), other, first});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    const QString second = dir.filePath(QStringLiteral("configs2"));
    ASSERT_EQ(runCli({QStringLiteral("project"), QStringLiteral("export-configs"), other, second})
                  .exitCode,
              0);
    EXPECT_EQ(sha256Of(first + QStringLiteral("/five_colour_model.json")),
              sha256Of(second + QStringLiteral("/five_colour_model.json")));
}

TEST(ProjectCliTest, BadInputExitsWithTwoAndSaysWhy)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.riskatlas"));
    ASSERT_EQ(runCli({QStringLiteral("project"), QStringLiteral("create"), project}).exitCode, 0);
    CliResult result = runCli({QStringLiteral("project"), QStringLiteral("create"), project});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("already exists")));

    result = runCli({QStringLiteral("project"), QStringLiteral("override"), project,
                     QStringLiteral("--layer"), QStringLiteral("z"), QStringLiteral("--key"),
                     QStringLiteral("1"), QStringLiteral("--level"), QStringLiteral("3")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("needs a reason"))) << result.err.toStdString();

    result = runCli({QStringLiteral("project"), QStringLiteral("set-model"), project,
                     QStringLiteral("--kind"), QStringLiteral("colour"),
                     writeFile(dir, QStringLiteral("m.json"), "{}")});
    EXPECT_EQ(result.exitCode, 2);
    result = runCli({QStringLiteral("project"), QStringLiteral("set-model"), project,
                     QStringLiteral("--kind"), QStringLiteral("atlas_config"),
                     writeFile(dir, QStringLiteral("bad.json"), "{\"title\": ")});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("bad.json"))) << result.err.toStdString();
    result = runCli({QStringLiteral("project"), QStringLiteral("add-layer"), project,
                     sampleDataPath(QStringLiteral("yongjia/townships.shp"))});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("--role")));
    result = runCli({QStringLiteral("project"), QStringLiteral("frobnicate"), project});
    EXPECT_EQ(result.exitCode, 2);
    result = runCli({QStringLiteral("project"), QStringLiteral("show"),
                     sampleDataPath(QStringLiteral("yongjia/county_boundary.gpkg"))});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("not a RiskAtlas project")));
}

TEST(ProjectCliTest, VerifyReportsAChangedInputAndExitsWithTwo)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.riskatlas"));
    const QString data = dir.filePath(QStringLiteral("boundary.geojson"));
    ASSERT_TRUE(QFile::copy(sampleDataPath(QStringLiteral("yongjia/boundary.geojson")), data));
    ASSERT_EQ(runCli({QStringLiteral("project"), QStringLiteral("create"), project}).exitCode, 0);
    ASSERT_EQ(runCli({QStringLiteral("project"), QStringLiteral("add-layer"), project, data,
                      QStringLiteral("--role"), QStringLiteral("boundary"),
                      QStringLiteral("--name"), QStringLiteral("boundary")})
                  .exitCode,
              0);
    {
        QFile file(data);
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write("\n");
    }
    CliResult result = runCli({QStringLiteral("project"), QStringLiteral("verify"), project});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.out.contains(QStringLiteral("boundary: changed")))
        << result.out.toStdString();
    result = runCli(
        {QStringLiteral("project"), QStringLiteral("verify"), project, QStringLiteral("--json")});
    const QJsonArray checks = QJsonDocument::fromJson(result.out.toUtf8()).array();
    ASSERT_EQ(checks.size(), 1);
    EXPECT_EQ(checks[0].toObject().value(QStringLiteral("state")), QStringLiteral("changed"));
}

// The layer path: `add-layer --import` of 20 000 buildings is killed with SIGKILL while it
// writes. The project file must be byte-for-byte what it was, and open with its previous state.
TEST(ProjectCliTest, KillingAnImportLeavesThePreviousProject)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("p.riskatlas"));
    ASSERT_EQ(runCli({QStringLiteral("project"), QStringLiteral("create"), project}).exitCode, 0);
    ASSERT_EQ(
        runCli({QStringLiteral("project"), QStringLiteral("add-layer"), project,
                sampleDataPath(QStringLiteral("yongjia/townships.shp")), QStringLiteral("--role"),
                QStringLiteral("townships"), QStringLiteral("--import")})
            .exitCode,
        0);
    const QByteArray before = sha256Of(project);
    const qint64 sizeBefore = QFileInfo(project).size();

    QProcess child;
    child.start(builtCli(), {QStringLiteral("project"), QStringLiteral("add-layer"), project,
                             sampleDataPath(QStringLiteral("yongjia/census.gpkg")) +
                                 QStringLiteral("|layername=buildings"),
                             QStringLiteral("--role"), QStringLiteral("buildings"),
                             QStringLiteral("--import")});
    ASSERT_TRUE(child.waitForStarted());
    // Killed once the copy being saved has grown past the original: GDAL is writing buildings.
    bool killed = false;
    QElapsedTimer clock;
    clock.start();
    while (child.state() != QProcess::NotRunning && clock.elapsed() < 120000) {
        const QStringList saving =
            QDir(dir.path())
                .entryList({QStringLiteral(".p.riskatlas.saving-*")}, QDir::Files | QDir::Hidden);
        if (!saving.isEmpty() &&
            QFileInfo(dir.filePath(saving.first())).size() > sizeBefore + 64 * 1024) {
            child.kill(); // SIGKILL
            killed = true;
            break;
        }
        QThread::msleep(2);
    }
    child.waitForFinished();
    ASSERT_TRUE(killed) << "the import finished before it could be killed";
    EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);

    EXPECT_EQ(sha256Of(project), before);
    const project::Project reopened = project::Project::open(project);
    ASSERT_EQ(reopened.inputs().size(), 1);
    EXPECT_EQ(reopened.inputs()[0].name, QStringLiteral("townships"));
    EXPECT_EQ(reopened.layers(), QStringList{QStringLiteral("townships")});
    EXPECT_EQ(reopened.query(QStringLiteral("PRAGMA integrity_check"))[0][0].toString(),
              QStringLiteral("ok"));

    // The leftover copy does not get in the way of the next save.
    const CliResult again =
        runCli({QStringLiteral("project"), QStringLiteral("add-layer"), project,
                sampleDataPath(QStringLiteral("yongjia/census.gpkg")) +
                    QStringLiteral("|layername=shelters"),
                QStringLiteral("--role"), QStringLiteral("shelters"), QStringLiteral("--import")});
    EXPECT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(project::Project::open(project).inputs().size(), 2);
}

// A planner sets levels for each overridable layer from the CLI; what cannot be applied is
// refused with exit 2, naming the project and the key; list and remove work by id.
TEST(ProjectCliTest, OverridesOfEveryLayerWithChecks)
{
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("永嘉 县.riskatlas"));
    ASSERT_EQ(runCli({QStringLiteral("project"), QStringLiteral("create"), project}).exitCode, 0);
    auto add = [&](const QString &layer, const QString &key, const QString &level,
                   const QString &reason) {
        return runCli({QStringLiteral("project"), QStringLiteral("override"), QStringLiteral("add"),
                       project, QStringLiteral("--layer"), layer, QStringLiteral("--key"), key,
                       QStringLiteral("--level"), level, QStringLiteral("--reason"), reason,
                       QStringLiteral("--user"), QStringLiteral("赵工")});
    };
    const struct
    {
        const char *layer;
        const char *key;
        const char *level;
    } accepted[] = {{"risk_map", "330324001000", "5"},
                    {"risk_zoning", "Z3fb9da5b4bdb", "4"},
                    {"prevention_zoning", "Z0cf2cb395da6", "3"},
                    {"enterprises", "91330324ma2l0010xy", "4"}};
    for (const auto &entry : accepted) {
        const CliResult result = add(QLatin1String(entry.layer), QLatin1String(entry.key),
                                     QLatin1String(entry.level), QStringLiteral("实地核查"));
        EXPECT_EQ(result.exitCode, 0) << entry.layer << ": " << result.err.toStdString();
    }
    const struct
    {
        const char *layer;
        const char *key;
        const char *level;
        const char *reason;
        const char *message;
    } refused[] = {
        {"hazard_flood", "1", "3", "x", "a run applies overrides to risk_map (key unit_id)"},
        {"risk_zoning", "Z3fb9da5b4bdb", "6", "x", "level 6 is not between 1 and 5"},
        {"prevention_zoning", "Z0cf2cb395da6", "4", "x", "level 4 is not between 1 and 3"},
        {"enterprises", "91330324MA2L0001XB", "2", "x", "not a unified social credit code"},
        {"enterprises", "91330324MA2L0010XY", "5", "x", "level 5 is not between 1 and 4"},
        {"risk_map", "330324001000", "3", " ", "needs a reason"},
        {"risk_map", "330324001000", "高", "x", "is not a whole number"}};
    for (const auto &entry : refused) {
        const CliResult result = add(QLatin1String(entry.layer), QLatin1String(entry.key),
                                     QString::fromUtf8(entry.level), QLatin1String(entry.reason));
        EXPECT_EQ(result.exitCode, 2) << entry.message;
        EXPECT_TRUE(result.err.contains(QString::fromUtf8(entry.message)))
            << entry.message << ": " << result.err.toStdString();
        if (QByteArrayView(entry.message) != "is not a whole number") {
            EXPECT_TRUE(result.err.contains(QStringLiteral("永嘉 县.riskatlas")))
                << result.err.toStdString();
        }
    }

    CliResult listed = runCli({QStringLiteral("project"), QStringLiteral("override"),
                               QStringLiteral("list"), project, QStringLiteral("--json")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    const QJsonArray all = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    ASSERT_EQ(all.size(), 4);
    EXPECT_EQ(all[3].toObject().value(QStringLiteral("key")).toString(),
              QStringLiteral("91330324MA2L0010XY"));
    EXPECT_EQ(all[1].toObject().value(QStringLiteral("user")).toString(), QStringLiteral("赵工"));

    const QString zoneId =
        QString::number(all[1].toObject().value(QStringLiteral("id")).toInteger());
    CliResult removed = runCli({QStringLiteral("project"), QStringLiteral("override"),
                                QStringLiteral("remove"), project, zoneId});
    EXPECT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    removed = runCli({QStringLiteral("project"), QStringLiteral("override"),
                      QStringLiteral("remove"), project, zoneId});
    EXPECT_EQ(removed.exitCode, 2);
    EXPECT_TRUE(removed.err.contains(QStringLiteral("no override with id")))
        << removed.err.toStdString();
    listed = runCli({QStringLiteral("project"), QStringLiteral("override"), QStringLiteral("list"),
                     project, QStringLiteral("--layer"), QStringLiteral("enterprises")});
    ASSERT_EQ(listed.exitCode, 0);
    EXPECT_EQ(listed.out.count(QLatin1Char('\n')), 1) << listed.out.toStdString();
    EXPECT_TRUE(listed.out.contains(QStringLiteral("\tenterprises\t91330324MA2L0010XY\t4\t赵工\t")))
        << listed.out.toStdString();
}
