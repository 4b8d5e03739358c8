// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/layer_renderer.h"

#include "core/feedback.h"
#include "core/model/vector_layer.h"

#include <QPainter>

#include <algorithm>

namespace riskatlas::render {

namespace {

bool intersects(const geometry::Extent &a, const geometry::Extent &b)
{
    return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

} // namespace

RenderableLayer::RenderableLayer(const model::VectorLayer &layer, Feedback *feedback)
{
    const std::size_t total = layer.features.size();
    m_geometries.reserve(total);
    for (std::size_t i = 0; i < total; ++i) {
        if (feedback && i % 256 == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(i) / double(total));
        }
        const QByteArray &wkb = layer.features[i].wkb;
        if (wkb.isEmpty())
            continue;
        std::optional<DrawableGeometry> geometry = parseWkb(wkb);
        if (!geometry) {
            ++m_malformed;
            continue;
        }
        if (geometry->isEmpty())
            continue;
        if (m_extent)
            m_extent->include(geometry->bounds);
        else
            m_extent = geometry->bounds;
        m_geometries.push_back(std::move(*geometry));
    }
    m_geometries.shrink_to_fit();
    if (feedback)
        feedback->setProgress(100.0);
}

int renderLayer(QPainter &painter, const RenderableLayer &layer, const MapTransform &transform,
                const LayerStyle &style)
{
    if (!transform.isValid() || !layer.extent())
        return 0;
    // A feature just outside the view can still reach into it with half a symbol or an outline.
    const double reachPixels =
        std::max(style.pointSize / 2.0, std::max(style.strokeWidth, style.lineWidth)) + 1.0;
    geometry::Extent view = transform.visibleExtent();
    const double reachX = reachPixels * transform.scale();
    const double reachY = reachX / transform.yStretch();
    view = {view.minX - reachX, view.minY - reachY, view.maxX + reachX, view.maxY + reachY};
    if (!intersects(view, *layer.extent()))
        return 0;

    WkbPainter wkbPainter(painter, transform, style);
    int drawn = 0;
    for (const DrawableGeometry &geometry : layer.geometries()) {
        if (!intersects(view, geometry.bounds))
            continue;
        wkbPainter.draw(geometry);
        ++drawn;
    }
    return drawn;
}

int renderLayer(QPainter &painter, const model::VectorLayer &layer, const MapTransform &transform,
                const LayerStyle &style)
{
    return renderLayer(painter, RenderableLayer(layer), transform, style);
}

} // namespace riskatlas::render
