// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geometry/layer_extent.h"
#include "render/wkb_painter.h"

#include <QPointF>

#include <optional>
#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::desktop {

/// A layer's geometries decoded once for drawing, each remembering the index of its feature
/// in the VectorLayer, so the canvas can colour features by an attribute, highlight a
/// selection and find the feature under the pointer. (render::RenderableLayer drops that
/// link, which an atlas page does not need.) Plain data: build it on a worker thread.
struct LayerDrawing
{
    std::vector<render::DrawableGeometry> geometries;
    /// featureIndex[i] is the index in VectorLayer::features of geometries[i].
    std::vector<int> featureIndex;
    /// Union of the geometries' boxes; nullopt when nothing is drawable.
    std::optional<geometry::Extent> extent;
    /// Features whose WKB render::parseWkb() rejected.
    qsizetype malformed = 0;

    /// Position in `geometries` of feature `feature`, or -1 (no geometry or malformed).
    int geometryOf(int feature) const;
};

/// Decodes every feature of `layer`. Throws CancelledError when `feedback` is cancelled.
LayerDrawing buildLayerDrawing(const model::VectorLayer &layer, Feedback *feedback = nullptr);

/// The features under `world` (map CRS), topmost (last drawn) first: polygons containing it,
/// lines and points within `tolerance` map units of it.
std::vector<int> featuresAt(const LayerDrawing &drawing, const QPointF &world, double tolerance);

/// Union of the boxes of `features` (indices into VectorLayer::features); nullopt when none
/// of them has a geometry.
std::optional<geometry::Extent> extentOf(const LayerDrawing &drawing,
                                         const std::vector<int> &features);

bool extentsIntersect(const geometry::Extent &a, const geometry::Extent &b);

} // namespace riskatlas::desktop
