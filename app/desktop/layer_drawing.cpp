// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_drawing.h"

#include "core/feedback.h"
#include "core/model/vector_layer.h"

#include <QLineF>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace riskatlas::desktop {

namespace {

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    double t = length2 > 0 ? QPointF::dotProduct(p - a, ab) / length2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return QLineF(p, a + t * ab).length();
}

// Paths keep line strings as move-to/line-to runs; the element list is enough to measure.
bool pathWithin(const QPainterPath &path, const QPointF &p, double tolerance)
{
    QPointF previous;
    for (int i = 0; i < path.elementCount(); ++i) {
        const QPainterPath::Element element = path.elementAt(i);
        const QPointF point(element.x, element.y);
        if (element.isLineTo() && distanceToSegment(p, previous, point) <= tolerance)
            return true;
        previous = point;
    }
    return false;
}

} // namespace

int LayerDrawing::geometryOf(int feature) const
{
    const auto it = std::lower_bound(featureIndex.begin(), featureIndex.end(), feature);
    return it != featureIndex.end() && *it == feature ? int(it - featureIndex.begin()) : -1;
}

LayerDrawing buildLayerDrawing(const model::VectorLayer &layer, Feedback *feedback)
{
    LayerDrawing drawing;
    const std::size_t total = layer.features.size();
    drawing.geometries.reserve(total);
    drawing.featureIndex.reserve(total);
    for (std::size_t i = 0; i < total; ++i) {
        if (feedback && i % 256 == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(i) / double(total));
        }
        const QByteArray &wkb = layer.features[i].wkb;
        if (wkb.isEmpty())
            continue;
        std::optional<render::DrawableGeometry> geometry = render::parseWkb(wkb);
        if (!geometry) {
            ++drawing.malformed;
            continue;
        }
        if (geometry->isEmpty())
            continue;
        if (drawing.extent)
            drawing.extent->include(geometry->bounds);
        else
            drawing.extent = geometry->bounds;
        drawing.geometries.push_back(std::move(*geometry));
        drawing.featureIndex.push_back(int(i));
    }
    drawing.geometries.shrink_to_fit();
    drawing.featureIndex.shrink_to_fit();
    if (feedback)
        feedback->setProgress(100.0);
    return drawing;
}

std::vector<int> featuresAt(const LayerDrawing &drawing, const QPointF &world, double tolerance)
{
    std::vector<int> hits;
    const geometry::Extent probe{world.x() - tolerance, world.y() - tolerance,
                                 world.x() + tolerance, world.y() + tolerance};
    for (std::size_t i = drawing.geometries.size(); i-- > 0;) {
        const render::DrawableGeometry &geometry = drawing.geometries[i];
        if (!extentsIntersect(probe, geometry.bounds))
            continue;
        bool hit = !geometry.areas.isEmpty() && geometry.areas.contains(world);
        hit = hit || pathWithin(geometry.areas, world, tolerance) ||
              pathWithin(geometry.lines, world, tolerance);
        for (const QPointF &point : geometry.points)
            hit = hit || QLineF(point, world).length() <= tolerance;
        if (hit)
            hits.push_back(drawing.featureIndex[i]);
    }
    return hits;
}

std::optional<geometry::Extent> extentOf(const LayerDrawing &drawing,
                                         const std::vector<int> &features)
{
    std::optional<geometry::Extent> extent;
    for (int feature : features) {
        const int index = drawing.geometryOf(feature);
        if (index < 0)
            continue;
        const geometry::Extent &bounds = drawing.geometries[std::size_t(index)].bounds;
        if (extent)
            extent->include(bounds);
        else
            extent = bounds;
    }
    return extent;
}

bool extentsIntersect(const geometry::Extent &a, const geometry::Extent &b)
{
    return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

} // namespace riskatlas::desktop
