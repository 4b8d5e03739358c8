// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/risk_pipeline.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geometry_parts.h"
#include "core/geos/geos_context.h"
#include "core/hazard/assessment_units.h"
#include "core/hazard/capacity_indicator.h"
#include "core/hazard/exposure_indicator.h"
#include "core/hazard/hazard_indicator.h"
#include "core/hazard/hazard_map.h"
#include "core/hazard/indicator_weights.h"
#include "core/hazard/raster_hazard.h"
#include "core/hazard/risk_classification.h"
#include "core/hazard/risk_formula.h"
#include "core/hazard/risk_tables.h"
#include "core/hazard/vulnerability_indicator.h"
#include "core/hazard/zone_parts.h"
#include "core/io/layer_writer.h"
#include "core/overlay/raster_zonal.h"
#include "core/overlay/zonal_summary.h"
#include "core/style/palette.h"
#include "core/weights/normalisation.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <memory>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

constexpr int kSteps = 11;

class Steps
{
public:
    explicit Steps(Feedback *feedback)
        : m_feedback(feedback)
    {}
    void next(const QString &name)
    {
        ++m_step;
        if (!m_feedback)
            return;
        m_feedback->throwIfCanceled();
        m_feedback->setStep(QStringLiteral("%1/%2 %3").arg(m_step).arg(kSteps).arg(name));
        m_feedback->setProgress(0);
    }

private:
    Feedback *m_feedback;
    int m_step = 0;
};

std::vector<double> normalised(const std::vector<double> &values,
                               weights::NormalisationMethod method, const QString &name,
                               QStringList &warnings)
{
    weights::NormalisedColumn column =
        weights::normaliseColumn(values, method, weights::IndicatorDirection::Benefit, name);
    warnings.append(column.warnings);
    return column.values;
}

QString fileOf(const QString &spec)
{
    const qsizetype bar = spec.indexOf(QLatin1Char('|'));
    return bar < 0 ? spec : spec.left(bar);
}

// The files a model reads, each with its shapefile companions, sorted, for the report.
QStringList inputFiles(const RiskModel &model)
{
    QStringList specs{model.modelPath, model.units.source,         model.units.boundary,
                      model.townships, model.vulnerability.source, model.capacity.population};
    for (const HazardSpec &spec : model.hazards)
        specs.append(spec.source);
    for (const ExposureSpec &spec : model.exposure)
        specs.append(spec.source);
    for (const CapacityIndicator &spec : model.capacity.indicators)
        specs.append(spec.source);
    QStringList files;
    for (const QString &spec : specs) {
        if (spec.isEmpty())
            continue;
        const QString file = fileOf(spec);
        files.append(file);
        if (file.endsWith(QLatin1String(".shp"), Qt::CaseInsensitive)) {
            for (const char *suffix : {".dbf", ".shx", ".prj", ".cpg"}) {
                const QString companion = file.left(file.size() - 4) + QLatin1String(suffix);
                if (QFileInfo::exists(companion))
                    files.append(companion);
            }
        }
    }
    files.removeDuplicates();
    files.sort();
    return files;
}

QString sha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError({path}, Tr::tr("cannot read: %1").arg(file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

QJsonArray toJson(const std::vector<double> &values)
{
    QJsonArray array;
    for (const double value : values)
        array.append(value);
    return array;
}

QJsonObject weightsJson(const IndicatorWeights &weights)
{
    QJsonObject object;
    object.insert(QStringLiteral("method"), weightMethodName(weights.method));
    QJsonObject values;
    for (qsizetype i = 0; i < weights.ids.size(); ++i)
        values.insert(weights.ids[i], weights.weights[size_t(i)]);
    object.insert(QStringLiteral("weights"), values);
    if (weights.ahp) {
        object.insert(QStringLiteral("lambda_max"), weights.ahp->lambdaMax);
        object.insert(QStringLiteral("consistency_index"), weights.ahp->consistencyIndex);
        object.insert(QStringLiteral("random_index"), weights.ahp->randomIndex);
        object.insert(QStringLiteral("consistency_ratio"), weights.ahp->consistencyRatio);
    }
    return object;
}

QJsonObject tilingJson(const Zoning &zoning, qint64 zones)
{
    QJsonObject object;
    object.insert(QStringLiteral("zones"), zones);
    object.insert(QStringLiteral("study_area_km2"), zoning.tiling.studyArea / 1e6);
    object.insert(QStringLiteral("zones_area_km2"), zoning.tiling.zonesArea / 1e6);
    object.insert(QStringLiteral("overlap_area_m2"), zoning.tiling.overlapArea);
    object.insert(QStringLiteral("gap_area_m2"), zoning.tiling.gapArea);
    object.insert(QStringLiteral("relative_difference"), zoning.tiling.relativeDifference());
    object.insert(QStringLiteral("patches_eliminated"), zoning.patchesEliminated);
    object.insert(QStringLiteral("islands_kept"), zoning.islandsKept);
    return object;
}

model::VectorLayer emptyTable(const QString &name, const model::Fields &fields)
{
    model::VectorLayer table;
    table.name = name;
    table.geometryType = model::GeometryType::None;
    table.fields = fields;
    return table;
}

void addRow(model::VectorLayer &table, QVariantList values)
{
    model::Feature row;
    row.fid = qint64(table.features.size()) + 1;
    row.attributes = std::move(values);
    table.features.push_back(std::move(row));
}

// Without geometry: the attribute table of a map, for the tables folder.
model::VectorLayer attributesOf(const model::VectorLayer &layer)
{
    model::VectorLayer table = layer;
    table.geometryType = model::GeometryType::None;
    table.crs = {};
    for (model::Feature &feature : table.features)
        feature.wkb.clear();
    return table;
}

// Capacity levels run 1 强 … 5 弱 (weights::capacityLevel, the prevention rules); the
// bundled capacity palette gives 强 level 5, as its legend shows the strongest on top.
int capacityPaletteLevel(int capacityLevel)
{
    return 6 - capacityLevel;
}

// The units a zone holds, for people: the first three names, then how many more.
QString zoneName(const ZonePart &part, const QStringList &unitNames)
{
    QStringList names;
    for (size_t k = 0; k < part.units.size() && k < 3; ++k)
        names.append(unitNames.value(qsizetype(part.units[k])));
    QString name = names.join(QStringLiteral("、"));
    if (part.units.size() > 3)
        name += QStringLiteral("等%1个单元").arg(part.units.size()); // data, not UI: always zh
    return name;
}

// What a zoning step needs to apply the overrides of one zoning layer.
struct ZoneOverrideInput
{
    QString layerName; ///< risk_zoning, prevention_zoning: for messages
    const model::VectorLayer &units;
    const QStringList &unitIds;
    const QStringList &unitNames;
    const style::Palette &palette;
    double minimumMappingUnit;
    const model::VectorLayer &studyArea;
    int threads;
    Feedback *feedback;
};

// Zone overrides are applied to the units a zone holds, and the zoning is dissolved again:
// so an overridden zone merges with its neighbours of the same level, and everything derived
// from the units' levels follows. The keys are those of the zoning before the overrides.
// An override whose zone appears only once another override has merged zones (a planner who
// overrode a zone of an overridden output) is applied in a further pass, so such chains
// survive a rerun too; each override is applied at most once, in the order given (the later
// wins where two hold the same unit). `locked` units keep their level.
Zoning zoneWithOverrides(const ZoneOverrideInput &in, std::vector<int> &levels,
                         const std::vector<char> &locked, std::vector<char> &marked,
                         std::vector<QString> &reasons, const std::vector<LevelOverride> &overrides,
                         std::vector<OverrideOutcome> &outcomes, QStringList &warnings)
{
    outcomes.clear();
    for (const LevelOverride &entry : overrides) {
        if (!in.palette.classForLevel(entry.level))
            throw InputError({in.palette.id},
                             Tr::tr("override of %1 zone %2: the palette has no level %3")
                                 .arg(in.layerName, entry.key)
                                 .arg(entry.level));
        outcomes.push_back({entry.key, entry.level, false, 0, {}, 0});
    }
    Zoning zoning = zoneByLevel(in.units, levels, in.palette, in.minimumMappingUnit, in.studyArea,
                                in.threads, in.feedback);
    for (size_t pass = 0; pass < overrides.size(); ++pass) {
        const std::vector<ZonePart> parts =
            zoneParts(zoning.layer, in.units, in.unitIds, in.feedback);
        QHash<QString, const ZonePart *> byKey;
        for (const ZonePart &part : parts)
            byKey.insert(part.key, &part);
        bool changed = false;
        for (size_t k = 0; k < overrides.size(); ++k) {
            if (outcomes[k].applied)
                continue;
            const auto found = byKey.constFind(overrides[k].key);
            if (found == byKey.cend())
                continue;
            const ZonePart &part = **found;
            OverrideOutcome &outcome = outcomes[k];
            outcome.applied = true;
            outcome.modelLevel = part.level;
            outcome.name = zoneName(part, in.unitNames);
            for (const size_t u : part.units) {
                if (locked[u])
                    continue;
                levels[u] = overrides[k].level;
                marked[u] = 1;
                reasons[u] = overrides[k].reason;
                ++outcome.features;
            }
            changed = true;
        }
        if (!changed)
            break;
        zoning = zoneByLevel(in.units, levels, in.palette, in.minimumMappingUnit, in.studyArea,
                             in.threads, in.feedback);
    }
    for (const OverrideOutcome &outcome : outcomes) {
        if (!outcome.applied)
            warnings.append(Tr::tr("override of %1 zone %2 matches no zone of this run (the "
                                   "units it held have changed); not applied")
                                .arg(in.layerName, outcome.key));
    }
    return zoning;
}

// The zoning as delivered: one feature per connected zone, keyed by zone_id, marked where a
// unit in it carries a planner's level.
model::VectorLayer zoneLayer(const ZoneOverrideInput &in, const Zoning &zoning,
                             const std::vector<char> &marked, const std::vector<QString> &reasons)
{
    const std::vector<ZonePart> parts = zoneParts(zoning.layer, in.units, in.unitIds, in.feedback);
    model::VectorLayer layer;
    layer.name = in.layerName;
    layer.crs = zoning.layer.crs;
    layer.geometryType = model::GeometryType::MultiPolygon;
    layer.fields = {{QStringLiteral("zone_id"), model::FieldType::String},
                    {QStringLiteral("level"), model::FieldType::Integer},
                    {QStringLiteral("level_name"), model::FieldType::String},
                    {QStringLiteral("color"), model::FieldType::String},
                    {QStringLiteral("area_km2"), model::FieldType::Real},
                    {QStringLiteral("units"), model::FieldType::Integer},
                    {QStringLiteral("overridden"), model::FieldType::Integer},
                    {QStringLiteral("override_reason"), model::FieldType::String}};
    geos::Context context;
    for (const ZonePart &part : parts) {
        const style::PaletteClass *paletteClass = in.palette.classForLevel(part.level);
        QStringList why;
        for (const size_t u : part.units) {
            if (marked[u] && !why.contains(reasons[u]))
                why.append(reasons[u]);
        }
        model::Feature feature;
        feature.fid = qint64(layer.features.size()) + 1;
        feature.attributes = {part.key,
                              part.level,
                              paletteClass ? paletteClass->name : QString(),
                              paletteClass ? paletteClass->color.name() : QString(),
                              part.area / 1e6,
                              int(part.units.size()),
                              why.isEmpty() ? 0 : 1,
                              why.isEmpty() ? QVariant()
                                            : QVariant(why.join(QStringLiteral("；")))};
        const geos::GeometryPtr polygon = geos::fromWkb(context, part.wkb);
        std::vector<geos::GeometryPtr> single;
        single.push_back(geos::own(context, GEOSGeom_clone_r(context.handle(), polygon.get())));
        const geos::GeometryPtr multi =
            geos::makeCollection(context, GEOS_MULTIPOLYGON, std::move(single));
        feature.wkb = geos::toWkb(context, multi.get());
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

} // namespace

QStringList outputFiles(const RiskModel &model, OutputFormat format)
{
    QStringList maps{QStringLiteral("risk_map"), QStringLiteral("risk_zoning"),
                     QStringLiteral("prevention_zoning")};
    for (const HazardSpec &spec : model.hazards)
        maps.append(QStringLiteral("hazard_") + spec.id);
    QStringList files;
    for (const QString &map : maps) {
        if (format != OutputFormat::Shapefile)
            files.append(map + QStringLiteral(".gpkg"));
        if (format != OutputFormat::GeoPackage)
            files.append(QStringLiteral("shp/") + map + QStringLiteral(".shp"));
    }
    for (const char *table : {"risk_units", "risk_by_township", "hazard_by_township", "capacity",
                              "weights", "breaks"}) {
        files.append(QStringLiteral("tables/") + QLatin1String(table) + QStringLiteral(".csv"));
        files.append(QStringLiteral("tables/") + QLatin1String(table) + QStringLiteral(".xlsx"));
    }
    files.append(QStringLiteral("model_report.json"));
    files.sort();
    return files;
}

PipelineSummary runRiskModel(const RiskModel &model, const PipelineOptions &options)
{
    Feedback *feedback = options.feedback;
    const int threads = options.threads;
    const QDir outDir(options.outDir);
    const QStringList files = outputFiles(model, options.format);
    if (!options.overwrite) {
        for (const QString &file : files) {
            if (QFileInfo::exists(outDir.filePath(file)))
                throw InputError({outDir.filePath(file)},
                                 Tr::tr("exists; use --overwrite to replace it"));
        }
    }
    QStringList warnings;
    const style::Palette riskPalette = style::loadPalette(model.riskPalette);
    const style::Palette capacityPalette = style::loadPalette(model.capacityPalette);
    const style::Palette preventionPalette = style::loadPalette(model.preventionPalette);
    Steps steps(feedback);

    // 1. Units, study area, townships.
    steps.next(Tr::tr("assessment units"));
    AssessmentUnits prepared = prepareUnits(model.units, threads, feedback);
    const model::VectorLayer &units = prepared.units;
    const crs::Crs metricCrs = prepared.metricCrs;
    const size_t n = units.features.size();
    TownshipLayer townships;
    if (model.townships.isEmpty()) {
        townships.layer = units;
        townships.idField = QStringLiteral("unit_id");
        townships.nameField = QStringLiteral("unit_name");
    } else {
        townships.layer = readModelLayer(model.townships, metricCrs, threads, feedback);
        townships.idField = model.townshipIdField;
        townships.nameField = model.townshipNameField;
    }
    std::vector<double> unitArea;
    for (const model::Feature &feature : units.features)
        unitArea.push_back(feature.attributes.value(2).toDouble());

    // 2. Hazard H: each hazard per unit, then weighted.
    steps.next(Tr::tr("hazards"));
    std::vector<ScoredHazard> hazards;
    std::vector<std::vector<double>> hazardValues;
    QStringList hazardIds;
    for (size_t k = 0; k < model.hazards.size(); ++k) {
        const HazardSpec &spec = model.hazards[k];
        if (overlay::isRasterPath(spec.source)) {
            // The polygonised cells for the map and the tables; cells by centre for H.
            // Polygonising first checks every cell's level, in raster order, before any sum.
            hazards.push_back(polygoniseRasterHazard(spec, int(k), model.modelPath, metricCrs,
                                                     threads, feedback));
            hazardValues.push_back(
                rasterHazardIndicator(units, spec, int(k), model.modelPath, threads, feedback));
        } else {
            hazards.push_back(
                scoreHazardLayer(readModelLayer(spec.source, metricCrs, threads, feedback), spec,
                                 int(k), model.modelPath, feedback));
            hazardValues.push_back(hazardIndicator(units, hazards.back(), threads, feedback));
        }
        hazardIds.append(spec.id);
    }
    weights::DecisionMatrix hazardMatrix(n, std::vector<double>(model.hazards.size()));
    for (size_t i = 0; i < n; ++i) {
        for (size_t k = 0; k < model.hazards.size(); ++k)
            hazardMatrix[i][k] = hazardValues[k][i];
    }
    const IndicatorWeights hazardWeights =
        resolveWeights(model.hazardWeights, hazardIds, hazardMatrix, model.modelPath);
    warnings.append(hazardWeights.warnings);
    std::vector<double> hazardIndex(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        for (size_t k = 0; k < model.hazards.size(); ++k)
            hazardIndex[i] += hazardWeights.weights[k] * hazardValues[k][i];
    }

    // 3. Exposure E: totals or densities, each min–max normalised, weighted.
    steps.next(Tr::tr("exposure"));
    std::vector<std::unique_ptr<ExposureSource>> sources;
    std::vector<std::vector<double>> exposureValues;
    QStringList exposureIds;
    for (size_t j = 0; j < model.exposure.size(); ++j) {
        sources.push_back(std::make_unique<ExposureSource>(model.exposure[j], int(j), metricCrs,
                                                           threads, feedback));
        std::vector<double> values = sources.back()->totals(units, true, threads, feedback);
        if (model.exposure[j].density) {
            for (size_t i = 0; i < n; ++i)
                values[i] = unitArea[i] > 0 ? values[i] / unitArea[i] : 0.0;
        }
        exposureValues.push_back(values);
        exposureIds.append(model.exposure[j].id);
    }
    weights::DecisionMatrix exposureMatrix(n, std::vector<double>(model.exposure.size()));
    std::vector<std::vector<double>> exposureScaled;
    for (size_t j = 0; j < model.exposure.size(); ++j) {
        exposureScaled.push_back(normalised(exposureValues[j], weights::NormalisationMethod::MinMax,
                                            exposureIds[qsizetype(j)], warnings));
        for (size_t i = 0; i < n; ++i)
            exposureMatrix[i][j] = exposureValues[j][i];
    }
    const IndicatorWeights exposureWeights =
        resolveWeights(model.exposureWeights, exposureIds, exposureMatrix, model.modelPath);
    warnings.append(exposureWeights.warnings);
    std::vector<double> exposureIndex(n, 0.0);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < model.exposure.size(); ++j)
            exposureIndex[i] += exposureWeights.weights[j] * exposureScaled[j][i];
    }

    // 4. Vulnerability V.
    steps.next(Tr::tr("vulnerability"));
    const std::vector<double> vulnerability = vulnerabilityIndicator(
        units, readModelLayer(model.vulnerability.source, metricCrs, threads, feedback),
        model.vulnerability, threads, feedback);

    // 5. Capacity C per township, then per unit.
    steps.next(Tr::tr("capacity"));
    const CapacityResult capacity =
        assessCapacity(townships.layer, townships.idField, townships.nameField, model.capacity,
                       model.capacityWeights, model.modelPath, threads, feedback);
    warnings.append(capacity.weights.warnings);
    std::vector<double> closeness(n, 0.0);
    if (model.townships.isEmpty()) {
        closeness = capacity.closeness;
    } else {
        // A unit takes the area-weighted closeness of the townships it lies in.
        model::VectorLayer withCloseness = townships.layer;
        withCloseness.fields.append({QStringLiteral("c_closeness"), model::FieldType::Real});
        for (size_t t = 0; t < withCloseness.features.size(); ++t)
            withCloseness.features[t].attributes.append(capacity.closeness[t]);
        overlay::ZonalOptions zonal;
        zonal.statistics = {overlay::ZonalStatistic::WeightedMean};
        zonal.field = QStringLiteral("c_closeness");
        zonal.metricCrs = metricCrs;
        zonal.threads = threads;
        zonal.feedback = feedback;
        overlay::ZonalReport report;
        const model::VectorLayer result =
            overlay::zonalSummary(units, withCloseness, zonal, &report);
        const int index = model::fieldIndex(result.fields, report.addedFields.value(0));
        for (size_t i = 0; i < n; ++i) {
            const QVariant value = result.features[i].attributes.value(index);
            if (value.isNull())
                throw InputError({model.townships},
                                 Tr::tr("unit %1 lies in no township")
                                     .arg(units.features[i].attributes[0].toString()));
            closeness[i] = value.toDouble();
        }
    }
    std::vector<int> capacityLevels(n, 3);
    for (size_t i = 0; i < n; ++i) {
        if (model.townships.isEmpty())
            capacityLevels[i] = capacity.levels[i];
        else if (capacity.standardDeviation > 0)
            capacityLevels[i] = capacityLevelOf(closeness[i], capacity.thresholds);
    }

    // 6. Normalise, combine, classify.
    steps.next(Tr::tr("risk index"));
    const weights::NormalisationMethod method = model.combine.normalisation;
    const std::vector<double> h = normalised(hazardIndex, method, QStringLiteral("H"), warnings);
    const std::vector<double> e = normalised(exposureIndex, method, QStringLiteral("E"), warnings);
    const std::vector<double> v = normalised(vulnerability, method, QStringLiteral("V"), warnings);
    const std::vector<double> c = normalised(closeness, method, QStringLiteral("C"), warnings);
    RiskFormula formula(model.combine.formula, model.modelPath);
    std::vector<double> risk(n);
    for (size_t i = 0; i < n; ++i) {
        if (feedback)
            feedback->throwIfCanceled();
        risk[i] = formula.evaluate(h[i], e[i], v[i], c[i]);
    }
    RiskClasses classes;
    try {
        classes = classifyRisk(risk, model.classify);
    } catch (const InputError &error) {
        throw InputError({model.modelPath}, QStringLiteral("classify: ") + error.message());
    }
    warnings.append(classes.breaks.notes);
    // Planner overrides replace the model's class before zoning, so the zones follow them.
    std::vector<int> levels = classes.levels;
    std::vector<char> overridden(n, 0);
    std::vector<QString> overrideReasons(n);
    PipelineSummary summary;
    if (!options.levelOverrides.empty()) {
        QHash<QString, size_t> unitIndex;
        for (size_t i = 0; i < n; ++i)
            unitIndex.insert(units.features[i].attributes.value(0).toString(), i);
        for (const UnitLevelOverride &entry : options.levelOverrides) {
            if (entry.level < 1 || entry.level > 5)
                throw InputError({model.modelPath},
                                 Tr::tr("override of unit %1: level %2 is not between 1 and 5")
                                     .arg(entry.key)
                                     .arg(entry.level));
            OverrideOutcome outcome{entry.key, entry.level, false, 0, {}, 0};
            const auto found = unitIndex.constFind(entry.key);
            if (found == unitIndex.cend()) {
                warnings.append(
                    Tr::tr("override of unit %1 matches no unit; ignored").arg(entry.key));
                summary.unitOverrides.push_back(outcome);
                continue;
            }
            outcome.applied = true;
            outcome.modelLevel = classes.levels[*found];
            outcome.name = units.features[*found].attributes.value(1).toString();
            outcome.features = 1;
            summary.unitOverrides.push_back(outcome);
            levels[*found] = entry.level;
            overridden[*found] = 1;
            overrideReasons[*found] = entry.reason;
        }
    }

    // 7. Risk zoning, with the zone overrides: they change units' levels, so they come before
    // the risk map is filled in.
    steps.next(Tr::tr("risk zoning"));
    QStringList unitIds;
    QStringList unitNames;
    for (const model::Feature &feature : units.features) {
        unitIds.append(feature.attributes.value(0).toString());
        unitNames.append(feature.attributes.value(1).toString());
    }
    const ZoneOverrideInput riskZoneInput{QStringLiteral("risk_zoning"),
                                          units,
                                          unitIds,
                                          unitNames,
                                          riskPalette,
                                          model.minimumMappingUnit,
                                          prepared.studyArea,
                                          threads,
                                          feedback};
    const std::vector<char> unitOverridden = overridden;
    Zoning riskZoning =
        zoneWithOverrides(riskZoneInput, levels, unitOverridden, overridden, overrideReasons,
                          options.riskZoneOverrides, summary.riskZoneOverrides, warnings);
    riskZoning.layer.name = QStringLiteral("risk_zoning");
    const model::VectorLayer riskZones =
        zoneLayer(riskZoneInput, riskZoning, overridden, overrideReasons);

    model::VectorLayer riskMap = units;
    riskMap.name = QStringLiteral("risk_map");
    for (const QString &id : hazardIds)
        riskMap.fields.append({QStringLiteral("h_") + id, model::FieldType::Real});
    riskMap.fields.append({QStringLiteral("hazard"), model::FieldType::Real});
    for (const QString &id : exposureIds)
        riskMap.fields.append({QStringLiteral("e_") + id, model::FieldType::Real});
    riskMap.fields.append({QStringLiteral("exposure"), model::FieldType::Real});
    riskMap.fields.append({QStringLiteral("vuln"), model::FieldType::Real});
    riskMap.fields.append({QStringLiteral("closeness"), model::FieldType::Real});
    riskMap.fields.append({QStringLiteral("cap_level"), model::FieldType::Integer});
    riskMap.fields.append({QStringLiteral("cap_name"), model::FieldType::String});
    for (const char *name : {"H", "E", "V", "C", "risk"})
        riskMap.fields.append({QLatin1String(name), model::FieldType::Real});
    riskMap.fields.append({QStringLiteral("level"), model::FieldType::Integer});
    riskMap.fields.append({QStringLiteral("level_name"), model::FieldType::String});
    riskMap.fields.append({QStringLiteral("color"), model::FieldType::String});
    riskMap.fields.append({QStringLiteral("model_level"), model::FieldType::Integer});
    riskMap.fields.append({QStringLiteral("overridden"), model::FieldType::Integer});
    riskMap.fields.append({QStringLiteral("override_reason"), model::FieldType::String});
    summary.units = qint64(n);
    summary.unitsPerLevel.assign(5, 0);
    for (size_t i = 0; i < n; ++i) {
        QVariantList &row = riskMap.features[i].attributes;
        for (const std::vector<double> &values : hazardValues)
            row.append(values[i]);
        row.append(hazardIndex[i]);
        for (const std::vector<double> &values : exposureValues)
            row.append(values[i]);
        row.append(exposureIndex[i]);
        row.append(vulnerability[i]);
        row.append(closeness[i]);
        row.append(capacityLevels[i]);
        const style::PaletteClass *capacityClass =
            capacityPalette.classForLevel(capacityPaletteLevel(capacityLevels[i]));
        row.append(capacityClass ? capacityClass->name : QString());
        row.append(h[i]);
        row.append(e[i]);
        row.append(v[i]);
        row.append(c[i]);
        row.append(risk[i]);
        const int level = levels[i];
        const style::PaletteClass *riskClass = riskPalette.classForLevel(level);
        if (!riskClass)
            throw InputError({riskPalette.id}, Tr::tr("palette has no level %1").arg(level));
        row.append(level);
        row.append(riskClass->name);
        row.append(riskClass->color.name());
        row.append(classes.levels[i]);
        row.append(int(overridden[i]));
        row.append(overridden[i] ? QVariant(overrideReasons[i]) : QVariant());
        ++summary.unitsPerLevel[size_t(level - 1)];
    }

    // 8. Prevention zoning.
    steps.next(Tr::tr("prevention zoning"));
    std::vector<int> zones(n);
    for (size_t i = 0; i < n; ++i)
        zones[i] = preventionZone(levels[i], capacityLevels[i], model.preventionRules,
                                  model.preventionDefault);
    const ZoneOverrideInput preventionInput{QStringLiteral("prevention_zoning"),
                                            units,
                                            unitIds,
                                            unitNames,
                                            preventionPalette,
                                            model.minimumMappingUnit,
                                            prepared.studyArea,
                                            threads,
                                            feedback};
    std::vector<char> zoneOverridden(n, 0);
    std::vector<QString> zoneReasons(n);
    Zoning prevention = zoneWithOverrides(
        preventionInput, zones, std::vector<char>(n, 0), zoneOverridden, zoneReasons,
        options.preventionZoneOverrides, summary.preventionZoneOverrides, warnings);
    prevention.layer.name = QStringLiteral("prevention_zoning");
    const model::VectorLayer preventionZones =
        zoneLayer(preventionInput, prevention, zoneOverridden, zoneReasons);
    // The risk and capacity levels behind each unit's zone, on the risk map too, and the
    // planner's reason where the zone was set by hand.
    riskMap.fields.append({QStringLiteral("prev_zone"), model::FieldType::Integer});
    riskMap.fields.append({QStringLiteral("prev_name"), model::FieldType::String});
    riskMap.fields.append({QStringLiteral("prev_reason"), model::FieldType::String});
    for (size_t i = 0; i < n; ++i) {
        const style::PaletteClass *zoneClass = preventionPalette.classForLevel(zones[i]);
        riskMap.features[i].attributes.append(zones[i]);
        riskMap.features[i].attributes.append(zoneClass ? zoneClass->name : QString());
        riskMap.features[i].attributes.append(zoneOverridden[i] ? QVariant(zoneReasons[i])
                                                                : QVariant());
    }

    // 9. Five-colour maps per hazard.
    steps.next(Tr::tr("hazard maps"));
    std::vector<model::VectorLayer> hazardMaps;
    for (const ScoredHazard &hazard : hazards)
        hazardMaps.push_back(hazardMap(hazard, prepared.studyArea, riskPalette, threads, feedback));

    // 10. Tables.
    steps.next(Tr::tr("tables"));
    std::vector<const ExposureSource *> sourcePointers;
    for (const std::unique_ptr<ExposureSource> &source : sources)
        sourcePointers.push_back(source.get());
    model::VectorLayer riskTable =
        levelTable(riskZoning.layer, townships, sourcePointers, riskPalette, {}, threads, feedback);
    riskTable.name = QStringLiteral("risk_by_township");
    model::VectorLayer hazardTable;
    for (size_t k = 0; k < hazards.size(); ++k) {
        const QList<QPair<model::Field, QVariant>> leading{
            {{QStringLiteral("hazard_id"), model::FieldType::String}, hazards[k].spec.id},
            {{QStringLiteral("hazard"), model::FieldType::String}, hazards[k].spec.name}};
        const model::VectorLayer table = levelTable(hazardMaps[k], townships, sourcePointers,
                                                    riskPalette, leading, threads, feedback);
        if (k == 0)
            hazardTable = table;
        else
            appendRows(hazardTable, table);
    }
    hazardTable.name = QStringLiteral("hazard_by_township");

    model::Fields capacityFields{{QStringLiteral("township_id"), model::FieldType::String},
                                 {QStringLiteral("township"), model::FieldType::String},
                                 {QStringLiteral("population"), model::FieldType::Real}};
    for (const CapacityIndicator &indicator : model.capacity.indicators) {
        capacityFields.append({indicator.id, model::FieldType::Real});
        capacityFields.append({indicator.id + QStringLiteral("_per10k"), model::FieldType::Real});
    }
    capacityFields.append({QStringLiteral("closeness"), model::FieldType::Real});
    capacityFields.append({QStringLiteral("cap_level"), model::FieldType::Integer});
    capacityFields.append({QStringLiteral("cap_name"), model::FieldType::String});
    model::VectorLayer capacityTable = emptyTable(QStringLiteral("capacity"), capacityFields);
    for (qsizetype t = 0; t < capacity.townshipIds.size(); ++t) {
        QVariantList row{capacity.townshipIds[t], capacity.townshipNames[t],
                         capacity.population[size_t(t)]};
        for (size_t k = 0; k < model.capacity.indicators.size(); ++k) {
            row.append(capacity.totals[size_t(t)][k]);
            row.append(capacity.per10k[size_t(t)][k]);
        }
        row.append(capacity.closeness[size_t(t)]);
        row.append(capacity.levels[size_t(t)]);
        const style::PaletteClass *capacityClass =
            capacityPalette.classForLevel(capacityPaletteLevel(capacity.levels[size_t(t)]));
        row.append(capacityClass ? capacityClass->name : QString());
        addRow(capacityTable, row);
    }

    model::VectorLayer weightsTable = emptyTable(
        QStringLiteral("weights"), {{QStringLiteral("group"), model::FieldType::String},
                                    {QStringLiteral("indicator"), model::FieldType::String},
                                    {QStringLiteral("method"), model::FieldType::String},
                                    {QStringLiteral("weight"), model::FieldType::Real},
                                    {QStringLiteral("lambda_max"), model::FieldType::Real},
                                    {QStringLiteral("cr"), model::FieldType::Real}});
    for (const IndicatorWeights *group : {&hazardWeights, &exposureWeights, &capacity.weights}) {
        for (qsizetype i = 0; i < group->ids.size(); ++i) {
            addRow(weightsTable,
                   {group->keyPath, group->ids[i], weightMethodName(group->method),
                    group->weights[size_t(i)],
                    group->ahp ? QVariant(group->ahp->lambdaMax) : QVariant(),
                    group->ahp ? QVariant(group->ahp->consistencyRatio) : QVariant()});
        }
    }

    model::VectorLayer breaksTable = emptyTable(
        QStringLiteral("breaks"), {{QStringLiteral("level"), model::FieldType::Integer},
                                   {QStringLiteral("level_name"), model::FieldType::String},
                                   {QStringLiteral("method"), model::FieldType::String},
                                   {QStringLiteral("lower"), model::FieldType::Real},
                                   {QStringLiteral("upper"), model::FieldType::Real},
                                   {QStringLiteral("units"), model::FieldType::Integer64}});
    for (int level = 5; level >= 1; --level) {
        const int index = level - 1;
        const int classCount = classes.breaks.classCount();
        const bool present = index < classCount;
        const style::PaletteClass *riskClass = riskPalette.classForLevel(level);
        addRow(breaksTable,
               {level, riskClass ? riskClass->name : QString(),
                classifyMethodName(model.classify.method),
                present ? QVariant(index == 0 ? classes.breaks.minimum
                                              : classes.breaks.upperBreaks[size_t(index - 1)])
                        : QVariant(),
                present ? QVariant(classes.breaks.upperBreaks[size_t(index)]) : QVariant(),
                summary.unitsPerLevel[size_t(index)]});
    }

    // 11. Write.
    steps.next(Tr::tr("writing"));
    QDir().mkpath(outDir.path());
    if (options.format != OutputFormat::GeoPackage)
        QDir().mkpath(outDir.filePath(QStringLiteral("shp")));
    QDir().mkpath(outDir.filePath(QStringLiteral("tables")));
    io::WriteOptions writeOptions;
    writeOptions.overwrite = options.overwrite;
    std::vector<const model::VectorLayer *> maps{&riskMap, &riskZones, &preventionZones};
    for (const model::VectorLayer &map : hazardMaps)
        maps.push_back(&map);
    for (const model::VectorLayer *map : maps) {
        writeOptions.layerName = map->name;
        if (options.format != OutputFormat::Shapefile)
            io::writeLayer(*map, outDir.filePath(map->name + QStringLiteral(".gpkg")), writeOptions,
                           nullptr, feedback);
        if (options.format != OutputFormat::GeoPackage)
            io::writeLayer(
                *map, outDir.filePath(QStringLiteral("shp/") + map->name + QStringLiteral(".shp")),
                writeOptions, nullptr, feedback);
    }
    model::VectorLayer unitsTable = attributesOf(riskMap);
    unitsTable.name = QStringLiteral("risk_units");
    for (const model::VectorLayer *table :
         {&unitsTable, &riskTable, &hazardTable, &capacityTable, &weightsTable, &breaksTable}) {
        writeOptions.layerName = table->name;
        for (const char *suffix : {".csv", ".xlsx"})
            io::writeLayer(
                *table,
                outDir.filePath(QStringLiteral("tables/") + table->name + QLatin1String(suffix)),
                writeOptions, nullptr, feedback);
    }

    // The report: everything needed to explain the numbers, and nothing that changes between
    // runs (no time, no absolute path, no thread count).
    const QDir modelDir = QFileInfo(model.modelPath).absoluteDir();
    QJsonObject report;
    report.insert(QStringLiteral("title"), model.title);
    report.insert(QStringLiteral("model"), QFileInfo(model.modelPath).fileName());
    report.insert(QStringLiteral("metric_crs"), metricCrs.authId());
    report.insert(QStringLiteral("units"), qint64(n));
    report.insert(QStringLiteral("study_area_km2"), prepared.studyAreaM2 / 1e6);
    QJsonObject weightsObject;
    weightsObject.insert(QStringLiteral("hazards"), weightsJson(hazardWeights));
    weightsObject.insert(QStringLiteral("exposure"), weightsJson(exposureWeights));
    weightsObject.insert(QStringLiteral("capacity"), weightsJson(capacity.weights));
    report.insert(QStringLiteral("weights"), weightsObject);
    QJsonObject breaksObject;
    breaksObject.insert(QStringLiteral("method"), classifyMethodName(model.classify.method));
    breaksObject.insert(QStringLiteral("minimum"), classes.breaks.minimum);
    breaksObject.insert(QStringLiteral("upper_breaks"), toJson(classes.breaks.upperBreaks));
    QJsonArray perLevel;
    for (const qint64 count : summary.unitsPerLevel)
        perLevel.append(count);
    breaksObject.insert(QStringLiteral("units_per_level"), perLevel);
    breaksObject.insert(QStringLiteral("notes"), QJsonArray::fromStringList(classes.breaks.notes));
    report.insert(QStringLiteral("breaks"), breaksObject);
    QJsonObject capacityObject;
    capacityObject.insert(QStringLiteral("mean"), capacity.mean);
    capacityObject.insert(QStringLiteral("standard_deviation"), capacity.standardDeviation);
    capacityObject.insert(QStringLiteral("thresholds"), toJson(capacity.thresholds));
    capacityObject.insert(QStringLiteral("inner_sigma"), model.capacity.innerSigma);
    capacityObject.insert(QStringLiteral("outer_sigma"), model.capacity.outerSigma);
    report.insert(QStringLiteral("capacity"), capacityObject);
    report.insert(QStringLiteral("risk_zoning"),
                  tilingJson(riskZoning, qint64(riskZones.features.size())));
    report.insert(QStringLiteral("prevention_zoning"),
                  tilingJson(prevention, qint64(preventionZones.features.size())));
    QJsonArray hazardArray;
    for (size_t k = 0; k < hazards.size(); ++k) {
        QJsonObject object;
        object.insert(QStringLiteral("id"), hazards[k].spec.id);
        object.insert(QStringLiteral("name"), hazards[k].spec.name);
        object.insert(QStringLiteral("features"), qint64(hazardMaps[k].features.size()));
        double area = 0;
        for (const model::Feature &feature : hazardMaps[k].features)
            area += feature.attributes.value(6).toDouble();
        object.insert(QStringLiteral("area_km2"), area);
        hazardArray.append(object);
    }
    report.insert(QStringLiteral("hazards"), hazardArray);
    QJsonObject overridesObject;
    const std::pair<const char *, const std::vector<OverrideOutcome> *> overrideGroups[] = {
        {"risk_map", &summary.unitOverrides},
        {"risk_zoning", &summary.riskZoneOverrides},
        {"prevention_zoning", &summary.preventionZoneOverrides}};
    for (const auto &[layerName, outcomes] : overrideGroups) {
        QJsonArray array;
        for (const OverrideOutcome &outcome : *outcomes)
            array.append(QJsonObject{{QStringLiteral("key"), outcome.key},
                                     {QStringLiteral("level"), outcome.level},
                                     {QStringLiteral("applied"), outcome.applied},
                                     {QStringLiteral("model_level"), outcome.modelLevel},
                                     {QStringLiteral("name"), outcome.name},
                                     {QStringLiteral("units"), outcome.features}});
        if (!array.isEmpty())
            overridesObject.insert(QLatin1String(layerName), array);
    }
    if (!overridesObject.isEmpty())
        report.insert(QStringLiteral("overrides"), overridesObject);
    QJsonArray inputs;
    for (const QString &file : inputFiles(model)) {
        QJsonObject object;
        object.insert(QStringLiteral("path"), modelDir.relativeFilePath(file));
        object.insert(QStringLiteral("sha256"), sha256(file));
        inputs.append(object);
    }
    report.insert(QStringLiteral("inputs"), inputs);
    warnings.removeDuplicates();
    report.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    QSaveFile reportFile(outDir.filePath(QStringLiteral("model_report.json")));
    if (!reportFile.open(QIODevice::WriteOnly) ||
        reportFile.write(QJsonDocument(report).toJson(QJsonDocument::Indented)) < 0 ||
        !reportFile.commit())
        throw ProcessingError({reportFile.fileName()},
                              Tr::tr("cannot write: %1").arg(reportFile.errorString()));
    if (feedback)
        feedback->setProgress(100);

    summary.breaks.push_back(classes.breaks.minimum);
    for (const double value : classes.breaks.upperBreaks)
        summary.breaks.push_back(value);
    summary.riskTiling = riskZoning.tiling;
    summary.preventionTiling = prevention.tiling;
    summary.riskZones = qint64(riskZones.features.size());
    summary.preventionZones = qint64(preventionZones.features.size());
    summary.files = files;
    summary.warnings = warnings;
    return summary;
}

} // namespace riskatlas::hazard
