// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/package/layer_style_table.h"

#include "core/error.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"

#include <QDateTime>

namespace riskatlas::package {

namespace {

void addField(OGRLayerH layer, const char *name, OGRFieldType type, int width,
              OGRFieldSubType subType, const QString &gpkgPath)
{
    gdal::FieldDefnPtr field(OGR_Fld_Create(name, type));
    OGR_Fld_SetWidth(field.get(), width);
    OGR_Fld_SetSubType(field.get(), subType);
    if (OGR_L_CreateField(layer, field.get(), TRUE) != OGRERR_NONE)
        throw ProcessingError(
            {gpkgPath, QStringLiteral("layer_styles")},
            QStringLiteral("cannot add the field %1").arg(QString::fromLatin1(name)));
}

} // namespace

void writeLayerStyles(const QString &gpkgPath, const std::vector<LayerStyleRecord> &records)
{
    gdal::ensureRegistered();
    gdal::ErrorCapture errors;
    const QByteArray path = gpkgPath.toUtf8();
    gdal::DatasetPtr dataset(
        GDALOpenEx(path.constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    if (!dataset)
        throw ProcessingError({gpkgPath}, QStringLiteral("cannot open the GeoPackage to add "
                                                         "styles: %1")
                                              .arg(errors.lastMessage()));
    if (GDALDatasetGetLayerByName(dataset.get(), "layer_styles"))
        throw InputError({gpkgPath}, QStringLiteral("already has a layer_styles table"));

    // Geometry columns first: a record for a missing table must fail before anything is written.
    std::vector<QByteArray> geometryColumns;
    for (const LayerStyleRecord &record : records) {
        OGRLayerH layer = GDALDatasetGetLayerByName(dataset.get(), record.tableName.toUtf8());
        if (!layer)
            throw InputError({gpkgPath, record.tableName},
                             QStringLiteral("no such layer to attach a style to"));
        geometryColumns.emplace_back(OGR_L_GetGeometryColumn(layer));
    }

    const char *options[] = {"FID=id", "ASPATIAL_VARIANT=GPKG_ATTRIBUTES", nullptr};
    OGRLayerH table = GDALDatasetCreateLayer(dataset.get(), "layer_styles", nullptr, wkbNone,
                                             const_cast<char **>(options));
    if (!table)
        throw ProcessingError(
            {gpkgPath}, QStringLiteral("cannot create layer_styles: %1").arg(errors.lastMessage()));
    addField(table, "f_table_catalog", OFTString, 256, OFSTNone, gpkgPath);
    addField(table, "f_table_schema", OFTString, 256, OFSTNone, gpkgPath);
    addField(table, "f_table_name", OFTString, 256, OFSTNone, gpkgPath);
    addField(table, "f_geometry_column", OFTString, 256, OFSTNone, gpkgPath);
    addField(table, "styleName", OFTString, 30, OFSTNone, gpkgPath);
    addField(table, "styleQML", OFTString, 0, OFSTNone, gpkgPath);
    addField(table, "styleSLD", OFTString, 0, OFSTNone, gpkgPath);
    addField(table, "useAsDefault", OFTInteger, 0, OFSTBoolean, gpkgPath);
    addField(table, "description", OFTString, 0, OFSTNone, gpkgPath);
    addField(table, "owner", OFTString, 30, OFSTNone, gpkgPath);
    addField(table, "ui", OFTString, 30, OFSTNone, gpkgPath);
    addField(table, "update_time", OFTDateTime, 0, OFSTNone, gpkgPath);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (OGR_L_StartTransaction(table) != OGRERR_NONE)
        throw ProcessingError({gpkgPath, QStringLiteral("layer_styles")},
                              QStringLiteral("cannot start a transaction"));
    for (std::size_t i = 0; i < records.size(); ++i) {
        const LayerStyleRecord &record = records[i];
        gdal::FeaturePtr feature(OGR_F_Create(OGR_L_GetLayerDefn(table)));
        auto set = [&](const char *field, const QString &value) {
            OGR_F_SetFieldString(feature.get(), OGR_F_GetFieldIndex(feature.get(), field),
                                 value.toUtf8().constData());
        };
        set("f_table_catalog", {});
        set("f_table_schema", {});
        set("f_table_name", record.tableName);
        set("f_geometry_column", QString::fromUtf8(geometryColumns[i]));
        // styleName is TEXT(30) in QGIS's table; SQLite does not enforce it, QGIS shows it all.
        set("styleName", record.styleName);
        set("styleQML", record.qml);
        set("styleSLD", {});
        OGR_F_SetFieldInteger(feature.get(), OGR_F_GetFieldIndex(feature.get(), "useAsDefault"), 1);
        set("description", record.description);
        set("owner", {});
        OGR_F_SetFieldDateTimeEx(
            feature.get(), OGR_F_GetFieldIndex(feature.get(), "update_time"), now.date().year(),
            now.date().month(), now.date().day(), now.time().hour(), now.time().minute(),
            float(now.time().second()) + float(now.time().msec()) / 1000.f, 100);
        if (OGR_L_CreateFeature(table, feature.get()) != OGRERR_NONE)
            throw ProcessingError({gpkgPath, QStringLiteral("layer_styles")},
                                  QStringLiteral("cannot write the style of %1: %2")
                                      .arg(record.tableName, errors.lastMessage()));
    }
    if (OGR_L_CommitTransaction(table) != OGRERR_NONE)
        throw ProcessingError({gpkgPath, QStringLiteral("layer_styles")},
                              QStringLiteral("cannot commit: %1").arg(errors.lastMessage()));
    dataset.reset();
    if (errors.hasFailure())
        throw ProcessingError({gpkgPath, QStringLiteral("layer_styles")}, errors.lastMessage());
}

} // namespace riskatlas::package
