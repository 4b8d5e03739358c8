// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

#include <optional>

namespace riskatlas::project {

/// The configurations a project stores, one each of the first three kinds.
enum class ConfigKind { FiveColourModel, EnterpriseConfig, AtlasConfig, Other };

/// "five_colour_model", "enterprise_config", "atlas_config", "other".
QString configKindName(ConfigKind kind);
/// The kind named `name`, or nothing.
std::optional<ConfigKind> configKindFromName(const QString &name);

/// One configuration (a row of riskatlas_configs). Configs of the three standard kinds are
/// named after their kind; "other" configs carry any name.
struct StoredConfig
{
    QString name;
    ConfigKind kind = ConfigKind::Other;
    QJsonDocument json;
    QString updated; ///< UTC, ISO 8601
};

/// The stable text form of a JSON document, as stored and exported: keys sorted, 4-space
/// indentation, UTF-8, a final newline; equal documents give identical bytes.
QByteArray canonicalJson(const QJsonDocument &document);

/// Parses JSON text; throws InputError naming `where` with the offset of a syntax error.
QJsonDocument parseJson(const QByteArray &text, const QString &where);

} // namespace riskatlas::project
