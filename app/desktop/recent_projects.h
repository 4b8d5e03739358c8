// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QSettings;

namespace riskatlas::desktop {

/// The File ▸ Recent projects menu: the last eight projects opened or saved, newest first,
/// kept in QSettings under `projects/recent`. Files that no longer exist are shown greyed out
/// with a note, and "Remove missing" drops them. UI thread only.
class RecentProjects : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaximum = 8;

    /// `menu` is filled (and refilled on every change); the caller owns it.
    RecentProjects(QMenu *menu, QObject *parent = nullptr);

    QStringList paths() const;
    /// Puts `path` (made absolute) first.
    void add(const QString &path);
    void removeMissing();
    void clear();

Q_SIGNALS:
    void openRequested(const QString &path);

private:
    void store(const QStringList &paths);
    void rebuildMenu();

    QMenu *m_menu;
};

} // namespace riskatlas::desktop
