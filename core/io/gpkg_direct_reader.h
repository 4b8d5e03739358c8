// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/io/dataset_path.h"
#include "core/model/vector_layer.h"

#include <optional>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::io {

/// Reads a GeoPackage feature table straight through SQLite, without GDAL: the header of each
/// geometry blob is skipped and its WKB kept as it is. This is the common case of analysis
/// inputs (plain 2D little-endian geometries, an EPSG CRS, integer, real, boolean and text
/// columns), read several times faster than through GDAL's driver.
///
/// The layer is the one GDAL's reader would give: same name, fields (names, types, widths),
/// fids, feature order, geometry type, CRS and WKB bytes, with sourceEncoding "UTF-8" from
/// "format". Geometries are not validated here, except that a layer of nothing but finite 2D
/// points (which GEOS always finds valid) comes with geometryValidated set.
///
/// Returns std::nullopt for anything else — a layer chosen by index, no layer name and more
/// than one table, curves, Z/M, big-endian or malformed WKB, a non-EPSG CRS, date or blob
/// columns, a value whose storage class does not match its column, text that is not UTF-8 —
/// and the caller reads the file through GDAL, which also produces the errors for bad input.
/// `threads` > 1 reads large tables on that many connections by fid range (0 = all cores).
/// Throws CancelledError through `feedback`; nothing else.
/// With `fields` set, only those attribute columns are read (ReadOptions::fields); a name the
/// table lacks gives std::nullopt, so that GDAL's reader reports it.
std::optional<model::VectorLayer> readGpkgDirect(const DatasetPath &source, int threads,
                                                 Feedback *feedback,
                                                 const std::optional<QStringList> &fields = {});

} // namespace riskatlas::io
