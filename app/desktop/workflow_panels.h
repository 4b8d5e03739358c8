// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

namespace riskatlas::desktop {

class EnterprisePanel;
class FiveColourPanel;
class LevelCharts;
class MainWindow;

struct WorkflowPanels
{
    FiveColourPanel *fiveColour = nullptr;
    EnterprisePanel *enterprises = nullptr;
    LevelCharts *charts = nullptr;
};

/// Adds the workflow panels to `window` as docks on the right (five-colour model, enterprises,
/// charts; hidden until chosen) and a Workflows menu that shows them. A finished run of either
/// panel fills the charts. The widgets are children of the window (findChild() finds them).
WorkflowPanels installWorkflowPanels(MainWindow &window);

} // namespace riskatlas::desktop
