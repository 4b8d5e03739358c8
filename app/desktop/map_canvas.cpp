// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/map_canvas.h"

#include "core/model/vector_layer.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace riskatlas::desktop {

namespace {

constexpr double ZoomStep = 1.5;       // keyboard and toolbar zoom factor
constexpr double WheelStepZoom = 1.25; // per wheel notch (120 eighths of a degree)
constexpr double ArrowPanFraction = 0.125;

} // namespace

MapCanvas::MapCanvas(QWidget *parent)
    : QWidget(parent)
    , m_background(QColor(250, 250, 246))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
    setMinimumSize(200, 150);
    m_transform.setViewportSize(size());
}

MapCanvas::~MapCanvas() = default;

int MapCanvas::addLayer(std::shared_ptr<const model::VectorLayer> layer,
                        render::RenderableLayer renderable, const render::LayerStyle &style)
{
    const bool first = m_layers.empty();
    CanvasLayer entry;
    entry.id = m_nextId++;
    entry.layer = std::move(layer);
    entry.renderable = std::move(renderable);
    entry.style = style;
    if (first) {
        m_mapCrs = entry.layer ? entry.layer->crs : crs::Crs();
        double stretch = 1.0;
        if (m_mapCrs.isGeographic() && entry.renderable.extent()) {
            const geometry::Extent &extent = *entry.renderable.extent();
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

std::shared_ptr<const model::VectorLayer> MapCanvas::layer(int id) const
{
    const CanvasLayer *entry = find(id);
    return entry ? entry->layer : nullptr;
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
    if (CanvasLayer *entry = find(id)) {
        entry->style = style;
        invalidateCache();
    }
}

render::LayerStyle MapCanvas::layerStyle(int id) const
{
    const CanvasLayer *entry = find(id);
    return entry ? entry->style : render::LayerStyle();
}

std::optional<geometry::Extent> MapCanvas::fullExtent() const
{
    std::optional<geometry::Extent> extent;
    for (const CanvasLayer &entry : m_layers) {
        if (!entry.renderable.extent())
            continue;
        if (extent)
            extent->include(*entry.renderable.extent());
        else
            extent = entry.renderable.extent();
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

void MapCanvas::zoomToFullExtent()
{
    finishDrag();
    m_showingFullExtent = true;
    m_transform.setViewportSize(size());
    if (const auto extent = fullExtent())
        m_transform.zoomToExtent(*extent);
    viewChanged();
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
    if (!m_cacheValid)
        renderCache();
    QPainter painter(this);
    if (!m_dragOffset.isNull())
        painter.fillRect(rect(), m_background);
    painter.drawImage(m_dragOffset, m_cache);
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
    m_dragging = true;
    m_dragStart = event->position();
    m_dragOffset = QPointF();
    setCursor(Qt::ClosedHandCursor);
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        m_dragOffset = event->position() - m_dragStart;
        update();
    }
    // While dragging, the point under the pointer is the one grabbed at the start.
    Q_EMIT pointerMoved(m_transform.toWorld(event->position() - m_dragOffset));
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_dragging) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_dragOffset = event->position() - m_dragStart;
    finishDrag();
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
        setCursor(Qt::OpenHandCursor);
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
    m_cacheValid = false;
    update();
}

void MapCanvas::renderCache()
{
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * ratio).toSize().expandedTo(QSize(1, 1));
    if (m_cache.size() != pixels)
        m_cache = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    m_cache.setDevicePixelRatio(ratio);
    m_cache.fill(m_background);

    QPainter painter(&m_cache);
    painter.setRenderHint(QPainter::Antialiasing);
    for (const CanvasLayer &entry : m_layers) {
        if (entry.visible)
            render::renderLayer(painter, entry.renderable, m_transform, entry.style);
    }
    if (m_layers.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Open a layer with File ▸ Open layer…, or drop files here."));
    }
    m_cacheValid = true;
}

} // namespace riskatlas::desktop
