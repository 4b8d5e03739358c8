// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/geopackage_file.h"

#include "core/error.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"

#include <QFile>

namespace riskatlas::project {

void createEmptyGeoPackage(const QString &path)
{
    gdal::ensureRegistered();
    gdal::ErrorCapture errors;
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    if (!driver)
        throw ProcessingError({path}, QStringLiteral("GDAL's GeoPackage driver is missing"));
    const QByteArray name = QFile::encodeName(path);
    gdal::DatasetPtr dataset(GDALCreate(driver, name.constData(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset)
        throw ProcessingError({path},
                              QStringLiteral("cannot create: %1").arg(errors.lastMessage()));
    dataset.reset();
    if (errors.hasFailure())
        throw ProcessingError({path},
                              QStringLiteral("cannot create: %1").arg(errors.lastMessage()));
}

void deleteGeoPackageLayer(const QString &path, const QString &layerName)
{
    gdal::ensureRegistered();
    gdal::ErrorCapture errors;
    const QByteArray name = QFile::encodeName(path);
    const char *const drivers[] = {"GPKG", nullptr};
    gdal::DatasetPtr dataset(
        GDALOpenEx(name.constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
    if (!dataset)
        throw ProcessingError(
            {path}, QStringLiteral("cannot open for update: %1").arg(errors.lastMessage()));
    const QByteArray wanted = layerName.toUtf8();
    for (int i = GDALDatasetGetLayerCount(dataset.get()) - 1; i >= 0; --i) {
        OGRLayerH layer = GDALDatasetGetLayer(dataset.get(), i);
        if (layer && wanted == OGR_L_GetName(layer) &&
            GDALDatasetDeleteLayer(dataset.get(), i) != OGRERR_NONE)
            throw ProcessingError(
                {path, layerName},
                QStringLiteral("cannot delete the layer: %1").arg(errors.lastMessage()));
    }
}

} // namespace riskatlas::project
