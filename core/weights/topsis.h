// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/weights/decision_matrix.h"
#include "core/weights/indicator_direction.h"

#include <QStringList>

#include <vector>

namespace riskatlas::weights {

struct TopsisResult
{
    std::vector<double> closeness;           ///< C_i = D−_i / (D+_i + D−_i), in [0, 1]
    std::vector<double> distanceToIdeal;     ///< D+_i
    std::vector<double> distanceToAntiIdeal; ///< D−_i
    std::vector<double> ideal;               ///< V+_j of the weighted normalised matrix
    std::vector<double> antiIdeal;           ///< V−_j
    QStringList warnings;                    ///< translated
};

/// TOPSIS (Hwang & Yoon 1981) relative closeness of each unit (row) to the ideal solution:
///  1. vector normalisation r_ij = x_ij / sqrt(Σ_i x_ij²);
///  2. weighting v_ij = w_j·r_ij with the weights scaled to sum 1;
///  3. ideal V+_j = max_i v_ij for a benefit indicator, min_i v_ij for a cost one; the
///     anti-ideal V−_j the opposite;
///  4. Euclidean distances D+_i = ‖v_i − V+‖ and D−_i = ‖v_i − V−‖;
///  5. C_i = D−_i / (D+_i + D−_i): 1 at the ideal, 0 at the anti-ideal.
/// An all-zero column normalises to 0 (warning). When every unit is the same in every weighted
/// indicator, D+ = D− = 0 and C is set to 0.5 for all (warning).
///
/// Throws riskatlas::InputError when the matrix is empty, ragged or has a non-finite cell
/// (naming row and column), when `weights` or `directions` do not have one entry per column,
/// or when a weight is negative or not finite, or all are 0. Pure and thread-safe.
TopsisResult topsis(const DecisionMatrix &matrix, const std::vector<double> &weights,
                    const std::vector<IndicatorDirection> &directions);

} // namespace riskatlas::weights
