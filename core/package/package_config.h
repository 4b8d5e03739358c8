// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/style/palette.h"
#include "core/style/qgis_style_writer.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace riskatlas::package {

/// One result layer of the package: written as a Shapefile set and as a layer of the
/// GeoPackage, with a QGIS style.
struct PackageLayer
{
    QString source; ///< resolved FILE or FILE|layername=NAME
    QString name;   ///< layer name in the GeoPackage and the Shapefile's file name
    QString title;  ///< style name and description shown in QGIS
    /// Categorised on `field` with `palette` when set; else one symbol.
    QString field;
    std::optional<style::Palette> palette;
    style::QgisSymbol symbol; ///< the single symbol, or the outline/size/opacity of the classes
};

/// A package configuration (docs/package.md).
struct PackageConfig
{
    QString path;       ///< the configuration file
    QString resultsDir; ///< absolute folder `results:` paths resolve against; may be empty
    QString title;
    QString geopackage; ///< file name of the GeoPackage in the package
    std::vector<PackageLayer> layers;
    QStringList tables;    ///< resolved files copied into tables/
    QStringList documents; ///< resolved files copied to the package's root (atlas PDF, reports)
    QStringList configs;   ///< resolved model/configuration files: JSON contents in the manifest
    QStringList inputs;    ///< resolved input files: size and SHA-256 in the manifest
    QJsonObject raw;       ///< the configuration as read, for the manifest
};

/// Reads and checks a package configuration. Relative paths are resolved against its folder;
/// `results:REL` paths against `resultsDir` when not empty (the CLI's --results), else against
/// the configuration's `results` key. Every named file must exist (a shapefile's .shx and .dbf
/// too). Throws InputError naming the file and the key path (e.g. `layers[1].style.palette`)
/// for malformed JSON, missing keys, unknown palettes, bad colours, duplicate layer names and
/// missing files.
PackageConfig loadPackageConfig(const QString &path, const QString &resultsDir = {});

} // namespace riskatlas::package
