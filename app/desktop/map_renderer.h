// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "render/map_transform.h"

#include <QColor>
#include <QImage>
#include <QSize>

#include <atomic>
#include <memory>
#include <vector>

namespace riskatlas::desktop {

struct LayerDrawing;
struct SymbolClass;

/// One layer as a render job sees it: shared, immutable pieces, so a snapshot of the whole
/// map costs a few reference counts and the UI may change the canvas while a worker draws.
struct MapRenderLayer
{
    std::shared_ptr<const LayerDrawing> drawing;
    std::shared_ptr<const std::vector<SymbolClass>> classes;
    /// Sorted feature indices to highlight; may be null.
    std::shared_ptr<const std::vector<int>> selection;
    double opacity = 1.0;
};

/// Everything needed to draw the map once, bottom layer first.
struct MapRenderRequest
{
    render::MapTransform transform; ///< in device-independent pixels
    qreal devicePixelRatio = 1.0;
    QColor background;
    std::vector<MapRenderLayer> layers;
};

/// Draws `request` into a new image of the transform's viewport size (times the device pixel
/// ratio). Thread-safe: runs on any thread; touches only the request. Checks `cancel` every
/// few hundred geometries and returns a null image when it was set.
QImage renderMap(const MapRenderRequest &request, const std::atomic_bool *cancel = nullptr);

/// The colours selected features are highlighted with.
QColor selectionFill();
QColor selectionStroke();

} // namespace riskatlas::desktop
