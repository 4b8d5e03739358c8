// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/five_colour_panel.h"
#include "desktop/layer_list.h"
#include "desktop/level_charts.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "desktop/result_layer_loader.h"
#include "desktop/risk_histogram.h"
#include "desktop/workflow_job.h"
#include "support/test_support.h"

#include "core/hazard/model_parser.h"
#include "core/hazard/risk_pipeline.h"
#include "core/io/csv_table_reader.h"
#include "core/io/layer_reader.h"
#include "core/model/vector_layer.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QFileInfo>
#include <QHorizontalStackedBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPieSeries>
#include <QPieSlice>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace riskatlas;

namespace {

int fieldIndex(const model::VectorLayer &layer, const QString &name)
{
    for (int i = 0; i < layer.fields.size(); ++i) {
        if (layer.fields.at(i).name == name)
            return i;
    }
    return -1;
}

// unit_name → level of a risk map.
QMap<QString, int> levelsByTownship(const model::VectorLayer &layer)
{
    QMap<QString, int> levels;
    const int name = fieldIndex(layer, QStringLiteral("unit_name"));
    const int level = fieldIndex(layer, QStringLiteral("level"));
    for (const model::Feature &feature : layer.features)
        levels.insert(feature.attributes.value(name).toString(),
                      feature.attributes.value(level).toInt());
    return levels;
}

} // namespace

class FiveColourPanelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsTheSampleModel();
    void saveAndLoadKeepThePaths();
    void runMatchesTheCoreRun();
    void previewShowsHistogramAndClasses();
    void cancelWritesNothing();

private:
    std::unique_ptr<desktop::MainWindow> m_window;
    desktop::FiveColourPanel *m_panel = nullptr;
};

void FiveColourPanelTest::init()
{
    m_window = std::make_unique<desktop::MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_panel = m_window->findChild<desktop::FiveColourPanel *>();
    QVERIFY(m_panel);
    QSignalSpy failed(m_panel, &desktop::FiveColourPanel::failed);
    const bool loaded =
        m_panel->loadModel(test::sampleDataPath(QStringLiteral("yongjia/five_colour_model.json")));
    QVERIFY2(loaded, failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
}

void FiveColourPanelTest::cleanup()
{
    m_window.reset();
}

void FiveColourPanelTest::loadsTheSampleModel()
{
    const QJsonObject model = m_panel->modelJson();
    QCOMPARE(model.value(QStringLiteral("hazards")).toArray().size(), 5);
    QCOMPARE(model.value(QStringLiteral("exposure")).toArray().size(), 3);
    const QJsonObject weights = model.value(QStringLiteral("weights")).toObject();
    QCOMPARE(weights.value(QStringLiteral("hazards")).toObject().value(QStringLiteral("method")),
             QJsonValue(QStringLiteral("ahp")));
    QCOMPARE(weights.value(QStringLiteral("capacity")).toObject().value(QStringLiteral("method")),
             QJsonValue(QStringLiteral("entropy")));
    // Paths are made absolute against the model's folder.
    const QString flood = model.value(QStringLiteral("hazards"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("source"))
                              .toString();
    QCOMPARE(flood, test::sampleDataPath(QStringLiteral("yongjia/census.gpkg")) +
                        QStringLiteral("|layername=flood_zones"));
    // What the panel would run is what the CLI reads from the file.
    const hazard::RiskModel fromFile = hazard::loadRiskModel(
        test::sampleDataPath(QStringLiteral("yongjia/five_colour_model.json")));
    const hazard::RiskModel fromPanel = hazard::parseRiskModel(
        QJsonDocument(model).toJson(), test::sampleDataPath(QStringLiteral("yongjia/x.json")));
    QCOMPARE(fromPanel.hazards.size(), fromFile.hazards.size());
    for (std::size_t i = 0; i < fromFile.hazards.size(); ++i) {
        QCOMPARE(fromPanel.hazards[i].source, fromFile.hazards[i].source);
        QCOMPARE(fromPanel.hazards[i].scores, fromFile.hazards[i].scores);
        QCOMPARE(fromPanel.hazards[i].aggregation, fromFile.hazards[i].aggregation);
        QCOMPARE(fromPanel.hazards[i].threshold, fromFile.hazards[i].threshold);
    }
    QCOMPARE(fromPanel.hazardWeights.matrix, fromFile.hazardWeights.matrix);
    QCOMPARE(fromPanel.units.idField, fromFile.units.idField);
    QCOMPARE(fromPanel.vulnerability.tables[0].factors, fromFile.vulnerability.tables[0].factors);
    QCOMPARE(fromPanel.minimumMappingUnit, fromFile.minimumMappingUnit);
    QCOMPARE(fromPanel.preventionRules.size(), fromFile.preventionRules.size());
}

void FiveColourPanelTest::saveAndLoadKeepThePaths()
{
    const QJsonObject before = m_panel->modelJson();
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("模型 副本/model.json"));
    QVERIFY(QDir().mkpath(QFileInfo(saved).absolutePath()));
    QVERIFY(m_panel->saveModel(saved));
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject written = QJsonDocument::fromJson(file.readAll()).object();
    // Relative to the new folder, as the parser resolves them.
    const QString units = written.value(QStringLiteral("units"))
                              .toObject()
                              .value(QStringLiteral("source"))
                              .toString();
    QVERIFY2(units.startsWith(QStringLiteral("..")), qPrintable(units));
    const hazard::RiskModel reread = hazard::loadRiskModel(saved);
    QCOMPARE(reread.units.source, test::sampleDataPath(QStringLiteral("yongjia/townships.shp")));
    QVERIFY(m_panel->loadModel(saved));
    QCOMPARE(m_panel->modelJson(), before);
}

void FiveColourPanelTest::runMatchesTheCoreRun()
{
    QTemporaryDir dir;
    const QString guiOut = dir.filePath(QStringLiteral("gui"));
    const QString coreOut = dir.filePath(QStringLiteral("core"));
    QSignalSpy added(m_panel, &desktop::FiveColourPanel::resultsAdded);
    m_panel->setOutputDirectory(guiOut);
    QVERIFY(m_panel->run());
    QVERIFY(m_panel->job()->isRunning());
    QVERIFY(added.wait(180000));

    // The same model through core, as `riskatlas-cli zone` runs it.
    hazard::PipelineOptions options;
    options.outDir = coreOut;
    const hazard::PipelineSummary core =
        hazard::runRiskModel(hazard::loadRiskModel(test::sampleDataPath(
                                 QStringLiteral("yongjia/five_colour_model.json"))),
                             options);
    const QMap<QString, int> expected =
        levelsByTownship(io::readLayer(coreOut + QStringLiteral("/risk_map.gpkg")));
    QCOMPARE(expected.size(), 22);

    const int id = m_panel->results()->layerId(desktop::FiveColourPanel::tr("Risk map"));
    QVERIFY(id >= 0);
    QVERIFY(m_window->layerList()->layerNames().contains(desktop::FiveColourPanel::tr("Risk map")));
    const auto layer = m_window->canvas()->layer(id);
    QCOMPARE(levelsByTownship(*layer), expected);
    QCOMPARE(m_window->canvas()->layerSymbology(id).paletteId, QStringLiteral("five_colour"));
    QCOMPARE(m_window->canvas()->layerSymbology(id).levelField, QStringLiteral("level"));
    // docs/five-colour.md: townships per level 1 … 5 are 4, 4, 4, 7, 3.
    QCOMPARE(m_panel->lastSummary().unitsPerLevel, (std::vector<qint64>{4, 4, 4, 7, 3}));
    QCOMPARE(m_panel->lastSummary().unitsPerLevel, core.unitsPerLevel);
    // Every result map is on the map: five hazards, two zonings and the risk map.
    for (const QString &name :
         {desktop::FiveColourPanel::tr("Risk zoning"),
          desktop::FiveColourPanel::tr("Prevention zoning"),
          desktop::FiveColourPanel::tr("Hazard: %1").arg(QStringLiteral("地质灾害"))})
        QVERIFY2(m_panel->results()->layerId(name) >= 0, qPrintable(name));
    QCOMPARE(m_window->canvas()
                 ->layerSymbology(
                     m_panel->results()->layerId(desktop::FiveColourPanel::tr("Prevention zoning")))
                 .paletteId,
             QStringLiteral("prevention"));

    // The charts: the pie holds the units per level, highest first.
    auto *charts = m_window->findChild<desktop::LevelCharts *>();
    QVERIFY(charts);
    auto *pie = qobject_cast<QPieSeries *>(charts->shareChart()->series().value(0));
    QVERIFY(pie);
    QCOMPARE(pie->count(), 5);
    for (int k = 0; k < 5; ++k)
        QCOMPARE(pie->slices().at(k)->value(), double(core.unitsPerLevel[std::size_t(4 - k)]));
    QVERIFY(pie->slices().at(0)->label().startsWith(QStringLiteral("高 3")));
    // The township bars add up to the county rows of core's table, level by level.
    auto *stacked =
        qobject_cast<QHorizontalStackedBarSeries *>(charts->townshipChart()->series().value(0));
    QVERIFY(stacked);
    QCOMPARE(stacked->count(), 5);
    QCOMPARE(stacked->barSets().at(0)->count(), 22);
    const io::TextTable table =
        io::readCsvTable(coreOut + QStringLiteral("/tables/risk_by_township.csv"));
    for (const QStringList &row : table.rows) {
        if (row.at(0) != QLatin1String("total"))
            continue;
        const int level = row.at(2).toInt();
        double sum = 0;
        const QBarSet *set = stacked->barSets().at(level - 1);
        for (int i = 0; i < set->count(); ++i)
            sum += set->at(i);
        QVERIFY2(std::abs(sum - row.at(4).toDouble()) < 1e-6, qPrintable(row.join(u',')));
    }
}

void FiveColourPanelTest::previewShowsHistogramAndClasses()
{
    QSignalSpy ready(m_panel, &desktop::FiveColourPanel::previewReady);
    QVERIFY(m_panel->preview());
    QVERIFY(ready.wait(180000));
    const int id = m_panel->results()->layerId(desktop::FiveColourPanel::tr("Risk preview"));
    QVERIFY(id >= 0);
    const auto layer = m_window->canvas()->layer(id);
    const int riskIndex = fieldIndex(*layer, QStringLiteral("risk"));
    std::vector<double> risks;
    for (const model::Feature &feature : layer->features)
        risks.push_back(feature.attributes.value(riskIndex).toDouble());
    QCOMPARE(risks.size(), std::size_t(22));

    // Jenks breaks of the sample as docs/five-colour.md gives them.
    const std::vector<double> jenks = m_panel->previewBreaks();
    QCOMPARE(jenks.size(), std::size_t(6));
    const double documented[] = {0, 0.0465, 0.1724, 0.2481, 0.3424, 0.4499};
    for (int i = 0; i < 6; ++i)
        QVERIFY2(std::abs(jenks[std::size_t(i)] - documented[i]) < 1e-4,
                 qPrintable(QString::number(jenks[std::size_t(i)])));
    desktop::RiskHistogram *histogram = m_panel->histogram();
    int total = 0;
    for (const int count : histogram->binCounts())
        total += count;
    QCOMPARE(total, 22);
    QCOMPARE(histogram->drawnBreaks(), std::vector<double>(jenks.begin() + 1, jenks.end() - 1));

    // Equal intervals, worked out here: min + k·(max − min)/5.
    m_panel->setClassifyMethod(QStringLiteral("equal-interval"));
    const auto [lo, hi] = std::minmax_element(risks.begin(), risks.end());
    const std::vector<double> equal = m_panel->previewBreaks();
    for (int k = 1; k <= 4; ++k)
        QVERIFY(std::abs(equal[std::size_t(k)] - (*lo + k * (*hi - *lo) / 5)) < 1e-12);
    QCOMPARE(histogram->drawnBreaks(), std::vector<double>(equal.begin() + 1, equal.end() - 1));
    // The preview layer is recoloured with the new classes: level = the interval of its risk.
    const int previewId = m_panel->results()->layerId(desktop::FiveColourPanel::tr("Risk preview"));
    const auto recoloured = m_window->canvas()->layer(previewId);
    const int levelIndex = fieldIndex(*recoloured, QStringLiteral("level"));
    for (const model::Feature &feature : recoloured->features) {
        const double risk = feature.attributes.value(riskIndex).toDouble();
        int level = 1;
        while (level < 5 && risk > equal[std::size_t(level)])
            ++level;
        QCOMPARE(feature.attributes.value(levelIndex).toInt(), level);
    }
}

// Cancel in the progress dialog cancels core's Feedback: the run stops, nothing is written
// and no result is added.
void FiveColourPanelTest::cancelWritesNothing()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("cancelled"));
    m_panel->setOutputDirectory(out);
    desktop::WorkflowJob *job = m_panel->job();
    QSignalSpy finished(job, &desktop::WorkflowJob::finished);
    QVERIFY(m_panel->run());
    QVERIFY(job->progressDialog());
    QVERIFY(job->progressDialog()->isVisible());
    auto *cancel = job->progressDialog()->findChild<QPushButton *>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().at(0).toBool(), false); // not ok
    QCOMPARE(finished.first().at(1).toBool(), true);  // cancelled
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/risk_map.gpkg")));
    QCOMPARE(m_window->layerList()->layerIds().size(), 0);
}

QTEST_MAIN(FiveColourPanelTest)
#include "five_colour_panel_test.moc"
