// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

#include <vector>

namespace riskatlas::weights {

/// A decision (indicator) matrix: one row per evaluated unit (county, township, enterprise),
/// one column per indicator. Also used for AHP's square pairwise comparison matrices.
using DecisionMatrix = std::vector<std::vector<double>>;

/// Checks that `matrix` has at least `minRows` rows and one column, that every row has as
/// many columns as the first, and that every cell is finite. Throws riskatlas::InputError
/// naming `what` and the offending row or cell (1-based) otherwise.
void checkDecisionMatrix(const DecisionMatrix &matrix, const QString &what, size_t minRows = 1);

} // namespace riskatlas::weights
