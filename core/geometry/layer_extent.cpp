// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geometry/layer_extent.h"

#include "core/gdal/gdal_handles.h"

#include <algorithm>

namespace riskatlas::geometry {

void Extent::include(const Extent &other)
{
    minX = std::min(minX, other.minX);
    minY = std::min(minY, other.minY);
    maxX = std::max(maxX, other.maxX);
    maxY = std::max(maxY, other.maxY);
}

std::optional<Extent> wkbExtent(const QByteArray &wkb)
{
    if (wkb.isEmpty())
        return std::nullopt;
    OGRGeometryH raw = nullptr;
    if (OGR_G_CreateFromWkbEx(wkb.constData(), nullptr, &raw, size_t(wkb.size())) != OGRERR_NONE)
        return std::nullopt;
    gdal::GeometryPtr geometry(raw);
    if (OGR_G_IsEmpty(geometry.get()))
        return std::nullopt;
    OGREnvelope envelope;
    OGR_G_GetEnvelope(geometry.get(), &envelope);
    return Extent{envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY};
}

std::optional<Extent> layerExtent(const model::VectorLayer &layer)
{
    std::optional<Extent> extent;
    for (const model::Feature &feature : layer.features) {
        if (const auto box = wkbExtent(feature.wkb)) {
            if (extent)
                extent->include(*box);
            else
                extent = box;
        }
    }
    return extent;
}

} // namespace riskatlas::geometry
