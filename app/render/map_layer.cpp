// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/map_layer.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/model/vector_layer.h"
#include "render/wkb_painter.h"

#include <QImage>
#include <QPainter>

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

int drawLayer(QPainter &painter, const MapLayer &layer, const MapTransform &transform,
              double factor)
{
    int drawn = 0;
    for (const auto &[style, renderable] : layer.buckets)
        drawn += renderLayer(painter, renderable, transform, scaled(style, factor));
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
        // A dense layer becomes one transparent image at print resolution: what the eye sees on
        // paper, at a fraction of the size of one vector path per building.
        const double pixelsPerUnit = options.imageDpi / options.pageUnitsPerInch;
        const QSize size(int(std::ceil(frame.width() * pixelsPerUnit)),
                         int(std::ceil(frame.height() * pixelsPerUnit)));
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        MapTransform imageTransform = transform;
        imageTransform.setScaleLimits(0, 0);
        imageTransform.setViewportSize(size);
        imageTransform.setScale(transform.scale() / pixelsPerUnit);
        {
            QPainter imagePainter(&image);
            imagePainter.setRenderHint(QPainter::Antialiasing);
            drawn += drawLayer(imagePainter, *layer, imageTransform, pixelsPerUnit);
        }
        painter.drawImage(QRectF(QPointF(0, 0), frame.size()), image);
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
