// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_controller.h"

#include "desktop/error_text.h"

#include "core/error.h"
#include "core/model/vector_layer.h"
#include "desktop/attribute_table_panel.h"
#include "desktop/identify_panel.h"
#include "desktop/layer_drawing.h"
#include "desktop/layer_list.h"
#include "desktop/layer_loader.h"
#include "desktop/layer_properties_dialog.h"
#include "desktop/map_canvas.h"

#include <QMessageBox>

#include <exception>

namespace riskatlas::desktop {

LayerController::LayerController(MapCanvas *canvas, LayerList *list, AttributeTablePanel *table,
                                 IdentifyPanel *identify, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_canvas(canvas)
    , m_list(list)
    , m_table(table)
    , m_identify(identify)
    , m_dialogParent(dialogParent)
{
    connect(m_list, &LayerList::visibilityChanged, m_canvas, &MapCanvas::setLayerVisible);
    connect(m_list, &LayerList::orderChanged, m_canvas, &MapCanvas::setLayerOrder);
    // The table follows the layer chosen in the tree, so "which layer am I looking at" has
    // one answer.
    connect(m_list, &LayerList::currentLayerChanged, this, [this](int id) {
        if (id >= 0 && id != m_table->layerId())
            showAttributes(id);
    });
    connect(m_list, &LayerList::propertiesRequested, this, [this](int id) { editProperties(id); });
    connect(m_table, &AttributeTablePanel::featuresSelected, this,
            &LayerController::tableSelectionChanged);
    connect(m_table, &AttributeTablePanel::featureActivated, this, &LayerController::zoomToFeature);
    connect(m_canvas, &MapCanvas::selectionChanged, this, &LayerController::canvasSelectionChanged);
    connect(m_canvas, &MapCanvas::identifyRequested, this, &LayerController::identifyAt);
}

int LayerController::addLayer(const LoadedLayer &loaded, const QString &name,
                              const QString &details)
{
    const int index = int(m_canvas->layerIds().size());
    LayerSymbology symbology = defaultSymbology(*loaded.layer, index);
    int id = -1;
    try {
        id = m_canvas->addLayer(loaded.layer, loaded.drawing, symbology);
    } catch (const std::exception &) {
        // A palette that cannot be loaded must not keep the layer off the map.
        symbology = LayerSymbology{render::defaultLayerStyle(index), {}, {}, 1.0};
        id = m_canvas->addLayer(loaded.layer, loaded.drawing, symbology);
    }
    m_sourceCrs.insert(id, loaded.sourceCrs);
    m_list->addLayer(id, name, details);
    m_list->setLayerIcon(id, symbologyIcon(symbology));
    if (symbology.isCategorised())
        m_list->setLayerRole(id, LayerRole::Hazard);
    Q_EMIT layersChanged();
    return id;
}

void LayerController::removeLayer(int id)
{
    if (m_table->layerId() == id)
        m_table->setLayer(-1, nullptr);
    m_identify->clearResults();
    m_list->removeLayer(id);
    m_canvas->removeLayer(id);
    m_sourceCrs.remove(id);
    Q_EMIT layersChanged();
}

bool LayerController::applySymbology(int id, const LayerSymbology &symbology)
{
    try {
        m_canvas->setLayerSymbology(id, symbology);
        m_list->setLayerIcon(id, symbologyIcon(symbology));
        return true;
    } catch (const std::exception &error) {
        QMessageBox::warning(m_dialogParent, tr("Cannot use this style"),
                             tr("The layer keeps its previous style.\n\n%1\n\nChoose another "
                                "level field or palette; a palette file must be valid JSON "
                                "as described in docs/palettes.md.")
                                 .arg(describeError(error)));
        return false;
    }
}

void LayerController::setRole(int id, LayerRole role)
{
    m_list->setLayerRole(id, role);
}

LayerRole LayerController::role(int id) const
{
    return m_list->layerRole(id);
}

void LayerController::showAttributes(int id)
{
    m_table->setLayer(id, m_canvas->layer(id));
    m_table->setSelectedFeatures(m_canvas->selection(id));
}

void LayerController::removeCurrentLayer()
{
    const int id = m_list->currentLayerId();
    if (id >= 0)
        removeLayer(id);
}

void LayerController::editProperties(int id)
{
    if (id < 0)
        id = m_list->currentLayerId();
    const auto layer = m_canvas->layer(id);
    if (!layer)
        return;
    auto *dialog =
        new LayerPropertiesDialog(m_list->layerName(id), integerFields(*layer),
                                  m_canvas->layerSymbology(id), role(id), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto apply = [this, id, dialog] {
        if (!m_canvas->layer(id))
            return; // removed while the dialog was open
        applySymbology(id, dialog->symbology());
        setRole(id, dialog->role());
    };
    connect(dialog, &LayerPropertiesDialog::applied, this, apply);
    connect(dialog, &QDialog::accepted, this, apply);
    dialog->open();
}

void LayerController::moveCurrentLayerUp()
{
    m_list->moveLayer(m_list->currentLayerId(), 1);
}

void LayerController::moveCurrentLayerDown()
{
    m_list->moveLayer(m_list->currentLayerId(), -1);
}

void LayerController::zoomToCurrentLayer()
{
    m_canvas->zoomToLayer(m_list->currentLayerId());
}

void LayerController::showCurrentAttributes()
{
    showAttributes(m_list->currentLayerId());
}

void LayerController::identifyAt(const QPointF &, const QPointF &pixel)
{
    m_identify->clearResults();
    int found = 0;
    int firstLayer = -1;
    int firstFeature = -1;
    // Top layer first: what the user sees on top is listed first.
    for (const int id : m_list->layerIds()) {
        if (!m_canvas->isLayerVisible(id))
            continue;
        const auto layer = m_canvas->layer(id);
        for (int feature : m_canvas->featuresAt(id, pixel)) {
            m_identify->addResult(m_list->layerName(id), *layer, feature);
            if (firstLayer < 0) {
                firstLayer = id;
                firstFeature = feature;
            }
            ++found;
        }
    }
    m_canvas->clearSelection();
    if (firstLayer >= 0) {
        m_canvas->setSelection(firstLayer, {firstFeature});
        if (m_table->layerId() != firstLayer)
            showAttributes(firstLayer);
    }
    Q_EMIT identified(found);
}

void LayerController::tableSelectionChanged(int id, const std::vector<int> &features)
{
    m_canvas->setSelection(id, features);
}

void LayerController::canvasSelectionChanged(int id)
{
    if (m_table->layerId() == id)
        m_table->setSelectedFeatures(m_canvas->selection(id));
}

void LayerController::zoomToFeature(int id, int feature)
{
    const auto drawing = m_canvas->layerDrawing(id);
    if (!drawing)
        return;
    if (const auto extent = extentOf(*drawing, {feature}))
        m_canvas->zoomToExtent(*extent);
}

} // namespace riskatlas::desktop
