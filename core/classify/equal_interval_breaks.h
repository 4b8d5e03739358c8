// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/classify/class_breaks.h"

#include <vector>

namespace riskatlas::classify {

/// Equal-interval breaks: minimum + i·(maximum − minimum)/classes for i = 1…classes−1, and
/// the maximum (QGIS's QgsClassificationEqualInterval, which adds the step repeatedly; the
/// product used here differs from it by rounding only, below 1e−15 relative). When all values
/// are equal every break is that value and every class but the first is empty.
///
/// NaN values are ignored and reported in notes. Throws riskatlas::InputError when `classes`
/// is outside 1…kMaxClasses, a value is infinite or no value is left. Pure and thread-safe.
ClassBreaks equalIntervalBreaks(const std::vector<double> &values, int classes = 5);

} // namespace riskatlas::classify
