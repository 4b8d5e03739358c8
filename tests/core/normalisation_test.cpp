// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/weights/normalisation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace riskatlas::weights;

namespace {

constexpr IndicatorDirection Cost = IndicatorDirection::Cost;

void expectNear(const std::vector<double> &actual, const std::vector<double> &expected)
{
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        if (std::isnan(expected[i]))
            EXPECT_TRUE(std::isnan(actual[i])) << i;
        else
            EXPECT_NEAR(actual[i], expected[i], 1e-15) << i;
    }
}

TEST(NormalisationTest, MinMax)
{
    expectNear(normaliseColumn({2, 4, 10}, NormalisationMethod::MinMax).values, {0, 0.25, 1});
    expectNear(normaliseColumn({2, 4, 10}, NormalisationMethod::MinMax, Cost).values, {1, 0.75, 0});
}

TEST(NormalisationTest, ZScore)
{
    // μ = 5, population σ = 2.
    const std::vector<double> x{2, 4, 4, 4, 5, 5, 7, 9};
    expectNear(normaliseColumn(x, NormalisationMethod::ZScore).values,
               {-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2});
    expectNear(normaliseColumn(x, NormalisationMethod::ZScore, Cost).values,
               {1.5, 0.5, 0.5, 0.5, 0, 0, -1, -2});
}

TEST(NormalisationTest, Vector)
{
    // ‖(3, 4)‖ = 5.
    expectNear(normaliseColumn({3, 4}, NormalisationMethod::Vector).values, {0.6, 0.8});
    expectNear(normaliseColumn({3, 4}, NormalisationMethod::Vector, Cost).values, {0.4, 0.2});
}

TEST(NormalisationTest, ConstantColumnBecomesZeroWithAWarning)
{
    for (const NormalisationMethod method :
         {NormalisationMethod::MinMax, NormalisationMethod::ZScore}) {
        const NormalisedColumn r = normaliseColumn({7, 7, 7}, method, Cost, QStringLiteral("人口"));
        expectNear(r.values, {0, 0, 0});
        ASSERT_EQ(r.warnings.size(), 1);
        EXPECT_TRUE(r.warnings[0].contains(QStringLiteral("“人口”")));
        EXPECT_TRUE(r.warnings[0].contains(QStringLiteral("every value is 7")));
    }
    const NormalisedColumn zero = normaliseColumn({0, 0}, NormalisationMethod::Vector);
    expectNear(zero.values, {0, 0});
    EXPECT_EQ(zero.warnings.size(), 1);
}

TEST(NormalisationTest, NaNStaysAndIsLeftOutOfTheStatistics)
{
    const double nan = std::nan("");
    const NormalisedColumn r = normaliseColumn({2, nan, 10, 4}, NormalisationMethod::MinMax);
    expectNear(r.values, {0, nan, 1, 0.25});
    EXPECT_EQ(r.ignoredNaNCount, 1);
    ASSERT_EQ(r.warnings.size(), 1);
    EXPECT_TRUE(r.warnings[0].contains(QStringLiteral("1 NaN")));
}

TEST(NormalisationTest, BadInput)
{
    EXPECT_THROW(normaliseColumn({}, NormalisationMethod::MinMax), riskatlas::InputError);
    EXPECT_THROW(normaliseColumn({std::nan("")}, NormalisationMethod::ZScore),
                 riskatlas::InputError);
    try {
        normaliseColumn({1, std::numeric_limits<double>::infinity()}, NormalisationMethod::Vector,
                        IndicatorDirection::Benefit, QStringLiteral("GDP"));
        FAIL() << "no exception";
    } catch (const riskatlas::InputError &e) {
        EXPECT_TRUE(e.message().contains(QStringLiteral("“GDP”")));
        EXPECT_TRUE(e.message().contains(QStringLiteral("position 2")));
    }
}

} // namespace
