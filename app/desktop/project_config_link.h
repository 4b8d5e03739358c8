// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QJsonValue>
#include <QString>

class QMenu;

namespace riskatlas::desktop {

class MainWindow;
struct WorkflowPanels;

/// Moves the workflow panels' five-colour model and enterprise configuration in and out of the
/// open project, so that a project made with File ▸ New can be filled and run from the app:
/// Workflows ▸ Store … writes what a panel shows as the project's config (at once, as
/// `riskatlas-cli project set-model` does), Workflows ▸ Load … fills the panel with the
/// project's config as a run reads it. The actions are enabled while a project is open; a
/// failure is explained in a message box.
void linkPanelsToProject(MainWindow &window, const WorkflowPanels &panels, QMenu *menu);

/// `value` with every string that is an absolute path of an existing file (a `|layername=…`
/// suffix allowed) under `folder` made relative to `folder`, so a stored config keeps working
/// when the project folder moves; everything else is left as it is.
QJsonValue relativeToFolder(const QJsonValue &value, const QString &folder);

} // namespace riskatlas::desktop
