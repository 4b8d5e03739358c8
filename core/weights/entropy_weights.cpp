// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/weights/entropy_weights.h"

#include "core/error.h"
#include "core/weights/normalisation.h"

#include <QCoreApplication>

#include <cmath>

namespace riskatlas::weights {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::weights)
};

} // namespace

EntropyWeights entropyWeights(const DecisionMatrix &matrix,
                              const std::vector<IndicatorDirection> &directions,
                              const QStringList &indicatorNames)
{
    checkDecisionMatrix(matrix, Tr::tr("the indicator matrix"), 2);
    const size_t m = matrix.size();
    const size_t n = matrix.front().size();
    if (directions.size() != n ||
        (!indicatorNames.isEmpty() && static_cast<size_t>(indicatorNames.size()) != n)) {
        throw InputError({}, Tr::tr("the indicator matrix has %1 column(s) but %2 direction(s) "
                                    "and %3 name(s) were given")
                                 .arg(n)
                                 .arg(directions.size())
                                 .arg(indicatorNames.size()));
    }

    EntropyWeights result;
    const double k = 1.0 / std::log(static_cast<double>(m));
    for (size_t j = 0; j < n; ++j) {
        std::vector<double> column(m);
        for (size_t i = 0; i < m; ++i)
            column[i] = matrix[i][j];
        const QString name = indicatorNames.isEmpty() ? QString::number(j + 1)
                                                      : indicatorNames[static_cast<qsizetype>(j)];
        const NormalisedColumn y =
            normaliseColumn(column, NormalisationMethod::MinMax, directions[j], name);
        result.warnings += y.warnings;

        double total = 0.0;
        for (double v : y.values)
            total += v;
        double e = 1.0; // a constant column: all y = 0, no information
        if (total > 0.0) {
            double sum = 0.0;
            for (double v : y.values) {
                if (v > 0.0) {
                    const double p = v / total;
                    sum += p * std::log(p);
                }
            }
            e = -k * sum;
        }
        result.entropy.push_back(e);
        result.divergence.push_back(1.0 - e);
    }

    double totalDivergence = 0.0;
    for (double d : result.divergence)
        totalDivergence += d;
    if (!(totalDivergence > 0.0)) {
        throw InputError({}, Tr::tr("no indicator varies between the %1 units, so the entropy "
                                    "method cannot weight them")
                                 .arg(m));
    }
    for (double d : result.divergence)
        result.weights.push_back(d / totalDivergence);
    return result;
}

} // namespace riskatlas::weights
