// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/io/text_table.h"
#include "core/model/vector_layer.h"

#include <QString>
#include <QStringList>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::io {

/// How to read geometries from a table: points from x/y columns, or any linear geometry from a
/// WKT column. Column names match exactly, else case-insensitively.
struct PointTableOptions
{
    /// Longitude/easting and latitude/northing columns, or a WKT column. Empty means
    /// detect: x from lon, lng, long, longitude, x, 经度, 东经, x坐标, point_x; y from lat,
    /// latitude, y, 纬度, 北纬, y坐标, point_y; else WKT from wkt, geom, geometry, the_geom, 几何.
    QString xColumn;
    QString yColumn;
    QString wktColumn;
    /// A column naming each row's system: WGS84/CGCS2000 (none), GCJ-02 or BD-09 (anything
    /// crs::parseChineseOffset() knows; an empty cell is no offset). Empty means detect from
    /// 坐标系, 坐标类型, 坐标系统, coord_sys, coordsys, coord_type, crs; none found = no offsets.
    QString offsetColumn;
    /// The coordinates' CRS. Invalid (default) means: CGCS2000 (EPSG:4490) when the coordinates
    /// look like degrees, else an InputError asking for one.
    crs::Crs crs;
    /// Swap rows whose longitude and latitude look swapped (recorded in the report) instead of
    /// failing on them.
    bool repair = false;
};

/// What buildPointLayer() decided and changed, for the user.
struct PointTableReport
{
    QString xColumn; ///< Header names actually used (empty when not used).
    QString yColumn;
    QString wktColumn;
    QString offsetColumn;
    bool crsAssumed = false; ///< No CRS was given and CGCS2000 was assumed.
    int converted = 0;       ///< Rows converted from GCJ-02 or BD-09 to CGCS2000.
    QStringList repairs;     ///< e.g. "row 12: longitude and latitude swapped — swapped back".
};

/// Makes a layer from `table`: one feature per row (fid = the row's number in the file),
/// geometry as 2D ISO WKB little-endian, attributes from every column except the geometry and
/// offset columns. A column is Integer64 when every non-empty cell is an integer, Real when
/// every one is a number, else String (codes with leading zeros such as "0012" stay String);
/// empty cells are null.
///
/// Geometry type: Point for x/y columns. A WKT column may hold points, lines, polygons, their
/// multi forms and collections (Z/M dropped; curves, TINs and empty geometries are errors); the
/// layer's type is the rows' common type, or Unknown when they differ or there is no row.
/// Swapped-coordinate checks apply to a point, and to another geometry only when every one of
/// its vertices looks swapped; range checks and offset conversion apply to every vertex.
///
/// The layer's CRS is `options.crs` (or the assumed CGCS2000), and CGCS2000 (EPSG:4490) when an
/// offset column is used: GCJ-02 and BD-09 rows are converted with crs::toCgcs2000().
///
/// Throws InputError naming the file, sheet and the first bad row (`FILE:row N: message`, the
/// message naming the column and value): missing columns ("no coordinate columns (looked
/// for …)"), an empty, non-numeric or non-finite coordinate, bad or unsupported WKT, for
/// degrees a longitude outside ±180 or latitude outside ±90, longitude and latitude that look
/// swapped (|x| ≤ 90 < |y|, or x in 3…54 and y in 73…136 as for China; unless `repair`), an
/// unknown offset name. CancelledError when `feedback` (optional, not owned) is cancelled.
/// `report` (optional) is filled in. Thread-safe for distinct calls.
model::VectorLayer buildPointLayer(const TextTable &table, const PointTableOptions &options,
                                   PointTableReport *report = nullptr,
                                   Feedback *feedback = nullptr);

} // namespace riskatlas::io
