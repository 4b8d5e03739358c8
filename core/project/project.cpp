// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/project.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/project/geopackage_file.h"
#include "core/project/project_conventions.h"
#include "core/project/project_schema.h"
#include "core/project/sqlite_database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTemporaryFile>

#include <filesystem>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace riskatlas::project {

namespace {

// 'GPKG' in the SQLite header's application_id, as GeoPackage 1.2+ requires.
constexpr qint64 kGeoPackageApplicationId = 0x47504B47;

// Flushes a file (or, on POSIX, a folder's entry list) to the disk before a rename is trusted.
void syncToDisk(const QString &path)
{
#ifdef Q_OS_UNIX
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(path)
#endif
}

std::filesystem::path fsPath(const QString &path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

// Replaces `target` with `source` in one step (rename(2) on POSIX, MoveFileEx on Windows).
void replaceFile(const QString &source, const QString &target)
{
    std::error_code error;
    std::filesystem::rename(fsPath(source), fsPath(target), error);
    if (error)
        throw ProcessingError({target}, QStringLiteral("cannot move the saved file into place: "
                                                       "%1")
                                            .arg(QString::fromLocal8Bit(error.message())));
    syncToDisk(QFileInfo(target).absolutePath());
}

void setMeta(SqliteDatabase &db, const QString &key, const QString &value)
{
    SqliteStatement statement(db, QStringLiteral("INSERT OR REPLACE INTO riskatlas_meta (key, "
                                                 "value) VALUES (?1, ?2)"));
    statement.bind(1, key).bind(2, value).run();
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

Project::Project(const QString &path)
    : m_path(QFileInfo(path).absoluteFilePath())
{}

Project::~Project() = default;
Project::Project(Project &&other) noexcept = default;
Project &Project::operator=(Project &&other) noexcept = default;

Project Project::create(const QString &path, const QString &name)
{
    const QFileInfo info(path);
    if (info.exists())
        throw InputError({path}, QStringLiteral("already exists; a new project needs a new "
                                                "file"));
    if (!info.absoluteDir().exists())
        throw InputError({path}, QStringLiteral("the folder does not exist"));
    QTemporaryDir temp(info.absoluteDir().filePath(QStringLiteral(".riskatlas-create-XXXXXX")));
    if (!temp.isValid())
        throw ProcessingError({path}, QStringLiteral("cannot create a temporary folder beside "
                                                     "it: %1")
                                          .arg(temp.errorString()));
    const QString building = temp.filePath(QStringLiteral("project.gpkg"));
    createEmptyGeoPackage(building);
    {
        SqliteDatabase db(building);
        migrateSchema(db);
        SqliteTransaction transaction(db);
        const QString now = utcNow();
        setMeta(db, QStringLiteral("created"), now);
        setMeta(db, QStringLiteral("created_with"), softwareVersion());
        SqliteStatement setting(db, QStringLiteral("INSERT INTO riskatlas_settings (key, value) "
                                                   "VALUES ('name', ?1)"));
        setting.bind(1, name.isEmpty() ? info.completeBaseName() : name).run();
        transaction.commit();
    }
    syncToDisk(building);
    replaceFile(building, info.absoluteFilePath());
    return open(info.absoluteFilePath());
}

Project Project::open(const QString &path)
{
    if (!QFileInfo(path).isFile())
        throw InputError({path}, QStringLiteral("no such project file"));
    Project project(path);
    project.openConnection();
    return project;
}

void Project::openConnection()
{
    auto db = std::make_unique<SqliteDatabase>(m_path);
    {
        SqliteStatement id(*db, QStringLiteral("PRAGMA application_id"));
        if (!id.step() || id.integer(0) != kGeoPackageApplicationId)
            throw InputError({m_path}, QStringLiteral("not a GeoPackage, so not a RiskAtlas "
                                                      "project"));
    }
    const int version = schemaVersionOf(*db);
    if (version == 0)
        throw InputError({m_path}, QStringLiteral("a GeoPackage but not a RiskAtlas project (no "
                                                  "riskatlas_meta table); create one with "
                                                  "`riskatlas-cli project create`"));
    if (version > currentSchemaVersion())
        throw InputError({m_path}, QStringLiteral("made by a newer RiskAtlas (schema %1, this "
                                                  "program reads up to %2); update RiskAtlas")
                                       .arg(version)
                                       .arg(currentSchemaVersion()));
    if (version < currentSchemaVersion()) {
        migrateSchema(*db);
        SqliteTransaction transaction(*db);
        setMeta(*db, QStringLiteral("migrated"),
                QStringLiteral("from schema %1 to %2 by RiskAtlas %3 at %4")
                    .arg(version)
                    .arg(currentSchemaVersion())
                    .arg(softwareVersion(), utcNow()));
        transaction.commit();
    }
    m_spatialSqlError.clear();
    m_spatialSql = db->loadSpatiaLite(&m_spatialSqlError);
    m_db = std::move(db);
}

SqliteDatabase &Project::db() const
{
    if (!m_db)
        throw ProcessingError({m_path}, QStringLiteral("the project is not open"));
    return *m_db;
}

QString Project::folder() const
{
    return QFileInfo(m_path).absolutePath();
}

int Project::schemaVersion() const
{
    return schemaVersionOf(db());
}

QString Project::metadata(const QString &key) const
{
    SqliteStatement query(db(), QStringLiteral("SELECT value FROM riskatlas_meta WHERE key = ?1"));
    query.bind(1, key);
    return query.step() ? query.text(0) : QString();
}

QMap<QString, QString> Project::settings() const
{
    QMap<QString, QString> result;
    SqliteStatement query(db(), QStringLiteral("SELECT key, value FROM riskatlas_settings"));
    while (query.step())
        result.insert(query.text(0), query.text(1));
    return result;
}

QString Project::setting(const QString &key, const QString &defaultValue) const
{
    SqliteStatement query(db(),
                          QStringLiteral("SELECT value FROM riskatlas_settings WHERE key = ?1"));
    query.bind(1, key);
    return query.step() ? query.text(0) : defaultValue;
}

void Project::setSetting(const QString &key, const QString &value)
{
    if (key.trimmed().isEmpty())
        throw InputError({m_path}, QStringLiteral("a setting needs a key"));
    SqliteTransaction transaction(db());
    SqliteStatement statement(db(), QStringLiteral("INSERT OR REPLACE INTO riskatlas_settings "
                                                   "(key, value) VALUES (?1, ?2)"));
    statement.bind(1, key).bind(2, value).run();
    transaction.commit();
}

void Project::rewriteViaCopy(const std::function<void(const QString &copyPath)> &write)
{
    const QFileInfo info(m_path);
    // Hidden, beside the project (a rename is atomic only within one file system); a killed
    // save leaves it behind, and it can be deleted.
    QTemporaryFile copy(info.absoluteDir().filePath(QLatin1Char('.') + info.fileName() +
                                                    QStringLiteral(".saving-XXXXXX")));
    if (!copy.open())
        throw ProcessingError({m_path}, QStringLiteral("cannot create a temporary file beside "
                                                       "it: %1")
                                            .arg(copy.errorString()));
    // Closing the connection first: no transaction is open, so the file on disk is complete.
    m_db.reset();
    try {
        {
            QFile source(m_path);
            if (!source.open(QIODevice::ReadOnly))
                throw ProcessingError({m_path},
                                      QStringLiteral("cannot read: %1").arg(source.errorString()));
            while (!source.atEnd()) {
                const QByteArray block = source.read(4 << 20);
                if (copy.write(block) != block.size())
                    throw ProcessingError(
                        {copy.fileName()},
                        QStringLiteral("cannot write: %1").arg(copy.errorString()));
            }
            copy.close();
        }
        write(copy.fileName());
        // QTemporaryFile creates the copy private (0600); the project keeps its own permissions.
        QFile::setPermissions(copy.fileName(), QFile::permissions(m_path));
        syncToDisk(copy.fileName());
        replaceFile(copy.fileName(), m_path);
        copy.setAutoRemove(false);
    } catch (...) {
        openConnection();
        throw;
    }
    openConnection();
}

QStringList Project::layers() const
{
    QStringList result;
    SqliteStatement query(db(), QStringLiteral("SELECT table_name FROM gpkg_contents WHERE "
                                               "data_type IN ('features', 'attributes') AND "
                                               "table_name NOT LIKE 'riskatlas\\_%' ESCAPE '\\' "
                                               "ORDER BY table_name"));
    while (query.step())
        result.append(query.text(0));
    return result;
}

QStringList Project::resultLayers() const
{
    QStringList result = layers();
    for (const ProjectInput &input : inputs()) {
        if (input.mode == InputMode::Imported)
            result.removeAll(input.layerName);
    }
    return result;
}

model::VectorLayer Project::readLayer(const QString &name, Feedback *feedback) const
{
    if (!layers().contains(name))
        throw InputError({m_path, name}, QStringLiteral("no such layer in the project"));
    return io::readLayer(m_path + QStringLiteral("|layername=") + name, {}, nullptr, feedback);
}

qint64 Project::storeResults(const std::vector<model::VectorLayer> &layers, const RunRecord *run,
                             Feedback *feedback)
{
    QStringList importedLayers;
    for (const ProjectInput &input : inputs()) {
        if (input.mode == InputMode::Imported)
            importedLayers.append(input.layerName);
    }
    QStringList names;
    for (const model::VectorLayer &layer : layers) {
        checkLayerName(m_path, layer.name);
        if (importedLayers.contains(layer.name))
            throw InputError({m_path, layer.name}, QStringLiteral("an imported input has this "
                                                                  "name; results need another"));
        if (names.contains(layer.name))
            throw InputError({m_path, layer.name}, QStringLiteral("two result layers share this "
                                                                  "name"));
        names.append(layer.name);
    }
    qint64 runId = -1;
    rewriteViaCopy([&](const QString &copyPath) {
        for (size_t i = 0; i < layers.size(); ++i) {
            if (feedback)
                feedback->setStep(QStringLiteral("saving %1").arg(layers[i].name));
            io::writeLayerIntoGeoPackage(layers[i], copyPath, layers[i].name, feedback);
        }
        if (run) {
            SqliteDatabase copyDb(copyPath);
            SqliteTransaction transaction(copyDb);
            runId = insertRun(copyDb, *run);
            transaction.commit();
        }
    });
    return runId;
}

qint64 Project::insertRun(SqliteDatabase &target, const RunRecord &run) const
{
    SqliteStatement insert(
        target, QStringLiteral("INSERT INTO riskatlas_runs (started, finished, duration_s, "
                               "software_version, parameters, outputs, status, "
                               "input_checksums, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                               "?7, ?8, ?9)"));
    if (run.status.isEmpty())
        throw InputError({m_path}, QStringLiteral("a run needs a status (ok, failed, cancelled)"));
    insert.bindAll({run.started.isEmpty() ? utcNow() : run.started,
                    run.finished.isEmpty() ? utcNow() : run.finished, run.durationSeconds,
                    run.softwareVersion.isEmpty() ? softwareVersion() : run.softwareVersion,
                    jsonText(run.parameters), jsonText(run.outputs), run.status,
                    jsonText(run.inputChecksums), run.message});
    insert.run();
    SqliteStatement id(target, QStringLiteral("SELECT last_insert_rowid()"));
    id.step();
    return id.integer(0);
}

qint64 Project::appendRun(const RunRecord &run)
{
    SqliteTransaction transaction(db());
    const qint64 id = insertRun(db(), run);
    transaction.commit();
    return id;
}

QList<RunRecord> Project::runs() const
{
    QList<RunRecord> result;
    SqliteStatement query(
        db(), QStringLiteral("SELECT fid, started, finished, duration_s, software_version, "
                             "parameters, outputs, status, input_checksums, message FROM "
                             "riskatlas_runs ORDER BY fid"));
    while (query.step()) {
        RunRecord run;
        run.id = query.integer(0);
        run.started = query.text(1);
        run.finished = query.text(2);
        run.durationSeconds = query.real(3);
        run.softwareVersion = query.text(4);
        run.parameters = jsonObject(query.text(5));
        run.outputs = jsonObject(query.text(6));
        run.status = query.text(7);
        run.inputChecksums = jsonObject(query.text(8));
        run.message = query.text(9);
        result.append(run);
    }
    return result;
}

bool Project::hasSpatialSql() const
{
    return m_spatialSql;
}

QString Project::spatialSqlError() const
{
    return m_spatialSqlError;
}

QList<QVariantList> Project::query(const QString &sql, const QVariantList &bindings) const
{
    SqliteStatement statement(db(), sql);
    if (!statement.isReadOnly())
        throw InputError({m_path},
                         QStringLiteral("only read-only queries run here: \"%1\"").arg(sql));
    statement.bindAll(bindings);
    QList<QVariantList> rows;
    while (statement.step()) {
        QVariantList row;
        for (int i = 0; i < statement.columnCount(); ++i)
            row.append(statement.value(i));
        rows.append(row);
    }
    return rows;
}

Project Project::saveAs(const QString &path, bool overwrite) const
{
    const QFileInfo target(path);
    if (target.exists() && !overwrite)
        throw InputError({path}, QStringLiteral("already exists; allow overwriting to replace "
                                                "it"));
    if (target.absoluteFilePath() == m_path)
        throw InputError({path}, QStringLiteral("is the project itself"));
    if (!target.absoluteDir().exists())
        throw InputError({path}, QStringLiteral("the folder does not exist"));
    QTemporaryFile copy(target.absoluteDir().filePath(QLatin1Char('.') + target.fileName() +
                                                      QStringLiteral(".saving-XXXXXX")));
    if (!copy.open())
        throw ProcessingError({path}, QStringLiteral("cannot create a temporary file beside it: "
                                                     "%1")
                                          .arg(copy.errorString()));
    copy.close();
    // VACUUM INTO writes a consistent copy from this connection, even mid-session.
    {
        QFile::remove(copy.fileName());
        SqliteStatement vacuum(db(), QStringLiteral("VACUUM INTO ?1"));
        vacuum.bind(1, copy.fileName()).run();
    }
    {
        // Referenced inputs keep pointing at the same files from the new folder.
        SqliteDatabase copyDb(copy.fileName());
        SqliteTransaction transaction(copyDb);
        const QDir newFolder = target.absoluteDir();
        for (const ProjectInput &input : inputs()) {
            if (input.mode != InputMode::Referenced)
                continue;
            const QString absolute = QDir::cleanPath(QDir(folder()).absoluteFilePath(input.path));
            SqliteStatement update(copyDb, QStringLiteral("UPDATE riskatlas_inputs SET path = ?1 "
                                                          "WHERE name = ?2"));
            update.bind(1, newFolder.relativeFilePath(absolute)).bind(2, input.name).run();
        }
        transaction.commit();
    }
    syncToDisk(copy.fileName());
    replaceFile(copy.fileName(), target.absoluteFilePath());
    copy.setAutoRemove(false);
    return open(target.absoluteFilePath());
}

} // namespace riskatlas::project
