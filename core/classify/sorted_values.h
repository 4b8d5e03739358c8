// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/classify/class_breaks.h"

#include <QtGlobal>

#include <vector>

namespace riskatlas::classify {

/// Most classes any method accepts: beyond this a legend is no longer readable, and Jenks'
/// table (classes × distinct values) would grow for nothing.
inline constexpr int kMaxClasses = 256;

/// The input of every classification method: the column's values without NaN, ascending.
struct SortedValues
{
    std::vector<double> values;    ///< finite, ascending, duplicates kept
    qsizetype ignoredNaNCount = 0; ///< NaN values left out
};

/// Drops NaN (counting them) and sorts. Throws riskatlas::InputError when a value is ±infinity
/// (naming its 1-based position) or when no value is left to classify.
SortedValues sortedFiniteValues(const std::vector<double> &values);

/// Throws riskatlas::InputError naming `classes` unless 1 <= classes <= kMaxClasses.
void checkClassCount(int classes);

/// The ClassBreaks of `sorted` for the given upper breaks (inner breaks ascending, the last
/// one the largest value): fills minimum, the counts, and notes for ignored NaN values and for
/// empty classes. Pure; used by every method.
ClassBreaks makeClassBreaks(const SortedValues &sorted, std::vector<double> upperBreaks);

} // namespace riskatlas::classify
