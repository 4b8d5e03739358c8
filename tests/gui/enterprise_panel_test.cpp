// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/enterprise_panel.h"
#include "desktop/layer_list.h"
#include "desktop/level_charts.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "support/test_support.h"

#include "core/enterprise/enterprise_job.h"
#include "core/io/csv_table_reader.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QFileInfo>
#include <QHorizontalBarSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace riskatlas;

class EnterprisePanelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importGuessesTheGbkColumns();
    void runMatchesTheCoreJob();
    void validationReportListsBadRows();

private:
    std::unique_ptr<desktop::MainWindow> m_window;
    desktop::EnterprisePanel *m_panel = nullptr;
};

void EnterprisePanelTest::init()
{
    m_window = std::make_unique<desktop::MainWindow>();
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_panel = m_window->findChild<desktop::EnterprisePanel *>();
    QVERIFY(m_panel);
}

void EnterprisePanelTest::cleanup()
{
    m_window.reset();
}

void EnterprisePanelTest::importGuessesTheGbkColumns()
{
    // Detected, then forced: both read the GBK file.
    const QString csv = test::sampleDataPath(QStringLiteral("yongjia/enterprises_2025H2.csv"));
    QVERIFY(m_panel->setInventory(csv));
    QCOMPARE(m_panel->previewEncoding(), QStringLiteral("GBK"));
    QVERIFY(m_panel->setInventory(csv, QStringLiteral("GBK")));
    QCOMPARE(m_panel->previewEncoding(), QStringLiteral("GBK"));

    QTableWidget *preview = m_panel->previewTable();
    QCOMPARE(preview->rowCount(), 20);
    QCOMPARE(preview->columnCount(), 19);
    QCOMPARE(preview->horizontalHeaderItem(0)->text(), QStringLiteral("企业名称"));
    QCOMPARE(preview->item(0, 0)->text(), QStringLiteral("永嘉县新华泵业有限公司"));
    QCOMPARE(preview->item(0, 2)->text(), QStringLiteral("泵阀制造"));

    // The file's headers, read by hand, against the roles of docs/enterprise_config.md.
    const QMap<QString, QString> expected = {
        {QStringLiteral("name"), QStringLiteral("企业名称")},
        {QStringLiteral("credit_code"), QStringLiteral("统一社会信用代码")},
        {QStringLiteral("sector"), QStringLiteral("行业类别")},
        {QStringLiteral("lon"), QStringLiteral("经度")},
        {QStringLiteral("lat"), QStringLiteral("纬度")},
        {QStringLiteral("crs"), QStringLiteral("坐标系")},
        {QStringLiteral("township"), QStringLiteral("所属乡镇")},
        {QStringLiteral("address"), QStringLiteral("地址")},
        {QStringLiteral("risk_point"), QStringLiteral("风险点")},
        {QStringLiteral("accident_type"), QStringLiteral("可能事故类型")},
        {QStringLiteral("L"), QStringLiteral("L")},
        {QStringLiteral("E"), QStringLiteral("E")},
        {QStringLiteral("C"), QStringLiteral("C")},
        {QStringLiteral("major_hazards"), QStringLiteral("重大隐患未整改数")},
        {QStringLiteral("general_hazards"), QStringLiteral("一般隐患未整改数")},
        {QStringLiteral("measures"), QStringLiteral("管控措施")},
        {QStringLiteral("department"), QStringLiteral("责任部门")},
        {QStringLiteral("person"), QStringLiteral("责任人")},
        {QStringLiteral("phone"), QStringLiteral("联系电话")}};
    QCOMPARE(m_panel->columnMapping(), expected);
}

void EnterprisePanelTest::runMatchesTheCoreJob()
{
    const QString configPath =
        test::sampleDataPath(QStringLiteral("yongjia/enterprise_config.json"));
    QVERIFY(m_panel->loadConfig(configPath));
    QCOMPARE(m_panel->previewEncoding(), QStringLiteral("GBK"));
    QTemporaryDir dir;
    const QString guiOut = dir.filePath(QStringLiteral("gui"));
    const QString coreOut = dir.filePath(QStringLiteral("core"));
    m_panel->setOutputDirectory(guiOut);
    QSignalSpy added(m_panel, &desktop::EnterprisePanel::resultsAdded);
    QVERIFY(m_panel->run());
    QVERIFY(added.wait(300000));

    enterprise::EnterpriseJobOptions options;
    options.configPath = configPath;
    options.outDir = coreOut;
    const enterprise::EnterpriseJobSummary core = enterprise::runEnterpriseJob(options);
    const enterprise::EnterpriseJobSummary &gui = m_panel->lastSummary();
    QCOMPARE(gui.firms, core.firms);
    QCOMPARE(gui.rawCounts, core.rawCounts);
    QCOMPARE(gui.finalCounts, core.finalCounts);
    QCOMPARE(gui.fatalRows, core.fatalRows);
    QCOMPARE(gui.controlLines, core.controlLines);
    QVERIFY(core.compared);
    QCOMPARE(gui.finalChanges.up, core.finalChanges.up);
    QCOMPARE(gui.finalChanges.down, core.finalChanges.down);
    QCOMPARE(gui.finalChanges.newFirms, core.finalChanges.newFirms);
    QCOMPARE(gui.finalChanges.closedFirms, core.finalChanges.closedFirms);

    // The validation report as a table, one row per issue, and exported as CSV.
    QCOMPARE(m_panel->validationTable()->rowCount(), int(core.issues.size()));
    const QString exported = dir.filePath(QStringLiteral("校验 报告.csv"));
    QVERIFY(m_panel->exportValidation(exported));
    const io::TextTable report = io::readCsvTable(exported);
    QCOMPARE(report.encoding, QStringLiteral("UTF-8"));
    QCOMPARE(report.rows.size(), qsizetype(core.issues.size()));
    // Change counts: continuing, down, up, unchanged, new, closed.
    QTableWidget *changes = m_panel->changeTable();
    QCOMPARE(changes->rowCount(), 6);
    QCOMPARE(changes->item(1, 1)->text().toInt(), core.finalChanges.down);
    QCOMPARE(changes->item(2, 1)->text().toInt(), core.finalChanges.up);
    QCOMPARE(changes->item(4, 1)->text().toInt(), core.finalChanges.newFirms);
    QCOMPARE(changes->item(5, 2)->text().toInt(), core.rawChanges.closedFirms);

    // The firms on the map in the four colours.
    desktop::LayerList *list = m_window->layerList();
    int firmsId = -1;
    for (const int id : list->layerIds()) {
        if (list->layerName(id) == desktop::EnterprisePanel::tr("Enterprises by level"))
            firmsId = id;
    }
    QVERIFY(firmsId >= 0);
    QCOMPARE(qsizetype(m_window->canvas()->layer(firmsId)->features.size()), core.firms);
    QCOMPARE(m_window->canvas()->layerSymbology(firmsId).paletteId,
             QStringLiteral("enterprise_four_colour"));
    QVERIFY(list->layerNames().contains(desktop::EnterprisePanel::tr("Control lines")));
    QVERIFY(list->layerNames().contains(desktop::EnterprisePanel::tr("Enterprise area map")));

    // Charts: firms per level (highest first), and the 重大+较大 firms per sector add up to
    // core's high-risk table (rows per unit and sector, without its 合计 row).
    auto *charts = m_window->findChild<desktop::LevelCharts *>();
    auto *pie = qobject_cast<QPieSeries *>(charts->shareChart()->series().value(0));
    QVERIFY(pie);
    QCOMPARE(pie->count(), 4);
    for (int k = 0; k < 4; ++k)
        QCOMPARE(pie->slices().at(k)->value(), double(core.finalCounts[std::size_t(4 - k)]));
    QVERIFY(pie->slices().at(0)->label().startsWith(QStringLiteral("重大")));
    auto *bars = qobject_cast<QHorizontalBarSeries *>(charts->sectorChart()->series().value(0));
    QVERIFY(bars);
    const QBarSet *set = bars->barSets().at(0);
    const desktop::LevelChartData &data = charts->data();
    const io::TextTable table =
        io::readCsvTable(coreOut + QStringLiteral("/tables/high_risk_by_township_sector.csv"));
    const qsizetype sectorColumn = table.headers.indexOf(QStringLiteral("行业类别")) >= 0
                                       ? table.headers.indexOf(QStringLiteral("行业类别"))
                                       : 1;
    QMap<QString, double> bySector;
    for (const QStringList &row : table.rows) {
        if (row.contains(QStringLiteral("合计")))
            continue;
        bySector[row.at(sectorColumn)] +=
            row.value(table.headers.indexOf(QStringLiteral("重大"))).toDouble() +
            row.value(table.headers.indexOf(QStringLiteral("较大"))).toDouble();
    }
    double chartTotal = 0;
    for (int i = 0; i < set->count(); ++i) {
        chartTotal += set->at(i);
        QCOMPARE(set->at(i), bySector.value(data.sectors.at(i)));
    }
    QCOMPARE(chartTotal, double(core.finalCounts[4] + core.finalCounts[3]));
}

// The first six firms of the sample inventory (lines 2–7), three of them broken by hand: line 5
// without a name (missing_name), line 6 with L = 2, not a value of the LEC table
// (impossible_factor), line 7 with a longitude that is not a number (non_numeric_coordinates).
// All three are errors, so three firms are graded and the table lists the three lines as fatal.
void EnterprisePanelTest::validationReportListsBadRows()
{
    const QString configPath =
        test::sampleDataPath(QStringLiteral("yongjia/enterprise_config.json"));
    QVERIFY(m_panel->loadConfig(configPath));
    const io::TextTable sample =
        io::readCsvTable(test::sampleDataPath(QStringLiteral("yongjia/enterprises_2025H2.csv")));
    QList<QStringList> rows = sample.rows.mid(0, 6);
    const qsizetype name = sample.headers.indexOf(QStringLiteral("企业名称"));
    const qsizetype l = sample.headers.indexOf(QStringLiteral("L"));
    const qsizetype lon = sample.headers.indexOf(QStringLiteral("经度"));
    rows[3][name] = QString();
    rows[4][l] = QStringLiteral("2");
    rows[5][lon] = QStringLiteral("东经120度");
    const auto line = [](const QStringList &cells) -> QString {
        QStringList quoted;
        for (QString cell : cells) {
            cell.replace(QStringLiteral("\""), QStringLiteral("\"\""));
            quoted << u'"' + cell + u'"';
        }
        return quoted.join(u',') + QStringLiteral("\r\n");
    };
    QString text = QStringLiteral("\uFEFF") + line(sample.headers);
    for (const QStringList &row : rows)
        text += line(row);
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("清单 2025.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    file.close();

    QVERIFY(m_panel->setInventory(csv));
    QCOMPARE(m_panel->previewEncoding(), QStringLiteral("UTF-8"));
    const auto fatalLines = [this] {
        QTableWidget *table = m_panel->validationTable();
        QMap<int, QString> columns;
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 4)->text() == desktop::EnterprisePanel::tr("yes"))
                columns.insert(table->item(r, 0)->text().toInt(), table->item(r, 1)->text());
        }
        return columns;
    };
    // Validate before running: the same report, nothing written.
    QSignalSpy validated(m_panel, &desktop::EnterprisePanel::validated);
    QVERIFY(m_panel->validate());
    QVERIFY(validated.wait(120000));
    QCOMPARE(fatalLines().keys(), (QList<int>{5, 6, 7}));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("out"))));
    m_panel->setComparePath({});
    m_panel->setOutputDirectory(dir.filePath(QStringLiteral("out")));
    QSignalSpy added(m_panel, &desktop::EnterprisePanel::resultsAdded);
    QVERIFY(m_panel->run());
    QVERIFY(added.wait(300000));
    QCOMPARE(m_panel->lastSummary().firms, qsizetype(3));
    QCOMPARE(m_panel->lastSummary().fatalRows, qsizetype(3));

    QTableWidget *table = m_panel->validationTable();
    const QMap<int, QString> fatalColumns = fatalLines();
    QCOMPARE(fatalColumns.keys(), (QList<int>{5, 6, 7}));
    QCOMPARE(fatalColumns.value(6), QStringLiteral("L"));
    QCOMPARE(fatalColumns.value(7), QStringLiteral("经度"));
    QCOMPARE(table->item(table->rowCount() - 1, 3) != nullptr, true);

    const QString exported = dir.filePath(QStringLiteral("report.csv"));
    QVERIFY(m_panel->exportValidation(exported));
    const io::TextTable report = io::readCsvTable(exported);
    QCOMPARE(report.rows.size(), qsizetype(table->rowCount()));
    QCOMPARE(report.rows.at(0).at(2), table->item(0, 2)->text());
}

QTEST_MAIN(EnterprisePanelTest)
#include "enterprise_panel_test.moc"
