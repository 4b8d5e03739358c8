// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/classify/manual_breaks.h"

#include "core/classify/sorted_values.h"
#include "core/error.h"

#include <QCoreApplication>

#include <cmath>

namespace riskatlas::classify {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::classify)
};

} // namespace

ClassBreaks manualBreaks(const std::vector<double> &values, const std::vector<double> &innerBreaks)
{
    checkClassCount(static_cast<int>(std::min<size_t>(innerBreaks.size() + 1, kMaxClasses + 1)));
    const SortedValues sorted = sortedFiniteValues(values);
    const double minimum = sorted.values.front();
    const double maximum = sorted.values.back();
    for (size_t i = 0; i < innerBreaks.size(); ++i) {
        const double b = innerBreaks[i];
        if (!std::isfinite(b))
            throw InputError({}, Tr::tr("break %1 (%2) is not a finite number").arg(i + 1).arg(b));
        if (i > 0 && !(b > innerBreaks[i - 1])) {
            throw InputError({}, Tr::tr("break %1 (%2) is not above break %3 (%4); breaks must "
                                        "be in ascending order")
                                     .arg(i + 1)
                                     .arg(b)
                                     .arg(i)
                                     .arg(innerBreaks[i - 1]));
        }
        if (b < minimum || b > maximum) {
            throw InputError({}, Tr::tr("break %1 (%2) lies outside the data's range %3 to %4")
                                     .arg(i + 1)
                                     .arg(b)
                                     .arg(minimum)
                                     .arg(maximum));
        }
    }
    std::vector<double> upper = innerBreaks;
    upper.push_back(maximum);
    return makeClassBreaks(sorted, std::move(upper));
}

} // namespace riskatlas::classify
