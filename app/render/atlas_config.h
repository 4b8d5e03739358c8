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
/// labels. `source` is resolved against the configuration's folder, or against the results
/// folder when it starts with `results:` (see loadAtlasConfig).
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
    QString path;       ///< the configuration file
    QString resultsDir; ///< absolute folder `results:` sources resolve against; may be empty
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
    /// The compacting pass (pdfStencilMasksToG4: masks left in Flate tried in CCITT G4 or
    /// JBIG2, rounded path numbers, qpdf rewrite). It costs 0.2–2 s, so by default (Auto) it
    /// runs only when the dense layers' masks come to at least kCompactPdfAutoBytes as encoded
    /// while painting: a county with 200 000
    /// buildings, not the sample county with 20 000. Key `compact_pdf`: "auto", "always",
    /// "never".
    enum class CompactPdf { Auto, Always, Never };
    CompactPdf compactPdf = CompactPdf::Auto;
    static constexpr qint64 kCompactPdfAutoBytes = 1 << 20;
    /// Whether the compacting pass may code a mask in JBIG2 (`/JBIG2Decode`, PDF 1.4) when that
    /// is smaller than G4 and Flate; false keeps to G4 and Flate, for print workflows that
    /// refuse JBIG2. Key `jbig2_masks` (default true).
    bool jbig2Masks = true;

    const AtlasLayerConfig *layer(const QString &id) const;
    /// SHA-256 (hex) of the parameters in compact JSON with sorted keys.
    QString parametersHash() const;
};

/// Reads and checks an atlas configuration. Relative paths are resolved against the file's
/// folder. A source or raster written `results:REL` (e.g. `results:five_colour/risk_zoning.gpkg`)
/// names the output of an earlier run: REL is resolved against `resultsDir` when not empty
/// (the CLI's --results, relative to the working folder), else against the configuration's
/// `results` key (relative to the configuration's folder).
/// Throws InputError naming the file and the key path (e.g. `layers[2].style.palette`)
/// for malformed JSON, missing keys (`coverage`, `layout`, `layers`, `title`), unknown roles,
/// kinds or layer ids, bad styles, a `results:` source without a results folder, or a
/// `results:` file that does not exist (the error names the resolved file).
AtlasConfig loadAtlasConfig(const QString &path, const QString &resultsDir = {});

} // namespace riskatlas::render
