// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geometry/layer_extent.h"
#include "render/layer_style.h"
#include "render/map_transform.h"
#include "render/wkb_painter.h"

#include <optional>
#include <vector>

class QPainter;

namespace riskatlas {
class Feedback;
}

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::render {

/// A layer's geometries decoded once for drawing, each with its bounding box, so that panning
/// and zooming only cull and paint. Holds no reference to the VectorLayer it was built from.
/// Plain data: build it on a worker thread, then hand it to the UI thread (moves are cheap).
/// Coordinates are the layer's own; the caller makes sure they are in the map's CRS.
class RenderableLayer
{
public:
    RenderableLayer() = default;
    /// Decodes every feature's WKB. Features without a geometry are left out; malformed WKB
    /// is left out and counted. Throws CancelledError when `feedback` is cancelled.
    explicit RenderableLayer(const model::VectorLayer &layer, Feedback *feedback = nullptr);

    const std::vector<DrawableGeometry> &geometries() const { return m_geometries; }
    /// The union of the geometries' boxes; nullopt when nothing is drawable.
    const std::optional<geometry::Extent> &extent() const { return m_extent; }
    /// Features whose WKB could not be decoded (see parseWkb()).
    qsizetype malformedCount() const { return m_malformed; }

private:
    std::vector<DrawableGeometry> m_geometries;
    std::optional<geometry::Extent> m_extent;
    qsizetype m_malformed = 0;
};

/// Draws the geometries of `layer` that intersect the view of `transform` (by bounding box,
/// widened by the symbol size so edge symbols are not cut) with `style`. Works on any
/// QPainter device: a widget, a QImage, a PDF page; the map is drawn in the painter's current
/// coordinate system, which the caller may have moved (e.g. to a map frame on a page).
/// Geographic maps draw degrees with the y axis stretched by MapTransform::yStretch() (see
/// geographicYStretch()); the caller sets it when the map's CRS is chosen.
/// Returns the number of geometries drawn.
int renderLayer(QPainter &painter, const RenderableLayer &layer, const MapTransform &transform,
                const LayerStyle &style);

/// Convenience for one-off drawing (an export, a test): decodes `layer` and draws it. Code that
/// redraws the same layer (a canvas) keeps a RenderableLayer instead.
int renderLayer(QPainter &painter, const model::VectorLayer &layer, const MapTransform &transform,
                const LayerStyle &style);

} // namespace riskatlas::render
