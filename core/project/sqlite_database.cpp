// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/sqlite_database.h"

#include "core/error.h"

#include <QFile>

#include <sqlite3.h>

namespace riskatlas::project {

namespace {

QString lastError(sqlite3 *db)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
}

} // namespace

SqliteDatabase::SqliteDatabase(const QString &path, Access access)
    : m_path(path)
{
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX |
                      (access == Access::ReadWriteCreate ? SQLITE_OPEN_CREATE : 0);
    const QByteArray name = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = lastError(m_db);
        close();
        throw ProcessingError({path}, QStringLiteral("cannot open: %1").arg(message));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    try {
        // The first read fails on a file that is not SQLite ("file is not a database").
        SqliteStatement probe(*this, QStringLiteral("PRAGMA schema_version"));
        probe.step();
    } catch (const ProcessingError &error) {
        close();
        throw InputError({path}, QStringLiteral("not an SQLite database (a RiskAtlas project is "
                                                "a GeoPackage): %1")
                                     .arg(error.message()));
    }
    // A rollback journal rather than WAL: at rest the project is one file, safe to copy to a
    // USB stick; WAL would leave -wal/-shm files beside it whose loss loses commits.
    execute(QStringLiteral("PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; "
                           "PRAGMA foreign_keys=ON"));
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

SqliteDatabase::SqliteDatabase(SqliteDatabase &&other) noexcept
    : m_db(other.m_db)
    , m_path(std::move(other.m_path))
{
    other.m_db = nullptr;
}

SqliteDatabase &SqliteDatabase::operator=(SqliteDatabase &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = other.m_db;
        m_path = std::move(other.m_path);
        other.m_db = nullptr;
    }
    return *this;
}

void SqliteDatabase::close() noexcept
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void SqliteDatabase::execute(const QString &sql)
{
    char *message = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_exec(m_db, text.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString error = message ? QString::fromUtf8(message) : lastError(m_db);
        sqlite3_free(message);
        throw ProcessingError({m_path}, QStringLiteral("SQL failed: %1").arg(error));
    }
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

bool SqliteDatabase::tableExists(const QString &table) const
{
    SqliteStatement query(*this, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = "
                                                "'table' AND name = ?1"));
    query.bind(1, table);
    return query.step();
}

bool SqliteDatabase::columnExists(const QString &table, const QString &column) const
{
    SqliteStatement query(*this,
                          QStringLiteral("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2"));
    query.bind(1, table).bind(2, column);
    return query.step();
}

bool SqliteDatabase::loadSpatiaLite(QString *error)
{
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, nullptr);
    char *message = nullptr;
    const int rc = sqlite3_load_extension(m_db, "mod_spatialite", nullptr, &message);
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    if (rc != SQLITE_OK) {
        if (error)
            *error = message ? QString::fromUtf8(message) : lastError(m_db);
        sqlite3_free(message);
        return false;
    }
    try {
        SqliteStatement amphibious(*this, QStringLiteral("SELECT EnableGpkgAmphibiousMode()"));
        amphibious.step();
    } catch (const ProcessingError &failure) {
        if (error)
            *error = failure.message();
        return false;
    }
    return true;
}

SqliteStatement::SqliteStatement(const SqliteDatabase &db, const QString &sql)
    : m_db(db)
{
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(db.handle(), text.constData(), int(text.size()), &m_statement,
                           nullptr) != SQLITE_OK)
        throw ProcessingError(
            {db.path()},
            QStringLiteral("SQL failed: %1 (in \"%2\")").arg(lastError(db.handle()), sql));
    if (!m_statement)
        throw ProcessingError({db.path()}, QStringLiteral("empty SQL statement"));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement &SqliteStatement::bind(int index, const QVariant &value)
{
    int rc = SQLITE_OK;
    if (value.isNull()) {
        rc = sqlite3_bind_null(m_statement, index);
    } else {
        switch (value.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            rc = sqlite3_bind_int64(m_statement, index, value.toLongLong());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(m_statement, index, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            rc = sqlite3_bind_blob64(m_statement, index, bytes.constData(),
                                     sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray text = value.toString().toUtf8();
            rc = sqlite3_bind_text64(m_statement, index, text.constData(),
                                     sqlite3_uint64(text.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        }
    }
    if (rc != SQLITE_OK)
        throw ProcessingError({m_db.path()}, QStringLiteral("cannot bind parameter %1: %2")
                                                 .arg(index)
                                                 .arg(lastError(m_db.handle())));
    return *this;
}

SqliteStatement &SqliteStatement::bindAll(const QVariantList &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        bind(int(i) + 1, values[i]);
    return *this;
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString message = lastError(m_db.handle());
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        throw InputError({m_db.path()}, message);
    throw ProcessingError({m_db.path()}, QStringLiteral("SQL failed: %1").arg(message));
}

void SqliteStatement::run()
{
    while (step()) {
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

bool SqliteStatement::isReadOnly() const
{
    return sqlite3_stmt_readonly(m_statement) != 0;
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_statement);
}

QString SqliteStatement::columnName(int column) const
{
    return QString::fromUtf8(sqlite3_column_name(m_statement, column));
}

QVariant SqliteStatement::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_TEXT:
        return QVariant(text(column));
    case SQLITE_BLOB: {
        const void *data = sqlite3_column_blob(m_statement, column);
        const int size = sqlite3_column_bytes(m_statement, column);
        return QVariant(QByteArray(static_cast<const char *>(data), size));
    }
    default:
        return QVariant();
    }
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    const int size = sqlite3_column_bytes(m_statement, column);
    return data ? QString::fromUtf8(data, size) : QString();
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_statement, column);
}

SqliteTransaction::SqliteTransaction(SqliteDatabase &db)
    : m_db(db)
{
    m_db.execute(QStringLiteral("BEGIN IMMEDIATE"));
}

SqliteTransaction::~SqliteTransaction()
{
    if (!m_done)
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteTransaction::commit()
{
    m_db.execute(QStringLiteral("COMMIT"));
    m_done = true;
}

} // namespace riskatlas::project
