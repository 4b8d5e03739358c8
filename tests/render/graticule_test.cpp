// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/graticule.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas;
using namespace riskatlas::render;

TEST(Graticule, FormatsDegreesAndMinutesWithTheHemisphere)
{
    EXPECT_EQ(formatDegreesMinutes(120.0 + 40.0 / 60.0, true), QStringLiteral("120°40′E"));
    EXPECT_EQ(formatDegreesMinutes(28.0 + 5.0 / 60.0, false), QStringLiteral("28°05′N"));
    EXPECT_EQ(formatDegreesMinutes(-0.5, true), QStringLiteral("0°30′W"));
    EXPECT_EQ(formatDegreesMinutes(-33.25, false), QStringLiteral("33°15′S"));
    // 59.7′ rounds to the next degree, not to 60′.
    EXPECT_EQ(formatDegreesMinutes(120.0 + 59.7 / 60.0, true), QStringLiteral("121°00′E"));
}

// A frame centred on the central meridian of CGCS2000 / 3-degree Gauss-Krüger CM 120E
// (EPSG:4549, false easting 500 000 m): by the projection's definition 120°E is the straight
// line x = 500 000 m, and the map is symmetric about it, so a parallel meets the left and the
// right edge at the same height.
TEST(Graticule, CentralMeridianAndSymmetricParallels)
{
    MapTransform transform;
    transform.setViewportSize(QSize(400, 300));
    transform.setCentre(QPointF(500000.0, 3120000.0)); // about 28°11′N
    transform.setScale(50.0);                          // 20 km × 15 km
    const Graticule graticule = computeGraticule(crs::Crs::fromEpsg(4549), transform);
    // 20 km ≈ 12.2′ of longitude at 28°N: at most five lines means a 5′ step.
    EXPECT_EQ(graticule.stepMinutes, 5);
    auto find = [](const std::vector<GraticuleTick> &ticks, double degrees) {
        for (const GraticuleTick &tick : ticks) {
            if (std::abs(tick.degrees - degrees) < 1e-9)
                return tick.position;
        }
        return -1.0;
    };
    EXPECT_NEAR(find(graticule.top, 120.0), 200.0, 0.05);
    EXPECT_NEAR(find(graticule.bottom, 120.0), 200.0, 0.05);
    ASSERT_FALSE(graticule.left.empty());
    ASSERT_EQ(graticule.left.size(), graticule.right.size());
    for (std::size_t i = 0; i < graticule.left.size(); ++i) {
        EXPECT_DOUBLE_EQ(graticule.left[i].degrees, graticule.right[i].degrees);
        EXPECT_NEAR(graticule.left[i].position, graticule.right[i].position, 0.05);
    }
    // Meridians 5′ apart: 120°05′E lies 5′ × cos(28.2°) × 1 852 m ≈ 8.16 km east of the
    // centre, 163 px at 50 m per px (the ellipsoid changes this by well under 1 %).
    const double east = find(graticule.top, 120.0 + 5.0 / 60.0);
    EXPECT_NEAR(east - 200.0, 5.0 * std::cos(28.2 * M_PI / 180.0) * 1852.0 / 50.0, 2.0);
}

TEST(Graticule, NoCrsGivesNoGraticule)
{
    MapTransform transform;
    transform.setViewportSize(QSize(400, 300));
    transform.setCentre(QPointF(500000.0, 3120000.0));
    const Graticule graticule = computeGraticule(crs::Crs(), transform);
    EXPECT_EQ(graticule.stepMinutes, 0);
    EXPECT_TRUE(graticule.top.empty());
}
