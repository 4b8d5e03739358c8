// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/classify/quantile_breaks.h"

#include "core/classify/sorted_values.h"

namespace riskatlas::classify {

ClassBreaks quantileBreaks(const std::vector<double> &values, int classes)
{
    checkClassCount(classes);
    const SortedValues sorted = sortedFiniteValues(values);
    const std::vector<double> &x = sorted.values;
    const size_t n = x.size();
    std::vector<double> upper;
    upper.reserve(static_cast<size_t>(classes));
    for (int i = 1; i < classes; ++i) {
        if (n == 1) {
            upper.push_back(x[0]);
            continue;
        }
        // The same operations in the same order as QGIS, so that breaks agree to the last bit.
        const double q = i / static_cast<double>(classes);
        const double a = q * static_cast<double>(n - 1);
        const auto lower = static_cast<size_t>(a);
        const double r = a - static_cast<double>(lower);
        upper.push_back((1 - r) * x[lower] + r * x[lower + 1]);
    }
    upper.push_back(x.back());
    return makeClassBreaks(sorted, std::move(upper));
}

} // namespace riskatlas::classify
