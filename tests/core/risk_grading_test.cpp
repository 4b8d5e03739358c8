// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/risk_grading.h"

#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace riskatlas::enterprise;

TEST(RiskGrading, LecBandsOnHandMadeFirms)
{
    const GradingRules rules;
    // D = L × E × C, bands D ≤ 70 低(1), 70 < D ≤ 160 一般(2), 160 < D ≤ 320 较大(3), > 320
    // 重大(4).
    struct Case
    {
        double l, e, c;
        int level;
    };
    const Case cases[] = {
        {1, 1, 1, 1},      // D = 1
        {1, 10, 7, 1},     // D = 70: on the bound, stays 低
        {3, 3, 7, 1},      // D = 63
        {0.5, 6, 40, 2},   // D = 120
        {3, 6, 7, 2},      // D = 126
        {10, 2, 7, 2},     // D = 140
        {1, 6, 40, 3},     // D = 240
        {3, 6, 15, 3},     // D = 270
        {0.2, 10, 100, 3}, // D = 200
        {6, 6, 15, 4},     // D = 540
        {10, 10, 100, 4},  // D = 10 000
    };
    for (const Case &c : cases) {
        const double d = c.l * c.e * c.c;
        EXPECT_EQ(levelForScore(d, rules.lecThresholds), c.level) << d;
    }
    // Bounds themselves stay in the lower band, even when the product is inexact in binary.
    EXPECT_EQ(levelForScore(160, rules.lecThresholds), 2);
    EXPECT_EQ(levelForScore(320, rules.lecThresholds), 3);
    EXPECT_EQ(levelForScore(0.1 * 10 * 700, rules.lecThresholds), 4);
    EXPECT_EQ(levelForScore(0.2 * 3 * 100 + 100, rules.lecThresholds), 2); // 160.000…
}

TEST(RiskGrading, StandardTables)
{
    EXPECT_TRUE(isTableValue(0.1, standardLValues()));
    EXPECT_FALSE(isTableValue(4, standardLValues()));
    EXPECT_TRUE(isTableValue(0.5, standardEValues()));
    EXPECT_FALSE(isTableValue(0.1, standardEValues()));
    EXPECT_TRUE(isTableValue(40, standardCValues()));
    EXPECT_FALSE(isTableValue(50, standardCValues()));
}

TEST(RiskGrading, RiskMatrix)
{
    const GradingRules rules;
    // R = likelihood × severity; R ≤ 4 低, 5–8 一般, 9–12 较大, > 12 重大.
    EXPECT_EQ(levelForScore(2 * 2, rules.matrixThresholds), 1);
    EXPECT_EQ(levelForScore(1 * 5, rules.matrixThresholds), 2);
    EXPECT_EQ(levelForScore(2 * 4, rules.matrixThresholds), 2);
    EXPECT_EQ(levelForScore(3 * 3, rules.matrixThresholds), 3);
    EXPECT_EQ(levelForScore(3 * 4, rules.matrixThresholds), 3);
    EXPECT_EQ(levelForScore(3 * 5, rules.matrixThresholds), 4);
}

TEST(RiskGrading, LevelTexts)
{
    EXPECT_EQ(parseLevelText(QStringLiteral("重大风险"), 4), 4);
    EXPECT_EQ(parseLevelText(QStringLiteral("橙色"), 4), 3);
    EXPECT_EQ(parseLevelText(QStringLiteral(" 一般 "), 4), 2);
    EXPECT_EQ(parseLevelText(QStringLiteral("蓝"), 4), 1);
    EXPECT_EQ(parseLevelText(QStringLiteral("低风险"), 4), 1);
    EXPECT_EQ(parseLevelText(QStringLiteral("3"), 4), 3);
    EXPECT_FALSE(parseLevelText(QStringLiteral("5"), 4).has_value());
    EXPECT_FALSE(parseLevelText(QStringLiteral("绿"), 4).has_value());
    EXPECT_FALSE(parseLevelText(QStringLiteral("较低"), 4).has_value());
    // Five colours: 红 5, 橙 4, 黄 3, 蓝 2 (较低), 绿 1 (低).
    EXPECT_EQ(parseLevelText(QStringLiteral("红"), 5), 5);
    EXPECT_EQ(parseLevelText(QStringLiteral("蓝色"), 5), 2);
    EXPECT_EQ(parseLevelText(QStringLiteral("较低"), 5), 2);
    EXPECT_EQ(parseLevelText(QStringLiteral("绿"), 5), 1);
    EXPECT_EQ(parseLevelText(QStringLiteral("低"), 5), 1);
}

TEST(RiskGrading, DynamicAdjustment)
{
    GradingRules rules; // N = 5
    // An unrectified major hidden danger: 低 → 重大, whatever the general count.
    AdjustedLevel a = adjustLevel(1, 1, 0, rules);
    EXPECT_EQ(a.level, 4);
    EXPECT_TRUE(a.reason.contains(QStringLiteral("重大隐患")));
    // Already 重大: no change, no reason.
    a = adjustLevel(4, 2, 9, rules);
    EXPECT_EQ(a.level, 4);
    EXPECT_TRUE(a.reason.isEmpty());
    // 4 general ones: below N, unchanged; 5: one level up; 12: still only one level.
    EXPECT_EQ(adjustLevel(2, 0, 4, rules).level, 2);
    EXPECT_TRUE(adjustLevel(2, 0, 4, rules).reason.isEmpty());
    a = adjustLevel(2, 0, 5, rules);
    EXPECT_EQ(a.level, 3);
    EXPECT_TRUE(a.reason.contains(QStringLiteral("一般隐患")));
    EXPECT_EQ(adjustLevel(1, 0, 12, rules).level, 2);
    EXPECT_EQ(adjustLevel(4, 0, 12, rules).level, 4);
    // N is configurable.
    rules.generalHazardThreshold = 3;
    EXPECT_EQ(adjustLevel(2, 0, 3, rules).level, 3);
    // Off: nothing changes.
    rules.dynamicAdjustment = false;
    EXPECT_EQ(adjustLevel(1, 3, 30, rules).level, 1);
    // Five levels: the top is 5.
    GradingRules five;
    five.levelCount = 5;
    EXPECT_EQ(adjustLevel(2, 1, 0, five).level, 5);
    EXPECT_EQ(adjustLevel(4, 0, 5, five).level, 5);
    EXPECT_EQ(paletteIdFor(five), QStringLiteral("enterprise_five_colour"));
    EXPECT_EQ(paletteIdFor(GradingRules{}), QStringLiteral("enterprise_four_colour"));
}
