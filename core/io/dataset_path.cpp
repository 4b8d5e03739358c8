// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/dataset_path.h"

#include "core/error.h"

#include <QFileInfo>

namespace riskatlas::io {

DatasetPath DatasetPath::parse(const QString &text)
{
    DatasetPath result;
    const QStringList parts = text.split(QLatin1Char('|'));
    result.path = parts.first();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString part = parts[i].trimmed();
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        const QString key = part.left(equals).trimmed().toLower();
        const QString value = equals < 0 ? QString() : part.mid(equals + 1).trimmed();
        if (key == QLatin1String("layername") && !value.isEmpty()) {
            result.layerName = value;
        } else if (key == QLatin1String("layerid")) {
            bool ok = false;
            const int index = value.toInt(&ok);
            if (!ok || index < 0)
                throw InputError({result.path}, QStringLiteral("bad layerid \"%1\"").arg(value));
            result.layerIndex = index;
        } else {
            throw InputError({result.path}, QStringLiteral("unknown data source option \"%1\" (use "
                                                           "|layername=NAME or |layerid=N)")
                                                .arg(part));
        }
    }
    if (result.path.isEmpty())
        throw InputError({text}, QStringLiteral("empty path"));
    return result;
}

QString DatasetPath::suffix() const
{
    return QFileInfo(path).suffix().toLower();
}

QString DatasetPath::displayLayer() const
{
    if (!layerName.isEmpty())
        return layerName;
    if (layerIndex)
        return QStringLiteral("#%1").arg(*layerIndex);
    return {};
}

} // namespace riskatlas::io
