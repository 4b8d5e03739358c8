// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/classify/class_breaks.h"

#include <vector>

namespace riskatlas::classify {

/// Classes from breaks the user chose: `innerBreaks` are the upper breaks of classes
/// 1…k−1 (k = innerBreaks.size() + 1 classes); the last class ends at the maximum. They must
/// be finite, strictly ascending and within [minimum, maximum] of the data; a break equal to
/// the maximum leaves the last class empty (a note says so). No inner break gives one class.
///
/// NaN values are ignored and reported in notes. Throws riskatlas::InputError naming the
/// break (1-based) and the data's range when a break is not finite, not above the previous
/// one or outside the range, when there are more than kMaxClasses classes, a value is
/// infinite or no value is left. Pure and thread-safe.
ClassBreaks manualBreaks(const std::vector<double> &values, const std::vector<double> &innerBreaks);

} // namespace riskatlas::classify
