// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/enterprise/risk_grading.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace riskatlas::enterprise {

/// How a township (or park, grid cell) takes its colour from the firms inside it.
enum class AreaRule {
    Highest,      ///< the highest level of its firms (default)
    Majority,     ///< the most frequent level; a tie goes to the higher level
    ScoreWeighted ///< the mean level weighted by each firm's score (D or R), rounded half up
};

/// A layer of sensitive sites (schools, hospitals, residences, shelters) checked against the
/// control lines; optionally only features whose `filterField` is one of `filterValues`.
struct SensitiveSiteSource
{
    QString path; ///< Resolved: absolute, `|layername=` kept.
    QString kind; ///< e.g. 避灾安置场所, 住宅, 学校
    QString nameField;
    QString filterField;
    QStringList filterValues;
};

/// Control-line (安全控制线) buffer distances in metres by level, with per-sector overrides.
/// Only levels that have a distance get a line (by default 重大 and 较大).
struct ControlLineRules
{
    QMap<int, double> distances;
    QMap<QString, QMap<int, double>> sectorDistances;
    std::vector<SensitiveSiteSource> sites;
    /// The distance for a firm, or 0 when its level gets no line.
    double distanceFor(const QString &sector, int level) const;
};

/// The enterprise job's configuration (docs/enterprises.md). Every path is resolved against
/// the configuration file's folder when relative.
struct EnterpriseConfig
{
    QString sourcePath; ///< the configuration file, for messages

    QString inventoryPath;
    QString inventoryEncoding; ///< empty: detect (UTF-8, else GBK)
    QString inventorySheet;    ///< XLSX sheet; empty: the first

    /// Column role → header, as the user wrote it (roles in columnRoles()). Roles not named
    /// are found from the Chinese defaults (defaultColumnNames()).
    QMap<QString, QString> columns;
    /// The sectors the county grades; empty means any sector is accepted.
    QStringList sectors;

    GradingRules grading;

    QString unitsPath;
    QString unitNameField;
    QString unitCodeField; ///< optional
    AreaRule areaRule = AreaRule::Highest;
    /// Polygon(s) a firm must lie in; empty means the union of the units.
    QString studyAreaPath;

    ControlLineRules controlLines;

    /// Survey comparison: a firm without a valid credit code matches a firm of the same name
    /// within this distance in metres.
    double matchDistance = 100;
    /// The older survey to compare with (`comparison.older_inventory`), read with the same
    /// columns and grading; empty: no comparison unless the job names one.
    QString olderInventoryPath;
};

/// The column roles, in report order: name, credit_code, sector, lon, lat, crs, township,
/// address, risk_point, accident_type, L, E, C, likelihood, severity, level, major_hazards,
/// general_hazards, measures, department, person, phone.
const QStringList &columnRoles();
/// The headers tried for a role when the configuration names none, first match wins
/// (exact, then case-insensitive), e.g. sector: 行业类别, 行业, 所属行业, 行业分类.
QStringList defaultColumnNames(const QString &role);

/// Reads and checks a configuration file. Throws InputError naming the file and the key path
/// (e.g. `config.json: grading.lec_thresholds[2]: …`) for unreadable files, malformed JSON,
/// missing keys (inventory.path, units.path, units.name_field), wrong types, unknown enum
/// values or roles, thresholds not ascending or not levelCount − 1 of them.
EnterpriseConfig loadEnterpriseConfig(const QString &path);
/// Parses configuration JSON; relative paths are resolved against `baseDir`.
EnterpriseConfig parseEnterpriseConfig(const QByteArray &json, const QString &source,
                                       const QString &baseDir);

/// The configuration as JSON, with `resolvedColumns` (role → header actually used) in place of
/// the user's mapping, so that a user can keep the mapping the import found and edit it.
QByteArray enterpriseConfigToJson(const EnterpriseConfig &config,
                                  const QMap<QString, QString> &resolvedColumns);

QString areaRuleName(AreaRule rule);

} // namespace riskatlas::enterprise
