// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/enterprise_inventory.h"

#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::enterprise;

// The guesses of docs/enterprise_config.md's table: the first default header found, an exact
// match before a case-insensitive one; a configured header replaces the defaults.
TEST(EnterpriseColumnMatch, DefaultsExactBeforeCaseInsensitive)
{
    const QStringList headers = {QStringLiteral("单位名称"), QStringLiteral("LON"),
                                 QStringLiteral("lat"),      QStringLiteral("Latitude"),
                                 QStringLiteral("行业"),     QStringLiteral("l"),
                                 QStringLiteral("E"),        QStringLiteral("C")};
    const QMap<QString, int> found = matchColumns(headers, {});
    EXPECT_EQ(found.value(QStringLiteral("name"), -1), 0);   // 单位名称, second default
    EXPECT_EQ(found.value(QStringLiteral("lon"), -1), 1);    // lon, case-insensitively
    EXPECT_EQ(found.value(QStringLiteral("lat"), -1), 2);    // lat exact, before latitude
    EXPECT_EQ(found.value(QStringLiteral("sector"), -1), 4); // 行业
    EXPECT_EQ(found.value(QStringLiteral("L"), -1), 5);      // l for L
    EXPECT_FALSE(found.contains(QStringLiteral("credit_code")));
    EXPECT_FALSE(found.contains(QStringLiteral("level")));
}

TEST(EnterpriseColumnMatch, ExactMatchWinsOverAnEarlierCaseInsensitiveOne)
{
    const QMap<QString, int> found =
        matchColumns({QStringLiteral("LAT"), QStringLiteral("lat")}, {});
    EXPECT_EQ(found.value(QStringLiteral("lat"), -1), 1);
}

TEST(EnterpriseColumnMatch, ConfiguredHeaderOnly)
{
    const QStringList headers = {QStringLiteral("企业名称"), QStringLiteral("厂名")};
    const QMap<QString, int> found =
        matchColumns(headers, {{QStringLiteral("name"), QStringLiteral("厂名")},
                               {QStringLiteral("sector"), QStringLiteral("门类")}});
    EXPECT_EQ(found.value(QStringLiteral("name"), -1), 1);
    // A configured header that is absent is not replaced by a default.
    EXPECT_FALSE(found.contains(QStringLiteral("sector")));
}

TEST(EnterpriseColumnMatch, RequiredRolesFollowTheMethod)
{
    GradingRules rules;
    EXPECT_EQ(requiredColumnRoles(rules),
              (QStringList{QStringLiteral("name"), QStringLiteral("lon"), QStringLiteral("lat"),
                           QStringLiteral("L"), QStringLiteral("E"), QStringLiteral("C")}));
    rules.method = GradingMethod::Matrix;
    EXPECT_TRUE(requiredColumnRoles(rules).contains(QStringLiteral("severity")));
    rules.method = GradingMethod::LevelColumn;
    EXPECT_TRUE(requiredColumnRoles(rules).contains(QStringLiteral("level")));
}
