// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/risk_model.h"
#include "core/weights/ahp.h"
#include "core/weights/decision_matrix.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace riskatlas::hazard {

/// The weights of one group of indicators (hazards, exposure, capacity), as used.
struct IndicatorWeights
{
    QString keyPath; ///< `weights.hazards`, …
    WeightMethod method = WeightMethod::Direct;
    QStringList ids;                       ///< in the model's order of the group
    std::vector<double> weights;           ///< same order, summing to 1
    std::optional<weights::AhpResult> ahp; ///< λmax, CI, RI, CR (in the AHP's own order)
    QStringList warnings;
};

/// "direct", "ahp" or "entropy".
QString weightMethodName(WeightMethod method);

/// Resolves `spec` for the indicators `ids`: direct weights scaled to sum 1; AHP principal
/// eigenvector weights (weights::ahpWeights), refused with an InputError naming the model
/// file, the key path and CR when CR >= 0.1; entropy weights (weights::entropyWeights) of
/// `matrix` (units × indicators, with `directions`; empty = all benefit), which is only needed
/// for entropy.
IndicatorWeights resolveWeights(const WeightSpec &spec, const QStringList &ids,
                                const weights::DecisionMatrix &matrix, const QString &modelPath,
                                std::vector<weights::IndicatorDirection> directions = {});

} // namespace riskatlas::hazard
