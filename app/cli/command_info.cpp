// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/crs/crs.h"
#include "core/error.h"
#include "core/io/dataset_path.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_summary.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace riskatlas::cli {

int runInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Describe census layers: driver, CRS, feature count, geometry type, "
                       "extent, fields, text encoding and geometry validity.\n"
                       "PATH may be FILE, FILE|layername=NAME or FILE|layerid=N; every layer "
                       "of a multi-layer file is described."));
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Data sources."),
                                 QStringLiteral("PATH..."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption encoding(QStringLiteral("encoding"),
                                      QStringLiteral("Text encoding of DBF/CSV (e.g. GBK)."),
                                      QStringLiteral("ENC"));
    const QCommandLineOption sourceSrs(QStringLiteral("s-srs"),
                                       QStringLiteral("CRS to assume (e.g. EPSG:4490)."),
                                       QStringLiteral("CRS"));
    const QCommandLineOption repair(QStringLiteral("repair"),
                                    QStringLiteral("Read damaged files as far as possible."));
    parser.addOptions({json, encoding, sourceSrs, repair});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    if (parser.positionalArguments().isEmpty()) {
        printError(QStringLiteral("info needs at least one PATH"));
        return BadInput;
    }

    Feedback feedback;
    ProgressBar bar(feedback);
    QJsonArray layers;
    int result = Success;
    for (const QString &path : parser.positionalArguments()) {
        try {
            io::ReadOptions options;
            options.encoding = parser.value(encoding);
            options.repair = parser.isSet(repair);
            if (parser.isSet(sourceSrs))
                options.sourceCrs = crs::Crs::fromUserInput(parser.value(sourceSrs));
            // A path without a layer names every layer it holds.
            QStringList specs{path};
            const io::DatasetPath source = io::DatasetPath::parse(path);
            if (source.layerName.isEmpty() && !source.layerIndex) {
                const QStringList names = io::listLayers(path);
                if (names.size() > 1) {
                    specs.clear();
                    for (const QString &name : names)
                        specs.append(source.path + QStringLiteral("|layername=") + name);
                }
            }
            for (const QString &spec : specs) {
                io::ReadReport report;
                const model::VectorLayer layer = io::readLayer(spec, options, &report, &feedback);
                if (parser.isSet(json))
                    layers.append(io::layerSummaryJson(layer, report));
                else
                    std::printf("%s\n", io::layerSummaryText(layer, report).toUtf8().constData());
            }
        } catch (const Error &error) {
            result = reportError(error);
            if (error.kind() == ErrorKind::Cancelled)
                return ProcessingFailure;
        }
    }
    if (parser.isSet(json))
        std::printf("%s", QJsonDocument(layers).toJson(QJsonDocument::Indented).constData());
    return result;
}

} // namespace riskatlas::cli
