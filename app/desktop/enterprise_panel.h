// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/enterprise/enterprise_config.h"
#include "core/enterprise/enterprise_job.h"
#include "core/io/text_table.h"

#include <QMap>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTemporaryDir;

namespace riskatlas::desktop {

class LayerSourceField;
class MainWindow;
class ResultLayerLoader;
class WorkflowJob;

/// The enterprise four-colour workflow (docs/enterprises.md) as steps on tabs: the inventory
/// (CSV or XLSX, encoding, the first rows and a column for each role, guessed as the import
/// guesses them), the grading rules and units, and the run with an optional older survey to
/// compare with. The panel fills the same EnterpriseConfig the CLI's `enterprises` reads and
/// runs enterprise::runEnterpriseJob() on a worker thread behind a progress dialog with Cancel;
/// the validation report is shown as a table and can be exported, the change counts of a
/// comparison are listed, and the firms, area map and control lines go on the map.
class EnterprisePanel : public QWidget
{
    Q_OBJECT

public:
    EnterprisePanel(MainWindow &window, QWidget *parent = nullptr);
    ~EnterprisePanel() override;

    /// Reads a configuration file into the panel (and previews its inventory).
    bool loadConfig(const QString &path);
    /// Writes the configuration as edited, with the column mapping shown.
    bool saveConfig(const QString &path);
    /// Chooses the inventory and encoding ("" = detect, "UTF-8", "GBK") and previews it.
    bool setInventory(const QString &path, const QString &encoding = {});
    /// The configuration as edited.
    enterprise::EnterpriseConfig config() const;
    /// Role → header as mapped in the preview (roles without a column are absent).
    QMap<QString, QString> columnMapping() const;
    /// The encoding the preview was read with ("UTF-8", "GBK", …).
    QString previewEncoding() const { return m_table.encoding; }
    QTableWidget *previewTable() const { return m_preview; }
    QTableWidget *validationTable() const { return m_issues; }
    QTableWidget *changeTable() const { return m_changes; }

    void setOutputDirectory(const QString &dir);
    void setOverwrite(bool overwrite);
    void setComparePath(const QString &path);
    bool run();
    /// Imports and checks the inventory with the edited configuration in the background
    /// (enterprise::importInventory, no outputs) and shows the report; false when busy.
    bool validate();
    /// Writes the validation table as CSV (UTF-8 with BOM), atomically.
    bool exportValidation(const QString &path);
    WorkflowJob *job() const { return m_job; }
    const enterprise::EnterpriseJobSummary &lastSummary() const { return m_summary; }

Q_SIGNALS:
    /// `sectorField` is the firms layer's sector column (its header in the inventory).
    void runFinished(const QString &outDir, const QString &paletteId, const QString &sectorField);
    /// validate() finished; the table holds the issues.
    void validated();
    void resultsAdded();
    void failed(const QString &message);

private:
    QWidget *createInventoryPage();
    QWidget *createGradingPage();
    QWidget *createRunPage();
    void configToWidgets();
    void readPreview();
    void fillMapping();
    void jobFinished(bool ok, bool cancelled, const QString &message);
    void showSummary();
    void showIssues(const std::vector<enterprise::ValidationIssue> &issues);
    void showError(const QString &title, const QString &message);

    MainWindow &m_window;
    enterprise::EnterpriseConfig m_config;
    io::TextTable m_table;
    WorkflowJob *m_job;
    ResultLayerLoader *m_results;
    std::unique_ptr<QTemporaryDir> m_configDir;
    std::shared_ptr<enterprise::EnterpriseJobSummary> m_pending;
    /// Set while the job running is a validation, not a run.
    std::shared_ptr<std::vector<enterprise::ValidationIssue>> m_pendingIssues;
    enterprise::EnterpriseJobSummary m_summary;
    QString m_lastOutDir;
    int m_resultsExpected = 0;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_inventory = nullptr;
    QComboBox *m_encoding = nullptr;
    QLineEdit *m_sheet = nullptr;
    QLabel *m_previewInfo = nullptr;
    QTableWidget *m_preview = nullptr;
    QTableWidget *m_mapping = nullptr;

    QComboBox *m_method = nullptr;
    QComboBox *m_levels = nullptr;
    QLineEdit *m_thresholds = nullptr;
    QCheckBox *m_standardLec = nullptr;
    QCheckBox *m_adjust = nullptr;
    QCheckBox *m_majorToTop = nullptr;
    QSpinBox *m_generalThreshold = nullptr;
    LayerSourceField *m_units = nullptr;
    QLineEdit *m_unitName = nullptr;
    QLineEdit *m_unitCode = nullptr;
    QComboBox *m_areaRule = nullptr;
    LayerSourceField *m_studyArea = nullptr;

    QLineEdit *m_outDir = nullptr;
    QCheckBox *m_overwrite = nullptr;
    QLineEdit *m_compare = nullptr;
    QPushButton *m_runButton = nullptr;
    QLabel *m_runSummary = nullptr;
    QTableWidget *m_issues = nullptr;
    QTableWidget *m_changes = nullptr;
};

} // namespace riskatlas::desktop
