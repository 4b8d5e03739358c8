// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

namespace riskatlas::project {

/// Creates an empty GeoPackage at `path` through GDAL, so that application_id, user_version,
/// gpkg_spatial_ref_sys and gpkg_contents are as GDAL and QGIS expect. Throws ProcessingError.
void createEmptyGeoPackage(const QString &path);

/// Deletes layer `layerName` (table, spatial index, gpkg_contents rows) from the GeoPackage at
/// `path` through GDAL; nothing when there is no such layer. Throws ProcessingError.
void deleteGeoPackageLayer(const QString &path, const QString &layerName);

} // namespace riskatlas::project
