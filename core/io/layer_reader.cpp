// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/layer_reader.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"
#include "core/gdal/ogr_geometry_type.h"
#include "core/io/csv_table_reader.h"
#include "core/io/dataset_path.h"
#include "core/io/gpkg_direct_reader.h"
#include "core/io/point_table_builder.h"
#include "core/io/shapefile_integrity.h"
#include "core/io/text_encoding.h"
#include "core/io/xlsx_table_reader.h"
#include "core/io/zip_archive.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <optional>
#include <thread>
#include <utility>

namespace riskatlas::io {

namespace {

// Below this many features a second connection costs more than it saves.
constexpr qint64 kParallelReadMinimum = 20000;

model::FieldType fieldTypeFor(OGRFieldDefnH field)
{
    switch (OGR_Fld_GetType(field)) {
    case OFTInteger:
        return OGR_Fld_GetSubType(field) == OFSTBoolean ? model::FieldType::Boolean
                                                        : model::FieldType::Integer;
    case OFTInteger64:
        return model::FieldType::Integer64;
    case OFTReal:
        return model::FieldType::Real;
    case OFTDate:
        return model::FieldType::Date;
    case OFTDateTime:
        return model::FieldType::DateTime;
    default:
        return model::FieldType::String;
    }
}

QByteArray geometryToWkb(OGRGeometryH source)
{
    if (!source)
        return {};
    // Most layers are already linear 2D: export those without a copy.
    gdal::GeometryPtr converted;
    OGRGeometryH geometry = source;
    const OGRwkbGeometryType type = OGR_G_GetGeometryType(source);
    if (OGR_GT_IsNonLinear(type) || OGR_GT_HasZ(type) || OGR_GT_HasM(type)) {
        converted.reset(OGR_G_Clone(source));
        if (OGR_GT_IsNonLinear(type))
            converted.reset(OGR_G_GetLinearGeometry(converted.get(), 0, nullptr));
        OGR_G_FlattenTo2D(converted.get());
        geometry = converted.get();
    }
    QByteArray wkb(qsizetype(OGR_G_WkbSizeEx(geometry)), Qt::Uninitialized);
    OGR_G_ExportToIsoWkb(geometry, wkbNDR, reinterpret_cast<unsigned char *>(wkb.data()));
    return wkb;
}

// Decodes DBF text with the layer's encoding; GDAL hands raw bytes when recoding is off.
class TextDecoder
{
public:
    TextDecoder(QString encoding, bool repair)
        : m_encoding(std::move(encoding))
        , m_repair(repair)
    {}
    bool isUtf8() const { return m_encoding == QLatin1String("UTF-8"); }

    std::optional<QString> decode(const char *bytes) const
    {
        if (isUtf8()) {
            // Most text is plain ASCII or valid UTF-8, which Qt checks far faster than a
            // conversion through iconv per value; iconv stays the judge of anything Qt rejects.
            const auto view = QByteArrayView(bytes, qsizetype(std::strlen(bytes)));
            if (std::all_of(view.begin(), view.end(), [](char c) { return uchar(c) < 0x80; }))
                return QString::fromLatin1(view);
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            QString text = utf8.decode(view);
            if (!utf8.hasError())
                return text;
        }
        return decodeStrict(QByteArray(bytes), m_encoding);
    }
    QString lossy(const char *bytes) const { return QString::fromUtf8(bytes); }
    const QString &encoding() const { return m_encoding; }
    bool repair() const { return m_repair; }

private:
    QString m_encoding;
    bool m_repair;
};

QVariant fieldValue(OGRFeatureH feature, int index, model::FieldType type,
                    const TextDecoder &decoder, const ErrorLocation &where, ReadReport *report,
                    const QString &fieldName)
{
    if (!OGR_F_IsFieldSetAndNotNull(feature, index))
        return {};
    switch (type) {
    case model::FieldType::Integer:
        return OGR_F_GetFieldAsInteger(feature, index);
    case model::FieldType::Boolean:
        return OGR_F_GetFieldAsInteger(feature, index) != 0;
    case model::FieldType::Integer64:
        return qint64(OGR_F_GetFieldAsInteger64(feature, index));
    case model::FieldType::Real:
        return OGR_F_GetFieldAsDouble(feature, index);
    case model::FieldType::Date:
    case model::FieldType::DateTime: {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        OGR_F_GetFieldAsDateTimeEx(feature, index, &y, &m, &d, &hh, &mm, &ss, &tz);
        const QDate date(y, m, d);
        if (type == model::FieldType::Date)
            return date;
        const QTime time(hh, mm, int(ss), int((ss - int(ss)) * 1000));
        if (tz > 1)
            return QDateTime(date, time, QTimeZone((tz - 100) * 15 * 60));
        return QDateTime(date, time);
    }
    case model::FieldType::String:
        break;
    }
    const char *raw = OGR_F_GetFieldAsString(feature, index);
    if (const auto text = decoder.decode(raw))
        return *text;
    if (!decoder.repair()) {
        throw InputError(where, QStringLiteral("field \"%1\": text is not valid %2; name the "
                                               "encoding with --encoding, or use --repair")
                                    .arg(fieldName, decoder.encoding()));
    }
    if (report) {
        report->fileRepairs.append(QStringLiteral("fid %1, field \"%2\": undecodable %3 text "
                                                  "replaced with U+FFFD")
                                       .arg(*where.row)
                                       .arg(fieldName, decoder.encoding()));
    }
    return decoder.lossy(raw);
}

// Reads every text value of a shapefile layer as raw bytes, for encoding detection.
QList<QByteArray> rawTextSamples(OGRLayerH layer)
{
    QList<QByteArray> samples;
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    const int fieldCount = OGR_FD_GetFieldCount(definition);
    for (int i = 0; i < fieldCount; ++i)
        samples.append(QByteArray(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, i))));
    OGR_L_ResetReading(layer);
    while (gdal::FeaturePtr feature{OGR_L_GetNextFeature(layer)}) {
        for (int i = 0; i < fieldCount; ++i) {
            if (OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, i)) == OFTString &&
                OGR_F_IsFieldSetAndNotNull(feature.get(), i))
                samples.append(QByteArray(OGR_F_GetFieldAsString(feature.get(), i)));
        }
    }
    OGR_L_ResetReading(layer);
    return samples;
}

struct ShapefileEncoding
{
    QString encoding;
    QString source;
};

ShapefileEncoding chooseShapefileEncoding(const ShapefileIntegrity &integrity, OGRLayerH layer,
                                          const ReadOptions &options, const QString &path)
{
    if (!options.encoding.isEmpty())
        return {canonicalEncoding(options.encoding), QStringLiteral("user")};
    if (!integrity.cpgPath.isEmpty()) {
        QFile cpg(integrity.cpgPath);
        if (cpg.open(QIODevice::ReadOnly)) {
            const QString encoding = encodingFromCpg(cpg.readAll());
            if (!encoding.isEmpty())
                return {encoding, QStringLiteral("cpg")};
        }
    }
    if (integrity.dbfLanguageId) {
        if (const auto encoding = encodingFromDbfLanguageId(*integrity.dbfLanguageId))
            return {*encoding, QStringLiteral("dbf language id")};
    }
    const EncodingGuess guess = detectEncoding(rawTextSamples(layer));
    if (guess.encoding.isEmpty()) {
        throw InputError({path}, QStringLiteral("cannot tell the text encoding of the .dbf (not "
                                                "valid UTF-8 or GBK); name it with --encoding"));
    }
    return {guess.encoding, QStringLiteral("detected")};
}

crs::Crs layerCrs(OGRLayerH layer)
{
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    if (!srs)
        return {};
    char *wkt = nullptr;
    const char *wktOptions[] = {"FORMAT=WKT2_2019", nullptr};
    OSRExportToWktEx(srs, &wkt, wktOptions);
    gdal::CplString owner(wkt);
    return crs::Crs::fromWkt(QString::fromUtf8(wkt));
}

OGRLayerH pickLayer(GDALDatasetH dataset, const DatasetPath &source)
{
    const int count = GDALDatasetGetLayerCount(dataset);
    if (!source.layerName.isEmpty()) {
        const QByteArray name = source.layerName.toUtf8();
        OGRLayerH layer = GDALDatasetGetLayerByName(dataset, name.constData());
        if (!layer)
            throw InputError({source.path},
                             QStringLiteral("no layer named \"%1\"").arg(source.layerName));
        return layer;
    }
    if (source.layerIndex) {
        if (*source.layerIndex >= count)
            throw InputError(
                {source.path},
                QStringLiteral("no layer #%1 (it has %2)").arg(*source.layerIndex).arg(count));
        return GDALDatasetGetLayer(dataset, *source.layerIndex);
    }
    if (count == 0)
        throw InputError({source.path}, QStringLiteral("holds no vector layer"));
    if (count > 1) {
        QStringList names;
        for (int i = 0; i < count; ++i)
            names.append(QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(dataset, i))));
        throw InputError({source.path}, QStringLiteral("holds %1 layers (%2); name one as "
                                                       "PATH|layername=NAME")
                                            .arg(count)
                                            .arg(names.join(QStringLiteral(", "))));
    }
    return GDALDatasetGetLayer(dataset, 0);
}

// Copies a shapefile set into `dir` so GDAL can rebuild a missing .shx without touching the
// user's files.
QString copyShapefileSet(const ShapefileIntegrity &integrity, const QString &dir)
{
    const QString base = QFileInfo(integrity.shpPath).completeBaseName();
    const QString target = QDir(dir).filePath(base + QStringLiteral(".shp"));
    QFile::copy(integrity.shpPath, target);
    for (const auto &[path, suffix] : {std::pair{integrity.dbfPath, QStringLiteral(".dbf")},
                                       std::pair{integrity.prjPath, QStringLiteral(".prj")},
                                       std::pair{integrity.cpgPath, QStringLiteral(".cpg")}}) {
        if (!path.isEmpty())
            QFile::copy(path, QDir(dir).filePath(base + suffix));
    }
    return target;
}

// Reads the features `layer` gives (up to `limit` when not negative) onto `out`; `done`
// counts features across the threads reading one layer, for progress over `total`. Only the
// thread given `progress` reports it; every thread checks `cancel`. Returns the count read.
qint64 readFeatures(OGRLayerH layer, const DatasetPath &source, const model::Fields &fields,
                    const TextDecoder &decoder, qint64 limit, qint64 total,
                    std::atomic<qint64> &done, gdal::ErrorCapture &errors,
                    std::vector<model::Feature> &out, ReadReport *report, Feedback *progress,
                    Feedback *cancel)
{
    const int fieldCount = int(fields.size());
    qint64 index = 0;
    for (;;) {
        if (limit >= 0 && index >= limit)
            break;
        gdal::FeaturePtr feature(OGR_L_GetNextFeature(layer));
        if (errors.hasFailure()) {
            throw InputError(
                {source.path, source.displayLayer(), index + 1, QStringLiteral("feature")},
                errors.lastMessage());
        }
        if (!feature)
            break;
        if ((index % 512) == 0) {
            if (cancel)
                cancel->throwIfCanceled();
            const qint64 sofar = done.fetch_add(512) + 512;
            if (progress && total > 0)
                progress->setProgress(100.0 * double(std::min(sofar, total)) / double(total));
        }
        model::Feature read;
        read.fid = OGR_F_GetFID(feature.get());
        const ErrorLocation where{source.path, source.displayLayer(), read.fid,
                                  QStringLiteral("fid")};
        read.attributes.reserve(fieldCount);
        for (int i = 0; i < fieldCount; ++i) {
            read.attributes.append(fieldValue(feature.get(), i, fields[i].type, decoder, where,
                                              report, fields[i].name));
        }
        read.wkb = geometryToWkb(OGR_F_GetGeometryRef(feature.get()));
        out.push_back(std::move(read));
        ++index;
    }
    return index;
}

QString quotedIdentifier(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

std::pair<qint64, qint64> fidRange(GDALDatasetH dataset, const QString &table,
                                   const QString &fidColumn)
{
    const QByteArray sql = QStringLiteral("SELECT MIN(%1), MAX(%1) FROM %2")
                               .arg(quotedIdentifier(fidColumn), quotedIdentifier(table))
                               .toUtf8();
    OGRLayerH rows = GDALDatasetExecuteSQL(dataset, sql.constData(), nullptr, nullptr);
    std::pair<qint64, qint64> range{0, -1};
    if (rows) {
        if (gdal::FeaturePtr row{OGR_L_GetNextFeature(rows)}) {
            range = {OGR_F_GetFieldAsInteger64(row.get(), 0),
                     OGR_F_GetFieldAsInteger64(row.get(), 1)};
        }
        GDALDatasetReleaseResultSet(dataset, rows);
    }
    return range;
}

model::VectorLayer readGdalLayer(const DatasetPath &source, const ReadOptions &options,
                                 ReadReport *report, Feedback *feedback)
{
    if (options.directGeoPackage && source.suffix() == QLatin1String("gpkg")) {
        // GDAL's driver costs more than the read itself on the usual analysis inputs; it stays
        // the reader (and the judge of bad input) for anything out of the plain case.
        if (std::optional<model::VectorLayer> layer =
                readGpkgDirect(source, options.threads, feedback, options.fields)) {
            if (report) {
                report->driver = QStringLiteral("GPKG");
                report->notes.append(QStringLiteral("text encoding %1 (%2)")
                                         .arg(layer->sourceEncoding, layer->encodingSource));
            }
            if (options.sourceCrs.isValid()) {
                if (layer->crs.isValid() && !layer->crs.isSameAs(options.sourceCrs) && report) {
                    report->notes.append(QStringLiteral("declared CRS %1 overridden by %2")
                                             .arg(layer->crs.authId(), options.sourceCrs.authId()));
                }
                layer->crs = options.sourceCrs;
            }
            return std::move(*layer);
        }
    }
    gdal::ensureRegistered();
    const bool isShapefile = source.suffix() == QLatin1String("shp");
    std::optional<ShapefileIntegrity> integrity;
    std::optional<QTemporaryDir> repairDir;
    QString openPath = source.path;
    qint64 readLimit = -1;
    if (isShapefile) {
        integrity = checkShapefile(source.path);
        if (!integrity->isIntact()) {
            if (!options.repair) {
                throw InputError({source.path}, integrity->problems.join(QStringLiteral("; ")) +
                                                    QStringLiteral(" (use --repair to read what "
                                                                   "can be read)"));
            }
            if (integrity->dbfPath.isEmpty())
                throw InputError({source.path}, QStringLiteral("the .dbf attribute file is "
                                                               "missing; it cannot be repaired"));
            if (report)
                report->fileRepairs.append(integrity->problems);
            if (integrity->shxPath.isEmpty()) {
                repairDir.emplace();
                openPath = copyShapefileSet(*integrity, repairDir->path());
                if (report)
                    report->fileRepairs.append(QStringLiteral("rebuilt the .shx index from the "
                                                              ".shp (in a temporary copy)"));
            } else {
                readLimit = integrity->readableRecords();
            }
        }
    }

    gdal::ErrorCapture errors;
    const QByteArray pathBytes = QFile::encodeName(openPath);
    QList<QByteArray> openOptionStorage;
    std::vector<const char *> openOptions;
    if (isShapefile) {
        // Raw bytes: RiskAtlas decodes DBF text itself, strictly.
        openOptionStorage.append(QByteArrayLiteral("ENCODING="));
        if (repairDir)
            CPLSetThreadLocalConfigOption("SHAPE_RESTORE_SHX", "YES");
    }
    for (const QByteArray &option : openOptionStorage)
        openOptions.push_back(option.constData());
    openOptions.push_back(nullptr);
    gdal::DatasetPtr dataset(GDALOpenEx(pathBytes.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                        nullptr, openOptions.data(), nullptr));
    if (repairDir)
        CPLSetThreadLocalConfigOption("SHAPE_RESTORE_SHX", nullptr);
    if (!dataset) {
        const QString why = errors.lastMessage();
        throw InputError({source.path}, why.isEmpty() ? QStringLiteral("not a readable vector "
                                                                       "data source")
                                                      : why);
    }
    OGRLayerH layer = pickLayer(dataset.get(), source);

    model::VectorLayer result;
    result.sourcePath = source.path;
    result.name = QString::fromUtf8(OGR_L_GetName(layer));
    const ErrorLocation layerWhere{source.path, source.displayLayer()};

    TextDecoder decoder(QStringLiteral("UTF-8"), options.repair);
    if (isShapefile) {
        const ShapefileEncoding encoding =
            chooseShapefileEncoding(*integrity, layer, options, source.path);
        decoder = TextDecoder(encoding.encoding, options.repair);
        result.sourceEncoding = encoding.encoding;
        result.encodingSource = encoding.source;
        // The layer name comes from the file name, which may be GBK on disk too.
        result.name = QFileInfo(source.path).completeBaseName();
    } else {
        result.sourceEncoding = QStringLiteral("UTF-8");
        result.encodingSource = QStringLiteral("format");
    }
    if (report) {
        report->driver =
            QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(dataset.get())));
        report->notes.append(QStringLiteral("text encoding %1 (%2)")
                                 .arg(result.sourceEncoding, result.encodingSource));
    }

    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    const int fieldCount = OGR_FD_GetFieldCount(definition);
    for (int i = 0; i < fieldCount; ++i) {
        OGRFieldDefnH field = OGR_FD_GetFieldDefn(definition, i);
        const char *rawName = OGR_Fld_GetNameRef(field);
        const auto name = decoder.decode(rawName);
        if (!name && !options.repair) {
            throw InputError(layerWhere, QStringLiteral("field name #%1 is not valid %2")
                                             .arg(i + 1)
                                             .arg(decoder.encoding()));
        }
        result.fields.append({name.value_or(decoder.lossy(rawName)), fieldTypeFor(field),
                              OGR_Fld_GetWidth(field), OGR_Fld_GetPrecision(field)});
    }
    result.geometryType = gdal::fromOgrGeometryType(OGR_L_GetGeomType(layer));
    result.crs = layerCrs(layer);
    if (options.sourceCrs.isValid()) {
        if (result.crs.isValid() && !result.crs.isSameAs(options.sourceCrs) && report) {
            report->notes.append(QStringLiteral("declared CRS %1 overridden by %2")
                                     .arg(result.crs.authId(), options.sourceCrs.authId()));
        }
        result.crs = options.sourceCrs;
    }

    const qint64 total = OGR_L_GetFeatureCount(layer, 1);
    const QString driverName =
        QString::fromUtf8(GDALGetDriverShortName(GDALGetDatasetDriver(dataset.get())));
    const int threads = options.threads > 0 ? options.threads
                                            : std::max(1, int(std::thread::hardware_concurrency()));
    const QString fidColumn = QString::fromUtf8(OGR_L_GetFIDColumn(layer));
    if (driverName == QLatin1String("GPKG") && threads > 1 && readLimit < 0 &&
        total >= kParallelReadMinimum && !fidColumn.isEmpty()) {
        // GeoPackage rows come in fid order, so fid ranges read on separate connections and
        // put end to end give the same layer as one pass.
        errors.clear();
        const QString table = QString::fromUtf8(OGR_L_GetName(layer));
        const auto [minFid, maxFid] = fidRange(dataset.get(), table, fidColumn);
        const qint64 span = maxFid - minFid + 1;
        std::vector<std::vector<model::Feature>> parts(static_cast<std::size_t>(threads));
        std::vector<ReadReport> partReports(static_cast<std::size_t>(threads));
        std::vector<std::exception_ptr> partErrors(static_cast<std::size_t>(threads));
        std::atomic<qint64> done{0};
        auto readPart = [&](int part) {
            try {
                const qint64 from = minFid + span * part / threads;
                const qint64 to = minFid + span * (part + 1) / threads;
                gdal::ErrorCapture partErrorCapture;
                gdal::DatasetPtr partDataset(GDALOpenEx(pathBytes.constData(),
                                                        GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                                        openOptions.data(), nullptr));
                if (!partDataset)
                    throw InputError({source.path}, partErrorCapture.lastMessage());
                OGRLayerH partLayer = pickLayer(partDataset.get(), source);
                const QByteArray filter = QStringLiteral("%1 >= %2 AND %1 < %3")
                                              .arg(quotedIdentifier(fidColumn))
                                              .arg(from)
                                              .arg(to)
                                              .toUtf8();
                if (OGR_L_SetAttributeFilter(partLayer, filter.constData()) != OGRERR_NONE)
                    throw InputError({source.path}, partErrorCapture.lastMessage());
                readFeatures(partLayer, source, result.fields, decoder, -1, total, done,
                             partErrorCapture, parts[std::size_t(part)],
                             report ? &partReports[std::size_t(part)] : nullptr,
                             part == 0 ? feedback : nullptr, feedback);
            } catch (...) {
                partErrors[std::size_t(part)] = std::current_exception();
            }
        };
        std::vector<std::thread> pool;
        for (int part = 1; part < threads; ++part)
            pool.emplace_back(readPart, part);
        readPart(0);
        for (std::thread &thread : pool)
            thread.join();
        for (const std::exception_ptr &error : partErrors) {
            if (error)
                std::rethrow_exception(error);
        }
        std::size_t count = 0;
        for (const auto &part : parts)
            count += part.size();
        result.features.reserve(count);
        for (int part = 0; part < threads; ++part) {
            auto &features = parts[std::size_t(part)];
            std::move(features.begin(), features.end(), std::back_inserter(result.features));
            features = {};
            if (report)
                report->fileRepairs.append(partReports[std::size_t(part)].fileRepairs);
        }
        return result;
    }

    if (total > 0)
        result.features.reserve(size_t(total));
    OGR_L_ResetReading(layer);
    errors.clear();
    std::atomic<qint64> done{0};
    const qint64 index = readFeatures(layer, source, result.fields, decoder, readLimit, total, done,
                                      errors, result.features, report, feedback, feedback);
    if (readLimit >= 0 && report) {
        const qint64 declared = std::max(integrity->shxRecords, integrity->dbfRecords);
        report->fileRepairs.append(QStringLiteral("read %1 complete records; %2 damaged "
                                                  "records dropped")
                                       .arg(index)
                                       .arg(std::max<qint64>(0, declared - index)));
    }
    return result;
}

model::VectorLayer readTableLayer(const DatasetPath &source, const ReadOptions &options,
                                  ReadReport *report, Feedback *feedback)
{
    const bool isCsv =
        source.suffix() == QLatin1String("csv") || source.suffix() == QLatin1String("txt");
    TextTable table = isCsv ? readCsvTable(source.path, options.encoding, feedback)
                            : readXlsxTable(source.path, source.layerName, feedback);
    PointTableOptions pointOptions;
    pointOptions.crs = options.sourceCrs;
    // A .prj beside the table (as RiskAtlas writes for CRSs other than CGCS2000 lon/lat).
    const QFileInfo tableInfo(source.path);
    const QString prj =
        tableInfo.dir().filePath(tableInfo.completeBaseName() + QStringLiteral(".prj"));
    if (!pointOptions.crs.isValid() && QFileInfo::exists(prj))
        pointOptions.crs = crs::Crs::fromUserInput(prj);
    pointOptions.repair = options.repair;
    PointTableReport pointReport;
    model::VectorLayer layer = buildPointLayer(table, pointOptions, &pointReport, feedback);
    layer.sourcePath = source.path;
    if (layer.name.isEmpty())
        layer.name =
            table.layerName.isEmpty() ? QFileInfo(source.path).completeBaseName() : table.layerName;
    layer.sourceEncoding = table.encoding;
    layer.encodingSource = table.encodingSource;
    if (report) {
        report->driver = isCsv ? QStringLiteral("CSV") : QStringLiteral("XLSX");
        report->notes.append(QStringLiteral("text encoding %1 (%2)")
                                 .arg(layer.sourceEncoding, layer.encodingSource));
        if (!pointReport.wktColumn.isEmpty())
            report->notes.append(
                QStringLiteral("geometry from column \"%1\"").arg(pointReport.wktColumn));
        else
            report->notes.append(QStringLiteral("coordinates from columns \"%1\", \"%2\"")
                                     .arg(pointReport.xColumn, pointReport.yColumn));
        if (!pointReport.offsetColumn.isEmpty()) {
            report->notes.append(QStringLiteral("%1 rows converted from GCJ-02/BD-09 (column "
                                                "\"%2\")")
                                     .arg(pointReport.converted)
                                     .arg(pointReport.offsetColumn));
        }
        report->fileRepairs.append(pointReport.repairs);
    }
    return layer;
}

// A .zip: extracted into a private folder that lives as long as the read.
model::VectorLayer readZipLayer(const DatasetPath &source, const ReadOptions &options,
                                ReadReport *report, Feedback *feedback)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        throw ProcessingError({source.path}, QStringLiteral("cannot create a temporary folder"));
    const QStringList files = extractZip(source.path, dir.path());
    QStringList shapefiles;
    for (const QString &file : files) {
        if (file.endsWith(QLatin1String(".shp"), Qt::CaseInsensitive))
            shapefiles.append(file);
    }
    QString chosen;
    if (!source.layerName.isEmpty()) {
        for (const QString &file : shapefiles) {
            if (QFileInfo(file).completeBaseName() == source.layerName)
                chosen = file;
        }
        if (chosen.isEmpty())
            throw InputError(
                {source.path},
                QStringLiteral("no shapefile named \"%1\" inside").arg(source.layerName));
    } else if (shapefiles.size() == 1) {
        chosen = shapefiles.first();
    } else if (shapefiles.isEmpty()) {
        throw InputError({source.path}, QStringLiteral("holds no shapefile (.shp)"));
    } else {
        throw InputError({source.path}, QStringLiteral("holds %1 shapefiles (%2); name one as "
                                                       "PATH|layername=NAME")
                                            .arg(shapefiles.size())
                                            .arg(shapefiles.join(QStringLiteral(", "))));
    }
    DatasetPath inner{QDir(dir.path()).filePath(chosen), {}, {}};
    try {
        model::VectorLayer layer = readGdalLayer(inner, options, report, feedback);
        layer.sourcePath = source.path;
        return layer;
    } catch (const Error &error) {
        // Name the archive and its entry, not the private folder.
        ErrorLocation where = error.location();
        where.file = source.path;
        where.layer = chosen;
        if (error.kind() == ErrorKind::BadInput)
            throw InputError(where, error.message());
        throw;
    }
}

} // namespace

QStringList listLayers(const QString &path)
{
    const DatasetPath source = DatasetPath::parse(path);
    const QString suffix = source.suffix();
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt"))
        return {QFileInfo(source.path).completeBaseName()};
    if (suffix == QLatin1String("zip")) {
        QTemporaryDir dir;
        QStringList names;
        for (const QString &file : extractZip(source.path, dir.path())) {
            if (file.endsWith(QLatin1String(".shp"), Qt::CaseInsensitive))
                names.append(QFileInfo(file).completeBaseName());
        }
        return names;
    }
    gdal::ensureRegistered();
    gdal::ErrorCapture errors;
    const QByteArray pathBytes = QFile::encodeName(source.path);
    gdal::DatasetPtr dataset(GDALOpenEx(pathBytes.constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                        nullptr, nullptr, nullptr));
    if (!dataset) {
        const QString why = errors.lastMessage();
        throw InputError({source.path}, why.isEmpty() ? QStringLiteral("not a readable vector "
                                                                       "data source")
                                                      : why);
    }
    QStringList names;
    for (int i = 0; i < GDALDatasetGetLayerCount(dataset.get()); ++i)
        names.append(QString::fromUtf8(OGR_L_GetName(GDALDatasetGetLayer(dataset.get(), i))));
    if (suffix == QLatin1String("shp") && names.size() == 1)
        names = {QFileInfo(source.path).completeBaseName()};
    return names;
}

namespace {

// Only the `wanted` fields, in the layer's order (ReadOptions::fields).
void keepFields(model::VectorLayer &layer, const QStringList &wanted)
{
    std::vector<int> kept;
    for (int index = 0; index < layer.fields.size(); ++index) {
        if (wanted.contains(layer.fields[index].name))
            kept.push_back(index);
    }
    for (const QString &name : wanted) {
        if (model::fieldIndex(layer.fields, name) < 0) {
            const QStringList names = model::fieldNames(layer.fields);
            throw InputError({layer.sourcePath, layer.name},
                             QStringLiteral("has no field \"%1\"; its fields: %2")
                                 .arg(name, names.join(QStringLiteral(", "))));
        }
    }
    if (int(kept.size()) == layer.fields.size())
        return;
    model::Fields fields;
    for (const int index : kept)
        fields.append(layer.fields[index]);
    layer.fields = fields;
    for (model::Feature &feature : layer.features) {
        QVariantList attributes;
        attributes.reserve(qsizetype(kept.size()));
        for (const int index : kept)
            attributes.append(feature.attributes.value(index));
        feature.attributes = attributes;
    }
}

} // namespace

model::VectorLayer readLayer(const QString &pathSpec, const ReadOptions &options,
                             ReadReport *report, Feedback *feedback)
{
    const DatasetPath source = DatasetPath::parse(pathSpec);
    const QFileInfo info(source.path);
    if (!info.exists())
        throw InputError({source.path}, QStringLiteral("no such file or folder"));
    const QString suffix = source.suffix();
    if (feedback)
        feedback->setStep(QStringLiteral("reading"));
    model::VectorLayer layer;
    if (suffix == QLatin1String("zip"))
        layer = readZipLayer(source, options, report, feedback);
    else if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt") ||
             suffix == QLatin1String("xlsx"))
        layer = readTableLayer(source, options, report, feedback);
    else
        layer = readGdalLayer(source, options, report, feedback);

    if (options.fields)
        keepFields(layer, *options.fields);

    if (options.validateGeometry && layer.geometryValidated) {
        // The reader saw only finite 2D points, valid by definition: nothing to parse again.
        if (report) {
            report->geometry.checked =
                std::count_if(layer.features.begin(), layer.features.end(),
                              [](const model::Feature &feature) { return !feature.wkb.isEmpty(); });
        }
    } else if (options.validateGeometry) {
        if (feedback)
            feedback->setStep(QStringLiteral("checking geometries"));
        geometry::RepairReport scratch;
        geometry::validateAndRepair(layer, report ? report->geometry : scratch, feedback,
                                    options.threads);
        layer.geometryValidated = true;
    }
    return layer;
}

} // namespace riskatlas::io
