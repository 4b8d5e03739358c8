// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/zone_parts.h"

#include "core/geos/geos_context.h"
#include "core/hazard/risk_zoning.h"
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

const QStringList kIds{QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u3"),
                       QStringLiteral("u4"), QStringLiteral("u5")};

} // namespace

// The keys by hand: `printf 'B' | sha256sum` is df7e70e5021544f4…, `printf 'A\nB' | sha256sum`
// is 23519a43c66b4c34….
TEST(ZoneParts, KeyIsTheHashOfTheSortedUnitIds)
{
    EXPECT_EQ(zoneKey({QStringLiteral("B")}), QStringLiteral("Zdf7e70e50215"));
    EXPECT_EQ(zoneKey({QStringLiteral("A"), QStringLiteral("B")}), QStringLiteral("Z23519a43c66b"));
    EXPECT_EQ(zoneKey({QStringLiteral("B"), QStringLiteral("A")}), QStringLiteral("Z23519a43c66b"));
    EXPECT_NE(zoneKey({QStringLiteral("A")}), zoneKey({QStringLiteral("A"), QStringLiteral("B")}));
}

// Five 100 m units in a row, levels 5 1 5 5 1: level 5 has two zones (u1; u3+u4), level 1 two
// (u2; u5). Each zone holds its units and is keyed by them, whatever the zoning's order.
TEST(ZoneParts, EachConnectedPolygonIsAZoneHoldingItsUnits)
{
    const model::VectorLayer units =
        polygons({box(0, 0, 100, 100), box(100, 0, 200, 100), box(200, 0, 300, 100),
                  box(300, 0, 400, 100), box(400, 0, 500, 100)});
    const model::VectorLayer study = polygons({box(0, 0, 500, 100)});
    const style::Palette palette = style::loadPalette(QStringLiteral("five_colour"));
    const Zoning zoning = zoneByLevel(units, {5, 1, 5, 5, 1}, palette, 0, study, 1, nullptr);
    ASSERT_EQ(zoning.layer.features.size(), 2u); // one MultiPolygon per level
    const std::vector<ZonePart> parts = zoneParts(zoning.layer, units, kIds, nullptr);
    ASSERT_EQ(parts.size(), 4u);
    // Level 1 first, equal areas by key; then level 5, the larger zone first.
    EXPECT_EQ(parts[0].level, 1);
    EXPECT_EQ(parts[1].level, 1);
    const QString u2 = zoneKey({QStringLiteral("u2")});
    const QString u5 = zoneKey({QStringLiteral("u5")});
    EXPECT_EQ(parts[0].key, std::min(u2, u5));
    EXPECT_EQ(parts[1].key, std::max(u2, u5));
    EXPECT_EQ(parts[2].level, 5);
    EXPECT_EQ(parts[2].units, (std::vector<size_t>{2, 3}));
    EXPECT_EQ(parts[2].key, zoneKey({QStringLiteral("u3"), QStringLiteral("u4")}));
    EXPECT_NEAR(parts[2].area, 20000, 1e-6);
    EXPECT_EQ(parts[3].units, (std::vector<size_t>{0}));
    EXPECT_NEAR(parts[3].area, 10000, 1e-6);
}

// With a minimum mapping unit, a small patch merged into its neighbour belongs to that zone:
// the 100 m² unit u5 of level 3 joins the level-5 zone of u1 and u2 (risk_zoning_test's case).
TEST(ZoneParts, AUnitMergedByTheMinimumMappingUnitBelongsToItsNewZone)
{
    const model::VectorLayer units =
        polygons({box(0, 0, 100, 100),
                  QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%5 %4,%5 %6,%1 %6,%1 %2))")
                      .arg(kX + 100, 0, 'f', 3)
                      .arg(kY, 0, 'f', 3)
                      .arg(kX + 190, 0, 'f', 3)
                      .arg(kY + 10, 0, 'f', 3)
                      .arg(kX + 200, 0, 'f', 3)
                      .arg(kY + 100, 0, 'f', 3),
                  box(200, 0, 300, 100), box(300, 0, 400, 100), box(190, 0, 200, 10)});
    const model::VectorLayer study = polygons({box(0, 0, 400, 100)});
    const style::Palette palette = style::loadPalette(QStringLiteral("five_colour"));
    const Zoning zoning = zoneByLevel(units, {5, 5, 1, 1, 3}, palette, 500, study, 1, nullptr);
    const std::vector<ZonePart> parts = zoneParts(zoning.layer, units, kIds, nullptr);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].level, 1);
    EXPECT_EQ(parts[0].units, (std::vector<size_t>{2, 3}));
    EXPECT_EQ(parts[1].level, 5);
    EXPECT_EQ(parts[1].units, (std::vector<size_t>{0, 1, 4}));
    EXPECT_EQ(parts[1].key,
              zoneKey({QStringLiteral("u1"), QStringLiteral("u2"), QStringLiteral("u5")}));
}
