// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/raster_zonal.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"
#include "core/overlay/raster_cells.h"
#include "core/overlay/zonal_summary.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <memory>

namespace riskatlas::overlay {

namespace {

struct UnitStats
{
    double count = 0;
    double sum = 0;
    double max = -HUGE_VAL;
};

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
    gdal::ensureRegistered();
    gdal::ErrorCapture capture;
    const QByteArray bytes = QFile::encodeName(path);
    return gdal::DatasetPtr(GDALOpenEx(bytes.constData(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                                       nullptr, nullptr, nullptr)) != nullptr;
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
    RasterCellOptions cellOptions;
    cellOptions.band = options.band;
    cellOptions.smallUnitFallback = options.smallUnitFallback;
    cellOptions.threads = options.threads;
    cellOptions.feedback = feedback;
    // Each unit is visited by one thread at a time, so its slot needs no lock.
    std::vector<UnitStats> results(units.features.size());
    const std::vector<RasterUnitVisit> visits = visitRasterCells(
        units, rasterPath, cellOptions, [&](std::size_t unit, const RasterCell &cell) {
            UnitStats &stats = results[unit];
            stats.count += cell.fraction;
            stats.sum += cell.value * cell.fraction;
            stats.max = std::max(stats.max, cell.value);
        });
    const RasterGrid grid = describeRaster(rasterPath, options.band);

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
        const RasterUnitVisit &visit = visits[u];
        model::Feature feature = units.features[u];
        while (feature.attributes.size() < units.fields.size())
            feature.attributes.append(QVariant());
        fallbackUnits += visit.fallback ? 1 : 0;
        outside += visit.outside ? 1 : 0;
        withoutGeometry += visit.hasGeometry ? 0 : 1;
        const bool counted = stats.count > 0;
        for (RasterStatistic statistic : statistics) {
            if (!visit.hasGeometry) {
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
