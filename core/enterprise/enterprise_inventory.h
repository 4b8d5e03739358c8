// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/enterprise/enterprise_config.h"
#include "core/io/text_table.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::enterprise {

class UnitLocator;

/// One firm that passed validation, graded.
struct Firm
{
    qint64 row = 0;    ///< its row in the file (TextTable::rowNumbers)
    QStringList cells; ///< the row's cells, in the inventory's header order
    QString name;
    QString creditCode; ///< trimmed, upper case; may be empty or invalid
    bool creditCodeValid = false;
    QString sector;
    QString sourceSystem; ///< WGS84, GCJ-02 or BD-09: the system the row was written in
    double lon = 0;       ///< CGCS2000 degrees, after conversion and any swap
    double lat = 0;
    double score = 0;        ///< D = L·E·C, R = likelihood·severity, or 0 for a given level
    int rawLevel = 0;        ///< 1…levelCount from the score or the level column
    int level = 0;           ///< after dynamic adjustment
    QString adjustment;      ///< why the level was raised; empty when it was not
    bool overridden = false; ///< `level` was set by a planner (EnterpriseJobOptions)
    int modelLevel = 0;      ///< with `overridden`: the level before the planner's
    QString overrideReason;  ///< with `overridden`: why
    int majorHazards = 0;
    int generalHazards = 0;
    int unit = -1; ///< index of the unit holding it, -1 when none
};

/// A problem with one row (row > 0) or with the whole table (row 0, e.g. a missing column).
/// Fatal rows are left out of every product; warnings keep the row.
struct ValidationIssue
{
    qint64 row = 0;
    QString code;   ///< stable identifier, e.g. bad_credit_code (docs/enterprises.md)
    QString column; ///< the header concerned, if any
    QString value;  ///< the offending value as written
    QString message;
    bool fatal = false;
};

/// An imported inventory.
struct Inventory
{
    QString path;
    QString encoding; ///< UTF-8, GBK, …
    QStringList headers;
    QMap<QString, int> columns;          ///< role → header index, for the roles found
    qsizetype rowCount = 0;              ///< data rows read (blank lines not counted)
    std::vector<Firm> firms;             ///< in file order
    std::vector<ValidationIssue> issues; ///< by row, then in check order
    /// The header used for `role`, or empty.
    QString header(const QString &role) const;
    /// The firm's cell for `role`, or empty when the column is absent.
    QString cell(const Firm &firm, const QString &role) const;
    qsizetype fatalRowCount() const;
};

/// Which column of `headers` each role uses: the header `configured` names for the role, else
/// the first of defaultColumnNames(role) present, an exact match before a case-insensitive one.
/// Roles whose column is not found are absent. The import uses this, so a column-mapping
/// preview shows the same guesses.
QMap<QString, int> matchColumns(const QStringList &headers,
                                const QMap<QString, QString> &configured);

/// The column roles `rules` cannot grade without: name, lon, lat and the grading inputs.
QStringList requiredColumnRoles(const GradingRules &rules);

/// Reads `path` (CSV in UTF-8 or GBK, detected unless `config.inventoryEncoding` is set, or
/// XLSX) and validates every row, never stopping at the first bad one: credit code checksum
/// (GB 32100-2015), duplicate codes, missing, non-numeric, out-of-range or swapped coordinates,
/// unknown coordinate systems, points outside `studyArea`, unknown sectors, impossible factor
/// or hidden-danger values. Rows are converted to CGCS2000 (crs::toCgcs2000), located in
/// `units`, and graded by config.grading with dynamic adjustment.
///
/// Throws InputError for what makes the whole file unusable: unreadable file, bad CSV
/// structure, or a missing required column (name, 经度, 纬度 and the grading inputs), naming
/// the file and the column roles looked for. CancelledError through `feedback` (optional).
Inventory importInventory(const QString &path, const EnterpriseConfig &config,
                          const UnitLocator &units, const UnitLocator *studyArea,
                          Feedback *feedback = nullptr);

/// The validation checks on an already-read table (importInventory's work after reading).
Inventory validateInventory(const io::TextTable &table, const EnterpriseConfig &config,
                            const UnitLocator &units, const UnitLocator *studyArea,
                            Feedback *feedback = nullptr);

} // namespace riskatlas::enterprise
