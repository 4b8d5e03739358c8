// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geos/geometry_parts.h"

#include "core/error.h"

#include <QString>

namespace riskatlas::geos {

namespace {

void appendSequence(const Context &context, const GEOSCoordSequence *sequence,
                    std::vector<double> &xy)
{
    unsigned int size = 0;
    if (!sequence || GEOSCoordSeq_getSize_r(context.handle(), sequence, &size) == 0)
        throw ProcessingError(
            {}, QStringLiteral("cannot read a coordinate sequence: %1").arg(context.lastError()));
    const std::size_t start = xy.size();
    xy.resize(start + std::size_t(size) * 2);
    if (size > 0 &&
        GEOSCoordSeq_copyToBuffer_r(context.handle(), sequence, xy.data() + start, 0, 0) == 0)
        throw ProcessingError(
            {}, QStringLiteral("cannot read a coordinate sequence: %1").arg(context.lastError()));
}

} // namespace

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

void appendVertices(const Context &context, const GEOSGeometry *geometry, std::vector<double> &xy)
{
    const GEOSContextHandle_t handle = context.handle();
    switch (GEOSGeomTypeId_r(handle, geometry)) {
    case GEOS_POINT:
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
        if (GEOSisEmpty_r(handle, geometry) == 0)
            appendSequence(context, GEOSGeom_getCoordSeq_r(handle, geometry), xy);
        return;
    case GEOS_POLYGON: {
        if (GEOSisEmpty_r(handle, geometry) != 0)
            return;
        appendVertices(context, GEOSGetExteriorRing_r(handle, geometry), xy);
        const int holes = GEOSGetNumInteriorRings_r(handle, geometry);
        for (int h = 0; h < holes; ++h)
            appendVertices(context, GEOSGetInteriorRingN_r(handle, geometry, h), xy);
        return;
    }
    default: {
        const int count = GEOSGetNumGeometries_r(handle, geometry);
        for (int i = 0; i < count; ++i)
            appendVertices(context, GEOSGetGeometryN_r(handle, geometry, i), xy);
    }
    }
}

} // namespace riskatlas::geos
