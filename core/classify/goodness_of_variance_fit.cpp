// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/classify/goodness_of_variance_fit.h"

#include "core/classify/class_breaks.h"
#include "core/classify/sorted_values.h"
#include "core/error.h"

#include <QCoreApplication>

namespace riskatlas::classify {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::classify)
};

} // namespace

double goodnessOfVarianceFit(const std::vector<double> &values, const ClassBreaks &breaks)
{
    const std::vector<double> finite = sortedFiniteValues(values).values;
    const size_t classes = breaks.upperBreaks.size();
    std::vector<int> classOf(finite.size());
    std::vector<double> sums(classes + 1, 0.0);
    std::vector<double> counts(classes + 1, 0.0);
    double total = 0.0;
    for (size_t i = 0; i < finite.size(); ++i) {
        const int c = breaks.classOf(finite[i]);
        if (c == 0) {
            throw InputError({}, Tr::tr("value %1 lies outside the classes (%2 to %3)")
                                     .arg(finite[i])
                                     .arg(breaks.minimum)
                                     .arg(breaks.maximum()));
        }
        classOf[i] = c;
        sums[static_cast<size_t>(c)] += finite[i];
        counts[static_cast<size_t>(c)] += 1.0;
        total += finite[i];
    }
    // Deviations from the means, not sums of squares minus squared sums: no cancellation.
    const double mean = total / static_cast<double>(finite.size());
    double sdam = 0.0;
    double sdcm = 0.0;
    for (size_t i = 0; i < finite.size(); ++i) {
        const auto c = static_cast<size_t>(classOf[i]);
        const double classMean = sums[c] / counts[c];
        sdam += (finite[i] - mean) * (finite[i] - mean);
        sdcm += (finite[i] - classMean) * (finite[i] - classMean);
    }
    return sdam > 0.0 ? 1.0 - sdcm / sdam : 1.0;
}

} // namespace riskatlas::classify
