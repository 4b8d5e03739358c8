// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/project/planner_override.h"

#include <QUndoCommand>

#include <optional>

namespace riskatlas::desktop {

class ProjectSession;

/// One planner edit: the override of `after.layer`/`after.key` becomes `after`; undo restores
/// what was there before (another override, or none). The session must outlive the command.
class SetLevelCommand : public QUndoCommand
{
public:
    SetLevelCommand(ProjectSession *session, std::optional<project::PlannerOverride> before,
                    project::PlannerOverride after);

    void undo() override;
    void redo() override;

private:
    ProjectSession *m_session;
    std::optional<project::PlannerOverride> m_before;
    project::PlannerOverride m_after;
};

} // namespace riskatlas::desktop
