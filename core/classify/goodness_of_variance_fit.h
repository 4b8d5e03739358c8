// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <vector>

namespace riskatlas::classify {

struct ClassBreaks;

/// Goodness of variance fit (Jenks 1977): GVF = 1 − SDCM / SDAM, where SDAM is the sum of
/// squared deviations of `values` from their mean and SDCM the sum over classes of the squared
/// deviations from each class's mean, classes assigned by breaks.classOf(). 1 is a perfect
/// fit; 1 when all values are equal (SDAM = 0). NaN values are ignored.
///
/// Throws riskatlas::InputError when a value is infinite or falls in no class (outside
/// [breaks.minimum, breaks.maximum()]), naming it, or when no value is left. Pure and
/// thread-safe.
double goodnessOfVarianceFit(const std::vector<double> &values, const ClassBreaks &breaks);

} // namespace riskatlas::classify
