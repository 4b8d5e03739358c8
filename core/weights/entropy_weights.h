// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/weights/decision_matrix.h"
#include "core/weights/indicator_direction.h"

#include <QStringList>

#include <vector>

namespace riskatlas::weights {

struct EntropyWeights
{
    std::vector<double> weights;    ///< w_j = d_j / Σd, one per indicator, summing to 1
    std::vector<double> entropy;    ///< e_j in [0, 1]
    std::vector<double> divergence; ///< d_j = 1 − e_j, the degree of diversification
    QStringList warnings;           ///< translated; e.g. a constant indicator (weight 0)
};

/// Entropy weight method (熵权法). For the m×n `matrix` (m units in rows, n indicators in
/// columns):
///  1. each column is min–max normalised with its direction (normaliseColumn MinMax):
///     y_ij in [0, 1], 1 the best unit for a benefit indicator and the least bad for a cost one;
///  2. p_ij = y_ij / Σ_i y_ij;
///  3. e_j = −k·Σ_i p_ij·ln p_ij with k = 1/ln m, taking 0·ln 0 = 0;
///  4. d_j = 1 − e_j and w_j = d_j / Σ_j d_j.
/// A constant column carries no information: its y are all 0, so e_j = 1, d_j = 0 and its
/// weight is 0 (with a warning naming it). `indicatorNames` (optional, one per column) label
/// messages.
///
/// Throws riskatlas::InputError when the matrix has fewer than 2 rows, rows of different
/// lengths or a non-finite cell (naming row and column), when `directions` (or a non-empty
/// `indicatorNames`) does not have one entry per column, or when every indicator is
/// constant. Pure and thread-safe.
EntropyWeights entropyWeights(const DecisionMatrix &matrix,
                              const std::vector<IndicatorDirection> &directions,
                              const QStringList &indicatorNames = {});

} // namespace riskatlas::weights
