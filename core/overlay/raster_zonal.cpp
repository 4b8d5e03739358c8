// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/raster_zonal.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"
#include "core/geos/geos_context.h"
#include "core/overlay/parallel_chunks.h"
#include "core/overlay/zonal_summary.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <memory>

namespace riskatlas::overlay {

namespace {

// Cells read per GDALRasterIO call: 8 MiB of doubles per thread, whatever the unit's size.
constexpr std::size_t kCellsPerRead = std::size_t(1) << 20;

// What a unit needs to know of the raster; plain values, shared read-only by the workers.
struct Grid
{
    int width = 0;
    int height = 0;
    double originX = 0; // left edge
    double originY = 0; // top edge
    double cellX = 0;
    double cellY = 0; // positive; rows run south
    bool hasNoData = false;
    double noData = 0;
    crs::Crs crs;
};

// A window of cells: columns [column, column + columns), rows [row, row + rows).
struct Window
{
    int column = 0;
    int row = 0;
    int columns = 0;
    int rows = 0;
};

struct UnitStats
{
    bool hasGeometry = false;
    bool outside = false;
    bool fallback = false;
    double count = 0;
    double sum = 0;
    double max = -HUGE_VAL;
};

gdal::DatasetPtr openRaster(const QString &path, gdal::ErrorCapture &capture)
{
    gdal::ensureRegistered();
    const QByteArray bytes = QFile::encodeName(path);
    return gdal::DatasetPtr(GDALOpenEx(bytes.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                                       nullptr, nullptr, nullptr));
}

Grid describe(GDALDatasetH dataset, const QString &path, int band)
{
    Grid grid;
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
std::optional<Window> windowFor(const Grid &grid, double minX, double minY, double maxX,
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
    std::unique_ptr<crs::CoordinateTransform> transform;
    std::vector<double> buffer;
};

// Calls visit(value, centreX, centreY, column, row) for each valid cell of `window`, reading it
// in strips of rows.
template<typename Visit>
void forEachValidCell(Worker &worker, const Grid &grid, const Window &window, const QString &path,
                      Feedback *feedback, Visit visit)
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

} // namespace

QString rasterStatisticName(RasterStatistic statistic)
{
    switch (statistic) {
    case RasterStatistic::Count:
        return QStringLiteral("count");
    case RasterStatistic::Sum:
        return QStringLiteral("sum");
    case RasterStatistic::Mean:
        return QStringLiteral("mean");
    case RasterStatistic::Max:
        return QStringLiteral("max");
    }
    return {};
}

std::optional<RasterStatistic> parseRasterStatistic(const QString &name)
{
    for (RasterStatistic statistic : {RasterStatistic::Count, RasterStatistic::Sum,
                                      RasterStatistic::Mean, RasterStatistic::Max}) {
        if (name.compare(rasterStatisticName(statistic), Qt::CaseInsensitive) == 0)
            return statistic;
    }
    return std::nullopt;
}

bool isRasterPath(const QString &path)
{
    static const QStringList suffixes = {QStringLiteral("tif"), QStringLiteral("tiff"),
                                         QStringLiteral("img"), QStringLiteral("vrt")};
    if (!suffixes.contains(QFileInfo(path).suffix().toLower()))
        return false;
    gdal::ErrorCapture capture;
    return openRaster(path, capture) != nullptr;
}

model::VectorLayer rasterZonalSummary(const model::VectorLayer &units, const QString &rasterPath,
                                      const RasterZonalOptions &options, RasterZonalReport *report)
{
    Feedback *feedback = options.feedback;
    QList<RasterStatistic> statistics;
    for (RasterStatistic statistic : options.statistics) {
        if (!statistics.contains(statistic))
            statistics.append(statistic);
    }
    if (statistics.isEmpty())
        throw InputError({}, QStringLiteral("no statistic asked for"));
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

    Grid grid;
    {
        gdal::ErrorCapture capture;
        const gdal::DatasetPtr dataset = openRaster(rasterPath, capture);
        if (!dataset) {
            throw InputError(
                {rasterPath},
                QStringLiteral("cannot open as a raster: %1").arg(capture.lastMessage()));
        }
        grid = describe(dataset.get(), rasterPath, options.band);
    }
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

    const std::vector<UnitStats> results = runChunked<UnitStats>(
        units.features.size(), chunkOptions,
        [&] {
            auto worker = std::make_unique<Worker>();
            worker->dataset = openRaster(rasterPath, worker->capture);
            if (!worker->dataset) {
                throw ProcessingError(
                    {rasterPath},
                    QStringLiteral("cannot open: %1").arg(worker->capture.lastMessage()));
            }
            worker->band = GDALGetRasterBand(worker->dataset.get(), options.band);
            worker->transform = std::make_unique<crs::CoordinateTransform>(unitCrs, grid.crs);
            return worker;
        },
        [&](std::unique_ptr<Worker> &worker, std::size_t begin, std::size_t end,
            std::vector<UnitStats> &out) {
            const geos::Context &context = worker->context;
            const GEOSContextHandle_t handle = context.handle();
            for (std::size_t u = begin; u < end; ++u) {
                const model::Feature &feature = units.features[u];
                UnitStats stats;
                if (feature.wkb.isEmpty()) {
                    out.push_back(stats);
                    continue;
                }
                geos::GeometryPtr unit;
                try {
                    unit = geos::fromWkb(context, worker->transform->transformWkb(feature.wkb));
                } catch (const Error &error) {
                    throw InputError(whereUnit(units, feature.fid), error.message());
                }
                if (GEOSisEmpty_r(handle, unit.get()) == 1) {
                    out.push_back(stats);
                    continue;
                }
                stats.hasGeometry = true;
                double minX = 0, minY = 0, maxX = 0, maxY = 0;
                GEOSGeom_getXMin_r(handle, unit.get(), &minX);
                GEOSGeom_getYMin_r(handle, unit.get(), &minY);
                GEOSGeom_getXMax_r(handle, unit.get(), &maxX);
                GEOSGeom_getYMax_r(handle, unit.get(), &maxY);
                const std::optional<Window> window = windowFor(grid, minX, minY, maxX, maxY);
                if (!window) {
                    stats.outside = true;
                    out.push_back(stats);
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

                // Cell centres in the unit's interior (GEOS 3.11 has no contains-XY, so each
                // centre is a short-lived point).
                forEachValidCell(
                    *worker, grid, *window, rasterPath, feedback,
                    [&](double value, double x, double y, int, int) {
                        const geos::GeometryPtr centre =
                            geos::own(context, GEOSGeom_createPointFromXY_r(handle, x, y));
                        if (!check(GEOSPreparedContains_r(handle, prepared.get(), centre.get())))
                            return;
                        stats.count += 1;
                        stats.sum += value;
                        stats.max = std::max(stats.max, value);
                    });

                if (options.smallUnitFallback && stats.count <= 1) {
                    stats.fallback = true;
                    stats.count = 0;
                    stats.sum = 0;
                    stats.max = -HUGE_VAL;
                    forEachValidCell(
                        *worker, grid, *window, rasterPath, feedback,
                        [&](double value, double x, double y, int, int) {
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
                            const double weight = area / cellArea;
                            stats.count += weight;
                            stats.sum += value * weight;
                            stats.max = std::max(stats.max, value);
                        });
                }
                out.push_back(stats);
            }
        });

    model::VectorLayer output;
    output.name = units.name;
    output.crs = units.crs;
    output.geometryType = units.geometryType;
    output.fields = units.fields;
    output.sourcePath = units.sourcePath;
    output.sourceEncoding = units.sourceEncoding;
    output.encodingSource = units.encodingSource;
    QStringList added;
    for (RasterStatistic statistic : statistics) {
        const QString name = uniqueFieldName(output.fields, rasterStatisticName(statistic));
        output.fields.append({name, model::FieldType::Real});
        added.append(name);
    }
    qint64 fallbackUnits = 0;
    qint64 outside = 0;
    qint64 withoutGeometry = 0;
    output.features.reserve(units.features.size());
    for (std::size_t u = 0; u < units.features.size(); ++u) {
        const UnitStats &stats = results[u];
        model::Feature feature = units.features[u];
        while (feature.attributes.size() < units.fields.size())
            feature.attributes.append(QVariant());
        fallbackUnits += stats.fallback ? 1 : 0;
        outside += stats.outside ? 1 : 0;
        withoutGeometry += stats.hasGeometry ? 0 : 1;
        const bool counted = stats.count > 0;
        for (RasterStatistic statistic : statistics) {
            if (!stats.hasGeometry) {
                feature.attributes.append(QVariant());
                continue;
            }
            switch (statistic) {
            case RasterStatistic::Count:
                feature.attributes.append(stats.count);
                break;
            case RasterStatistic::Sum:
                feature.attributes.append(stats.sum);
                break;
            case RasterStatistic::Mean:
                feature.attributes.append(counted ? QVariant(stats.sum / stats.count) : QVariant());
                break;
            case RasterStatistic::Max:
                feature.attributes.append(counted ? QVariant(stats.max) : QVariant());
                break;
            }
        }
        output.features.push_back(std::move(feature));
    }

    QStringList warnings;
    if (outside > 0) {
        warnings.append(
            QStringLiteral("%1 units lie outside the raster; they count 0 cells").arg(outside));
    }
    if (withoutGeometry > 0) {
        warnings.append(QStringLiteral("%1 units have no geometry; their statistics are empty")
                            .arg(withoutGeometry));
    }
    if (fallbackUnits > 0) {
        warnings.append(QStringLiteral("%1 units hold at most one cell centre; they were "
                                       "summarised by the covered fraction of each cell")
                            .arg(fallbackUnits));
    }
    if (feedback) {
        for (const QString &warning : warnings)
            feedback->pushWarning(warning);
    }
    if (report) {
        report->rasterCrs = grid.crs;
        report->addedFields = added;
        report->warnings = warnings;
        report->fallbackUnits = fallbackUnits;
        report->unitsOutside = outside;
    }
    return output;
}

} // namespace riskatlas::overlay
