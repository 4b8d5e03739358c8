// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/indicator_weights.h"
#include "core/hazard/risk_model.h"
#include "core/model/vector_layer.h"

#include <QStringList>

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// Disaster-reduction capacity (减灾能力) of each township.
struct CapacityResult
{
    QStringList townshipIds;
    QStringList townshipNames;
    std::vector<double> population; ///< persons (raster sum, cell centres inside)
    /// [township][indicator]: the indicator summed (or counted) over the township's points,
    /// and the same per 10 000 people.
    std::vector<std::vector<double>> totals;
    std::vector<std::vector<double>> per10k;
    IndicatorWeights weights;
    std::vector<double> closeness; ///< TOPSIS closeness C in [0, 1], 1 = strongest
    std::vector<int> levels;       ///< 1 强 … 5 弱
    double mean = 0;               ///< μ of C
    double standardDeviation = 0;  ///< σ of C (population)
    /// The four thresholds μ+outer·σ, μ+inner·σ, μ−inner·σ, μ−outer·σ, descending.
    std::vector<double> thresholds;
};

/// The capacity level 1 (强) … 5 (弱) of `closeness` against `thresholds` (descending, as in
/// CapacityResult): above the first is 1; a closeness exactly on a threshold takes the weaker
/// level (weights::capacityLevel's rule, which this equals for 0.5σ and 1.5σ).
int capacityLevelOf(double closeness, const std::vector<double> &thresholds);

/// Sums each indicator's points (field, or count) per township (point inside the township),
/// divides by the township's population / 10 000, weights them (model weights.capacity),
/// and ranks the townships by TOPSIS closeness; levels by μ ± inner·σ and μ ± outer·σ.
/// `townships` is in the metric CRS with the id field `idField` and name field `nameField`.
/// Throws InputError naming the township when its population is 0, naming the layer for a
/// missing field; CancelledError through `feedback`.
CapacityResult assessCapacity(const model::VectorLayer &townships, const QString &idField,
                              const QString &nameField, const CapacitySpec &spec,
                              const WeightSpec &weightSpec, const QString &modelPath, int threads,
                              Feedback *feedback);

} // namespace riskatlas::hazard
