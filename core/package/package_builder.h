// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/package/package_config.h"

#include <QString>
#include <QStringList>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::package {

struct PackageOptions
{
    /// Shapefile attribute encoding: "UTF-8" (with .cpg) or "GBK" (.cpg and DBF language byte,
    /// for old ArcGIS).
    QString encoding = QStringLiteral("UTF-8");
    bool overwrite = false;
    /// Shown in the manifest's parameters: how the package was asked for (e.g. the command line).
    QStringList commandLine;
};

struct PackageReport
{
    QStringList entries;       ///< the files in the zip, in order (manifest.json last)
    QStringList renamedFields; ///< "layer: original → written" for DBF's 10-byte names
    qint64 zipBytes = 0;
};

/// Builds the submission package `zipPath` of `config`:
///   <geopackage>            every layer, each with its default QGIS style in layer_styles
///   shp/<name>.shp …        each layer as a Shapefile set in `options.encoding` (.cpg written),
///                           with <name>.qml beside it (QGIS loads it with the shapefile)
///   tables/<file>           the statistics tables
///   <file>                  the documents (atlas PDF, model report)
///   manifest.json           package_manifest.h: version, parameters, configurations, SHA-256
///                           and size of every input and of every other file of the package
/// Everything is made in a temporary folder beside the output and zipped to a temporary file
/// that is renamed into place at the end: a failure or cancel leaves no partial package and
/// never touches an existing one.
/// Throws InputError (existing output without overwrite, two files with the same name in the
/// package, unreadable inputs, a layer without the style's field, text the encoding cannot
/// hold), ProcessingError, CancelledError.
PackageReport buildPackage(const PackageConfig &config, const QString &zipPath,
                           const PackageOptions &options, Feedback *feedback = nullptr);

} // namespace riskatlas::package
