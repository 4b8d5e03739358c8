// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/stored_config.h"

#include "core/error.h"

#include <QJsonParseError>

namespace riskatlas::project {

namespace {

const char *const kKindNames[] = {"five_colour_model", "enterprise_config", "atlas_config",
                                  "other"};

} // namespace

QString configKindName(ConfigKind kind)
{
    return QString::fromLatin1(kKindNames[int(kind)]);
}

std::optional<ConfigKind> configKindFromName(const QString &name)
{
    for (int i = 0; i < 4; ++i) {
        if (name == QLatin1String(kKindNames[i]))
            return ConfigKind(i);
    }
    return std::nullopt;
}

QByteArray canonicalJson(const QJsonDocument &document)
{
    // QJsonObject keeps its keys sorted, so Indented output is already key-sorted.
    return document.toJson(QJsonDocument::Indented);
}

QJsonDocument parseJson(const QByteArray &text, const QString &where)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        throw InputError({where}, QStringLiteral("not valid JSON at byte %1: %2")
                                      .arg(error.offset)
                                      .arg(error.errorString()));
    return document;
}

} // namespace riskatlas::project
