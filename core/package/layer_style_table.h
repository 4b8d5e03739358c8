// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

#include <vector>

namespace riskatlas::package {

/// One row of a GeoPackage's `layer_styles` table: the default QGIS style of a layer.
struct LayerStyleRecord
{
    QString tableName; ///< the layer (table) the style belongs to
    QString styleName;
    QString qml; ///< the style as QML (core/style/qgis_style_writer.h)
    QString description;
};

/// Adds the table `layer_styles` to the GeoPackage `gpkgPath` (which must not have one) with
/// one row per record, marked as the layer's default. The table is what QGIS 3.22 writes when
/// it saves a style into a GeoPackage: an attributes table registered in gpkg_contents, id
/// (autoincrement key), f_table_catalog and f_table_schema empty, f_table_name,
/// f_geometry_column (read from the layer), styleName, styleQML, styleSLD (empty), useAsDefault
/// (boolean), description, owner (empty), ui (null), update_time (UTC). QGIS's OGR provider
/// applies the default row of a layer when it loads the layer.
/// Throws InputError when a record names a table the GeoPackage does not have, ProcessingError
/// when GDAL cannot write.
void writeLayerStyles(const QString &gpkgPath, const std::vector<LayerStyleRecord> &records);

} // namespace riskatlas::package
