// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/classify/sorted_values.h"

#include "core/error.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace riskatlas::classify {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::classify)
};

} // namespace

SortedValues sortedFiniteValues(const std::vector<double> &values)
{
    SortedValues sorted;
    sorted.values.reserve(values.size());
    for (size_t i = 0; i < values.size(); ++i) {
        const double value = values[i];
        if (std::isnan(value)) {
            ++sorted.ignoredNaNCount;
            continue;
        }
        if (std::isinf(value)) {
            throw InputError({}, Tr::tr("value %1 (position %2) is infinite and cannot be "
                                        "classified")
                                     .arg(value)
                                     .arg(i + 1));
        }
        sorted.values.push_back(value);
    }
    if (sorted.values.empty()) {
        throw InputError({}, values.empty()
                                 ? Tr::tr("there are no values to classify")
                                 : Tr::tr("all %n values are NaN; there is nothing to classify",
                                          nullptr, static_cast<int>(values.size())));
    }
    std::sort(sorted.values.begin(), sorted.values.end());
    return sorted;
}

void checkClassCount(int classes)
{
    if (classes < 1 || classes > kMaxClasses) {
        throw InputError({}, Tr::tr("%1 classes asked for; the number of classes must be "
                                    "between 1 and %2")
                                 .arg(classes)
                                 .arg(kMaxClasses));
    }
}

ClassBreaks makeClassBreaks(const SortedValues &sorted, std::vector<double> upperBreaks)
{
    const std::vector<double> &v = sorted.values;
    ClassBreaks breaks;
    breaks.minimum = v.front();
    breaks.upperBreaks = std::move(upperBreaks);
    breaks.valueCount = static_cast<qsizetype>(v.size());
    breaks.ignoredNaNCount = sorted.ignoredNaNCount;

    // Class i holds (b[i-1], b[i]]; counting the values <= each inner break is enough.
    const size_t classes = breaks.upperBreaks.size();
    breaks.classCounts.assign(classes, 0);
    qsizetype below = 0;
    for (size_t i = 0; i + 1 < classes; ++i) {
        const auto atOrBelow = static_cast<qsizetype>(
            std::upper_bound(v.begin(), v.end(), breaks.upperBreaks[i]) - v.begin());
        breaks.classCounts[i] = std::max<qsizetype>(0, atOrBelow - below);
        below = std::max(below, atOrBelow);
    }
    if (classes > 0)
        breaks.classCounts[classes - 1] = breaks.valueCount - below;

    if (sorted.ignoredNaNCount > 0) {
        breaks.notes.append(
            Tr::tr("%n NaN value(s) ignored", nullptr, static_cast<int>(sorted.ignoredNaNCount)));
    }
    const auto empty = std::count(breaks.classCounts.begin(), breaks.classCounts.end(), 0);
    if (empty > 0)
        breaks.notes.append(
            Tr::tr("%n class(es) hold no values", nullptr, static_cast<int>(empty)));
    return breaks;
}

} // namespace riskatlas::classify
