// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/model/vector_layer.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::io {

struct WriteOptions
{
    /// Attribute encoding for Shapefile (.cpg and language byte written) and CSV: "UTF-8"
    /// (default) or "GBK" for old ArcGIS and Excel. Other formats are always UTF-8.
    QString encoding = QStringLiteral("UTF-8");
    /// Replace existing output files; without it an existing output is an InputError.
    bool overwrite = false;
    /// Reproject to this CRS first when valid (--t-srs).
    crs::Crs targetCrs;
    /// Layer name inside the output (GeoPackage, XLSX sheet); default: the layer's name.
    QString layerName;
};

struct WriteReport
{
    QString driver;
    QStringList files;                            ///< every file written, final paths
    QList<QPair<QString, QString>> renamedFields; ///< (original, written) for DBF's 10 bytes
    QStringList notes;
};

/// The output formats, by extension: gpkg, shp, zip (a shapefile set), geojson/json, csv, xlsx.
QStringList writableSuffixes();

/// Writes `layer` to `outPath`, choosing the format from its extension. Everything is written
/// into a temporary folder beside the output and renamed into place at the end, so a failed or
/// cancelled write leaves no file behind and never touches an existing one.
/// CSV and XLSX carry points as lon/lat (or x/y) columns and other geometry as a WKT column;
/// a CRS other than EPSG:4490 is kept in a `.prj` beside them.
/// Throws InputError (unknown format, existing output, text the encoding cannot hold,
/// mixed geometry types in a Shapefile), ProcessingError (write failure), CancelledError.
void writeLayer(const model::VectorLayer &layer, const QString &outPath,
                const WriteOptions &options = {}, WriteReport *report = nullptr,
                Feedback *feedback = nullptr);

/// Adds `layer` to the existing GeoPackage `gpkgPath` as layer `layerName` (with a spatial
/// index), replacing a layer of that name. Unlike writeLayer this writes in place and is not
/// atomic on its own: callers that need atomicity write into a copy and rename it, as
/// core/project does. The layer's features get new FIDs 1…n in order.
/// Throws InputError (no such file, empty name), ProcessingError (GDAL failure),
/// CancelledError.
void writeLayerIntoGeoPackage(const model::VectorLayer &layer, const QString &gpkgPath,
                              const QString &layerName, Feedback *feedback = nullptr);

} // namespace riskatlas::io
