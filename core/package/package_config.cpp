// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/package/package_config.h"

#include "core/error.h"
#include "core/io/json_file.h"
#include "core/io/results_path_resolver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace riskatlas::package {

namespace {

style::Rgb colour(const QJsonObject &object, const QString &key, const style::Rgb &fallback,
                  const QString &file, const QString &where)
{
    if (!object.contains(key))
        return fallback;
    const QString text = object.value(key).toString();
    if (text == QLatin1String("none"))
        return {0, 0, 0, 0};
    const std::optional<style::Rgb> parsed = style::Rgb::fromName(text);
    if (!parsed)
        throw InputError({file}, QStringLiteral("%1%2: \"%3\" is not a colour #RRGGBB[AA] or "
                                                "none")
                                     .arg(where, key, text));
    return *parsed;
}

double positive(const QJsonObject &object, const QString &key, double fallback, const QString &file,
                const QString &where, double maximum)
{
    if (!object.contains(key))
        return fallback;
    const QJsonValue value = object.value(key);
    if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > maximum)
        throw InputError(
            {file},
            QStringLiteral("%1%2: needs a number from 0 to %3").arg(where, key).arg(maximum));
    return value.toDouble();
}

QStringList pathList(const QJsonObject &root, const QString &key,
                     const io::ResultsPathResolver &resolver, const QString &file)
{
    const QJsonValue value = root.value(key);
    if (!value.isUndefined() && !value.isArray())
        throw InputError({file}, QStringLiteral("%1: needs a list of file names").arg(key));
    QStringList out;
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(key).arg(i);
        if (!array[i].isString() || array[i].toString().isEmpty())
            throw InputError({file}, QStringLiteral("%1: needs a file name").arg(where));
        out.append(resolver.resolve(array[i].toString(), where, true));
    }
    return out;
}

} // namespace

PackageConfig loadPackageConfig(const QString &path, const QString &resultsDir)
{
    const QJsonObject root = io::readJsonObjectFile(path, QStringLiteral("package configuration"));
    const QDir base = QFileInfo(path).absoluteDir();

    PackageConfig config;
    config.path = path;
    config.raw = root;
    const io::ResultsPathResolver resolver(path, root, resultsDir);
    config.resultsDir = resolver.resultsDir();

    config.title = io::requiredString(root, QStringLiteral("title"), path, {});
    config.geopackage = io::requiredString(root, QStringLiteral("geopackage"), path, {});
    if (!config.geopackage.endsWith(QLatin1String(".gpkg")) || config.geopackage.contains(u'/') ||
        config.geopackage.contains(u'\\'))
        throw InputError({path}, QStringLiteral("geopackage: \"%1\" must be a file name ending "
                                                "in .gpkg")
                                     .arg(config.geopackage));

    const QJsonArray layers =
        io::requiredArray(root, QStringLiteral("layers"), path, QStringLiteral("layers"));
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const QString where = QStringLiteral("layers[%1].").arg(i);
        const QJsonObject object = layers[i].toObject();
        PackageLayer layer;
        layer.name = io::requiredString(object, QStringLiteral("name"), path, where);
        static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
        for (const QChar c : layer.name) {
            if (forbidden.contains(c) || c.unicode() < 0x20)
                throw InputError(
                    {path},
                    QStringLiteral("%1name: \"%2\" cannot be a file name").arg(where, layer.name));
        }
        for (const PackageLayer &other : config.layers) {
            if (other.name.compare(layer.name, Qt::CaseInsensitive) == 0)
                throw InputError(
                    {path}, QStringLiteral("%1name: \"%2\" is used twice").arg(where, layer.name));
        }
        layer.source =
            resolver.resolve(io::requiredString(object, QStringLiteral("source"), path, where),
                             where + QStringLiteral("source"), true);
        layer.title = object.value(QStringLiteral("title")).toString(layer.name);

        const QString styleWhere = where + QStringLiteral("style.");
        const QJsonObject styleObject = object.value(QStringLiteral("style")).toObject();
        const QString type =
            styleObject.value(QStringLiteral("type")).toString(QStringLiteral("single"));
        style::QgisSymbol &symbol = layer.symbol;
        symbol.fill = colour(styleObject, QStringLiteral("fill"), symbol.fill, path, styleWhere);
        symbol.outline =
            colour(styleObject, QStringLiteral("outline"), symbol.outline, path, styleWhere);
        symbol.outlineWidthMm = positive(styleObject, QStringLiteral("outline_width"),
                                         symbol.outlineWidthMm, path, styleWhere, 10);
        symbol.lineWidthMm = positive(styleObject, QStringLiteral("line_width"), symbol.lineWidthMm,
                                      path, styleWhere, 10);
        symbol.markerSizeMm = positive(styleObject, QStringLiteral("size"), symbol.markerSizeMm,
                                       path, styleWhere, 50);
        symbol.opacity =
            positive(styleObject, QStringLiteral("opacity"), symbol.opacity, path, styleWhere, 1);
        if (type == QLatin1String("categorised")) {
            layer.field =
                io::requiredString(styleObject, QStringLiteral("field"), path, styleWhere);
            const QString palette =
                io::requiredString(styleObject, QStringLiteral("palette"), path, styleWhere);
            try {
                layer.palette =
                    style::loadPalette(style::builtinPaletteIds().contains(palette)
                                           ? palette
                                           : QDir::cleanPath(base.absoluteFilePath(palette)));
            } catch (const InputError &error) {
                throw InputError({path},
                                 QStringLiteral("%1palette: %2").arg(styleWhere, error.message()));
            }
        } else if (type != QLatin1String("single")) {
            throw InputError({path}, QStringLiteral("%1type: \"%2\" is not categorised or single")
                                         .arg(styleWhere, type));
        }
        config.layers.push_back(std::move(layer));
    }
    config.tables = pathList(root, QStringLiteral("tables"), resolver, path);
    config.documents = pathList(root, QStringLiteral("documents"), resolver, path);
    config.configs = pathList(root, QStringLiteral("configs"), resolver, path);
    config.inputs = pathList(root, QStringLiteral("inputs"), resolver, path);
    return config;
}

} // namespace riskatlas::package
