// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

namespace riskatlas::project {

/// Now in UTC as ISO 8601 with milliseconds ("2026-11-29T14:31:55.123Z"), the form every
/// time in a project file takes, so that times sort as text.
QString utcNow();

/// "riskatlas VERSION", recorded in the file and the run log.
QString softwareVersion();

/// Throws InputError when `name` cannot name a layer or input in a project: blank, or with a
/// prefix the GeoPackage or RiskAtlas tables use.
void checkLayerName(const QString &path, const QString &name);

} // namespace riskatlas::project
