// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <csignal>

using namespace riskatlas::test;

namespace {

QString fixture(const QString &layer)
{
    return testDataPath(QStringLiteral("overlay/overlay_fixture.gpkg|layername=")) + layer;
}

// The CLI beside this test's build: tests/ and app/cli/ in the same build tree.
QString cliPath()
{
    const QFileInfo self(QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget());
    return QDir(self.absolutePath()).filePath(QStringLiteral("../app/cli/riskatlas-cli"));
}

bool isEmptyFolder(const QTemporaryDir &dir)
{
    return QDir(dir.path())
        .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
        .isEmpty();
}

} // namespace

TEST(OverlayCli, HelpAndUsageErrors)
{
    const CliResult help = runCli({QStringLiteral("overlay"), QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    for (const QString &word :
         {QStringLiteral("intersection"), QStringLiteral("identity"), QStringLiteral("--threads"),
          QStringLiteral("--grid-size"), QStringLiteral("--overwrite"), QStringLiteral("--s-srs")})
        EXPECT_TRUE(help.out.contains(word)) << word.toStdString();
    EXPECT_TRUE(runCli({QStringLiteral("--help")}).out.contains(QStringLiteral("overlay")));

    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.gpkg"));
    const QString a = fixture(QStringLiteral("buildings"));
    const QString b = fixture(QStringLiteral("flood_zones"));
    EXPECT_EQ(runCli({QStringLiteral("overlay"), QStringLiteral("intersection"), a, b}).exitCode,
              2); // no -o
    const CliResult unknown = runCli(
        {QStringLiteral("overlay"), QStringLiteral("erase"), a, b, QStringLiteral("-o"), out});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("erase")));
    EXPECT_EQ(runCli({QStringLiteral("overlay"), QStringLiteral("clip"), a, b, QStringLiteral("-o"),
                      out, QStringLiteral("--threads"), QStringLiteral("-1")})
                  .exitCode,
              2);
    EXPECT_EQ(runCli({QStringLiteral("overlay"), QStringLiteral("clip"), a, b, QStringLiteral("-o"),
                      out, QStringLiteral("--grid-size"), QStringLiteral("0")})
                  .exitCode,
              2);
    EXPECT_TRUE(isEmptyFolder(dir));
}

TEST(OverlayCli, WritesAReadableLayerAndNeverOverwritesSilently)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("建筑 洪涝.gpkg"));
    const QStringList arguments{QStringLiteral("overlay"),
                                QStringLiteral("intersection"),
                                fixture(QStringLiteral("buildings")),
                                fixture(QStringLiteral("flood_zones")),
                                QStringLiteral("-o"),
                                out,
                                QStringLiteral("--threads"),
                                QStringLiteral("2")};
    CliResult result = runCli(arguments);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("292 features written")))
        << result.out.toStdString();

    const CliResult info = runCli({QStringLiteral("info"), out, QStringLiteral("--json")});
    ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
    const QJsonObject layer = QJsonDocument::fromJson(info.out.toUtf8()).array()[0].toObject();
    EXPECT_EQ(layer[QStringLiteral("features")].toInt(), 292);
    EXPECT_EQ(layer[QStringLiteral("crs")][QStringLiteral("epsg")].toInt(), 4549);
    EXPECT_EQ(layer[QStringLiteral("geometry_type")].toString(), QStringLiteral("MultiPolygon"));
    QStringList fields;
    for (const QJsonValue &field : layer[QStringLiteral("fields")].toArray())
        fields.append(field[QStringLiteral("name")].toString());
    EXPECT_TRUE(fields.contains(QStringLiteral("structure")));
    EXPECT_TRUE(fields.contains(QStringLiteral("level")));

    result = runCli(arguments);
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("--overwrite"))) << result.err.toStdString();
    result = runCli(QStringList(arguments) << QStringLiteral("--overwrite"));
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
}

TEST(OverlayCli, BadInputLeavesNothing)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out.gpkg"));
    // B must be polygons: shelters are points.
    const CliResult result =
        runCli({QStringLiteral("overlay"), QStringLiteral("intersection"),
                fixture(QStringLiteral("buildings")), fixture(QStringLiteral("shelters")),
                QStringLiteral("-o"), out});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.startsWith(QStringLiteral("error: "))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("shelters"))) << result.err.toStdString();
    EXPECT_TRUE(isEmptyFolder(dir));
}

TEST(OverlayCli, InterruptedRunLeavesNothing)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("union.gpkg"));
    const QString census = sampleDataPath(QStringLiteral("yongjia/census.gpkg"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Each finished step prints a line, so the test knows the SIGINT handler is installed.
    environment.insert(QStringLiteral("RISKATLAS_TIMINGS"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.start(cliPath(),
                  {QStringLiteral("overlay"), QStringLiteral("union"),
                   census + QStringLiteral("|layername=buildings"),
                   census + QStringLiteral("|layername=flood_zones"), QStringLiteral("-o"), out,
                   QStringLiteral("--threads"), QStringLiteral("1")});
    ASSERT_TRUE(process.waitForStarted());
    QByteArray err;
    while (!err.contains("timing:") && process.state() == QProcess::Running) {
        process.waitForReadyRead(100);
        err += process.readAllStandardError();
    }
    ::kill(pid_t(process.processId()), SIGINT);
    ASSERT_TRUE(process.waitForFinished(60000));
    err += process.readAllStandardError();
    if (process.exitCode() == 0)
        GTEST_SKIP() << "the run finished before the interrupt arrived";
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 1) << err.toStdString();
    EXPECT_TRUE(err.contains("cancel")) << err.toStdString();
    EXPECT_TRUE(isEmptyFolder(dir));
}
