// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/classify/class_breaks.h"
#include "core/hazard/risk_model.h"

#include <vector>

namespace riskatlas::hazard {

struct RiskClasses
{
    classify::ClassBreaks breaks; ///< as core/classify returns them; part of the output
    std::vector<int> levels;      ///< per value: 1 低 … 5 高
};

/// "jenks", "quantile", "equal-interval", "standard-deviation", "manual".
QString classifyMethodName(ClassifyMethod method);

/// Five classes of the risk indices by `spec.method` (core/classify; Jenks exact up to its
/// distinct-value threshold, a deterministic sample above it). A value's level is its class
/// (a value on a break takes the lower class, as in QGIS). Manual breaks beyond the data put
/// values below the first or above the last edge into level 1 or 5. Throws InputError for an
/// empty or non-finite input (from core/classify).
RiskClasses classifyRisk(const std::vector<double> &values, const ClassifySpec &spec);

} // namespace riskatlas::hazard
