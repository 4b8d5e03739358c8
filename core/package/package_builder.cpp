// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/package/package_builder.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/io/zip_archive.h"
#include "core/package/layer_style_table.h"
#include "core/package/package_manifest.h"
#include "core/style/qgis_style_writer.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

#include <filesystem>

namespace riskatlas::package {

namespace {

QString fileOf(const QString &spec)
{
    return spec.section(u'|', 0, 0);
}

QString layerNameOf(const QString &spec)
{
    const QString rest = spec.section(u'|', 1);
    return rest.startsWith(QLatin1String("layername="))
               ? rest.mid(int(QLatin1String("layername=").size()))
               : QString();
}

style::SymbolGeometry symbolGeometry(model::GeometryType type, const QString &source)
{
    switch (type) {
    case model::GeometryType::Point:
    case model::GeometryType::MultiPoint:
        return style::SymbolGeometry::Point;
    case model::GeometryType::LineString:
    case model::GeometryType::MultiLineString:
        return style::SymbolGeometry::Line;
    case model::GeometryType::Polygon:
    case model::GeometryType::MultiPolygon:
        return style::SymbolGeometry::Polygon;
    default:
        throw InputError({source}, QStringLiteral("a package layer needs points, lines or "
                                                  "polygons, not %1")
                                       .arg(model::geometryTypeName(type)));
    }
}

// Copies the source layer as GDAL reads it (field types and names kept) into `target`.
void copyIntoGeoPackage(GDALDatasetH target, const QString &gpkgPath, const PackageLayer &layer)
{
    gdal::ErrorCapture errors;
    const QString file = fileOf(layer.source);
    gdal::DatasetPtr source(GDALOpenEx(file.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                       nullptr, nullptr, nullptr));
    if (!source)
        throw InputError({file}, QStringLiteral("cannot open: %1").arg(errors.lastMessage()));
    const QString name = layerNameOf(layer.source);
    OGRLayerH in = name.isEmpty() ? GDALDatasetGetLayer(source.get(), 0)
                                  : GDALDatasetGetLayerByName(source.get(), name.toUtf8());
    if (!in)
        throw InputError({file, name}, QStringLiteral("no such layer"));
    const char *options[] = {"SPATIAL_INDEX=YES", nullptr};
    if (!GDALDatasetCopyLayer(target, in, layer.name.toUtf8().constData(),
                              const_cast<char **>(options)) ||
        errors.hasFailure())
        throw ProcessingError({gpkgPath, layer.name},
                              QStringLiteral("cannot copy %1 into the GeoPackage: %2")
                                  .arg(layer.source, errors.lastMessage()));
}

// The files a shapefile input consists of; any other input is one file.
QStringList inputFiles(const QString &path)
{
    if (!path.endsWith(QLatin1String(".shp"), Qt::CaseInsensitive))
        return {path};
    QStringList files;
    const QString stem = path.left(path.size() - 4);
    for (const char *suffix : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
        if (QFileInfo::exists(stem + QLatin1String(suffix)))
            files.append(stem + QLatin1String(suffix));
    }
    return files;
}

void copyFile(const QString &from, const QString &to)
{
    if (QFileInfo::exists(to))
        throw InputError(
            {from},
            QStringLiteral("two files of the package would be %1").arg(QFileInfo(to).fileName()));
    if (!QFile::copy(from, to))
        throw ProcessingError({to}, QStringLiteral("cannot copy %1 into the package").arg(from));
}

} // namespace

PackageReport buildPackage(const PackageConfig &config, const QString &zipPath,
                           const PackageOptions &options, Feedback *feedback)
{
    if (QFileInfo::exists(zipPath) && !options.overwrite)
        throw InputError({zipPath}, QStringLiteral("exists; use --overwrite to replace it"));
    if (options.encoding != QLatin1String("UTF-8") && options.encoding != QLatin1String("GBK"))
        throw InputError({}, QStringLiteral("the package encoding must be UTF-8 or GBK, not "
                                            "\"%1\"")
                                 .arg(options.encoding));
    const QFileInfo out(zipPath);
    if (!out.absoluteDir().exists())
        throw InputError({zipPath}, QStringLiteral("the output folder does not exist"));
    QTemporaryDir staging(out.absoluteDir().filePath(QStringLiteral(".riskatlas-package-XXXXXX")));
    if (!staging.isValid())
        throw ProcessingError(
            {zipPath},
            QStringLiteral("cannot make a temporary folder: %1").arg(staging.errorString()));
    const QDir root(staging.path());
    root.mkpath(QStringLiteral("shp"));
    PackageReport report;
    const double steps = double(config.layers.size() * 2 + 3);
    double step = 0;
    auto progress = [&](const QString &what) {
        if (!feedback)
            return;
        feedback->throwIfCanceled();
        feedback->setStep(what);
        feedback->setProgress(100.0 * step++ / steps);
    };

    // The GeoPackage: every layer as GDAL reads it, then the styles.
    const QString gpkgPath = root.filePath(config.geopackage);
    std::vector<LayerStyleRecord> styles;
    {
        gdal::ensureRegistered();
        gdal::ErrorCapture errors;
        GDALDriverH driver = GDALGetDriverByName("GPKG");
        if (!driver)
            throw ProcessingError({}, QStringLiteral("GDAL has no GeoPackage driver"));
        gdal::DatasetPtr gpkg(
            GDALCreate(driver, gpkgPath.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!gpkg)
            throw ProcessingError({gpkgPath},
                                  QStringLiteral("cannot create: %1").arg(errors.lastMessage()));
        for (const PackageLayer &layer : config.layers) {
            progress(QStringLiteral("GeoPackage: %1").arg(layer.name));
            copyIntoGeoPackage(gpkg.get(), gpkgPath, layer);
        }
    }

    // Shapefile sets, read through core/io so that the encoding is written as asked; the QML
    // of each layer beside its shapefile and into the GeoPackage.
    for (const PackageLayer &layer : config.layers) {
        progress(QStringLiteral("Shapefile: %1").arg(layer.name));
        io::ReadOptions read;
        read.validateGeometry = false; // results are packaged as made, not repaired
        model::VectorLayer data = io::readLayer(layer.source, read, nullptr, feedback);
        const style::SymbolGeometry geometry = symbolGeometry(data.geometryType, layer.source);
        QString qml;
        if (layer.palette) {
            bool hasField = false;
            for (const auto &field : data.fields)
                hasField = hasField || field.name == layer.field;
            if (!hasField)
                throw InputError({fileOf(layer.source), data.name},
                                 QStringLiteral("the style's field \"%1\" is not in the layer")
                                     .arg(layer.field));
            qml = style::categorisedQml(*layer.palette, layer.field, geometry, layer.symbol);
        } else {
            qml = style::singleSymbolQml(layer.symbol, geometry);
        }
        styles.push_back({layer.name, layer.title, qml,
                          QStringLiteral("RiskAtlas %1").arg(QStringLiteral(RISKATLAS_VERSION))});

        io::WriteOptions write;
        write.encoding = options.encoding;
        io::WriteReport written;
        const QString shp = root.filePath(QStringLiteral("shp/%1.shp").arg(layer.name));
        io::writeLayer(data, shp, write, &written, feedback);
        for (const auto &[from, to] : written.renamedFields)
            report.renamedFields.append(QStringLiteral("%1: %2 → %3").arg(layer.name, from, to));
        QSaveFile qmlFile(root.filePath(QStringLiteral("shp/%1.qml").arg(layer.name)));
        if (!qmlFile.open(QIODevice::WriteOnly) || qmlFile.write(qml.toUtf8()) < 0 ||
            !qmlFile.commit())
            throw ProcessingError({qmlFile.fileName()}, qmlFile.errorString());
    }
    progress(QStringLiteral("styles"));
    writeLayerStyles(gpkgPath, styles);

    // Tables and documents.
    progress(QStringLiteral("tables"));
    if (!config.tables.isEmpty())
        root.mkpath(QStringLiteral("tables"));
    for (const QString &table : config.tables)
        copyFile(table, root.filePath(QStringLiteral("tables/") + QFileInfo(table).fileName()));
    for (const QString &document : config.documents)
        copyFile(document, root.filePath(QFileInfo(document).fileName()));
    if (QFileInfo::exists(root.filePath(QStringLiteral("manifest.json"))))
        throw InputError({config.path}, QStringLiteral("documents: a file may not be called "
                                                       "manifest.json"));

    // The manifest: inputs and configurations by their path relative to the configuration's
    // folder, the package's files by their name in the zip.
    progress(QStringLiteral("manifest"));
    const QDir configDir = QFileInfo(config.path).absoluteDir();
    PackageManifest manifest;
    manifest.title = config.title;
    manifest.version = QStringLiteral(RISKATLAS_VERSION);
    manifest.createdUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QJsonObject parameters{
        {QStringLiteral("package_config"), configDir.relativeFilePath(config.path)},
        {QStringLiteral("package_config_content"), config.raw},
        {QStringLiteral("encoding"), options.encoding},
        {QStringLiteral("results"), config.resultsDir}};
    if (!options.commandLine.isEmpty())
        parameters.insert(QStringLiteral("command_line"),
                          QJsonArray::fromStringList(options.commandLine));
    manifest.parameters = parameters;
    for (const QString &path : config.configs) {
        QFile file(path);
        QJsonValue content;
        if (file.open(QIODevice::ReadOnly)) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
            if (error.error == QJsonParseError::NoError)
                content = document.isObject() ? QJsonValue(document.object())
                                              : QJsonValue(document.array());
        }
        manifest.configs.push_back(
            {digestFile(path, configDir.relativeFilePath(path), feedback), content});
    }
    QSet<QString> seen;
    for (const QString &input : config.inputs) {
        for (const QString &path : inputFiles(fileOf(input))) {
            if (seen.contains(path))
                continue;
            seen.insert(path);
            manifest.inputs.push_back(digestFile(path, configDir.relativeFilePath(path), feedback));
        }
    }
    QStringList entries;
    QDirIterator it(root.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        entries.append(root.relativeFilePath(it.next()));
    entries.sort();
    for (const QString &entry : entries)
        manifest.files.push_back(digestFile(root.filePath(entry), entry, feedback));
    {
        QSaveFile file(root.filePath(QStringLiteral("manifest.json")));
        if (!file.open(QIODevice::WriteOnly) || file.write(manifestToJson(manifest)) < 0 ||
            !file.commit())
            throw ProcessingError({file.fileName()}, file.errorString());
    }
    entries.append(QStringLiteral("manifest.json"));

    // The zip beside the output, renamed over it when complete.
    progress(QStringLiteral("zip"));
    const QString temporaryZip = root.filePath(QStringLiteral("package.zip.part"));
    io::createZip(temporaryZip, root.path(), entries);
    if (feedback)
        feedback->throwIfCanceled();
    std::error_code error;
    std::filesystem::rename(std::filesystem::path(temporaryZip.toStdU16String()),
                            std::filesystem::path(out.absoluteFilePath().toStdU16String()), error);
    if (error)
        throw ProcessingError({zipPath}, QStringLiteral("cannot move the package into place: %1")
                                             .arg(QString::fromLocal8Bit(error.message())));
    report.entries = entries;
    report.zipBytes = QFileInfo(zipPath).size();
    if (feedback)
        feedback->setProgress(100);
    return report;
}

} // namespace riskatlas::package
