// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/weights/decision_matrix.h"

#include <vector>

namespace riskatlas::weights {

/// How analyseAhp() derives weights from the pairwise comparison matrix A.
enum class AhpMethod {
    /// Saaty's principal right eigenvector, by power iteration w ← A·w / Σ(A·w) until no weight
    /// changes by more than 1e−12; λmax = Σᵢ(A·w)ᵢ at convergence (Σw = 1).
    PrincipalEigenvector,
    /// Normalised geometric means of the rows (the row geometric mean / logarithmic least
    /// squares approximation); λmax = (1/n)·Σᵢ (A·w)ᵢ / wᵢ.
    GeometricMean
};

/// AHP judgements are rejected from this consistency ratio on (Saaty: CR < 0.1 acceptable).
inline constexpr double kAhpMaxConsistencyRatio = 0.1;
/// Largest matrix Saaty's random index table covers.
inline constexpr int kAhpMaxCriteria = 15;

struct AhpResult
{
    std::vector<double> weights;   ///< one per criterion, positive, summing to 1
    double lambdaMax = 0.0;        ///< principal eigenvalue (estimate), >= n
    double consistencyIndex = 0.0; ///< CI = (λmax − n)/(n − 1); 0 for n <= 2
    double randomIndex = 0.0;      ///< Saaty's RI for n
    double consistencyRatio = 0.0; ///< CR = CI/RI; 0 when RI = 0 (n <= 2, always consistent)
    int iterations = 0;            ///< power iterations used (0 for GeometricMean)
};

/// Saaty's random consistency index RI for an n×n matrix, n = 1…15 (Saaty 1980, The Analytic
/// Hierarchy Process, McGraw-Hill; the mean CI of random reciprocal matrices on the 1/9…9
/// scale): 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59.
/// Throws riskatlas::InputError for n outside 1…15.
double saatyRandomIndex(int n);

/// Weights, λmax, CI, RI and CR of a pairwise comparison matrix, without judging CR.
///
/// `pairwise` must be n×n with 1 <= n <= 15, every cell finite and positive, the diagonal 1
/// and a_ji = 1/a_ij (checked as |a_ij·a_ji − 1| <= 1e−9, so enter 1.0/3, not 0.333). Throws
/// riskatlas::InputError naming the first offending cell (1-based row and column) otherwise,
/// and riskatlas::ProcessingError if the power iteration has not converged after 10 000
/// steps (it converges in a few dozen for any positive matrix). Pure and thread-safe.
AhpResult analyseAhp(const DecisionMatrix &pairwise,
                     AhpMethod method = AhpMethod::PrincipalEigenvector);

/// analyseAhp(), then rejects inconsistent judgements: throws riskatlas::InputError giving CR,
/// CI, RI and n when CR >= kAhpMaxConsistencyRatio.
AhpResult ahpWeights(const DecisionMatrix &pairwise,
                     AhpMethod method = AhpMethod::PrincipalEigenvector);

} // namespace riskatlas::weights
