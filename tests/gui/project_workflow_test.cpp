// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
//
// The project workflow in the window, end to end on the sample county: a project built here
// with core/project (the five-colour model and a small atlas), run through the app's Run on
// the real pipeline, its result layers on the map with the levels the run wrote, a planner's
// override with undo/redo on the map and in the file, the atlas exported from the panel, a
// cancelled run, and the unsaved-changes prompt.

#include "core/io/layer_reader.h"
#include "core/model/vector_layer.h"
#include "core/project/config_paths.h"
#include "core/project/project.h"
#include "desktop/atlas_panel.h"
#include "desktop/background_task.h"
#include "desktop/layer_drawing.h"
#include "desktop/layer_list.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "desktop/project_controller.h"
#include "desktop/project_session.h"
#include "desktop/recent_projects.h"
#include "desktop/run_log_panel.h"
#include "desktop/set_level_dialog.h"
#include "support/test_support.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace riskatlas;

namespace {

constexpr int kRunTimeoutMs = 600000;

QJsonDocument readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll());
}

// unit_id → level of a risk map layer.
QHash<QString, int> levelsByUnit(const model::VectorLayer &layer)
{
    QHash<QString, int> levels;
    const int unit = model::fieldIndex(layer.fields, QStringLiteral("unit_id"));
    const int level = model::fieldIndex(layer.fields, QStringLiteral("level"));
    for (const model::Feature &feature : layer.features)
        levels.insert(feature.attributes.value(unit).toString(),
                      feature.attributes.value(level).toInt());
    return levels;
}

QVariant attribute(const model::VectorLayer &layer, int feature, const char *field)
{
    return layer.features[std::size_t(feature)].attributes.value(
        model::fieldIndex(layer.fields, QString::fromLatin1(field)));
}

// The page count pdfinfo (poppler) reads, independent of the code that wrote the file.
int pdfPageCount(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdfinfo"), {path});
    if (!process.waitForFinished(60000))
        return -1;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        if (line.startsWith("Pages:"))
            return line.mid(6).trimmed().toInt();
    }
    return -1;
}

} // namespace

class ProjectWorkflowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void opensTheProject();
    void runsTheProjectFromTheApp();
    void setLevelDialogNeedsAReason();
    void overrideUndoRedoOnMapAndInProject();
    void atlasPanelExportsPdfAndPackage();
    void zoneOverrideReachesItsUnitsOnRerunAndUndoes();
    void failedRunIsExplained();
    void cancelledRunStoresNothing();
    void unsavedChangesPromptOnClose();
    void dropsAProjectOnTheWindow();

private:
    bool runAndWait(const QString &outDir, desktop::TaskOutcome *outcome, QString *message,
                    bool cancelInPipeline = false);
    std::shared_ptr<const model::VectorLayer> riskMap() const;
    int featureOfUnit(const QString &unit) const;
    int countOnRiskMap(const char *field, int value) const;
    void answerNextMessageBox(QMessageBox::StandardButton button);

    QTemporaryDir m_dir;
    QString m_projectPath;
    QString m_outDir;
    std::unique_ptr<desktop::MainWindow> m_window;
    QString m_unit;       // the unit overridden
    int m_modelLevel = 0; // its level as the run wrote it
    int m_newLevel = 0;
};

void ProjectWorkflowTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Recent projects go to QSettings: keep them out of the user's settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("RiskAtlasTest"));
    QCoreApplication::setApplicationName(QStringLiteral("project_workflow_test"));

    // As scripts/run-sample builds the county's project, with the five-colour model and an
    // atlas of the risk zoning over the townships (a small one, so the test stays quick).
    const QString sample = test::sampleDataPath(QStringLiteral("yongjia"));
    const QString folder = m_dir.filePath(QStringLiteral("项目 folder"));
    QVERIFY(QDir().mkpath(folder));
    m_projectPath = QDir(folder).filePath(QStringLiteral("永嘉县.riskatlas"));
    m_outDir = QDir(folder).filePath(QStringLiteral("成果"));
    project::Project created = project::Project::create(m_projectPath, QStringLiteral("永嘉县"));
    created.addInput(QDir(sample).filePath(QStringLiteral("townships.shp")),
                     QStringLiteral("townships"), project::InputMode::Referenced);
    const QJsonDocument model =
        readJson(QDir(sample).filePath(QStringLiteral("five_colour_model.json")));
    QVERIFY(model.isObject());
    created.setConfig(project::ConfigKind::FiveColourModel,
                      project::rebaseConfigPaths(model, sample, folder));
    QJsonObject atlas =
        readJson(QDir(sample).filePath(QStringLiteral("atlas_config.json"))).object();
    QVERIFY(!atlas.isEmpty());
    QJsonArray layers;
    for (const QJsonValue &layer : atlas.value(QStringLiteral("layers")).toArray()) {
        const QString id = layer.toObject().value(QStringLiteral("id")).toString();
        if (id == QLatin1String("risk_zoning") || id == QLatin1String("townships"))
            layers.append(layer);
    }
    atlas.insert(QStringLiteral("layers"), layers);
    atlas.insert(QStringLiteral("statistics"),
                 QJsonArray{QJsonObject{{QStringLiteral("label"), QStringLiteral("面积（km²）")},
                                        {QStringLiteral("kind"), QStringLiteral("area")},
                                        {QStringLiteral("decimals"), 2}}});
    atlas.remove(QStringLiteral("sources"));
    atlas.remove(QStringLiteral("results"));
    created.setConfig(project::ConfigKind::AtlasConfig,
                      project::rebaseConfigPaths(QJsonDocument(atlas), sample, folder));

    // And the submission package of the five-colour results.
    QJsonObject package =
        readJson(QDir(sample).filePath(QStringLiteral("package_config.json"))).object();
    QVERIFY(!package.isEmpty());
    QJsonArray packageLayers;
    for (const QJsonValue &layer : package.value(QStringLiteral("layers")).toArray()) {
        const QString source = layer.toObject().value(QStringLiteral("source")).toString();
        if (!source.startsWith(QLatin1String("results:enterprises/")))
            packageLayers.append(layer);
    }
    package.insert(QStringLiteral("layers"), packageLayers);
    QJsonArray tables;
    for (const QJsonValue &table : package.value(QStringLiteral("tables")).toArray()) {
        if (table.toString().startsWith(QLatin1String("results:five_colour/")))
            tables.append(table);
    }
    package.insert(QStringLiteral("tables"), tables);
    package.insert(QStringLiteral("configs"), QJsonArray{QStringLiteral("five_colour_model.json")});
    package.insert(QStringLiteral("inputs"), QJsonArray{QStringLiteral("townships.shp")});
    package.remove(QStringLiteral("results"));
    created.setConfig(project::ConfigKind::Other,
                      project::rebaseConfigPaths(QJsonDocument(package), sample, folder),
                      QStringLiteral("package_config"));

    m_window = std::make_unique<desktop::MainWindow>();
    m_window->resize(1000, 700);
    m_window->show();
}

void ProjectWorkflowTest::cleanupTestCase()
{
    m_window.reset();
}

void ProjectWorkflowTest::answerNextMessageBox(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, this, [button] {
        // The prompt is modal: poll until it is up, then answer it.
        auto *timer = new QTimer;
        QObject::connect(timer, &QTimer::timeout, [timer, button] {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                auto *box = qobject_cast<QMessageBox *>(widget);
                if (box && box->objectName() == QLatin1String("unsavedChangesBox") &&
                    box->isVisible()) {
                    box->button(button)->click();
                    timer->deleteLater();
                    return;
                }
            }
        });
        timer->start(20);
    });
}

bool ProjectWorkflowTest::runAndWait(const QString &outDir, desktop::TaskOutcome *outcome,
                                     QString *message, bool cancelInPipeline)
{
    desktop::ProjectController *controller = m_window->project();
    QSignalSpy finished(controller, &desktop::ProjectController::runFinished);
    QSignalSpy loaded(controller, &desktop::ProjectController::resultsLoaded);
    controller->run(outDir, false);
    if (cancelInPipeline) {
        // Cancel once the run is past checking its inputs, inside the model: the point where
        // a cancel must leave no results behind.
        auto *task = m_window->findChild<desktop::BackgroundTask *>();
        if (!task)
            return false;
        QElapsedTimer waited;
        waited.start();
        while (task && task->progressDialog() && waited.elapsed() < kRunTimeoutMs) {
            const QString label = task->progressDialog()->labelText();
            if (label.contains(u'\n') && !label.contains(QLatin1String("checking inputs"))) {
                task->cancel();
                break;
            }
            QTest::qWait(5);
            task = m_window->findChild<desktop::BackgroundTask *>();
        }
    }
    if (!finished.wait(kRunTimeoutMs) && finished.isEmpty())
        return false;
    *outcome = finished.first().at(0).value<desktop::TaskOutcome>();
    *message = finished.first().at(1).toString();
    if (*outcome == desktop::TaskOutcome::Succeeded && loaded.isEmpty() && !loaded.wait(120000))
        return false;
    return true;
}

std::shared_ptr<const model::VectorLayer> ProjectWorkflowTest::riskMap() const
{
    return m_window->canvas()->layer(m_window->project()->layerId(QStringLiteral("risk_map")));
}

int ProjectWorkflowTest::featureOfUnit(const QString &unit) const
{
    const auto layer = riskMap();
    for (std::size_t i = 0; i < layer->features.size(); ++i) {
        if (attribute(*layer, int(i), "unit_id").toString() == unit)
            return int(i);
    }
    return -1;
}

int ProjectWorkflowTest::countOnRiskMap(const char *field, int value) const
{
    const auto layer = riskMap();
    int count = 0;
    for (std::size_t i = 0; i < layer->features.size(); ++i)
        count += attribute(*layer, int(i), field).toInt() == value ? 1 : 0;
    return count;
}

void ProjectWorkflowTest::opensTheProject()
{
    QSignalSpy loaded(m_window->project(), &desktop::ProjectController::resultsLoaded);
    QVERIFY(m_window->openProject(m_projectPath));
    QTRY_VERIFY(!loaded.isEmpty());
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("永嘉县")));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_window->project()->layerId(QStringLiteral("risk_map")), -1); // not run yet
    QCOMPARE(m_window->runLog()->table()->rowCount(), 0);
    QCOMPARE(m_window->project()->recentProjects()->paths().value(0),
             QFileInfo(m_projectPath).absoluteFilePath());
}

void ProjectWorkflowTest::runsTheProjectFromTheApp()
{
    desktop::TaskOutcome outcome{};
    QString message;
    QVERIFY2(runAndWait(m_outDir, &outcome, &message), qPrintable(message));
    QVERIFY2(outcome == desktop::TaskOutcome::Succeeded, qPrintable(message));

    // The layers the run stored are on the map, coloured with their palettes.
    desktop::ProjectController *controller = m_window->project();
    for (const char *name : {"risk_map", "risk_zoning", "prevention_zoning"})
        QVERIFY2(controller->layerId(QString::fromLatin1(name)) >= 0, name);
    desktop::MapCanvas *canvas = m_window->canvas();
    const int riskMapId = controller->layerId(QStringLiteral("risk_map"));
    QCOMPARE(canvas->layerSymbology(riskMapId).paletteId, QStringLiteral("five_colour"));
    QCOMPARE(canvas->layerSymbology(riskMapId).levelField, QStringLiteral("level"));
    QCOMPARE(
        canvas->layerSymbology(controller->layerId(QStringLiteral("prevention_zoning"))).paletteId,
        QStringLiteral("prevention"));
    QVERIFY(canvas->isLayerVisible(riskMapId));

    // With the levels the core run wrote to its output (read back from the GeoPackage).
    const model::VectorLayer written =
        io::readLayer(QDir(m_outDir).filePath(QStringLiteral("five_colour/risk_map.gpkg")));
    const QHash<QString, int> expected = levelsByUnit(written);
    QCOMPARE(expected.size(), 22); // the county's 22 townships
    QCOMPARE(levelsByUnit(*riskMap()), expected);

    // The run log shows the run.
    QCOMPARE(m_window->runLog()->table()->rowCount(), 1);
    QCOMPARE(m_window->runLog()->table()->item(0, 4)->text(), desktop::RunLogPanel::tr("OK"));
    QVERIFY(m_window->runLog()->details().contains(QStringLiteral("townships")));

    // A unit not already at the top level, to raise by one.
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (it.value() < 5) {
            m_unit = it.key();
            m_modelLevel = it.value();
            break;
        }
    }
    QVERIFY(!m_unit.isEmpty());
    m_newLevel = m_modelLevel + 1;
}

void ProjectWorkflowTest::setLevelDialogNeedsAReason()
{
    desktop::ProjectController *controller = m_window->project();
    const int riskMapId = controller->layerId(QStringLiteral("risk_map"));
    const int feature = featureOfUnit(m_unit);
    QVERIFY(feature >= 0);
    m_window->canvas()->setSelection(riskMapId, {feature});
    controller->editSelectedLevel();
    desktop::SetLevelDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<desktop::SetLevelDialog *>()) != nullptr);
    // Five levels, named from the palette, the unit's level preselected.
    QCOMPARE(dialog->levelBox()->count(), 5);
    QCOMPARE(dialog->level(), m_modelLevel);
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog->reasonEdit()->setPlainText(QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
    dialog->reasonEdit()->setPlainText(QStringLiteral("临时"));
    QVERIFY(ok->isEnabled());
    // Cancelled: nothing changes.
    dialog->reject();
    QCOMPARE(controller->session()->undoStack()->count(), 0);
    QVERIFY(!m_window->isWindowModified());
}

void ProjectWorkflowTest::overrideUndoRedoOnMapAndInProject()
{
    desktop::ProjectController *controller = m_window->project();
    desktop::ProjectSession *session = controller->session();
    const int riskMapId = controller->layerId(QStringLiteral("risk_map"));
    const int feature = featureOfUnit(m_unit);
    const QString reason = QStringLiteral("经2025年汛期实地核查，该乡镇提高一级");
    auto storedOverrides = [this] {
        return project::Project::open(m_projectPath).overrides(QStringLiteral("risk_map"));
    };
    auto outlined = [this, riskMapId, feature] {
        // The feature is drawn in a class with the heavy override outline.
        const auto drawing = m_window->canvas()->layerDrawing(riskMapId);
        const auto classes = desktop::classifyForDrawing(
            *riskMap(), *drawing, m_window->canvas()->layerSymbology(riskMapId));
        for (const desktop::SymbolClass &symbolClass : classes) {
            for (int geometry : symbolClass.geometries) {
                if (drawing->featureIndex[std::size_t(geometry)] == feature)
                    return symbolClass.style.stroke == desktop::overriddenOutline();
            }
        }
        return false;
    };
    QVERIFY(!outlined());

    // The edit: on the map at once, not yet in the file, the window modified.
    QVERIFY(controller->setLevel(riskMapId, feature, m_newLevel, reason, QStringLiteral("测试员")));
    QCOMPARE(attribute(*riskMap(), feature, "level").toInt(), m_newLevel);
    QCOMPARE(attribute(*riskMap(), feature, "overridden").toInt(), 1);
    QVERIFY(outlined());
    QVERIFY(m_window->isWindowModified());
    QVERIFY(storedOverrides().isEmpty());

    // Saved: in riskatlas_overrides, keyed by the unit's unit_id as the run applies them.
    QVERIFY(controller->save());
    QVERIFY(!m_window->isWindowModified());
    QList<project::PlannerOverride> stored = storedOverrides();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0].key, m_unit);
    QCOMPARE(stored[0].level, m_newLevel);
    QCOMPARE(stored[0].reason, reason);
    QCOMPARE(stored[0].user, QStringLiteral("测试员"));

    // Undo: the map goes back to the model's level; the file follows on save.
    session->undoStack()->undo();
    QCOMPARE(attribute(*riskMap(), feature, "level").toInt(), m_modelLevel);
    QCOMPARE(attribute(*riskMap(), feature, "overridden").toInt(), 0);
    QVERIFY(!outlined());
    QVERIFY(m_window->isWindowModified());
    QVERIFY(controller->save());
    QVERIFY(storedOverrides().isEmpty());

    // Redo: back on the map and, saved, in the file.
    session->undoStack()->redo();
    QCOMPARE(attribute(*riskMap(), feature, "level").toInt(), m_newLevel);
    QVERIFY(outlined());
    QVERIFY(m_window->isWindowModified());
    QVERIFY(controller->save());
    stored = storedOverrides();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0].level, m_newLevel);
    QVERIFY(!m_window->isWindowModified());

    // Undo to before the save and redo again: back at the saved state, so not modified.
    session->undoStack()->undo();
    QVERIFY(m_window->isWindowModified());
    session->undoStack()->redo();
    QVERIFY(!m_window->isWindowModified());
}

// A zone of the risk zoning edited in the app: keyed by its zone_id, saved, and applied by the
// next run to every unit the zone holds (the unit override of the test before stays); undone
// and saved, the run after that is back to the unit override alone.
void ProjectWorkflowTest::zoneOverrideReachesItsUnitsOnRerunAndUndoes()
{
    desktop::ProjectController *controller = m_window->project();
    const int zoningId = controller->layerId(QStringLiteral("risk_zoning"));
    QVERIFY(zoningId >= 0);
    const auto zoning = m_window->canvas()->layer(zoningId);
    // The zoning on the map is the first run's, before the unit raised above. A zone's key
    // is the set of units it holds, so pick one that the unit's new level cannot touch: at
    // neither its old level (the zone holding it) nor its new one (a zone it may join).
    int zone = -1;
    for (std::size_t i = 0; i < zoning->features.size() && zone < 0; ++i) {
        const int level = attribute(*zoning, int(i), "level").toInt();
        if (level != m_modelLevel && level != m_newLevel)
            zone = int(i);
    }
    QVERIFY(zone >= 0);
    const QString zoneId = attribute(*zoning, zone, "zone_id").toString();
    const int zoneLevel = attribute(*zoning, zone, "level").toInt();
    const int zoneUnits = attribute(*zoning, zone, "units").toInt();
    const int newZoneLevel = zoneLevel < 5 ? zoneLevel + 1 : zoneLevel - 1;
    QVERIFY(zoneId.startsWith(u'Z'));
    QVERIFY(zoneUnits >= 1);
    QCOMPARE(countOnRiskMap("overridden", 1), 1);
    const int atNewLevelBefore = countOnRiskMap("level", newZoneLevel);

    QVERIFY(controller->setLevel(zoningId, zone, newZoneLevel, QStringLiteral("分区复核"),
                                 QStringLiteral("测试员")));
    QCOMPARE(attribute(*m_window->canvas()->layer(zoningId), zone, "level").toInt(), newZoneLevel);
    QVERIFY(controller->save());
    const QList<project::PlannerOverride> stored =
        project::Project::open(m_projectPath).overrides(QStringLiteral("risk_zoning"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0].key, zoneId);

    desktop::TaskOutcome outcome{};
    QString message;
    QVERIFY2(runAndWait(m_dir.filePath(QStringLiteral("zone run")), &outcome, &message),
             qPrintable(message));
    QVERIFY2(outcome == desktop::TaskOutcome::Succeeded, qPrintable(message));
    // The project holds the run's risk map with the zone's units marked; the map shows it
    // once the results are read back in the background.
    const model::VectorLayer storedMap =
        project::Project::open(m_projectPath).readLayer(QStringLiteral("risk_map"));
    int storedOverridden = 0;
    for (std::size_t i = 0; i < storedMap.features.size(); ++i)
        storedOverridden += attribute(storedMap, int(i), "overridden").toInt();
    const project::RunRecord lastRun = project::Project::open(m_projectPath).runs().last();
    QVERIFY2(storedOverridden == 1 + zoneUnits,
             qPrintable(
                 QStringLiteral("%1 overridden; run %2 %3: %4")
                     .arg(storedOverridden)
                     .arg(lastRun.started, lastRun.status,
                          QString::fromUtf8(
                              QJsonDocument(lastRun.parameters).toJson(QJsonDocument::Compact)))));
    QTRY_COMPARE_WITH_TIMEOUT(countOnRiskMap("overridden", 1), 1 + zoneUnits, 60000);
    QCOMPARE(countOnRiskMap("level", newZoneLevel), atNewLevelBefore + zoneUnits);

    // Undo the zone edit, save, run again: only the unit override is left.
    controller->session()->undoStack()->undo();
    QVERIFY(controller->save());
    QVERIFY(
        project::Project::open(m_projectPath).overrides(QStringLiteral("risk_zoning")).isEmpty());
    QVERIFY2(runAndWait(m_dir.filePath(QStringLiteral("zone undone run")), &outcome, &message),
             qPrintable(message));
    QVERIFY2(outcome == desktop::TaskOutcome::Succeeded, qPrintable(message));
    QTRY_COMPARE_WITH_TIMEOUT(countOnRiskMap("overridden", 1), 1, 60000);
    QCOMPARE(countOnRiskMap("level", newZoneLevel), atNewLevelBefore);
}

void ProjectWorkflowTest::atlasPanelExportsPdfAndPackage()
{
    desktop::AtlasPanel *panel = m_window->atlasPanel();
    QCOMPARE(QDir(panel->outDir()).absolutePath(), QDir(m_outDir).absolutePath());
    QCOMPARE(panel->layouts().size(), 4);
    QCOMPARE(panel->layout(), QStringLiteral("a4_portrait"));
    QSignalSpy prepared(panel, &desktop::AtlasPanel::prepared);
    QSignalSpy exported(panel, &desktop::AtlasPanel::exported);
    QSignalSpy failed(panel, &desktop::AtlasPanel::failed);
    panel->prepare();
    QTRY_VERIFY_WITH_TIMEOUT(!prepared.isEmpty() || !failed.isEmpty(), 300000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    // Cover, contents (22 names fit on one page), overview, and one page per township.
    const int expectedPages = 3 + 22;
    QCOMPARE(prepared.first().at(0).toInt(), expectedPages);
    QCOMPARE(panel->pageList()->count(), expectedPages);
    const QImage page = panel->renderPage(3, 20);
    QVERIFY(!page.isNull());

    const QString pdf = m_dir.filePath(QStringLiteral("导出/图集.pdf"));
    panel->exportPdf(pdf);
    QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty() || !failed.isEmpty(), 300000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    QCOMPARE(exported.first().at(0).toString(), pdf);
    QVERIFY(QFileInfo(pdf).size() > 0);
    QCOMPARE(pdfPageCount(pdf), expectedPages);

    // The submission package, from the package_config the run resolved.
    QVERIFY(panel->hasPackageConfig());
    const QString zip = m_dir.filePath(QStringLiteral("导出/成果包.zip"));
    exported.clear();
    panel->exportPackage(zip);
    QTRY_VERIFY_WITH_TIMEOUT(!exported.isEmpty() || !failed.isEmpty(), 300000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    QFile file(zip);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("PK\x03\x04"));
    // Names in a zip's directory are stored as they are: the manifest, the risk map's
    // shapefile, the run log the run wrote.
    QVERIFY(bytes.contains("manifest.json"));
    QVERIFY(bytes.contains("run_log.json"));
    QVERIFY(bytes.contains(QStringLiteral("综合风险评估图.shp").toUtf8()));
}

void ProjectWorkflowTest::failedRunIsExplained()
{
    // An output "folder" that is a file: the run cannot start, and says where.
    const QString blocked = m_dir.filePath(QStringLiteral("not a folder"));
    QFile file(blocked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    desktop::TaskOutcome outcome{};
    QString message;
    QVERIFY(runAndWait(blocked, &outcome, &message));
    QVERIFY(outcome == desktop::TaskOutcome::Failed);
    QVERIFY2(message.contains(QStringLiteral("not a folder")), qPrintable(message));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("projectErrorBox"))) !=
                nullptr);
    QVERIFY(box->informativeText().contains(QStringLiteral("not a folder")));
    box->close();
    // The map keeps the results it had.
    QVERIFY(m_window->project()->layerId(QStringLiteral("risk_map")) >= 0);
}

void ProjectWorkflowTest::cancelledRunStoresNothing()
{
    const QString outDir = m_dir.filePath(QStringLiteral("cancelled run"));
    const auto before =
        levelsByUnit(project::Project::open(m_projectPath).readLayer(QStringLiteral("risk_map")));
    const int runsBefore = m_window->runLog()->table()->rowCount();
    desktop::TaskOutcome outcome{};
    QString message;
    QVERIFY(runAndWait(outDir, &outcome, &message, true));
    QVERIFY2(outcome == desktop::TaskOutcome::Cancelled, qPrintable(message));

    // The project keeps its results; the run log says it was cancelled.
    project::Project reopened = project::Project::open(m_projectPath);
    QCOMPARE(levelsByUnit(reopened.readLayer(QStringLiteral("risk_map"))), before);
    QCOMPARE(reopened.runs().size(), runsBefore + 1);
    QCOMPARE(reopened.runs().last().status, QStringLiteral("cancelled"));
    QCOMPARE(m_window->runLog()->table()->rowCount(), runsBefore + 1);
    QCOMPARE(m_window->runLog()->table()->item(0, 4)->text(),
             desktop::RunLogPanel::tr("Cancelled"));
    // Nothing was written to the output folder: the steps write into a staging folder that a
    // cancel removes (hidden files count too, so a left-over staging folder would show).
    QStringList files;
    QDirIterator it(outDir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(outDir).relativeFilePath(it.next()));
    QVERIFY2(files.isEmpty(), qPrintable(files.join(QStringLiteral(", "))));
    // The map still shows the results of the first run.
    QVERIFY(m_window->project()->layerId(QStringLiteral("risk_map")) >= 0);
}

void ProjectWorkflowTest::unsavedChangesPromptOnClose()
{
    desktop::ProjectController *controller = m_window->project();
    const int riskMapId = controller->layerId(QStringLiteral("risk_map"));
    const int feature = featureOfUnit(m_unit);
    QVERIFY(controller->setLevel(riskMapId, feature, 1, QStringLiteral("临时调整"), QString()));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(controller->session()->overrideOf(QStringLiteral("risk_map"), m_unit)->user ==
            desktop::ProjectSession::loginName());

    // Cancel keeps the window open with the edit.
    answerNextMessageBox(QMessageBox::Cancel);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QVERIFY(m_window->isWindowModified());

    // Discard closes without writing the edit.
    answerNextMessageBox(QMessageBox::Discard);
    QVERIFY(m_window->close());
    const auto stored = project::Project::open(m_projectPath).overrides(QStringLiteral("risk_map"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0].level, m_newLevel);
}

void ProjectWorkflowTest::dropsAProjectOnTheWindow()
{
    // A fresh window, as the command line `riskatlas PROJECT.riskatlas` gets.
    m_window = std::make_unique<desktop::MainWindow>();
    m_window->show();
    QSignalSpy loaded(m_window->project(), &desktop::ProjectController::resultsLoaded);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_projectPath)});
    const QPointF at(100, 100);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 120000);

    // The project's layers, not the file as a layer; the saved override shown on its unit.
    QCOMPARE(m_window->project()->session()->path(), QFileInfo(m_projectPath).absoluteFilePath());
    QVERIFY(m_window->project()->layerId(QStringLiteral("risk_map")) >= 0);
    QCOMPARE(m_window->canvas()->layerIds().size(), 3);
    const int feature = featureOfUnit(m_unit);
    QCOMPARE(attribute(*riskMap(), feature, "level").toInt(), m_newLevel);
    QCOMPARE(attribute(*riskMap(), feature, "overridden").toInt(), 1);
    QCOMPARE(m_window->layerList()->currentLayerId(),
             m_window->project()->layerId(QStringLiteral("risk_map")));
    // Named by their titles (no translator is installed here, so in English).
    QVERIFY(m_window->layerList()->layerNames().contains(QStringLiteral("Five-colour risk map")));
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(m_window->close());
}

QTEST_MAIN(ProjectWorkflowTest)
#include "project_workflow_test.moc"
