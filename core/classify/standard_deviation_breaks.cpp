// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/classify/standard_deviation_breaks.h"

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

MeanAndDeviation meanAndDeviationOf(const std::vector<double> &finite, Dispersion dispersion)
{
    MeanAndDeviation result;
    double sum = 0.0;
    for (double v : finite)
        sum += v;
    const auto n = static_cast<double>(finite.size());
    result.mean = sum / n;
    double squares = 0.0;
    for (double v : finite)
        squares += (v - result.mean) * (v - result.mean);
    const double divisor = dispersion == Dispersion::Population ? n : n - 1;
    result.standardDeviation = divisor > 0 ? std::sqrt(squares / divisor) : 0.0;
    return result;
}

} // namespace

MeanAndDeviation meanAndStandardDeviation(const std::vector<double> &values, Dispersion dispersion)
{
    return meanAndDeviationOf(sortedFiniteValues(values).values, dispersion);
}

ClassBreaks standardDeviationBreaks(const std::vector<double> &values, int classes,
                                    double sigmasPerClass, Dispersion dispersion)
{
    checkClassCount(classes);
    if (!std::isfinite(sigmasPerClass) || sigmasPerClass <= 0.0) {
        throw InputError({}, Tr::tr("class width %1 standard deviations must be a positive "
                                    "number")
                                 .arg(sigmasPerClass));
    }
    const SortedValues sorted = sortedFiniteValues(values);
    const MeanAndDeviation stats = meanAndDeviationOf(sorted.values, dispersion);
    std::vector<double> upper;
    upper.reserve(static_cast<size_t>(classes));
    for (int i = 1; i < classes; ++i) {
        const double offset = (i - classes / 2.0) * sigmasPerClass;
        upper.push_back(stats.mean + offset * stats.standardDeviation);
    }
    upper.push_back(sorted.values.back());
    ClassBreaks breaks = makeClassBreaks(sorted, std::move(upper));
    if (stats.standardDeviation == 0.0 && classes > 1)
        breaks.notes.prepend(Tr::tr("all values are equal (standard deviation 0)"));
    return breaks;
}

} // namespace riskatlas::classify
