// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "desktop/layer_symbology.h"

#include <QHash>
#include <QObject>
#include <QPointF>

#include <memory>
#include <vector>

class QWidget;

namespace riskatlas::desktop {

class AttributeTablePanel;
class IdentifyPanel;
class LayerList;
class MapCanvas;
struct LoadedLayer;

/// Keeps the map's views of its layers in step: the canvas that draws them, the layer tree,
/// the attribute table and the identify results. Adding, removing, reordering, hiding and
/// restyling a layer, and selecting features in the table or on the map, all go through
/// here so every view agrees. Owns no widget. UI thread only.
class LayerController : public QObject
{
    Q_OBJECT

public:
    /// The widgets must outlive the controller; `dialogParent` parents its dialogs.
    LayerController(MapCanvas *canvas, LayerList *list, AttributeTablePanel *table,
                    IdentifyPanel *identify, QWidget *dialogParent);

    /// Adds a read layer on top of the map with its default symbology (see
    /// defaultSymbology()); returns its id. `name` is shown in the layer tree.
    int addLayer(const LoadedLayer &loaded, const QString &name, const QString &details);
    void removeLayer(int id);
    /// The CRS of layer `id` as stored in its source (the canvas holds it reprojected).
    crs::Crs sourceCrs(int id) const { return m_sourceCrs.value(id); }

    /// Applies a symbology; shows what is wrong in a message box and returns false when the
    /// palette or field cannot be used.
    bool applySymbology(int id, const LayerSymbology &symbology);
    void setRole(int id, LayerRole role);
    LayerRole role(int id) const;

    /// Shows layer `id` in the attribute table.
    void showAttributes(int id);

public Q_SLOTS:
    void removeCurrentLayer();
    /// Opens the properties dialog of the current layer (or of `id`).
    void editProperties(int id = -1);
    void moveCurrentLayerUp();
    void moveCurrentLayerDown();
    void zoomToCurrentLayer();
    void showCurrentAttributes();
    /// Lists the features of every visible layer under the device point `pixel`, selects
    /// the topmost one on the map and in the table.
    void identifyAt(const QPointF &world, const QPointF &pixel);

Q_SIGNALS:
    /// The set of layers changed (added, removed); the window updates its CRS readout.
    void layersChanged();
    void identified(int featureCount);

private:
    void tableSelectionChanged(int id, const std::vector<int> &features);
    void canvasSelectionChanged(int id);
    void zoomToFeature(int id, int feature);

    MapCanvas *m_canvas;
    LayerList *m_list;
    AttributeTablePanel *m_table;
    IdentifyPanel *m_identify;
    QWidget *m_dialogParent;
    QHash<int, crs::Crs> m_sourceCrs;
};

} // namespace riskatlas::desktop
