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

} // namespace riskatlas::io
