// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/atlas_config.h"

#include "core/error.h"
#include "core/io/json_file.h"
#include "core/io/results_path_resolver.h"
#include "render/page_layout.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace riskatlas::render {

namespace {

QString resolve(const QDir &base, const QString &spec)
{
    const qsizetype bar = spec.indexOf(u'|');
    const QString file = bar < 0 ? spec : spec.left(bar);
    const QString rest = bar < 0 ? QString() : spec.mid(bar);
    return QDir::cleanPath(base.absoluteFilePath(file)) + rest;
}

LayerRole parseRole(const QString &text, const QString &file, const QString &where)
{
    for (LayerRole role : {LayerRole::Base, LayerRole::Zones, LayerRole::Dense, LayerRole::Points,
                           LayerRole::Boundaries}) {
        if (layerRoleName(role) == text)
            return role;
    }
    throw InputError({file}, QStringLiteral("%1: \"%2\" is not a role; use base, zones, dense, "
                                            "points or boundaries")
                                 .arg(where, text));
}

QJsonValue sortedKeys(const QJsonValue &value)
{
    // QJsonObject already iterates its keys in sorted order; arrays keep theirs.
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(sortedKeys(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), sortedKeys(it.value()));
        return out;
    }
    return value;
}

} // namespace

const AtlasLayerConfig *AtlasConfig::layer(const QString &id) const
{
    for (const AtlasLayerConfig &candidate : layers) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

QString AtlasConfig::parametersHash() const
{
    const QByteArray json =
        QJsonDocument(sortedKeys(parameters).toObject()).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex());
}

AtlasConfig loadAtlasConfig(const QString &path, const QString &resultsDir)
{
    const QJsonObject root = io::readJsonObjectFile(path, QStringLiteral("atlas configuration"));
    const QDir base = QFileInfo(path).absoluteDir();
    AtlasConfig config;
    config.path = path;
    const io::ResultsPathResolver results(path, root, resultsDir);
    config.resultsDir = results.resultsDir();
    config.title = io::requiredString(root, QStringLiteral("title"), path, {});
    config.subtitle = root.value(QStringLiteral("subtitle")).toString();
    config.producer = root.value(QStringLiteral("producer")).toString();
    config.date = root.value(QStringLiteral("date")).toString();
    const QString layout = io::requiredString(root, QStringLiteral("layout"), path, {});
    config.layout = builtinLayoutIds().contains(layout) ? layout : resolve(base, layout);
    if (root.contains(QStringLiteral("image_dpi"))) {
        const double dpi = root.value(QStringLiteral("image_dpi")).toDouble();
        if (dpi < 50 || dpi > 1200)
            throw InputError({path}, QStringLiteral("image_dpi must be between 50 and 1200"));
        config.imageDpi = dpi;
    }
    if (root.contains(QStringLiteral("compact_pdf"))) {
        const QString compact = root.value(QStringLiteral("compact_pdf")).toString();
        if (compact == QLatin1String("auto"))
            config.compactPdf = AtlasConfig::CompactPdf::Auto;
        else if (compact == QLatin1String("always"))
            config.compactPdf = AtlasConfig::CompactPdf::Always;
        else if (compact == QLatin1String("never"))
            config.compactPdf = AtlasConfig::CompactPdf::Never;
        else
            throw InputError({path}, QStringLiteral("compact_pdf must be \"auto\", \"always\" "
                                                    "or \"never\", not \"%1\"")
                                         .arg(compact));
    }
    if (root.contains(QStringLiteral("jbig2_masks"))) {
        const QJsonValue jbig2 = root.value(QStringLiteral("jbig2_masks"));
        if (!jbig2.isBool())
            throw InputError({path}, QStringLiteral("jbig2_masks must be true or false"));
        config.jbig2Masks = jbig2.toBool();
    }

    const QJsonArray layers =
        io::requiredArray(root, QStringLiteral("layers"), path, QStringLiteral("layers"));
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const QString where = QStringLiteral("layers[%1].").arg(i);
        const QJsonObject object = layers[i].toObject();
        AtlasLayerConfig layer;
        layer.id = io::requiredString(object, QStringLiteral("id"), path, where);
        if (config.layer(layer.id))
            throw InputError({path},
                             QStringLiteral("%1id: \"%2\" is used twice").arg(where, layer.id));
        layer.source =
            results.resolve(io::requiredString(object, QStringLiteral("source"), path, where),
                            where + QStringLiteral("source"), false);
        layer.title = object.value(QStringLiteral("title")).toString(layer.id);
        layer.role = parseRole(io::requiredString(object, QStringLiteral("role"), path, where),
                               path, where + QStringLiteral("role"));
        layer.style = parseFeatureStyle(object.value(QStringLiteral("style")).toObject(), path,
                                        where + QStringLiteral("style"));
        layer.labelField = object.value(QStringLiteral("label_field")).toString();
        layer.labelPt = object.value(QStringLiteral("label_pt")).toDouble(0);
        layer.asImage =
            object.value(QStringLiteral("as_image")).toBool(layer.role == LayerRole::Dense);
        config.layers.push_back(std::move(layer));
    }

    const QJsonObject coverage = root.value(QStringLiteral("coverage")).toObject();
    config.coverageLayer =
        io::requiredString(coverage, QStringLiteral("layer"), path, QStringLiteral("coverage."));
    config.coverageNameField = io::requiredString(coverage, QStringLiteral("name_field"), path,
                                                  QStringLiteral("coverage."));
    if (!config.layer(config.coverageLayer))
        throw InputError({path}, QStringLiteral("coverage.layer: \"%1\" is not the id of a layer")
                                     .arg(config.coverageLayer));

    const QJsonArray statistics = root.value(QStringLiteral("statistics")).toArray();
    for (qsizetype i = 0; i < statistics.size(); ++i) {
        const QString where = QStringLiteral("statistics[%1].").arg(i);
        const QJsonObject object = statistics[i].toObject();
        AtlasStatistic statistic;
        statistic.label = io::requiredString(object, QStringLiteral("label"), path, where);
        const QString kind = io::requiredString(object, QStringLiteral("kind"), path, where);
        statistic.decimals = object.value(QStringLiteral("decimals")).toInt(0);
        if (kind == QLatin1String("area")) {
            statistic.kind = AtlasStatistic::Kind::Area;
            statistic.decimals = object.value(QStringLiteral("decimals")).toInt(2);
        } else if (kind == QLatin1String("raster_sum")) {
            statistic.kind = AtlasStatistic::Kind::RasterSum;
            statistic.raster =
                results.resolve(io::requiredString(object, QStringLiteral("raster"), path, where),
                                where + QStringLiteral("raster"), false);
        } else if (kind == QLatin1String("count") || kind == QLatin1String("count_by_level") ||
                   kind == QLatin1String("class_area")) {
            statistic.kind = kind == QLatin1String("count") ? AtlasStatistic::Kind::Count
                             : kind == QLatin1String("count_by_level")
                                 ? AtlasStatistic::Kind::CountByLevel
                                 : AtlasStatistic::Kind::ClassArea;
            statistic.layer = io::requiredString(object, QStringLiteral("layer"), path, where);
            if (!config.layer(statistic.layer))
                throw InputError({path}, QStringLiteral("%1layer: \"%2\" is not the id of a layer")
                                             .arg(where, statistic.layer));
            if (statistic.kind != AtlasStatistic::Kind::Count) {
                statistic.field = io::requiredString(object, QStringLiteral("field"), path, where);
                statistic.palette =
                    io::requiredString(object, QStringLiteral("palette"), path, where);
                if (statistic.kind == AtlasStatistic::Kind::ClassArea)
                    statistic.decimals = object.value(QStringLiteral("decimals")).toInt(2);
            }
        } else {
            throw InputError({path}, QStringLiteral("%1kind: \"%2\" is not area, raster_sum, "
                                                    "count, count_by_level or class_area")
                                         .arg(where, kind));
        }
        config.statistics.push_back(std::move(statistic));
    }
    for (const QJsonValue &source : root.value(QStringLiteral("sources")).toArray())
        config.sources.append(source.toString());
    config.parameters = root.value(QStringLiteral("parameters")).toObject();
    return config;
}

} // namespace riskatlas::render
