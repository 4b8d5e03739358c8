// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/weights/topsis.h"

#include "core/error.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace riskatlas::weights {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::weights)
};

} // namespace

TopsisResult topsis(const DecisionMatrix &matrix, const std::vector<double> &weights,
                    const std::vector<IndicatorDirection> &directions)
{
    checkDecisionMatrix(matrix, Tr::tr("the TOPSIS decision matrix"));
    const size_t m = matrix.size();
    const size_t n = matrix.front().size();
    if (weights.size() != n || directions.size() != n) {
        throw InputError({}, Tr::tr("the TOPSIS decision matrix has %1 column(s) but %2 "
                                    "weight(s) and %3 direction(s) were given")
                                 .arg(n)
                                 .arg(weights.size())
                                 .arg(directions.size()));
    }
    double weightSum = 0.0;
    for (size_t j = 0; j < n; ++j) {
        if (!std::isfinite(weights[j]) || weights[j] < 0.0) {
            throw InputError({}, Tr::tr("TOPSIS weight %1 is %2; weights must be finite and not "
                                        "negative")
                                     .arg(j + 1)
                                     .arg(weights[j]));
        }
        weightSum += weights[j];
    }
    if (!(weightSum > 0.0))
        throw InputError({}, Tr::tr("every TOPSIS weight is 0"));

    TopsisResult result;
    DecisionMatrix v(m, std::vector<double>(n, 0.0));
    for (size_t j = 0; j < n; ++j) {
        double squares = 0.0;
        for (size_t i = 0; i < m; ++i)
            squares += matrix[i][j] * matrix[i][j];
        const double norm = std::sqrt(squares);
        if (norm == 0.0) {
            result.warnings.append(
                Tr::tr("TOPSIS indicator %1 is 0 for every unit; it cannot separate them")
                    .arg(j + 1));
            continue;
        }
        const double w = weights[j] / weightSum;
        for (size_t i = 0; i < m; ++i)
            v[i][j] = w * matrix[i][j] / norm;
    }

    result.ideal.resize(n);
    result.antiIdeal.resize(n);
    for (size_t j = 0; j < n; ++j) {
        double low = v[0][j];
        double high = v[0][j];
        for (size_t i = 1; i < m; ++i) {
            low = std::min(low, v[i][j]);
            high = std::max(high, v[i][j]);
        }
        const bool benefit = directions[j] == IndicatorDirection::Benefit;
        result.ideal[j] = benefit ? high : low;
        result.antiIdeal[j] = benefit ? low : high;
    }

    bool allTied = false;
    for (size_t i = 0; i < m; ++i) {
        double plus = 0.0;
        double minus = 0.0;
        for (size_t j = 0; j < n; ++j) {
            plus += (v[i][j] - result.ideal[j]) * (v[i][j] - result.ideal[j]);
            minus += (v[i][j] - result.antiIdeal[j]) * (v[i][j] - result.antiIdeal[j]);
        }
        plus = std::sqrt(plus);
        minus = std::sqrt(minus);
        result.distanceToIdeal.push_back(plus);
        result.distanceToAntiIdeal.push_back(minus);
        // D+ + D− = 0 only where the ideal and the anti-ideal coincide, i.e. for every unit.
        if (plus + minus == 0.0) {
            allTied = true;
            result.closeness.push_back(0.5);
        } else {
            result.closeness.push_back(minus / (plus + minus));
        }
    }
    if (allTied) {
        result.warnings.append(Tr::tr("all %1 units are equal in every weighted indicator; "
                                      "each gets closeness 0.5")
                                   .arg(m));
    }
    return result;
}

} // namespace riskatlas::weights
