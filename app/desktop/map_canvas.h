// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/geometry/layer_extent.h"
#include "desktop/layer_symbology.h"
#include "render/layer_style.h"
#include "render/map_transform.h"

#include <QFutureWatcher>
#include <QImage>
#include <QPointF>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::desktop {

struct LayerDrawing;
struct MapRenderRequest;

/// The map view: draws its layers bottom to top and lets the user move around with the mouse
/// (drag to pan, wheel to zoom at the pointer) and the keyboard (+/- zoom, arrows pan, Home
/// shows everything). In the identify mode a click reports the features under the pointer.
///
/// Layers are shared, read-only VectorLayers whose coordinates are already in the map CRS; the
/// map CRS is that of the first layer added (see mapCrs()); reprojecting later layers into it
/// is the caller's job (LayerLoader does it). Layers are named by the id addLayer() returns.
///
/// Drawing happens on a worker thread (one job at a time on the canvas's own pool): a change
/// of view or of a layer cancels the running job and starts another; until it is done the
/// last finished image is shown moved and scaled to the new view, so panning a county of
/// 200 000 buildings never waits for the renderer. UI thread only.
class MapCanvas : public QWidget
{
    Q_OBJECT

public:
    enum class Tool { Pan, Identify };

    explicit MapCanvas(QWidget *parent = nullptr);
    ~MapCanvas() override;

    /// Adds `layer` on top of the others, drawn from `drawing` (built from `layer`, e.g. on
    /// a worker thread) with `symbology`. The first layer sets the map CRS, the geographic y
    /// stretch, and the view (its full extent). Returns the layer's id. Throws InputError
    /// when the symbology's palette or field cannot be used (nothing is added then).
    int addLayer(std::shared_ptr<const model::VectorLayer> layer,
                 std::shared_ptr<const LayerDrawing> drawing, const LayerSymbology &symbology);
    /// Removes a layer; the map CRS is forgotten when the last one goes.
    void removeLayer(int id);
    /// Ids bottom to top.
    QList<int> layerIds() const;
    /// Draws the layers in the order of `bottomToTop` (the ids of layerIds(), in any order;
    /// unknown ids are ignored, missing ones keep their place at the bottom).
    void setLayerOrder(const QList<int> &bottomToTop);
    /// nullptr for an unknown id.
    std::shared_ptr<const model::VectorLayer> layer(int id) const;
    std::shared_ptr<const LayerDrawing> layerDrawing(int id) const;

    void setLayerVisible(int id, bool visible);
    bool isLayerVisible(int id) const;
    /// Replaces the single-symbol style, keeping the rest of the symbology.
    void setLayerStyle(int id, const render::LayerStyle &style);
    render::LayerStyle layerStyle(int id) const;
    /// Throws InputError when the palette or field cannot be used; the old one stays then.
    void setLayerSymbology(int id, const LayerSymbology &symbology);
    LayerSymbology layerSymbology(int id) const;
    void setLayerOpacity(int id, double opacity);
    /// Replaces the attributes layer `id` is drawn and coloured from (a planner's edit of a
    /// level) and reclassifies it; `layer` must be the same features in the same order, so
    /// the decoded geometries stay valid. Emits layerDataChanged(). Throws InputError, keeping
    /// the old data, when the symbology cannot be applied to `layer` or its feature count
    /// differs.
    void setLayerData(int id, std::shared_ptr<const model::VectorLayer> layer);

    /// Selected features of a layer (indices into its features, any order, duplicates
    /// ignored); highlighted on the map. Emits selectionChanged() when it differs.
    void setSelection(int id, std::vector<int> features);
    std::vector<int> selection(int id) const;
    void clearSelection();

    /// Features of layer `id` under the device point `pixel`, topmost first (a few pixels of
    /// tolerance for points and lines).
    std::vector<int> featuresAt(int id, const QPointF &pixel) const;

    /// The CRS of the first layer, which all coordinates on the canvas are in; invalid before
    /// a layer is added or when that layer had none.
    crs::Crs mapCrs() const { return m_mapCrs; }
    /// Union of all layers' extents (visible or not), nullopt when there is nothing to draw.
    std::optional<geometry::Extent> fullExtent() const;

    const render::MapTransform &transform() const { return m_transform; }
    void setTransform(const render::MapTransform &transform);
    /// Shows `extent` (map CRS) with a margin; a point keeps the current scale.
    void zoomToExtent(const geometry::Extent &extent);

    Tool tool() const { return m_tool; }
    void setTool(Tool tool);

    QColor backgroundColour() const { return m_background; }

    /// True while the image on screen is not yet the drawing of the current view and layers.
    bool isRenderPending() const { return !m_cacheCurrent; }
    /// The last finished drawing (of the view in renderedTransform()).
    QImage renderedImage() const { return m_cache; }
    render::MapTransform renderedTransform() const { return m_cacheTransform; }
    /// Draws the current view and layers now, on the calling thread (for export and tests).
    QImage renderNow() const;

public Q_SLOTS:
    void zoomToFullExtent();
    /// Shows the whole of layer `id`.
    void zoomToLayer(int id);
    /// Shows all selected features; does nothing when none is selected.
    void zoomToSelection();
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
    /// A drawing of the current view finished and is on screen.
    void renderFinished();
    void selectionChanged(int id);
    /// setLayerData() replaced the attributes of layer `id`.
    void layerDataChanged(int id);
    /// Identify mode: the user clicked at `world` (map CRS), device point `pixel`.
    void identifyRequested(const QPointF &world, const QPointF &pixel);

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
        std::shared_ptr<const LayerDrawing> drawing;
        LayerSymbology symbology;
        std::shared_ptr<const std::vector<SymbolClass>> classes;
        std::shared_ptr<const std::vector<int>> selection;
        bool visible = true;
    };

    CanvasLayer *find(int id);
    const CanvasLayer *find(int id) const;
    void updateScaleLimits();
    void finishDrag();
    void viewChanged();
    void invalidateCache();
    MapRenderRequest renderRequest() const;
    void startRender();
    void renderDone();
    void updateCursor();

    std::vector<CanvasLayer> m_layers;
    int m_nextId = 1;
    crs::Crs m_mapCrs;
    render::MapTransform m_transform;
    QColor m_background;
    Tool m_tool = Tool::Pan;
    /// True until the user moves the view: a resize then refits the full extent.
    bool m_showingFullExtent = true;

    QImage m_cache;
    render::MapTransform m_cacheTransform;
    bool m_cacheCurrent = false;

    QThreadPool m_renderPool;
    QFutureWatcher<QImage> m_renderWatcher;
    std::shared_ptr<std::atomic_bool> m_renderCancel;
    render::MapTransform m_renderingTransform;
    bool m_renderRestart = false;

    bool m_pressed = false;
    bool m_dragging = false;
    QPointF m_dragStart;
    QPointF m_dragOffset;
};

} // namespace riskatlas::desktop
