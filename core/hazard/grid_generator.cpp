// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/grid_generator.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/geometry/layer_extent.h"
#include "core/geos/geometry_parts.h"
#include "core/geos/geos_context.h"
#include "core/overlay/dissolve.h"
#include "core/overlay/metric_inputs.h"

#include <QCoreApplication>

#include <cmath>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

constexpr double kMaxCells = 2'000'000;

geos::GeometryPtr box(const geos::Context &context, double x0, double y0, double x1, double y1)
{
    GEOSCoordSequence *ring = GEOSCoordSeq_create_r(context.handle(), 5, 2);
    const double xs[] = {x0, x1, x1, x0, x0};
    const double ys[] = {y0, y0, y1, y1, y0};
    for (unsigned i = 0; i < 5; ++i)
        GEOSCoordSeq_setXY_r(context.handle(), ring, i, xs[i], ys[i]);
    GEOSGeometry *shell = GEOSGeom_createLinearRing_r(context.handle(), ring);
    return geos::own(context, GEOSGeom_createPolygon_r(context.handle(), shell, nullptr, 0));
}

// Cells of `size` (layer units) over `boundary`, clipped to the union of its polygons.
model::VectorLayer makeGrid(const model::VectorLayer &boundary, double size, Feedback *feedback)
{
    if (geometryDimension(boundary.geometryType) != 2)
        throw InputError({boundary.sourcePath, boundary.name},
                         Tr::tr("a grid needs a polygon boundary layer"));
    const std::optional<geometry::Extent> extent = geometry::layerExtent(boundary);
    if (!extent)
        throw InputError({boundary.sourcePath, boundary.name}, Tr::tr("has no geometry"));
    const double col0 = std::floor(extent->minX / size);
    const double col1 = std::ceil(extent->maxX / size);
    const double row0 = std::ceil(extent->maxY / size);
    const double row1 = std::floor(extent->minY / size);
    const double cols = std::max(1.0, col1 - col0);
    const double rows = std::max(1.0, row0 - row1);
    if (cols * rows > kMaxCells)
        throw InputError({boundary.sourcePath, boundary.name},
                         Tr::tr("a grid of %1 × %2 cells is too large (at most %3); use a "
                                "larger cell size")
                             .arg(cols)
                             .arg(rows)
                             .arg(kMaxCells));

    geos::Context context;
    std::vector<QByteArray> wkbs;
    for (const model::Feature &feature : boundary.features) {
        if (!feature.wkb.isEmpty())
            wkbs.push_back(feature.wkb);
    }
    const geos::GeometryPtr area = geos::fromWkb(
        context, overlay::unionWkb(context, wkbs, 2, false, {boundary.sourcePath, boundary.name}));
    const geos::PreparedPtr prepared(GEOSPrepare_r(context.handle(), area.get()),
                                     geos::PreparedDeleter{context.handle()});

    model::VectorLayer grid;
    grid.name = QStringLiteral("units");
    grid.crs = boundary.crs;
    grid.geometryType = model::GeometryType::MultiPolygon;
    grid.fields = {{QStringLiteral("unit_id"), model::FieldType::String},
                   {QStringLiteral("row"), model::FieldType::Integer},
                   {QStringLiteral("col"), model::FieldType::Integer}};
    grid.sourcePath = boundary.sourcePath;
    qint64 fid = 1;
    for (int r = 0; r < int(rows); ++r) {
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * r / rows);
        }
        const double y1 = (row0 - r) * size;
        const double y0 = y1 - size;
        for (int c = 0; c < int(cols); ++c) {
            const double x0 = (col0 + c) * size;
            const geos::GeometryPtr cell = box(context, x0, y0, x0 + size, y0 + size);
            if (!GEOSPreparedIntersects_r(context.handle(), prepared.get(), cell.get()))
                continue;
            geos::GeometryPtr piece;
            if (GEOSPreparedContains_r(context.handle(), prepared.get(), cell.get()) == 1)
                piece = geos::own(context, GEOSGeom_clone_r(context.handle(), cell.get()));
            else
                piece = geos::own(context,
                                  GEOSIntersection_r(context.handle(), cell.get(), area.get()));
            if (!piece)
                throw ProcessingError({boundary.sourcePath, boundary.name},
                                      Tr::tr("cannot clip grid cell R%1C%2 to the boundary: %3")
                                          .arg(r)
                                          .arg(c)
                                          .arg(context.lastError()));
            std::vector<geos::GeometryPtr> parts;
            geos::collectParts(context, piece.get(), 2, parts);
            if (parts.empty())
                continue; // touches the boundary only along an edge or at a corner
            const geos::GeometryPtr multi =
                geos::makeCollection(context, geos::multiTypeForDimension(2), std::move(parts));
            model::Feature feature;
            feature.fid = fid++;
            feature.attributes = {QStringLiteral("R%1C%2").arg(r).arg(c), r, c};
            feature.wkb = geos::toWkb(context, multi.get());
            grid.features.push_back(std::move(feature));
        }
    }
    grid.geometryValidated = true;
    return grid;
}

} // namespace

model::VectorLayer squareGrid(const model::VectorLayer &boundary, double cellSize,
                              const crs::Crs &metricCrs, Feedback *feedback)
{
    if (!(cellSize > 0))
        throw InputError({boundary.sourcePath, boundary.name},
                         Tr::tr("the cell size must be above 0 m"));
    model::VectorLayer metric = boundary;
    overlay::reprojectToMetric({&metric}, metricCrs, feedback);
    return makeGrid(metric, cellSize, feedback);
}

model::VectorLayer geographicGrid(const model::VectorLayer &boundary, double cellSize,
                                  Feedback *feedback)
{
    if (!(cellSize > 0))
        throw InputError({boundary.sourcePath, boundary.name},
                         Tr::tr("the cell size must be above 0 arc-seconds"));
    if (!boundary.crs.isValid())
        throw InputError({boundary.sourcePath, boundary.name}, Tr::tr("has no CRS"));
    // The census grids are in CGCS2000 lon/lat; reprojectToMetric only makes metric layers.
    model::VectorLayer geographic = boundary;
    const crs::CoordinateTransform transform(boundary.crs, crs::cgcs2000());
    if (!transform.isIdentity()) {
        for (model::Feature &feature : geographic.features) {
            if (feedback)
                feedback->throwIfCanceled();
            if (!feature.wkb.isEmpty())
                feature.wkb = transform.transformWkb(feature.wkb);
        }
        geographic.geometryValidated = false;
    }
    geographic.crs = crs::cgcs2000();
    return makeGrid(geographic, cellSize / 3600.0, feedback);
}

} // namespace riskatlas::hazard
