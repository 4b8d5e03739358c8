// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/workflow_panels.h"

#include "core/error.h"
#include "desktop/enterprise_panel.h"
#include "desktop/five_colour_panel.h"
#include "desktop/level_charts.h"
#include "desktop/main_window.h"
#include "desktop/project_config_link.h"

#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>

namespace riskatlas::desktop {

namespace {

QDockWidget *addDock(MainWindow &window, QWidget *widget, const QString &title,
                     const QString &objectName)
{
    auto *dock = new QDockWidget(title, &window);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    window.addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    return dock;
}

} // namespace

WorkflowPanels installWorkflowPanels(MainWindow &window)
{
    WorkflowPanels panels;
    panels.fiveColour = new FiveColourPanel(window, &window);
    panels.enterprises = new EnterprisePanel(window, &window);
    panels.charts = new LevelCharts(&window);

    QDockWidget *fiveColourDock =
        addDock(window, panels.fiveColour, MainWindow::tr("Five-colour risk model"),
                QStringLiteral("fiveColourDock"));
    QDockWidget *enterpriseDock =
        addDock(window, panels.enterprises, MainWindow::tr("Enterprise risk"),
                QStringLiteral("enterpriseDock"));
    QDockWidget *chartsDock =
        addDock(window, panels.charts, MainWindow::tr("Charts"), QStringLiteral("chartsDock"));
    window.tabifyDockWidget(fiveColourDock, enterpriseDock);
    window.tabifyDockWidget(enterpriseDock, chartsDock);

    // Before Help, which stays the last menu.
    auto *menu = new QMenu(MainWindow::tr("&Workflows"), window.menuBar());
    const QList<QAction *> menus = window.menuBar()->actions();
    window.menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.last(), menu);
    QAction *fiveColour = fiveColourDock->toggleViewAction();
    fiveColour->setText(MainWindow::tr("&Five-colour risk model"));
    fiveColour->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+1")));
    QAction *enterprises = enterpriseDock->toggleViewAction();
    enterprises->setText(MainWindow::tr("&Enterprise risk"));
    enterprises->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+2")));
    QAction *charts = chartsDock->toggleViewAction();
    charts->setText(MainWindow::tr("&Charts"));
    charts->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+3")));
    menu->addAction(fiveColour);
    menu->addAction(enterprises);
    menu->addAction(charts);

    const auto showCharts = [&window, chartsDock, panels](auto makeData) {
        try {
            panels.charts->showData(makeData());
            chartsDock->show();
        } catch (const Error &error) {
            window.statusBar()->showMessage(
                MainWindow::tr("No charts for this result: %1").arg(error.formatted()), 15000);
        }
    };
    QObject::connect(panels.fiveColour, &FiveColourPanel::runFinished, &window,
                     [showCharts](const QString &outDir, const QString &palette) {
                         showCharts([&] { return fiveColourChartData(outDir, palette); });
                     });
    QObject::connect(
        panels.enterprises, &EnterprisePanel::runFinished, &window,
        [showCharts](const QString &outDir, const QString &palette, const QString &sectorField) {
            showCharts([&] { return enterpriseChartData(outDir, palette, sectorField); });
        });
    linkPanelsToProject(window, panels, menu);
    return panels;
}

} // namespace riskatlas::desktop
