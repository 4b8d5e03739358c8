// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/atlas_panel.h"

#include "core/feedback.h"
#include "core/package/package_builder.h"
#include "core/package/package_config.h"
#include "desktop/background_task.h"
#include "render/atlas_config.h"
#include "render/atlas_document.h"
#include "render/page_layout.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace riskatlas::desktop {

namespace {

// Thumbnails small enough to render every page while preparing, on the worker.
constexpr double kThumbnailDpi = 12;
constexpr double kPreviewDpi = 50;

} // namespace

AtlasPanel::AtlasPanel(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QComboBox(this))
    , m_prepare(new QPushButton(tr("&Prepare preview"), this))
    , m_exportPdf(new QPushButton(tr("Export &PDF…"), this))
    , m_exportPackage(new QPushButton(tr("Export pac&kage…"), this))
    , m_status(new QLabel(this))
    , m_pages(new QListWidget(this))
    , m_preview(new QLabel(this))
{
    for (const QString &id : render::builtinLayoutIds())
        m_layout->addItem(id, id);
    m_status->setWordWrap(true);
    m_pages->setViewMode(QListView::IconMode);
    m_pages->setFlow(QListView::TopToBottom);
    m_pages->setWrapping(false);
    m_pages->setIconSize(QSize(110, 110));
    m_pages->setMaximumWidth(150);
    m_pages->setMovement(QListView::Static);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setBackgroundRole(QPalette::Dark);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_preview);
    scroll->setWidgetResizable(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Template:"), m_layout);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_prepare);
    buttons->addWidget(m_exportPdf);
    buttons->addWidget(m_exportPackage);
    buttons->addStretch();
    auto *pages = new QHBoxLayout;
    pages->addWidget(m_pages);
    pages->addWidget(scroll, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addLayout(pages, 1);

    connect(m_prepare, &QPushButton::clicked, this, &AtlasPanel::prepare);
    connect(m_exportPdf, &QPushButton::clicked, this, &AtlasPanel::choosePdf);
    connect(m_exportPackage, &QPushButton::clicked, this, &AtlasPanel::choosePackage);
    connect(m_pages, &QListWidget::currentRowChanged, this, &AtlasPanel::showPage);
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        // A prepared atlas belongs to its template; another needs preparing again.
        m_document.reset();
        m_pages->clear();
        m_preview->clear();
        updateState();
    });
    updateState();
}

AtlasPanel::~AtlasPanel() = default;

void AtlasPanel::setRunOutput(const QString &outDir, const QString &projectName)
{
    m_outDir = outDir;
    m_projectName = projectName;
    m_document.reset();
    m_pages->clear();
    m_preview->clear();
    if (QFileInfo::exists(atlasConfigPath())) {
        try {
            const render::AtlasConfig config = render::loadAtlasConfig(atlasConfigPath(), outDir);
            setLayout(config.layout);
        } catch (const std::exception &) {
            // Shown when the user prepares it; the template stays as it was.
        }
    }
    updateState();
}

QStringList AtlasPanel::layouts() const
{
    QStringList ids;
    for (int i = 0; i < m_layout->count(); ++i)
        ids.append(m_layout->itemData(i).toString());
    return ids;
}

QString AtlasPanel::layout() const
{
    return m_layout->currentData().toString();
}

void AtlasPanel::setLayout(const QString &id)
{
    const int index = m_layout->findData(id);
    if (index >= 0)
        m_layout->setCurrentIndex(index);
}

QString AtlasPanel::atlasConfigPath() const
{
    return m_outDir.isEmpty()
               ? QString()
               : QDir(m_outDir).filePath(QStringLiteral("configs/atlas_config.json"));
}

QString AtlasPanel::packageConfigPath() const
{
    return m_outDir.isEmpty()
               ? QString()
               : QDir(m_outDir).filePath(QStringLiteral("configs/package_config.json"));
}

bool AtlasPanel::hasPackageConfig() const
{
    return !m_outDir.isEmpty() && QFileInfo::exists(packageConfigPath());
}

int AtlasPanel::pageCount() const
{
    return m_document ? m_document->pageCount() : 0;
}

QImage AtlasPanel::renderPage(int index, double dpi) const
{
    if (!m_document || index < 0 || index >= m_document->pageCount())
        return {};
    return m_document->renderPage(index, dpi);
}

void AtlasPanel::updateState()
{
    const bool haveConfig = !m_outDir.isEmpty() && QFileInfo::exists(atlasConfigPath());
    m_prepare->setEnabled(haveConfig);
    m_layout->setEnabled(haveConfig);
    m_exportPdf->setEnabled(m_document != nullptr);
    m_exportPackage->setEnabled(hasPackageConfig());
    if (m_outDir.isEmpty())
        m_status->setText(tr("Run the project first (Project ▸ Run): the atlas is made from "
                             "the results of a run."));
    else if (!haveConfig)
        m_status->setText(tr("The last run in %1 made no atlas: the project has no "
                             "atlas_config.")
                              .arg(QDir::toNativeSeparators(m_outDir)));
    else if (!m_document)
        m_status->setText(tr("Results of the run in %1. Prepare the preview to see the pages.")
                              .arg(QDir::toNativeSeparators(m_outDir)));
    else
        m_status->setText(
            tr("%n page(s), template %1.", nullptr, m_document->pageCount()).arg(layout()));
}

void AtlasPanel::prepare()
{
    if (m_outDir.isEmpty())
        return;
    const QString configPath = atlasConfigPath();
    const QString resultsDir = m_outDir;
    const QString layoutId = layout();
    auto document = std::make_shared<std::shared_ptr<const render::AtlasDocument>>();
    auto thumbnails = std::make_shared<QList<QImage>>();
    BackgroundTask *task = BackgroundTask::start(
        tr("Preparing the atlas"),
        [=](Feedback &feedback) {
            render::AtlasConfig config = render::loadAtlasConfig(configPath, resultsDir);
            config.layout = layoutId;
            auto built = std::make_shared<const render::AtlasDocument>(config, &feedback);
            feedback.setStep(tr("drawing thumbnails"));
            for (int i = 0; i < built->pageCount(); ++i) {
                feedback.throwIfCanceled();
                thumbnails->append(built->renderPage(i, kThumbnailDpi));
            }
            *document = std::move(built);
        },
        this);
    connect(
        task, &BackgroundTask::finished, this,
        [this, document, thumbnails](TaskOutcome outcome, const QString &message, bool badInput) {
            if (outcome == TaskOutcome::Succeeded) {
                m_document = *document;
                m_pages->clear();
                for (int i = 0; i < thumbnails->size(); ++i) {
                    auto *item = new QListWidgetItem(
                        QIcon(QPixmap::fromImage(thumbnails->at(i))),
                        QStringLiteral("%1 %2").arg(i + 1).arg(m_document->page(i).title));
                    m_pages->addItem(item);
                }
                updateState();
                if (m_pages->count() > 0)
                    m_pages->setCurrentRow(0);
                Q_EMIT prepared(m_document->pageCount());
                return;
            }
            taskFinished(outcome, message, badInput, tr("prepare the atlas"));
        });
}

void AtlasPanel::showPage()
{
    const int row = m_pages->currentRow();
    if (!m_document || row < 0)
        return;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    m_preview->setPixmap(QPixmap::fromImage(m_document->renderPage(row, kPreviewDpi)));
    QGuiApplication::restoreOverrideCursor();
}

void AtlasPanel::exportPdf(const QString &pdfPath)
{
    if (!m_document)
        return;
    const std::shared_ptr<const render::AtlasDocument> document = m_document;
    BackgroundTask *task = BackgroundTask::start(
        tr("Exporting the atlas"),
        [document, pdfPath](Feedback &feedback) {
            QDir().mkpath(QFileInfo(pdfPath).absolutePath());
            document->writePdf(pdfPath, 0, document->pageCount() - 1, &feedback);
        },
        this);
    connect(task, &BackgroundTask::finished, this,
            [this, pdfPath](TaskOutcome outcome, const QString &message, bool badInput) {
                if (outcome == TaskOutcome::Succeeded) {
                    m_status->setText(
                        tr("Atlas written to %1.").arg(QDir::toNativeSeparators(pdfPath)));
                    Q_EMIT exported(pdfPath);
                    return;
                }
                taskFinished(outcome, message, badInput, tr("export the atlas"));
            });
}

void AtlasPanel::exportPackage(const QString &zipPath)
{
    if (!hasPackageConfig())
        return;
    const QString configPath = packageConfigPath();
    const QString resultsDir = m_outDir;
    BackgroundTask *task = BackgroundTask::start(
        tr("Building the submission package"),
        [configPath, resultsDir, zipPath](Feedback &feedback) {
            package::PackageConfig config = package::loadPackageConfig(configPath, resultsDir);
            // As the run does: the audit trail travels with the package.
            const QString runLog = QDir(resultsDir).filePath(QStringLiteral("run_log.json"));
            if (QFileInfo::exists(runLog))
                config.documents.append(runLog);
            package::PackageOptions options;
            options.overwrite = true; // the file dialog asked already
            options.commandLine = {QStringLiteral("riskatlas"), QStringLiteral("atlas panel"),
                                   configPath};
            QDir().mkpath(QFileInfo(zipPath).absolutePath());
            package::buildPackage(config, zipPath, options, &feedback);
        },
        this);
    connect(task, &BackgroundTask::finished, this,
            [this, zipPath](TaskOutcome outcome, const QString &message, bool badInput) {
                if (outcome == TaskOutcome::Succeeded) {
                    m_status->setText(
                        tr("Package written to %1.").arg(QDir::toNativeSeparators(zipPath)));
                    Q_EMIT exported(zipPath);
                    return;
                }
                taskFinished(outcome, message, badInput, tr("build the package"));
            });
}

void AtlasPanel::choosePdf()
{
    const QString suggested =
        QDir(m_outDir).filePath(QStringLiteral("atlas/%1图集_%2.pdf").arg(m_projectName, layout()));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the atlas"), suggested, tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

void AtlasPanel::choosePackage()
{
    const QString suggested =
        QDir(m_outDir).filePath(QStringLiteral("package/%1成果包.zip").arg(m_projectName));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the submission package"),
                                                      suggested, tr("Zip (*.zip)"));
    if (!path.isEmpty())
        exportPackage(path);
}

void AtlasPanel::taskFinished(TaskOutcome outcome, const QString &message, bool badInput,
                              const QString &what)
{
    if (outcome == TaskOutcome::Cancelled) {
        m_status->setText(tr("Cancelled; nothing was written."));
        Q_EMIT cancelled();
        return;
    }
    m_status->setText(tr("Could not %1.").arg(what));
    Q_EMIT failed(message);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Atlas"), tr("Could not %1.").arg(what),
                                QMessageBox::Ok, this);
    box->setInformativeText(
        message + QStringLiteral("\n\n") +
        (badInput ? tr("A file or setting named above cannot be used. Correct it, run the "
                       "project again so its results are current, then try again.")
                  : tr("Check that the folder can be written and has space, then try again.")));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace riskatlas::desktop
