// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/crs/crs.h"
#include "core/error.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/overlay/overlay_operation.h"

#include <cstdio>

namespace riskatlas::cli {

namespace {

void printRepairs(const QString &source, const io::ReadReport &report)
{
    for (const geometry::RepairEntry &entry : report.geometry.entries) {
        std::printf("geometry: %s: fid %lld: %s — %s (area %.2f → %.2f %s)\n",
                    source.toUtf8().constData(), static_cast<long long>(entry.fid),
                    entry.problem.toUtf8().constData(), entry.action.toUtf8().constData(),
                    entry.areaBefore, entry.areaAfter,
                    report.geometry.areaUnit.toUtf8().constData());
    }
}

} // namespace

int runOverlay(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Overlay layer A with polygon layer B, as QGIS's processing tools do:\n"
        "  intersection  pieces of A inside B, A's then B's attributes\n"
        "  union         A∩B, A−B and B−A, the absent side's attributes null\n"
        "  identity      A∩B and A−B: A split by B, B's attributes null outside B\n"
        "  difference    A minus B, A's attributes\n"
        "  clip          A cut to B, A's attributes\n"
        "A may be points, lines or polygons (polygons for union). Both layers are reprojected "
        "to one CGCS2000 Gauss-Krüger zone and the output is in it, so areas are in m². A B "
        "field whose name A already has gets _2. Geometries are validated and repaired on "
        "reading. The output is written to a temporary file and renamed into place: a failed "
        "or cancelled (Ctrl-C) run leaves nothing."));
    parser.addPositionalArgument(QStringLiteral("OPERATION"),
                                 QStringLiteral("intersection, union, identity, difference or "
                                                "clip."));
    parser.addPositionalArgument(QStringLiteral("A"),
                                 QStringLiteral("Input layer: FILE, FILE|layername=NAME or "
                                                "FILE|layerid=N."));
    parser.addPositionalArgument(QStringLiteral("B"), QStringLiteral("Overlay polygon layer."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output file (.gpkg .shp .zip .geojson .csv "
                                                   ".xlsx)."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Worker threads (default: all cores); the "
                                                    "output does not depend on it."),
                                     QStringLiteral("N"));
    const QCommandLineOption gridSize(
        QStringLiteral("grid-size"),
        QStringLiteral("Fixed grid in metres for the retry when GEOS fails in floating point "
                       "(default: 1e-6, then 1e-3). Every retry is reported."),
        QStringLiteral("G"));
    const QCommandLineOption sourceSrs(QStringLiteral("s-srs"),
                                       QStringLiteral("Source CRS of both inputs, when they have "
                                                      "none or it is wrong."),
                                       QStringLiteral("CRS"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace an existing output."));
    parser.addOptions({output, threads, gridSize, sourceSrs, overwrite});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3 || !parser.isSet(output)) {
        printError(QStringLiteral("overlay needs OPERATION, A, B and -o OUT"));
        return BadInput;
    }
    const std::optional<overlay::OverlayOperation> operation =
        overlay::operationFromName(positional[0]);
    if (!operation) {
        printError(QStringLiteral("unknown overlay operation \"%1\" (intersection, union, "
                                  "identity, difference or clip)")
                       .arg(positional[0]));
        return BadInput;
    }
    overlay::OverlayOptions options;
    if (!parseThreadCount(parser, threads, 0, options.threads))
        return BadInput;
    if (parser.isSet(gridSize)) {
        bool ok = false;
        options.gridSize = parser.value(gridSize).toDouble(&ok);
        if (!ok || !(options.gridSize > 0)) {
            printError(QStringLiteral("--grid-size needs a positive number of metres, not \"%1\"")
                           .arg(parser.value(gridSize)));
            return BadInput;
        }
    }

    Feedback feedback;
    ProgressBar bar(feedback);
    options.feedback = &feedback;
    try {
        io::ReadOptions readOptions;
        readOptions.threads = options.threads;
        if (parser.isSet(sourceSrs))
            readOptions.sourceCrs = crs::Crs::fromUserInput(parser.value(sourceSrs));
        io::WriteOptions writeOptions;
        writeOptions.overwrite = parser.isSet(overwrite);

        io::ReadReport reportA;
        io::ReadReport reportB;
        model::VectorLayer a = io::readLayer(positional[1], readOptions, &reportA, &feedback);
        model::VectorLayer b = io::readLayer(positional[2], readOptions, &reportB, &feedback);
        const overlay::OverlayResult result =
            overlay::overlayLayers(*operation, std::move(a), std::move(b), options);
        io::WriteReport writeReport;
        io::writeLayer(result.layer, parser.value(output), writeOptions, &writeReport, &feedback);

        std::printf("%s: %lld features written (%s, %s)\n",
                    parser.value(output).toUtf8().constData(),
                    static_cast<long long>(result.layer.features.size()),
                    writeReport.driver.toUtf8().constData(),
                    result.layer.crs.authId().toUtf8().constData());
        printRepairs(positional[1], reportA);
        printRepairs(positional[2], reportB);
        for (const QString &note : result.notes)
            std::printf("note: %s\n", note.toUtf8().constData());
        printWriteReport(writeReport);
    } catch (const Error &error) {
        return reportError(error);
    }
    return Success;
}

} // namespace riskatlas::cli
