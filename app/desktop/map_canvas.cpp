// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/map_canvas.h"

#include "core/error.h"
#include "core/model/vector_layer.h"
#include "desktop/layer_drawing.h"
#include "desktop/map_renderer.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrent>

#include <algorithm>
#include <cmath>

namespace riskatlas::desktop {

namespace {

constexpr double ZoomStep = 1.5;       // keyboard and toolbar zoom factor
constexpr double WheelStepZoom = 1.25; // per wheel notch (120 eighths of a degree)
constexpr double ArrowPanFraction = 0.125;
constexpr double ClickSlopPixels = 4.0; // a press and release closer than this is a click
constexpr double PickTolerancePixels = 5.0;

} // namespace

MapCanvas::MapCanvas(QWidget *parent)
    : QWidget(parent)
    , m_background(QColor(250, 250, 246))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    updateCursor();
    m_transform.setViewportSize(size());
    // One drawing at a time: a newer view cancels the older job rather than competing with it.
    m_renderPool.setMaxThreadCount(1);
    connect(&m_renderWatcher, &QFutureWatcher<QImage>::finished, this, &MapCanvas::renderDone);
}

MapCanvas::~MapCanvas()
{
    if (m_renderCancel)
        m_renderCancel->store(true);
    m_renderWatcher.waitForFinished();
}

int MapCanvas::addLayer(std::shared_ptr<const model::VectorLayer> layer,
                        std::shared_ptr<const LayerDrawing> drawing,
                        const LayerSymbology &symbology)
{
    const bool first = m_layers.empty();
    CanvasLayer entry;
    entry.layer = std::move(layer);
    entry.drawing = drawing ? std::move(drawing) : std::make_shared<const LayerDrawing>();
    entry.symbology = symbology;
    if (entry.layer) {
        entry.classes = std::make_shared<const std::vector<SymbolClass>>(
            classifyForDrawing(*entry.layer, *entry.drawing, symbology));
    }
    entry.id = m_nextId++;
    if (first) {
        m_mapCrs = entry.layer ? entry.layer->crs : crs::Crs();
        double stretch = 1.0;
        if (m_mapCrs.isGeographic() && entry.drawing->extent) {
            const geometry::Extent &extent = *entry.drawing->extent;
            stretch = render::geographicYStretch((extent.minY + extent.maxY) / 2.0);
        }
        m_transform.setYStretch(stretch);
    }
    m_layers.push_back(std::move(entry));
    updateScaleLimits();
    if (first || m_showingFullExtent) {
        // Until the user has moved the view, each new layer widens the full extent shown.
        zoomToFullExtent();
    } else {
        invalidateCache();
    }
    return m_layers.back().id;
}

void MapCanvas::removeLayer(int id)
{
    const auto it = std::find_if(m_layers.begin(), m_layers.end(),
                                 [id](const CanvasLayer &entry) { return entry.id == id; });
    if (it == m_layers.end())
        return;
    m_layers.erase(it);
    if (m_layers.empty()) {
        m_mapCrs = crs::Crs();
        m_transform.setYStretch(1.0);
        m_showingFullExtent = true;
    }
    updateScaleLimits();
    invalidateCache();
}

QList<int> MapCanvas::layerIds() const
{
    QList<int> ids;
    for (const CanvasLayer &entry : m_layers)
        ids.append(entry.id);
    return ids;
}

void MapCanvas::setLayerOrder(const QList<int> &bottomToTop)
{
    // Positions first, so that nothing is moved out before the new order is known complete.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
        if (!bottomToTop.contains(m_layers[i].id))
            order.push_back(i);
    }
    for (int id : bottomToTop) {
        for (std::size_t i = 0; i < m_layers.size(); ++i) {
            if (m_layers[i].id == id && std::find(order.begin(), order.end(), i) == order.end())
                order.push_back(i);
        }
    }
    std::vector<CanvasLayer> ordered;
    ordered.reserve(m_layers.size());
    for (std::size_t i : order)
        ordered.push_back(std::move(m_layers[i]));
    m_layers = std::move(ordered);
    invalidateCache();
}

std::shared_ptr<const model::VectorLayer> MapCanvas::layer(int id) const
{
    const CanvasLayer *entry = find(id);
    return entry ? entry->layer : nullptr;
}

std::shared_ptr<const LayerDrawing> MapCanvas::layerDrawing(int id) const
{
    const CanvasLayer *entry = find(id);
    return entry ? entry->drawing : nullptr;
}

void MapCanvas::setLayerVisible(int id, bool visible)
{
    CanvasLayer *entry = find(id);
    if (!entry || entry->visible == visible)
        return;
    entry->visible = visible;
    invalidateCache();
}

bool MapCanvas::isLayerVisible(int id) const
{
    const CanvasLayer *entry = find(id);
    return entry && entry->visible;
}

void MapCanvas::setLayerStyle(int id, const render::LayerStyle &style)
{
    const CanvasLayer *entry = find(id);
    if (!entry)
        return;
    LayerSymbology symbology = entry->symbology;
    symbology.style = style;
    setLayerSymbology(id, symbology);
}

render::LayerStyle MapCanvas::layerStyle(int id) const
{
    const CanvasLayer *entry = find(id);
    return entry ? entry->symbology.style : render::LayerStyle();
}

void MapCanvas::setLayerSymbology(int id, const LayerSymbology &symbology)
{
    CanvasLayer *entry = find(id);
    if (!entry || !entry->layer)
        return;
    entry->classes = std::make_shared<const std::vector<SymbolClass>>(
        classifyForDrawing(*entry->layer, *entry->drawing, symbology));
    entry->symbology = symbology;
    invalidateCache();
}

void MapCanvas::setLayerData(int id, std::shared_ptr<const model::VectorLayer> layer)
{
    CanvasLayer *entry = find(id);
    if (!entry || !layer)
        return;
    if (entry->layer && entry->layer->features.size() != layer->features.size()) {
        throw InputError({layer->sourcePath, layer->name},
                         QStringLiteral("has %1 features where the map has %2")
                             .arg(layer->features.size())
                             .arg(entry->layer->features.size()));
    }
    entry->classes = std::make_shared<const std::vector<SymbolClass>>(
        classifyForDrawing(*layer, *entry->drawing, entry->symbology));
    entry->layer = std::move(layer);
    invalidateCache();
    Q_EMIT layerDataChanged(id);
}

LayerSymbology MapCanvas::layerSymbology(int id) const
{
    const CanvasLayer *entry = find(id);
    return entry ? entry->symbology : LayerSymbology();
}

void MapCanvas::setLayerOpacity(int id, double opacity)
{
    CanvasLayer *entry = find(id);
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (!entry || entry->symbology.opacity == opacity)
        return;
    // Opacity does not change the classes: no need to classify again.
    entry->symbology.opacity = opacity;
    invalidateCache();
}

void MapCanvas::setSelection(int id, std::vector<int> features)
{
    CanvasLayer *entry = find(id);
    if (!entry)
        return;
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    const std::vector<int> empty;
    if (features == (entry->selection ? *entry->selection : empty))
        return;
    entry->selection =
        features.empty() ? nullptr : std::make_shared<const std::vector<int>>(std::move(features));
    invalidateCache();
    Q_EMIT selectionChanged(id);
}

std::vector<int> MapCanvas::selection(int id) const
{
    const CanvasLayer *entry = find(id);
    return entry && entry->selection ? *entry->selection : std::vector<int>();
}

void MapCanvas::clearSelection()
{
    for (const int id : layerIds())
        setSelection(id, {});
}

std::vector<int> MapCanvas::featuresAt(int id, const QPointF &pixel) const
{
    const CanvasLayer *entry = find(id);
    if (!entry || !m_transform.isValid())
        return {};
    return desktop::featuresAt(*entry->drawing, m_transform.toWorld(pixel),
                               PickTolerancePixels * m_transform.scale());
}

std::optional<geometry::Extent> MapCanvas::fullExtent() const
{
    std::optional<geometry::Extent> extent;
    for (const CanvasLayer &entry : m_layers) {
        if (!entry.drawing->extent)
            continue;
        if (extent)
            extent->include(*entry.drawing->extent);
        else
            extent = entry.drawing->extent;
    }
    return extent;
}

void MapCanvas::setTransform(const render::MapTransform &transform)
{
    finishDrag();
    m_transform = transform;
    m_transform.setViewportSize(size());
    m_showingFullExtent = false;
    viewChanged();
}

void MapCanvas::zoomToExtent(const geometry::Extent &extent)
{
    finishDrag();
    m_showingFullExtent = false;
    m_transform.setViewportSize(size());
    m_transform.zoomToExtent(extent);
    viewChanged();
}

void MapCanvas::setTool(Tool tool)
{
    m_tool = tool;
    updateCursor();
}

QImage MapCanvas::renderNow() const
{
    return renderMap(renderRequest());
}

void MapCanvas::zoomToFullExtent()
{
    finishDrag();
    m_showingFullExtent = true;
    m_transform.setViewportSize(size());
    if (const auto extent = fullExtent())
        m_transform.zoomToExtent(*extent);
    viewChanged();
}

void MapCanvas::zoomToLayer(int id)
{
    const CanvasLayer *entry = find(id);
    if (entry && entry->drawing->extent)
        zoomToExtent(*entry->drawing->extent);
}

void MapCanvas::zoomToSelection()
{
    std::optional<geometry::Extent> extent;
    for (const CanvasLayer &entry : m_layers) {
        if (!entry.selection)
            continue;
        const auto selected = extentOf(*entry.drawing, *entry.selection);
        if (selected && extent)
            extent->include(*selected);
        else if (selected)
            extent = selected;
    }
    if (extent)
        zoomToExtent(*extent);
}

void MapCanvas::zoomIn()
{
    finishDrag();
    m_showingFullExtent = false;
    m_transform.zoomAt(QPointF(width() / 2.0, height() / 2.0), ZoomStep);
    viewChanged();
}

void MapCanvas::zoomOut()
{
    finishDrag();
    m_showingFullExtent = false;
    m_transform.zoomAt(QPointF(width() / 2.0, height() / 2.0), 1.0 / ZoomStep);
    viewChanged();
}

void MapCanvas::panBy(const QPointF &pixels)
{
    finishDrag();
    m_showingFullExtent = false;
    m_transform.pan(pixels);
    viewChanged();
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), m_background);
    if (m_layers.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Open a layer with File ▸ Open layer…, or drop files here."));
        return;
    }
    if (m_cache.isNull() || !m_cacheTransform.isValid())
        return;
    // The last drawing, placed where its world rectangle lies in the current view: while a
    // new one is drawn, the map follows pans and zooms at once, a little blurred or cut.
    const QSizeF size = QSizeF(m_cache.size()) / m_cache.devicePixelRatio();
    const QPointF topLeft = m_transform.toDevice(m_cacheTransform.toWorld(QPointF(0, 0)));
    const QPointF bottomRight =
        m_transform.toDevice(m_cacheTransform.toWorld(QPointF(size.width(), size.height())));
    painter.translate(m_dragOffset);
    if (m_cacheTransform == m_transform) {
        painter.drawImage(QPointF(0, 0), m_cache);
    } else {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRectF(topLeft, bottomRight), m_cache);
    }
}

void MapCanvas::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    finishDrag();
    m_transform.setViewportSize(size());
    if (m_showingFullExtent && fullExtent())
        m_transform.zoomToExtent(*fullExtent());
    viewChanged();
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_dragStart = event->position();
    m_dragOffset = QPointF();
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed) {
        const QPointF offset = event->position() - m_dragStart;
        if (!m_dragging && offset.manhattanLength() >= ClickSlopPixels) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            m_dragOffset = offset;
            update();
        }
    }
    // While dragging, the point under the pointer is the one grabbed at the start.
    Q_EMIT pointerMoved(m_transform.toWorld(event->position() - m_dragOffset));
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QPointF offset = event->position() - m_dragStart;
    const bool click = !m_dragging && offset.manhattanLength() < ClickSlopPixels;
    if (!click)
        m_dragOffset = offset;
    finishDrag();
    if (click && m_tool == Tool::Identify)
        Q_EMIT identifyRequested(m_transform.toWorld(event->position()), event->position());
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    finishDrag();
    m_showingFullExtent = false;
    // Fractional notches from touchpads zoom smoothly; one mouse notch is 120.
    m_transform.zoomAt(event->position(), std::pow(WheelStepZoom, delta / 120.0));
    viewChanged();
    Q_EMIT pointerMoved(m_transform.toWorld(event->position()));
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    const QPointF step(width() * ArrowPanFraction, height() * ArrowPanFraction);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        break;
    case Qt::Key_Left:
        panBy(QPointF(step.x(), 0));
        break;
    case Qt::Key_Right:
        panBy(QPointF(-step.x(), 0));
        break;
    case Qt::Key_Up:
        panBy(QPointF(0, step.y()));
        break;
    case Qt::Key_Down:
        panBy(QPointF(0, -step.y()));
        break;
    case Qt::Key_Home:
        zoomToFullExtent();
        break;
    case Qt::Key_Escape:
        clearSelection();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MapCanvas::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    Q_EMIT pointerLeft();
}

MapCanvas::CanvasLayer *MapCanvas::find(int id)
{
    const auto it = std::find_if(m_layers.begin(), m_layers.end(),
                                 [id](const CanvasLayer &entry) { return entry.id == id; });
    return it == m_layers.end() ? nullptr : &*it;
}

const MapCanvas::CanvasLayer *MapCanvas::find(int id) const
{
    return const_cast<MapCanvas *>(this)->find(id);
}

void MapCanvas::updateScaleLimits()
{
    const auto extent = fullExtent();
    if (!extent) {
        m_transform.setScaleLimits(0, 0);
        return;
    }
    // Zoomed in as far as the data span a million pixels: beyond that the rasteriser's
    // fixed-point coordinates overflow and nobody needs sub-centimetre county maps. Zoomed out
    // until the data are a few pixels wide. A single point still gets a sensible range.
    const double minimumSpan = m_mapCrs.isGeographic() ? 0.01 : 1000.0;
    const double span = std::max({extent->width(), extent->height(), minimumSpan});
    m_transform.setScaleLimits(span / 1.0e6, span / 4.0);
}

void MapCanvas::finishDrag()
{
    const bool moved = !m_dragOffset.isNull();
    if (m_dragging)
        updateCursor();
    m_pressed = false;
    m_dragging = false;
    if (!moved)
        return;
    m_transform.pan(m_dragOffset);
    m_dragOffset = QPointF();
    m_showingFullExtent = false;
    viewChanged();
}

void MapCanvas::viewChanged()
{
    invalidateCache();
    Q_EMIT transformChanged();
}

void MapCanvas::invalidateCache()
{
    m_cacheCurrent = false;
    update();
    if (m_renderWatcher.isRunning()) {
        // Started again with the newest state when the cancelled job has stopped.
        m_renderCancel->store(true);
        m_renderRestart = true;
        return;
    }
    startRender();
}

MapRenderRequest MapCanvas::renderRequest() const
{
    MapRenderRequest request;
    request.transform = m_transform;
    request.transform.setViewportSize(size());
    request.devicePixelRatio = devicePixelRatioF();
    request.background = m_background;
    for (const CanvasLayer &entry : m_layers) {
        if (entry.visible)
            request.layers.push_back(
                {entry.drawing, entry.classes, entry.selection, entry.symbology.opacity});
    }
    return request;
}

void MapCanvas::startRender()
{
    m_renderRestart = false;
    m_renderCancel = std::make_shared<std::atomic_bool>(false);
    m_renderingTransform = m_transform;
    m_renderingTransform.setViewportSize(size());
    m_renderWatcher.setFuture(
        QtConcurrent::run(&m_renderPool, [request = renderRequest(), cancel = m_renderCancel] {
            return renderMap(request, cancel.get());
        }));
}

void MapCanvas::renderDone()
{
    const bool restart = m_renderRestart || m_renderCancel->load();
    QImage image = m_renderWatcher.result();
    if (!image.isNull()) {
        m_cache = std::move(image);
        m_cacheTransform = m_renderingTransform;
    }
    if (restart) {
        startRender();
    } else {
        m_cacheCurrent = true;
        Q_EMIT renderFinished();
    }
    update();
}

void MapCanvas::updateCursor()
{
    setCursor(m_tool == Tool::Identify ? Qt::WhatsThisCursor : Qt::OpenHandCursor);
}

} // namespace riskatlas::desktop
