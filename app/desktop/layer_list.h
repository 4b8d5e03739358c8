// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "desktop/layer_symbology.h"

#include <QListWidget>

namespace riskatlas::desktop {

/// The layer tree: the map's layers, top layer first (drawn last), each with a check box for
/// its visibility and its workflow role after its name. Layers are reordered by dragging or
/// with moveLayer(). Items are keyed by the MapCanvas layer id; the list only reports what the
/// user does and the window applies it to the canvas. UI thread only.
class LayerList : public QListWidget
{
    Q_OBJECT

public:
    explicit LayerList(QWidget *parent = nullptr);

    /// Adds a visible layer at the top. `details` becomes the tooltip.
    void addLayer(int id, const QString &name, const QString &details);
    void removeLayer(int id);
    /// Names top to bottom, as shown.
    QStringList layerNames() const;
    /// Ids top to bottom, as shown.
    QList<int> layerIds() const;
    QString layerName(int id) const;
    bool isLayerChecked(int id) const;
    void setLayerChecked(int id, bool checked);
    /// The selected layer's id, or -1.
    int currentLayerId() const;
    void setCurrentLayer(int id);

    /// The small legend picture before the layer's name (see symbologyIcon()).
    void setLayerIcon(int id, const QIcon &icon);

    void setLayerRole(int id, LayerRole role);
    LayerRole layerRole(int id) const;

    /// Moves a layer `steps` places up (towards the top of the map, negative: down).
    void moveLayer(int id, int steps);

Q_SIGNALS:
    void visibilityChanged(int id, bool visible);
    void currentLayerChanged(int id);
    /// The order changed (drag and drop or moveLayer()); ids bottom to top, as drawn.
    void orderChanged(const QList<int> &bottomToTop);
    /// The user asked for the layer's properties (double click).
    void propertiesRequested(int id);

private:
    QListWidgetItem *itemFor(int id) const;
    void updateText(QListWidgetItem *item);
    void emitOrder();
};

} // namespace riskatlas::desktop
