// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/raster_hazard.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"
#include "core/geos/geos_context.h"
#include "core/overlay/dissolve.h"
#include "core/overlay/raster_cells.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <gdal_alg.h>
#include <ogr_api.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

// Integer levels only: a cell value of 2.5 or 1e300 has no level.
std::optional<qint64> levelOf(double value)
{
    if (!std::isfinite(value) || value != std::floor(value) || std::abs(value) > 9.0e15)
        return std::nullopt;
    return qint64(value);
}

// `cells` = 0: the count is not known (a cell met while summing one unit).
InputError unknownLevel(const QString &rasterPath, double value, int row, int column, qint64 cells,
                        int index, const QString &modelPath)
{
    const QString where =
        cells > 0
            ? Tr::tr("row %1, column %2; %n cell(s) in all", "", int(cells)).arg(row).arg(column)
            : Tr::tr("row %1, column %2").arg(row).arg(column);
    return InputError({rasterPath},
                      Tr::tr("cell value %1 (%2) is not a level of hazards[%3].scores in %4")
                          .arg(value, 0, 'g', 17)
                          .arg(where)
                          .arg(index)
                          .arg(modelPath));
}

struct UnitHazard
{
    double weighted = 0; // Σ score·area
    double above = 0;    // Σ area of cells at or above the threshold
    double counted = 0;  // Σ area
    double max = -HUGE_VAL;
};

// GDAL calls this between scanlines; it must not throw, so cancelling is only reported back.
int CPL_STDCALL polygoniseProgress(double, const char *, void *data)
{
    const auto *feedback = static_cast<const Feedback *>(data);
    return feedback && feedback->isCanceled() ? FALSE : TRUE;
}

} // namespace

QHash<qint64, double> rasterLevelScores(const HazardSpec &spec, int index, const QString &modelPath)
{
    QHash<qint64, double> scores;
    for (auto it = spec.scores.begin(); it != spec.scores.end(); ++it) {
        bool ok = false;
        const qint64 level = it.key().trimmed().toLongLong(&ok);
        if (!ok)
            throw InputError(
                {modelPath},
                QStringLiteral("hazards[%1].scores.\"%2\": ").arg(index).arg(it.key()) +
                    Tr::tr("the levels of a raster hazard are the "
                           "band's integer values"));
        if (scores.contains(level))
            throw InputError(
                {modelPath},
                QStringLiteral("hazards[%1].scores.\"%2\": ").arg(index).arg(it.key()) +
                    Tr::tr("level %1 is given twice").arg(level));
        scores.insert(level, it.value());
    }
    return scores;
}

std::vector<double> rasterHazardIndicator(const model::VectorLayer &units, const HazardSpec &spec,
                                          int index, const QString &modelPath, int threads,
                                          Feedback *feedback)
{
    const QHash<qint64, double> scores = rasterLevelScores(spec, index, modelPath);
    const double threshold = spec.scores.value(spec.threshold);
    overlay::RasterCellOptions options;
    options.measureInUnitCrs = true;
    options.threads = threads;
    options.feedback = feedback;
    // Each unit is visited by one thread at a time, so its slot needs no lock.
    std::vector<UnitHazard> sums(units.features.size());
    overlay::visitRasterCells(units, spec.source, options,
                              [&](std::size_t unit, const overlay::RasterCell &cell) {
                                  const std::optional<qint64> level = levelOf(cell.value);
                                  if (!level || !scores.contains(*level))
                                      throw unknownLevel(spec.source, cell.value, cell.row,
                                                         cell.column, 0, index, modelPath);
                                  const double score = scores.value(*level);
                                  UnitHazard &sum = sums[unit];
                                  sum.weighted += score * cell.area;
                                  sum.counted += cell.area;
                                  if (score >= threshold)
                                      sum.above += cell.area;
                                  sum.max = std::max(sum.max, score);
                              });

    geos::Context context;
    std::vector<double> values(units.features.size(), 0.0);
    for (std::size_t u = 0; u < units.features.size(); ++u) {
        const UnitHazard &sum = sums[u];
        if (sum.counted <= 0)
            continue;
        const double denominator =
            std::max(overlay::wkbArea(context, units.features[u].wkb), sum.counted);
        switch (spec.aggregation) {
        case HazardAggregation::AreaWeightedMean:
            values[u] = sum.weighted / denominator;
            break;
        case HazardAggregation::MaxLevel:
            values[u] = sum.max;
            break;
        case HazardAggregation::ShareAtOrAbove:
            values[u] = sum.above / denominator;
            break;
        }
    }
    return values;
}

ScoredHazard polygoniseRasterHazard(const HazardSpec &spec, int index, const QString &modelPath,
                                    const crs::Crs &metricCrs, int threads, Feedback *feedback)
{
    const QHash<qint64, double> scores = rasterLevelScores(spec, index, modelPath);
    QHash<qint64, int> gradeOfLevel;
    {
        const QMap<QString, int> grades = hazardGrades(spec, index, modelPath);
        for (auto it = grades.begin(); it != grades.end(); ++it)
            gradeOfLevel.insert(it.key().trimmed().toLongLong(), it.value());
    }
    const double threshold = spec.scores.value(spec.threshold);
    const overlay::RasterGrid grid = overlay::describeRaster(spec.source, 1);
    if (feedback)
        feedback->setStep(Tr::tr("polygonising %1").arg(QFileInfo(spec.source).fileName()));

    gdal::ErrorCapture capture;
    const QByteArray bytes = QFile::encodeName(spec.source);
    const gdal::DatasetPtr raster(GDALOpenEx(bytes.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                                             nullptr, nullptr, nullptr));
    if (!raster)
        throw InputError({spec.source},
                         QStringLiteral("cannot open as a raster: %1").arg(capture.lastMessage()));
    GDALRasterBandH band = GDALGetRasterBand(raster.get(), 1);
    GDALDriverH memory = GDALGetDriverByName("Memory");
    if (!memory)
        throw ProcessingError({spec.source}, QStringLiteral("GDAL has no Memory driver"));
    const gdal::DatasetPtr cells(GDALCreate(memory, "", 0, 0, 0, GDT_Unknown, nullptr));
    if (!cells)
        throw ProcessingError(
            {spec.source},
            QStringLiteral("cannot create a memory layer: %1").arg(capture.lastMessage()));
    OGRLayerH layer = GDALDatasetCreateLayer(cells.get(), "cells", GDALGetSpatialRef(raster.get()),
                                             wkbPolygon, nullptr);
    const gdal::FieldDefnPtr field(OGR_Fld_Create("value", OFTReal));
    if (!layer || OGR_L_CreateField(layer, field.get(), TRUE) != OGRERR_NONE)
        throw ProcessingError(
            {spec.source},
            QStringLiteral("cannot create a memory layer: %1").arg(capture.lastMessage()));
    // The band's mask leaves nodata cells out; values are compared as floats, so that a Float32
    // band of levels polygonises like an integer one.
    const CPLErr status = GDALFPolygonize(band, GDALGetMaskBand(band), layer, 0, nullptr,
                                          polygoniseProgress, feedback);
    if (feedback)
        feedback->throwIfCanceled();
    if (status != CE_None)
        throw ProcessingError({spec.source},
                              QStringLiteral("cannot polygonise: %1").arg(capture.lastMessage()));

    model::VectorLayer scored;
    scored.name = QFileInfo(spec.source).completeBaseName();
    scored.sourcePath = spec.source;
    scored.crs = grid.crs;
    scored.geometryType = model::GeometryType::Polygon;
    scored.fields = {{spec.levelField, model::FieldType::Integer},
                     {QStringLiteral("h_score"), model::FieldType::Real},
                     {QStringLiteral("h_grade"), model::FieldType::Integer},
                     {QStringLiteral("h_above"), model::FieldType::Integer}};
    // Values without a level: how many cells hold each, and the first polygon's point.
    struct Unknown
    {
        double cells = 0;
        int row = 0;
        int column = 0;
    };
    std::map<double, Unknown> unknown;
    const double cellArea = grid.cellX * grid.cellY;
    OGR_L_ResetReading(layer);
    qint64 fid = 0;
    while (const gdal::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        if (feedback)
            feedback->throwIfCanceled();
        const double value = OGR_F_GetFieldAsDouble(feature.get(), 0);
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature.get());
        if (!geometry || std::isnan(value))
            continue;
        const std::optional<qint64> level = levelOf(value);
        if (!level || !scores.contains(*level)) {
            Unknown &entry = unknown[value];
            if (entry.cells == 0) {
                const gdal::GeometryPtr inside(OGR_G_PointOnSurface(geometry));
                if (inside) {
                    entry.column =
                        int(std::floor((OGR_G_GetX(inside.get(), 0) - grid.originX) / grid.cellX));
                    entry.row =
                        int(std::floor((grid.originY - OGR_G_GetY(inside.get(), 0)) / grid.cellY));
                }
            }
            entry.cells += OGR_G_Area(geometry) / cellArea;
            continue;
        }
        const double score = scores.value(*level);
        model::Feature out;
        out.fid = ++fid;
        out.attributes = {
            *level, score, gradeOfLevel.value(*level),
            spec.aggregation == HazardAggregation::ShareAtOrAbove && score >= threshold ? 1 : 0};
        QByteArray wkb(int(OGR_G_WkbSize(geometry)), Qt::Uninitialized);
        OGR_G_ExportToIsoWkb(geometry, wkbNDR, reinterpret_cast<unsigned char *>(wkb.data()));
        out.wkb = std::move(wkb);
        scored.features.push_back(std::move(out));
    }
    if (!unknown.empty()) {
        const auto &[value, entry] = *unknown.begin();
        throw unknownLevel(spec.source, value, entry.row, entry.column,
                           qint64(std::llround(entry.cells)), index, modelPath);
    }

    overlay::DissolveOptions options;
    options.metricCrs = metricCrs;
    options.threads = threads;
    options.feedback = feedback;
    overlay::DissolveResult dissolved =
        overlay::dissolve(std::move(scored), {spec.levelField}, options);
    return {spec, std::move(dissolved.layer)};
}

} // namespace riskatlas::hazard
