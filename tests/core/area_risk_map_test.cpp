// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/area_risk_map.h"

#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::enterprise;

namespace {

Firm firm(int unit, int level, double score)
{
    Firm f;
    f.unit = unit;
    f.level = level;
    f.rawLevel = level;
    f.score = score;
    return f;
}

// Unit 0: levels 1, 1, 1, 2, 4 with scores 20, 30, 50, 100, 400.
// Unit 1: levels 2, 3, 3, 2 (tie 2:2 between 一般 and 较大).
// Unit 2: no firm. A firm outside every unit (−1) is not counted.
std::vector<Firm> firms()
{
    return {firm(0, 1, 20), firm(0, 1, 30),  firm(0, 1, 50),  firm(0, 2, 100), firm(0, 4, 400),
            firm(1, 2, 80), firm(1, 3, 200), firm(1, 3, 200), firm(1, 2, 80),  firm(-1, 4, 999)};
}

} // namespace

TEST(AreaRiskMap, HighestLevel)
{
    const auto areas = computeAreaLevels(firms(), 3, AreaRule::Highest, 4);
    ASSERT_EQ(areas.size(), 3u);
    EXPECT_EQ(areas[0].level, 4);
    EXPECT_EQ(areas[0].firms, 5);
    EXPECT_EQ(areas[0].perLevel, (std::vector<int>{0, 3, 1, 0, 1}));
    EXPECT_EQ(areas[1].level, 3);
    EXPECT_EQ(areas[2].level, 0);
    EXPECT_EQ(areas[2].firms, 0);
}

TEST(AreaRiskMap, MajorityTieGoesUp)
{
    const auto areas = computeAreaLevels(firms(), 3, AreaRule::Majority, 4);
    EXPECT_EQ(areas[0].level, 1); // three of five are 低
    EXPECT_EQ(areas[1].level, 3); // 2 一般 vs 2 较大: the higher
    EXPECT_EQ(areas[2].level, 0);
}

TEST(AreaRiskMap, ScoreWeighted)
{
    const auto areas = computeAreaLevels(firms(), 3, AreaRule::ScoreWeighted, 4);
    // Unit 0: (1·20 + 1·30 + 1·50 + 2·100 + 4·400) / 600 = 1900 / 600 = 3.17 → 3.
    EXPECT_EQ(areas[0].level, 3);
    // Unit 1: (2·80 + 3·200 + 3·200 + 2·80) / 560 = 1520 / 560 = 2.71 → 3.
    EXPECT_EQ(areas[1].level, 3);
}

TEST(AreaRiskMap, LayerFields)
{
    model::VectorLayer units;
    units.name = QStringLiteral("townships");
    units.fields = {{QStringLiteral("name"), model::FieldType::String, 0, 0}};
    for (const char *name : {"甲", "乙", "丙"})
        units.features.push_back({qint64(units.features.size()), {QString::fromUtf8(name)}, {}});
    const auto areas = computeAreaLevels(firms(), 3, AreaRule::Highest, 4);
    const style::Palette palette = style::loadPalette(QStringLiteral("enterprise_four_colour"));
    const model::VectorLayer layer = areaRiskLayer(units, areas, palette, 4);
    auto value = [&](std::size_t f, const char *field) {
        return layer.features[f].attributes.value(
            model::fieldIndex(layer.fields, QString::fromUtf8(field)));
    };
    EXPECT_EQ(value(0, "firms").toInt(), 5);
    EXPECT_EQ(value(0, "level").toInt(), 4);
    EXPECT_EQ(value(0, "level_name").toString(), QStringLiteral("重大"));
    EXPECT_EQ(value(0, "color").toString(), QStringLiteral("#E60000"));
    EXPECT_EQ(value(0, "n_l1").toInt(), 3);
    EXPECT_DOUBLE_EQ(value(0, "share_l1").toDouble(), 0.6);
    EXPECT_DOUBLE_EQ(value(0, "share_l4").toDouble(), 0.2);
    EXPECT_EQ(value(1, "color").toString(), QStringLiteral("#FF9900"));
    EXPECT_TRUE(value(2, "level").isNull());
    EXPECT_EQ(value(2, "level_name").toString(), QStringLiteral("无企业"));
    EXPECT_DOUBLE_EQ(value(2, "share_l1").toDouble(), 0.0);
}
