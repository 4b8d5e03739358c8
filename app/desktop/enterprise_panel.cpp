// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/enterprise_panel.h"

#include "desktop/form_helpers.h"

#include "core/enterprise/enterprise_inventory.h"
#include "core/enterprise/risk_grading.h"
#include "core/enterprise/unit_locator.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/io/csv_table_reader.h"
#include "core/io/layer_reader.h"
#include "core/io/xlsx_table_reader.h"
#include "core/model/vector_layer.h"
#include "desktop/layer_source_field.h"
#include "desktop/main_window.h"
#include "desktop/result_layer_loader.h"
#include "desktop/workflow_job.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSet>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace riskatlas::desktop {

namespace {

constexpr int kPreviewRows = 20;

const QString kLayerFilter = QStringLiteral("GIS (*.shp *.gpkg *.geojson *.json *.zip);;* (*)");

QTableWidget *makeTable(const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setMinimumHeight(120);
    return table;
}

QWidget *row(std::initializer_list<QWidget *> widgets)
{
    auto *widget = new QWidget;
    auto *layout = new QHBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    bool first = true;
    for (QWidget *child : widgets) {
        layout->addWidget(child, first ? 1 : 0);
        first = false;
    }
    return widget;
}

QString numbersText(const std::vector<double> &values)
{
    QStringList texts;
    for (const double value : values)
        texts << QString::number(value, 'g', 10);
    return texts.join(QStringLiteral(", "));
}

std::vector<double> parseNumbers(const QString &text)
{
    std::vector<double> values;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        values.push_back(part.trimmed().toDouble());
    return values;
}

// CSV cell quoting (RFC 4180), so messages with commas and quotes survive.
QString csvCell(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QMap<int, double> shiftedLevels(const QMap<int, double> &distances, int delta)
{
    QMap<int, double> shifted;
    for (auto it = distances.begin(); it != distances.end(); ++it) {
        if (it.key() + delta >= 1)
            shifted.insert(it.key() + delta, it.value());
    }
    return shifted;
}

} // namespace

EnterprisePanel::EnterprisePanel(MainWindow &window, QWidget *parent)
    : QWidget(parent)
    , m_window(window)
    , m_job(new WorkflowJob(&window))
    , m_results(new ResultLayerLoader(window, this))
{
    // A new configuration gets the standard control lines: 500 m for 重大, 300 m for 较大.
    m_config.controlLines.distances = {{4, 500.0}, {3, 300.0}};

    auto *load = desktop::form::openFileButton(
        tr("Load configuration…"), tr("Load an enterprise configuration"),
        tr("Configuration (*.json)"), this, [this](const QString &path) { loadConfig(path); });
    auto *save = desktop::form::saveFileButton(
        tr("Save configuration…"), tr("Save the enterprise configuration"),
        tr("Configuration (*.json)"), this, [] { return QString(); },
        [this](const QString &path) { saveConfig(path); });
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createInventoryPage(), tr("1 Inventory"));
    m_tabs->addTab(createGradingPage(), tr("2 Grading"));
    m_tabs->addTab(createRunPage(), tr("3 Run"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_units->refresh();
        m_studyArea->refresh();
    });
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(load);
    buttons->addWidget(save);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addWidget(m_tabs, 1);

    connect(m_job, &WorkflowJob::finished, this, &EnterprisePanel::jobFinished);
    connect(m_results, &ResultLayerLoader::failed, this,
            [this](const QString &message) { showError(tr("Cannot show a result"), message); });
    connect(m_results, &ResultLayerLoader::added, this, [this] {
        if (m_resultsExpected > 0 && --m_resultsExpected == 0)
            Q_EMIT resultsAdded();
    });
    configToWidgets();
}

EnterprisePanel::~EnterprisePanel() = default;

QWidget *EnterprisePanel::createInventoryPage()
{
    auto *page = new QWidget;
    m_inventory = new QLineEdit(page);
    auto *browse = new QPushButton(tr("Browse…"), page);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Enterprise inventory"), m_inventory->text(),
                                         tr("Inventory (*.csv *.xlsx *.txt);;* (*)"));
        if (!path.isEmpty()) {
            m_inventory->setText(path);
            readPreview();
        }
    });
    m_encoding = new QComboBox(page);
    m_encoding->addItem(tr("detect (UTF-8, else GBK)"), QString());
    m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("UTF-8"));
    m_encoding->addItem(QStringLiteral("GBK"), QStringLiteral("GBK"));
    m_encoding->addItem(QStringLiteral("GB18030"), QStringLiteral("GB18030"));
    m_sheet = new QLineEdit(page);
    m_sheet->setPlaceholderText(tr("XLSX: the first sheet"));
    auto *reread = new QPushButton(tr("Read"), page);
    connect(reread, &QPushButton::clicked, this, &EnterprisePanel::readPreview);
    auto *check = new QPushButton(tr("Validate"), page);
    check->setToolTip(tr("Checks every row with the columns and grading chosen, without "
                         "writing anything; the report is on the Run step"));
    connect(check, &QPushButton::clicked, this, [this] { validate(); });
    connect(m_encoding, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_inventory->text().isEmpty())
            readPreview();
    });
    m_previewInfo = new QLabel(page);
    m_previewInfo->setWordWrap(true);
    m_preview = makeTable({});
    m_mapping = makeTable({tr("role"), tr("column"), tr("needed")});
    m_mapping->setEditTriggers(QAbstractItemView::AllEditTriggers);

    auto *form = new QFormLayout;
    form->addRow(tr("Inventory:"), row({m_inventory, browse}));
    form->addRow(tr("Encoding:"), row({m_encoding, reread, check}));
    form->addRow(tr("Sheet:"), m_sheet);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_previewInfo);
    layout->addWidget(new QLabel(tr("First rows:"), page));
    layout->addWidget(m_preview, 1);
    layout->addWidget(
        new QLabel(tr("Columns (guessed from the headers; change where wrong):"), page));
    layout->addWidget(m_mapping, 1);
    return page;
}

QWidget *EnterprisePanel::createGradingPage()
{
    auto *page = new QWidget;
    m_method = new QComboBox(page);
    m_method->addItem(tr("LEC: D = L × E × C"), int(enterprise::GradingMethod::Lec));
    m_method->addItem(tr("risk matrix: R = likelihood × severity"),
                      int(enterprise::GradingMethod::Matrix));
    m_method->addItem(tr("level given in the inventory"),
                      int(enterprise::GradingMethod::LevelColumn));
    m_levels = new QComboBox(page);
    m_levels->addItem(tr("four levels (red, orange, yellow, blue)"), 4);
    m_levels->addItem(tr("five levels (adds green)"), 5);
    m_thresholds = new QLineEdit(page);
    m_standardLec = new QCheckBox(tr("Only the standard LEC table values"), page);
    m_adjust = new QCheckBox(tr("Dynamic adjustment from unrectified hidden dangers"), page);
    m_majorToTop =
        new QCheckBox(tr("An unrectified major hidden danger makes the firm 重大"), page);
    m_generalThreshold = new QSpinBox(page);
    m_generalThreshold->setRange(0, 1000);
    m_generalThreshold->setSpecialValueText(tr("off"));
    m_units = new LayerSourceField(&m_window, kLayerFilter, page);
    m_unitName = new QLineEdit(page);
    m_unitCode = new QLineEdit(page);
    m_areaRule = new QComboBox(page);
    m_areaRule->addItem(tr("highest level of its firms"), int(enterprise::AreaRule::Highest));
    m_areaRule->addItem(tr("most frequent level"), int(enterprise::AreaRule::Majority));
    m_areaRule->addItem(tr("score-weighted mean level"), int(enterprise::AreaRule::ScoreWeighted));
    m_studyArea = new LayerSourceField(&m_window, kLayerFilter, page);

    // The thresholds box shows the current method's bounds, with that scheme's defaults.
    const auto showThresholds = [this] {
        const auto method = enterprise::GradingMethod(m_method->currentData().toInt());
        const int levels = m_levels->currentData().toInt();
        std::vector<double> values = method == enterprise::GradingMethod::Matrix
                                         ? m_config.grading.matrixThresholds
                                         : m_config.grading.lecThresholds;
        if (int(values.size()) != levels - 1) {
            if (method == enterprise::GradingMethod::Matrix)
                values =
                    levels == 5 ? std::vector<double>{2, 4, 8, 12} : std::vector<double>{4, 8, 12};
            else
                values = levels == 5 ? std::vector<double>{20, 70, 160, 320}
                                     : std::vector<double>{70, 160, 320};
        }
        m_thresholds->setText(numbersText(values));
        m_thresholds->setEnabled(method != enterprise::GradingMethod::LevelColumn);
        m_standardLec->setEnabled(method == enterprise::GradingMethod::Lec);
    };
    connect(m_method, &QComboBox::currentIndexChanged, this, [this, showThresholds] {
        showThresholds();
        fillMapping();
    });
    connect(m_levels, &QComboBox::currentIndexChanged, this, showThresholds);
    connect(m_adjust, &QCheckBox::toggled, m_majorToTop, &QWidget::setEnabled);
    connect(m_adjust, &QCheckBox::toggled, m_generalThreshold, &QWidget::setEnabled);

    auto *grading = new QGroupBox(tr("Grading"), page);
    auto *gradingForm = new QFormLayout(grading);
    gradingForm->addRow(tr("Method:"), m_method);
    gradingForm->addRow(tr("Scheme:"), m_levels);
    gradingForm->addRow(tr("Score thresholds (ascending):"), m_thresholds);
    gradingForm->addRow(QString(), m_standardLec);
    gradingForm->addRow(QString(), m_adjust);
    gradingForm->addRow(QString(), m_majorToTop);
    gradingForm->addRow(tr("Raise one level from this many general hidden dangers:"),
                        m_generalThreshold);
    auto *units = new QGroupBox(tr("Area map units"), page);
    auto *unitsForm = new QFormLayout(units);
    unitsForm->addRow(tr("Units:"), m_units);
    unitsForm->addRow(tr("Name field:"), m_unitName);
    unitsForm->addRow(tr("Code field:"), m_unitCode);
    unitsForm->addRow(tr("Unit level:"), m_areaRule);
    unitsForm->addRow(tr("Study area (empty: the units):"), m_studyArea);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(grading);
    layout->addWidget(units);
    layout->addStretch(1);
    return page;
}

QWidget *EnterprisePanel::createRunPage()
{
    auto *page = new QWidget;
    m_outDir = new QLineEdit(page);
    auto *browse =
        desktop::form::browseFolderButton(m_outDir, tr("Browse…"), tr("Output folder"), this);
    m_overwrite = new QCheckBox(tr("Replace an earlier run's outputs"), page);
    m_compare = new QLineEdit(page);
    m_compare->setPlaceholderText(tr("optional: the older survey (CSV or XLSX)"));
    auto *browseCompare = new QPushButton(tr("Browse…"), page);
    connect(browseCompare, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Older survey"), m_compare->text(), tr("Inventory (*.csv *.xlsx);;* (*)"));
        if (!path.isEmpty())
            m_compare->setText(path);
    });
    m_runButton = new QPushButton(tr("Run"), page);
    connect(m_runButton, &QPushButton::clicked, this, [this] { run(); });
    m_runSummary = new QLabel(page);
    m_runSummary->setWordWrap(true);
    m_runSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_issues = makeTable({tr("row"), tr("column"), tr("problem"), tr("value"), tr("fatal")});
    auto *exportButton = new QPushButton(tr("Export report…"), page);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the validation report"),
                                                          {}, tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportValidation(path);
    });
    m_changes = makeTable({tr("change"), tr("final levels"), tr("score levels")});

    auto *form = new QFormLayout;
    form->addRow(tr("Output folder:"), row({m_outDir, browse}));
    form->addRow(QString(), m_overwrite);
    form->addRow(tr("Compare with:"), row({m_compare, browseCompare}));
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_runButton);
    layout->addWidget(m_runSummary);
    layout->addWidget(new QLabel(tr("Validation report:"), page));
    layout->addWidget(m_issues, 2);
    layout->addWidget(exportButton, 0, Qt::AlignLeft);
    layout->addWidget(new QLabel(tr("Survey comparison:"), page));
    layout->addWidget(m_changes, 1);
    return page;
}

void EnterprisePanel::configToWidgets()
{
    const enterprise::GradingRules &rules = m_config.grading;
    m_inventory->setText(m_config.inventoryPath);
    {
        const QSignalBlocker blocker(m_encoding);
        const int index = m_encoding->findData(m_config.inventoryEncoding);
        m_encoding->setCurrentIndex(std::max(index, 0));
    }
    m_sheet->setText(m_config.inventorySheet);
    m_method->setCurrentIndex(m_method->findData(int(rules.method)));
    m_levels->setCurrentIndex(m_levels->findData(rules.levelCount));
    m_thresholds->setText(numbersText(rules.method == enterprise::GradingMethod::Matrix
                                          ? rules.matrixThresholds
                                          : rules.lecThresholds));
    m_standardLec->setChecked(rules.standardLecValues);
    m_adjust->setChecked(rules.dynamicAdjustment);
    m_majorToTop->setChecked(rules.majorHazardToTop);
    m_generalThreshold->setValue(rules.generalHazardThreshold);
    m_majorToTop->setEnabled(rules.dynamicAdjustment);
    m_generalThreshold->setEnabled(rules.dynamicAdjustment);
    m_units->setPathSpec(m_config.unitsPath);
    m_unitName->setText(m_config.unitNameField);
    m_unitCode->setText(m_config.unitCodeField);
    m_areaRule->setCurrentIndex(m_areaRule->findData(int(m_config.areaRule)));
    m_studyArea->setPathSpec(m_config.studyAreaPath);
    m_compare->setText(m_config.olderInventoryPath);
}

bool EnterprisePanel::loadConfig(const QString &path)
{
    try {
        m_config = enterprise::loadEnterpriseConfig(path);
    } catch (const Error &error) {
        showError(tr("Cannot load the configuration"), error.formatted());
        return false;
    }
    configToWidgets();
    if (!m_config.inventoryPath.isEmpty())
        readPreview();
    return true;
}

bool EnterprisePanel::setInventory(const QString &path, const QString &encoding)
{
    m_inventory->setText(path);
    const QSignalBlocker blocker(m_encoding);
    m_encoding->setCurrentIndex(std::max(0, m_encoding->findData(encoding)));
    readPreview();
    return !m_table.headers.isEmpty();
}

void EnterprisePanel::readPreview()
{
    const QString path = m_inventory->text().trimmed();
    m_table = {};
    m_preview->clear();
    m_preview->setRowCount(0);
    m_preview->setColumnCount(0);
    try {
        if (QFileInfo(path).suffix().compare(QLatin1String("xlsx"), Qt::CaseInsensitive) == 0)
            m_table = io::readXlsxTable(path, m_sheet->text().trimmed());
        else
            m_table = io::readCsvTable(path, m_encoding->currentData().toString());
    } catch (const Error &error) {
        m_previewInfo->setText(error.formatted());
        fillMapping();
        Q_EMIT failed(error.formatted());
        return;
    }
    m_previewInfo->setText(tr("%n row(s), read as %1 (%2).", nullptr, int(m_table.rows.size()))
                               .arg(m_table.encoding, m_table.encodingSource));
    m_preview->setColumnCount(int(m_table.headers.size()));
    m_preview->setHorizontalHeaderLabels(m_table.headers);
    const int rows = int(std::min<qsizetype>(m_table.rows.size(), kPreviewRows));
    m_preview->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < m_table.headers.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(m_table.rows.at(r).value(c)));
    }
    fillMapping();
}

void EnterprisePanel::fillMapping()
{
    // What the user picked survives a re-read; the rest is guessed as the import guesses.
    QMap<QString, QString> chosen = m_config.columns;
    for (int r = 0; r < m_mapping->rowCount(); ++r) {
        if (auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(r, 1));
            combo && combo->property("touched").toBool())
            chosen.insert(m_mapping->item(r, 0)->text(), combo->currentData().toString());
    }
    enterprise::GradingRules rules;
    rules.method = enterprise::GradingMethod(m_method->currentData().toInt());
    const QStringList required = enterprise::requiredColumnRoles(rules);
    const QMap<QString, int> found = enterprise::matchColumns(m_table.headers, chosen);
    m_mapping->setRowCount(0);
    for (const QString &role : enterprise::columnRoles()) {
        const int r = m_mapping->rowCount();
        m_mapping->insertRow(r);
        m_mapping->setItem(r, 0, new QTableWidgetItem(role));
        auto *combo = new QComboBox;
        combo->addItem(tr("(none)"), QString());
        for (const QString &header : m_table.headers)
            combo->addItem(header, header);
        if (found.contains(role))
            combo->setCurrentIndex(found.value(role) + 1);
        connect(combo, &QComboBox::activated, combo,
                [combo] { combo->setProperty("touched", true); });
        m_mapping->setCellWidget(r, 1, combo);
        auto *needed = new QTableWidgetItem(required.contains(role) ? tr("required") : QString());
        if (required.contains(role) && !found.contains(role))
            needed->setBackground(QColor(255, 200, 200));
        m_mapping->setItem(r, 2, needed);
    }
}

QMap<QString, QString> EnterprisePanel::columnMapping() const
{
    QMap<QString, QString> mapping;
    for (int r = 0; r < m_mapping->rowCount(); ++r) {
        const auto *combo = qobject_cast<QComboBox *>(m_mapping->cellWidget(r, 1));
        if (combo && !combo->currentData().toString().isEmpty())
            mapping.insert(m_mapping->item(r, 0)->text(), combo->currentData().toString());
    }
    return mapping;
}

enterprise::EnterpriseConfig EnterprisePanel::config() const
{
    enterprise::EnterpriseConfig config = m_config;
    config.inventoryPath = m_inventory->text().trimmed();
    config.inventoryEncoding = m_encoding->currentData().toString();
    config.inventorySheet = m_sheet->text().trimmed();
    config.columns = columnMapping();
    enterprise::GradingRules &rules = config.grading;
    rules.method = enterprise::GradingMethod(m_method->currentData().toInt());
    const int levels = m_levels->currentData().toInt();
    if (levels != rules.levelCount) {
        // Distances are kept for the same level counted from the top (重大 stays 重大).
        const int delta = levels - rules.levelCount;
        config.controlLines.distances = shiftedLevels(config.controlLines.distances, delta);
        for (auto &sector : config.controlLines.sectorDistances)
            sector = shiftedLevels(sector, delta);
        rules.levelCount = levels;
    }
    if (rules.method == enterprise::GradingMethod::Matrix)
        rules.matrixThresholds = parseNumbers(m_thresholds->text());
    else if (rules.method == enterprise::GradingMethod::Lec)
        rules.lecThresholds = parseNumbers(m_thresholds->text());
    // The other method's bounds must fit the scheme too, or the parser refuses the file.
    if (int(rules.lecThresholds.size()) != levels - 1)
        rules.lecThresholds =
            levels == 5 ? std::vector<double>{20, 70, 160, 320} : std::vector<double>{70, 160, 320};
    if (int(rules.matrixThresholds.size()) != levels - 1)
        rules.matrixThresholds =
            levels == 5 ? std::vector<double>{2, 4, 8, 12} : std::vector<double>{4, 8, 12};
    rules.standardLecValues = m_standardLec->isChecked();
    rules.dynamicAdjustment = m_adjust->isChecked();
    rules.majorHazardToTop = m_majorToTop->isChecked();
    rules.generalHazardThreshold = m_generalThreshold->value();
    config.unitsPath = m_units->pathSpec();
    config.unitNameField = m_unitName->text().trimmed();
    config.unitCodeField = m_unitCode->text().trimmed();
    config.areaRule = enterprise::AreaRule(m_areaRule->currentData().toInt());
    config.studyAreaPath = m_studyArea->pathSpec();
    config.olderInventoryPath = m_compare->text().trimmed();
    return config;
}

bool EnterprisePanel::saveConfig(const QString &path)
{
    const enterprise::EnterpriseConfig edited = config();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(enterprise::enterpriseConfigToJson(edited, edited.columns)) < 0 ||
        !file.commit()) {
        showError(tr("Cannot save the configuration"),
                  tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

void EnterprisePanel::setOutputDirectory(const QString &dir)
{
    m_outDir->setText(dir);
}

void EnterprisePanel::setOverwrite(bool overwrite)
{
    m_overwrite->setChecked(overwrite);
}

void EnterprisePanel::setComparePath(const QString &path)
{
    m_compare->setText(path);
}

bool EnterprisePanel::run()
{
    if (m_job->isRunning())
        return false;
    if (m_outDir->text().trimmed().isEmpty()) {
        showError(tr("Cannot run"), tr("Choose an output folder first."));
        return false;
    }
    // The job reads a configuration file; the edited one is written where only it lives.
    m_configDir = std::make_unique<QTemporaryDir>();
    const QString configPath = m_configDir->filePath(QStringLiteral("enterprise_config.json"));
    const enterprise::EnterpriseConfig edited = config();
    QSaveFile file(configPath);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(enterprise::enterpriseConfigToJson(edited, edited.columns)) < 0 ||
        !file.commit()) {
        showError(tr("Cannot run"), file.errorString());
        return false;
    }
    enterprise::EnterpriseJobOptions options;
    options.configPath = configPath;
    options.outDir = m_outDir->text().trimmed();
    options.comparePath = edited.olderInventoryPath;
    options.overwrite = m_overwrite->isChecked();
    m_lastOutDir = options.outDir;
    m_pendingIssues.reset();
    auto summary = std::make_shared<enterprise::EnterpriseJobSummary>();
    m_pending = summary;
    return m_job->start(tr("Enterprise risk grading"), [options, summary](Feedback &feedback) {
        *summary = enterprise::runEnterpriseJob(options, &feedback);
    });
}

bool EnterprisePanel::validate()
{
    if (m_job->isRunning())
        return false;
    const enterprise::EnterpriseConfig edited = config();
    auto issues = std::make_shared<std::vector<enterprise::ValidationIssue>>();
    m_pendingIssues = issues;
    // The same reading and checks as the job's import, without any output.
    return m_job->start(tr("Validating the inventory"), [edited, issues](Feedback &feedback) {
        feedback.setStep(tr("reading units"));
        const enterprise::UnitLocator units(
            io::readLayer(edited.unitsPath, {}, nullptr, &feedback));
        std::unique_ptr<enterprise::UnitLocator> studyArea;
        if (!edited.studyAreaPath.isEmpty()) {
            studyArea = std::make_unique<enterprise::UnitLocator>(
                io::readLayer(edited.studyAreaPath, {}, nullptr, &feedback));
        }
        feedback.setStep(tr("checking the inventory"));
        const enterprise::Inventory inventory = enterprise::importInventory(
            edited.inventoryPath, edited, units, studyArea.get(), &feedback);
        *issues = inventory.issues;
    });
}

void EnterprisePanel::jobFinished(bool ok, bool cancelled, const QString &message)
{
    if (m_pendingIssues) {
        const auto issues = std::move(m_pendingIssues);
        if (!ok) {
            if (!cancelled)
                showError(tr("Cannot validate the inventory"), message);
            return;
        }
        showIssues(*issues);
        QSet<qint64> fatalRows;
        for (const enterprise::ValidationIssue &issue : *issues) {
            if (issue.fatal)
                fatalRows.insert(issue.row);
        }
        m_runSummary->setText(tr("Validation: %n problem(s); %1 row(s) would be left out.", nullptr,
                                 int(issues->size()))
                                  .arg(fatalRows.size()));
        m_tabs->setCurrentIndex(2);
        Q_EMIT validated();
        return;
    }
    if (!ok) {
        if (cancelled)
            m_runSummary->setText(tr("Cancelled; nothing was written."));
        else
            showError(tr("The enterprise job failed"), message);
        return;
    }
    m_summary = *m_pending;
    showSummary();

    const enterprise::EnterpriseConfig edited = config();
    const QString palette = enterprise::paletteIdFor(edited.grading);
    m_resultsExpected = 3 + (m_summary.compared ? 1 : 0);
    if (m_summary.compared) {
        m_results->add(m_lastOutDir + QStringLiteral("/change_map.gpkg"), tr("Survey changes"),
                       QStringLiteral("new_level"), palette, LayerRole::Enterprises);
    }
    m_results->add(m_lastOutDir + QStringLiteral("/area_map.gpkg"), tr("Enterprise area map"),
                   QStringLiteral("level"), palette, LayerRole::None);
    m_results->add(m_lastOutDir + QStringLiteral("/control_lines.gpkg"), tr("Control lines"),
                   QStringLiteral("level"), palette, LayerRole::None);
    m_results->add(m_lastOutDir + QStringLiteral("/enterprises.gpkg"), tr("Enterprises by level"),
                   QStringLiteral("level"), palette, LayerRole::Enterprises);
    Q_EMIT runFinished(m_lastOutDir, palette, edited.columns.value(QStringLiteral("sector")));
}

void EnterprisePanel::showSummary()
{
    QStringList counts;
    for (int level = m_summary.levelCount; level >= 1; --level) {
        counts << QStringLiteral("%1 %2")
                      .arg(m_summary.levelNames.value(level - 1))
                      .arg(m_summary.finalCounts.at(std::size_t(level)));
    }
    m_runSummary->setText(tr("%n firm(s) graded from %1 row(s), %2 row(s) left out; %3 raised "
                             "by dynamic adjustment. %4. %5 control line(s), %6 sensitive "
                             "site(s) inside.",
                             nullptr, int(m_summary.firms))
                              .arg(m_summary.rows)
                              .arg(m_summary.fatalRows)
                              .arg(m_summary.adjusted)
                              .arg(counts.join(QStringLiteral(", ")))
                              .arg(m_summary.controlLines)
                              .arg(m_summary.sitesInLines));

    showIssues(m_summary.issues);

    m_changes->setRowCount(0);
    if (!m_summary.compared)
        return;
    const auto &f = m_summary.finalChanges;
    const auto &r = m_summary.rawChanges;
    const QList<std::tuple<QString, int, int>> rows = {
        {tr("continuing"), f.continuing, r.continuing},
        {tr("down a level"), f.down, r.down},
        {tr("up a level"), f.up, r.up},
        {tr("unchanged"), f.unchanged, r.unchanged},
        {tr("new"), f.newFirms, r.newFirms},
        {tr("closed"), f.closedFirms, r.closedFirms}};
    for (const auto &[label, finalCount, rawCount] : rows) {
        const int at = m_changes->rowCount();
        m_changes->insertRow(at);
        m_changes->setItem(at, 0, new QTableWidgetItem(label));
        m_changes->setItem(at, 1, new QTableWidgetItem(QString::number(finalCount)));
        m_changes->setItem(at, 2, new QTableWidgetItem(QString::number(rawCount)));
    }
}

void EnterprisePanel::showIssues(const std::vector<enterprise::ValidationIssue> &issues)
{
    m_issues->setRowCount(0);
    for (const enterprise::ValidationIssue &issue : issues) {
        const int r = m_issues->rowCount();
        m_issues->insertRow(r);
        m_issues->setItem(
            r, 0, new QTableWidgetItem(issue.row > 0 ? QString::number(issue.row) : QString()));
        m_issues->setItem(r, 1, new QTableWidgetItem(issue.column));
        m_issues->setItem(r, 2, new QTableWidgetItem(issue.message));
        m_issues->setItem(r, 3, new QTableWidgetItem(issue.value));
        m_issues->setItem(r, 4, new QTableWidgetItem(issue.fatal ? tr("yes") : tr("no")));
    }
    m_issues->resizeColumnsToContents();
}

bool EnterprisePanel::exportValidation(const QString &path)
{
    QString text = QStringLiteral("\uFEFF");
    QStringList headers;
    for (int c = 0; c < m_issues->columnCount(); ++c)
        headers << csvCell(m_issues->horizontalHeaderItem(c)->text());
    text += headers.join(u',') + QStringLiteral("\r\n");
    for (int r = 0; r < m_issues->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_issues->columnCount(); ++c)
            cells << csvCell(m_issues->item(r, c) ? m_issues->item(r, c)->text() : QString());
        text += cells.join(u',') + QStringLiteral("\r\n");
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        showError(tr("Cannot export the report"),
                  tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

void EnterprisePanel::showError(const QString &title, const QString &message)
{
    m_runSummary->setText(message);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT failed(message);
}

} // namespace riskatlas::desktop
