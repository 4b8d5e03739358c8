// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/crs/crs.h"
#include "core/error.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/overlay/dissolve.h"
#include "core/overlay/eliminate.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace riskatlas::cli {

namespace {

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

double relativeDifference(double before, double after)
{
    const double scale = std::max(std::abs(before), std::abs(after));
    return scale > 0 ? std::abs(after - before) / scale : 0.0;
}

void printAreas(double before, double after)
{
    std::printf("area: %.2f m² before, %.2f m² after (relative difference %.1e)\n", before, after,
                relativeDifference(before, after));
}

void printEliminate(const overlay::EliminateReport &report, bool parts)
{
    const char *what = parts ? "parts" : "features";
    std::printf("eliminate: %lld of %lld %s under %.2f m²; %lld merged (%lld into a neighbour "
                "itself under the threshold), %lld left, %d %s\n",
                static_cast<long long>(report.smallBefore),
                static_cast<long long>(report.featuresBefore), what, report.minArea,
                static_cast<long long>(report.merged),
                static_cast<long long>(report.mergedIntoSmall),
                static_cast<long long>(report.featuresAfter), report.passes,
                report.passes == 1 ? "pass" : "passes");
    std::printf("islands: %lld (under the threshold, sharing no border with another polygon)\n",
                static_cast<long long>(report.islands.size()));
    for (const overlay::EliminateIsland &island : report.islands)
        std::printf("island: %s %lld, %.2f m²\n", parts ? "a part of fid" : "fid",
                    static_cast<long long>(island.fid), island.area);
}

} // namespace

int runDissolve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Dissolve a layer by the values of fields, and eliminate small polygons: the tools that "
        "clean a zoning map. Areas are measured, and the output written, in the CGCS2000 "
        "3-degree Gauss-Kruger zone of the data (or the layer's own projected CRS).\n"
        "\n"
        "  --by F[,G...]            one feature per distinct combination of values; the union "
        "of its geometries, multi-part. Every field keeps the value of the group's first "
        "feature (as QGIS's Dissolve).\n"
        "  (no --by, no --eliminate-below)  the whole layer becomes one feature.\n"
        "  --eliminate-below A      without --by: the features as they are, each polygon "
        "feature under A m² merged into the neighbour sharing its longest border (as QGIS's "
        "Eliminate selected polygons, largest common boundary), repeated until every one left "
        "under A is an island; the neighbour keeps its attributes.\n"
        "  --by F --eliminate-below A  dissolve by F, split the result into its parts, "
        "eliminate the parts under A into their neighbours, dissolve by F again: small patches "
        "of one class inside another disappear into it.\n"
        "\n"
        "The total area is kept (for polygons that do not overlap) and reported, with every "
        "island left. The output is written to a temporary file and renamed into place."));
    parser.addPositionalArgument(QStringLiteral("IN"),
                                 QStringLiteral("Source: FILE, FILE|layername=NAME or "
                                                "FILE|layerid=N."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output file (.gpkg .shp .zip .geojson "
                                                   ".csv .xlsx)."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption by(QStringLiteral("by"),
                                QStringLiteral("Dissolve fields, comma-separated (or the option "
                                               "repeated)."),
                                QStringLiteral("FIELD,..."));
    const QCommandLineOption eliminateBelow(
        QStringLiteral("eliminate-below"),
        QStringLiteral("Eliminate polygons (or, with --by, parts) smaller than this many m²."),
        QStringLiteral("M2"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Worker threads (default: all cores); the "
                                                    "result does not depend on it."),
                                     QStringLiteral("N"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace an existing output."));
    const QCommandLineOption sourceSrs(QStringLiteral("s-srs"),
                                       QStringLiteral("Source CRS, when it has none or it is "
                                                      "wrong (e.g. EPSG:4490)."),
                                       QStringLiteral("CRS"));
    parser.addOptions({output, by, eliminateBelow, threads, overwrite, sourceSrs});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(output)) {
        printError(QStringLiteral("dissolve needs IN and -o OUT"));
        return BadInput;
    }

    QStringList fields;
    for (const QString &value : parser.values(by)) {
        for (const QString &name : value.split(QLatin1Char(','))) {
            if (name.trimmed().isEmpty()) {
                printError(QStringLiteral("--by \"%1\" names an empty field").arg(value));
                return BadInput;
            }
            fields.append(name.trimmed());
        }
    }
    double minArea = 0;
    if (parser.isSet(eliminateBelow)) {
        bool ok = false;
        minArea = parser.value(eliminateBelow).toDouble(&ok);
        if (!ok || !std::isfinite(minArea) || minArea <= 0) {
            printError(QStringLiteral("--eliminate-below \"%1\" is not an area in m² above 0")
                           .arg(parser.value(eliminateBelow)));
            return BadInput;
        }
    }
    int threadCount = 0;
    if (!parseThreadCount(parser, threads, 1, threadCount))
        return BadInput;

    Feedback feedback;
    ProgressBar bar(feedback);
    try {
        io::ReadOptions readOptions;
        readOptions.threads = threadCount;
        if (parser.isSet(sourceSrs))
            readOptions.sourceCrs = crs::Crs::fromUserInput(parser.value(sourceSrs));
        io::WriteOptions writeOptions;
        writeOptions.overwrite = parser.isSet(overwrite);
        const QString outPath = parser.value(output);

        io::ReadReport readReport;
        model::VectorLayer layer =
            io::readLayer(positional[0], readOptions, &readReport, &feedback);
        // Refused before the work, not after it: an existing output is the user's to replace.
        if (!writeOptions.overwrite && QFileInfo::exists(outPath)) {
            throw InputError({outPath}, QStringLiteral("exists; use --overwrite to replace it"));
        }

        model::VectorLayer result;
        if (fields.isEmpty() && parser.isSet(eliminateBelow)) {
            overlay::EliminateOptions options;
            options.threads = threadCount;
            options.feedback = &feedback;
            overlay::EliminateResult eliminated =
                overlay::eliminate(std::move(layer), minArea, options);
            result = std::move(eliminated.layer);
            io::WriteReport writeReport;
            io::writeLayer(result, outPath, writeOptions, &writeReport, &feedback);
            std::printf("%s: %lld features written (%s, %s)\n", utf8(outPath).constData(),
                        static_cast<long long>(result.features.size()),
                        utf8(writeReport.driver).constData(),
                        utf8(result.crs.authId()).constData());
            printEliminate(eliminated.report, false);
            printAreas(eliminated.report.areaBefore, eliminated.report.areaAfter);
        } else {
            overlay::DissolveOptions options;
            options.threads = threadCount;
            options.feedback = &feedback;
            options.eliminateBelow = minArea;
            overlay::DissolveResult dissolved =
                overlay::dissolve(std::move(layer), fields, options);
            result = std::move(dissolved.layer);
            io::WriteReport writeReport;
            io::writeLayer(result, outPath, writeOptions, &writeReport, &feedback);
            const overlay::DissolveReport &report = dissolved.report;
            std::printf("%s: %lld features written (%s, %s)\n", utf8(outPath).constData(),
                        static_cast<long long>(result.features.size()),
                        utf8(writeReport.driver).constData(),
                        utf8(report.metricCrs.authId()).constData());
            std::printf(
                "dissolve: %lld features into %lld (%s); %lld merged\n",
                static_cast<long long>(report.featuresBefore),
                static_cast<long long>(report.featuresAfter),
                fields.isEmpty()
                    ? "whole layer"
                    : utf8(QStringLiteral("by ") + fields.join(QStringLiteral(", "))).constData(),
                static_cast<long long>(report.featuresMerged));
            if (report.featuresWithoutGeometry > 0)
                std::printf("note: %lld features without geometry\n",
                            static_cast<long long>(report.featuresWithoutGeometry));
            if (report.eliminate)
                printEliminate(*report.eliminate, true);
            printAreas(report.areaBefore, report.areaAfter);
            for (const QString &note : writeReport.notes)
                std::printf("note: %s\n", utf8(note).constData());
        }
        for (const QString &note : readReport.notes)
            std::printf("note: %s\n", utf8(note).constData());
        for (const geometry::RepairEntry &entry : readReport.geometry.entries) {
            std::printf("geometry: fid %lld: %s — %s\n", static_cast<long long>(entry.fid),
                        utf8(entry.problem).constData(), utf8(entry.action).constData());
        }
    } catch (const Error &error) {
        return reportError(error);
    }
    return Success;
}

} // namespace riskatlas::cli
