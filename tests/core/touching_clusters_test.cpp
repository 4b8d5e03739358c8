// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geos/geometry_parts.h"
#include "core/geos/geos_context.h"
#include "core/overlay/touching_clusters.h"

#include <gtest/gtest.h>

#include <limits>

using namespace riskatlas;
using namespace riskatlas::overlay;

namespace {

using Clusters = std::vector<std::vector<std::size_t>>;

// A square's ring, closed, as x y pairs.
std::vector<double> square(double x, double y, double size)
{
    return {x, y, x + size, y, x + size, y + size, x, y + size, x, y};
}

} // namespace

TEST(TouchingClusters, SharedEdgesAndCornersJoinDisjointPolygonsDoNot)
{
    const std::vector<std::vector<double>> polygons = {
        square(0, 0, 10),     // 0: shares an edge with 2
        square(100, 0, 10),   // 1: alone
        square(10, 0, 10),    // 2
        square(20, 10, 10),   // 3: shares only the corner (20, 10) with 2
        square(10.5, 20, 10), // 4: near 3 but no vertex in common
    };
    EXPECT_EQ(touchingClusters(polygons), (Clusters{{0, 2, 3}, {1}, {4}}));
}

TEST(TouchingClusters, ChainsAreFollowedWhateverTheOrderOfThePolygons)
{
    // 4 touches 0 only through 3, 1 and 2 in turn; the cluster is listed by its first member.
    const std::vector<std::vector<double>> polygons = {square(0, 0, 1), square(2, 0, 1),
                                                       square(3, 0, 1), square(1, 0, 1),
                                                       square(4, 0, 1), square(9, 9, 1)};
    EXPECT_EQ(touchingClusters(polygons), (Clusters{{0, 1, 2, 3, 4}, {5}}));
}

TEST(TouchingClusters, EmptyAndNonFiniteInput)
{
    EXPECT_TRUE(touchingClusters({}).empty());
    EXPECT_EQ(touchingClusters({{}, {}}), (Clusters{{0}, {1}}));
    // A NaN cannot be compared: everything is one cluster, which is never wrong, only slow.
    std::vector<double> bad = square(50, 50, 1);
    bad[2] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(touchingClusters({square(0, 0, 1), bad, square(9, 9, 1)}), (Clusters{{0, 1, 2}}));
}

TEST(TouchingClusters, VerticesOfEveryRingAndPart)
{
    geos::Context context;
    const geos::GeometryPtr geometry = geos::fromWkt(
        context, QStringLiteral("MULTIPOLYGON(((0 0,9 0,9 9,0 9,0 0),(1 1,1 2,2 2,1 1)),"
                                "((20 0,21 0,21 1,20 0)))"));
    std::vector<double> xy{-1, -1};
    geos::appendVertices(context, geometry.get(), xy);
    ASSERT_EQ(xy.size(), 2u + 2 * (5 + 4 + 4));
    EXPECT_EQ(xy[0], -1); // appended, not replaced
    EXPECT_EQ(xy[2], 0);
    EXPECT_EQ(xy[12], 1); // the hole follows its shell
    EXPECT_EQ(xy[13], 1);
    EXPECT_EQ(xy[20], 20); // then the second polygon
    EXPECT_EQ(xy[21], 0);
}
