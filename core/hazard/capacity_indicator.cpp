// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/capacity_indicator.h"

#include "core/classify/standard_deviation_breaks.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/hazard/assessment_units.h"
#include "core/overlay/raster_zonal.h"
#include "core/overlay/zonal_summary.h"
#include "core/weights/topsis.h"

#include <QCoreApplication>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

std::vector<double> column(const model::VectorLayer &layer, const QString &name)
{
    const int index = model::fieldIndex(layer.fields, name);
    std::vector<double> values;
    for (const model::Feature &feature : layer.features) {
        const QVariant value = feature.attributes.value(index);
        values.push_back(value.isNull() ? 0.0 : value.toDouble());
    }
    return values;
}

} // namespace

int capacityLevelOf(double closeness, const std::vector<double> &thresholds)
{
    int level = 1;
    for (const double threshold : thresholds) {
        if (closeness <= threshold)
            ++level;
    }
    return level;
}

CapacityResult assessCapacity(const model::VectorLayer &townships, const QString &idField,
                              const QString &nameField, const CapacitySpec &spec,
                              const WeightSpec &weightSpec, const QString &modelPath, int threads,
                              Feedback *feedback)
{
    const ErrorLocation where{townships.sourcePath, townships.name};
    const int idIndex = model::fieldIndex(townships.fields, idField);
    const int nameIndex = model::fieldIndex(townships.fields, nameField);
    if (idIndex < 0 || nameIndex < 0)
        throw InputError(
            where, Tr::tr("townships: no field \"%1\"").arg(idIndex < 0 ? idField : nameField));
    CapacityResult result;
    for (const model::Feature &feature : townships.features) {
        result.townshipIds.append(feature.attributes.value(idIndex).toString());
        result.townshipNames.append(feature.attributes.value(nameIndex).toString());
    }
    const size_t n = townships.features.size();

    overlay::RasterZonalOptions rasterOptions;
    rasterOptions.statistics = {overlay::RasterStatistic::Sum};
    rasterOptions.threads = threads;
    rasterOptions.feedback = feedback;
    overlay::RasterZonalReport rasterReport;
    // The report names the column only once the summary has run: two statements.
    const model::VectorLayer populated =
        overlay::rasterZonalSummary(townships, spec.population, rasterOptions, &rasterReport);
    result.population = column(populated, rasterReport.addedFields.value(0));
    for (size_t i = 0; i < n; ++i) {
        if (!(result.population[i] > 0))
            throw InputError({spec.population},
                             Tr::tr("township %1 (%2) has no population, so its capacity per "
                                    "10 000 people is undefined")
                                 .arg(result.townshipIds[int(i)], result.townshipNames[int(i)]));
    }

    result.totals.assign(n, {});
    result.per10k.assign(n, {});
    QStringList ids;
    std::vector<weights::IndicatorDirection> directions;
    for (size_t k = 0; k < spec.indicators.size(); ++k) {
        const CapacityIndicator &indicator = spec.indicators[k];
        ids.append(indicator.id);
        directions.push_back(indicator.direction);
        const model::VectorLayer points =
            readModelLayer(indicator.source, townships.crs, threads, feedback);
        overlay::ZonalOptions options;
        options.statistics = {indicator.field.isEmpty() ? overlay::ZonalStatistic::Count
                                                        : overlay::ZonalStatistic::Sum};
        options.field = indicator.field;
        options.metricCrs = townships.crs;
        options.threads = threads;
        options.feedback = feedback;
        overlay::ZonalReport report;
        const model::VectorLayer summed =
            overlay::zonalSummary(townships, points, options, &report);
        const std::vector<double> sums = column(summed, report.addedFields.value(0));
        for (size_t i = 0; i < n; ++i) {
            result.totals[i].push_back(sums[i]);
            result.per10k[i].push_back(sums[i] / result.population[i] * 10000.0);
        }
    }
    result.weights = resolveWeights(weightSpec, ids, result.per10k, modelPath, directions);
    const weights::TopsisResult topsis =
        weights::topsis(result.per10k, result.weights.weights, directions);
    result.closeness = topsis.closeness;
    for (const QString &warning : topsis.warnings) {
        if (feedback)
            feedback->pushWarning(warning);
    }
    const classify::MeanAndDeviation stats = classify::meanAndStandardDeviation(result.closeness);
    result.mean = stats.mean;
    result.standardDeviation = stats.standardDeviation;
    result.thresholds = {stats.mean + spec.outerSigma * stats.standardDeviation,
                         stats.mean + spec.innerSigma * stats.standardDeviation,
                         stats.mean - spec.innerSigma * stats.standardDeviation,
                         stats.mean - spec.outerSigma * stats.standardDeviation};
    for (const double c : result.closeness) {
        // All equal (σ = 0): every township is 中等, as weights::capacityLevel says.
        result.levels.push_back(stats.standardDeviation > 0 ? capacityLevelOf(c, result.thresholds)
                                                            : 3);
    }
    return result;
}

} // namespace riskatlas::hazard
