// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/project_schema.h"

#include "core/error.h"
#include "core/project/sqlite_database.h"

#include <QString>

namespace riskatlas::project {

namespace {

// Registers a RiskAtlas table as a GeoPackage "attributes" table, so that QGIS and ogrinfo show
// the inputs, configs, overrides and run log to a reviewer who has only the file. Every table
// is registered and has an integer primary key: QGIS lists unregistered tables too, and shows
// one without an integer key as a broken layer.
void registerAttributes(SqliteDatabase &db, const QString &table, const QString &description)
{
    SqliteStatement insert(
        db, QStringLiteral("INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, "
                           "identifier, description, last_change) VALUES (?1, "
                           "'attributes', ?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ','now'))"));
    insert.bind(1, table).bind(2, description).run();
}

// Version 1: the first layout (development builds): settings, inputs, configs and the run log.
void createVersion1(SqliteDatabase &db)
{
    if (!db.tableExists(QStringLiteral("gpkg_contents")))
        throw InputError({db.path()}, QStringLiteral("not a GeoPackage (no gpkg_contents table)"));
    db.execute(QStringLiteral(
        "CREATE TABLE riskatlas_meta (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
        " key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);"
        "CREATE TABLE riskatlas_settings (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
        " key TEXT NOT NULL UNIQUE, value TEXT NOT NULL);"
        "CREATE TABLE riskatlas_inputs (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
        " name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0), role TEXT NOT NULL,"
        " mode TEXT NOT NULL CHECK (mode IN ('imported', 'referenced')), path TEXT NOT NULL,"
        " source_layer TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL, size INTEGER NOT NULL,"
        " layer_name TEXT NOT NULL DEFAULT '', added TEXT NOT NULL);"
        "CREATE TABLE riskatlas_configs (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
        " name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('five_colour_model',"
        " 'enterprise_config', 'atlas_config', 'other')), json TEXT NOT NULL,"
        " updated TEXT NOT NULL);"
        "CREATE TABLE riskatlas_runs (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
        " started TEXT NOT NULL, finished TEXT NOT NULL, duration_s REAL NOT NULL,"
        " software_version TEXT NOT NULL, parameters TEXT NOT NULL, outputs TEXT NOT NULL,"
        " status TEXT NOT NULL);"));
    registerAttributes(db, QStringLiteral("riskatlas_meta"),
                       QStringLiteral("RiskAtlas file: schema version, created, by what"));
    registerAttributes(db, QStringLiteral("riskatlas_settings"),
                       QStringLiteral("RiskAtlas project settings"));
    registerAttributes(db, QStringLiteral("riskatlas_inputs"),
                       QStringLiteral("RiskAtlas inputs: source, mode and SHA-256"));
    registerAttributes(db, QStringLiteral("riskatlas_configs"),
                       QStringLiteral("RiskAtlas model and layout configurations (JSON)"));
    registerAttributes(db, QStringLiteral("riskatlas_runs"), QStringLiteral("RiskAtlas run log"));
}

// Version 2: planner overrides; the run log records input checksums and errors; inputs keep
// their absolute path as a fallback for a project moved without its data.
void addOverridesAndChecksums(SqliteDatabase &db)
{
    db.execute(QStringLiteral(
        "CREATE TABLE riskatlas_overrides (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
        " layer TEXT NOT NULL, key TEXT NOT NULL, level INTEGER NOT NULL CHECK (level >= 1),"
        " reason TEXT NOT NULL CHECK (length(trim(reason)) > 0), user TEXT NOT NULL,"
        " created TEXT NOT NULL, UNIQUE (layer, key));"
        "ALTER TABLE riskatlas_runs ADD COLUMN input_checksums TEXT NOT NULL DEFAULT '{}';"
        "ALTER TABLE riskatlas_runs ADD COLUMN message TEXT NOT NULL DEFAULT '';"
        "ALTER TABLE riskatlas_inputs ADD COLUMN absolute_path TEXT NOT NULL DEFAULT '';"));
    registerAttributes(db, QStringLiteral("riskatlas_overrides"),
                       QStringLiteral("RiskAtlas planner overrides: level, reason, who, when"));
}

} // namespace

int currentSchemaVersion()
{
    return int(schemaMigrations().size());
}

const std::vector<SchemaMigration> &schemaMigrations()
{
    static const std::vector<SchemaMigration> migrations = {
        {1, createVersion1},
        {2, addOverridesAndChecksums},
    };
    return migrations;
}

int schemaVersionOf(const SqliteDatabase &db)
{
    if (!db.tableExists(QStringLiteral("riskatlas_meta")))
        return 0;
    SqliteStatement query(db, QStringLiteral("SELECT value FROM riskatlas_meta WHERE key = "
                                             "'schema_version'"));
    if (!query.step())
        throw InputError({db.path()}, QStringLiteral("riskatlas_meta has no schema_version"));
    bool ok = false;
    const int version = query.text(0).toInt(&ok);
    if (!ok || version < 1)
        throw InputError({db.path()}, QStringLiteral("riskatlas_meta: schema_version \"%1\" is "
                                                     "not a version number")
                                          .arg(query.text(0)));
    return version;
}

void migrateSchema(SqliteDatabase &db, int target)
{
    if (target < 0)
        target = currentSchemaVersion();
    SqliteTransaction transaction(db);
    const int from = schemaVersionOf(db);
    for (const SchemaMigration &migration : schemaMigrations()) {
        if (migration.to > from && migration.to <= target)
            migration.apply(db);
    }
    if (target > from) {
        SqliteStatement record(db, QStringLiteral("INSERT OR REPLACE INTO riskatlas_meta (key, "
                                                  "value) VALUES ('schema_version', ?1)"));
        record.bind(1, QString::number(target)).run();
    }
    transaction.commit();
}

} // namespace riskatlas::project
