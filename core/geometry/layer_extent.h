// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/model/vector_layer.h"

#include <optional>

namespace riskatlas::geometry {

/// An axis-aligned rectangle in a layer's CRS units.
struct Extent
{
    double minX = 0;
    double minY = 0;
    double maxX = 0;
    double maxY = 0;

    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    void include(const Extent &other);
};

/// Bounding box of one ISO WKB geometry; nullopt for empty or unreadable WKB.
std::optional<Extent> wkbExtent(const QByteArray &wkb);
/// Union of the features' boxes; nullopt when no feature has a geometry.
std::optional<Extent> layerExtent(const model::VectorLayer &layer);

} // namespace riskatlas::geometry
