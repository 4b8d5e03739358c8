// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/weights/entropy_weights.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas::weights;

namespace {

constexpr IndicatorDirection B = IndicatorDirection::Benefit;
constexpr IndicatorDirection C = IndicatorDirection::Cost;

// Five counties; shelters per 10 000 people (benefit), rescue staff per 10 000 (benefit), mean
// response time in minutes (cost), residents over 65 in % (cost). The expected numbers were
// computed independently with numpy by tests/data/classify/weights_reference.py.
const DecisionMatrix kCounties = {{12, 8.5, 25, 18.2},
                                  {7, 6.0, 40, 22.5},
                                  {15, 9.1, 18, 15.1},
                                  {4, 3.2, 55, 27.8},
                                  {9, 7.7, 30, 20.0}};

TEST(EntropyWeightsTest, WorkedExample)
{
    const EntropyWeights r = entropyWeights(kCounties, {B, B, C, C});
    const double e[] = {0.796969949988543, 0.8401929735791508, 0.8318928732338003,
                        0.8321204608975509};
    const double w[] = {0.2905311278391286, 0.2286800186477162, 0.24055726299837527,
                        0.24023159051477994};
    for (size_t j = 0; j < 4; ++j) {
        EXPECT_NEAR(r.entropy[j], e[j], 1e-14) << j;
        EXPECT_NEAR(r.divergence[j], 1 - e[j], 1e-14) << j;
        EXPECT_NEAR(r.weights[j], w[j], 1e-14) << j;
    }
    EXPECT_TRUE(r.warnings.isEmpty());
}

TEST(EntropyWeightsTest, ByHandTwoUnits)
{
    // m = 2, k = 1/ln 2. Min–max gives y = (0, 1) for any two different values: p = (0, 1),
    // e = 0 (0·ln 0 = 0), d = 1. Both indicators are then equally informative.
    const EntropyWeights r = entropyWeights({{1, 50}, {3, 10}}, {B, C});
    EXPECT_NEAR(r.entropy[0], 0.0, 1e-15);
    EXPECT_NEAR(r.entropy[1], 0.0, 1e-15);
    EXPECT_NEAR(r.weights[0], 0.5, 1e-15);

    // Three units, y = (0, 0.5, 1): p = (0, 1/3, 2/3), e = −(1/3 ln 1/3 + 2/3 ln 2/3)/ln 3.
    const EntropyWeights three = entropyWeights({{0, 1}, {5, 1}, {10, 2}}, {B, B});
    const double expected = -(std::log(1.0 / 3) / 3 + 2 * std::log(2.0 / 3) / 3) / std::log(3.0);
    EXPECT_NEAR(three.entropy[0], expected, 1e-15);
    // Column 2, y = (0, 0, 1): p = (0, 0, 1), e = 0.
    EXPECT_NEAR(three.entropy[1], 0.0, 1e-15);
}

TEST(EntropyWeightsTest, ConstantIndicatorGetsNoWeight)
{
    const EntropyWeights r = entropyWeights(
        {{1, 7}, {2, 7}, {4, 7}}, {B, B}, {QStringLiteral("避难场所"), QStringLiteral("救援队伍")});
    EXPECT_DOUBLE_EQ(r.entropy[1], 1.0);
    EXPECT_DOUBLE_EQ(r.weights[1], 0.0);
    EXPECT_DOUBLE_EQ(r.weights[0], 1.0);
    ASSERT_EQ(r.warnings.size(), 1);
    EXPECT_TRUE(r.warnings[0].contains(QStringLiteral("救援队伍"))) << r.warnings[0].toStdString();
}

TEST(EntropyWeightsTest, BadInput)
{
    EXPECT_THROW(entropyWeights({{1, 2}}, {B, B}), riskatlas::InputError); // one unit
    EXPECT_THROW(entropyWeights({{1, 2}, {3, 4}}, {B}), riskatlas::InputError);
    EXPECT_THROW(entropyWeights({{1, 2}, {3, 4}}, {B, B}, {QStringLiteral("a")}),
                 riskatlas::InputError);
    EXPECT_THROW(entropyWeights({{5, 5}, {5, 5}}, {B, C}), riskatlas::InputError);
    try {
        entropyWeights({{1, 2}, {3, std::nan("")}}, {B, B});
        FAIL() << "no exception";
    } catch (const riskatlas::InputError &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("row 2, column 2")))
            << e.message().toStdString();
    }
}

} // namespace
