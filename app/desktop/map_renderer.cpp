// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/map_renderer.h"

#include "desktop/layer_drawing.h"
#include "desktop/layer_symbology.h"
#include "render/wkb_painter.h"

#include <QPainter>

#include <algorithm>

namespace riskatlas::desktop {

namespace {

constexpr int CancelCheckInterval = 512;
constexpr double SubPixelSize = 1.0; // device pixels

bool cancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// The view widened by what a symbol or outline can reach beyond a geometry's box.
geometry::Extent cullingExtent(const render::MapTransform &transform,
                               const render::LayerStyle &style)
{
    const double reachPixels =
        std::max(style.pointSize / 2.0, std::max(style.strokeWidth, style.lineWidth)) + 1.0;
    const geometry::Extent view = transform.visibleExtent();
    const double reachX = reachPixels * transform.scale();
    const double reachY = reachX / transform.yStretch();
    return {view.minX - reachX, view.minY - reachY, view.maxX + reachX, view.maxY + reachY};
}

bool drawGeometries(QPainter &painter, const render::MapTransform &transform,
                    const LayerDrawing &drawing, const render::LayerStyle &style,
                    const std::vector<int> &geometries, const std::atomic_bool *cancel)
{
    const geometry::Extent view = cullingExtent(transform, style);
    // A polygon smaller than a pixel (a building seen at county scale) costs a path fill yet
    // shows as one dot: it is drawn as that dot, which makes a county of 200 000 buildings
    // several times faster to draw. Points and lines keep their symbols.
    const double dotX = SubPixelSize * transform.scale();
    const double dotY = dotX / transform.yStretch();
    QList<QPointF> dots;
    {
        render::WkbPainter wkbPainter(painter, transform, style);
        for (std::size_t i = 0; i < geometries.size(); ++i) {
            if (i % CancelCheckInterval == 0 && cancelled(cancel))
                return false;
            const render::DrawableGeometry &geometry =
                drawing.geometries[std::size_t(geometries[i])];
            if (!extentsIntersect(view, geometry.bounds))
                continue;
            const bool tiny = geometry.bounds.width() < dotX && geometry.bounds.height() < dotY &&
                              geometry.lines.isEmpty() && geometry.points.isEmpty();
            if (tiny) {
                dots.append(transform.toDevice(
                    QPointF((geometry.bounds.minX + geometry.bounds.maxX) / 2.0,
                            (geometry.bounds.minY + geometry.bounds.maxY) / 2.0)));
            } else {
                wkbPainter.draw(geometry);
            }
        }
    }
    if (!dots.isEmpty()) {
        painter.save();
        // The outline dominates a polygon this small; fall back to the fill without one.
        QColor colour = style.strokeWidth > 0 ? style.stroke : style.fill;
        if (colour.alpha() == 0)
            colour = style.fill;
        painter.setPen(QPen(colour, 1.0, Qt::SolidLine, Qt::SquareCap));
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.drawPoints(dots.constData(), int(dots.size()));
        painter.restore();
    }
    return true;
}

bool drawLayer(QPainter &painter, const render::MapTransform &transform,
               const MapRenderLayer &layer, const std::atomic_bool *cancel)
{
    if (!layer.drawing || !layer.classes || !layer.drawing->extent)
        return true;
    const geometry::Extent view = transform.visibleExtent();
    const geometry::Extent &extent = *layer.drawing->extent;
    // Generous: symbols reach out of the extent by a few pixels.
    const double slack = 20 * transform.scale();
    if (!extentsIntersect(
            {view.minX - slack, view.minY - slack, view.maxX + slack, view.maxY + slack}, extent))
        return true;
    for (const SymbolClass &symbolClass : *layer.classes) {
        if (!drawGeometries(painter, transform, *layer.drawing, symbolClass.style,
                            symbolClass.geometries, cancel))
            return false;
    }
    return true;
}

bool drawSelection(QPainter &painter, const render::MapTransform &transform,
                   const MapRenderLayer &layer, const std::atomic_bool *cancel)
{
    if (!layer.selection || layer.selection->empty() || !layer.drawing)
        return true;
    std::vector<int> geometries;
    geometries.reserve(layer.selection->size());
    for (int feature : *layer.selection) {
        const int index = layer.drawing->geometryOf(feature);
        if (index >= 0)
            geometries.push_back(index);
    }
    render::LayerStyle style;
    style.fill = selectionFill();
    style.stroke = selectionStroke();
    style.strokeWidth = 2.5;
    style.lineWidth = 3.5;
    style.pointSize = 12.0;
    return drawGeometries(painter, transform, *layer.drawing, style, geometries, cancel);
}

} // namespace

QImage renderMap(const MapRenderRequest &request, const std::atomic_bool *cancel)
{
    const QSize pixels = (QSizeF(request.transform.viewportSize()) * request.devicePixelRatio)
                             .toSize()
                             .expandedTo(QSize(1, 1));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(request.devicePixelRatio);
    image.fill(request.background);
    if (cancelled(cancel))
        return {};
    if (!request.transform.isValid())
        return image;

    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (const MapRenderLayer &layer : request.layers) {
        if (cancelled(cancel))
            return {};
        if (layer.opacity >= 0.999) {
            if (!drawLayer(painter, request.transform, layer, cancel))
                return {};
            continue;
        }
        // A translucent layer is drawn whole and then blended, so its own overlapping
        // outlines and fills do not show through each other.
        QImage layerImage(pixels, QImage::Format_ARGB32_Premultiplied);
        layerImage.setDevicePixelRatio(request.devicePixelRatio);
        layerImage.fill(Qt::transparent);
        {
            QPainter layerPainter(&layerImage);
            layerPainter.setRenderHint(QPainter::Antialiasing);
            if (!drawLayer(layerPainter, request.transform, layer, cancel))
                return {};
        }
        painter.setOpacity(std::clamp(layer.opacity, 0.0, 1.0));
        painter.drawImage(QPointF(0, 0), layerImage);
        painter.setOpacity(1.0);
    }
    for (const MapRenderLayer &layer : request.layers) {
        if (!drawSelection(painter, request.transform, layer, cancel))
            return {};
    }
    return image;
}

QColor selectionFill()
{
    return QColor(255, 255, 0, 120);
}

QColor selectionStroke()
{
    return QColor(255, 215, 0);
}

} // namespace riskatlas::desktop
