// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QtGlobal>

#include <vector>

namespace riskatlas::io {

/// One feature's bounding box for the spatial index, in the layer's CRS units.
struct GpkgIndexEntry
{
    qint64 fid = 0;
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
};

/// Adds the GeoPackage R-tree spatial index (extension gpkg_rtree_index: the virtual table
/// rtree_<table>_<column>, its seven maintenance triggers and the gpkg_extensions row, as
/// GDAL's GPKG driver writes them) to `table`.`geometryColumn` of the closed GeoPackage at
/// `path`. The tree is packed bottom-up (sort-tile-recursive) and written straight into the
/// R-tree's node, rowid and parent tables in one transaction: inserting row by row through
/// SQLite's R*-tree costs tens of microseconds per feature, which dominated writing.
/// `entries` are the features with a non-empty geometry, by their value in `fidColumn`;
/// `displayPath` names the output in errors. The table must not have an index yet.
/// Throws ProcessingError when SQLite fails.
void addGpkgSpatialIndex(const QString &path, const QString &table, const QString &geometryColumn,
                         const QString &fidColumn, const std::vector<GpkgIndexEntry> &entries,
                         const QString &displayPath);

} // namespace riskatlas::io
