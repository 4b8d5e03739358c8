// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "desktop/layer_symbology.h"

#include <QHash>
#include <QObject>
#include <QQueue>

namespace riskatlas::desktop {

class LayerLoader;
class MainWindow;
struct LoadedLayer;

/// Puts a workflow's output files on the map: each is read in the background (its own
/// LayerLoader, reprojected into the map CRS), added through the window's LayerController and
/// coloured by its level field with the palette the result was made with. A result added again
/// under the same name replaces the earlier one, so a second run does not stack copies.
/// UI thread only.
class ResultLayerLoader : public QObject
{
    Q_OBJECT

public:
    /// `window` must outlive this object.
    explicit ResultLayerLoader(MainWindow &window, QObject *parent = nullptr);
    ~ResultLayerLoader() override;

    /// Queues `pathSpec`; `levelField` empty keeps the default symbology.
    void add(const QString &pathSpec, const QString &name, const QString &levelField,
             const QString &paletteId, LayerRole role);
    /// The map layer id of the result last added as `name`, or -1.
    int layerId(const QString &name) const { return m_ids.value(name, -1); }
    bool isBusy() const;
    /// Records map layer `id` as the result `name` (a layer the caller replaced itself).
    void adopt(const QString &name, int id) { m_ids.insert(name, id); }

Q_SIGNALS:
    void added(int id, const QString &name);
    void failed(const QString &message);
    /// Everything queued has been added or has failed.
    void idle();

private:
    struct Request
    {
        QString name;
        QString levelField;
        QString paletteId;
        LayerRole role = LayerRole::None;
    };

    void loaded(const std::shared_ptr<const LoadedLayer> &loaded);
    void loadFailed(const QString &pathSpec, const QString &message);

    MainWindow &m_window;
    LayerLoader *m_loader;
    QQueue<Request> m_requests;
    QHash<QString, int> m_ids;
};

} // namespace riskatlas::desktop
