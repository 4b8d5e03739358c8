// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/map_layer.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/model/vector_layer.h"
#include "render/pdf_mask_splice.h"
#include "render/wkb_painter.h"

#include <QImage>
#include <QPaintEngine>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

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

// Sutherland–Hodgman: a ring clipped to the rectangle `clip`. Inside `clip` the clipped ring
// covers exactly what the ring did, so rings clipped one by one keep the odd-even fill of their
// path there; the edges it adds run along `clip`, which the caller keeps outside the visible
// frame. A large zone polygon reaching into a page then costs the page only its visible part.
QPolygonF clipRing(const QPolygonF &ring, const QRectF &clip)
{
    QPolygonF current = ring;
    QPolygonF next;
    for (int edge = 0; edge < 4 && !current.isEmpty(); ++edge) {
        auto inside = [&](const QPointF &p) {
            switch (edge) {
            case 0:
                return p.x() >= clip.left();
            case 1:
                return p.x() <= clip.right();
            case 2:
                return p.y() >= clip.top();
            default:
                return p.y() <= clip.bottom();
            }
        };
        auto crossing = [&](const QPointF &a, const QPointF &b) {
            const bool vertical = edge < 2;
            const double bound = edge == 0   ? clip.left()
                                 : edge == 1 ? clip.right()
                                 : edge == 2 ? clip.top()
                                             : clip.bottom();
            const double t =
                vertical ? (bound - a.x()) / (b.x() - a.x()) : (bound - a.y()) / (b.y() - a.y());
            return vertical ? QPointF(bound, a.y() + t * (b.y() - a.y()))
                            : QPointF(a.x() + t * (b.x() - a.x()), bound);
        };
        next.clear();
        for (qsizetype i = 0; i < current.size(); ++i) {
            const QPointF &a = current[i];
            const QPointF &b = current[(i + 1) % current.size()];
            const bool aIn = inside(a);
            const bool bIn = inside(b);
            if (aIn)
                next.append(a);
            if (aIn != bIn)
                next.append(crossing(a, b));
        }
        std::swap(current, next);
    }
    return current;
}

// Douglas–Peucker: the vertices of `line` that keep it within `tolerance` of the original. A
// zone's border digitised every few metres has many vertices on a nearly straight line at the
// page's scale; a deviation of half the thinning step (0.125 pt, 0.04 mm) is invisible in
// print. Neighbouring zones simplified apart can part by up to twice that, below one 300 dpi dot.
QPolygonF simplify(const QPolygonF &line, double tolerance)
{
    if (line.size() <= 3)
        return line;
    std::vector<bool> keep(std::size_t(line.size()), false);
    keep.front() = keep.back() = true;
    std::vector<std::pair<qsizetype, qsizetype>> spans = {{0, line.size() - 1}};
    const double squared = tolerance * tolerance;
    while (!spans.empty()) {
        const auto [first, last] = spans.back();
        spans.pop_back();
        const QPointF a = line[first];
        const QPointF d = line[last] - a;
        const double length2 = d.x() * d.x() + d.y() * d.y();
        double worst = -1;
        qsizetype worstIndex = -1;
        for (qsizetype i = first + 1; i < last; ++i) {
            const QPointF v = line[i] - a;
            double distance2 = 0;
            if (length2 == 0) {
                distance2 = v.x() * v.x() + v.y() * v.y();
            } else {
                const double cross = v.x() * d.y() - v.y() * d.x();
                distance2 = cross * cross / length2;
            }
            if (distance2 > worst) {
                worst = distance2;
                worstIndex = i;
            }
        }
        if (worstIndex >= 0 && worst > squared) {
            keep[std::size_t(worstIndex)] = true;
            spans.push_back({first, worstIndex});
            spans.push_back({worstIndex, last});
        }
    }
    QPolygonF result;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (keep[std::size_t(i)])
            result.append(line[i]);
    }
    return result;
}

// A world path as page coordinates for print: polygon rings clipped to `clip` (page units; an
// empty rectangle clips nothing), vertices rounded to 1/100 point (so that a PDF writes short,
// repetitive numbers), a vertex closer than `minStep` to the last one kept dropped (detail below
// the print resolution), simplified within half of `minStep` (see simplify()), and a ring or line
// whose box is smaller than `minStep` left out altogether.
QPainterPath toPagePath(const QPainterPath &world, const QTransform &toPage, double minStep,
                        const QRectF &clip, bool closed)
{
    QPainterPath page;
    page.setFillRule(world.fillRule());
    auto round = [](const QPointF &p) {
        return QPointF(std::round(p.x() * 100.0) / 100.0, std::round(p.y() * 100.0) / 100.0);
    };
    QPolygonF part;
    auto flush = [&] {
        if (part.size() >= 2) {
            QRectF box = part.boundingRect();
            if (closed && !clip.isEmpty() && !clip.contains(box)) {
                if (!box.intersects(clip)) {
                    part.clear();
                    return;
                }
                part = clipRing(part, clip);
                box = part.boundingRect();
            }
            QPolygonF thinned;
            thinned.reserve(part.size());
            for (qsizetype i = 0; i < part.size(); ++i) {
                const QPointF p = round(part[i]);
                if (thinned.isEmpty() || i + 1 == part.size()) {
                    thinned.append(p);
                    continue;
                }
                const QPointF d = p - thinned.back();
                if (std::abs(d.x()) + std::abs(d.y()) >= minStep)
                    thinned.append(p);
            }
            if (thinned.size() >= 2 && (box.width() >= minStep || box.height() >= minStep))
                page.addPolygon(simplify(thinned, minStep / 2));
        }
        part.clear();
    };
    for (int i = 0; i < world.elementCount(); ++i) {
        const QPainterPath::Element element = world.elementAt(i);
        if (element.isMoveTo())
            flush();
        part.append(toPage.map(QPointF(element.x, element.y)));
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

// Draws the geometries of `layer` in the view of `transform` like renderLayer(), but each from
// a copy of its vertices. Qt keeps the rasteriser's form of a QPainterPath in the path's shared
// data, made on its first fill; filling copies instead lets several threads rasterise the same
// layer at once.
int fillCopies(QPainter &painter, const RenderableLayer &layer, const MapTransform &transform,
               const LayerStyle &style)
{
    if (!transform.isValid() || !layer.extent())
        return 0;
    const double reach =
        (std::max(style.pointSize / 2.0, std::max(style.strokeWidth, style.lineWidth)) + 1.0) *
        transform.scale();
    geometry::Extent view = transform.visibleExtent();
    view = {view.minX - reach, view.minY - reach, view.maxX + reach, view.maxY + reach};
    if (!intersects(view, *layer.extent()))
        return 0;
    auto cosmetic = [](const QColor &colour, double width) {
        if (width <= 0 || colour.alpha() == 0)
            return QPen(Qt::NoPen);
        QPen pen(colour, width);
        pen.setCosmetic(true);
        return pen;
    };
    const QPen outline = cosmetic(style.stroke, style.strokeWidth);
    const QPen line = cosmetic(style.stroke, style.lineWidth);
    const QTransform toDevice = transform.worldToDevice();
    painter.save();
    painter.setWorldTransform(toDevice);
    int drawn = 0;
    QPolygonF ring;
    auto copy = [&](const QPainterPath &path, bool closed) {
        // One ring (a building) as a polygon; several as a path built here.
        int moves = 0;
        for (int i = 0; i < path.elementCount() && moves < 2; ++i)
            moves += path.elementAt(i).isMoveTo() ? 1 : 0;
        if (moves == 1 && closed) {
            ring.clear();
            for (int i = 0; i < path.elementCount(); ++i) {
                const QPainterPath::Element e = path.elementAt(i);
                ring.append(QPointF(e.x, e.y));
            }
            painter.drawPolygon(ring, Qt::OddEvenFill);
            return;
        }
        QPainterPath local;
        local.setFillRule(path.fillRule());
        for (int i = 0; i < path.elementCount(); ++i) {
            const QPainterPath::Element e = path.elementAt(i);
            if (e.isMoveTo())
                local.moveTo(e.x, e.y);
            else
                local.lineTo(e.x, e.y);
        }
        painter.drawPath(local);
    };
    for (const DrawableGeometry &geometry : layer.geometries()) {
        if (!intersects(view, geometry.bounds))
            continue;
        ++drawn;
        if (!geometry.areas.isEmpty()) {
            painter.setPen(outline);
            painter.setBrush(style.fill);
            copy(geometry.areas, true);
        }
        if (!geometry.lines.isEmpty()) {
            painter.setPen(line);
            painter.setBrush(Qt::NoBrush);
            copy(geometry.lines, false);
        }
        if (!geometry.points.isEmpty()) {
            painter.setWorldTransform(QTransform());
            painter.setPen(outline);
            painter.setBrush(style.fill);
            for (const QPointF &point : geometry.points)
                painter.drawEllipse(toDevice.map(point), style.pointSize / 2, style.pointSize / 2);
            painter.setWorldTransform(toDevice);
        }
    }
    painter.restore();
    return drawn;
}

// Draws a layer as vectors for print (see toPagePath).
// Widths and sizes are page units (points); `factor` (device pixels per page unit) only widens
// the culling margin.
int drawLayer(QPainter &painter, const MapLayer &layer, const MapTransform &transform,
              const QPointF &origin, double factor)
{
    constexpr double MinStepPoints = 0.25; // 0.09 mm: below what a printer resolves
    geometry::Extent view = transform.visibleExtent();
    const double reach = 10.0 * factor * transform.scale();
    view = {view.minX - reach, view.minY - reach, view.maxX + reach, view.maxY + reach};
    // Page coordinates, not frame coordinates: the frame's offset (34.0157480 pt) would
    // otherwise undo the rounding to 1/100 pt in every number the PDF writes.
    const QTransform toPage =
        transform.worldToDevice() * QTransform::fromTranslate(origin.x(), origin.y());
    // Rings are clipped a little outside the frame: the added edges and the outlines along
    // them stay under the frame's clip.
    const QRectF clip = QRectF(origin, QSizeF(transform.viewportSize()))
                            .adjusted(-10 * factor, -10 * factor, 10 * factor, 10 * factor);
    const bool pdf = painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Pdf;
    int drawn = 0;
    painter.save();
    painter.translate(-origin);
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
                const QPainterPath page =
                    toPagePath(geometry.areas, toPage, MinStepPoints, clip, true);
                if (!page.isEmpty()) {
                    painter.setPen(outline);
                    painter.setBrush(symbol.fill);
                    painter.drawPath(page);
                }
            }
            if (!geometry.lines.isEmpty())
                lines.addPath(toPagePath(geometry.lines, toPage, MinStepPoints, clip, false));
            for (const QPointF &point : geometry.points) {
                const QPointF p = toPage.map(point);
                points.push_back(
                    QPointF(std::round(p.x() * 100.0) / 100.0, std::round(p.y() * 100.0) / 100.0));
            }
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

QList<int> MapLayer::levelsIn(const geometry::Extent &view) const
{
    const QRectF rect(QPointF(view.minX, view.minY), QPointF(view.maxX, view.maxY));
    QList<int> levels;
    for (std::size_t b = 0; b < buckets.size() && b < bucketLevels.size(); ++b) {
        const RenderableLayer &renderable = buckets[b].second;
        if (!renderable.extent() || !intersects(view, *renderable.extent()))
            continue;
        bool shown = false;
        for (const DrawableGeometry &geometry : renderable.geometries()) {
            if (!intersects(view, geometry.bounds))
                continue;
            // A dissolved zoning is a few polygons as large as the county: their boxes meet
            // every page, their areas do not.
            shown = (!geometry.areas.isEmpty() && geometry.areas.intersects(rect)) ||
                    (!geometry.lines.isEmpty() && geometry.lines.intersects(rect)) ||
                    std::any_of(geometry.points.begin(), geometry.points.end(),
                                [&](const QPointF &p) { return rect.contains(p); });
            if (shown)
                break;
        }
        if (!shown)
            continue;
        for (int level : bucketLevels[b]) {
            if (!levels.contains(level))
                levels.append(level);
        }
    }
    std::sort(levels.begin(), levels.end());
    return levels;
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
    std::vector<QList<int>> groupLevels;
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
            groupLevels.emplace_back();
        }
        groups[g].features.push_back(feature);
        if (styleField >= 0) {
            bool ok = false;
            const int level = feature.attributes.value(styleField).toInt(&ok);
            if (ok && !result.levelsUsed.contains(level))
                result.levelsUsed.append(level);
            if (ok && !groupLevels[g].contains(level))
                groupLevels[g].append(level);
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
            // QPainterPath computes its box on first use and caches it in the shared data;
            // done here, on one thread, later calls from a page painter and the rasterising
            // thread only read it.
            geometry.areas.controlPointRect();
            geometry.lines.controlPointRect();
        }
        result.buckets.emplace_back(styles[g], std::move(renderable));
        result.bucketLevels.push_back(groupLevels[g]);
    }
    if (role == LayerRole::Boundaries)
        result.isLine = true;
    return result;
}

DenseImage rasteriseDenseLayer(const MapLayer &layer, const MapTransform &transform,
                               const QSizeF &frameSize, double imageDpi, double pageUnitsPerInch)
{
    // A dense layer becomes an image at print resolution: what the eye sees on paper, at a
    // fraction of the size of one vector path per building. Drawn without antialiasing, every
    // dot is either clear or painted, one bit, which the PDF keeps as a stencil mask in the
    // layer's colour. Sharp edges one print dot wide are invisible on paper.
    DenseImage result;
    result.layerId = layer.id;
    result.pixelsPerUnit = imageDpi / pageUnitsPerInch;
    const QSize size(int(std::ceil(frameSize.width() * result.pixelsPerUnit)),
                     int(std::ceil(frameSize.height() * result.pixelsPerUnit)));
    if (size.isEmpty())
        return result;
    // Coverage only, one byte per dot: a quarter of the memory (and page faults) of ARGB32.
    QImage image(size, QImage::Format_Alpha8);
    image.fill(0);
    QColor clear = layer.buckets.empty() ? QColor(Qt::black) : layer.buckets.front().first.fill;
    clear.setAlpha(0);
    MapTransform imageTransform = transform;
    imageTransform.setScaleLimits(0, 0);
    imageTransform.setViewportSize(size);
    imageTransform.setScale(transform.scale() / result.pixelsPerUnit);
    {
        QPainter imagePainter(&image);
        imagePainter.setRenderHint(QPainter::Antialiasing, false);
        for (const auto &[style, renderable] : layer.buckets) {
            // Opaque dots; the fill's own alpha becomes the opacity of the whole image.
            LayerStyle solid = scaled(style, result.pixelsPerUnit);
            result.opacity = std::min(result.opacity, double(solid.fill.alphaF()));
            solid.fill.setAlpha(255);
            solid.stroke.setAlpha(solid.stroke.alpha() > 0 ? 255 : 0);
            result.drawn += fillCopies(imagePainter, renderable, imageTransform, solid);
        }
    }

    // Only the tiles with something drawn are kept (a run of them in a row as one image): the
    // PDF writer compresses every pixel it is given, and most of a rural page is empty. Each is
    // one bit per dot (see DenseImage).
    QColor opaque = clear;
    opaque.setAlpha(255);
    result.colour = opaque;
    const QList<QRgb> colours = {opaque.rgba(), qRgba(0, 0, 0, 0)};
    const int tile = DenseImage::TileSize;
    const int columns = (size.width() + tile - 1) / tile;
    for (int y = 0; y < size.height(); y += tile) {
        const int h = std::min(tile, size.height() - y);
        std::vector<bool> used(std::size_t(columns), false);
        for (int row = y; row < y + h; ++row) {
            const uchar *line = image.constScanLine(row);
            for (int c = 0; c < columns; ++c) {
                if (used[std::size_t(c)])
                    continue;
                // Eight dots at a time: most of a page is empty.
                const int from = c * tile;
                const int to = std::min((c + 1) * tile, size.width());
                int x = from;
                quint64 any = 0;
                for (; x + 8 <= to; x += 8) {
                    quint64 word;
                    std::memcpy(&word, line + x, sizeof word);
                    any |= word;
                }
                for (; x < to; ++x)
                    any |= line[x];
                used[std::size_t(c)] = any != 0;
            }
        }
        for (int c = 0; c < columns;) {
            if (!used[std::size_t(c)]) {
                ++c;
                continue;
            }
            int end = c;
            while (end < columns && used[std::size_t(end)])
                ++end;
            const QRect rect(c * tile, y, std::min(end * tile, size.width()) - c * tile, h);
            QImage bits(rect.size(), QImage::Format_Mono);
            bits.setColorTable(colours);
            bits.fill(1);
            for (int row = 0; row < rect.height(); ++row) {
                const uchar *line = image.constScanLine(rect.y() + row) + rect.x();
                uchar *out = bits.scanLine(row);
                // Eight dots into one byte, most significant bit first; a set bit is clear.
                const int whole = rect.width() / 8;
                for (int b = 0; b < whole; ++b) {
                    const uchar *dots = line + b * 8;
                    uchar byte = 0;
                    for (int k = 0; k < 8; ++k)
                        byte = uchar((byte << 1) | (dots[k] == 0 ? 1 : 0));
                    out[b] = byte;
                }
                for (int x = whole * 8; x < rect.width(); ++x) {
                    if (line[x] != 0)
                        out[x >> 3] &= uchar(~(0x80 >> (x & 7)));
                }
            }
            result.tiles.push_back({rect.topLeft(), std::move(bits)});
            c = end;
        }
    }
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
            drawn += drawLayer(painter, *layer, transform, frame.topLeft(), options.lineScale);
            continue;
        }
        const DenseImage *prepared = nullptr;
        if (options.denseImages) {
            for (const DenseImage &image : *options.denseImages) {
                if (image.layerId == layer->id)
                    prepared = &image;
            }
        }
        const DenseImage image =
            prepared ? DenseImage()
                     : rasteriseDenseLayer(*layer, transform, frame.size(), options.imageDpi,
                                           options.pageUnitsPerInch);
        const DenseImage &dense = prepared ? *prepared : image;
        drawn += dense.drawn;
        const bool pdf =
            painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Pdf;
        painter.save();
        painter.setOpacity(dense.opacity);
        // Qt 6.4's PDF engine writes a one-bit image only when it is black and white, and then as
        // an opaque grey image; the caller turns those into stencil masks painted in the current
        // fill colour (pdfBitmapsToStencilMasks()), which is set here.
        painter.setPen(QPen(dense.colour, 0));
        painter.setBrush(dense.colour);
        const QList<QRgb> blackWhite = {qRgb(0, 0, 0), qRgb(255, 255, 255)};
        for (const DenseImage::Tile &tile : dense.tiles) {
            // Tile edges are whole image pixels, so neighbouring tiles share their edges exactly.
            const QRectF target(QPointF(tile.origin) / dense.pixelsPerUnit,
                                QSizeF(tile.image.size()) / dense.pixelsPerUnit);
            if (pdf && options.pdfMasks && !tile.pdfMask.data.isEmpty()) {
                painter.drawImage(target, stencilMaskPlaceholder());
                options.pdfMasks->push_back(tile.pdfMask);
            } else if (pdf) {
                QImage stencil = tile.image;
                stencil.setColorTable(blackWhite);
                painter.drawImage(target, stencil);
            } else {
                painter.drawImage(target, tile.image);
            }
        }
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
