// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
//
// The workflow panels' model and enterprise configuration stored in and loaded from the open
// project through the Workflows menu, and the path rewriting that keeps a stored config
// working when the project folder moves.
#include "desktop/enterprise_panel.h"
#include "desktop/five_colour_panel.h"
#include "desktop/main_window.h"
#include "desktop/project_config_link.h"
#include "support/test_support.h"

#include "core/project/project.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace riskatlas;

namespace {

QString unitsSource(const QJsonObject &model)
{
    return model.value(QStringLiteral("units"))
        .toObject()
        .value(QStringLiteral("source"))
        .toString();
}

} // namespace

class ProjectConfigLinkTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathsUnderTheFolderBecomeRelative();
    void storesAndLoadsThePanelsConfigs();
};

void ProjectConfigLinkTest::pathsUnderTheFolderBecomeRelative()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("数据")));
    for (const char *name : {"数据/乡镇.shp", "census.gpkg"}) {
        QFile file(dir.filePath(QString::fromUtf8(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QTemporaryDir elsewhere;
    QFile outside(elsewhere.filePath(QStringLiteral("outside.shp")));
    QVERIFY(outside.open(QIODevice::WriteOnly));
    outside.close();

    const QJsonObject config{
        {QStringLiteral("units"),
         QJsonObject{{QStringLiteral("source"), dir.filePath(QStringLiteral("数据/乡镇.shp"))},
                     {QStringLiteral("code_field"), QStringLiteral("level")}}},
        {QStringLiteral("hazards"),
         QJsonArray{dir.filePath(QStringLiteral("census.gpkg|layername=flood_zones")),
                    outside.fileName(), dir.filePath(QStringLiteral("missing.shp")), 3}}};
    const QJsonObject result = desktop::relativeToFolder(config, dir.path()).toObject();
    const QJsonObject expected{
        {QStringLiteral("units"),
         QJsonObject{{QStringLiteral("source"), QStringLiteral("数据/乡镇.shp")},
                     {QStringLiteral("code_field"), QStringLiteral("level")}}},
        {QStringLiteral("hazards"),
         QJsonArray{QStringLiteral("census.gpkg|layername=flood_zones"), outside.fileName(),
                    dir.filePath(QStringLiteral("missing.shp")), 3}}};
    QCOMPARE(result, expected);
}

void ProjectConfigLinkTest::storesAndLoadsThePanelsConfigs()
{
    QTemporaryDir dir;
    const QString projectPath = dir.filePath(QStringLiteral("新建 项目.riskatlas"));
    project::Project::create(projectPath, QStringLiteral("新建项目"));

    desktop::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *storeModel = window.findChild<QAction *>(QStringLiteral("storeModelInProject"));
    auto *loadModel = window.findChild<QAction *>(QStringLiteral("loadModelFromProject"));
    auto *storeConfig =
        window.findChild<QAction *>(QStringLiteral("storeEnterpriseConfigInProject"));
    auto *loadConfig =
        window.findChild<QAction *>(QStringLiteral("loadEnterpriseConfigFromProject"));
    QVERIFY(storeModel && loadModel && storeConfig && loadConfig);
    QVERIFY(!storeModel->isEnabled()); // no project open
    QVERIFY(window.openProject(projectPath));
    QVERIFY(storeModel->isEnabled() && loadConfig->isEnabled());

    auto *fiveColour = window.findChild<desktop::FiveColourPanel *>();
    auto *enterprises = window.findChild<desktop::EnterprisePanel *>();
    QVERIFY(fiveColour && enterprises);
    QVERIFY(fiveColour->loadModel(
        test::sampleDataPath(QStringLiteral("yongjia/five_colour_model.json"))));
    const QJsonObject shown = fiveColour->modelJson();
    storeModel->trigger();
    QVERIFY(enterprises->loadConfig(
        test::sampleDataPath(QStringLiteral("yongjia/enterprise_config.json"))));
    const QString inventory = enterprises->config().inventoryPath;
    storeConfig->trigger();

    {
        const project::Project stored = project::Project::open(projectPath);
        const auto model = stored.config(project::ConfigKind::FiveColourModel);
        QVERIFY(model.has_value());
        QCOMPARE(model->json.object().value(QStringLiteral("hazards")).toArray().size(), 5);
        // The sample data lies outside the project folder: the path still names the file.
        QVERIFY(QFileInfo(QDir(dir.path()).filePath(unitsSource(model->json.object()))).isFile() ||
                QFileInfo(unitsSource(model->json.object())).isFile());
        QVERIFY(stored.config(project::ConfigKind::EnterpriseConfig).has_value());
    }

    // Something else in the panels, then the project's configs back.
    QVERIFY(fiveColour->loadModel(
        test::sampleDataPath(QStringLiteral("yongjia/five_colour_model_grid.json"))));
    QVERIFY(fiveColour->modelJson() != shown);
    loadModel->trigger();
    QCOMPARE(QFileInfo(unitsSource(fiveColour->modelJson())).canonicalFilePath(),
             QFileInfo(unitsSource(shown)).canonicalFilePath());
    QCOMPARE(fiveColour->modelJson().value(QStringLiteral("weights")),
             shown.value(QStringLiteral("weights")));
    loadConfig->trigger();
    QCOMPARE(QFileInfo(enterprises->config().inventoryPath).canonicalFilePath(),
             QFileInfo(inventory).canonicalFilePath());
}

QTEST_MAIN(ProjectConfigLinkTest)
#include "project_config_link_test.moc"
