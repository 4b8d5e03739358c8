// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/classify/standard_deviation_breaks.h"

#include <QString>

#include <vector>

namespace riskatlas::weights {

/// A county's (or township's) disaster-reduction capacity level from its TOPSIS closeness C,
/// against the mean μ and standard deviation σ of C over the units assessed together:
///
/// | level | name | closeness                  |
/// |-------|------|----------------------------|
/// | 1     | 强   | C > μ + 1.5σ               |
/// | 2     | 较强 | μ + 0.5σ < C <= μ + 1.5σ   |
/// | 3     | 中等 | μ − 0.5σ < C <= μ + 0.5σ   |
/// | 4     | 较弱 | μ − 1.5σ < C <= μ − 0.5σ   |
/// | 5     | 弱   | C <= μ − 1.5σ              |
///
/// These are classify::standardDeviationBreaks' five classes read from the top (level =
/// 6 − class), with its edge rule: a closeness exactly on a threshold takes the lower class,
/// i.e. the weaker level. With σ = 0 (all units equal) every unit is 中等.
struct CapacityLevel
{
    int level = 0; ///< 1 (强, strongest) … 5 (弱, weakest)
    QString name;  ///< 强, 较强, 中等, 较弱 or 弱 (translatable, Chinese source text)
};

/// The name of level 1…5. Throws riskatlas::InputError for another level.
QString capacityLevelName(int level);

/// The level of `closeness` for the given μ and σ (σ >= 0). Throws riskatlas::InputError when
/// a number is not finite or σ is negative. Pure and thread-safe.
CapacityLevel capacityLevel(double closeness, double mean, double standardDeviation);

/// Levels of all units: μ and σ of `closeness` (σ as `dispersion` says; by default the
/// population σ, dividing by n), then capacityLevel() for each. Throws riskatlas::InputError
/// when `closeness` is empty or holds a value that is not finite (naming its position).
std::vector<CapacityLevel>
capacityLevels(const std::vector<double> &closeness,
               classify::Dispersion dispersion = classify::Dispersion::Population);

} // namespace riskatlas::weights
