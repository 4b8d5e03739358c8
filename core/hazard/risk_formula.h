// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

#include <memory>

namespace riskatlas::hazard {

/// The model's combination formula (muparser syntax: + − * / ^, min, max, sqrt, exp, ln, if
/// via `?:`, …) over the normalised indicators H, E, V and C, e.g.
/// `H * E * V * (1 - 0.3 * C)`. Not thread-safe: one instance per thread.
class RiskFormula
{
public:
    /// Compiles `formula`. Throws InputError in `modelPath` naming `combine.formula`, the
    /// position (1-based character) and muparser's message for a syntax error or an unknown
    /// variable or function.
    RiskFormula(const QString &formula, const QString &modelPath);
    ~RiskFormula();
    RiskFormula(const RiskFormula &) = delete;
    RiskFormula &operator=(const RiskFormula &) = delete;

    /// The formula's value; throws InputError as above when muparser fails, and when the
    /// result is not finite (naming the H, E, V, C it was given).
    double evaluate(double h, double e, double v, double c);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace riskatlas::hazard
