// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace riskatlas::render {
class AtlasDocument;
}

namespace riskatlas::desktop {

enum class TaskOutcome;

/// The atlas of the last run: choose a page template (resources/layouts), prepare the atlas
/// (layers read and statistics computed in the background), browse its pages as thumbnails
/// with a larger preview of the selected one, and export the PDF or the submission package in
/// the background with progress and Cancel. Works on the configs a run wrote to
/// OUTDIR/configs (atlas_config.json, package_config.json): the exact configs the run used,
/// with the planner overrides in the atlas notes. UI thread only.
class AtlasPanel : public QWidget
{
    Q_OBJECT

public:
    explicit AtlasPanel(QWidget *parent = nullptr);
    ~AtlasPanel() override;

    /// The output folder of the run whose results to use (empty: no run yet) and the project
    /// name for default file names.
    void setRunOutput(const QString &outDir, const QString &projectName);
    QString outDir() const { return m_outDir; }

    /// Template ids offered (from :/layouts), and the one chosen.
    QStringList layouts() const;
    QString layout() const;
    void setLayout(const QString &id);

    /// Prepares the atlas with the chosen template in the background; prepared() or failed()
    /// follows.
    void prepare();
    int pageCount() const;
    /// Page `index` at `dpi`, drawn now on this thread.
    QImage renderPage(int index, double dpi) const;
    /// Writes the prepared atlas to `pdfPath` in the background; exported() or failed().
    void exportPdf(const QString &pdfPath);
    /// Builds the submission package `zipPath` from OUTDIR/configs/package_config.json in the
    /// background; exported() or failed().
    void exportPackage(const QString &zipPath);
    bool hasPackageConfig() const;

    QListWidget *pageList() const { return m_pages; }

Q_SIGNALS:
    void prepared(int pageCount);
    void exported(const QString &path);
    void failed(const QString &message);
    void cancelled();

private:
    QString atlasConfigPath() const;
    QString packageConfigPath() const;
    void updateState();
    void showPage();
    void choosePdf();
    void choosePackage();
    void taskFinished(TaskOutcome outcome, const QString &message, bool badInput,
                      const QString &what);

    QString m_outDir;
    QString m_projectName;
    std::shared_ptr<const render::AtlasDocument> m_document;
    QComboBox *m_layout;
    QPushButton *m_prepare;
    QPushButton *m_exportPdf;
    QPushButton *m_exportPackage;
    QLabel *m_status;
    QListWidget *m_pages;
    QLabel *m_preview;
};

} // namespace riskatlas::desktop
