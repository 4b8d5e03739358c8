// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/geometry/layer_extent.h"
#include "render/layer_renderer.h"
#include "render/layer_style.h"
#include "render/map_transform.h"

#include <QImage>
#include <QPointF>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::desktop {

/// The map view: draws its layers bottom to top with the render library and lets the user
/// move around with the mouse (drag to pan, wheel to zoom at the pointer) and the keyboard
/// (+/- zoom, arrows pan, Home shows everything).
///
/// Layers are shared, read-only VectorLayers whose coordinates are already in the map CRS; the
/// map CRS is that of the first layer added (see mapCrs()); reprojecting later layers into it
/// is the caller's job (LayerLoader does it). Layers are named by the id addLayer() returns.
/// The rendered map is cached in an image, so dragging only moves a picture and repainting
/// after other widgets' damage costs a blit. UI thread only.
class MapCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// Adds `layer` on top of the others, drawn from `renderable` (built from `layer`, e.g. on
    /// a worker thread) with `style`. The first layer sets the map CRS, the geographic y
    /// stretch, and the view (its full extent). Returns the layer's id.
    int addLayer(std::shared_ptr<const model::VectorLayer> layer,
                 render::RenderableLayer renderable, const render::LayerStyle &style);
    /// Removes a layer; the map CRS is forgotten when the last one goes.
    void removeLayer(int id);
    /// Ids bottom to top.
    QList<int> layerIds() const;
    /// nullptr for an unknown id.
    std::shared_ptr<const model::VectorLayer> layer(int id) const;

    void setLayerVisible(int id, bool visible);
    bool isLayerVisible(int id) const;
    void setLayerStyle(int id, const render::LayerStyle &style);
    render::LayerStyle layerStyle(int id) const;

    /// The CRS of the first layer, which all coordinates on the canvas are in; invalid before
    /// a layer is added or when that layer had none.
    crs::Crs mapCrs() const { return m_mapCrs; }
    /// Union of all layers' extents (visible or not), nullopt when there is nothing to draw.
    std::optional<geometry::Extent> fullExtent() const;

    const render::MapTransform &transform() const { return m_transform; }
    void setTransform(const render::MapTransform &transform);

    QColor backgroundColour() const { return m_background; }

public Q_SLOTS:
    void zoomToFullExtent();
    void zoomIn();
    void zoomOut();
    /// Moves the map content by `pixels` (positive x shows more of the west).
    void panBy(const QPointF &pixels);

Q_SIGNALS:
    /// The pointer moved over the map; `world` is in the map CRS.
    void pointerMoved(const QPointF &world);
    /// The pointer left the canvas.
    void pointerLeft();
    /// The visible part of the map changed (pan, zoom, resize, first layer).
    void transformChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct CanvasLayer
    {
        int id = 0;
        std::shared_ptr<const model::VectorLayer> layer;
        render::RenderableLayer renderable;
        render::LayerStyle style;
        bool visible = true;
    };

    CanvasLayer *find(int id);
    const CanvasLayer *find(int id) const;
    void updateScaleLimits();
    void finishDrag();
    void viewChanged();
    void invalidateCache();
    void renderCache();

    std::vector<CanvasLayer> m_layers;
    int m_nextId = 1;
    crs::Crs m_mapCrs;
    render::MapTransform m_transform;
    QColor m_background;
    /// True until the user moves the view: a resize then refits the full extent.
    bool m_showingFullExtent = true;

    QImage m_cache;
    bool m_cacheValid = false;
    bool m_dragging = false;
    QPointF m_dragStart;
    QPointF m_dragOffset;
};

} // namespace riskatlas::desktop
