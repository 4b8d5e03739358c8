// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/recent_projects.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace riskatlas::desktop {

namespace {

const char kKey[] = "projects/recent";

} // namespace

RecentProjects::RecentProjects(QMenu *menu, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
{
    // Rebuilt when shown, so a project deleted since is greyed out.
    connect(m_menu, &QMenu::aboutToShow, this, &RecentProjects::rebuildMenu);
    rebuildMenu();
}

QStringList RecentProjects::paths() const
{
    return QSettings().value(QLatin1String(kKey)).toStringList();
}

void RecentProjects::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaximum)
        list.removeLast();
    store(list);
}

void RecentProjects::removeMissing()
{
    QStringList list = paths();
    list.erase(std::remove_if(list.begin(), list.end(),
                              [](const QString &path) { return !QFileInfo::exists(path); }),
               list.end());
    store(list);
}

void RecentProjects::clear()
{
    store({});
}

void RecentProjects::store(const QStringList &paths)
{
    QSettings().setValue(QLatin1String(kKey), paths);
    rebuildMenu();
}

void RecentProjects::rebuildMenu()
{
    m_menu->clear();
    const QStringList list = paths();
    bool anyMissing = false;
    for (int i = 0; i < list.size(); ++i) {
        const QString &path = list[i];
        const bool exists = QFileInfo::exists(path);
        anyMissing = anyMissing || !exists;
        QString text = QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName());
        if (!exists)
            text += tr(" (missing)");
        QAction *action = m_menu->addAction(text);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setEnabled(exists);
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
    }
    if (list.isEmpty()) {
        m_menu->addAction(tr("No recent projects"))->setEnabled(false);
        return;
    }
    m_menu->addSeparator();
    if (anyMissing)
        connect(m_menu->addAction(tr("Remove missing projects")), &QAction::triggered, this,
                &RecentProjects::removeMissing);
    connect(m_menu->addAction(tr("Clear list")), &QAction::triggered, this, &RecentProjects::clear);
}

} // namespace riskatlas::desktop
