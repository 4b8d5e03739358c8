// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/project_session.h"

#include "core/error.h"
#include "core/project/project.h"
#include "desktop/set_level_command.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QUndoStack>

namespace riskatlas::desktop {

namespace {

bool sameContent(const project::PlannerOverride &a, const project::PlannerOverride &b)
{
    return a.level == b.level && a.reason == b.reason && a.user == b.user;
}

} // namespace

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
}

ProjectSession::~ProjectSession() = default;

void ProjectSession::create(const QString &path, const QString &name)
{
    auto created = std::make_unique<project::Project>(project::Project::create(path, name));
    m_project = std::move(created);
    m_undoStack->clear();
    loadOverrides();
    Q_EMIT projectChanged();
}

void ProjectSession::open(const QString &path)
{
    auto opened = std::make_unique<project::Project>(project::Project::open(path));
    m_project = std::move(opened);
    m_undoStack->clear();
    loadOverrides();
    Q_EMIT projectChanged();
}

void ProjectSession::close()
{
    m_project.reset();
    m_undoStack->clear();
    m_overrides.clear();
    Q_EMIT projectChanged();
}

void ProjectSession::reopen()
{
    if (!m_project)
        return;
    const QString path = m_project->path();
    m_project.reset();
    m_project = std::make_unique<project::Project>(project::Project::open(path));
}

QString ProjectSession::path() const
{
    return m_project ? m_project->path() : QString();
}

QString ProjectSession::name() const
{
    if (!m_project)
        return {};
    const QString name = m_project->setting(QStringLiteral("name"));
    return name.isEmpty() ? QFileInfo(m_project->path()).completeBaseName() : name;
}

bool ProjectSession::isModified() const
{
    return m_project && !m_undoStack->isClean();
}

void ProjectSession::loadOverrides()
{
    m_overrides.clear();
    if (!m_project)
        return;
    for (const project::PlannerOverride &entry : m_project->overrides())
        m_overrides.insert({entry.layer, entry.key}, entry);
}

void ProjectSession::writeOverrides()
{
    // Compare with what the file holds now rather than replaying the stack: the edits may
    // have been undone and redone any number of times since the last save.
    QSet<Key> wanted;
    for (auto it = m_overrides.cbegin(); it != m_overrides.cend(); ++it)
        wanted.insert(it.key());
    for (const project::PlannerOverride &stored : m_project->overrides()) {
        const Key key{stored.layer, stored.key};
        const auto edited = m_overrides.constFind(key);
        if (edited == m_overrides.cend())
            m_project->removeOverride(stored.id);
        else if (sameContent(stored, *edited))
            wanted.remove(key);
    }
    for (const Key &key : std::as_const(wanted)) {
        project::PlannerOverride entry = m_overrides.value(key);
        entry.id = -1;
        entry.created.clear();
        m_overrides.insert(key, m_project->addOverride(entry));
    }
}

void ProjectSession::save()
{
    if (!m_project)
        return;
    writeOverrides();
    m_undoStack->setClean();
}

void ProjectSession::saveAs(const QString &path)
{
    if (!m_project)
        return;
    auto copy = std::make_unique<project::Project>(m_project->saveAs(path, true));
    m_project = std::move(copy);
    writeOverrides();
    m_undoStack->setClean();
    Q_EMIT projectChanged();
}

std::optional<project::PlannerOverride> ProjectSession::overrideOf(const QString &layer,
                                                                   const QString &key) const
{
    const auto found = m_overrides.constFind({layer, key});
    if (found == m_overrides.cend())
        return std::nullopt;
    return *found;
}

QList<project::PlannerOverride> ProjectSession::overrides(const QString &layer) const
{
    QList<project::PlannerOverride> result;
    for (const project::PlannerOverride &entry : m_overrides) {
        if (layer.isEmpty() || entry.layer == layer)
            result.append(entry);
    }
    return result;
}

void ProjectSession::putOverride(const QString &layer, const QString &key,
                                 const std::optional<project::PlannerOverride> &entry)
{
    if (entry)
        m_overrides.insert({layer, key}, *entry);
    else
        m_overrides.remove({layer, key});
    Q_EMIT overridesChanged(layer);
}

void ProjectSession::setLevel(const QString &layer, const QString &key, int level,
                              const QString &reason, const QString &user)
{
    if (!m_project)
        throw InputError({}, QStringLiteral("no project is open"));
    if (layer.isEmpty() || key.isEmpty())
        throw InputError({path(), layer}, QStringLiteral("an override needs a layer and a key"));
    if (reason.trimmed().isEmpty())
        throw InputError({path(), layer}, QStringLiteral("the reason for an override of %1 must "
                                                         "not be blank")
                                              .arg(key));
    if (level < 1)
        throw InputError({path(), layer},
                         QStringLiteral("level %1 for %2 is below 1").arg(level).arg(key));
    project::PlannerOverride after;
    after.layer = layer;
    after.key = key;
    after.level = level;
    after.reason = reason.trimmed();
    after.user = user.trimmed().isEmpty() ? loginName() : user.trimmed();
    m_undoStack->push(new SetLevelCommand(this, overrideOf(layer, key), after));
}

QList<project::RunRecord> ProjectSession::runs() const
{
    return m_project ? m_project->runs() : QList<project::RunRecord>();
}

QString ProjectSession::loginName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = qEnvironmentVariable("LOGNAME");
    // Services and containers may set none of them; the home folder is named after the user.
    if (name.isEmpty())
        name = QDir::home().dirName();
    return name;
}

} // namespace riskatlas::desktop
