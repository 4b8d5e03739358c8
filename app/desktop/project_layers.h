// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::desktop {

class MainWindow;
class ProjectSession;

/// The result layers of the open project on the map. load() queues them on the window's
/// LayerLoader (read in the background, `PROJECT|layername=NAME`, bottom to top as
/// resultLayersInDrawOrder() says); as each arrives it gets its palette, role and visibility
/// (result_layers.h) and the project's overrides as edited. refresh() redraws a layer from the
/// layer as read with the session's overrides applied (project::applyOverrides, as runs do).
/// UI thread only; the window must outlive it.
class ProjectLayers : public QObject
{
    Q_OBJECT

public:
    ProjectLayers(MainWindow *window, ProjectSession *session, QObject *parent = nullptr);

    /// Takes the project's layers off the map, then queues the open project's result layers.
    void load();
    /// Takes the project's layers off the map, and cancels their reads when some are still
    /// queued (with any other layer the window is reading).
    void clear();
    bool isLoading() const { return !m_pending.isEmpty(); }

    /// The map layer id of result layer `name`, -1 when it is not on the map.
    int layerId(const QString &name) const { return m_ids.value(name, -1); }
    /// The result layer name of map layer `id`, empty for other layers.
    QString nameOf(int id) const { return m_ids.key(id); }
    QStringList names() const { return m_ids.keys(); }
    /// The layer tree's name for `pathSpec` while it is being loaded: the result layer's
    /// title; empty for other layers.
    QString title(const QString &pathSpec) const;

    /// The window's loader added `pathSpec` as map layer `id`, or could not.
    void added(const QString &pathSpec, int id);
    /// `cancelled`: the user cancelled the reads, which drops the queued ones too.
    void notAdded(const QString &pathSpec, bool cancelled);

    /// Redraws result layer `name` with the session's overrides of it.
    void refresh(const QString &name);

Q_SIGNALS:
    /// Every queued layer is on the map or failed to read.
    void loaded();

private:
    MainWindow *m_window;
    ProjectSession *m_session;
    QHash<QString, int> m_ids;
    /// The layers as read, before the session's overrides.
    QHash<QString, std::shared_ptr<const model::VectorLayer>> m_base;
    QSet<QString> m_pending;
};

} // namespace riskatlas::desktop
