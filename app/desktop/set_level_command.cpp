// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/set_level_command.h"

#include "desktop/project_session.h"

#include <QCoreApplication>

namespace riskatlas::desktop {

SetLevelCommand::SetLevelCommand(ProjectSession *session,
                                 std::optional<project::PlannerOverride> before,
                                 project::PlannerOverride after)
    : m_session(session)
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(
        QCoreApplication::translate("riskatlas::desktop::SetLevelCommand", "Set %1 %2 to level %3")
            .arg(m_after.layer, m_after.key)
            .arg(m_after.level));
}

void SetLevelCommand::undo()
{
    m_session->putOverride(m_after.layer, m_after.key, m_before);
}

void SetLevelCommand::redo()
{
    m_session->putOverride(m_after.layer, m_after.key, m_after);
}

} // namespace riskatlas::desktop
