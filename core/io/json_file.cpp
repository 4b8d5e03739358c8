// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/json_file.h"

#include "core/error.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace riskatlas::io {

QJsonObject readJsonObjectFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError({path},
                         QStringLiteral("cannot read the %1: %2").arg(what, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        throw InputError({path}, QStringLiteral("not a JSON object: %1 at byte %2")
                                     .arg(parseError.errorString())
                                     .arg(parseError.offset));
    return document.object();
}

QString requiredString(const QJsonObject &object, const QString &key, const QString &file,
                       const QString &where)
{
    const QJsonValue value = object.value(key);
    if (!value.isString() || value.toString().trimmed().isEmpty())
        throw InputError({file}, QStringLiteral("%1%2: missing or empty text").arg(where, key));
    return value.toString();
}

QJsonArray requiredArray(const QJsonObject &object, const QString &key, const QString &file,
                         const QString &what)
{
    const QJsonValue value = object.value(key);
    if (!value.isArray() || value.toArray().isEmpty())
        throw InputError({file}, QStringLiteral("%1: missing or empty list of %2").arg(key, what));
    return value.toArray();
}

} // namespace riskatlas::io
