// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/error.h"
#include "core/hazard/model_parser.h"
#include "core/hazard/risk_pipeline.h"

#include <QElapsedTimer>

#include <cstdio>

namespace riskatlas::cli {

namespace {

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

void printTiling(const char *what, qint64 zones, const hazard::TilingCheck &tiling)
{
    std::printf("%s: %lld zones, %.6f km² of %.6f km² (relative difference %.1e), overlaps "
                "%.3g m², gaps %.3g m²\n",
                what, static_cast<long long>(zones), tiling.zonesArea / 1e6, tiling.studyArea / 1e6,
                tiling.relativeDifference(), tiling.overlapArea, tiling.gapArea);
}

} // namespace

int runZone(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run a five-colour natural-hazard risk model (docs/five-colour.md): hazard H, exposure "
        "E, vulnerability V and capacity C per assessment unit, combined by the model's "
        "formula, classified into five levels (1 低 ... 5 高), and the risk map, risk zoning, "
        "prevention zoning, per-hazard five-colour maps, tables and model_report.json written "
        "into OUTDIR. Paths in the model are relative to the model file."));
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("The model file (JSON)."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output folder (created when missing)."),
                                    QStringLiteral("OUTDIR"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("Map format: gpkg (default), shp (UTF-8 "
                                                   "with .cpg, under OUTDIR/shp) or both."),
                                    QStringLiteral("gpkg|shp|both"), QStringLiteral("gpkg"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Worker threads (default: all cores); the "
                                                    "results do not depend on it."),
                                     QStringLiteral("N"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace existing outputs."));
    parser.addOptions({output, format, threads, overwrite});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(output)) {
        printError(QStringLiteral("zone needs MODEL and -o OUTDIR"));
        return BadInput;
    }
    hazard::PipelineOptions options;
    const QString formatName = parser.value(format);
    if (formatName == QLatin1String("gpkg"))
        options.format = hazard::OutputFormat::GeoPackage;
    else if (formatName == QLatin1String("shp"))
        options.format = hazard::OutputFormat::Shapefile;
    else if (formatName == QLatin1String("both"))
        options.format = hazard::OutputFormat::Both;
    else {
        printError(QStringLiteral("--format \"%1\" is not gpkg, shp or both").arg(formatName));
        return BadInput;
    }
    if (!parseThreadCount(parser, threads, 1, options.threads))
        return BadInput;
    options.outDir = parser.value(output);
    options.overwrite = parser.isSet(overwrite);

    Feedback feedback;
    options.feedback = &feedback;
    QElapsedTimer clock;
    clock.start();
    try {
        const hazard::RiskModel model = hazard::loadRiskModel(positional[0]);
        hazard::PipelineSummary summary;
        {
            ProgressBar bar(feedback);
            summary = hazard::runRiskModel(model, options);
        }
        std::printf("%s: %lld units\n", utf8(positional[0]).constData(),
                    static_cast<long long>(summary.units));
        std::printf("breaks:");
        for (const double value : summary.breaks)
            std::printf(" %.6g", value);
        std::printf("\n");
        std::printf("units per level 1 (低) to 5 (高):");
        for (const qint64 count : summary.unitsPerLevel)
            std::printf(" %lld", static_cast<long long>(count));
        std::printf("\n");
        printTiling("risk zoning", summary.riskZones, summary.riskTiling);
        printTiling("prevention zoning", summary.preventionZones, summary.preventionTiling);
        for (const QString &warning : summary.warnings + feedback.warnings())
            std::printf("warning: %s\n", utf8(warning).constData());
        std::printf("%s: %lld files written in %.1f s\n", utf8(options.outDir).constData(),
                    static_cast<long long>(summary.files.size()), clock.elapsed() / 1000.0);
    } catch (const Error &error) {
        return reportError(error);
    }
    return Success;
}

} // namespace riskatlas::cli
