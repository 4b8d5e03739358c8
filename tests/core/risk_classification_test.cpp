// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/risk_classification.h"

#include "core/hazard/capacity_indicator.h"
#include "core/weights/capacity_level.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas;
using namespace riskatlas::hazard;

namespace {

TEST(RiskClassification, LevelsAreClassesWithValuesOnABreakBelow)
{
    ClassifySpec spec;
    spec.method = ClassifyMethod::Manual;
    spec.breaks = {1, 2, 3, 4};
    const RiskClasses classes = classifyRisk({0, 1, 1.5, 2, 3.5, 4, 4.5, 5}, spec);
    EXPECT_EQ(classes.levels, (std::vector<int>{1, 1, 2, 2, 4, 4, 5, 5}));
    EXPECT_EQ(classes.breaks.upperBreaks, (std::vector<double>{1, 2, 3, 4, 5}));
}

TEST(RiskClassification, JenksOnFiveClustersBreaksBetweenThem)
{
    // Five tight clusters: natural breaks fall between them.
    const std::vector<double> values{1, 1.1, 1.2, 5, 5.1, 9, 9.2, 13, 13.1, 20, 20.5};
    ClassifySpec spec;
    const RiskClasses classes = classifyRisk(values, spec);
    EXPECT_EQ(classes.levels, (std::vector<int>{1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
    EXPECT_EQ(classes.breaks.upperBreaks, (std::vector<double>{1.2, 5.1, 9.2, 13.1, 20.5}));
}

TEST(RiskClassification, FewerDistinctValuesSpreadOverOneToFive)
{
    // Three distinct values give three classes; they are levels 1, 3 and 5, so that the top
    // stays 高.
    ClassifySpec spec;
    const RiskClasses classes = classifyRisk({0, 0, 0.5, 1, 1}, spec);
    EXPECT_EQ(classes.breaks.classCount(), 3);
    EXPECT_EQ(classes.levels, (std::vector<int>{1, 1, 3, 5, 5}));
}

TEST(CapacityLevelOf, EqualsTheWeightsModuleForTheDefaultThresholds)
{
    const std::vector<double> closeness{0.05, 0.2, 0.31, 0.4, 0.42, 0.5, 0.61, 0.9, 0.97};
    const std::vector<weights::CapacityLevel> expected = weights::capacityLevels(closeness);
    double mean = 0;
    for (const double c : closeness)
        mean += c;
    mean /= double(closeness.size());
    double variance = 0;
    for (const double c : closeness)
        variance += (c - mean) * (c - mean);
    const double sigma = std::sqrt(variance / double(closeness.size()));
    const std::vector<double> thresholds{mean + 1.5 * sigma, mean + 0.5 * sigma, mean - 0.5 * sigma,
                                         mean - 1.5 * sigma};
    for (std::size_t i = 0; i < closeness.size(); ++i)
        EXPECT_EQ(capacityLevelOf(closeness[i], thresholds), expected[i].level) << i;
    // On a threshold: the weaker level.
    EXPECT_EQ(capacityLevelOf(thresholds[1], thresholds), 3);
}

} // namespace
