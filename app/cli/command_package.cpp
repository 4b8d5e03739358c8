// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/error.h"
#include "core/package/package_builder.h"
#include "core/package/package_config.h"

#include <QElapsedTimer>

#include <cstdio>

namespace riskatlas::cli {

int runPackage(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Build the submission package (成果包) of CONFIG.json as one .zip: each result layer as "
        "a Shapefile set, all layers in one GeoPackage with their QGIS styles, the statistics "
        "tables, the atlas PDF and manifest.json (version, parameters, SHA-256 of every input "
        "and file). See docs/package.md."));
    parser.addPositionalArgument(QStringLiteral("CONFIG"),
                                 QStringLiteral("Package configuration (JSON)."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output .zip."), QStringLiteral("OUT.zip"));
    const QCommandLineOption results(
        QStringLiteral("results"),
        QStringLiteral("Folder that `results:` paths resolve against; overrides the "
                       "configuration's \"results\"."),
        QStringLiteral("DIR"));
    const QCommandLineOption encoding(
        QStringLiteral("encoding"),
        QStringLiteral("Shapefile attribute encoding: UTF-8 (default) or GBK for old ArcGIS."),
        QStringLiteral("ENC"), QStringLiteral("UTF-8"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace an existing output."));
    parser.addOptions({output, results, encoding, overwrite});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || !parser.isSet(output)) {
        printError(QStringLiteral("package needs CONFIG.json and -o OUT.zip"));
        return BadInput;
    }
    const QString outPath = parser.value(output);
    if (!outPath.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)) {
        printError(QStringLiteral("the output must be a .zip, not \"%1\"").arg(outPath));
        return BadInput;
    }
    package::PackageOptions options;
    options.encoding = parser.value(encoding).toUpper();
    if (options.encoding == QLatin1String("UTF8"))
        options.encoding = QStringLiteral("UTF-8");
    if (options.encoding != QLatin1String("UTF-8") && options.encoding != QLatin1String("GBK")) {
        printError(
            QStringLiteral("--encoding \"%1\" is not UTF-8 or GBK").arg(parser.value(encoding)));
        return BadInput;
    }
    options.overwrite = parser.isSet(overwrite);
    options.commandLine = arguments.mid(1);

    Feedback feedback;
    QElapsedTimer clock;
    clock.start();
    try {
        const package::PackageConfig config =
            package::loadPackageConfig(positional[0], parser.value(results));
        package::PackageReport report;
        {
            ProgressBar bar(feedback);
            report = package::buildPackage(config, outPath, options, &feedback);
        }
        for (const QString &renamed : report.renamedFields)
            std::printf("shapefile field renamed: %s\n", renamed.toUtf8().constData());
        for (const QString &warning : feedback.warnings())
            std::printf("warning: %s\n", warning.toUtf8().constData());
        std::printf("%s: %lld files, %zu layers (%s), %.1f MB, %.1f s\n",
                    outPath.toUtf8().constData(), static_cast<long long>(report.entries.size()),
                    config.layers.size(), options.encoding.toUtf8().constData(),
                    double(report.zipBytes) / 1e6, double(clock.elapsed()) / 1000.0);
    } catch (const Error &error) {
        return reportError(error);
    }
    return Success;
}

} // namespace riskatlas::cli
