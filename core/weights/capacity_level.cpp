// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/weights/capacity_level.h"

#include "core/error.h"

#include <QCoreApplication>

#include <cmath>

namespace riskatlas::weights {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::weights)
};

} // namespace

QString capacityLevelName(int level)
{
    switch (level) {
    case 1:
        return Tr::tr("强");
    case 2:
        return Tr::tr("较强");
    case 3:
        return Tr::tr("中等");
    case 4:
        return Tr::tr("较弱");
    case 5:
        return Tr::tr("弱");
    default:
        throw InputError({},
                         Tr::tr("capacity level %1 does not exist; levels are 1 to 5").arg(level));
    }
}

CapacityLevel capacityLevel(double closeness, double mean, double standardDeviation)
{
    if (!std::isfinite(closeness) || !std::isfinite(mean) || !std::isfinite(standardDeviation) ||
        standardDeviation < 0.0) {
        throw InputError({}, Tr::tr("capacity level of closeness %1 with mean %2 and standard "
                                    "deviation %3: every number must be finite and the "
                                    "standard deviation not negative")
                                 .arg(closeness)
                                 .arg(mean)
                                 .arg(standardDeviation));
    }
    int level = 3;
    if (standardDeviation > 0.0) {
        // Thresholds as standardDeviationBreaks computes them, so both agree to the bit.
        const double s = standardDeviation;
        if (closeness <= mean + -1.5 * s)
            level = 5;
        else if (closeness <= mean + -0.5 * s)
            level = 4;
        else if (closeness <= mean + 0.5 * s)
            level = 3;
        else if (closeness <= mean + 1.5 * s)
            level = 2;
        else
            level = 1;
    }
    return {level, capacityLevelName(level)};
}

std::vector<CapacityLevel> capacityLevels(const std::vector<double> &closeness,
                                          classify::Dispersion dispersion)
{
    for (size_t i = 0; i < closeness.size(); ++i) {
        if (!std::isfinite(closeness[i])) {
            throw InputError({}, Tr::tr("closeness %1 of unit %2 is not a finite number")
                                     .arg(closeness[i])
                                     .arg(i + 1));
        }
    }
    if (closeness.empty())
        throw InputError({}, Tr::tr("there are no closeness values to grade"));
    const classify::MeanAndDeviation stats =
        classify::meanAndStandardDeviation(closeness, dispersion);
    std::vector<CapacityLevel> levels;
    levels.reserve(closeness.size());
    for (double c : closeness)
        levels.push_back(capacityLevel(c, stats.mean, stats.standardDeviation));
    return levels;
}

} // namespace riskatlas::weights
