// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/risk_zoning.h"

#include "core/geos/geos_context.h"
#include "core/style/palette.h"

#include "support/metric_fixtures.h"

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::hazard;

namespace {

constexpr double kX = test::kMetricX;
constexpr double kY = test::kMetricY;
using test::box;
using test::polygons;

// Units of 100 m × 100 m in a row, [0,100], [100,200], [200,300] and [300,400] (× [0,100]), with
// levels 5, 5, 1, 1, and a fifth unit [190,200]×[0,10] cut out of the second's corner with
// level 3 (100 m²). Without a minimum mapping unit there are three zones (1: 20 000 m²,
// 3: 100, 5: 19 900); with 500 m² the level-3 patch goes to the level-5 zone, with which it
// shares 20 m of border (10 m west, 10 m north), against 10 m with level 1.
struct Case
{
    model::VectorLayer units;
    std::vector<int> levels;
    model::VectorLayer study;
};

Case fourUnits()
{
    Case c;
    c.units = polygons({box(0, 0, 100, 100),
                        QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%5 %4,%5 %6,%1 %6,%1 %2))")
                            .arg(kX + 100, 0, 'f', 3)
                            .arg(kY, 0, 'f', 3)
                            .arg(kX + 190, 0, 'f', 3)
                            .arg(kY + 10, 0, 'f', 3)
                            .arg(kX + 200, 0, 'f', 3)
                            .arg(kY + 100, 0, 'f', 3),
                        box(200, 0, 300, 100), box(300, 0, 400, 100), box(190, 0, 200, 10)});
    c.levels = {5, 5, 1, 1, 3};
    c.study = polygons({box(0, 0, 400, 100)});
    return c;
}

TEST(RiskZoning, DissolvesByLevelAndTilesTheStudyArea)
{
    const Case c = fourUnits();
    const style::Palette palette = style::loadPalette(QStringLiteral("five_colour"));
    const Zoning zoning = zoneByLevel(c.units, c.levels, palette, 0, c.study, 1, nullptr);
    ASSERT_EQ(zoning.layer.features.size(), 3u);
    const int levelIndex = model::fieldIndex(zoning.layer.fields, QStringLiteral("level"));
    const int areaIndex = model::fieldIndex(zoning.layer.fields, QStringLiteral("area_km2"));
    const int nameIndex = model::fieldIndex(zoning.layer.fields, QStringLiteral("level_name"));
    const int expectedLevels[] = {1, 3, 5};
    const double expectedAreas[] = {20000, 100, 19900};
    for (std::size_t z = 0; z < 3; ++z) {
        EXPECT_EQ(zoning.layer.features[z].attributes.value(levelIndex).toInt(), expectedLevels[z]);
        EXPECT_NEAR(zoning.layer.features[z].attributes.value(areaIndex).toDouble() * 1e6,
                    expectedAreas[z], 1e-6);
    }
    EXPECT_EQ(zoning.layer.features[1].attributes.value(nameIndex).toString(),
              QStringLiteral("中"));
    EXPECT_NEAR(zoning.tiling.studyArea, 40000, 1e-9);
    EXPECT_NEAR(zoning.tiling.zonesArea, 40000, 1e-9);
    EXPECT_EQ(zoning.tiling.overlapArea, 0.0);
    EXPECT_EQ(zoning.tiling.gapArea, 0.0);
}

TEST(RiskZoning, MinimumMappingUnitMergesThePatchIntoItsLongestNeighbour)
{
    const Case c = fourUnits();
    const style::Palette palette = style::loadPalette(QStringLiteral("five_colour"));
    const Zoning zoning = zoneByLevel(c.units, c.levels, palette, 500, c.study, 2, nullptr);
    ASSERT_EQ(zoning.layer.features.size(), 2u);
    const int levelIndex = model::fieldIndex(zoning.layer.fields, QStringLiteral("level"));
    const int areaIndex = model::fieldIndex(zoning.layer.fields, QStringLiteral("area_km2"));
    EXPECT_EQ(zoning.layer.features[1].attributes.value(levelIndex).toInt(), 5);
    EXPECT_NEAR(zoning.layer.features[1].attributes.value(areaIndex).toDouble() * 1e6, 20000, 1e-6);
    EXPECT_EQ(zoning.patchesEliminated, 1);
    EXPECT_LE(zoning.tiling.relativeDifference(), 1e-12);
    EXPECT_EQ(zoning.tiling.overlapArea, 0.0);
    EXPECT_EQ(zoning.tiling.gapArea, 0.0);
}

TEST(RiskZoning, PreventionRulesFirstMatchWins)
{
    const std::vector<PreventionRule> rules{{{5}, {4, 5}, 3}, {{5, 4}, {}, 2}, {{}, {5}, 2}};
    EXPECT_EQ(preventionZone(5, 5, rules, 1), 3);
    EXPECT_EQ(preventionZone(5, 1, rules, 1), 2);
    EXPECT_EQ(preventionZone(4, 4, rules, 1), 2);
    EXPECT_EQ(preventionZone(1, 5, rules, 1), 2);
    EXPECT_EQ(preventionZone(3, 3, rules, 1), 1);
}

} // namespace
