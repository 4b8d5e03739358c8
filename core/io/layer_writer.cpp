// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/layer_writer.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"
#include "core/gdal/ogr_geometry_type.h"
#include "core/io/gpkg_spatial_index.h"
#include "core/io/shapefile_field_names.h"
#include "core/io/text_encoding.h"
#include "core/io/zip_archive.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtEndian>

#include <optional>

namespace riskatlas::io {

namespace {

enum class Format { GeoPackage, Shapefile, ZippedShapefile, GeoJson, Csv, Xlsx };

std::optional<Format> formatFor(const QString &suffix)
{
    if (suffix == QLatin1String("gpkg"))
        return Format::GeoPackage;
    if (suffix == QLatin1String("shp"))
        return Format::Shapefile;
    if (suffix == QLatin1String("zip"))
        return Format::ZippedShapefile;
    if (suffix == QLatin1String("geojson") || suffix == QLatin1String("json"))
        return Format::GeoJson;
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("xlsx"))
        return Format::Xlsx;
    return std::nullopt;
}

const QStringList kShapefileParts = {QStringLiteral("shp"), QStringLiteral("shx"),
                                     QStringLiteral("dbf"), QStringLiteral("prj"),
                                     QStringLiteral("cpg")};

OGRFieldType ogrType(model::FieldType type)
{
    switch (type) {
    case model::FieldType::Integer:
    case model::FieldType::Boolean:
        return OFTInteger;
    case model::FieldType::Integer64:
        return OFTInteger64;
    case model::FieldType::Real:
        return OFTReal;
    case model::FieldType::Date:
        return OFTDate;
    case model::FieldType::DateTime:
        return OFTDateTime;
    case model::FieldType::String:
        return OFTString;
    }
    return OFTString;
}

// The type the output layer declares: what the features actually hold, promoted to Multi
// when single and multi parts are mixed (shapefiles report Polygon for multipolygons).
OGRwkbGeometryType declaredGeometryType(const model::VectorLayer &layer, bool &mixed)
{
    QSet<int> flatTypes;
    for (const model::Feature &feature : layer.features) {
        if (feature.wkb.size() >= 5) {
            quint32 type = 0;
            memcpy(&type, feature.wkb.constData() + 1, 4);
            if (feature.wkb[0] == 0)
                type = qFromBigEndian(type);
            flatTypes.insert(int(wkbFlatten(OGRwkbGeometryType(type))));
        }
    }
    mixed = false;
    if (flatTypes.isEmpty())
        return layer.geometryType == model::GeometryType::None
                   ? wkbNone
                   : gdal::toOgrGeometryType(layer.geometryType);
    if (flatTypes.size() == 1)
        return OGRwkbGeometryType(*flatTypes.begin());
    QSet<int> multi;
    for (int type : flatTypes) {
        const auto flat = OGRwkbGeometryType(type);
        multi.insert(int(
            OGR_GT_IsSubClassOf(flat, wkbGeometryCollection) ? flat : OGR_GT_GetCollection(flat)));
    }
    if (multi.size() == 1)
        return OGRwkbGeometryType(*multi.begin());
    mixed = true;
    return wkbUnknown;
}

gdal::SpatialReferencePtr srsFor(const crs::Crs &crs)
{
    if (!crs.isValid())
        return {};
    gdal::SpatialReferencePtr srs(OSRNewSpatialReference(nullptr));
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    const QByteArray wkt = crs.wkt().toUtf8();
    OSRSetFromUserInput(srs.get(), wkt.constData());
    return srs;
}

struct ColumnsForTable
{
    QString xName;
    QString yName;
    QString wktName;
    bool wktDropped = false; ///< a WKT text was longer than the format's cells hold
};

// Excel refuses a cell of more than 32 767 characters (a polygon of ~1 000 vertices).
constexpr qsizetype kXlsxCellLimit = 32767;

// Builds the in-memory table written to CSV/XLSX: attributes plus coordinate or WKT columns.
// With `maxTextLength`, a WKT column that would not fit is left out (columns.wktDropped).
model::VectorLayer asTable(const model::VectorLayer &layer, ColumnsForTable &columns,
                           qsizetype maxTextLength = -1)
{
    model::VectorLayer table;
    table.name = layer.name;
    table.fields = layer.fields;
    table.geometryType = model::GeometryType::None;
    bool allPoints = true;
    bool anyGeometry = false;
    for (const model::Feature &feature : layer.features) {
        if (feature.wkb.isEmpty())
            continue;
        anyGeometry = true;
        if (feature.wkb.size() != 21 || feature.wkb[1] != 1)
            allPoints = false;
    }
    if (anyGeometry && allPoints) {
        const bool geographic = layer.crs.isGeographic();
        columns.xName = geographic ? QStringLiteral("lon") : QStringLiteral("x");
        columns.yName = geographic ? QStringLiteral("lat") : QStringLiteral("y");
        table.fields.append({columns.xName, model::FieldType::Real, 0, 0});
        table.fields.append({columns.yName, model::FieldType::Real, 0, 0});
    } else if (anyGeometry) {
        columns.wktName = QStringLiteral("wkt");
        table.fields.append({columns.wktName, model::FieldType::String, 0, 0});
    }
    table.features.reserve(layer.features.size());
    for (const model::Feature &feature : layer.features) {
        model::Feature row{feature.fid, feature.attributes, {}};
        if (!columns.xName.isEmpty()) {
            if (feature.wkb.isEmpty()) {
                row.attributes.append(QVariant());
                row.attributes.append(QVariant());
            } else {
                double x = 0, y = 0;
                memcpy(&x, feature.wkb.constData() + 5, 8);
                memcpy(&y, feature.wkb.constData() + 13, 8);
                row.attributes.append(x);
                row.attributes.append(y);
            }
        } else if (!columns.wktName.isEmpty()) {
            QString wkt;
            if (!feature.wkb.isEmpty()) {
                OGRGeometryH raw = nullptr;
                OGR_G_CreateFromWkbEx(feature.wkb.constData(), nullptr, &raw,
                                      size_t(feature.wkb.size()));
                gdal::GeometryPtr geometry(raw);
                char *text = nullptr;
                OGR_G_ExportToIsoWkt(geometry.get(), &text);
                wkt = QString::fromUtf8(text);
                CPLFree(text);
            }
            columns.wktDropped =
                columns.wktDropped || (maxTextLength > 0 && wkt.size() > maxTextLength);
            row.attributes.append(wkt.isEmpty() ? QVariant() : QVariant(wkt));
        }
        table.features.push_back(std::move(row));
    }
    if (columns.wktDropped) {
        table.fields.removeLast();
        for (model::Feature &row : table.features)
            row.attributes.removeLast();
        columns.wktName.clear();
    }
    return table;
}

void setFieldValue(OGRFeatureH feature, int index, const QVariant &value, model::FieldType type)
{
    if (!value.isValid() || value.isNull()) {
        OGR_F_SetFieldNull(feature, index);
        return;
    }
    switch (type) {
    case model::FieldType::Integer:
    case model::FieldType::Boolean:
        OGR_F_SetFieldInteger(feature, index, value.toInt());
        return;
    case model::FieldType::Integer64:
        OGR_F_SetFieldInteger64(feature, index, value.toLongLong());
        return;
    case model::FieldType::Real:
        OGR_F_SetFieldDouble(feature, index, value.toDouble());
        return;
    case model::FieldType::Date: {
        const QDate date = value.toDate();
        OGR_F_SetFieldDateTime(feature, index, date.year(), date.month(), date.day(), 0, 0, 0, 0);
        return;
    }
    case model::FieldType::DateTime: {
        const QDateTime dateTime = value.toDateTime();
        const QDate date = dateTime.date();
        const QTime time = dateTime.time();
        int tz = 0;
        if (dateTime.timeSpec() == Qt::UTC)
            tz = 100;
        else if (dateTime.timeSpec() == Qt::OffsetFromUTC || dateTime.timeSpec() == Qt::TimeZone)
            tz = 100 + dateTime.offsetFromUtc() / (15 * 60);
        OGR_F_SetFieldDateTimeEx(feature, index, date.year(), date.month(), date.day(), time.hour(),
                                 time.minute(), float(time.second()) + float(time.msec()) / 1000.f,
                                 tz);
        return;
    }
    case model::FieldType::String: {
        const QByteArray text = value.toString().toUtf8();
        OGR_F_SetFieldString(feature, index, text.constData());
        return;
    }
    }
}

struct GdalTarget
{
    QByteArray driver;
    QList<QByteArray> datasetOptions;
    QList<QByteArray> layerOptions;
    /// GeoPackage: the layer is created without GDAL's index, which SQLite's R*-tree fills
    /// one row at a time, and addGpkgSpatialIndex() packs the index after the features.
    bool packedSpatialIndex = false;
};

std::vector<const char *> optionPointers(const QList<QByteArray> &options)
{
    std::vector<const char *> pointers;
    for (const QByteArray &option : options)
        pointers.push_back(option.constData());
    pointers.push_back(nullptr);
    return pointers;
}

// Writes `layer` with GDAL into `path` (inside the temporary folder).
// With `intoExisting`, `path` is an existing dataset opened for update, and a layer of the same
// name in it is replaced.
void writeWithGdal(const model::VectorLayer &layer, const QString &path, const GdalTarget &target,
                   const QString &layerName, const QString &displayPath, const QString &encoding,
                   bool isShapefile, WriteReport *report, Feedback *feedback,
                   bool intoExisting = false)
{
    if (target.driver == "GPKG")
        gdal::ensureGeoPackageRegistered();
    else
        gdal::ensureRegistered();
    gdal::ErrorCapture errors;
    GDALDriverH driver = GDALGetDriverByName(target.driver.constData());
    if (!driver)
        throw ProcessingError({displayPath}, QStringLiteral("GDAL driver %1 is not available")
                                                 .arg(QString::fromLatin1(target.driver)));
    const QByteArray pathBytes = QFile::encodeName(path);
    auto datasetOptions = optionPointers(target.datasetOptions);
    gdal::DatasetPtr dataset;
    if (intoExisting) {
        const char *const drivers[] = {target.driver.constData(), nullptr};
        dataset.reset(GDALOpenEx(pathBytes.constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers,
                                 nullptr, nullptr));
        if (!dataset)
            throw ProcessingError(
                {displayPath},
                QStringLiteral("cannot open for update: %1").arg(errors.lastMessage()));
        const QByteArray existingName = layerName.toUtf8();
        for (int i = GDALDatasetGetLayerCount(dataset.get()) - 1; i >= 0; --i) {
            OGRLayerH existing = GDALDatasetGetLayer(dataset.get(), i);
            if (existing && existingName == OGR_L_GetName(existing) &&
                GDALDatasetDeleteLayer(dataset.get(), i) != OGRERR_NONE)
                throw ProcessingError(
                    {displayPath, layerName},
                    QStringLiteral("cannot replace the layer: %1").arg(errors.lastMessage()));
        }
    } else {
        // Validating the options makes the GeoPackage driver build its option list, which
        // parses every tile-matrix-set JSON in GDAL's data folder (~15 ms); ours are fixed.
        CPLSetThreadLocalConfigOption("GDAL_VALIDATE_CREATION_OPTIONS", "NO");
        dataset.reset(GDALCreate(driver, pathBytes.constData(), 0, 0, 0, GDT_Unknown,
                                 const_cast<char **>(datasetOptions.data())));
        CPLSetThreadLocalConfigOption("GDAL_VALIDATE_CREATION_OPTIONS", nullptr);
    }
    if (!dataset)
        throw ProcessingError({displayPath},
                              QStringLiteral("cannot create: %1").arg(errors.lastMessage()));

    bool mixed = false;
    const OGRwkbGeometryType geometryType = declaredGeometryType(layer, mixed);
    if (mixed && isShapefile)
        throw InputError({displayPath}, QStringLiteral("a shapefile holds one geometry type, "
                                                       "this layer mixes points, lines and "
                                                       "polygons; write a GeoPackage"));
    // Tables keep their CRS in a .prj written beside them, not through the driver.
    const gdal::SpatialReferencePtr srs =
        geometryType == wkbNone ? gdal::SpatialReferencePtr() : srsFor(layer.crs);
    auto layerOptions = optionPointers(target.layerOptions);
    const QByteArray nameBytes = layerName.toUtf8();
    OGRLayerH out = GDALDatasetCreateLayer(dataset.get(), nameBytes.constData(), srs.get(),
                                           geometryType, const_cast<char **>(layerOptions.data()));
    if (!out)
        throw ProcessingError({displayPath},
                              QStringLiteral("cannot create layer: %1").arg(errors.lastMessage()));

    QStringList names = model::fieldNames(layer.fields);
    if (isShapefile) {
        const QStringList shortened = shortenDbfFieldNames(names, encoding);
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (shortened[i] != names[i] && report)
                report->renamedFields.append({names[i], shortened[i]});
        }
        names = shortened;
    }
    for (qsizetype i = 0; i < layer.fields.size(); ++i) {
        const model::Field &field = layer.fields[i];
        model::FieldType type = field.type;
        if (isShapefile && type == model::FieldType::DateTime)
            type = model::FieldType::String; // DBF has no date-time type
        const QByteArray fieldName = names[i].toUtf8();
        gdal::FieldDefnPtr definition(OGR_Fld_Create(fieldName.constData(), ogrType(type)));
        if (field.type == model::FieldType::Boolean)
            OGR_Fld_SetSubType(definition.get(), OFSTBoolean);
        if (isShapefile && type == model::FieldType::String) {
            // Width in bytes of the target encoding, so nothing is cut (DBF allows 254).
            int width = 1;
            for (const model::Feature &feature : layer.features) {
                const QVariant &value = feature.attributes[i];
                if (value.isNull())
                    continue;
                const auto bytes = encodeStrict(value.toString(), encoding);
                if (!bytes) {
                    throw InputError({displayPath, {}, feature.fid, QStringLiteral("fid")},
                                     QStringLiteral("field \"%1\": \"%2\" cannot be written in %3")
                                         .arg(field.name, value.toString(), encoding));
                }
                width = std::max(width, int(bytes->size()));
            }
            if (width > 254)
                throw InputError({displayPath}, QStringLiteral("field \"%1\" holds text longer "
                                                               "than a shapefile allows (%2 "
                                                               "bytes, at most 254); write a "
                                                               "GeoPackage")
                                                    .arg(field.name)
                                                    .arg(width));
            OGR_Fld_SetWidth(definition.get(), width);
        } else if (isShapefile && type == model::FieldType::Real) {
            OGR_Fld_SetWidth(definition.get(), 24);
            OGR_Fld_SetPrecision(definition.get(), 15);
        }
        if (OGR_L_CreateField(out, definition.get(), 1) != OGRERR_NONE)
            throw ProcessingError({displayPath}, QStringLiteral("cannot create field \"%1\": %2")
                                                     .arg(field.name, errors.lastMessage()));
    }

    const bool transactions = GDALDatasetTestCapability(dataset.get(), ODsCTransactions);
    if (transactions)
        GDALDatasetStartTransaction(dataset.get(), 0);
    const bool packIndex = target.packedSpatialIndex && geometryType != wkbNone;
    std::vector<GpkgIndexEntry> indexEntries;
    if (packIndex)
        indexEntries.reserve(layer.features.size());
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(out);
    const double total = double(std::max<size_t>(layer.features.size(), 1));
    qint64 index = 0;
    for (const model::Feature &feature : layer.features) {
        if (feedback && (index % 512) == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(index) / total);
        }
        ++index;
        gdal::FeaturePtr outFeature(OGR_F_Create(definition));
        for (qsizetype i = 0; i < layer.fields.size(); ++i) {
            model::FieldType type = layer.fields[i].type;
            if (isShapefile && type == model::FieldType::DateTime)
                type = model::FieldType::String;
            QVariant value = feature.attributes.value(i);
            if (type == model::FieldType::String && value.typeId() == QMetaType::QDateTime)
                value = value.toDateTime().toString(Qt::ISODate);
            setFieldValue(outFeature.get(), int(i), value, type);
        }
        if (!feature.wkb.isEmpty() && geometryType != wkbNone) {
            OGRGeometryH raw = nullptr;
            if (OGR_G_CreateFromWkbEx(feature.wkb.constData(), nullptr, &raw,
                                      size_t(feature.wkb.size())) != OGRERR_NONE)
                throw ProcessingError({displayPath, {}, feature.fid, QStringLiteral("fid")},
                                      QStringLiteral("unreadable geometry"));
            if (wkbFlatten(OGR_G_GetGeometryType(raw)) != geometryType &&
                geometryType != wkbUnknown)
                raw = OGR_G_ForceTo(raw, geometryType, nullptr);
            OGR_F_SetGeometryDirectly(outFeature.get(), raw);
        }
        if (OGR_L_CreateFeature(out, outFeature.get()) != OGRERR_NONE || errors.hasFailure())
            throw ProcessingError(
                {displayPath, {}, feature.fid, QStringLiteral("fid")},
                QStringLiteral("cannot write feature: %1").arg(errors.lastMessage()));
        if (packIndex) {
            OGRGeometryH written = OGR_F_GetGeometryRef(outFeature.get());
            if (written && !OGR_G_IsEmpty(written)) {
                OGREnvelope envelope;
                OGR_G_GetEnvelope(written, &envelope);
                indexEntries.push_back({OGR_F_GetFID(outFeature.get()), envelope.MinX,
                                        envelope.MinY, envelope.MaxX, envelope.MaxY});
            }
        }
    }
    const QString tableName = QString::fromUtf8(OGR_L_GetName(out));
    const QString geometryColumn = QString::fromUtf8(OGR_L_GetGeometryColumn(out));
    const QString fidColumn = QString::fromUtf8(OGR_L_GetFIDColumn(out));
    if (transactions && GDALDatasetCommitTransaction(dataset.get()) != OGRERR_NONE)
        throw ProcessingError({displayPath},
                              QStringLiteral("cannot commit: %1").arg(errors.lastMessage()));
    dataset.reset();
    if (errors.hasFailure())
        throw ProcessingError({displayPath},
                              QStringLiteral("cannot finish: %1").arg(errors.lastMessage()));
    if (packIndex) {
        if (feedback)
            feedback->throwIfCanceled();
        addGpkgSpatialIndex(path, tableName, geometryColumn, fidColumn, indexEntries, displayPath);
    }
    if (feedback)
        feedback->setProgress(100.0);
}

void writePrj(const crs::Crs &crs, const QString &path)
{
    gdal::SpatialReferencePtr srs = srsFor(crs);
    char *wkt = nullptr;
    OSRMorphToESRI(srs.get());
    OSRExportToWkt(srs.get(), &wkt);
    gdal::CplString owner(wkt);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(wkt) < 0)
        throw ProcessingError({path}, file.errorString());
}

// GDAL leaves the DBF language byte at 0; ArcGIS before 10.x ignores .cpg files and reads
// GBK only when the byte says code page 936 (0x4D).
void markDbfAsGbk(const QString &dbfPath)
{
    QFile dbf(dbfPath);
    if (!dbf.open(QIODevice::ReadWrite) || !dbf.seek(29) || dbf.write("\x4D", 1) != 1)
        throw ProcessingError({dbfPath}, QStringLiteral("cannot mark the .dbf as GBK"));
}

void recodeFile(const QString &path, const QString &encoding, const QString &displayPath)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ProcessingError({path}, file.errorString());
    QByteArray bytes = file.readAll();
    file.close();
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QString text = QString::fromUtf8(bytes);
    const auto recoded = encodeStrict(text, encoding);
    if (!recoded) {
        // Name the first line that holds the character.
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!encodeStrict(lines[i], encoding))
                throw InputError({displayPath, {}, i + 1, QStringLiteral("line")},
                                 QStringLiteral("text cannot be written in %1").arg(encoding));
        }
        throw InputError({displayPath},
                         QStringLiteral("text cannot be written in %1").arg(encoding));
    }
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(*recoded) < 0)
        throw ProcessingError({path}, file.errorString());
}

} // namespace

QStringList writableSuffixes()
{
    return {QStringLiteral("gpkg"),    QStringLiteral("shp"),  QStringLiteral("zip"),
            QStringLiteral("geojson"), QStringLiteral("json"), QStringLiteral("csv"),
            QStringLiteral("xlsx")};
}

void writeLayer(const model::VectorLayer &input, const QString &outPath,
                const WriteOptions &options, WriteReport *report, Feedback *feedback)
{
    const QFileInfo outInfo(outPath);
    const QString suffix = outInfo.suffix().toLower();
    const auto format = formatFor(suffix);
    if (!format) {
        throw InputError({outPath},
                         QStringLiteral("unknown output format \".%1\" (use %2)")
                             .arg(suffix, writableSuffixes().join(QStringLiteral(", "))));
    }
    const QString encoding =
        canonicalEncoding(options.encoding.isEmpty() ? QStringLiteral("UTF-8") : options.encoding);
    const QString base = outInfo.completeBaseName();
    const QDir outDir = outInfo.absoluteDir();
    if (!outDir.exists())
        throw InputError({outPath}, QStringLiteral("the output folder does not exist"));

    // Final names of everything this write produces.
    QStringList finalNames;
    if (*format == Format::Shapefile) {
        for (const QString &part : kShapefileParts)
            finalNames.append(base + QLatin1Char('.') + part);
    } else {
        finalNames.append(outInfo.fileName());
    }
    // CSV and XLSX keep a CRS other than CGCS2000 lon/lat in a .prj beside them.
    const crs::Crs outputCrs = options.targetCrs.isValid() ? options.targetCrs : input.crs;
    const bool sidecarPrj = (*format == Format::Csv || *format == Format::Xlsx) &&
                            outputCrs.isValid() && outputCrs.epsg() != 4490;
    if (sidecarPrj)
        finalNames.append(base + QStringLiteral(".prj"));
    for (const QString &name : finalNames) {
        if (outDir.exists(name) && !options.overwrite)
            throw InputError({outDir.filePath(name)}, QStringLiteral("already exists; use "
                                                                     "--overwrite to replace it"));
    }

    model::VectorLayer reprojected;
    const model::VectorLayer *layer = &input;
    if (options.targetCrs.isValid()) {
        if (!input.crs.isValid())
            throw InputError({input.sourcePath}, QStringLiteral("the layer has no coordinate "
                                                                "reference system; name it with "
                                                                "--s-srs"));
        if (!input.crs.isSameAs(options.targetCrs)) {
            if (feedback)
                feedback->setStep(QStringLiteral("reprojecting"));
            const crs::CoordinateTransform transform(input.crs, options.targetCrs);
            reprojected = input;
            reprojected.crs = options.targetCrs;
            reprojected.geometryValidated = false;
            qint64 index = 0;
            for (model::Feature &feature : reprojected.features) {
                if (feedback && (index++ % 512) == 0)
                    feedback->throwIfCanceled();
                try {
                    feature.wkb = transform.transformWkb(feature.wkb);
                } catch (const ProcessingError &error) {
                    throw InputError(
                        {input.sourcePath, input.name, feature.fid, QStringLiteral("fid")},
                        error.message());
                }
            }
            layer = &reprojected;
        }
    }

    QTemporaryDir temp(outDir.filePath(QStringLiteral(".riskatlas-write-XXXXXX")));
    if (!temp.isValid())
        throw ProcessingError({outPath}, QStringLiteral("cannot create a temporary folder beside "
                                                        "the output: %1")
                                             .arg(temp.errorString()));
    const QString layerName = options.layerName.isEmpty()
                                  ? (layer->name.isEmpty() ? base : layer->name)
                                  : options.layerName;
    if (feedback)
        feedback->setStep(QStringLiteral("writing"));
    QStringList written; // names inside temp, moved into place at the end
    const QByteArray shapeEncoding =
        encoding == QLatin1String("GBK") ? QByteArrayLiteral("CP936") : encoding.toLatin1();
    switch (*format) {
    case Format::GeoPackage:
        writeWithGdal(*layer, temp.filePath(outInfo.fileName()),
                      {"GPKG", {}, {"SPATIAL_INDEX=NO"}, true}, layerName, outPath, encoding, false,
                      report, feedback);
        written = finalNames;
        break;
    case Format::Shapefile:
    case Format::ZippedShapefile: {
        const QString shpName = base + QStringLiteral(".shp");
        writeWithGdal(*layer, temp.filePath(shpName),
                      {"ESRI Shapefile", {}, {"ENCODING=" + shapeEncoding}}, base, outPath,
                      encoding, true, report, feedback);
        if (encoding == QLatin1String("GBK"))
            markDbfAsGbk(temp.filePath(base + QStringLiteral(".dbf")));
        QStringList parts;
        for (const QString &part : kShapefileParts) {
            if (QFileInfo::exists(temp.filePath(base + QLatin1Char('.') + part)))
                parts.append(base + QLatin1Char('.') + part);
        }
        if (*format == Format::Shapefile) {
            written = parts;
        } else {
            QStringList absolute;
            for (const QString &part : parts)
                absolute.append(temp.filePath(part));
            createZip(temp.filePath(outInfo.fileName()), absolute);
            written = finalNames;
        }
        break;
    }
    case Format::GeoJson:
        writeWithGdal(*layer, temp.filePath(outInfo.fileName()),
                      {"GeoJSON", {}, {"RFC7946=NO", "WRITE_NAME=YES"}}, layerName, outPath,
                      encoding, false, report, feedback);
        written = finalNames;
        break;
    case Format::Csv:
    case Format::Xlsx: {
        ColumnsForTable columns;
        const bool csv = *format == Format::Csv;
        const model::VectorLayer table = asTable(*layer, columns, csv ? -1 : kXlsxCellLimit);
        GdalTarget target =
            csv ? GdalTarget{"CSV", {}, {"WRITE_BOM=YES", "STRING_QUOTING=IF_NEEDED"}}
                : GdalTarget{"XLSX", {}, {}};
        writeWithGdal(table, temp.filePath(outInfo.fileName()), target, layerName, outPath,
                      encoding, false, report, feedback);
        if (csv && encoding != QLatin1String("UTF-8"))
            recodeFile(temp.filePath(outInfo.fileName()), encoding, outPath);
        if (sidecarPrj)
            writePrj(layer->crs, temp.filePath(base + QStringLiteral(".prj")));
        written = finalNames;
        if (report && !columns.wktName.isEmpty())
            report->notes.append(QStringLiteral("geometry written as WKT in column \"wkt\""));
        if (report && columns.wktDropped)
            report->notes.append(QStringLiteral("geometry left out: its WKT is longer than the "
                                                "32 767 characters an Excel cell holds; write "
                                                ".gpkg, .shp or .csv to keep it"));
        break;
    }
    }
    if (feedback)
        feedback->throwIfCanceled();
    // Move into place; an overwritten shapefile loses stale parts (e.g. an old .cpg).
    if (*format == Format::Shapefile && options.overwrite) {
        for (const QString &name : finalNames)
            QFile::remove(outDir.filePath(name));
    }
    for (const QString &name : written) {
        const QString target = outDir.filePath(name);
        if (options.overwrite && QFileInfo::exists(target))
            QFile::remove(target);
        if (!QFile::rename(temp.filePath(name), target))
            throw ProcessingError({target}, QStringLiteral("cannot move the finished file into "
                                                           "place"));
        if (report)
            report->files.append(target);
    }
    if (report) {
        static const char *const driverNames[] = {
            "GPKG", "ESRI Shapefile", "ESRI Shapefile (zip)", "GeoJSON", "CSV", "XLSX"};
        report->driver = QString::fromLatin1(driverNames[int(*format)]);
    }
}

void writeLayerIntoGeoPackage(const model::VectorLayer &layer, const QString &gpkgPath,
                              const QString &layerName, Feedback *feedback)
{
    if (!QFileInfo(gpkgPath).isFile())
        throw InputError({gpkgPath}, QStringLiteral("no such GeoPackage"));
    if (layerName.isEmpty())
        throw InputError({gpkgPath}, QStringLiteral("a layer needs a name"));
    if (feedback)
        feedback->setStep(QStringLiteral("writing"));
    writeWithGdal(layer, gpkgPath, {"GPKG", {}, {"SPATIAL_INDEX=YES"}}, layerName, gpkgPath,
                  QStringLiteral("UTF-8"), false, nullptr, feedback, true);
}

} // namespace riskatlas::io
