// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/config_paths.h"

#include "core/project/project.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace riskatlas::project {

namespace {

using StringMap = std::function<QString(const QString &)>;

QJsonValue mapStrings(const QJsonValue &value, const StringMap &map)
{
    if (value.isString())
        return map(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(mapStrings(item, map));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = mapStrings(it.value(), map);
        return object;
    }
    return value;
}

QJsonDocument mapDocument(const QJsonDocument &document, const StringMap &map)
{
    if (document.isArray())
        return QJsonDocument(mapStrings(document.array(), map).toArray());
    return QJsonDocument(mapStrings(document.object(), map).toObject());
}

struct PathSpec
{
    QString file;
    QString rest; ///< "|layername=…" or empty
};

// A relative path spec whose file exists under `dir`, split at its first '|'.
std::optional<PathSpec> existingRelativePath(const QString &text, const QString &dir)
{
    if (text.isEmpty() || text.size() > 4096 || text.contains(QLatin1Char('\n')) ||
        text.startsWith(QLatin1String("input:")) || text.startsWith(QLatin1String("results:")))
        return std::nullopt;
    const qsizetype bar = text.indexOf(QLatin1Char('|'));
    PathSpec spec{bar < 0 ? text : text.left(bar), bar < 0 ? QString() : text.mid(bar)};
    if (spec.file.isEmpty() || QFileInfo(spec.file).isAbsolute() ||
        spec.file == QLatin1String(".") || spec.file == QLatin1String(".."))
        return std::nullopt;
    // Files only (and FileGDB folders): a folder that happens to share a palette's or a
    // result's name ("five_colour") is not a path the config meant.
    const QFileInfo info(QDir(dir).filePath(spec.file));
    if (!info.isFile() &&
        !(info.isDir() && info.suffix().compare(QLatin1String("gdb"), Qt::CaseInsensitive) == 0))
        return std::nullopt;
    return spec;
}

} // namespace

QJsonDocument rebaseConfigPaths(const QJsonDocument &document, const QString &fromDir,
                                const QString &toDir)
{
    const QDir from(QFileInfo(fromDir).absoluteFilePath());
    const QDir to(QFileInfo(toDir).absoluteFilePath());
    return mapDocument(document, [&](const QString &text) -> QString {
        const std::optional<PathSpec> spec = existingRelativePath(text, from.path());
        if (!spec)
            return text;
        const QString absolute = QDir::cleanPath(from.filePath(spec->file));
        return to.relativeFilePath(absolute) + spec->rest;
    });
}

QJsonDocument resolveConfigPaths(const QJsonDocument &document, const Project &project)
{
    const QDir folder(project.folder());
    return mapDocument(document, [&](const QString &text) -> QString {
        if (text.startsWith(QLatin1String("input:")))
            return project.resolveLayerReference(text);
        const std::optional<PathSpec> spec = existingRelativePath(text, folder.path());
        if (!spec)
            return text;
        return QDir::cleanPath(folder.filePath(spec->file)) + spec->rest;
    });
}

} // namespace riskatlas::project
