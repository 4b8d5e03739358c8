// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/risk_pipeline.h"

#include <QJsonObject>
#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTemporaryDir;

namespace riskatlas::desktop {

class FiveColourIndicators;
class LayerSourceField;
class MainWindow;
class ResultLayerLoader;
class RiskHistogram;
class WorkflowJob;

/// The guided five-colour risk workflow (docs/five-colour.md) as steps on tabs: assessment
/// units (a polygon layer and its code and name fields, or a grid), indicators (hazard,
/// exposure, vulnerability and capacity layers with their fields and methods), weights
/// (direct, entropy or AHP with the pairwise matrix editor), classes (method, a preview run's
/// risk histogram with the breaks on it and the units coloured by the previewed classes) and
/// the run. The panel edits the same model JSON the CLI's `zone` reads: it keeps the file's
/// keys it has no widget for (scores, prevention rules, palettes), saves and loads it, and
/// runs it with hazard::runRiskModel() on a worker thread behind a progress dialog with
/// Cancel. The results go on the map in their palettes.
class FiveColourPanel : public QWidget
{
    Q_OBJECT

public:
    FiveColourPanel(MainWindow &window, QWidget *parent = nullptr);
    ~FiveColourPanel() override;

    /// Reads a model file into the panel; false (and a message) when it cannot be read.
    bool loadModel(const QString &path);
    /// Writes the model as edited, with paths relative to the file's folder, atomically.
    bool saveModel(const QString &path);
    /// The model as edited, paths absolute.
    QJsonObject modelJson() const;

    void setOutputDirectory(const QString &dir);
    QString outputDirectory() const;
    void setOverwrite(bool overwrite);

    /// Starts a preview run into a temporary folder (histogram, previewed classes on the
    /// map); false when a run is going on.
    bool preview();
    /// Starts the run into outputDirectory(); false when a run is going on.
    bool run();
    WorkflowJob *job() const { return m_job; }
    ResultLayerLoader *results() const { return m_results; }
    RiskHistogram *histogram() const { return m_histogram; }
    /// The classification method combo ("jenks", "quantile", …); for tests.
    void setClassifyMethod(const QString &method);
    /// The breaks shown for the preview: minimum, then the upper breaks.
    std::vector<double> previewBreaks() const { return m_previewBreaks; }
    /// What the last run reported.
    const hazard::PipelineSummary &lastSummary() const { return m_summary; }

Q_SIGNALS:
    /// A run finished and its maps were queued for the map; `outDir` holds its outputs.
    void runFinished(const QString &outDir, const QString &riskPalette);
    /// Every result layer of the last run is on the map.
    void resultsAdded();
    void previewReady();
    /// A load, save or run failed; also shown to the user.
    void failed(const QString &message);

private:
    QWidget *createUnitsPage();
    QWidget *createWeightsPage();
    QWidget *createClassesPage();
    QWidget *createRunPage();

    void modelToWidgets();
    void refreshSources();
    void unitsSourceChanged();
    void updateUnitsKind();
    void editWeights(int group);
    void updateWeightSummaries();

    void startJob(bool isPreview);
    void jobFinished(bool ok, bool cancelled, const QString &message);
    void addRunResults();
    void updatePreviewClasses();
    void showError(const QString &title, const QString &message);

    MainWindow &m_window;
    QJsonObject m_model; ///< paths absolute; keys without widgets are kept from here
    QString m_modelPath;
    WorkflowJob *m_job;
    ResultLayerLoader *m_results;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_title = nullptr;
    // Units
    QComboBox *m_unitKind = nullptr;
    LayerSourceField *m_unitSource = nullptr;
    QComboBox *m_unitIdField = nullptr;
    QComboBox *m_unitNameField = nullptr;
    LayerSourceField *m_boundary = nullptr;
    QDoubleSpinBox *m_cellSize = nullptr;
    LayerSourceField *m_townships = nullptr;
    QLineEdit *m_townshipIdField = nullptr;
    QLineEdit *m_townshipNameField = nullptr;
    FiveColourIndicators *m_indicators = nullptr;
    // Weights: hazards, exposure, capacity
    QComboBox *m_weightMethod[3] = {};
    QLabel *m_weightSummary[3] = {};
    QJsonObject m_weights[3];
    // Classes
    QLineEdit *m_formula = nullptr;
    QComboBox *m_normalisation = nullptr;
    QComboBox *m_classMethod = nullptr;
    QLineEdit *m_manualBreaks = nullptr;
    QDoubleSpinBox *m_mmu = nullptr;
    QPushButton *m_previewButton = nullptr;
    RiskHistogram *m_histogram = nullptr;
    QLabel *m_breaksLabel = nullptr;
    // Run
    QLineEdit *m_outDir = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_overwrite = nullptr;
    QPushButton *m_runButton = nullptr;
    QLabel *m_runSummary = nullptr;

    bool m_runningPreview = false;
    std::unique_ptr<QTemporaryDir> m_previewDir;
    std::shared_ptr<hazard::PipelineSummary> m_pending;
    std::shared_ptr<hazard::RiskModel> m_pendingModel;
    hazard::PipelineSummary m_summary;
    hazard::RiskModel m_lastModel;
    QString m_lastOutDir;
    std::vector<double> m_previewValues;
    std::vector<double> m_previewBreaks;
    int m_resultsExpected = 0;
};

} // namespace riskatlas::desktop
