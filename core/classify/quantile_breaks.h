// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/classify/class_breaks.h"

#include <vector>

namespace riskatlas::classify {

/// Equal-count (quantile) breaks, exactly as QGIS's QgsClassificationQuantile computes them:
/// for the n sorted values x[0…n−1] and i = 1…classes−1, with q = i / classes and
/// a = q·(n − 1), the break is (1 − r)·x[⌊a⌋] + r·x[⌊a⌋ + 1], r = a − ⌊a⌋ (linear
/// interpolation between order statistics, Hyndman & Fan type 7, R's default). The last break
/// is the maximum. Breaks are generally not data values; ties can make two breaks equal, and
/// the class between them is then empty (classCounts and a note say so).
///
/// NaN values are ignored and reported in notes. Throws riskatlas::InputError when `classes`
/// is outside 1…kMaxClasses, a value is infinite or no value is left. Pure and thread-safe.
ClassBreaks quantileBreaks(const std::vector<double> &values, int classes = 5);

} // namespace riskatlas::classify
