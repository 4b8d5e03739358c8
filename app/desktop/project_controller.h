// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QObject>
#include <QString>

class QAction;
class QMenu;

namespace riskatlas::desktop {

class AtlasPanel;
class MainWindow;
class ProjectLayers;
class ProjectSession;
class RecentProjects;
class RunLogPanel;
enum class TaskOutcome;

/// The project side of the window: File ▸ New/Open/Save/Save as/Recent/Close project,
/// Project ▸ Run, Edit ▸ Set level… and Undo/Redo. Opening a project puts its result layers
/// on the map (read in the background by the window's LayerLoader) coloured with their
/// palettes and with their roles (result_layers.h); the planner's edits (ProjectSession) are
/// shown on them at once. A run goes through project::runProject() on a worker thread, as
/// `riskatlas-cli run` does; afterwards the results are read again, the run log and the atlas
/// panel follow. UI thread only.
class ProjectController : public QObject
{
    Q_OBJECT

public:
    ProjectController(MainWindow *window, RunLogPanel *runLog, AtlasPanel *atlas);
    ~ProjectController() override;

    /// Adds the project actions to the window's menus.
    void createActions(QMenu *fileMenu, QMenu *editMenu, QMenu *projectMenu);

    ProjectSession *session() const { return m_session; }
    RecentProjects *recentProjects() const { return m_recent; }

    /// When the project has unsaved edits, asks Save / Discard / Cancel (a QMessageBox named
    /// "unsavedChangesBox"); true when it is fine to go on.
    bool maybeSave();
    /// Opens `path` without asking about unsaved edits (call maybeSave() first); errors are
    /// shown in a message box. True when it opened.
    bool openProject(const QString &path);
    bool createProject(const QString &path, const QString &name);
    /// Saves; an error is shown in a message box and gives false.
    bool save();
    bool saveAs(const QString &path);
    void closeProject();
    /// Runs the project into `outDir` in the background; runFinished() tells how it went.
    void run(const QString &outDir, bool overwrite);
    /// The output folder of the last successful run, empty when there was none.
    QString lastRunOutDir() const;

    /// Pushes an undoable planner edit of feature `feature` of map layer `layerId` (a project
    /// result layer whose levels can be set). Returns false, with a message box, when not.
    bool setLevel(int layerId, int feature, int level, const QString &reason, const QString &user);
    /// The map layer id of result layer `name`, -1 when it is not on the map.
    int layerId(const QString &name) const;
    /// True while the result layers of an open are still being read.
    bool isLoading() const;

    /// The name the layer tree shows for `pathSpec`: the title of a result layer of the
    /// project ("Five-colour risk map"), empty for any other layer.
    QString layerTitle(const QString &pathSpec) const;
    /// Called by the window for every layer the loader added or failed to read.
    void layerAdded(const QString &pathSpec, int id);
    /// `cancelled`: the user cancelled the reads, which drops the queued ones too.
    void layerNotAdded(const QString &pathSpec, bool cancelled = false);

public Q_SLOTS:
    void chooseNewProject();
    void chooseAndOpenProject();
    bool chooseSaveAs();
    void chooseAndRun();
    /// Opens the Set level dialog for the selected feature.
    void editSelectedLevel();

Q_SIGNALS:
    /// The name, file or modified state changed: the window title follows.
    void stateChanged();
    /// Every result layer of the opened project is on the map (or failed to read).
    void resultsLoaded();
    void runFinished(riskatlas::desktop::TaskOutcome outcome, const QString &message);

private:
    void projectChanged();
    void runDone(TaskOutcome outcome, const QString &message, bool badInput,
                 const QStringList &warnings, const QString &outDir);
    void showError(const QString &title, const QString &text, const QString &details,
                   const QString &advice);
    void updateActions();

    MainWindow *m_window;
    RunLogPanel *m_runLog;
    AtlasPanel *m_atlas;
    ProjectSession *m_session;
    ProjectLayers *m_results;
    RecentProjects *m_recent = nullptr;
    QList<QAction *> m_projectActions;
    QAction *m_setLevelAction = nullptr;
};

} // namespace riskatlas::desktop
