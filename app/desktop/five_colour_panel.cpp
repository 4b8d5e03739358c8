// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/five_colour_panel.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/hazard/model_json_paths.h"
#include "core/hazard/model_parser.h"
#include "core/hazard/risk_classification.h"
#include "core/model/vector_layer.h"
#include "core/style/palette.h"
#include "core/weights/ahp.h"
#include "desktop/ahp_matrix_dialog.h"
#include "desktop/five_colour_indicators.h"
#include "desktop/form_helpers.h"
#include "desktop/layer_controller.h"
#include "desktop/layer_drawing.h"
#include "desktop/layer_loader.h"
#include "desktop/layer_source_field.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "desktop/result_layer_loader.h"
#include "desktop/risk_histogram.h"
#include "desktop/workflow_job.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <cmath>

namespace riskatlas::desktop {

using namespace form;

namespace {

// Weight groups in the model's `weights` object, in the order of the panel's rows.
const char *const kWeightKeys[3] = {"hazards", "exposure", "capacity"};

QList<QColor> paletteColours(const QString &paletteId)
{
    QList<QColor> colours;
    try {
        const style::Palette palette = style::loadPalette(paletteId);
        for (int level = 1; level <= 5; ++level) {
            const style::PaletteClass *c = palette.classForLevel(level);
            colours << (c ? QColor(c->color.red, c->color.green, c->color.blue) : QColor(Qt::red));
        }
    } catch (const Error &) {
        // The histogram still shows the breaks, in one colour.
    }
    return colours;
}

} // namespace

FiveColourPanel::FiveColourPanel(MainWindow &window, QWidget *parent)
    : QWidget(parent)
    , m_window(window)
    , m_job(new WorkflowJob(&window))
    , m_results(new ResultLayerLoader(window, this))
{
    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("Title of the assessment"));
    auto *load = form::openFileButton(tr("Load model…"), tr("Load a five-colour model"),
                                      tr("Model (*.json)"), this,
                                      [this](const QString &path) { loadModel(path); });
    auto *save = form::saveFileButton(
        tr("Save model…"), tr("Save the five-colour model"), tr("Model (*.json)"), this,
        [this] { return m_modelPath; }, [this](const QString &path) { saveModel(path); });

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(createUnitsPage(), tr("1 Units"));
    m_indicators = new FiveColourIndicators(m_window, this);
    m_tabs->addTab(m_indicators, tr("2 Indicators"));
    m_tabs->addTab(createWeightsPage(), tr("3 Weights"));
    m_tabs->addTab(createClassesPage(), tr("4 Classes"));
    m_tabs->addTab(createRunPage(), tr("5 Run"));
    // A layer opened since the panel was built should be offered at the next step.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        refreshSources();
        updateWeightSummaries();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buttonsRow({load, save}));
    layout->addWidget(m_title);
    layout->addWidget(m_tabs, 1);

    connect(m_job, &WorkflowJob::finished, this, &FiveColourPanel::jobFinished);
    connect(m_results, &ResultLayerLoader::failed, this,
            [this](const QString &message) { showError(tr("Cannot show a result"), message); });
    connect(m_results, &ResultLayerLoader::added, this, [this](int, const QString &name) {
        if (name == tr("Risk preview")) {
            updatePreviewClasses();
            Q_EMIT previewReady();
            return;
        }
        if (m_resultsExpected > 0 && --m_resultsExpected == 0)
            Q_EMIT resultsAdded();
    });
    connect(m_window.layers(), &LayerController::layersChanged, this,
            &FiveColourPanel::refreshSources);

    // A new model starts from the census defaults (docs/five-colour.md).
    m_model = QJsonDocument::fromJson(R"json({
        "combine": {"formula": "H * (0.5 * E + 0.5 * V) * (1 - 0.3 * C)"},
        "prevention": {"rules": [{"risk_levels": [5], "zone": "重点防治区"},
                                 {"risk_levels": [4], "capacity_levels": [4, 5], "zone": "重点防治区"},
                                 {"risk_levels": [4], "zone": "次重点防治区"},
                                 {"risk_levels": [3], "capacity_levels": [4, 5], "zone": "次重点防治区"}],
                       "default": "一般防治区"}})json")
                  .object();
    modelToWidgets();
}

FiveColourPanel::~FiveColourPanel() = default;

QWidget *FiveColourPanel::createUnitsPage()
{
    auto *page = new QWidget;
    m_unitKind =
        choiceCombo({{QStringLiteral("admin"), tr("Administrative units (a polygon layer)")},
                     {QStringLiteral("grid"), tr("Square grid (metres)")},
                     {QStringLiteral("geographic_grid"), tr("Geographic grid (arc-seconds)")}},
                    QStringLiteral("admin"));
    m_unitSource = new LayerSourceField(&m_window, kVectorFilter, page);
    m_unitIdField = new QComboBox(page);
    m_unitIdField->setEditable(true);
    m_unitNameField = new QComboBox(page);
    m_unitNameField->setEditable(true);
    m_boundary = new LayerSourceField(&m_window, kVectorFilter, page);
    m_cellSize = new QDoubleSpinBox(page);
    m_cellSize->setRange(0, 1e6);
    m_cellSize->setDecimals(1);
    m_cellSize->setValue(1000);
    m_townships = new LayerSourceField(&m_window, kVectorFilter, page);
    m_townshipIdField = new QLineEdit(page);
    m_townshipNameField = new QLineEdit(page);

    auto *form = new QFormLayout(page);
    form->addRow(tr("Units:"), m_unitKind);
    form->addRow(tr("Unit layer:"), m_unitSource);
    form->addRow(tr("Code field:"), m_unitIdField);
    form->addRow(tr("Name field:"), m_unitNameField);
    form->addRow(tr("Cell size:"), m_cellSize);
    form->addRow(tr("Study area (boundary):"), m_boundary);
    auto *note = new QLabel(tr("Townships for capacity and the tables (required for a grid; "
                               "empty: the units):"),
                            page);
    note->setWordWrap(true);
    form->addRow(note);
    form->addRow(tr("Township layer:"), m_townships);
    form->addRow(tr("Township code field:"), m_townshipIdField);
    form->addRow(tr("Township name field:"), m_townshipNameField);

    connect(m_unitKind, &QComboBox::currentIndexChanged, this, &FiveColourPanel::updateUnitsKind);
    connect(m_unitSource, &LayerSourceField::changed, this, &FiveColourPanel::unitsSourceChanged);
    return page;
}

QWidget *FiveColourPanel::createWeightsPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    const QString labels[3] = {tr("Hazards:"), tr("Exposure:"), tr("Capacity:")};
    for (int group = 0; group < 3; ++group) {
        m_weightMethod[group] =
            choiceCombo({{QString(), tr("equal weights")},
                         {QStringLiteral("direct"), tr("direct")},
                         {QStringLiteral("entropy"), tr("entropy (from the data)")},
                         {QStringLiteral("ahp"), tr("AHP pairwise comparison")}},
                        {});
        auto *edit = new QPushButton(tr("Edit…"), page);
        m_weightSummary[group] = new QLabel(page);
        m_weightSummary[group]->setWordWrap(true);
        m_weightSummary[group]->setTextFormat(Qt::RichText);
        form->addRow(labels[group], buttonsRow({m_weightMethod[group], edit}));
        form->addRow(QString(), m_weightSummary[group]);
        connect(edit, &QPushButton::clicked, this, [this, group] { editWeights(group); });
        connect(m_weightMethod[group], &QComboBox::currentIndexChanged, this, [this, group] {
            m_weights[group].insert(QStringLiteral("method"),
                                    m_weightMethod[group]->currentData().toString());
            updateWeightSummaries();
        });
    }
    return page;
}

QWidget *FiveColourPanel::createClassesPage()
{
    auto *page = new QWidget;
    m_formula = new QLineEdit(page);
    m_normalisation = choiceCombo({{QStringLiteral("min-max"), tr("min–max")},
                                   {QStringLiteral("z-score"), tr("z-score")},
                                   {QStringLiteral("vector"), tr("vector")}},
                                  QStringLiteral("min-max"));
    m_classMethod = choiceCombo({{QStringLiteral("jenks"), tr("natural breaks (Jenks)")},
                                 {QStringLiteral("quantile"), tr("quantile")},
                                 {QStringLiteral("equal-interval"), tr("equal interval")},
                                 {QStringLiteral("standard-deviation"), tr("standard deviation")},
                                 {QStringLiteral("manual"), tr("manual breaks")}},
                                QStringLiteral("jenks"));
    m_manualBreaks = new QLineEdit(page);
    m_manualBreaks->setPlaceholderText(tr("four inner breaks, ascending: 0.1, 0.2, 0.3, 0.4"));
    m_mmu = new QDoubleSpinBox(page);
    m_mmu->setRange(0, 1e4);
    m_mmu->setDecimals(3);
    m_mmu->setSuffix(QStringLiteral(" km²"));
    m_previewButton = new QPushButton(tr("Preview run"), page);
    m_previewButton->setToolTip(tr("Runs the model into a temporary folder to show the risk "
                                   "index and the classes before the real run"));
    m_histogram = new RiskHistogram(page);
    m_breaksLabel = new QLabel(page);
    m_breaksLabel->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Formula (H, E, V, C):"), m_formula);
    form->addRow(tr("Normalisation:"), m_normalisation);
    form->addRow(tr("Classification (5 classes):"), m_classMethod);
    form->addRow(tr("Manual breaks:"), m_manualBreaks);
    form->addRow(tr("Minimum mapping unit:"), m_mmu);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_previewButton);
    layout->addWidget(m_histogram, 1);
    layout->addWidget(m_breaksLabel);

    connect(m_previewButton, &QPushButton::clicked, this, [this] { preview(); });
    connect(m_classMethod, &QComboBox::currentIndexChanged, this,
            &FiveColourPanel::updatePreviewClasses);
    connect(m_manualBreaks, &QLineEdit::editingFinished, this,
            &FiveColourPanel::updatePreviewClasses);
    return page;
}

QWidget *FiveColourPanel::createRunPage()
{
    auto *page = new QWidget;
    m_outDir = new QLineEdit(page);
    auto *browse =
        desktop::form::browseFolderButton(m_outDir, tr("Browse…"), tr("Output folder"), this);
    m_format = choiceCombo({{QStringLiteral("gpkg"), tr("GeoPackage")},
                            {QStringLiteral("shp"), tr("Shapefile")},
                            {QStringLiteral("both"), tr("both")}},
                           QStringLiteral("gpkg"));
    m_overwrite = new QCheckBox(tr("Replace existing outputs"), page);
    m_runButton = new QPushButton(tr("Run"), page);
    m_runSummary = new QLabel(page);
    m_runSummary->setWordWrap(true);
    m_runSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("Output folder:"), buttonsRow({m_outDir, browse}));
    form->addRow(tr("Maps as:"), m_format);
    form->addRow(QString(), m_overwrite);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_runButton);
    layout->addWidget(m_runSummary, 1);
    connect(m_runButton, &QPushButton::clicked, this, [this] { run(); });
    return page;
}

void FiveColourPanel::refreshSources()
{
    for (LayerSourceField *field : {m_unitSource, m_boundary, m_townships})
        field->refresh();
    m_indicators->refreshSources();
}

void FiveColourPanel::unitsSourceChanged()
{
    const QStringList fields = m_unitSource->fieldNames();
    if (fields.isEmpty())
        return;
    for (QComboBox *combo : {m_unitIdField, m_unitNameField}) {
        const QString current = combo->currentText();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItems(fields);
        combo->setEditText(current);
    }
}

void FiveColourPanel::updateUnitsKind()
{
    const bool admin = m_unitKind->currentData().toString() == QLatin1String("admin");
    m_unitSource->setEnabled(admin);
    m_unitIdField->setEnabled(admin);
    m_unitNameField->setEnabled(admin);
    m_cellSize->setEnabled(!admin);
    m_cellSize->setSuffix(m_unitKind->currentData().toString() == QLatin1String("grid")
                              ? QStringLiteral(" m")
                              : QStringLiteral("″"));
}

void FiveColourPanel::modelToWidgets()
{
    m_title->setText(str(m_model, "title"));
    const QJsonObject units = m_model.value(QStringLiteral("units")).toObject();
    setCombo(m_unitKind,
             units.contains(QStringLiteral("type")) ? str(units, "type") : QStringLiteral("admin"));
    m_unitSource->setPathSpec(str(units, "source"));
    m_unitIdField->setEditText(str(units, "id_field"));
    m_unitNameField->setEditText(str(units, "name_field"));
    m_boundary->setPathSpec(str(units, "boundary"));
    if (units.contains(QStringLiteral("cell_size_m")))
        m_cellSize->setValue(units.value(QStringLiteral("cell_size_m")).toDouble());
    else if (units.contains(QStringLiteral("cell_size_arcsec")))
        m_cellSize->setValue(units.value(QStringLiteral("cell_size_arcsec")).toDouble());
    updateUnitsKind();
    const QJsonObject townships = m_model.value(QStringLiteral("townships")).toObject();
    m_townships->setPathSpec(str(townships, "source"));
    m_townshipIdField->setText(str(townships, "id_field"));
    m_townshipNameField->setText(str(townships, "name_field"));
    m_indicators->setModel(m_model);

    const QJsonObject weights = m_model.value(QStringLiteral("weights")).toObject();
    for (int group = 0; group < 3; ++group) {
        m_weights[group] = weights.value(QLatin1String(kWeightKeys[group])).toObject();
        const QSignalBlocker blocker(m_weightMethod[group]);
        setCombo(m_weightMethod[group], str(m_weights[group], "method"));
    }
    updateWeightSummaries();

    const QJsonObject combine = m_model.value(QStringLiteral("combine")).toObject();
    m_formula->setText(str(combine, "formula"));
    setCombo(m_normalisation, combine.contains(QStringLiteral("normalisation"))
                                  ? str(combine, "normalisation")
                                  : QStringLiteral("min-max"));
    const QJsonObject classify = m_model.value(QStringLiteral("classify")).toObject();
    {
        const QSignalBlocker blocker(m_classMethod);
        setCombo(m_classMethod, classify.contains(QStringLiteral("method"))
                                    ? str(classify, "method")
                                    : QStringLiteral("jenks"));
    }
    QStringList breaks;
    for (const QJsonValue &value : classify.value(QStringLiteral("breaks")).toArray())
        breaks << QString::number(value.toDouble(), 'g', 10);
    m_manualBreaks->setText(breaks.join(QStringLiteral(", ")));
    m_mmu->setValue(m_model.value(QStringLiteral("zoning"))
                        .toObject()
                        .value(QStringLiteral("minimum_mapping_unit_km2"))
                        .toDouble());
}

QJsonObject FiveColourPanel::modelJson() const
{
    QJsonObject model = m_model;
    model.insert(QStringLiteral("title"), m_title->text());

    QJsonObject units;
    const QString kind = m_unitKind->currentData().toString();
    units.insert(QStringLiteral("type"), kind);
    if (kind == QLatin1String("admin")) {
        units.insert(QStringLiteral("source"), m_unitSource->pathSpec());
        units.insert(QStringLiteral("id_field"), m_unitIdField->currentText().trimmed());
        if (!m_unitNameField->currentText().trimmed().isEmpty())
            units.insert(QStringLiteral("name_field"), m_unitNameField->currentText().trimmed());
    } else {
        units.insert(kind == QLatin1String("grid") ? QStringLiteral("cell_size_m")
                                                   : QStringLiteral("cell_size_arcsec"),
                     m_cellSize->value());
    }
    if (!m_boundary->pathSpec().isEmpty())
        units.insert(QStringLiteral("boundary"), m_boundary->pathSpec());
    model.insert(QStringLiteral("units"), units);
    if (!m_townships->pathSpec().isEmpty()) {
        QJsonObject townships{{QStringLiteral("source"), m_townships->pathSpec()},
                              {QStringLiteral("id_field"), m_townshipIdField->text().trimmed()}};
        if (!m_townshipNameField->text().trimmed().isEmpty())
            townships.insert(QStringLiteral("name_field"), m_townshipNameField->text().trimmed());
        model.insert(QStringLiteral("townships"), townships);
    } else {
        model.remove(QStringLiteral("townships"));
    }
    m_indicators->writeModel(model);

    QJsonObject weights;
    for (int group = 0; group < 3; ++group) {
        if (!m_weightMethod[group]->currentData().toString().isEmpty())
            weights.insert(QLatin1String(kWeightKeys[group]), m_weights[group]);
    }
    model.insert(QStringLiteral("weights"), weights);

    QJsonObject combine{
        {QStringLiteral("formula"), m_formula->text().trimmed()},
        {QStringLiteral("normalisation"), m_normalisation->currentData().toString()}};
    model.insert(QStringLiteral("combine"), combine);
    QJsonObject classify{{QStringLiteral("method"), m_classMethod->currentData().toString()},
                         {QStringLiteral("classes"), 5}};
    if (m_classMethod->currentData().toString() == QLatin1String("manual")) {
        QJsonArray breaks;
        for (const QString &text : m_manualBreaks->text().split(u',', Qt::SkipEmptyParts))
            breaks.append(text.trimmed().toDouble());
        classify.insert(QStringLiteral("breaks"), breaks);
    }
    model.insert(QStringLiteral("classify"), classify);
    model.insert(QStringLiteral("zoning"),
                 QJsonObject{{QStringLiteral("minimum_mapping_unit_km2"), m_mmu->value()}});
    return model;
}

void FiveColourPanel::editWeights(int group)
{
    const QString method = m_weightMethod[group]->currentData().toString();
    const QStringList ids = m_indicators->ids(group);
    if (ids.isEmpty())
        return;
    if (method == QLatin1String("ahp")) {
        // The stored matrix is kept when it names the same indicators, in the table's order.
        std::vector<std::vector<double>> matrix;
        QStringList order;
        for (const QJsonValue &value : m_weights[group].value(QStringLiteral("order")).toArray())
            order << value.toString();
        const QJsonArray rows = m_weights[group].value(QStringLiteral("matrix")).toArray();
        if (QSet<QString>(order.begin(), order.end()) == QSet<QString>(ids.begin(), ids.end()) &&
            rows.size() == ids.size()) {
            matrix.assign(std::size_t(ids.size()), std::vector<double>(std::size_t(ids.size())));
            for (int i = 0; i < ids.size(); ++i) {
                for (int j = 0; j < ids.size(); ++j) {
                    matrix[i][j] = rows.at(order.indexOf(ids.at(i)))
                                       .toArray()
                                       .at(order.indexOf(ids.at(j)))
                                       .toDouble();
                }
            }
        }
        auto *dialog = new AhpMatrixDialog(m_indicators->names(group), matrix, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, group, ids] {
            QJsonArray rowsOut;
            for (const auto &row : dialog->matrix()) {
                QJsonArray cells;
                for (const double cell : row)
                    cells.append(cell);
                rowsOut.append(cells);
            }
            m_weights[group] =
                QJsonObject{{QStringLiteral("method"), QStringLiteral("ahp")},
                            {QStringLiteral("order"), QJsonArray::fromStringList(ids)},
                            {QStringLiteral("matrix"), rowsOut}};
            updateWeightSummaries();
        });
        dialog->open();
        return;
    }
    if (method == QLatin1String("direct")) {
        auto *dialog = new QDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Direct weights"));
        auto *table = makeTable({tr("indicator"), tr("weight")});
        const QJsonObject values = m_weights[group].value(QStringLiteral("values")).toObject();
        for (const QString &id : ids) {
            const int row = table->rowCount();
            table->insertRow(row);
            auto *label = new QTableWidgetItem(id);
            label->setFlags(Qt::ItemIsEnabled);
            table->setItem(row, 0, label);
            table->setItem(row, 1,
                           new QTableWidgetItem(QString::number(values.value(id).toDouble(1.0))));
        }
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(new QLabel(tr("Weights are scaled to sum 1."), dialog));
        layout->addWidget(table);
        layout->addWidget(buttons);
        connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        connect(dialog, &QDialog::accepted, this, [this, table, group] {
            QJsonObject out;
            for (int row = 0; row < table->rowCount(); ++row)
                out.insert(table->item(row, 0)->text(), table->item(row, 1)->text().toDouble());
            m_weights[group] = QJsonObject{{QStringLiteral("method"), QStringLiteral("direct")},
                                           {QStringLiteral("values"), out}};
            updateWeightSummaries();
        });
        dialog->open();
    }
}

void FiveColourPanel::updateWeightSummaries()
{
    for (int group = 0; group < 3; ++group) {
        const QString method = m_weightMethod[group]->currentData().toString();
        QString text;
        if (method.isEmpty()) {
            text = tr("Every indicator weighs the same.");
        } else if (method == QLatin1String("entropy")) {
            text = tr("Computed from the units' values during the run.");
        } else if (method == QLatin1String("direct")) {
            QStringList parts;
            const QJsonObject values = m_weights[group].value(QStringLiteral("values")).toObject();
            for (const QString &id : m_indicators->ids(group))
                parts << QStringLiteral("%1 %2").arg(id).arg(values.value(id).toDouble(1.0));
            text = parts.join(QStringLiteral(", "));
        } else {
            std::vector<std::vector<double>> matrix;
            for (const QJsonValue &row :
                 m_weights[group].value(QStringLiteral("matrix")).toArray()) {
                std::vector<double> cells;
                for (const QJsonValue &cell : row.toArray())
                    cells.push_back(cell.toDouble());
                matrix.push_back(cells);
            }
            try {
                const weights::AhpResult result = weights::analyseAhp(matrix);
                const bool ok = result.consistencyRatio < weights::kAhpMaxConsistencyRatio;
                text = QStringLiteral("<span style=\"color:%1\">CR = %2</span>")
                           .arg(ok ? QStringLiteral("#1a7f37") : QStringLiteral("#c62828"))
                           .arg(result.consistencyRatio, 0, 'f', 4);
            } catch (const Error &) {
                text = tr("Edit the pairwise comparison matrix.");
            }
        }
        m_weightSummary[group]->setText(text);
    }
}

bool FiveColourPanel::loadModel(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Cannot load the model"),
                  tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    const QByteArray json = file.readAll();
    try {
        // The parser's checks, so a model that the CLI refuses is refused here too.
        hazard::parseRiskModel(json, QFileInfo(path).absoluteFilePath());
    } catch (const Error &error) {
        showError(tr("Cannot load the model"), error.formatted());
        return false;
    }
    m_model = hazard::rebaseModelPaths(QJsonDocument::fromJson(json).object(),
                                       QFileInfo(path).absolutePath(), {});
    m_modelPath = QFileInfo(path).absoluteFilePath();
    modelToWidgets();
    return true;
}

bool FiveColourPanel::saveModel(const QString &path)
{
    const QJsonObject model =
        hazard::rebaseModelPaths(modelJson(), QDir::rootPath(), QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(model).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        showError(tr("Cannot save the model"),
                  tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_modelPath = QFileInfo(path).absoluteFilePath();
    return true;
}

void FiveColourPanel::setOutputDirectory(const QString &dir)
{
    m_outDir->setText(dir);
}

QString FiveColourPanel::outputDirectory() const
{
    return m_outDir->text().trimmed();
}

void FiveColourPanel::setOverwrite(bool overwrite)
{
    m_overwrite->setChecked(overwrite);
}

void FiveColourPanel::setClassifyMethod(const QString &method)
{
    setCombo(m_classMethod, method);
}

bool FiveColourPanel::preview()
{
    if (m_job->isRunning())
        return false;
    m_previewDir = std::make_unique<QTemporaryDir>();
    startJob(true);
    return true;
}

bool FiveColourPanel::run()
{
    if (m_job->isRunning())
        return false;
    if (outputDirectory().isEmpty()) {
        showError(tr("Cannot run the model"), tr("Choose an output folder first."));
        return false;
    }
    startJob(false);
    return true;
}

void FiveColourPanel::startJob(bool isPreview)
{
    m_runningPreview = isPreview;
    const QByteArray json = QJsonDocument(modelJson()).toJson();
    // Paths are absolute, so the anchor only names the model in messages.
    const QString anchor =
        m_modelPath.isEmpty()
            ? QDir(outputDirectory()).absoluteFilePath(QStringLiteral("model.json"))
            : m_modelPath;
    hazard::PipelineOptions options;
    options.outDir = isPreview ? m_previewDir->path() : outputDirectory();
    options.overwrite = isPreview || m_overwrite->isChecked();
    const QString format = m_format->currentData().toString();
    options.format = isPreview                         ? hazard::OutputFormat::GeoPackage
                     : format == QLatin1String("shp")  ? hazard::OutputFormat::Shapefile
                     : format == QLatin1String("both") ? hazard::OutputFormat::Both
                                                       : hazard::OutputFormat::GeoPackage;
    m_lastOutDir = options.outDir;
    auto summary = std::make_shared<hazard::PipelineSummary>();
    auto parsed = std::make_shared<hazard::RiskModel>();
    m_pending = summary;
    m_pendingModel = parsed;
    m_job->start(isPreview ? tr("Preview of the five-colour model") : tr("Five-colour model"),
                 [json, anchor, options, summary, parsed](Feedback &feedback) mutable {
                     *parsed = hazard::parseRiskModel(json, anchor);
                     options.feedback = &feedback;
                     *summary = hazard::runRiskModel(*parsed, options);
                 });
}

void FiveColourPanel::jobFinished(bool ok, bool cancelled, const QString &message)
{
    if (!ok) {
        if (!cancelled)
            showError(tr("The five-colour model failed"), message);
        else
            m_runSummary->setText(tr("Cancelled; nothing was written."));
        return;
    }
    m_summary = *m_pending;
    m_lastModel = *m_pendingModel;
    const auto &perLevel = m_summary.unitsPerLevel;
    QStringList counts;
    for (std::size_t i = 0; i < perLevel.size(); ++i)
        counts << QString::number(perLevel[i]);
    if (m_runningPreview) {
        // Histogram values come from the written map, the same numbers the run classified.
        const QString riskMap = m_lastOutDir + QStringLiteral("/risk_map.gpkg");
        m_results->add(riskMap, tr("Risk preview"), QStringLiteral("level"),
                       m_lastModel.riskPalette, LayerRole::AssessmentUnit);
        return;
    }
    m_runSummary->setText(
        tr("%n unit(s); per level 1 (low) … 5 (high): %1. %2 risk zone(s), %3 prevention "
           "zone(s). Files in %4.",
           nullptr, int(m_summary.units))
            .arg(counts.join(QStringLiteral(", ")))
            .arg(m_summary.riskZones)
            .arg(m_summary.preventionZones)
            .arg(QDir::toNativeSeparators(m_lastOutDir)));
    addRunResults();
    Q_EMIT runFinished(m_lastOutDir, m_lastModel.riskPalette);
}

void FiveColourPanel::addRunResults()
{
    const bool shp = m_format->currentData().toString() == QLatin1String("shp");
    const auto path = [&](const QString &name) {
        return shp ? QStringLiteral("%1/shp/%2.shp").arg(m_lastOutDir, name)
                   : QStringLiteral("%1/%2.gpkg").arg(m_lastOutDir, name);
    };
    m_resultsExpected = 3 + int(m_lastModel.hazards.size());
    // Drawn bottom first: hazards under the zonings under the risk map.
    for (const hazard::HazardSpec &spec : m_lastModel.hazards) {
        m_results->add(path(QStringLiteral("hazard_") + spec.id), tr("Hazard: %1").arg(spec.name),
                       QStringLiteral("level"), m_lastModel.riskPalette, LayerRole::Hazard);
    }
    m_results->add(path(QStringLiteral("prevention_zoning")), tr("Prevention zoning"),
                   QStringLiteral("level"), m_lastModel.preventionPalette, LayerRole::None);
    m_results->add(path(QStringLiteral("risk_zoning")), tr("Risk zoning"), QStringLiteral("level"),
                   m_lastModel.riskPalette, LayerRole::None);
    m_results->add(path(QStringLiteral("risk_map")), tr("Risk map"), QStringLiteral("level"),
                   m_lastModel.riskPalette, LayerRole::AssessmentUnit);
}

void FiveColourPanel::updatePreviewClasses()
{
    const int id = m_results->layerId(tr("Risk preview"));
    MapCanvas *canvas = m_window.canvas();
    if (id < 0 || !canvas->layerIds().contains(id))
        return;
    const std::shared_ptr<const model::VectorLayer> layer = canvas->layer(id);
    const int riskIndex = model::fieldIndex(layer->fields, QStringLiteral("risk"));
    const int levelIndex = model::fieldIndex(layer->fields, QStringLiteral("level"));
    if (riskIndex < 0 || levelIndex < 0)
        return;
    m_previewValues.clear();
    for (const model::Feature &feature : layer->features)
        m_previewValues.push_back(feature.attributes.value(riskIndex).toDouble());

    hazard::ClassifySpec spec;
    const QString method = m_classMethod->currentData().toString();
    spec.method =
        method == QLatin1String("quantile")             ? hazard::ClassifyMethod::Quantile
        : method == QLatin1String("equal-interval")     ? hazard::ClassifyMethod::EqualInterval
        : method == QLatin1String("standard-deviation") ? hazard::ClassifyMethod::StandardDeviation
        : method == QLatin1String("manual")             ? hazard::ClassifyMethod::Manual
                                                        : hazard::ClassifyMethod::Jenks;
    for (const QString &text : m_manualBreaks->text().split(u',', Qt::SkipEmptyParts))
        spec.breaks.push_back(text.trimmed().toDouble());
    hazard::RiskClasses classes;
    try {
        classes = hazard::classifyRisk(m_previewValues, spec);
    } catch (const Error &error) {
        m_breaksLabel->setText(error.message());
        return;
    }
    m_previewBreaks = {classes.breaks.minimum};
    m_previewBreaks.insert(m_previewBreaks.end(), classes.breaks.upperBreaks.begin(),
                           classes.breaks.upperBreaks.end());
    m_histogram->setData(m_previewValues, classes.breaks.upperBreaks,
                         paletteColours(m_lastModel.riskPalette));
    QStringList breakTexts;
    for (const double value : m_previewBreaks)
        breakTexts << QString::number(value, 'f', 4);
    QStringList counts;
    for (int level = 1; level <= 5; ++level)
        counts << QString::number(std::count(classes.levels.begin(), classes.levels.end(), level));
    m_breaksLabel->setText(
        tr("Breaks: %1. Units per level 1 (low) … 5 (high): %2.")
            .arg(breakTexts.join(QStringLiteral(", ")), counts.join(QStringLiteral(", "))));

    // The preview layer is recoloured with the new classes; its geometries are reused.
    auto recoloured = std::make_shared<model::VectorLayer>(*layer);
    for (std::size_t i = 0; i < recoloured->features.size(); ++i)
        recoloured->features[i].attributes[levelIndex] = classes.levels[i];
    const LayerSymbology symbology = canvas->layerSymbology(id);
    LoadedLayer loaded;
    loaded.pathSpec = layer->sourcePath;
    loaded.layer = recoloured;
    loaded.drawing = canvas->layerDrawing(id);
    loaded.sourceCrs = m_window.layers()->sourceCrs(id);
    // Swapping the data keeps the layer's place, name and style.
    m_window.layers()->removeLayer(id);
    const int newId = m_window.layers()->addLayer(loaded, tr("Risk preview"), layer->sourcePath);
    m_window.layers()->applySymbology(newId, symbology);
    m_window.layers()->setRole(newId, LayerRole::AssessmentUnit);
    m_results->adopt(tr("Risk preview"), newId);
}

void FiveColourPanel::showError(const QString &title, const QString &message)
{
    m_runSummary->setText(message);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT failed(message);
}

} // namespace riskatlas::desktop
