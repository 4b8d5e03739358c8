// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace riskatlas::io {

/// Reads a configuration file that must hold one JSON object. Throws InputError naming `path`:
/// "cannot read the `what`: …" when it cannot be opened, "not a JSON object: … at byte N"
/// for a syntax error or another JSON value.
QJsonObject readJsonObjectFile(const QString &path, const QString &what);

/// `object[key]` as non-blank text; otherwise throws InputError naming `file` and the key path
/// `where` + `key` ("layers[2].name: missing or empty text").
QString requiredString(const QJsonObject &object, const QString &key, const QString &file,
                       const QString &where);

/// `object[key]` as a non-empty array; otherwise throws InputError naming `file` and `key`
/// ("layers: missing or empty list of layers").
QJsonArray requiredArray(const QJsonObject &object, const QString &key, const QString &file,
                         const QString &what);

} // namespace riskatlas::io
