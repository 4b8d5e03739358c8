// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/project/geopackage_file.h"
#include "core/project/project.h"
#include "core/project/project_schema.h"
#include "core/project/sqlite_database.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

using namespace riskatlas;
using namespace riskatlas::project;

TEST(ProjectSchemaTest, MigrationsAreOrderedAndEndAtTheCurrentVersion)
{
    const auto &migrations = schemaMigrations();
    ASSERT_FALSE(migrations.empty());
    for (size_t i = 0; i < migrations.size(); ++i)
        EXPECT_EQ(migrations[i].to, int(i) + 1);
    EXPECT_EQ(currentSchemaVersion(), migrations.back().to);
}

// A schema-1 file, made the way development builds made it: the version-1 tables only, a run
// logged without input checksums.
TEST(ProjectSchemaTest, OlderFileIsMigratedAndKeepsItsData)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("旧版.riskatlas"));
    createEmptyGeoPackage(path);
    {
        SqliteDatabase db(path);
        migrateSchema(db, 1);
        ASSERT_EQ(schemaVersionOf(db), 1);
        ASSERT_FALSE(db.tableExists(QStringLiteral("riskatlas_overrides")));
        db.execute(QStringLiteral(
            "INSERT INTO riskatlas_settings (key, value) VALUES ('name', '永嘉');"
            "INSERT INTO riskatlas_runs (started, finished, duration_s, software_version, "
            "parameters, outputs, status) VALUES ('2026-01-01T00:00:00.000Z', "
            "'2026-01-01T00:00:01.000Z', 1.0, 'riskatlas 0.0.9', '{\"a\":1}', '{}', 'ok');"));
    }
    Project project = Project::open(path);
    EXPECT_EQ(project.schemaVersion(), 2);
    EXPECT_TRUE(project.metadata(QStringLiteral("migrated"))
                    .startsWith(QStringLiteral("from schema 1 to 2")));
    EXPECT_EQ(project.setting(QStringLiteral("name")), QStringLiteral("永嘉"));
    const QList<RunRecord> runs = project.runs();
    ASSERT_EQ(runs.size(), 1);
    EXPECT_EQ(runs[0].softwareVersion, QStringLiteral("riskatlas 0.0.9"));
    EXPECT_EQ(runs[0].parameters.value(QStringLiteral("a")).toInt(), 1);
    EXPECT_TRUE(runs[0].inputChecksums.isEmpty());
    EXPECT_EQ(project
                  .query(QStringLiteral("SELECT count(*) FROM pragma_table_info("
                                        "'riskatlas_inputs') WHERE name = 'absolute_path'"))[0][0]
                  .toLongLong(),
              1);
    // The version-2 table works.
    PlannerOverride entry;
    entry.layer = QStringLiteral("risk_map");
    entry.key = QStringLiteral("1");
    entry.level = 2;
    entry.reason = QStringLiteral("新建堤防");
    project.addOverride(entry);
    EXPECT_EQ(project.overrides().size(), 1);
    const auto registered = project.query(QStringLiteral(
        "SELECT count(*) FROM gpkg_contents WHERE table_name = 'riskatlas_overrides'"));
    EXPECT_EQ(registered[0][0].toLongLong(), 1);
}

TEST(ProjectSchemaTest, NewerFileIsRefusedWithTheVersions)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.riskatlas"));
    Project::create(path);
    {
        SqliteDatabase db(path);
        db.execute(QStringLiteral("UPDATE riskatlas_meta SET value = '99' WHERE key = "
                                  "'schema_version'"));
    }
    try {
        Project::open(path);
        FAIL() << "a newer file opened";
    } catch (const InputError &error) {
        EXPECT_EQ(error.location().file, path);
        EXPECT_TRUE(error.message().contains(
            QStringLiteral("made by a newer RiskAtlas (schema 99, this program reads up to 2)")))
            << error.message().toStdString();
    }
    // Refused without touching it.
    SqliteDatabase db(path);
    EXPECT_EQ(schemaVersionOf(db), 99);
}

TEST(ProjectSchemaTest, FailedMigrationLeavesTheFileAsItWas)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.riskatlas"));
    createEmptyGeoPackage(path);
    {
        SqliteDatabase db(path);
        migrateSchema(db, 1);
        // A table in the way of migration 2 makes it fail halfway.
        db.execute(QStringLiteral("CREATE TABLE riskatlas_overrides (x)"));
    }
    EXPECT_THROW(Project::open(path), ProcessingError);
    SqliteDatabase db(path);
    EXPECT_EQ(schemaVersionOf(db), 1);
    EXPECT_FALSE(
        db.columnExists(QStringLiteral("riskatlas_runs"), QStringLiteral("input_checksums")));
}
