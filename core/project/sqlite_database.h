// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace riskatlas::project {

/// An open SQLite connection (RAII over sqlite3*), with errors thrown as ProcessingError
/// naming the file. Not thread-safe: one connection per thread. Movable, not copyable.
class SqliteDatabase
{
public:
    enum class Access { ReadWrite, ReadWriteCreate };

    /// Opens `path` (a file that must exist unless ReadWriteCreate). Sets the journal mode to
    /// DELETE (a rollback journal, see docs/project.md), synchronous=FULL and a 5 s busy timeout.
    /// Throws InputError when the file is not an SQLite database, ProcessingError otherwise.
    SqliteDatabase(const QString &path, Access access = Access::ReadWrite);
    ~SqliteDatabase();
    SqliteDatabase(SqliteDatabase &&other) noexcept;
    SqliteDatabase &operator=(SqliteDatabase &&other) noexcept;
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    const QString &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    /// Runs one or more statements without results; throws ProcessingError.
    void execute(const QString &sql);
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    bool tableExists(const QString &table) const;
    bool columnExists(const QString &table, const QString &column) const;

    /// Loads the SpatiaLite extension (mod_spatialite) into this connection and turns on
    /// GeoPackage amphibious mode so that its functions read GeoPackage geometry blobs.
    /// Returns false, with the reason in `error`, when it cannot be loaded.
    bool loadSpatiaLite(QString *error);

private:
    void close() noexcept;
    sqlite3 *m_db = nullptr;
    QString m_path;
};

/// A prepared statement (RAII over sqlite3_stmt*). Bind with 1-based indexes, then step().
class SqliteStatement
{
public:
    /// Throws ProcessingError when `sql` does not compile.
    SqliteStatement(const SqliteDatabase &db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /// Binds a null, bool, integer, double, QString (UTF-8 text) or QByteArray (blob).
    SqliteStatement &bind(int index, const QVariant &value);
    SqliteStatement &bindAll(const QVariantList &values);
    /// Advances: true while a row is available, false when done. Throws ProcessingError
    /// (InputError for a constraint violation, whose message SQLite words).
    bool step();
    /// Runs a statement without results to the end.
    void run();
    void reset();
    bool isReadOnly() const;

    int columnCount() const;
    QString columnName(int column) const;
    /// The column's value as stored: null, qint64, double, QString or QByteArray.
    QVariant value(int column) const;
    QString text(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;

private:
    const SqliteDatabase &m_db;
    sqlite3_stmt *m_statement = nullptr;
};

/// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() was called, so an
/// exception leaves the file as it was. SQLite's rollback journal makes the same true for a
/// killed process: the next open rolls the half-written transaction back.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteDatabase &db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;
    void commit();

private:
    SqliteDatabase &m_db;
    bool m_done = false;
};

} // namespace riskatlas::project
