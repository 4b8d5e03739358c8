// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/weights/ahp.h"

#include "core/error.h"

#include <QCoreApplication>

#include <array>
#include <cmath>

namespace riskatlas::weights {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::weights)
};

constexpr std::array<double, kAhpMaxCriteria> kSaatyRandomIndex = {
    0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};

constexpr double kReciprocalTolerance = 1e-9;
constexpr double kConvergence = 1e-12;
constexpr int kMaxIterations = 10000;

void checkPairwise(const DecisionMatrix &a)
{
    const QString what = Tr::tr("the pairwise comparison matrix");
    checkDecisionMatrix(a, what);
    const size_t n = a.size();
    if (a.front().size() != n) {
        throw InputError({}, Tr::tr("%1 must be square; it has %2 rows and %3 columns")
                                 .arg(what)
                                 .arg(n)
                                 .arg(a.front().size()));
    }
    if (n > static_cast<size_t>(kAhpMaxCriteria)) {
        throw InputError({}, Tr::tr("%1 compares %2 criteria; Saaty's random index covers at "
                                    "most %3")
                                 .arg(what)
                                 .arg(n)
                                 .arg(kAhpMaxCriteria));
    }
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) {
            if (!(a[i][j] > 0.0)) {
                throw InputError({}, Tr::tr("%1: cell (row %2, column %3) is %4; judgements "
                                            "must be positive")
                                         .arg(what)
                                         .arg(i + 1)
                                         .arg(j + 1)
                                         .arg(a[i][j]));
            }
        }
    }
    for (size_t i = 0; i < n; ++i) {
        if (std::abs(a[i][i] - 1.0) > kReciprocalTolerance) {
            throw InputError({}, Tr::tr("%1: diagonal cell (row %2, column %2) is %3, not 1")
                                     .arg(what)
                                     .arg(i + 1)
                                     .arg(a[i][i]));
        }
        for (size_t j = i + 1; j < n; ++j) {
            if (std::abs(a[i][j] * a[j][i] - 1.0) > kReciprocalTolerance) {
                throw InputError({}, Tr::tr("%1: cell (row %2, column %3) is %4, not the "
                                            "reciprocal 1/%5 = %6 of cell (row %3, column %2)")
                                         .arg(what)
                                         .arg(j + 1)
                                         .arg(i + 1)
                                         .arg(a[j][i], 0, 'g', 12)
                                         .arg(a[i][j], 0, 'g', 12)
                                         .arg(1.0 / a[i][j], 0, 'g', 12));
            }
        }
    }
}

std::vector<double> multiply(const DecisionMatrix &a, const std::vector<double> &w)
{
    std::vector<double> product(a.size(), 0.0);
    for (size_t i = 0; i < a.size(); ++i) {
        for (size_t j = 0; j < w.size(); ++j)
            product[i] += a[i][j] * w[j];
    }
    return product;
}

std::vector<double> rowGeometricMeans(const DecisionMatrix &a)
{
    const size_t n = a.size();
    std::vector<double> w(n);
    double total = 0.0;
    for (size_t i = 0; i < n; ++i) {
        // Mean of logarithms: a product of 15 judgements of 9 would still fit, but this
        // cannot overflow at all.
        double logs = 0.0;
        for (double v : a[i])
            logs += std::log(v);
        w[i] = std::exp(logs / static_cast<double>(n));
        total += w[i];
    }
    for (double &v : w)
        v /= total;
    return w;
}

} // namespace

double saatyRandomIndex(int n)
{
    if (n < 1 || n > kAhpMaxCriteria) {
        throw InputError({}, Tr::tr("Saaty's random index is tabulated for 1 to %1 criteria, "
                                    "not %2")
                                 .arg(kAhpMaxCriteria)
                                 .arg(n));
    }
    return kSaatyRandomIndex[static_cast<size_t>(n - 1)];
}

AhpResult analyseAhp(const DecisionMatrix &pairwise, AhpMethod method)
{
    checkPairwise(pairwise);
    const size_t n = pairwise.size();
    AhpResult result;
    std::vector<double> w = rowGeometricMeans(pairwise);

    if (method == AhpMethod::PrincipalEigenvector) {
        // The geometric means are already close to the eigenvector, so few steps remain.
        double lambda = 0.0;
        bool converged = false;
        while (!converged) {
            if (result.iterations == kMaxIterations) {
                throw ProcessingError({}, Tr::tr("the principal eigenvector of the pairwise "
                                                 "comparison matrix did not converge in %1 "
                                                 "iterations")
                                              .arg(kMaxIterations));
            }
            ++result.iterations;
            std::vector<double> next = multiply(pairwise, w);
            lambda = 0.0;
            for (double v : next)
                lambda += v;
            double change = 0.0;
            for (size_t i = 0; i < n; ++i) {
                next[i] /= lambda;
                change = std::max(change, std::abs(next[i] - w[i]));
            }
            w = std::move(next);
            converged = change <= kConvergence;
        }
        result.lambdaMax = lambda;
    } else {
        const std::vector<double> product = multiply(pairwise, w);
        double sum = 0.0;
        for (size_t i = 0; i < n; ++i)
            sum += product[i] / w[i];
        result.lambdaMax = sum / static_cast<double>(n);
    }

    result.weights = std::move(w);
    result.randomIndex = saatyRandomIndex(static_cast<int>(n));
    // λmax >= n in exact arithmetic; rounding may leave it a hair below.
    result.consistencyIndex = n > 2 ? std::max(0.0, (result.lambdaMax - static_cast<double>(n)) /
                                                        static_cast<double>(n - 1))
                                    : 0.0;
    result.consistencyRatio =
        result.randomIndex > 0.0 ? result.consistencyIndex / result.randomIndex : 0.0;
    return result;
}

AhpResult ahpWeights(const DecisionMatrix &pairwise, AhpMethod method)
{
    AhpResult result = analyseAhp(pairwise, method);
    if (result.consistencyRatio >= kAhpMaxConsistencyRatio) {
        throw InputError({}, Tr::tr("the pairwise comparison matrix is not consistent enough: "
                                    "CR = %1 (CI = %2, RI = %3 for %4 criteria); CR must be "
                                    "below %5. Revise the judgements.")
                                 .arg(result.consistencyRatio, 0, 'f', 3)
                                 .arg(result.consistencyIndex, 0, 'f', 3)
                                 .arg(result.randomIndex, 0, 'f', 2)
                                 .arg(pairwise.size())
                                 .arg(kAhpMaxConsistencyRatio, 0, 'f', 2));
    }
    return result;
}

} // namespace riskatlas::weights
