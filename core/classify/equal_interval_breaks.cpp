// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/classify/equal_interval_breaks.h"

#include "core/classify/sorted_values.h"

namespace riskatlas::classify {

ClassBreaks equalIntervalBreaks(const std::vector<double> &values, int classes)
{
    checkClassCount(classes);
    const SortedValues sorted = sortedFiniteValues(values);
    const double minimum = sorted.values.front();
    const double maximum = sorted.values.back();
    const double step = (maximum - minimum) / classes;
    std::vector<double> upper;
    upper.reserve(static_cast<size_t>(classes));
    for (int i = 1; i < classes; ++i)
        upper.push_back(minimum + i * step);
    upper.push_back(maximum);
    return makeClassBreaks(sorted, std::move(upper));
}

} // namespace riskatlas::classify
