// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <functional>
#include <vector>

namespace riskatlas::project {

class SqliteDatabase;

/// The RiskAtlas tables inside a project's GeoPackage, and how older files are brought up to
/// date. A migration takes the file from version `to - 1` to `to`; version 0 is a GeoPackage
/// without RiskAtlas tables, so creating a project is migrating a new GeoPackage from 0.
struct SchemaMigration
{
    int to;
    std::function<void(SqliteDatabase &)> apply;
};

/// The schema this program writes, and the newest it reads.
int currentSchemaVersion();

/// The migrations in order, 0→1, 1→2, …
const std::vector<SchemaMigration> &schemaMigrations();

/// The version recorded in riskatlas_meta; 0 when the file has no RiskAtlas tables.
int schemaVersionOf(const SqliteDatabase &db);

/// Applies the migrations from the file's version up to `target` (default: current) in one
/// transaction, and records the new version. The caller checks the file is not newer.
/// Throws ProcessingError (the file is unchanged then).
void migrateSchema(SqliteDatabase &db, int target = -1);

} // namespace riskatlas::project
