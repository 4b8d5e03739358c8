// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/survey_comparison.h"

#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace riskatlas::enterprise;

namespace {

Firm firm(const char *name, const char *code, bool valid, double lon, int level, int raw = 0)
{
    Firm f;
    f.name = QString::fromUtf8(name);
    f.creditCode = QString::fromUtf8(code);
    f.creditCodeValid = valid;
    f.lon = lon;
    f.lat = 28.0;
    f.level = level;
    f.rawLevel = raw > 0 ? raw : level;
    return f;
}

} // namespace

TEST(SurveyComparison, HandMadeSurveys)
{
    Inventory older;
    older.firms = {
        firm("甲厂", "A", true, 120.0, 4),  // 0: red → yellow (down, left red)
        firm("乙厂", "B", true, 120.1, 3),  // 1: orange → orange
        firm("丙厂", "C", true, 120.2, 2),  // 2: closed
        firm("丁厂", "", false, 120.3, 3),  // 3: no code; name + 50 m → matched, down
        firm("戊厂", "E", true, 120.4, 1),  // 4: up to orange
        firm("己厂", "", false, 120.5, 2),  // 5: same name later but 2 km away → closed
        firm("庚厂", "G1", true, 120.6, 2), // 6: same name, other valid code → closed
    };
    Inventory newer;
    newer.firms = {
        firm("乙厂", "B", true, 120.1, 3),
        firm("甲厂", "A", true, 120.0, 2, 3),       // raw: red → orange
        firm("丁厂", "", false, 120.3 + 0.0005, 1), // ≈ 49 m east at 28° N
        firm("戊厂", "E", true, 120.4, 3),
        firm("己厂", "", false, 120.52, 2), // ≈ 1.96 km: too far
        firm("庚厂", "G2", true, 120.6, 2),
        firm("辛厂", "H", true, 120.7, 1), // new
    };
    const std::vector<FirmChange> changes = compareSurveys(older, newer, 100);
    ASSERT_EQ(changes.size(), 7u + 3u); // 7 newer rows, then closed 丙, 己, 庚
    EXPECT_EQ(changes[0].kind, ChangeKind::Continuing);
    EXPECT_EQ(changes[0].olderIndex, 1);
    EXPECT_EQ(changes[1].olderIndex, 0);
    EXPECT_EQ(changes[1].matchedBy, QStringLiteral("credit_code"));
    EXPECT_EQ(changes[2].olderIndex, 3);
    EXPECT_EQ(changes[2].matchedBy, QStringLiteral("name_location"));
    EXPECT_EQ(changes[4].kind, ChangeKind::New);
    EXPECT_EQ(changes[5].kind, ChangeKind::New);
    EXPECT_EQ(changes[6].kind, ChangeKind::New);
    EXPECT_EQ(changes[7].olderIndex, 2);
    EXPECT_EQ(changes[8].olderIndex, 5);
    EXPECT_EQ(changes[9].olderIndex, 6);

    ChangeCounts counts;
    for (const FirmChange &change : changes)
        addChange(counts, change, false, 4);
    EXPECT_EQ(counts.continuing, 4);
    EXPECT_EQ(counts.down, 2);      // 甲 4→2, 丁 3→1
    EXPECT_EQ(counts.up, 1);        // 戊 1→3
    EXPECT_EQ(counts.unchanged, 1); // 乙
    EXPECT_EQ(counts.leftLevel[4], 1);
    EXPECT_EQ(counts.leftLevel[3], 1);
    EXPECT_EQ(counts.leftLevel[2], 0);
    EXPECT_EQ(counts.newFirms, 3);
    EXPECT_EQ(counts.closedFirms, 3);

    ChangeCounts raw;
    for (const FirmChange &change : changes)
        addChange(raw, change, true, 4);
    EXPECT_EQ(raw.down, 2); // 甲 4→3 by score
    EXPECT_EQ(raw.leftLevel[4], 1);
}
