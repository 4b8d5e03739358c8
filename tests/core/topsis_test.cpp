// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/weights/capacity_level.h"
#include "core/weights/entropy_weights.h"
#include "core/weights/topsis.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas::weights;

namespace {

constexpr IndicatorDirection B = IndicatorDirection::Benefit;
constexpr IndicatorDirection C = IndicatorDirection::Cost;

TEST(TopsisTest, HwangYoonFighterAircraft)
{
    // Hwang, C. L. & Yoon, K. (1981), Multiple Attribute Decision Making: Methods and
    // Applications, Springer: the TOPSIS numerical example. Four aircraft; maximum speed
    // (Mach), ferry range (NM), maximum payload (lb), acquisition cost ($10⁶, a cost),
    // reliability and manoeuvrability (interval scale: 3 low, 5 average, 7 high, 9 very high).
    // Weights 0.2, 0.1, 0.1, 0.1, 0.2, 0.3. Printed closeness: 0.643, 0.268, 0.613, 0.312.
    const DecisionMatrix aircraft = {{2.0, 1500, 20000, 5.5, 5, 9},
                                     {2.5, 2700, 18000, 6.5, 3, 5},
                                     {1.8, 2000, 21000, 4.5, 7, 7},
                                     {2.2, 1800, 20000, 5.0, 5, 5}};
    const TopsisResult r = topsis(aircraft, {0.2, 0.1, 0.1, 0.1, 0.2, 0.3}, {B, B, B, C, B, B});
    // Computed in the source with rounded intermediates: agreement to one unit of the last
    // printed digit (0.6135 against the printed 0.613).
    const double printed[] = {0.643, 0.268, 0.613, 0.312};
    for (size_t i = 0; i < 4; ++i)
        EXPECT_NEAR(r.closeness[i], printed[i], 0.001) << i;

    // Full precision: tests/data/classify/weights_reference.py (numpy 1.24.2).
    const double closeness[] = {0.6432770005532701, 0.26838356771941185, 0.6135422900072309,
                                0.31229106558175435};
    const double plus[] = {0.05455744831303299, 0.11967930762346222, 0.0579767162518354,
                           0.10093671059896048};
    const double minus[] = {0.09838320423151972, 0.04390273119214908, 0.09204413920714918,
                            0.04583571818204115};
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_NEAR(r.closeness[i], closeness[i], 1e-14) << i;
        EXPECT_NEAR(r.distanceToIdeal[i], plus[i], 1e-15) << i;
        EXPECT_NEAR(r.distanceToAntiIdeal[i], minus[i], 1e-15) << i;
    }
    // Weights need not sum to 1.
    const TopsisResult scaled = topsis(aircraft, {2, 1, 1, 1, 2, 3}, {B, B, B, C, B, B});
    for (size_t i = 0; i < 4; ++i)
        EXPECT_NEAR(scaled.closeness[i], closeness[i], 1e-14) << i;
}

TEST(TopsisTest, EntropyWeightedCountiesAndCapacityLevels)
{
    // The five-county example of entropy_weights_test.cpp, TOPSIS with its entropy weights,
    // then μ ± 0.5σ / ± 1.5σ levels. numpy (weights_reference.py): C = (0.7751756804369367,
    // 0.36078139307749063, 1, 0, 0.5774711558298138); μ = 0.5426856458688482, population
    // σ = 0.34409153834024425; z = (0.676, −0.529, 1.329, −1.577, 0.101).
    const DecisionMatrix counties = {{12, 8.5, 25, 18.2},
                                     {7, 6.0, 40, 22.5},
                                     {15, 9.1, 18, 15.1},
                                     {4, 3.2, 55, 27.8},
                                     {9, 7.7, 30, 20.0}};
    const std::vector<IndicatorDirection> directions{B, B, C, C};
    const TopsisResult r =
        topsis(counties, entropyWeights(counties, directions).weights, directions);
    const double expected[] = {0.7751756804369367, 0.36078139307749063, 1.0, 0.0,
                               0.5774711558298138};
    for (size_t i = 0; i < 5; ++i)
        EXPECT_NEAR(r.closeness[i], expected[i], 1e-14) << i;

    const std::vector<CapacityLevel> levels = capacityLevels(r.closeness);
    const int expectedLevels[] = {2, 4, 2, 5, 3};
    const char *names[] = {"较强", "较弱", "较强", "弱", "中等"};
    for (size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(levels[i].level, expectedLevels[i]) << i;
        EXPECT_EQ(levels[i].name, QString::fromUtf8(names[i])) << i;
    }
}

TEST(TopsisTest, CapacityLevelThresholds)
{
    // μ = 0.5, σ = 0.2: thresholds 0.2, 0.4, 0.6, 0.8; on a threshold: the weaker level.
    EXPECT_EQ(capacityLevel(0.81, 0.5, 0.2).level, 1);
    EXPECT_EQ(capacityLevel(0.81, 0.5, 0.2).name, QString::fromUtf8("强"));
    EXPECT_EQ(capacityLevel(0.5 + 1.5 * 0.2, 0.5, 0.2).level, 2);
    EXPECT_EQ(capacityLevel(0.7, 0.5, 0.2).level, 2);
    EXPECT_EQ(capacityLevel(0.5, 0.5, 0.2).level, 3);
    EXPECT_EQ(capacityLevel(0.5 - 0.5 * 0.2, 0.5, 0.2).level, 4);
    EXPECT_EQ(capacityLevel(0.3, 0.5, 0.2).level, 4);
    EXPECT_EQ(capacityLevel(0.5 - 1.5 * 0.2, 0.5, 0.2).level, 5);
    EXPECT_EQ(capacityLevel(0.0, 0.5, 0.2).name, QString::fromUtf8("弱"));
    EXPECT_EQ(capacityLevel(0.3, 0.3, 0.0).level, 3); // all units equal
    EXPECT_THROW(capacityLevel(std::nan(""), 0.5, 0.2), riskatlas::InputError);
    EXPECT_THROW(capacityLevel(0.5, 0.5, -0.1), riskatlas::InputError);
    EXPECT_THROW(capacityLevels({}), riskatlas::InputError);
    EXPECT_THROW(capacityLevels({0.2, std::nan("")}), riskatlas::InputError);
    EXPECT_THROW(capacityLevelName(6), riskatlas::InputError);
    // Sample σ (÷ n − 1) is wider, so fewer units leave the middle levels.
    const std::vector<double> c{0.1, 0.45, 0.5, 0.55, 0.9};
    EXPECT_EQ(capacityLevels(c)[4].level, 1);
    EXPECT_EQ(capacityLevels(c, riskatlas::classify::Dispersion::Sample)[4].level, 2);
}

TEST(TopsisTest, DegenerateInput)
{
    const TopsisResult zeroColumn = topsis({{1, 0}, {2, 0}}, {0.5, 0.5}, {B, B});
    EXPECT_NEAR(zeroColumn.closeness[0], 0.0, 1e-15);
    EXPECT_NEAR(zeroColumn.closeness[1], 1.0, 1e-15);
    EXPECT_EQ(zeroColumn.warnings.size(), 1);
    const TopsisResult tied = topsis({{3, 4}, {3, 4}}, {1, 1}, {B, C});
    EXPECT_EQ(tied.closeness, (std::vector<double>{0.5, 0.5}));
    EXPECT_EQ(tied.warnings.size(), 1);

    EXPECT_THROW(topsis({}, {}, {}), riskatlas::InputError);
    EXPECT_THROW(topsis({{1, 2}}, {1}, {B, B}), riskatlas::InputError);
    EXPECT_THROW(topsis({{1, 2}}, {1, 1}, {B}), riskatlas::InputError);
    EXPECT_THROW(topsis({{1, 2}}, {1, -1}, {B, B}), riskatlas::InputError);
    EXPECT_THROW(topsis({{1, 2}}, {0, 0}, {B, B}), riskatlas::InputError);
    EXPECT_THROW(topsis({{1, 2}, {1}}, {1, 1}, {B, B}), riskatlas::InputError);
}

} // namespace
