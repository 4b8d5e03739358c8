// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

namespace riskatlas::model {

/// A layer's declared geometry type (2D; Z and M are dropped on read).
enum class GeometryType {
    None,
    Unknown,
    Point,
    LineString,
    Polygon,
    MultiPoint,
    MultiLineString,
    MultiPolygon,
    GeometryCollection
};

QString geometryTypeName(GeometryType type);
/// 0 points, 1 lines, 2 polygons, -1 none/mixed.
int geometryDimension(GeometryType type);

} // namespace riskatlas::model
