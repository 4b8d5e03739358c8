// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/model/geometry_type.h"

namespace riskatlas::model {

QString geometryTypeName(GeometryType type)
{
    switch (type) {
    case GeometryType::None:
        return QStringLiteral("None");
    case GeometryType::Unknown:
        return QStringLiteral("Unknown");
    case GeometryType::Point:
        return QStringLiteral("Point");
    case GeometryType::LineString:
        return QStringLiteral("LineString");
    case GeometryType::Polygon:
        return QStringLiteral("Polygon");
    case GeometryType::MultiPoint:
        return QStringLiteral("MultiPoint");
    case GeometryType::MultiLineString:
        return QStringLiteral("MultiLineString");
    case GeometryType::MultiPolygon:
        return QStringLiteral("MultiPolygon");
    case GeometryType::GeometryCollection:
        return QStringLiteral("GeometryCollection");
    }
    return QStringLiteral("Unknown");
}

int geometryDimension(GeometryType type)
{
    switch (type) {
    case GeometryType::Point:
    case GeometryType::MultiPoint:
        return 0;
    case GeometryType::LineString:
    case GeometryType::MultiLineString:
        return 1;
    case GeometryType::Polygon:
    case GeometryType::MultiPolygon:
        return 2;
    default:
        return -1;
    }
}

} // namespace riskatlas::model
