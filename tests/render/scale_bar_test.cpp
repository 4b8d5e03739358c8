// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/scale_bar.h"

#include <gtest/gtest.h>

using namespace riskatlas::render;

namespace {

struct Case
{
    double denominator;
    double maxMm;
    double groundMetres; // worked out by hand: the largest 1/2/5 × 10^n ≤ maxMm × denominator
};

} // namespace

TEST(ScaleBar, PicksTheLargestRoundLengthThatFits)
{
    const Case cases[] = {
        {50000, 50, 2000},    // 2 500 m fit → 2 km
        {100000, 50, 5000},   // 5 000 m fit exactly → 5 km
        {25000, 50, 1000},    // 1 250 m → 1 km
        {180000, 50, 5000},   // 9 000 m → 5 km
        {10000, 30, 200},     // 300 m → 200 m
        {1234567, 40, 20000}, // 49 383 m → 20 km
    };
    for (const Case &c : cases) {
        const ScaleBarSpec spec = niceScaleBar(c.denominator, c.maxMm);
        EXPECT_DOUBLE_EQ(spec.groundMetres, c.groundMetres) << c.denominator;
        // On the page the bar is the ground length at the map's scale.
        EXPECT_NEAR(spec.pageMm, c.groundMetres * 1000.0 / c.denominator, 1e-9);
        EXPECT_LE(spec.pageMm, c.maxMm + 1e-9);
    }
}

TEST(ScaleBar, BlocksDivideTheBarIntoRoundSteps)
{
    EXPECT_EQ(niceScaleBar(100000, 50).segments, 5); // 5 km in 1 km blocks
    EXPECT_EQ(niceScaleBar(50000, 50).segments, 4);  // 2 km in 500 m blocks
}

TEST(ScaleBar, NoBarForAnUnusableScale)
{
    EXPECT_EQ(niceScaleBar(0, 50).groundMetres, 0);
    EXPECT_EQ(niceScaleBar(50000, 0).groundMetres, 0);
    EXPECT_EQ(niceScaleBar(-3, 50).pageMm, 0);
}

TEST(ScaleBar, LabelsInMetresOrKilometres)
{
    EXPECT_EQ(scaleBarLabel(500), QStringLiteral("500 m"));
    EXPECT_EQ(scaleBarLabel(2000), QStringLiteral("2 km"));
    EXPECT_EQ(scaleBarLabel(2500), QStringLiteral("2.5 km"));
}
