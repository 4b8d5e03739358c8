// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QListWidget>

namespace riskatlas::desktop {

/// The list of the map's layers, top layer first (drawn last), each with a check box for its
/// visibility. Items are keyed by the MapCanvas layer id; the list only reports what the user
/// does and the window applies it to the canvas. UI thread only.
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
    bool isLayerChecked(int id) const;
    /// The selected layer's id, or -1.
    int currentLayerId() const;

Q_SIGNALS:
    void visibilityChanged(int id, bool visible);
    void currentLayerChanged(int id);

private:
    QListWidgetItem *itemFor(int id) const;
};

} // namespace riskatlas::desktop
