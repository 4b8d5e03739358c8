// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QJsonObject>
#include <QString>

namespace riskatlas::io {

/// Reads a configuration file that must hold one JSON object. Throws InputError naming `path`:
/// "cannot read the `what`: …" when it cannot be opened, "not a JSON object: … at byte N"
/// for a syntax error or another JSON value.
QJsonObject readJsonObjectFile(const QString &path, const QString &what);

} // namespace riskatlas::io
