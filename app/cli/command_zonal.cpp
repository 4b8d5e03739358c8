// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/crs/crs.h"
#include "core/error.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/overlay/raster_zonal.h"
#include "core/overlay/zonal_summary.h"

#include <cstdio>

namespace riskatlas::cli {

namespace {

// --stat may be repeated and may hold a comma-separated list.
QStringList statisticNames(const QStringList &values)
{
    QStringList names;
    for (const QString &value : values) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const QString name = part.trimmed().toLower();
            if (!name.isEmpty() && !names.contains(name))
                names.append(name);
        }
    }
    return names;
}

void printWarnings(const QStringList &warnings)
{
    for (const QString &warning : warnings)
        std::printf("warning: %s\n", warning.toUtf8().constData());
}

} // namespace

int runZonal(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Summarise a vector or raster LAYER over the polygons of UNITS (e.g. townships) and "
        "write UNITS with new columns to OUT. Vector layers (points or polygons) are measured "
        "in one metric CRS (CGCS2000 3-degree Gauss-Kruger for geographic data); a point on a "
        "unit's boundary counts in no unit, as in QGIS. A raster (.tif .tiff .img .vrt) is "
        "summarised over the cells whose centre lies inside each unit, nodata left out, the "
        "units reprojected to the raster's CRS. See docs/zonal.md."));
    parser.addPositionalArgument(QStringLiteral("UNITS"),
                                 QStringLiteral("Polygon units: FILE, FILE|layername=NAME or "
                                                "FILE|layerid=N."));
    parser.addPositionalArgument(QStringLiteral("LAYER"),
                                 QStringLiteral("Layer to summarise: a vector source or a "
                                                "single-band raster."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output file (.gpkg .shp .zip .geojson .csv "
                                                   ".xlsx)."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption stat(
        QStringLiteral("stat"),
        QStringLiteral("Statistic, repeatable or comma-separated. Vector: count, sum, max, "
                       "class-area, class-share, weighted-mean. Raster: count, sum, mean, max."),
        QStringLiteral("STAT"));
    const QCommandLineOption field(QStringLiteral("field"),
                                   QStringLiteral("Value field (sum, max, weighted-mean) or class "
                                                  "field (class-area, class-share) of a vector "
                                                  "LAYER."),
                                   QStringLiteral("F"));
    const QCommandLineOption assign(
        QStringLiteral("assign"),
        QStringLiteral("Which units a polygon of LAYER counts in for count, sum and max: "
                       "overlap (default: every unit it shares area with) or point-on-surface "
                       "(the one unit holding a point inside it)."),
        QStringLiteral("RULE"));
    const QCommandLineOption band(QStringLiteral("band"),
                                  QStringLiteral("Raster band (default 1)."), QStringLiteral("N"));
    const QCommandLineOption centresOnly(
        QStringLiteral("centres-only"),
        QStringLiteral("Raster: count only cells whose centre is inside, even for a unit "
                       "holding at most one centre (QGIS then weights the cells it covers by "
                       "the covered fraction, and so does RiskAtlas without this option)."));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Worker threads (default: all cores)."),
                                     QStringLiteral("N"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace an existing output."));
    const QCommandLineOption sourceSrs(QStringLiteral("s-srs"),
                                       QStringLiteral("CRS of a vector input that has none "
                                                      "(e.g. EPSG:4490)."),
                                       QStringLiteral("CRS"));
    parser.addOptions(
        {output, stat, field, assign, band, centresOnly, threads, overwrite, sourceSrs});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printError(QStringLiteral("zonal needs UNITS and LAYER"));
        return BadInput;
    }
    if (!parser.isSet(output)) {
        printError(QStringLiteral("zonal needs an output: -o OUT"));
        return BadInput;
    }
    const QStringList names = statisticNames(parser.values(stat));
    if (names.isEmpty()) {
        printError(QStringLiteral("zonal needs a statistic: --stat count|sum|max|class-area|"
                                  "class-share|weighted-mean (raster: count|sum|mean|max)"));
        return BadInput;
    }
    int threadCount = 0;
    if (!parseThreadCount(parser, threads, 1, threadCount))
        return BadInput;

    Feedback feedback;
    ProgressBar bar(feedback);
    try {
        crs::Crs fallbackCrs;
        if (parser.isSet(sourceSrs))
            fallbackCrs = crs::Crs::fromUserInput(parser.value(sourceSrs));
        auto read = [&](const QString &spec, std::optional<QStringList> fields = {}) {
            io::ReadOptions readOptions;
            readOptions.threads = threadCount;
            readOptions.fields = std::move(fields);
            model::VectorLayer layer = io::readLayer(spec, readOptions, nullptr, &feedback);
            if (!layer.crs.isValid() && fallbackCrs.isValid())
                layer.crs = fallbackCrs;
            return layer;
        };
        io::WriteOptions writeOptions;
        writeOptions.overwrite = parser.isSet(overwrite);
        const QString outPath = parser.value(output);

        const bool raster = overlay::isRasterPath(positional[1]);
        model::VectorLayer result;
        QStringList added;
        QStringList warnings;
        QString measuredIn;
        if (raster) {
            overlay::RasterZonalOptions options;
            for (const QString &name : names) {
                const auto statistic = overlay::parseRasterStatistic(name);
                if (!statistic) {
                    throw InputError({positional[1]},
                                     QStringLiteral("\"%1\" is not a raster statistic; use "
                                                    "count, sum, mean or max")
                                         .arg(name));
                }
                options.statistics.append(*statistic);
            }
            if (parser.isSet(band)) {
                bool ok = false;
                options.band = parser.value(band).toInt(&ok);
                if (!ok || options.band < 1)
                    throw InputError({}, QStringLiteral("--band needs a positive number"));
            }
            if (parser.isSet(field))
                throw InputError({}, QStringLiteral("--field is for vector layers; a raster "
                                                    "has no fields"));
            options.smallUnitFallback = !parser.isSet(centresOnly);
            options.threads = threadCount;
            options.feedback = &feedback;
            const model::VectorLayer units = read(positional[0]);
            overlay::RasterZonalReport report;
            result = overlay::rasterZonalSummary(units, positional[1], options, &report);
            added = report.addedFields;
            warnings = report.warnings;
            measuredIn = report.rasterCrs.authId();
        } else {
            overlay::ZonalOptions options;
            for (const QString &name : names) {
                const auto statistic = overlay::parseZonalStatistic(name);
                if (!statistic) {
                    throw InputError({positional[1]},
                                     QStringLiteral("\"%1\" is not a vector statistic; use "
                                                    "count, sum, max, class-area, class-share "
                                                    "or weighted-mean")
                                         .arg(name));
                }
                options.statistics.append(*statistic);
            }
            if (parser.isSet(assign)) {
                const QString rule = parser.value(assign).toLower();
                if (rule == QLatin1String("overlap"))
                    options.assignment = overlay::PolygonAssignment::Overlap;
                else if (rule == QLatin1String("point-on-surface"))
                    options.assignment = overlay::PolygonAssignment::PointOnSurface;
                else
                    throw InputError({}, QStringLiteral("--assign is overlap or "
                                                        "point-on-surface, not \"%1\"")
                                             .arg(rule));
            }
            if (parser.isSet(band) || parser.isSet(centresOnly))
                throw InputError({positional[1]},
                                 QStringLiteral("--band and --centres-only are for rasters"));
            options.field = parser.value(field);
            options.threads = threadCount;
            options.feedback = &feedback;
            const model::VectorLayer units = read(positional[0]);
            // Of the layer only the summarised field is needed; the output is the units'.
            const model::VectorLayer layer =
                read(positional[1],
                     options.field.isEmpty() ? QStringList() : QStringList{options.field});
            overlay::ZonalReport report;
            result = overlay::zonalSummary(units, layer, options, &report);
            added = report.addedFields;
            warnings = report.warnings;
            measuredIn = report.metricCrs.authId();
        }

        io::WriteReport writeReport;
        io::writeLayer(result, outPath, writeOptions, &writeReport, &feedback);
        std::printf("%s: %lld units, columns added: %s (measured in %s)\n",
                    outPath.toUtf8().constData(), static_cast<long long>(result.features.size()),
                    added.join(QStringLiteral(", ")).toUtf8().constData(),
                    measuredIn.toUtf8().constData());
        printWriteReport(writeReport);
        printWarnings(warnings);
    } catch (const Error &error) {
        return reportError(error);
    }
    return Success;
}

} // namespace riskatlas::cli
