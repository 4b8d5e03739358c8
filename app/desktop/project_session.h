// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/project/planner_override.h"
#include "core/project/run_record.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

class QUndoStack;

namespace riskatlas::project {
class Project;
}

namespace riskatlas::desktop {

/// The project open in the window: the `.riskatlas` file (core/project/project.h), the planner
/// overrides as the user has edited them, and the undo stack of those edits.
///
/// "Modified" means exactly: the overrides as edited differ from the overrides the undo stack
/// last saved (the stack is not clean). Edits live in memory until save() writes them to the
/// project's riskatlas_overrides table, so undoing back to the saved state is not a change,
/// and a crash before saving leaves the file as it was. Layer-tree state (visibility, order,
/// styles) is not part of the project and never makes it modified.
///
/// The file is used from the UI thread only. A run or a layer read on a worker opens its own
/// connection; since a run rewrites the file (storeResults renames a copy over it), call
/// reopen() after it. Methods throw riskatlas::Error (InputError, ProcessingError).
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    explicit ProjectSession(QObject *parent = nullptr);
    ~ProjectSession() override;

    /// Creates an empty project at `path` (which must not exist) and opens it.
    void create(const QString &path, const QString &name);
    /// Opens `path`, dropping the current project and its unsaved edits.
    void open(const QString &path);
    void close();
    /// Re-reads the file (after a run replaced it), keeping the unsaved edits.
    void reopen();
    bool isOpen() const { return m_project != nullptr; }
    project::Project *project() const { return m_project.get(); }
    QString path() const;
    /// The project's name setting, or the file's base name.
    QString name() const;
    bool isModified() const;

    /// Writes the edited overrides to the project: removes those undone, adds or replaces
    /// those changed; marks the undo stack clean.
    void save();
    /// Writes a copy to `path` (Project::saveAs), switches to it and saves the edits there;
    /// the original file keeps its saved state.
    void saveAs(const QString &path);

    QUndoStack *undoStack() const { return m_undoStack; }

    /// The override of `layer`/`key` as edited, nullopt when there is none.
    std::optional<project::PlannerOverride> overrideOf(const QString &layer,
                                                       const QString &key) const;
    /// All overrides as edited, of `layer` only when given.
    QList<project::PlannerOverride> overrides(const QString &layer = {}) const;
    /// Sets (or with nullopt removes) the edited override of `layer`/`key`. Called by the undo
    /// commands; use setLevel() to make an undoable change.
    void putOverride(const QString &layer, const QString &key,
                     const std::optional<project::PlannerOverride> &entry);
    /// Pushes an undoable change of `layer`/`key` to `level`, with `reason` (non-blank) by
    /// `user`. Throws InputError for a blank reason or a level below 1.
    void setLevel(const QString &layer, const QString &key, int level, const QString &reason,
                  const QString &user);

    QList<project::RunRecord> runs() const;

    /// The login name, the default "who" of an override.
    static QString loginName();

Q_SIGNALS:
    /// A project was opened, created, closed or switched (save as).
    void projectChanged();
    void modifiedChanged(bool modified);
    /// The edited overrides of `layer` changed (an edit, undo or redo).
    void overridesChanged(const QString &layer);

private:
    using Key = QPair<QString, QString>;
    void loadOverrides();
    void writeOverrides();

    std::unique_ptr<project::Project> m_project;
    QMap<Key, project::PlannerOverride> m_overrides;
    QUndoStack *m_undoStack = nullptr;
};

} // namespace riskatlas::desktop
