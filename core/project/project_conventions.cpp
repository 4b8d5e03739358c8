// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/project_conventions.h"

#include "core/error.h"

#include <QDateTime>

namespace riskatlas::project {

QString utcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString softwareVersion()
{
    return QStringLiteral("riskatlas " RISKATLAS_VERSION);
}

void checkLayerName(const QString &path, const QString &name)
{
    if (name.trimmed().isEmpty())
        throw InputError({path}, QStringLiteral("a layer or input needs a name"));
    for (const char *prefix : {"riskatlas_", "gpkg_", "rtree_", "sqlite_"}) {
        if (name.startsWith(QLatin1String(prefix), Qt::CaseInsensitive))
            throw InputError({path, name}, QStringLiteral("names starting with \"%1\" are "
                                                          "reserved for the file's own tables")
                                               .arg(QLatin1String(prefix)));
    }
}

} // namespace riskatlas::project
