// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/model/vector_layer.h"

#include <QString>

#include <cstddef>
#include <functional>
#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::overlay {

/// The georeferencing of one band of a north-up raster. Rows run south from `originY`.
struct RasterGrid
{
    int width = 0;
    int height = 0;
    double originX = 0; ///< left edge, raster CRS units
    double originY = 0; ///< top edge
    double cellX = 0;   ///< cell width, > 0
    double cellY = 0;   ///< cell height, > 0
    bool hasNoData = false;
    double noData = 0; ///< as read into a double (a Float32 nodata rounded as a float)
    crs::Crs crs;
};

/// Opens `path` and describes band `band` (1-based). Throws InputError naming the file when it
/// cannot be opened as a raster, lacks the band, is rotated, or has no usable CRS.
RasterGrid describeRaster(const QString &path, int band);

/// One cell counted in a unit.
struct RasterCell
{
    double value = 0; ///< the band's value (never nodata or NaN)
    int column = 0;   ///< 0-based, from the west
    int row = 0;      ///< 0-based, from the north
    /// 1 for a cell counted by its centre; for a unit summarised by covered fraction (see
    /// RasterCellOptions::smallUnitFallback) the share of the cell's area inside the unit.
    double fraction = 0;
    /// fraction × the cell's area, in the units' CRS units² (m² for metric units) when
    /// RasterCellOptions::measureInUnitCrs is set, else 0.
    double area = 0;
};

struct RasterCellOptions
{
    int band = 1; ///< 1-based
    /// As QGIS's zonal statistics (native:zonalstatisticsfb) does: a unit holding at most one
    /// cell centre gets instead every cell it overlaps, each with its covered fraction. Off:
    /// such a unit gets its 0 or 1 cell.
    bool smallUnitFallback = true;
    /// Fill RasterCell::area: the cell's four corners are transformed into the units' CRS and
    /// the quadrilateral's area taken (exact for a raster in the units' own CRS).
    bool measureInUnitCrs = false;
    int threads = 0; ///< 0 = all cores
    Feedback *feedback = nullptr;
};

/// What happened to one unit.
struct RasterUnitVisit
{
    bool hasGeometry = false; ///< false: no or empty geometry, no cell visited
    bool outside = false;     ///< its box misses the raster
    bool fallback = false;    ///< its cells came by covered fraction
};

/// Receives the cells of unit `unit` (index into units.features). Called from worker threads:
/// concurrently for different units, never concurrently for the same unit. A unit's cells
/// come row by row, west to east, each once. May throw; the first exception stops the visit
/// and is rethrown by visitRasterCells.
using RasterCellSink = std::function<void(std::size_t unit, const RasterCell &cell)>;

/// Visits, for each polygon of `units`, the cells of band `options.band` of the raster at
/// `rasterPath` that count in it: cells whose centre lies in the unit's interior (a centre
/// exactly on the boundary counts in neither: QGIS's rule) and whose value is neither the
/// band's nodata value nor NaN; with `smallUnitFallback`, a unit holding at most one centre
/// gets every valid cell it overlaps with its covered fraction instead. The units are
/// reprojected to the raster's CRS, never the raster. For each unit only the window of its
/// bounding box is read (GDALRasterIO, in strips of rows). Units run in parallel; each thread
/// opens its own GDAL dataset, GEOS context and PROJ transformations. Which cells a unit gets
/// does not depend on the thread count.
///
/// Returns one RasterUnitVisit per unit (same order). Throws InputError when the raster cannot
/// be opened, lacks the band, is rotated, or has no CRS, or when the units are not polygons or
/// have no CRS; ProcessingError on a read failure; CancelledError through `options.feedback`;
/// and whatever `sink` throws.
std::vector<RasterUnitVisit> visitRasterCells(const model::VectorLayer &units,
                                              const QString &rasterPath,
                                              const RasterCellOptions &options,
                                              const RasterCellSink &sink);

} // namespace riskatlas::overlay
