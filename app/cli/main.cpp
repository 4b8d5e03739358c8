// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

using namespace riskatlas::cli;

namespace {

const char kUsage[] =
    "Usage: riskatlas-cli COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  info PATH... [--json]      describe census layers: driver, CRS, features, fields,\n"
    "                             encoding, geometry validity\n"
    "  convert IN OUT             convert between formats (.gpkg .shp .zip .geojson .csv .xlsx)\n"
    "  overlay OP A B -o OUT      intersection, union, identity, difference or clip of A by B\n"
    "  zonal UNITS LAYER -o OUT   summarise a vector or raster layer over polygon units\n"
    "  dissolve IN -o OUT         dissolve by fields; eliminate small polygons\n"
    "  zone MODEL -o OUTDIR       five-colour natural-hazard risk model: risk map, zoning,\n"
    "                             prevention zoning, per-hazard maps, tables\n"
    "  enterprises CONFIG -o DIR  enterprise four-colour risk map, lists and survey comparison\n"
    "  atlas CONFIG -o OUT.pdf    the PDF atlas (or PNG pages) of an atlas configuration\n"
    "  package CONFIG -o OUT.zip  the submission package: shapefiles, styled GeoPackage,\n"
    "                             tables, atlas PDF and a manifest with checksums\n"
    "  project SUBCOMMAND ...     create, fill and inspect a project file (.riskatlas):\n"
    "                             create, add-layer, set-model, show, verify, override, ...\n"
    "  run PROJECT -o OUTDIR      run a project end to end: five-colour model, enterprises,\n"
    "                             atlas, package; results and run log back into the project\n"
    "\n"
    "Run 'riskatlas-cli COMMAND --help' for a command's options.\n"
    "Exit codes: 0 success, 1 processing error, 2 bad input or usage.\n";

} // namespace

int main(int argc, char *argv[])
{
    // The atlas draws text, which needs QtGui's font database: a QGuiApplication, run headless
    // on the offscreen platform when no display is set. Every other command stays QtCore.
    const bool needsGui =
        argc > 1 && (std::strcmp(argv[1], "atlas") == 0 || std::strcmp(argv[1], "run") == 0);
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app = needsGui
                                                ? std::make_unique<QGuiApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("riskatlas-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RISKATLAS_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        std::fputs(kUsage, stderr);
        return BadInput;
    }
    const QString command = arguments.takeAt(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        std::fputs(kUsage, stdout);
        return Success;
    }
    if (command == QLatin1String("--version")) {
        std::printf("riskatlas-cli %s\n", RISKATLAS_VERSION);
        return Success;
    }
    arguments[0] = QStringLiteral("riskatlas-cli ") + command;
    if (command == QLatin1String("info"))
        return runInfo(arguments);
    if (command == QLatin1String("convert"))
        return runConvert(arguments);
    if (command == QLatin1String("overlay"))
        return runOverlay(arguments);
    if (command == QLatin1String("zonal"))
        return runZonal(arguments);
    if (command == QLatin1String("dissolve"))
        return runDissolve(arguments);
    if (command == QLatin1String("zone"))
        return runZone(arguments);
    if (command == QLatin1String("enterprises"))
        return runEnterprises(arguments);
    if (command == QLatin1String("atlas"))
        return runAtlas(arguments);
    if (command == QLatin1String("package"))
        return runPackage(arguments);
    if (command == QLatin1String("project"))
        return runProject(arguments);
    if (command == QLatin1String("run"))
        return runRun(arguments);
    printError(QStringLiteral("unknown command \"%1\"").arg(command));
    std::fputs(kUsage, stderr);
    return BadInput;
}
