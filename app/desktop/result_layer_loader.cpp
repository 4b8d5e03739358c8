// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/result_layer_loader.h"

#include "core/model/vector_layer.h"
#include "desktop/layer_controller.h"
#include "desktop/layer_loader.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"

namespace riskatlas::desktop {

ResultLayerLoader::ResultLayerLoader(MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_loader(new LayerLoader(this))
{
    connect(m_loader, &LayerLoader::loaded, this, &ResultLayerLoader::loaded);
    connect(m_loader, &LayerLoader::failed, this,
            [this](const QString &pathSpec, const QString &message, bool) {
                loadFailed(pathSpec, message);
            });
    connect(m_loader, &LayerLoader::cancelled, this,
            [this](const QString &pathSpec) { loadFailed(pathSpec, {}); });
    // Results are single-layer files; a choice would mean a wrong path, so it is a failure.
    connect(m_loader, &LayerLoader::layerChoiceNeeded, this,
            [this](const QString &path, const QStringList &) {
                loadFailed(path, tr("%1 holds several layers.").arg(path));
            });
    connect(m_loader, &LayerLoader::idle, this, &ResultLayerLoader::idle);
}

ResultLayerLoader::~ResultLayerLoader() = default;

bool ResultLayerLoader::isBusy() const
{
    return !m_requests.isEmpty();
}

void ResultLayerLoader::add(const QString &pathSpec, const QString &name, const QString &levelField,
                            const QString &paletteId, LayerRole role)
{
    // The map CRS is taken when the read starts, so results line up with what is drawn.
    MapCanvas *canvas = m_window.canvas();
    if (canvas->layerIds().isEmpty())
        m_loader->setMapCrs(std::nullopt);
    else
        m_loader->setMapCrs(canvas->mapCrs());
    m_requests.enqueue({name, levelField, paletteId, role});
    m_loader->load(pathSpec);
}

void ResultLayerLoader::loaded(const std::shared_ptr<const LoadedLayer> &loaded)
{
    if (m_requests.isEmpty())
        return;
    const Request request = m_requests.dequeue();
    LayerController *layers = m_window.layers();
    if (const int old = m_ids.value(request.name, -1);
        old >= 0 && m_window.canvas()->layerIds().contains(old))
        layers->removeLayer(old);
    const int id = layers->addLayer(*loaded, request.name, loaded->layer->sourcePath);
    m_ids.insert(request.name, id);
    if (!request.levelField.isEmpty()) {
        LayerSymbology symbology = m_window.canvas()->layerSymbology(id);
        symbology.levelField = request.levelField;
        symbology.paletteId = request.paletteId;
        layers->applySymbology(id, symbology);
    }
    layers->setRole(id, request.role);
    Q_EMIT added(id, request.name);
}

void ResultLayerLoader::loadFailed(const QString &pathSpec, const QString &message)
{
    if (!m_requests.isEmpty())
        m_requests.dequeue();
    if (!message.isEmpty())
        Q_EMIT failed(message);
    Q_UNUSED(pathSpec);
}

} // namespace riskatlas::desktop
