// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/indicator_weights.h"

#include "core/error.h"
#include "core/weights/entropy_weights.h"

namespace riskatlas::hazard {

QString weightMethodName(WeightMethod method)
{
    switch (method) {
    case WeightMethod::Direct:
        return QStringLiteral("direct");
    case WeightMethod::Ahp:
        return QStringLiteral("ahp");
    case WeightMethod::Entropy:
        return QStringLiteral("entropy");
    }
    return {};
}

IndicatorWeights resolveWeights(const WeightSpec &spec, const QStringList &ids,
                                const weights::DecisionMatrix &matrix, const QString &modelPath,
                                std::vector<weights::IndicatorDirection> directions)
{
    IndicatorWeights result;
    result.keyPath = spec.keyPath;
    result.method = spec.method;
    result.ids = ids;
    // The weights modules name rows and cells; the user needs the model key as well.
    const auto rethrow = [&](const Error &error) -> void {
        throw InputError({modelPath}, spec.keyPath + QStringLiteral(": ") + error.message());
    };
    switch (spec.method) {
    case WeightMethod::Direct: {
        double sum = 0;
        for (const QString &id : ids)
            sum += spec.values.value(id);
        for (const QString &id : ids)
            result.weights.push_back(spec.values.value(id) / sum);
        break;
    }
    case WeightMethod::Ahp: {
        try {
            result.ahp = weights::ahpWeights(spec.matrix);
        } catch (const InputError &error) {
            rethrow(error);
        }
        for (const QString &id : ids)
            result.weights.push_back(result.ahp->weights[size_t(spec.order.indexOf(id))]);
        break;
    }
    case WeightMethod::Entropy: {
        try {
            if (directions.empty())
                directions.assign(size_t(ids.size()), weights::IndicatorDirection::Benefit);
            const weights::EntropyWeights entropy =
                weights::entropyWeights(matrix, directions, ids);
            result.weights = entropy.weights;
            result.warnings = entropy.warnings;
        } catch (const InputError &error) {
            rethrow(error);
        }
        break;
    }
    }
    return result;
}

} // namespace riskatlas::hazard
