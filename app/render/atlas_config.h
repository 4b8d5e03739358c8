// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "render/feature_style.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace riskatlas::render {

/// One layer of an atlas: where it comes from, its place in the draw order, its style and
/// labels. `source` is resolved against the configuration's folder.
struct AtlasLayerConfig
{
    QString id;
    QString source; ///< FILE or FILE|layername=NAME
    QString title;
    LayerRole role = LayerRole::Base;
    FeatureStyle style;
    QString labelField;
    double labelPt = 0; ///< 0: the template's label size when labelField is set
    bool asImage = false;
};

/// One statistic of the per-unit table.
struct AtlasStatistic
{
    enum class Kind {
        Area,         ///< the unit's area, km², in the metric CRS
        RasterSum,    ///< sum of a raster's cells whose centre is in the unit (population)
        Count,        ///< features of `layer` in the unit (polygons by point-on-surface)
        CountByLevel, ///< one row per palette class: features of `layer` with that `field`
        ClassArea     ///< one row per palette class: km² of `layer` with that `field`
    };
    Kind kind = Kind::Area;
    QString label;
    QString layer;  ///< a layer id of the configuration (Count, CountByLevel, ClassArea)
    QString raster; ///< resolved raster path (RasterSum)
    QString field;  ///< integer class field (CountByLevel, ClassArea)
    QString palette;
    int decimals = 0;
};

/// An atlas configuration (docs/atlas.md): title, producing unit, template, the coverage layer
/// whose units get one page each, the layers, the table's rows, the model parameters shown
/// (and hashed) in the notes.
struct AtlasConfig
{
    QString path; ///< the configuration file
    QString title;
    QString subtitle;
    QString producer;
    QString date;          ///< yyyy-MM-dd; empty: today
    QString layout;        ///< template id or resolved path
    QString coverageLayer; ///< a layer id
    QString coverageNameField;
    std::vector<AtlasLayerConfig> layers;
    std::vector<AtlasStatistic> statistics;
    QStringList sources; ///< data sources for the notes; empty: the layers' files
    QJsonObject parameters;
    double imageDpi = 300; ///< resolution of layers drawn as images

    const AtlasLayerConfig *layer(const QString &id) const;
    /// SHA-256 (hex) of the parameters in compact JSON with sorted keys.
    QString parametersHash() const;
};

/// Reads and checks an atlas configuration. Relative paths are resolved against the file's
/// folder. Throws InputError naming the file and the key path (e.g. `layers[2].style.palette`)
/// for malformed JSON, missing keys (`coverage`, `layout`, `layers`, `title`), unknown roles,
/// kinds or layer ids, bad styles.
AtlasConfig loadAtlasConfig(const QString &path);

} // namespace riskatlas::render
