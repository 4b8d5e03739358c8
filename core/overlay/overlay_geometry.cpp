// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/overlay_geometry.h"

#include "core/error.h"
#include "core/geometry/wkb_cursor.h"
#include "core/geos/geometry_parts.h"

#include <QtEndian>

#include <optional>
#include <vector>

namespace riskatlas::overlay {

namespace {

using geometry::WkbLineString;
using geometry::WkbMultiLineString;
using geometry::WkbMultiPoint;
using geometry::WkbMultiPolygon;
using geometry::WkbPoint;
using geometry::WkbPolygon;

constexpr char kLittleEndian = 1;
constexpr qsizetype kHeaderSize = 5;

std::optional<quint32> littleEndianType(const QByteArray &wkb)
{
    if (wkb.size() < kHeaderSize || wkb.at(0) != kLittleEndian)
        return std::nullopt;
    return qFromLittleEndian<quint32>(wkb.constData() + 1);
}

} // namespace

int wkbDimension(const QByteArray &wkb)
{
    const auto type = littleEndianType(wkb);
    if (!type)
        return -1;
    switch (*type) {
    case WkbPoint:
    case WkbMultiPoint:
        return 0;
    case WkbLineString:
    case WkbMultiLineString:
        return 1;
    case WkbPolygon:
    case WkbMultiPolygon:
        return 2;
    default:
        return -1;
    }
}

model::GeometryType multiTypeOfDimension(int dimension)
{
    switch (dimension) {
    case 0:
        return model::GeometryType::MultiPoint;
    case 1:
        return model::GeometryType::MultiLineString;
    case 2:
        return model::GeometryType::MultiPolygon;
    default:
        return model::GeometryType::Unknown;
    }
}

QByteArray toMultiWkb(const QByteArray &wkb)
{
    const auto type = littleEndianType(wkb);
    if (!type || (*type != WkbPoint && *type != WkbLineString && *type != WkbPolygon))
        return wkb;
    // Multi type = single type + 3 in ISO WKB; the part keeps its own header.
    QByteArray multi(kHeaderSize + 4, Qt::Uninitialized);
    multi[0] = kLittleEndian;
    qToLittleEndian<quint32>(*type + 3, multi.data() + 1);
    qToLittleEndian<quint32>(1, multi.data() + kHeaderSize);
    multi.append(wkb);
    return multi;
}

geos::GeometryPtr partsOfDimension(const geos::Context &context, const GEOSGeometry *geometry,
                                   int dimension)
{
    std::vector<geos::GeometryPtr> parts;
    geos::collectParts(context, geometry, dimension, parts);
    if (parts.empty())
        return geos::own(context, nullptr);
    return geos::makeCollection(context, geos::multiTypeForDimension(dimension), std::move(parts));
}

QByteArray multiWkbOfDimension(const geos::Context &context, const GEOSGeometry *geometry,
                               int dimension)
{
    if (!geometry || GEOSisEmpty_r(context.handle(), geometry) != 0)
        return {};
    const int type = GEOSGeomTypeId_r(context.handle(), geometry);
    if (type == geos::multiTypeForDimension(dimension))
        return geos::toWkb(context, geometry);
    const bool single = (dimension == 0 && type == GEOS_POINT) ||
                        (dimension == 1 && type == GEOS_LINESTRING) ||
                        (dimension == 2 && type == GEOS_POLYGON);
    if (single)
        return toMultiWkb(geos::toWkb(context, geometry));
    const geos::GeometryPtr multi = partsOfDimension(context, geometry, dimension);
    return multi ? geos::toWkb(context, multi.get()) : QByteArray();
}

} // namespace riskatlas::overlay
