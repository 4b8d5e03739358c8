// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/gdal/ogr_geometry_type.h"

#include <ogr_api.h>

#include <array>
#include <utility>

namespace riskatlas::gdal {

namespace {

constexpr std::array<std::pair<model::GeometryType, OGRwkbGeometryType>, 9> kTypes{{
    {model::GeometryType::None, wkbNone},
    {model::GeometryType::Unknown, wkbUnknown},
    {model::GeometryType::Point, wkbPoint},
    {model::GeometryType::LineString, wkbLineString},
    {model::GeometryType::Polygon, wkbPolygon},
    {model::GeometryType::MultiPoint, wkbMultiPoint},
    {model::GeometryType::MultiLineString, wkbMultiLineString},
    {model::GeometryType::MultiPolygon, wkbMultiPolygon},
    {model::GeometryType::GeometryCollection, wkbGeometryCollection},
}};

} // namespace

model::GeometryType fromOgrGeometryType(OGRwkbGeometryType type)
{
    const OGRwkbGeometryType flat = wkbFlatten(OGR_GT_GetLinear(type));
    for (const auto &[model, ogr] : kTypes) {
        if (ogr == flat)
            return model;
    }
    return model::GeometryType::Unknown;
}

OGRwkbGeometryType toOgrGeometryType(model::GeometryType type)
{
    for (const auto &[model, ogr] : kTypes) {
        if (model == type)
            return ogr;
    }
    return wkbUnknown;
}

} // namespace riskatlas::gdal
