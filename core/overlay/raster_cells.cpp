// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/raster_cells.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"
#include "core/geos/geos_context.h"
#include "core/overlay/parallel_chunks.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace riskatlas::overlay {

namespace {

// Cells read per GDALRasterIO call: 8 MiB of doubles per thread, whatever the unit's size.
constexpr std::size_t kCellsPerRead = std::size_t(1) << 20;

// A window of cells: columns [column, column + columns), rows [row, row + rows).
struct Window
{
    int column = 0;
    int row = 0;
    int columns = 0;
    int rows = 0;
};

gdal::DatasetPtr openRaster(const QString &path)
{
    gdal::ensureRegistered();
    const QByteArray bytes = QFile::encodeName(path);
    return gdal::DatasetPtr(GDALOpenEx(bytes.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                                       nullptr, nullptr, nullptr));
}

RasterGrid describe(GDALDatasetH dataset, const QString &path, int band)
{
    RasterGrid grid;
    grid.width = GDALGetRasterXSize(dataset);
    grid.height = GDALGetRasterYSize(dataset);
    if (band < 1 || band > GDALGetRasterCount(dataset)) {
        throw InputError({path}, QStringLiteral("has %1 bands; there is no band %2")
                                     .arg(GDALGetRasterCount(dataset))
                                     .arg(band));
    }
    double transform[6] = {0, 1, 0, 0, 0, -1};
    if (GDALGetGeoTransform(dataset, transform) != CE_None)
        throw InputError({path}, QStringLiteral("has no georeferencing (geotransform)"));
    if (transform[2] != 0 || transform[4] != 0 || transform[1] <= 0 || transform[5] >= 0) {
        throw InputError({path}, QStringLiteral("is rotated or not north-up; warp it first "
                                                "(gdalwarp)"));
    }
    grid.originX = transform[0];
    grid.originY = transform[3];
    grid.cellX = transform[1];
    grid.cellY = -transform[5];
    OGRSpatialReferenceH srs = GDALGetSpatialRef(dataset);
    if (!srs)
        throw InputError({path}, QStringLiteral("has no coordinate reference system"));
    char *wkt = nullptr;
    const char *wktOptions[] = {"FORMAT=WKT2_2019", nullptr};
    OSRExportToWktEx(srs, &wkt, wktOptions);
    const gdal::CplString owner(wkt);
    grid.crs = crs::Crs::fromWkt(QString::fromUtf8(wkt));
    if (!grid.crs.isValid())
        throw InputError({path}, QStringLiteral("has a coordinate reference system PROJ cannot "
                                                "use"));
    GDALRasterBandH rasterBand = GDALGetRasterBand(dataset, band);
    int hasNoData = 0;
    const double noData = GDALGetRasterNoDataValue(rasterBand, &hasNoData);
    grid.hasNoData = hasNoData != 0;
    // Values are read as doubles; a Float32 band's nodata must be compared as a float.
    grid.noData = GDALGetRasterDataType(rasterBand) == GDT_Float32 ? double(float(noData)) : noData;
    return grid;
}

// The cells of the unit's box, as QGIS's cellInfoForBBox picks them: from the cell holding the
// box's top-left corner to the one holding its bottom-right corner, clipped to the raster.
std::optional<Window> windowFor(const RasterGrid &grid, double minX, double minY, double maxX,
                                double maxY)
{
    const double rasterMaxX = grid.originX + grid.width * grid.cellX;
    const double rasterMinY = grid.originY - grid.height * grid.cellY;
    const double left = std::max(minX, grid.originX);
    const double right = std::min(maxX, rasterMaxX);
    const double bottom = std::max(minY, rasterMinY);
    const double top = std::min(maxY, grid.originY);
    if (!(right > left && top > bottom))
        return std::nullopt;
    Window window;
    window.column = std::max(0, int(std::floor((left - grid.originX) / grid.cellX)));
    window.row = std::max(0, int(std::floor((grid.originY - top) / grid.cellY)));
    const int lastColumn = int(std::floor((right - grid.originX) / grid.cellX)) + 1;
    const int lastRow = int(std::floor((grid.originY - bottom) / grid.cellY)) + 1;
    window.columns = std::min(lastColumn, grid.width) - window.column;
    window.rows = std::min(lastRow, grid.height) - window.row;
    if (window.columns <= 0 || window.rows <= 0)
        return std::nullopt;
    return window;
}

// Per-thread state: GDAL datasets, GEOS contexts and PROJ transformations are not thread-safe.
struct Worker
{
    gdal::ErrorCapture capture;
    gdal::DatasetPtr dataset;
    GDALRasterBandH band = nullptr;
    geos::Context context;
    std::unique_ptr<crs::CoordinateTransform> transform; // units → raster
    std::unique_ptr<crs::CoordinateTransform> inverse;   // raster → units (measureInUnitCrs)
    std::vector<double> buffer;
};

// Calls visit(value, centreX, centreY, column, row) for each valid cell of `window`, reading it
// in strips of rows.
template<typename Visit>
void forEachValidCell(Worker &worker, const RasterGrid &grid, const Window &window,
                      const QString &path, Feedback *feedback, Visit visit)
{
    const int stripRows =
        int(std::max<std::size_t>(1, kCellsPerRead / std::size_t(window.columns)));
    for (int first = 0; first < window.rows; first += stripRows) {
        if (feedback)
            feedback->throwIfCanceled();
        const int rows = std::min(stripRows, window.rows - first);
        worker.buffer.resize(std::size_t(rows) * std::size_t(window.columns));
        worker.capture.clear();
        const CPLErr status =
            GDALRasterIO(worker.band, GF_Read, window.column, window.row + first, window.columns,
                         rows, worker.buffer.data(), window.columns, rows, GDT_Float64, 0, 0);
        if (status != CE_None) {
            throw ProcessingError({path}, QStringLiteral("cannot read rows %1–%2: %3")
                                              .arg(window.row + first)
                                              .arg(window.row + first + rows - 1)
                                              .arg(worker.capture.lastMessage()));
        }
        for (int r = 0; r < rows; ++r) {
            const int row = window.row + first + r;
            const double centreY = grid.originY - (row + 0.5) * grid.cellY;
            const double *values = worker.buffer.data() + std::size_t(r) * window.columns;
            for (int c = 0; c < window.columns; ++c) {
                const double value = values[c];
                if (std::isnan(value) || (grid.hasNoData && value == grid.noData))
                    continue;
                const int column = window.column + c;
                visit(value, grid.originX + (column + 0.5) * grid.cellX, centreY, column, row);
            }
        }
    }
}

ErrorLocation whereUnit(const model::VectorLayer &units, qint64 fid)
{
    return {units.sourcePath.isEmpty() ? units.name : units.sourcePath, units.name, fid,
            QStringLiteral("fid")};
}

// The area of the cell centred on (x, y), in the units' CRS: its corners transformed and the
// quadrilateral's area by the shoelace formula. Cells are small against the curvature of any
// projection, so straight edges are accurate to far below a square metre per cell.
double cellAreaInUnits(const Worker &worker, const RasterGrid &grid, double x, double y,
                       const QString &path)
{
    if (worker.inverse->isIdentity())
        return grid.cellX * grid.cellY;
    const double halfX = grid.cellX / 2;
    const double halfY = grid.cellY / 2;
    double xs[4] = {x - halfX, x + halfX, x + halfX, x - halfX};
    double ys[4] = {y - halfY, y - halfY, y + halfY, y + halfY};
    for (int i = 0; i < 4; ++i) {
        if (!worker.inverse->transformPoint(xs[i], ys[i]))
            throw ProcessingError({path}, QStringLiteral("cannot transform the cell at %1, %2 "
                                                         "into the units' CRS")
                                              .arg(x)
                                              .arg(y));
    }
    double twice = 0;
    for (int i = 0; i < 4; ++i)
        twice += xs[i] * ys[(i + 1) % 4] - xs[(i + 1) % 4] * ys[i];
    return std::abs(twice) / 2;
}

} // namespace

RasterGrid describeRaster(const QString &path, int band)
{
    gdal::ErrorCapture capture;
    const gdal::DatasetPtr dataset = openRaster(path);
    if (!dataset) {
        throw InputError({path},
                         QStringLiteral("cannot open as a raster: %1").arg(capture.lastMessage()));
    }
    return describe(dataset.get(), path, band);
}

std::vector<RasterUnitVisit> visitRasterCells(const model::VectorLayer &units,
                                              const QString &rasterPath,
                                              const RasterCellOptions &options,
                                              const RasterCellSink &sink)
{
    Feedback *feedback = options.feedback;
    const int unitDimension = model::geometryDimension(units.geometryType);
    if (unitDimension != 2 && units.geometryType != model::GeometryType::Unknown) {
        throw InputError({units.sourcePath, units.name},
                         QStringLiteral("units must be polygons, not %1")
                             .arg(model::geometryTypeName(units.geometryType)));
    }
    if (!units.crs.isValid()) {
        throw InputError({units.sourcePath, units.name},
                         QStringLiteral("has no coordinate reference system; name it with "
                                        "--s-srs (e.g. --s-srs EPSG:4490)"));
    }
    const RasterGrid grid = describeRaster(rasterPath, options.band);
    // Fails early, on this thread, when PROJ has no way between the two CRSs.
    {
        const crs::CoordinateTransform probe(units.crs, grid.crs);
    }

    if (feedback)
        feedback->setStep(
            QStringLiteral("summarising %1 by unit").arg(QFileInfo(rasterPath).fileName()));
    ChunkOptions chunkOptions;
    chunkOptions.threads = options.threads;
    chunkOptions.chunkSize = 1;
    chunkOptions.feedback = feedback;
    const double cellArea = grid.cellX * grid.cellY;
    const crs::Crs unitCrs = units.crs;

    return runChunked<RasterUnitVisit>(
        units.features.size(), chunkOptions,
        [&] {
            auto worker = std::make_unique<Worker>();
            worker->dataset = openRaster(rasterPath);
            if (!worker->dataset) {
                throw ProcessingError(
                    {rasterPath},
                    QStringLiteral("cannot open: %1").arg(worker->capture.lastMessage()));
            }
            worker->band = GDALGetRasterBand(worker->dataset.get(), options.band);
            worker->transform = std::make_unique<crs::CoordinateTransform>(unitCrs, grid.crs);
            if (options.measureInUnitCrs)
                worker->inverse = std::make_unique<crs::CoordinateTransform>(grid.crs, unitCrs);
            return worker;
        },
        [&](std::unique_ptr<Worker> &worker, std::size_t begin, std::size_t end,
            std::vector<RasterUnitVisit> &out) {
            const geos::Context &context = worker->context;
            const GEOSContextHandle_t handle = context.handle();
            for (std::size_t u = begin; u < end; ++u) {
                const model::Feature &feature = units.features[u];
                RasterUnitVisit visit;
                if (feature.wkb.isEmpty()) {
                    out.push_back(visit);
                    continue;
                }
                geos::GeometryPtr unit;
                try {
                    unit = geos::fromWkb(context, worker->transform->transformWkb(feature.wkb));
                } catch (const Error &error) {
                    throw InputError(whereUnit(units, feature.fid), error.message());
                }
                if (GEOSisEmpty_r(handle, unit.get()) == 1) {
                    out.push_back(visit);
                    continue;
                }
                visit.hasGeometry = true;
                double minX = 0, minY = 0, maxX = 0, maxY = 0;
                GEOSGeom_getXMin_r(handle, unit.get(), &minX);
                GEOSGeom_getYMin_r(handle, unit.get(), &minY);
                GEOSGeom_getXMax_r(handle, unit.get(), &maxX);
                GEOSGeom_getYMax_r(handle, unit.get(), &maxY);
                const std::optional<Window> window = windowFor(grid, minX, minY, maxX, maxY);
                if (!window) {
                    visit.outside = true;
                    out.push_back(visit);
                    continue;
                }
                const geos::PreparedPtr prepared(GEOSPrepare_r(handle, unit.get()),
                                                 geos::PreparedDeleter{handle});
                auto check = [&](char answer) {
                    if (answer == 2) {
                        throw ProcessingError(whereUnit(units, feature.fid),
                                              QStringLiteral("GEOS: %1").arg(context.lastError()));
                    }
                    return answer == 1;
                };
                auto areaOf = [&](double x, double y, double fraction) {
                    return options.measureInUnitCrs
                               ? fraction * cellAreaInUnits(*worker, grid, x, y, rasterPath)
                               : 0.0;
                };

                // Cell centres in the unit's interior (GEOS 3.11 has no contains-XY, so each
                // centre is a short-lived point). With the fallback, the first counted cell is
                // held back until a second one shows the unit is not small, so that the sink
                // sees each unit's cells from one rule only.
                qint64 counted = 0;
                RasterCell pending;
                forEachValidCell(
                    *worker, grid, *window, rasterPath, feedback,
                    [&](double value, double x, double y, int column, int row) {
                        const geos::GeometryPtr centre =
                            geos::own(context, GEOSGeom_createPointFromXY_r(handle, x, y));
                        if (!check(GEOSPreparedContains_r(handle, prepared.get(), centre.get())))
                            return;
                        const RasterCell cell{value, column, row, 1.0, areaOf(x, y, 1.0)};
                        ++counted;
                        if (!options.smallUnitFallback) {
                            sink(u, cell);
                        } else if (counted == 1) {
                            pending = cell;
                        } else {
                            if (counted == 2)
                                sink(u, pending);
                            sink(u, cell);
                        }
                    });

                if (options.smallUnitFallback && counted <= 1) {
                    visit.fallback = true;
                    forEachValidCell(
                        *worker, grid, *window, rasterPath, feedback,
                        [&](double value, double x, double y, int column, int row) {
                            const double halfX = grid.cellX / 2;
                            const double halfY = grid.cellY / 2;
                            const geos::GeometryPtr cell = geos::own(
                                context, GEOSGeom_createRectangle_r(handle, x - halfX, y - halfY,
                                                                    x + halfX, y + halfY));
                            if (!check(
                                    GEOSPreparedIntersects_r(handle, prepared.get(), cell.get())))
                                return;
                            GEOSGeometry *piece =
                                GEOSIntersection_r(handle, unit.get(), cell.get());
                            if (!piece)
                                piece = GEOSIntersectionPrec_r(handle, unit.get(), cell.get(),
                                                               grid.cellX * 1e-9);
                            const geos::GeometryPtr owned = geos::own(context, piece);
                            double area = 0;
                            if (!owned || GEOSArea_r(handle, owned.get(), &area) == 0) {
                                throw ProcessingError(
                                    whereUnit(units, feature.fid),
                                    QStringLiteral("GEOS: %1").arg(context.lastError()));
                            }
                            if (area <= 0)
                                return;
                            const double fraction = area / cellArea;
                            sink(u,
                                 RasterCell{value, column, row, fraction, areaOf(x, y, fraction)});
                        });
                }
                out.push_back(visit);
            }
        });
}

} // namespace riskatlas::overlay
