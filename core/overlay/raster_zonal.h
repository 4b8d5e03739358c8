// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/model/vector_layer.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::overlay {

/// What to summarise of a raster band over each unit; each gives one column of that name.
enum class RasterStatistic {
    Count, ///< `count`: cells counted (fractional for small units, see below)
    Sum,   ///< `sum`: sum of their values, e.g. persons
    Mean,  ///< `mean`: sum / count; null when nothing is counted
    Max    ///< `max`: largest value counted; null when nothing is counted
};

struct RasterZonalOptions
{
    QList<RasterStatistic> statistics;
    int band = 1; ///< 1-based
    /// As QGIS's zonal statistics (native:zonalstatisticsfb) does: a unit holding at most one
    /// cell centre is summarised instead from every cell it overlaps, each weighted by the
    /// covered fraction of the cell (count = Σ fraction, sum = Σ value·fraction). Off: such a
    /// unit gets its 0 or 1 cell.
    bool smallUnitFallback = true;
    int threads = 0; ///< 0 = all cores
    Feedback *feedback = nullptr;
};

struct RasterZonalReport
{
    crs::Crs rasterCrs;      ///< the units were reprojected to this
    QStringList addedFields; ///< the new columns, as named in the output
    QStringList warnings;
    qint64 fallbackUnits = 0; ///< units summarised by covered fraction (smallUnitFallback)
    qint64 unitsOutside = 0;  ///< units whose box misses the raster
};

/// Summarises band `options.band` of the raster at `rasterPath` over each polygon of `units`.
/// A cell counts in a unit when its centre lies in the unit's interior (a centre exactly on the
/// boundary counts in neither: QGIS's rule) and its value is neither the band's nodata value
/// nor NaN. The units are reprojected to the raster's CRS, never the raster. For each unit only
/// the window of its bounding box is read (GDALRasterIO, in strips of rows), and cell centres
/// are tested against the prepared unit geometry. Units run in parallel; each thread opens its
/// own GDAL dataset, GEOS context and PROJ transformation. Results do not depend on the thread
/// count.
///
/// Returns the units with their own fields, geometries and CRS plus the columns (a name already
/// taken gets `_2`, …). Throws InputError when the raster cannot be opened, lacks the band, is
/// rotated, or has no CRS, or when the units are not polygons or have no CRS; ProcessingError
/// on a read failure; CancelledError through `options.feedback`.
model::VectorLayer rasterZonalSummary(const model::VectorLayer &units, const QString &rasterPath,
                                      const RasterZonalOptions &options,
                                      RasterZonalReport *report = nullptr);

/// True when `path` has a raster suffix (.tif .tiff .img .vrt) and GDAL opens it as a raster.
bool isRasterPath(const QString &path);

/// "count", "sum", "mean", "max".
QString rasterStatisticName(RasterStatistic statistic);
std::optional<RasterStatistic> parseRasterStatistic(const QString &name);

} // namespace riskatlas::overlay
