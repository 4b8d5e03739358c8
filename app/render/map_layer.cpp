// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/map_layer.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/model/vector_layer.h"
#include "render/wkb_painter.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>

namespace riskatlas::render {

namespace {

int fieldIndex(const model::VectorLayer &layer, const QString &name)
{
    for (qsizetype i = 0; i < layer.fields.size(); ++i) {
        if (layer.fields[i].name == name)
            return int(i);
    }
    return -1;
}

LayerStyle scaled(LayerStyle style, double factor)
{
    style.strokeWidth *= factor;
    style.lineWidth *= factor;
    style.pointSize *= factor;
    return style;
}

int roleOrder(LayerRole role)
{
    switch (role) {
    case LayerRole::Base:
        return 0;
    case LayerRole::Zones:
        return 1;
    case LayerRole::Dense:
        return 2;
    case LayerRole::Points:
        return 3;
    case LayerRole::Boundaries:
        return 5;
    }
    return 0;
}

// A world path as page coordinates for print: vertices rounded to 1/100 point (so that a PDF
// writes short, repetitive numbers), a vertex closer than `minStep` to the last one kept
// dropped (detail below the print resolution), and a ring or line whose box is smaller than
// `minStep` left out altogether.
QPainterPath toPagePath(const QPainterPath &world, const QTransform &toPage, double minStep)
{
    QPainterPath page;
    page.setFillRule(world.fillRule());
    auto round = [](const QPointF &p) {
        return QPointF(std::round(p.x() * 100.0) / 100.0, std::round(p.y() * 100.0) / 100.0);
    };
    QPolygonF part;
    auto flush = [&] {
        if (part.size() >= 2) {
            const QRectF box = part.boundingRect();
            if (box.width() >= minStep || box.height() >= minStep)
                page.addPolygon(part);
        }
        part.clear();
    };
    for (int i = 0; i < world.elementCount(); ++i) {
        const QPainterPath::Element element = world.elementAt(i);
        const QPointF p = round(toPage.map(QPointF(element.x, element.y)));
        if (element.isMoveTo()) {
            flush();
            part.append(p);
            continue;
        }
        const bool last = i + 1 == world.elementCount() || world.elementAt(i + 1).isMoveTo();
        const QPointF d = p - part.back();
        if (last || std::abs(d.x()) + std::abs(d.y()) >= minStep)
            part.append(p);
    }
    flush();
    return page;
}

bool intersects(const geometry::Extent &a, const geometry::Extent &b)
{
    return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

QPen printPen(const QColor &colour, double width)
{
    if (width <= 0 || colour.alpha() == 0)
        return QPen(Qt::NoPen);
    // Not cosmetic: widths are in page units and scale with the painter (a PNG page), and Qt's
    // PDF engine would outline a cosmetic stroke into a filled path, many times larger.
    QPen pen(colour, width);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

// Draws a layer as vectors for print (see toPagePath).
// Widths and sizes are page units (points); `factor` (device pixels per page unit) only widens
// the culling margin.
int drawLayer(QPainter &painter, const MapLayer &layer, const MapTransform &transform,
              double factor)
{
    constexpr double MinStepPoints = 0.25; // 0.09 mm: below what a printer resolves
    geometry::Extent view = transform.visibleExtent();
    const double reach = 10.0 * factor * transform.scale();
    view = {view.minX - reach, view.minY - reach, view.maxX + reach, view.maxY + reach};
    const QTransform toPage = transform.worldToDevice();
    const bool pdf = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Pdf;
    int drawn = 0;
    painter.save();
    for (const auto &[style, renderable] : layer.buckets) {
        if (!renderable.extent() || !intersects(view, *renderable.extent()))
            continue;
        const LayerStyle &symbol = style;
        // Without an outline, on an image a hairline in the fill's own colour closes the
        // antialiasing seams between neighbouring polygons of a zoning. Not in a PDF: there
        // Qt writes such strokes as outlined paths (the sample grew from 3.6 to 9.9 MB), and
        // printers do not antialias.
        const QPen outline = symbol.stroke.alpha() == 0 || symbol.strokeWidth <= 0
                                 ? (pdf ? QPen(Qt::NoPen) : printPen(symbol.fill, 0.3))
                                 : printPen(symbol.stroke, symbol.strokeWidth);
        const QPen line = printPen(symbol.stroke, symbol.lineWidth);
        QPainterPath areas;
        areas.setFillRule(Qt::OddEvenFill);
        QPainterPath lines;
        std::vector<QPointF> points;
        for (const DrawableGeometry &geometry : renderable.geometries()) {
            if (!intersects(view, geometry.bounds))
                continue;
            ++drawn;
            if (!geometry.areas.isEmpty()) {
                // One path per feature keeps holes (odd-even) apart from neighbours' rings.
                const QPainterPath page = toPagePath(geometry.areas, toPage, MinStepPoints);
                if (!page.isEmpty()) {
                    painter.setPen(outline);
                    painter.setBrush(symbol.fill);
                    painter.drawPath(page);
                }
            }
            if (!geometry.lines.isEmpty())
                lines.addPath(toPagePath(geometry.lines, toPage, MinStepPoints));
            for (const QPointF &point : geometry.points)
                points.push_back(toPage.map(point));
        }
        if (!lines.isEmpty()) {
            painter.setPen(line);
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(lines);
        }
        painter.setPen(outline);
        painter.setBrush(symbol.fill);
        // Point symbols are placed in page units, which the painter scales itself.
        const double radius = style.pointSize / 2.0;
        for (const QPointF &point : points)
            painter.drawEllipse(point, radius, radius);
    }
    painter.restore();
    return drawn;
}

} // namespace

std::vector<LegendEntry> MapLayer::legend() const
{
    return style.legend(title, levelsUsed, isPoint, isLine);
}

QPointF labelPoint(const QPainterPath &areas)
{
    const QRectF box = areas.boundingRect();
    constexpr int N = 15;
    std::vector<QPointF> inside;
    std::vector<QPointF> outside;
    for (int i = 0; i < N; ++i) {
        for (int j = 0; j < N; ++j) {
            const QPointF p(box.left() + box.width() * (i + 0.5) / N,
                            box.top() + box.height() * (j + 0.5) / N);
            (areas.contains(p) ? inside : outside).push_back(p);
        }
    }
    if (inside.empty())
        return box.center();
    // The box's edges count as outside too, so a convex shape labels at its middle.
    QPointF best = inside.front();
    double bestDistance = -1;
    for (const QPointF &p : inside) {
        double d = std::min(
            {p.x() - box.left(), box.right() - p.x(), p.y() - box.top(), box.bottom() - p.y()});
        for (const QPointF &q : outside)
            d = std::min(d, std::hypot(p.x() - q.x(), p.y() - q.y()));
        if (d > bestDistance) {
            bestDistance = d;
            best = p;
        }
    }
    return best;
}

MapLayer buildMapLayer(const model::VectorLayer &layer, const QString &id, const QString &title,
                       LayerRole role, const FeatureStyle &style, const QString &labelField,
                       double labelSizePt, bool asImage, Feedback *feedback)
{
    MapLayer result;
    result.id = id;
    result.title = title;
    result.role = role;
    result.style = style;
    result.asImage = asImage;
    result.labelSizePt = labelSizePt;
    const int styleField =
        style.kind == FeatureStyle::Kind::Single ? -1 : fieldIndex(layer, style.field);
    if (style.kind != FeatureStyle::Kind::Single && styleField < 0)
        throw InputError(
            {layer.sourcePath, layer.name},
            QStringLiteral("the style's field \"%1\" is not in the layer").arg(style.field));
    const int labelIndex = labelField.isEmpty() ? -1 : fieldIndex(layer, labelField);
    if (!labelField.isEmpty() && labelIndex < 0)
        throw InputError(
            {layer.sourcePath, layer.name},
            QStringLiteral("the label field \"%1\" is not in the layer").arg(labelField));

    // Features are grouped by the symbol they get, so each group is drawn with one style.
    std::vector<LayerStyle> styles;
    std::vector<model::VectorLayer> groups;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        if (feedback && i % 1024 == 0)
            feedback->throwIfCanceled();
        const model::Feature &feature = layer.features[i];
        const LayerStyle symbol = style.styleFor(feature.attributes, styleField);
        auto it = std::find(styles.begin(), styles.end(), symbol);
        std::size_t g = std::size_t(it - styles.begin());
        if (it == styles.end()) {
            styles.push_back(symbol);
            model::VectorLayer group;
            group.crs = layer.crs;
            group.geometryType = layer.geometryType;
            groups.push_back(std::move(group));
        }
        groups[g].features.push_back(feature);
        if (styleField >= 0) {
            bool ok = false;
            const int level = feature.attributes.value(styleField).toInt(&ok);
            if (ok && !result.levelsUsed.contains(level))
                result.levelsUsed.append(level);
        }
        if (labelIndex >= 0 && !feature.wkb.isEmpty()) {
            const QString text = feature.attributes.value(labelIndex).toString().trimmed();
            const std::optional<DrawableGeometry> geometry = parseWkb(feature.wkb);
            if (!text.isEmpty() && geometry && !geometry->isEmpty()) {
                if (!geometry->areas.isEmpty())
                    result.labels.push_back({labelPoint(geometry->areas), text, false});
                else if (!geometry->points.isEmpty())
                    result.labels.push_back({geometry->points.front(), text, true});
                else
                    result.labels.push_back({geometry->lines.pointAtPercent(0.5), text, false});
            }
        }
    }
    std::sort(result.levelsUsed.begin(), result.levelsUsed.end());
    for (std::size_t g = 0; g < groups.size(); ++g) {
        RenderableLayer renderable(groups[g], feedback);
        for (const DrawableGeometry &geometry : renderable.geometries()) {
            result.isPoint = result.isPoint || !geometry.points.isEmpty();
            result.isLine = result.isLine || !geometry.lines.isEmpty();
        }
        result.buckets.emplace_back(styles[g], std::move(renderable));
    }
    if (role == LayerRole::Boundaries)
        result.isLine = true;
    return result;
}

int renderMap(QPainter &painter, const QRectF &frame, const MapTransform &transform,
              const std::vector<const MapLayer *> &layers, const MapRenderOptions &options,
              LabelPlacer *labels)
{
    std::vector<const MapLayer *> ordered = layers;
    std::stable_sort(ordered.begin(), ordered.end(), [](const MapLayer *a, const MapLayer *b) {
        return roleOrder(a->role) < roleOrder(b->role);
    });
    painter.save();
    painter.setClipRect(frame);
    painter.translate(frame.topLeft());
    painter.setRenderHint(QPainter::Antialiasing);
    int drawn = 0;
    bool masked = false;
    auto drawMask = [&] {
        if (masked || !options.focus)
            return;
        masked = true;
        // The frame and the unit in one odd-even path: everything but the unit is filled.
        QPainterPath mask;
        mask.setFillRule(Qt::OddEvenFill);
        mask.addPath(transform.worldToDevice().map(*options.focus));
        mask.addRect(QRectF(QPointF(0, 0), frame.size()).adjusted(-2, -2, 2, 2));
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(235, 235, 235, 190));
        painter.drawPath(mask);
    };
    for (const MapLayer *layer : ordered) {
        if (layer->role == LayerRole::Boundaries)
            drawMask();
        if (!layer->asImage) {
            drawn += drawLayer(painter, *layer, transform, options.lineScale);
            continue;
        }
        // A dense layer becomes one image at print resolution: what the eye sees on paper, at
        // a fraction of the size of one vector path per building. Drawn without antialiasing,
        // every dot is either clear or opaque, so a PDF stores the transparency as a 1-bit mask;
        // the clear dots carry the layer's colour (the image is not premultiplied), so for a
        // one-colour layer the colour plane is uniform and compresses to almost nothing.
        // Sharp edges one print dot wide are invisible on paper.
        const double pixelsPerUnit = options.imageDpi / options.pageUnitsPerInch;
        const QSize size(int(std::ceil(frame.width() * pixelsPerUnit)),
                         int(std::ceil(frame.height() * pixelsPerUnit)));
        QImage image(size, QImage::Format_ARGB32);
        QColor clear =
            layer->buckets.empty() ? QColor(Qt::black) : layer->buckets.front().first.fill;
        clear.setAlpha(0);
        image.fill(clear);
        MapTransform imageTransform = transform;
        imageTransform.setScaleLimits(0, 0);
        imageTransform.setViewportSize(size);
        imageTransform.setScale(transform.scale() / pixelsPerUnit);
        double opacity = 1.0;
        {
            QPainter imagePainter(&image);
            imagePainter.setRenderHint(QPainter::Antialiasing, false);
            for (const auto &[style, renderable] : layer->buckets) {
                // Opaque dots; the fill's own alpha becomes the opacity of the whole image.
                LayerStyle solid = scaled(style, pixelsPerUnit);
                opacity = std::min(opacity, double(solid.fill.alphaF()));
                solid.fill.setAlpha(255);
                solid.stroke.setAlpha(solid.stroke.alpha() > 0 ? 255 : 0);
                drawn += renderLayer(imagePainter, renderable, imageTransform, solid);
            }
        }
        painter.save();
        painter.setOpacity(opacity);
        painter.drawImage(QRectF(QPointF(0, 0), frame.size()), image);
        painter.restore();
    }
    drawMask();
    painter.restore();

    if (labels) {
        // Boundaries (the units' names) before points: the names of the units matter most.
        for (auto it = ordered.rbegin(); it != ordered.rend(); ++it) {
            const MapLayer *layer = *it;
            if (layer->labelSizePt <= 0)
                continue;
            QFont font = options.labelFont;
            font.setPointSizeF(layer->labelSizePt);
            const double gap = layer->isPoint ? 0.5 * layer->style.base.pointSize : 0.0;
            for (const LabelAnchor &anchor : layer->labels) {
                const QPointF device = frame.topLeft() + transform.toDevice(anchor.world);
                if (!frame.contains(device))
                    continue;
                if (options.focus && anchor.isPoint && !options.focus->contains(anchor.world))
                    continue;
                if (!options.omitLabel.isEmpty() && anchor.text == options.omitLabel)
                    continue;
                labels->add(anchor.text, device, font, QColor(30, 30, 30), gap, !anchor.isPoint);
            }
        }
    }
    return drawn;
}

} // namespace riskatlas::render
