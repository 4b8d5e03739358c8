// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/hazard_indicator.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/overlay/zonal_summary.h"

#include <QCoreApplication>

#include <algorithm>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

std::vector<double> column(const model::VectorLayer &layer, const QString &name, double nullValue)
{
    const int index = model::fieldIndex(layer.fields, name);
    std::vector<double> values;
    values.reserve(layer.features.size());
    for (const model::Feature &feature : layer.features) {
        const QVariant value = feature.attributes.value(index);
        values.push_back(value.isNull() ? nullValue : value.toDouble());
    }
    return values;
}

} // namespace

QMap<QString, int> hazardGrades(const HazardSpec &spec, int index, const QString &modelPath)
{
    std::vector<std::pair<double, QString>> ordered;
    for (auto it = spec.scores.begin(); it != spec.scores.end(); ++it)
        ordered.emplace_back(it.value(), it.key());
    std::sort(ordered.begin(), ordered.end());
    bool distinct = ordered.size() == 5;
    for (size_t i = 1; distinct && i < ordered.size(); ++i)
        distinct = ordered[i].first > ordered[i - 1].first;
    if (!distinct)
        throw InputError({modelPath},
                         QStringLiteral("hazards[%1].scores: ").arg(index) +
                             Tr::tr("a five-colour hazard map needs five levels with five "
                                    "different scores"));
    QMap<QString, int> grades;
    for (size_t i = 0; i < ordered.size(); ++i)
        grades.insert(ordered[i].second, int(i) + 1);
    return grades;
}

ScoredHazard scoreHazardLayer(model::VectorLayer layer, const HazardSpec &spec, int index,
                              const QString &modelPath, Feedback *feedback)
{
    if (model::geometryDimension(layer.geometryType) != 2)
        throw InputError({layer.sourcePath, layer.name},
                         Tr::tr("hazards[%1]: a hazard layer must be polygons").arg(index));
    const int levelIndex = model::fieldIndex(layer.fields, spec.levelField);
    if (levelIndex < 0)
        throw InputError(
            {layer.sourcePath, layer.name},
            Tr::tr("hazards[%1].level_field: no field \"%2\"").arg(index).arg(spec.levelField));
    const QMap<QString, int> grades = hazardGrades(spec, index, modelPath);
    const double threshold = spec.scores.value(spec.threshold);
    layer.fields.append({QStringLiteral("h_score"), model::FieldType::Real});
    layer.fields.append({QStringLiteral("h_grade"), model::FieldType::Integer});
    layer.fields.append({QStringLiteral("h_above"), model::FieldType::Integer});
    qint64 nulls = 0;
    std::vector<model::Feature> kept;
    kept.reserve(layer.features.size());
    for (model::Feature &feature : layer.features) {
        if (feedback)
            feedback->throwIfCanceled();
        const QVariant level = feature.attributes.value(levelIndex);
        if (level.isNull() || feature.wkb.isEmpty()) {
            ++nulls;
            continue;
        }
        const QString key = level.toString();
        if (!spec.scores.contains(key))
            throw InputError({layer.sourcePath, layer.name, feature.fid, QStringLiteral("fid")},
                             Tr::tr("level %1 is not in hazards[%2].scores of %3")
                                 .arg(key)
                                 .arg(index)
                                 .arg(modelPath));
        const double score = spec.scores.value(key);
        feature.attributes.append(score);
        feature.attributes.append(grades.value(key));
        feature.attributes.append(
            spec.aggregation == HazardAggregation::ShareAtOrAbove && score >= threshold ? 1 : 0);
        kept.push_back(std::move(feature));
    }
    layer.features = std::move(kept);
    if (nulls > 0 && feedback)
        feedback->pushWarning(
            Tr::tr("%1: %2 features without level or geometry left out").arg(spec.id).arg(nulls));
    return {spec, std::move(layer)};
}

std::vector<double> hazardIndicator(const model::VectorLayer &units, const ScoredHazard &hazard,
                                    int threads, Feedback *feedback)
{
    overlay::ZonalOptions options;
    options.threads = threads;
    options.metricCrs = units.crs;
    options.feedback = feedback;
    switch (hazard.spec.aggregation) {
    case HazardAggregation::MaxLevel: {
        options.statistics = {overlay::ZonalStatistic::Max};
        options.field = QStringLiteral("h_score");
        overlay::ZonalReport report;
        const model::VectorLayer result =
            overlay::zonalSummary(units, hazard.layer, options, &report);
        return column(result, report.addedFields.value(0), 0.0);
    }
    case HazardAggregation::AreaWeightedMean:
    case HazardAggregation::ShareAtOrAbove: {
        options.statistics = {overlay::ZonalStatistic::WeightedMean};
        options.field = hazard.spec.aggregation == HazardAggregation::AreaWeightedMean
                            ? QStringLiteral("h_score")
                            : QStringLiteral("h_above");
        overlay::ZonalReport report;
        const model::VectorLayer result =
            overlay::zonalSummary(units, hazard.layer, options, &report);
        const std::vector<double> mean = column(result, report.addedFields.value(0), 0.0);
        const std::vector<double> coverage = column(result, report.addedFields.value(1), 0.0);
        std::vector<double> values(mean.size());
        // The mean is over the covered part; over the whole unit the rest counts as score 0.
        for (size_t i = 0; i < values.size(); ++i)
            values[i] = mean[i] * coverage[i];
        return values;
    }
    }
    return {};
}

} // namespace riskatlas::hazard
