// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/crs/crs.h"
#include "core/error.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"

#include <cstdio>

namespace riskatlas::cli {

int runConvert(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Convert a layer between formats; the format comes from OUT's extension "
                       "(.gpkg .shp .zip .geojson .csv .xlsx). Geometries are validated and "
                       "repaired (MakeValid), every repair reported. The output is written to a "
                       "temporary file and renamed into place: a failed run leaves nothing."));
    parser.addPositionalArgument(QStringLiteral("IN"),
                                 QStringLiteral("Source: FILE, FILE|layername=NAME or "
                                                "FILE|layerid=N."));
    parser.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("Output file."));
    const QCommandLineOption targetSrs(QStringLiteral("t-srs"),
                                       QStringLiteral("Reproject to this CRS (e.g. EPSG:4549)."),
                                       QStringLiteral("CRS"));
    const QCommandLineOption sourceSrs(QStringLiteral("s-srs"),
                                       QStringLiteral("Source CRS, when it has none or it is "
                                                      "wrong."),
                                       QStringLiteral("CRS"));
    const QCommandLineOption encoding(
        QStringList{QStringLiteral("encoding"), QStringLiteral("t-encoding")},
        QStringLiteral("Output text encoding for .shp/.zip/.csv: "
                       "UTF-8 (default) or GBK."),
        QStringLiteral("ENC"));
    const QCommandLineOption sourceEncoding(QStringLiteral("s-encoding"),
                                            QStringLiteral("Source text encoding of a DBF or "
                                                           "CSV, when not detected right."),
                                            QStringLiteral("ENC"));
    const QCommandLineOption layerName(QStringLiteral("layer-name"),
                                       QStringLiteral("Layer name in the output."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace an existing output."));
    const QCommandLineOption repair(QStringLiteral("repair"),
                                    QStringLiteral("Read a damaged source as far as possible "
                                                   "(missing .shx, truncated records, "
                                                   "undecodable text, swapped coordinates) and "
                                                   "report what was done."));
    parser.addOptions(
        {targetSrs, sourceSrs, encoding, sourceEncoding, layerName, overwrite, repair});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printError(QStringLiteral("convert needs IN and OUT"));
        return BadInput;
    }

    Feedback feedback;
    ProgressBar bar(feedback);
    try {
        io::ReadOptions readOptions;
        readOptions.encoding = parser.value(sourceEncoding);
        readOptions.repair = parser.isSet(repair);
        if (parser.isSet(sourceSrs))
            readOptions.sourceCrs = crs::Crs::fromUserInput(parser.value(sourceSrs));
        io::WriteOptions writeOptions;
        if (parser.isSet(encoding))
            writeOptions.encoding = parser.value(encoding);
        writeOptions.overwrite = parser.isSet(overwrite);
        writeOptions.layerName = parser.value(layerName);
        if (parser.isSet(targetSrs))
            writeOptions.targetCrs = crs::Crs::fromUserInput(parser.value(targetSrs));

        io::ReadReport readReport;
        const model::VectorLayer layer =
            io::readLayer(positional[0], readOptions, &readReport, &feedback);
        // An output without a CRS only moves the problem on; the user names it instead.
        if (!layer.crs.isValid() && layer.geometryType != model::GeometryType::None) {
            throw InputError({positional[0]},
                             QStringLiteral("has no coordinate reference system (no .prj or "
                                            "CRS definition); name it with --s-srs, e.g. "
                                            "--s-srs EPSG:4490"));
        }
        io::WriteReport writeReport;
        io::writeLayer(layer, positional[1], writeOptions, &writeReport, &feedback);

        std::printf("%s: %lld features written (%s)\n", positional[1].toUtf8().constData(),
                    static_cast<long long>(layer.features.size()),
                    writeReport.driver.toUtf8().constData());
        for (const QString &note : readReport.notes)
            std::printf("note: %s\n", note.toUtf8().constData());
        for (const QString &step : readReport.fileRepairs)
            std::printf("repaired: %s\n", step.toUtf8().constData());
        for (const geometry::RepairEntry &entry : readReport.geometry.entries) {
            std::printf("geometry: fid %lld: %s — %s (area %.2f → %.2f %s)\n",
                        static_cast<long long>(entry.fid), entry.problem.toUtf8().constData(),
                        entry.action.toUtf8().constData(), entry.areaBefore, entry.areaAfter,
                        readReport.geometry.areaUnit.toUtf8().constData());
        }
        printWriteReport(writeReport);
    } catch (const Error &error) {
        return reportError(error);
    }
    return Success;
}

} // namespace riskatlas::cli
