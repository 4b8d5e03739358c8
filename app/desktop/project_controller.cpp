// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/project_controller.h"

#include "desktop/error_text.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/model/vector_layer.h"
#include "core/project/planner_override.h"
#include "core/project/project.h"
#include "core/project/project_run.h"
#include "core/style/palette.h"
#include "desktop/atlas_panel.h"
#include "desktop/background_task.h"
#include "desktop/layer_controller.h"
#include "desktop/layer_list.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "desktop/project_layers.h"
#include "desktop/project_session.h"
#include "desktop/recent_projects.h"
#include "desktop/result_layers.h"
#include "desktop/run_log_panel.h"
#include "desktop/set_level_dialog.h"
#include "render/atlas_pdf_step.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>

namespace riskatlas::desktop {

namespace {

QString projectFilter()
{
    return ProjectController::tr("RiskAtlas projects (*.riskatlas)");
}

QString withSuffix(QString path)
{
    if (!path.isEmpty() && !path.endsWith(QLatin1String(".riskatlas"), Qt::CaseInsensitive))
        path += QStringLiteral(".riskatlas");
    return path;
}

// A short description of the feature for the dialog: key and a name when the layer has one.
QString featureLabel(const model::VectorLayer &layer, const model::Feature &feature,
                     const QString &key)
{
    for (const QString &field :
         {QStringLiteral("unit_name"), QStringLiteral("name"), QStringLiteral("企业名称")}) {
        const int index = model::fieldIndex(layer.fields, field);
        if (index >= 0 && !feature.attributes.value(index).toString().isEmpty())
            return QStringLiteral("%1 %2 %3")
                .arg(layer.name, key, feature.attributes.value(index).toString());
    }
    return QStringLiteral("%1 %2").arg(layer.name, key);
}

} // namespace

ProjectController::ProjectController(MainWindow *window, RunLogPanel *runLog, AtlasPanel *atlas)
    : QObject(window)
    , m_window(window)
    , m_runLog(runLog)
    , m_atlas(atlas)
    , m_session(new ProjectSession(this))
    , m_results(new ProjectLayers(window, m_session, this))
{
    connect(m_session, &ProjectSession::projectChanged, this, &ProjectController::projectChanged);
    connect(m_session, &ProjectSession::modifiedChanged, this, &ProjectController::stateChanged);
    connect(m_session, &ProjectSession::overridesChanged, m_results, &ProjectLayers::refresh);
    connect(m_results, &ProjectLayers::loaded, this, &ProjectController::resultsLoaded);
    connect(m_window->canvas(), &MapCanvas::selectionChanged, this,
            &ProjectController::updateActions);
}

ProjectController::~ProjectController() = default;

void ProjectController::createActions(QMenu *fileMenu, QMenu *editMenu, QMenu *projectMenu)
{
    const auto icon = [](const char *name) {
        return QIcon::fromTheme(QString::fromLatin1(name));
    };
    const auto add = [this](QMenu *menu, const QIcon &icon, const QString &text,
                            const QKeySequence &shortcut, const QString &tip) {
        auto *action = new QAction(icon, text, m_window);
        action->setShortcut(shortcut);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        menu->addAction(action);
        return action;
    };

    connect(add(fileMenu, icon("document-new"), tr("&New project…"), QKeySequence::New,
                tr("Create an empty project file (.riskatlas)")),
            &QAction::triggered, this, &ProjectController::chooseNewProject);
    connect(add(fileMenu, icon("document-open"), tr("Open p&roject…"),
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                tr("Open a project and show its results on the map")),
            &QAction::triggered, this, &ProjectController::chooseAndOpenProject);
    QMenu *recentMenu = fileMenu->addMenu(icon("document-open-recent"), tr("Recent projects"));
    m_recent = new RecentProjects(recentMenu, this);
    connect(m_recent, &RecentProjects::openRequested, this, [this](const QString &path) {
        if (maybeSave())
            openProject(path);
    });
    QAction *saveAction = add(fileMenu, icon("document-save"), tr("&Save project"),
                              QKeySequence::Save, tr("Write the planner's edits to the project"));
    connect(saveAction, &QAction::triggered, this, &ProjectController::save);
    QAction *saveAsAction =
        add(fileMenu, icon("document-save-as"), tr("Save project &as…"), QKeySequence(),
            tr("Write a copy of the project with the edits and continue in the copy"));
    connect(saveAsAction, &QAction::triggered, this, &ProjectController::chooseSaveAs);
    QAction *closeAction = add(fileMenu, icon("document-close"), tr("&Close project"),
                               QKeySequence(Qt::CTRL | Qt::Key_W),
                               tr("Close the project and take its layers off the map"));
    connect(closeAction, &QAction::triggered, this, [this] {
        if (maybeSave())
            closeProject();
    });
    fileMenu->addSeparator();

    QUndoStack *stack = m_session->undoStack();
    QAction *undo = stack->createUndoAction(m_window, tr("&Undo"));
    undo->setIcon(icon("edit-undo"));
    undo->setShortcuts(QKeySequence::Undo);
    QAction *redo = stack->createRedoAction(m_window, tr("&Redo"));
    redo->setIcon(icon("edit-redo"));
    redo->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    m_setLevelAction =
        add(editMenu, icon("document-edit"), tr("Set &level…"), QKeySequence(Qt::CTRL | Qt::Key_E),
            tr("Override the level of the selected unit or enterprise, with a "
               "reason"));
    connect(m_setLevelAction, &QAction::triggered, this, &ProjectController::editSelectedLevel);

    QAction *runAction =
        add(projectMenu, icon("media-playback-start"), tr("&Run…"), QKeySequence(Qt::Key_F5),
            tr("Run the five-colour model, the enterprise grading, the atlas and the package "
               "from the project's configs"));
    connect(runAction, &QAction::triggered, this, &ProjectController::chooseAndRun);

    m_projectActions = {saveAsAction, closeAction, runAction};
    connect(m_session, &ProjectSession::modifiedChanged, saveAction, &QAction::setEnabled);
    saveAction->setEnabled(false);
    updateActions();
}

void ProjectController::updateActions()
{
    const bool open = m_session->isOpen();
    for (QAction *action : std::as_const(m_projectActions))
        action->setEnabled(open);
    if (m_setLevelAction) {
        bool editable = false;
        for (const QString &name : m_results->names()) {
            const auto info = resultLayerInfo(name);
            if (info && !info->keyField.isEmpty() &&
                !m_window->canvas()->selection(m_results->layerId(name)).empty())
                editable = true;
        }
        m_setLevelAction->setEnabled(open && editable);
    }
}

bool ProjectController::maybeSave()
{
    if (!m_session->isModified())
        return true;
    QMessageBox box(
        QMessageBox::Warning, tr("Unsaved changes"),
        tr("The project %1 has planner edits that are not saved.").arg(m_session->name()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setInformativeText(tr("Save them to the project before going on?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool ProjectController::openProject(const QString &path)
{
    try {
        m_session->open(path);
    } catch (const std::exception &error) {
        showError(tr("Could not open the project"),
                  tr("RiskAtlas could not open %1.").arg(QFileInfo(path).fileName()),
                  describeError(error),
                  tr("Choose a .riskatlas file made by RiskAtlas (riskatlas-cli project create "
                     "or File ▸ New project). A project made by a newer RiskAtlas needs that "
                     "version."));
        return false;
    }
    m_recent->add(path);
    return true;
}

bool ProjectController::createProject(const QString &path, const QString &name)
{
    try {
        m_session->create(path, name);
    } catch (const std::exception &error) {
        showError(tr("Could not create the project"),
                  tr("RiskAtlas could not create %1.").arg(QFileInfo(path).fileName()),
                  describeError(error),
                  tr("Choose a file name that does not exist yet, in a folder you can write "
                     "to."));
        return false;
    }
    m_recent->add(path);
    return true;
}

bool ProjectController::save()
{
    try {
        m_session->save();
    } catch (const std::exception &error) {
        showError(tr("Could not save the project"),
                  tr("The edits could not be written to %1; they are still here.")
                      .arg(QFileInfo(m_session->path()).fileName()),
                  describeError(error),
                  tr("Check that the file is not read-only or open in another program, then "
                     "save again, or use Save as to write a copy elsewhere."));
        return false;
    }
    m_window->statusBar()->showMessage(tr("Saved %1.").arg(m_session->path()), 8000);
    return true;
}

bool ProjectController::saveAs(const QString &path)
{
    try {
        m_session->saveAs(path);
    } catch (const std::exception &error) {
        showError(tr("Could not save the project"),
                  tr("RiskAtlas could not write %1.").arg(QFileInfo(path).fileName()),
                  describeError(error), tr("Choose a folder you can write to, with enough space."));
        return false;
    }
    m_recent->add(path);
    return true;
}

void ProjectController::closeProject()
{
    m_session->close();
}

void ProjectController::chooseNewProject()
{
    if (!maybeSave())
        return;
    const QString path = withSuffix(QFileDialog::getSaveFileName(
        m_window, tr("New project"), QDir::homePath(), projectFilter()));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        showError(tr("Could not create the project"),
                  tr("%1 exists already.").arg(QFileInfo(path).fileName()), QString(),
                  tr("Open it with File ▸ Open project, or choose another name."));
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_window, tr("New project"), tr("Project name (the county):"),
                              QLineEdit::Normal, QFileInfo(path).completeBaseName(), &ok);
    if (ok)
        createProject(path, name.trimmed());
}

void ProjectController::chooseAndOpenProject()
{
    if (!maybeSave())
        return;
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open project"), QString(), projectFilter());
    if (!path.isEmpty())
        openProject(path);
}

bool ProjectController::chooseSaveAs()
{
    if (!m_session->isOpen())
        return false;
    const QString path = withSuffix(QFileDialog::getSaveFileName(
        m_window, tr("Save project as"), m_session->path(), projectFilter()));
    return !path.isEmpty() && saveAs(path);
}

void ProjectController::projectChanged()
{
    m_runLog->setRuns(m_session->runs());
    m_atlas->setRunOutput(lastRunOutDir(), m_session->name());
    if (m_session->isOpen())
        m_results->load();
    else
        m_results->clear();
    updateActions();
    Q_EMIT stateChanged();
}

QString ProjectController::layerTitle(const QString &pathSpec) const
{
    return m_results->title(pathSpec);
}

void ProjectController::layerAdded(const QString &pathSpec, int id)
{
    m_results->added(pathSpec, id);
}

void ProjectController::layerNotAdded(const QString &pathSpec, bool cancelled)
{
    m_results->notAdded(pathSpec, cancelled);
}

int ProjectController::layerId(const QString &name) const
{
    return m_results->layerId(name);
}

bool ProjectController::isLoading() const
{
    return m_results->isLoading();
}

QString ProjectController::lastRunOutDir() const
{
    const QList<project::RunRecord> runs = m_session->runs();
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        if (it->status == QLatin1String("ok"))
            return it->parameters.value(QStringLiteral("out_dir")).toString();
    }
    return {};
}

bool ProjectController::setLevel(int layerId, int feature, int level, const QString &reason,
                                 const QString &user)
{
    const QString name = m_results->nameOf(layerId);
    const auto info = resultLayerInfo(name);
    const auto layer = m_window->canvas()->layer(layerId);
    try {
        if (name.isEmpty() || !info || info->keyField.isEmpty() || !layer)
            throw InputError({m_session->path(), name},
                             QStringLiteral("levels of this layer cannot be set by hand; select "
                                            "a unit of the risk map or an enterprise"));
        const int keyIndex = model::fieldIndex(layer->fields, info->keyField);
        if (keyIndex < 0 || feature < 0 || std::size_t(feature) >= layer->features.size())
            throw InputError(
                {m_session->path(), name},
                QStringLiteral("no field %1 to key the override by").arg(info->keyField));
        const QString key =
            layer->features[std::size_t(feature)].attributes.value(keyIndex).toString();
        if (key.isEmpty())
            throw InputError({m_session->path(), name, layer->features[std::size_t(feature)].fid,
                              QStringLiteral("fid")},
                             QStringLiteral("the feature has no %1, so an override could not "
                                            "find it again after a run")
                                 .arg(info->keyField));
        m_session->setLevel(name, key, level, reason, user);
    } catch (const std::exception &error) {
        showError(tr("Cannot set the level"), tr("The level was not changed."),
                  describeError(error),
                  tr("Select one feature of a result layer that has a key (the risk map's "
                     "units, enterprises, areas), give a level and a reason."));
        return false;
    }
    return true;
}

void ProjectController::editSelectedLevel()
{
    // The current layer first: that is the one the user is looking at.
    QList<int> candidates = {m_window->layerList()->currentLayerId()};
    candidates.append(m_window->layerList()->layerIds());
    int layerId = -1;
    std::vector<int> selected;
    for (const int id : std::as_const(candidates)) {
        const QString name = m_results->nameOf(id);
        const auto info = resultLayerInfo(name);
        if (name.isEmpty() || !info || info->keyField.isEmpty())
            continue;
        selected = m_window->canvas()->selection(id);
        if (!selected.empty()) {
            layerId = id;
            break;
        }
    }
    if (layerId < 0) {
        showError(tr("Set level"), tr("Select a unit of the risk map or an enterprise first."),
                  QString(),
                  tr("Use View ▸ Identify features (I) and click the unit, or select its row in "
                     "the attribute table."));
        return;
    }
    const QString name = m_results->nameOf(layerId);
    const auto info = resultLayerInfo(name);
    const auto layer = m_window->canvas()->layer(layerId);
    const model::Feature &feature = layer->features[std::size_t(selected.front())];
    const int levelIndex = model::fieldIndex(layer->fields, QStringLiteral("level"));
    const int keyIndex = model::fieldIndex(layer->fields, info->keyField);
    const QString key = keyIndex >= 0 ? feature.attributes.value(keyIndex).toString() : QString();
    style::Palette palette;
    try {
        palette = style::loadPalette(info->paletteId);
    } catch (const std::exception &error) {
        showError(tr("Set level"), tr("The palette of %1 cannot be read.").arg(name),
                  describeError(error), tr("Reinstall RiskAtlas; the palettes are built in."));
        return;
    }
    QString label = featureLabel(*layer, feature, key);
    if (selected.size() > 1)
        label += tr(" and %n more", nullptr, int(selected.size() - 1));
    auto *dialog = new SetLevelDialog(
        label, palette, levelIndex >= 0 ? feature.attributes.value(levelIndex).toInt() : 0,
        ProjectSession::loginName(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, layerId, selected] {
        QUndoStack *stack = m_session->undoStack();
        if (selected.size() > 1)
            stack->beginMacro(tr("Set %n feature(s) to level %1", nullptr, int(selected.size()))
                                  .arg(dialog->level()));
        for (const int feature : selected) {
            if (!setLevel(layerId, feature, dialog->level(), dialog->reason(), dialog->user()))
                break;
        }
        if (selected.size() > 1)
            stack->endMacro();
    });
    dialog->open();
}

void ProjectController::chooseAndRun()
{
    if (!m_session->isOpen())
        return;
    QString suggested = lastRunOutDir();
    if (suggested.isEmpty()) {
        const QFileInfo file(m_session->path());
        suggested = file.dir().filePath(file.completeBaseName() + tr("_results"));
    }
    QDir().mkpath(suggested);
    const QString outDir =
        QFileDialog::getExistingDirectory(m_window, tr("Output folder for the run"), suggested);
    if (outDir.isEmpty())
        return;
    bool overwrite = false;
    if (QFileInfo::exists(QDir(outDir).filePath(QStringLiteral("configs")))) {
        const auto answer = QMessageBox::question(
            m_window, tr("Replace earlier results?"),
            tr("%1 holds the outputs of an earlier run. Replace them? Other files in the folder "
               "are left alone.")
                .arg(QDir::toNativeSeparators(outDir)));
        if (answer != QMessageBox::Yes)
            return;
        overwrite = true;
    }
    run(outDir, overwrite);
}

void ProjectController::run(const QString &outDir, bool overwrite)
{
    if (!m_session->isOpen())
        return;
    // The run applies the overrides stored in the file, so the edits must be there first.
    if (m_session->isModified() && !save())
        return;
    const QString path = m_session->path();
    auto warnings = std::make_shared<QStringList>();
    BackgroundTask *task = BackgroundTask::start(
        tr("Running %1").arg(m_session->name()),
        [path, outDir, overwrite, warnings](Feedback &feedback) {
            // Its own connection: a Project is used from one thread.
            project::Project project = project::Project::open(path);
            project::ProjectRunOptions options;
            options.outDir = outDir;
            options.overwrite = overwrite;
            options.atlas = render::writeAtlasPdf;
            options.feedback = &feedback;
            *warnings = project::runProject(project, options).warnings;
        },
        m_window);
    connect(task, &BackgroundTask::finished, this,
            [this, warnings, outDir](TaskOutcome outcome, const QString &message, bool badInput) {
                runDone(outcome, message, badInput, *warnings, outDir);
            });
}

void ProjectController::runDone(TaskOutcome outcome, const QString &message, bool badInput,
                                const QStringList &warnings, const QString &outDir)
{
    // The run replaced the file (results are saved through a copy renamed over it).
    try {
        m_session->reopen();
    } catch (const std::exception &error) {
        showError(tr("Could not open the project again"),
                  tr("The run finished but %1 could not be read again.")
                      .arg(QFileInfo(m_session->path()).fileName()),
                  describeError(error), tr("Open the project again with File ▸ Open project."));
        return;
    }
    m_runLog->setRuns(m_session->runs());
    switch (outcome) {
    case TaskOutcome::Succeeded:
        m_results->load();
        m_atlas->setRunOutput(outDir, m_session->name());
        m_window->statusBar()->showMessage(
            warnings.isEmpty()
                ? tr("Run finished; results in %1.").arg(QDir::toNativeSeparators(outDir))
                : tr("Run finished with %n warning(s); see the run log.", nullptr,
                     int(warnings.size())),
            15000);
        break;
    case TaskOutcome::Cancelled:
        m_window->statusBar()->showMessage(
            tr("Run cancelled. No results were stored; the run log records it."), 15000);
        break;
    case TaskOutcome::Failed:
        showError(tr("The run failed"), tr("The project was not run to the end."), message,
                  badInput ? tr("Correct the input or config named above (riskatlas-cli "
                                "project verify lists changed inputs; project add-layer "
                                "--replace accepts a changed file), then run again.")
                           : tr("Check that the output folder can be written and has space, "
                                "then run again. The run log records the failure."));
        break;
    }
    Q_EMIT runFinished(outcome, message);
}

void ProjectController::showError(const QString &title, const QString &text, const QString &details,
                                  const QString &advice)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("projectErrorBox"));
    box->setInformativeText(details.isEmpty() ? advice : details + QStringLiteral("\n\n") + advice);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace riskatlas::desktop
