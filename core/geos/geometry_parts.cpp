// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geos/geometry_parts.h"

#include "core/error.h"

namespace riskatlas::geos {

void collectParts(const Context &context, const GEOSGeometry *geometry, int dimension,
                  std::vector<GeometryPtr> &parts)
{
    const int type = GEOSGeomTypeId_r(context.handle(), geometry);
    if (type == GEOS_GEOMETRYCOLLECTION || type == GEOS_MULTIPOLYGON ||
        type == GEOS_MULTILINESTRING || type == GEOS_MULTIPOINT) {
        const int count = GEOSGetNumGeometries_r(context.handle(), geometry);
        for (int i = 0; i < count; ++i)
            collectParts(context, GEOSGetGeometryN_r(context.handle(), geometry, i), dimension,
                         parts);
        return;
    }
    if (GEOSisEmpty_r(context.handle(), geometry) == 0 &&
        GEOSGeom_getDimensions_r(context.handle(), geometry) == dimension)
        parts.push_back(own(context, GEOSGeom_clone_r(context.handle(), geometry)));
}

int multiTypeForDimension(int dimension)
{
    switch (dimension) {
    case 0:
        return GEOS_MULTIPOINT;
    case 1:
        return GEOS_MULTILINESTRING;
    default:
        return GEOS_MULTIPOLYGON;
    }
}

GeometryPtr makeCollection(const Context &context, int type, std::vector<GeometryPtr> parts)
{
    if (parts.empty())
        return own(context, GEOSGeom_createEmptyCollection_r(context.handle(), type));
    std::vector<GEOSGeometry *> raw;
    raw.reserve(parts.size());
    for (GeometryPtr &part : parts)
        raw.push_back(part.release());
    // GEOS 3.11 owns the parts from the call on, even when it fails.
    GeometryPtr collection =
        own(context,
            GEOSGeom_createCollection_r(context.handle(), type, raw.data(), unsigned(raw.size())));
    if (!collection)
        throw ProcessingError(
            {}, QStringLiteral("cannot collect geometry parts: %1").arg(context.lastError()));
    return collection;
}

} // namespace riskatlas::geos
