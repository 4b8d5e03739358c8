// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/project/planner_override.h"
#include "core/project/project.h"
#include "core/project/sqlite_database.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

using namespace riskatlas;
using namespace riskatlas::project;

namespace {

PlannerOverride makeOverride(const QString &key, int level, const QString &reason)
{
    PlannerOverride entry;
    entry.layer = QStringLiteral("risk_map");
    entry.key = key;
    entry.level = level;
    entry.reason = reason;
    return entry;
}

model::VectorLayer units()
{
    model::VectorLayer layer;
    layer.name = QStringLiteral("risk_map");
    layer.fields = {{QStringLiteral("code"), model::FieldType::String},
                    {QStringLiteral("level"), model::FieldType::Integer}};
    for (int i = 0; i < 4; ++i) {
        model::Feature feature;
        feature.fid = i;
        feature.attributes = {QStringLiteral("U%1").arg(i), 3};
        layer.features.push_back(feature);
    }
    return layer;
}

} // namespace

TEST(PlannerOverrideTest, AnOverrideNeedsAReasonAndALevel)
{
    QTemporaryDir dir;
    Project project = Project::create(dir.filePath(QStringLiteral("p.riskatlas")));
    EXPECT_THROW(project.addOverride(makeOverride(QStringLiteral("U1"), 5, {})), InputError);
    EXPECT_THROW(project.addOverride(makeOverride(QStringLiteral("U1"), 5, QStringLiteral(" \t"))),
                 InputError);
    EXPECT_THROW(project.addOverride(makeOverride(QStringLiteral("U1"), 0, QStringLiteral("x"))),
                 InputError);
    EXPECT_THROW(project.addOverride(makeOverride({}, 2, QStringLiteral("x"))), InputError);
    EXPECT_TRUE(project.overrides().isEmpty());
    // The table itself refuses a blank reason, whoever writes to it.
    SqliteDatabase db(project.path());
    SqliteStatement insert(db, QStringLiteral("INSERT INTO riskatlas_overrides (layer, key, level, "
                                              "reason, user, created) VALUES ('z', 'k', 1, ' ', "
                                              "'u', 't')"));
    EXPECT_THROW(insert.run(), InputError);
}

TEST(PlannerOverrideTest, OverridesAreKeptWithWhoAndWhenAndReplacedPerKey)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.riskatlas"));
    {
        Project project = Project::create(path);
        PlannerOverride first = makeOverride(QStringLiteral("U1"), 5, QStringLiteral("2024年山洪"));
        first.user = QStringLiteral("张工");
        const PlannerOverride stored = project.addOverride(first);
        EXPECT_GT(stored.id, 0);
        EXPECT_FALSE(stored.created.isEmpty());
        project.addOverride(makeOverride(QStringLiteral("U2"), 1, QStringLiteral("已搬迁")));
        project.addOverride(makeOverride(QStringLiteral("U2"), 2, QStringLiteral("部分搬迁")));
        // Results replaced by a rerun do not touch the overrides.
        project.storeResults({}, nullptr);
    }
    Project project = Project::open(path);
    const QList<PlannerOverride> all = project.overrides();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all[0].user, QStringLiteral("张工"));
    EXPECT_EQ(all[0].reason, QStringLiteral("2024年山洪"));
    EXPECT_EQ(all[1].key, QStringLiteral("U2"));
    EXPECT_EQ(all[1].level, 2);
    EXPECT_FALSE(all[1].user.isEmpty());
    EXPECT_TRUE(project.overrides(QStringLiteral("other")).isEmpty());
    project.removeOverride(all[0].id);
    EXPECT_EQ(project.overrides().size(), 1);
    EXPECT_THROW(project.removeOverride(all[0].id), InputError);
}

TEST(PlannerOverrideTest, ApplyingSetsLevelAndMarksTheFeature)
{
    model::VectorLayer layer = units();
    QList<PlannerOverride> overrides = {
        makeOverride(QStringLiteral("U1"), 5, QStringLiteral("新发现隐患点")),
        makeOverride(QStringLiteral("U3"), 1, QStringLiteral("已治理")),
        makeOverride(QStringLiteral("U9"), 2, QStringLiteral("不存在的单元"))};
    PlannerOverride elsewhere = makeOverride(QStringLiteral("U0"), 1, QStringLiteral("x"));
    elsewhere.layer = QStringLiteral("other_layer");
    overrides.append(elsewhere);

    const OverrideReport report = applyOverrides(layer, overrides, QStringLiteral("code"));
    EXPECT_EQ(report.applied, 2);
    EXPECT_EQ(report.unmatchedKeys, QStringList{QStringLiteral("U9")});
    ASSERT_EQ(layer.fields.size(), 4);
    EXPECT_EQ(layer.fields[2].name, QStringLiteral("overridden"));
    EXPECT_EQ(layer.fields[3].name, QStringLiteral("override_reason"));
    const int expectedLevel[] = {3, 5, 3, 1};
    const int expectedFlag[] = {0, 1, 0, 1};
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(layer.features[i].attributes[1].toInt(), expectedLevel[i]) << i;
        EXPECT_EQ(layer.features[i].attributes[2].toInt(), expectedFlag[i]) << i;
    }
    EXPECT_EQ(layer.features[1].attributes[3].toString(), QStringLiteral("新发现隐患点"));
    EXPECT_TRUE(layer.features[0].attributes[3].isNull());

    // Applying again (a rerun on a stored layer) changes nothing more and adds no fields.
    applyOverrides(layer, overrides, QStringLiteral("code"));
    EXPECT_EQ(layer.fields.size(), 4);
    EXPECT_THROW(applyOverrides(layer, overrides, QStringLiteral("no_such_key")), InputError);
    model::VectorLayer noLevel = units();
    noLevel.fields[1].name = QStringLiteral("grade");
    EXPECT_THROW(applyOverrides(noLevel, overrides, QStringLiteral("code")), InputError);
}
