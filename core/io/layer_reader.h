// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/geometry/geometry_repair.h"
#include "core/model/vector_layer.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::io {

struct ReadOptions
{
    /// Text encoding of attributes ("GBK", "UTF-8", …); empty = from .cpg, the DBF language
    /// byte, or detection, in that order (shapefiles and CSV).
    QString encoding;
    /// Used when the source has no CRS, and overrides a declared one (--s-srs).
    crs::Crs sourceCrs;
    /// Read damaged files as far as possible (missing .shx rebuilt in a copy, truncated
    /// records dropped, undecodable text replaced), each step in the report, instead of failing.
    bool repair = false;
    /// Validate geometries and repair invalid ones (MakeValid), as every analysis needs.
    bool validateGeometry = true;
    /// Worker threads for reading and validating geometries (0 = all cores); the layer read
    /// does not depend on it.
    int threads = 0;
    /// Read plain GeoPackage feature tables straight through SQLite (io::readGpkgDirect, the
    /// same layer several times faster); false always reads through GDAL's driver.
    bool directGeoPackage = true;
    /// When set, only these attribute fields are kept, in the layer's order (an empty list:
    /// none, geometry and fids only). A GeoPackage read straight through SQLite does not even
    /// read the other columns: counting 200 000 points needs none of their attributes. A name
    /// the layer lacks is an InputError naming the layer and listing its fields.
    std::optional<QStringList> fields;
};

struct ReadReport
{
    QString driver;                  ///< GDAL driver, or "CSV"/"XLSX" for tables
    QStringList notes;               ///< how the encoding/CRS/columns were chosen
    QStringList fileRepairs;         ///< what --repair did to read a damaged file
    geometry::RepairReport geometry; ///< geometry validation and repair
};

/// Names of the vector layers in `path` (a .zip lists the shapefiles inside).
QStringList listLayers(const QString &path);

/// Reads one layer of any supported source into memory: `PATH`, `PATH|layername=NAME` or
/// `PATH|layerid=N`, for Shapefile, GeoPackage, GeoJSON, KML, FileGDB, CSV/XLSX with
/// coordinate or WKT columns, and a .zip holding a shapefile set.
/// Throws InputError naming the file, layer and feature or row for anything wrong with the
/// input, ProcessingError for other failures, CancelledError through `feedback`.
model::VectorLayer readLayer(const QString &pathSpec, const ReadOptions &options = {},
                             ReadReport *report = nullptr, Feedback *feedback = nullptr);

} // namespace riskatlas::io
