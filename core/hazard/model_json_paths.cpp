// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/model_json_paths.h"

#include <QDir>
#include <QJsonArray>

namespace riskatlas::hazard {

namespace {

QString rebase(const QString &pathSpec, const QDir &from, const QString &toDir)
{
    if (pathSpec.isEmpty())
        return pathSpec;
    const qsizetype bar = pathSpec.indexOf(u'|');
    const QString path = bar < 0 ? pathSpec : pathSpec.left(bar);
    const QString rest = bar < 0 ? QString() : pathSpec.mid(bar);
    const QString absolute = QDir::cleanPath(from.absoluteFilePath(path));
    const QString result = toDir.isEmpty() ? absolute : QDir(toDir).relativeFilePath(absolute);
    return result + rest;
}

void rebaseKey(QJsonObject &object, const QString &key, const QDir &from, const QString &toDir)
{
    const QJsonValue value = object.value(key);
    if (value.isString())
        object.insert(key, rebase(value.toString(), from, toDir));
}

void rebaseArray(QJsonObject &parent, const QString &arrayKey, const QDir &from,
                 const QString &toDir)
{
    if (!parent.value(arrayKey).isArray())
        return;
    QJsonArray array = parent.value(arrayKey).toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            continue;
        QJsonObject item = array.at(i).toObject();
        rebaseKey(item, QStringLiteral("source"), from, toDir);
        array.replace(i, item);
    }
    parent.insert(arrayKey, array);
}

void rebaseObject(QJsonObject &model, const QString &key, const QStringList &pathKeys,
                  const QDir &from, const QString &toDir)
{
    if (!model.value(key).isObject())
        return;
    QJsonObject object = model.value(key).toObject();
    for (const QString &pathKey : pathKeys)
        rebaseKey(object, pathKey, from, toDir);
    if (key == QLatin1String("capacity"))
        rebaseArray(object, QStringLiteral("indicators"), from, toDir);
    model.insert(key, object);
}

} // namespace

QJsonObject rebaseModelPaths(const QJsonObject &model, const QString &fromDir, const QString &toDir)
{
    const QDir from(fromDir);
    QJsonObject result = model;
    rebaseObject(result, QStringLiteral("units"),
                 {QStringLiteral("source"), QStringLiteral("boundary")}, from, toDir);
    rebaseObject(result, QStringLiteral("townships"), {QStringLiteral("source")}, from, toDir);
    rebaseObject(result, QStringLiteral("vulnerability"), {QStringLiteral("source")}, from, toDir);
    rebaseObject(result, QStringLiteral("capacity"), {QStringLiteral("population")}, from, toDir);
    rebaseArray(result, QStringLiteral("hazards"), from, toDir);
    rebaseArray(result, QStringLiteral("exposure"), from, toDir);
    // Palettes are bundled ids unless they name a JSON file.
    if (result.value(QStringLiteral("palettes")).isObject()) {
        QJsonObject palettes = result.value(QStringLiteral("palettes")).toObject();
        for (auto it = palettes.begin(); it != palettes.end(); ++it) {
            if (it->isString() && it->toString().endsWith(QLatin1String(".json")))
                *it = rebase(it->toString(), from, toDir);
        }
        result.insert(QStringLiteral("palettes"), palettes);
    }
    return result;
}

} // namespace riskatlas::hazard
