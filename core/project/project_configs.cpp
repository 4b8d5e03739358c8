// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// The configuration and planner-override parts of Project.
#include "core/project/project.h"

#include "core/enterprise/credit_code.h"
#include "core/error.h"
#include "core/project/planner_override.h"
#include "core/project/project_conventions.h"
#include "core/project/sqlite_database.h"
#include "core/style/palette.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace riskatlas::project {

namespace {

const char kSelectConfigs[] = "SELECT name, kind, json, updated FROM riskatlas_configs";

StoredConfig configFromRow(const SqliteStatement &row, const QString &path)
{
    StoredConfig config;
    config.name = row.text(0);
    config.kind = configKindFromName(row.text(1)).value_or(ConfigKind::Other);
    config.json =
        parseJson(row.text(2).toUtf8(), path + QStringLiteral(":riskatlas_configs:") + config.name);
    config.updated = row.text(3);
    return config;
}

void writeConfig(SqliteDatabase &db, ConfigKind kind, const QString &name,
                 const QJsonDocument &json)
{
    SqliteStatement upsert(db, QStringLiteral("INSERT INTO riskatlas_configs (name, kind, json, "
                                              "updated) VALUES (?1, ?2, ?3, ?4) ON CONFLICT "
                                              "(name) DO UPDATE SET kind = excluded.kind, json = "
                                              "excluded.json, updated = excluded.updated"));
    upsert.bindAll({name, configKindName(kind), QString::fromUtf8(canonicalJson(json)), utcNow()});
    upsert.run();
}

// Names become file names on export: refused when they could escape the folder or break on
// Windows.
void checkConfigName(const QString &path, const QString &name)
{
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    if (name.trimmed().isEmpty() || name.startsWith(QLatin1Char('.')) ||
        std::any_of(name.cbegin(), name.cend(),
                    [](QChar c) { return forbidden.contains(c) || c.unicode() < 32; }))
        throw InputError({path}, QStringLiteral("\"%1\" cannot name a config (it becomes a file "
                                                "name: no / \\ : * ? \" < > |, no leading dot)")
                                     .arg(name));
}

QString currentUser()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString user = qEnvironmentVariable(variable);
        if (!user.isEmpty())
            return user;
    }
#ifdef Q_OS_UNIX
    // Services and containers often run without USER set.
    if (const passwd *entry = ::getpwuid(::getuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    return QStringLiteral("unknown");
}

// The highest level of a palette named in a stored model (`palettes.KEY`: a bundled id or a
// path relative to the project's folder), else of the bundled `fallback`.
int paletteTop(const std::optional<StoredConfig> &model, const char *key, const QString &fallback,
               const QString &projectPath)
{
    QString id = fallback;
    if (model) {
        const QString named = model->json.object()
                                  .value(QStringLiteral("palettes"))
                                  .toObject()
                                  .value(QLatin1String(key))
                                  .toString();
        if (!named.isEmpty())
            id = style::builtinPaletteIds().contains(named)
                     ? named
                     : QFileInfo(projectPath).absoluteDir().absoluteFilePath(named);
    }
    int top = 0;
    for (const style::PaletteClass &paletteClass : style::loadPalette(id).classes)
        top = std::max(top, paletteClass.level);
    return top;
}

} // namespace

QList<StoredConfig> Project::configs() const
{
    QList<StoredConfig> result;
    SqliteStatement query(db(), QLatin1String(kSelectConfigs) + QStringLiteral(" ORDER BY name"));
    while (query.step())
        result.append(configFromRow(query, m_path));
    return result;
}

std::optional<StoredConfig> Project::config(const QString &name) const
{
    SqliteStatement query(db(), QLatin1String(kSelectConfigs) + QStringLiteral(" WHERE name = ?1"));
    query.bind(1, name);
    if (!query.step())
        return std::nullopt;
    return configFromRow(query, m_path);
}

std::optional<StoredConfig> Project::config(ConfigKind kind) const
{
    return config(configKindName(kind));
}

void Project::setConfig(ConfigKind kind, const QJsonDocument &json, const QString &name)
{
    QString configName = name;
    if (kind != ConfigKind::Other) {
        if (!name.isEmpty() && name != configKindName(kind))
            throw InputError({m_path}, QStringLiteral("a %1 config is named \"%1\", not \"%2\"")
                                           .arg(configKindName(kind), name));
        configName = configKindName(kind);
    } else if (configKindFromName(name)) {
        throw InputError({m_path}, QStringLiteral("\"%1\" names a standard config; store it "
                                                  "with that kind")
                                       .arg(name));
    }
    checkConfigName(m_path, configName);
    if (json.isNull())
        throw InputError({m_path, configName}, QStringLiteral("the config is empty"));
    SqliteTransaction transaction(db());
    writeConfig(db(), kind, configName, json);
    transaction.commit();
}

void Project::removeConfig(const QString &name)
{
    SqliteTransaction transaction(db());
    SqliteStatement statement(db(), QStringLiteral("DELETE FROM riskatlas_configs WHERE name = "
                                                   "?1"));
    statement.bind(1, name).run();
    if (db().changes() == 0)
        throw InputError({m_path, name}, QStringLiteral("no such config"));
    transaction.commit();
}

QStringList Project::exportConfigs(const QString &dir) const
{
    if (!QDir().mkpath(dir))
        throw InputError({dir}, QStringLiteral("cannot create the folder"));
    QStringList written;
    for (const StoredConfig &config : configs()) {
        const QString path = QDir(dir).filePath(config.name + QStringLiteral(".json"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            throw ProcessingError({path},
                                  QStringLiteral("cannot write: %1").arg(file.errorString()));
        file.write(canonicalJson(config.json));
        if (!file.commit())
            throw ProcessingError({path},
                                  QStringLiteral("cannot write: %1").arg(file.errorString()));
        written.append(path);
    }
    return written;
}

QStringList Project::importConfigs(const QString &dir)
{
    const QDir folder(dir);
    if (!folder.exists())
        throw InputError({dir}, QStringLiteral("no such folder"));
    const QStringList files = folder.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        throw InputError({dir}, QStringLiteral("holds no .json files"));
    // Everything is parsed before anything is written.
    QList<StoredConfig> parsed;
    for (const QString &fileName : files) {
        const QString path = folder.filePath(fileName);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw InputError({path}, QStringLiteral("cannot read: %1").arg(file.errorString()));
        StoredConfig config;
        config.name = QFileInfo(fileName).completeBaseName();
        checkConfigName(path, config.name);
        config.kind = configKindFromName(config.name).value_or(ConfigKind::Other);
        config.json = parseJson(file.readAll(), path);
        if (config.json.isNull())
            throw InputError({path}, QStringLiteral("empty"));
        parsed.append(config);
    }
    SqliteTransaction transaction(db());
    QStringList names;
    for (const StoredConfig &config : parsed) {
        writeConfig(db(), config.kind, config.name, config.json);
        names.append(config.name);
    }
    transaction.commit();
    return names;
}

QList<PlannerOverride> Project::overrides(const QString &layer) const
{
    QList<PlannerOverride> result;
    SqliteStatement query(db(), QStringLiteral("SELECT fid, layer, key, level, reason, user, "
                                               "created FROM riskatlas_overrides WHERE ?1 = '' "
                                               "OR layer = ?1 ORDER BY fid"));
    query.bind(1, layer);
    while (query.step()) {
        PlannerOverride entry;
        entry.id = query.integer(0);
        entry.layer = query.text(1);
        entry.key = query.text(2);
        entry.level = int(query.integer(3));
        entry.reason = query.text(4);
        entry.user = query.text(5);
        entry.created = query.text(6);
        result.append(entry);
    }
    return result;
}

PlannerOverride Project::addOverride(PlannerOverride entry)
{
    if (entry.layer.trimmed().isEmpty() || entry.key.trimmed().isEmpty())
        throw InputError({m_path}, QStringLiteral("an override names a layer and a unit or zone "
                                                  "key"));
    if (entry.reason.trimmed().isEmpty())
        throw InputError({m_path, entry.layer},
                         QStringLiteral("an override of \"%1\" needs a reason: reviewers ask why "
                                        "the planner changed the model's level")
                             .arg(entry.key));
    if (entry.level < 1)
        throw InputError({m_path, entry.layer},
                         QStringLiteral("level %1 for \"%2\": levels start at 1")
                             .arg(entry.level)
                             .arg(entry.key));
    entry.layer = entry.layer.trimmed();
    entry.key = entry.key.trimmed();
    checkOverride(entry);
    entry.reason = entry.reason.trimmed();
    if (entry.user.trimmed().isEmpty())
        entry.user = currentUser();
    if (entry.created.isEmpty())
        entry.created = utcNow();
    SqliteTransaction transaction(db());
    // A second override of the same unit replaces the first; so its id changes and it sorts last.
    SqliteStatement remove(db(), QStringLiteral("DELETE FROM riskatlas_overrides WHERE layer = ?1 "
                                                "AND key = ?2"));
    remove.bind(1, entry.layer).bind(2, entry.key).run();
    SqliteStatement insert(db(), QStringLiteral("INSERT INTO riskatlas_overrides (layer, key, "
                                                "level, reason, user, created) VALUES (?1, ?2, "
                                                "?3, ?4, ?5, ?6)"));
    insert.bindAll({entry.layer, entry.key, entry.level, entry.reason, entry.user, entry.created});
    insert.run();
    SqliteStatement id(db(), QStringLiteral("SELECT last_insert_rowid()"));
    id.step();
    entry.id = id.integer(0);
    transaction.commit();
    return entry;
}

void Project::checkOverride(PlannerOverride &entry) const
{
    const OverrideTarget *target = overrideTarget(entry.layer);
    const QStringList results = resultLayers();
    if (!target) {
        // Another result layer of the project may carry an override for the record; the run
        // lists it as not applied.
        if (results.contains(entry.layer))
            return;
        QStringList names;
        for (const OverrideTarget &known : overrideTargets())
            names.append(QStringLiteral("%1 (key %2)").arg(known.layer, known.keyField));
        throw InputError({m_path, entry.layer},
                         QStringLiteral("override of \"%1\": no such result layer; a run applies "
                                        "overrides to %2")
                             .arg(entry.key, names.join(QStringLiteral(", "))));
    }
    int top = 0;
    if (entry.layer == QLatin1String("enterprises")) {
        entry.key = entry.key.toUpper();
        if (const auto problem = enterprise::creditCodeProblem(entry.key))
            throw InputError({m_path, entry.layer},
                             QStringLiteral("override of \"%1\": not a unified social credit "
                                            "code: %2")
                                 .arg(entry.key, *problem));
        const auto grading = config(ConfigKind::EnterpriseConfig);
        top = grading ? grading->json.object()
                            .value(QStringLiteral("grading"))
                            .toObject()
                            .value(QStringLiteral("levels"))
                            .toInt(4)
                      : 4;
    } else if (entry.layer == QLatin1String("prevention_zoning")) {
        top = paletteTop(config(ConfigKind::FiveColourModel), "prevention",
                         QStringLiteral("prevention"), m_path);
    } else {
        top = paletteTop(config(ConfigKind::FiveColourModel), "risk", QStringLiteral("five_colour"),
                         m_path);
    }
    if (entry.level > top)
        throw InputError({m_path, entry.layer},
                         QStringLiteral("override of \"%1\": level %2 is not between 1 and %3")
                             .arg(entry.key)
                             .arg(entry.level)
                             .arg(top));
    // After a run, the key must name something the run produced: a typo would otherwise
    // only show up as "not applied" in the next run.
    if (!results.contains(entry.layer))
        return;
    const auto hasField =
        query(QStringLiteral("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2"),
              {entry.layer, target->keyField});
    if (hasField.isEmpty() || hasField[0].value(0).toLongLong() == 0)
        return;
    const auto found = query(QStringLiteral("SELECT count(*) FROM \"%1\" WHERE \"%2\" = ?1")
                                 .arg(entry.layer, target->keyField),
                             {entry.key});
    if (found.isEmpty() || found[0].value(0).toLongLong() == 0)
        throw InputError({m_path, entry.layer},
                         QStringLiteral("override of \"%1\": the last run's %2 has no %3 \"%1\" "
                                        "(see the layer's %3 field)")
                             .arg(entry.key, entry.layer, target->keyField));
}

void Project::removeOverride(qint64 id)
{
    SqliteTransaction transaction(db());
    SqliteStatement statement(db(), QStringLiteral("DELETE FROM riskatlas_overrides WHERE fid = "
                                                   "?1"));
    statement.bind(1, id).run();
    if (db().changes() == 0)
        throw InputError({m_path}, QStringLiteral("no override with id %1").arg(id));
    transaction.commit();
}

} // namespace riskatlas::project
