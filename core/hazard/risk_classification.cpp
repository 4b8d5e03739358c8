// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/risk_classification.h"

#include "core/classify/equal_interval_breaks.h"
#include "core/classify/jenks_breaks.h"
#include "core/classify/manual_breaks.h"
#include "core/classify/quantile_breaks.h"
#include "core/classify/standard_deviation_breaks.h"

namespace riskatlas::hazard {

QString classifyMethodName(ClassifyMethod method)
{
    switch (method) {
    case ClassifyMethod::Jenks:
        return QStringLiteral("jenks");
    case ClassifyMethod::Quantile:
        return QStringLiteral("quantile");
    case ClassifyMethod::EqualInterval:
        return QStringLiteral("equal-interval");
    case ClassifyMethod::StandardDeviation:
        return QStringLiteral("standard-deviation");
    case ClassifyMethod::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

RiskClasses classifyRisk(const std::vector<double> &values, const ClassifySpec &spec)
{
    RiskClasses result;
    switch (spec.method) {
    case ClassifyMethod::Jenks:
        result.breaks = classify::jenksBreaks(values, 5);
        break;
    case ClassifyMethod::Quantile:
        result.breaks = classify::quantileBreaks(values, 5);
        break;
    case ClassifyMethod::EqualInterval:
        result.breaks = classify::equalIntervalBreaks(values, 5);
        break;
    case ClassifyMethod::StandardDeviation:
        result.breaks = classify::standardDeviationBreaks(values, 5);
        break;
    case ClassifyMethod::Manual:
        result.breaks = classify::manualBreaks(values, spec.breaks);
        break;
    }
    const int classes = result.breaks.classCount();
    for (const double value : values) {
        int level = result.breaks.classOf(value);
        if (level == 0) {
            // Outside [minimum, maximum]: only manual and standard-deviation edges can leave a
            // value out; it belongs to the nearest end class.
            level = value < result.breaks.minimum ? 1 : classes;
        }
        // Fewer than five classes (e.g. fewer distinct values): spread them over 1…5 so that
        // the top class is always 高.
        if (classes < 5 && classes > 1)
            level = 1 + (level - 1) * 4 / (classes - 1);
        else if (classes == 1)
            level = 1;
        result.levels.push_back(level);
    }
    return result;
}

} // namespace riskatlas::hazard
