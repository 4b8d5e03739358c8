// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/weights/indicator_direction.h"

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <vector>

namespace riskatlas::weights {

/// How normaliseColumn() rescales a column x (statistics over its non-NaN values).
enum class NormalisationMethod {
    /// Benefit: (x − min)/(max − min); cost: (max − x)/(max − min). Range [0, 1].
    MinMax,
    /// Benefit: (x − μ)/σ; cost: (μ − x)/σ, σ the population standard deviation (÷ n).
    ZScore,
    /// Benefit: x/‖x‖ with ‖x‖ = sqrt(Σx²) (TOPSIS's normalisation); cost: 1 − x/‖x‖, which
    /// reverses the order and stays defined for zeros (unlike the reciprocal 1/x).
    Vector
};

struct NormalisedColumn
{
    std::vector<double> values;    ///< same length and order as the input; NaN stays NaN
    qsizetype ignoredNaNCount = 0; ///< NaN cells, left out of the statistics
    QStringList warnings;          ///< translated; e.g. a constant column
};

/// Normalises one indicator column. A column with no spread (all values equal for MinMax and
/// ZScore, all zero for Vector) cannot be rescaled: every value becomes 0 and a warning names
/// the column. `columnName` only labels messages ("the column" when empty).
///
/// Throws riskatlas::InputError naming the column and the 1-based position when a value is
/// infinite, or when the column has no non-NaN value. Pure and thread-safe.
NormalisedColumn normaliseColumn(const std::vector<double> &column, NormalisationMethod method,
                                 IndicatorDirection direction = IndicatorDirection::Benefit,
                                 const QString &columnName = {});

} // namespace riskatlas::weights
