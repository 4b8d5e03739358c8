// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/enterprise_inventory.h"

#include "core/crs/chinese_offsets.h"
#include "core/enterprise/credit_code.h"
#include "core/enterprise/unit_locator.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/io/csv_table_reader.h"
#include "core/io/xlsx_table_reader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>

namespace riskatlas::enterprise {

namespace {

// Validation messages: zh_CN with the English in brackets as written, translatable by the app
// (context riskatlas::enterprise).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::enterprise)
};

int findHeader(const QStringList &headers, const QString &name)
{
    const qsizetype exact = headers.indexOf(name);
    if (exact >= 0)
        return int(exact);
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (headers.at(i).compare(name, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

} // namespace

QStringList requiredColumnRoles(const GradingRules &rules)
{
    QStringList roles{QStringLiteral("name"), QStringLiteral("lon"), QStringLiteral("lat")};
    switch (rules.method) {
    case GradingMethod::Lec:
        roles << QStringLiteral("L") << QStringLiteral("E") << QStringLiteral("C");
        break;
    case GradingMethod::Matrix:
        roles << QStringLiteral("likelihood") << QStringLiteral("severity");
        break;
    case GradingMethod::LevelColumn:
        roles << QStringLiteral("level");
        break;
    }
    return roles;
}

QMap<QString, int> matchColumns(const QStringList &headers,
                                const QMap<QString, QString> &configured)
{
    QMap<QString, int> found;
    for (const QString &role : columnRoles()) {
        const QStringList tried = configured.contains(role) ? QStringList{configured.value(role)}
                                                            : defaultColumnNames(role);
        for (const QString &name : tried) {
            const int index = findHeader(headers, name);
            if (index >= 0) {
                found.insert(role, index);
                break;
            }
        }
    }
    return found;
}

namespace {

// Roles whose absence weakens the products; reported once as a table-level warning.
QStringList expectedRoles()
{
    return {QStringLiteral("credit_code"), QStringLiteral("sector"), QStringLiteral("crs"),
            QStringLiteral("major_hazards"), QStringLiteral("general_hazards")};
}

// Longitude and latitude the other way round for a point in China (the same test as the
// point table builder's): China lies within longitude 73…136 and latitude 3…54.
bool looksSwapped(double x, double y)
{
    return x >= 3 && x <= 54 && y >= 73 && y <= 136;
}

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

class RowChecker
{
public:
    RowChecker(Inventory &inventory, qint64 row)
        : m_inventory(inventory)
        , m_row(row)
    {}

    void add(const QString &code, const QString &role, const QString &value, const QString &message,
             bool fatal)
    {
        m_inventory.issues.push_back(
            {m_row, code, m_inventory.header(role), value, message, fatal});
        m_fatal = m_fatal || fatal;
    }
    bool fatal() const { return m_fatal; }

private:
    Inventory &m_inventory;
    qint64 m_row;
    bool m_fatal = false;
};

} // namespace

QString Inventory::header(const QString &role) const
{
    const int index = columns.value(role, -1);
    return index < 0 ? QString() : headers.at(index);
}

QString Inventory::cell(const Firm &firm, const QString &role) const
{
    const int index = columns.value(role, -1);
    return index < 0 || index >= firm.cells.size() ? QString() : firm.cells.at(index).trimmed();
}

qsizetype Inventory::fatalRowCount() const
{
    qsizetype count = 0;
    qint64 last = -1;
    for (const ValidationIssue &issue : issues) {
        if (issue.fatal && issue.row > 0 && issue.row != last) {
            ++count;
            last = issue.row;
        }
    }
    return count;
}

Inventory importInventory(const QString &path, const EnterpriseConfig &config,
                          const UnitLocator &units, const UnitLocator *studyArea,
                          Feedback *feedback)
{
    if (feedback)
        feedback->setStep(QStringLiteral("reading %1").arg(QFileInfo(path).fileName()));
    const QString suffix = QFileInfo(path).suffix().toLower();
    io::TextTable table;
    if (suffix == QLatin1String("xlsx"))
        table = io::readXlsxTable(path, config.inventorySheet, feedback);
    else
        table = io::readCsvTable(path, config.inventoryEncoding, feedback, io::RaggedRows::Report);
    return validateInventory(table, config, units, studyArea, feedback);
}

Inventory validateInventory(const io::TextTable &table, const EnterpriseConfig &config,
                            const UnitLocator &units, const UnitLocator *studyArea,
                            Feedback *feedback)
{
    Inventory inventory;
    inventory.path = table.sourcePath;
    inventory.encoding = table.encoding;
    inventory.headers = table.headers;
    inventory.rowCount = table.rows.size() + table.raggedRows.size();

    const GradingRules &rules = config.grading;
    const QStringList required = requiredColumnRoles(rules);
    const QMap<QString, int> found = matchColumns(table.headers, config.columns);
    QStringList missingRequired;
    for (const QString &role : columnRoles()) {
        const int index = found.value(role, -1);
        const QStringList tried = config.columns.contains(role)
                                      ? QStringList{config.columns.value(role)}
                                      : defaultColumnNames(role);
        if (index >= 0) {
            inventory.columns.insert(role, index);
            continue;
        }
        const QString looked = tried.join(QStringLiteral(", "));
        if (required.contains(role)) {
            missingRequired.append(QStringLiteral("%1 (looked for %2)").arg(role, looked));
        } else if (expectedRoles().contains(role) || config.columns.contains(role)) {
            inventory.issues.push_back(
                {0,
                 QStringLiteral("missing_column"),
                 looked,
                 {},
                 Tr::tr("缺少列“%1”(%2)，相关检查与计算跳过 (column missing)").arg(looked, role),
                 false});
        }
    }
    if (!missingRequired.isEmpty()) {
        throw InputError(io::tableLocation(table),
                         QStringLiteral("required columns missing: %1; name them under "
                                        "\"columns\" in the configuration")
                             .arg(missingRequired.join(QStringLiteral("; "))));
    }
    const bool checkSectors =
        !config.sectors.isEmpty() && inventory.columns.contains(QStringLiteral("sector"));

    // A row with too many or too few cells cannot be read by column: it is one bad row, in its
    // place among the others, and the import goes on.
    qsizetype nextRagged = 0;
    auto reportRaggedBefore = [&](qint64 line) {
        for (; nextRagged < table.raggedRows.size() && table.raggedRows[nextRagged].line < line;
             ++nextRagged) {
            const io::RaggedRow &ragged = table.raggedRows[nextRagged];
            inventory.issues.push_back(
                {ragged.line,
                 QStringLiteral("ragged_row"),
                 {},
                 QString::number(ragged.cells),
                 Tr::tr("第%1行有%2个单元格，表头有%3列，本行不计 (row %1 has %2 cells, "
                        "the header %3 columns)")
                     .arg(ragged.line)
                     .arg(ragged.cells)
                     .arg(table.headers.size()),
                 true});
        }
    };

    QHash<QString, qint64> firstRowOfCode;
    const qsizetype total = table.rows.size();
    for (qsizetype i = 0; i < total; ++i) {
        reportRaggedBefore(table.rowNumbers.value(i, i + 2));
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(i) / double(std::max<qsizetype>(total, 1)));
        }
        // A row of empty cells (a spreadsheet's "blank" line with its commas) is a blank line.
        const QStringList &cells = table.rows.at(i);
        if (std::all_of(cells.begin(), cells.end(),
                        [](const QString &text) { return text.trimmed().isEmpty(); })) {
            --inventory.rowCount;
            continue;
        }
        const qint64 rowNumber = table.rowNumbers.value(i, i + 2);
        Firm firm;
        firm.row = rowNumber;
        firm.cells = table.rows.at(i);
        RowChecker check(inventory, rowNumber);
        auto cell = [&](const QString &role) {
            return inventory.cell(firm, role);
        };

        firm.name = cell(QStringLiteral("name"));
        if (firm.name.isEmpty()) {
            check.add(QStringLiteral("missing_name"), QStringLiteral("name"), {},
                      Tr::tr("企业名称为空 (firm name empty)"), true);
        }

        if (inventory.columns.contains(QStringLiteral("credit_code"))) {
            firm.creditCode = cell(QStringLiteral("credit_code")).toUpper();
            const std::optional<QString> problem = creditCodeProblem(firm.creditCode);
            firm.creditCodeValid = !problem;
            if (problem) {
                check.add(QStringLiteral("bad_credit_code"), QStringLiteral("credit_code"),
                          firm.creditCode, *problem, false);
            }
            if (!firm.creditCode.isEmpty()) {
                const auto first = firstRowOfCode.constFind(firm.creditCode);
                if (first != firstRowOfCode.constEnd()) {
                    check.add(QStringLiteral("duplicate_credit_code"),
                              QStringLiteral("credit_code"), firm.creditCode,
                              Tr::tr("与第%1行统一社会信用代码重复，本行不计 (duplicate "
                                     "of row %1)")
                                  .arg(*first),
                              true);
                } else {
                    firstRowOfCode.insert(firm.creditCode, rowNumber);
                }
            }
        }

        firm.sector = cell(QStringLiteral("sector"));
        if (checkSectors && !config.sectors.contains(firm.sector)) {
            check.add(QStringLiteral("unknown_sector"), QStringLiteral("sector"), firm.sector,
                      Tr::tr("行业“%1”不在配置的行业列表中 (unknown sector)").arg(firm.sector),
                      false);
        }

        // Coordinates: each problem is reported, the first fatal one ends the position checks.
        const QString lonText = cell(QStringLiteral("lon"));
        const QString latText = cell(QStringLiteral("lat"));
        std::optional<double> lon = parseNumber(lonText);
        std::optional<double> lat = parseNumber(latText);
        const QString systemText = cell(QStringLiteral("crs"));
        const std::optional<crs::ChineseOffset> offset = crs::parseChineseOffset(systemText);
        if (!offset) {
            check.add(QStringLiteral("unknown_coordinate_system"), QStringLiteral("crs"),
                      systemText,
                      Tr::tr("未知坐标系“%1”，应为 WGS84/CGCS2000、GCJ-02 或 BD-09 "
                             "(unknown coordinate system)")
                          .arg(systemText),
                      true);
        }
        if (lonText.isEmpty() || latText.isEmpty()) {
            check.add(QStringLiteral("missing_coordinates"),
                      lonText.isEmpty() ? QStringLiteral("lon") : QStringLiteral("lat"), {},
                      Tr::tr("经纬度缺失 (coordinates missing)"), true);
        } else if (!lon || !lat) {
            check.add(QStringLiteral("non_numeric_coordinates"),
                      !lon ? QStringLiteral("lon") : QStringLiteral("lat"),
                      !lon ? lonText : latText,
                      Tr::tr("经纬度不是数字 (coordinate is not a number)"), true);
        } else {
            double x = *lon;
            double y = *lat;
            if (looksSwapped(x, y)) {
                std::swap(x, y);
                check.add(QStringLiteral("swapped_coordinates"), QStringLiteral("lon"),
                          lonText % QStringLiteral(", ") % latText,
                          Tr::tr("经度、纬度填反，已交换 (longitude and latitude "
                                 "swapped, swapped back)"),
                          false);
            }
            if (std::abs(x) > 180 || std::abs(y) > 90) {
                check.add(QStringLiteral("coordinates_out_of_range"), QStringLiteral("lon"),
                          lonText % QStringLiteral(", ") % latText,
                          Tr::tr("经纬度超出范围 (coordinates out of range)"), true);
            } else if (offset) {
                firm.sourceSystem = crs::chineseOffsetName(*offset);
                const crs::LonLat converted = crs::toCgcs2000({x, y}, *offset);
                firm.lon = converted.lon;
                firm.lat = converted.lat;
                firm.unit = units.locate(firm.lon, firm.lat);
                const bool inside =
                    studyArea ? studyArea->locate(firm.lon, firm.lat) >= 0 : firm.unit >= 0;
                if (!inside) {
                    check.add(QStringLiteral("outside_study_area"), QStringLiteral("lon"),
                              lonText % QStringLiteral(", ") % latText,
                              Tr::tr("位置（CGCS2000 %1, %2）不在研究区内 (outside the "
                                     "study area)")
                                  .arg(firm.lon, 0, 'f', 6)
                                  .arg(firm.lat, 0, 'f', 6),
                              true);
                }
            }
        }

        // Grading inputs.
        auto factor = [&](const QString &role, const std::vector<double> &allowed,
                          bool integer) -> std::optional<double> {
            const QString text = cell(role);
            const std::optional<double> value = parseNumber(text);
            bool good = value && *value > 0;
            if (good && integer)
                good = *value == std::floor(*value) && *value >= 1 && *value <= 5;
            if (good && !allowed.empty() && rules.standardLecValues)
                good = isTableValue(*value, allowed);
            if (!good) {
                check.add(QStringLiteral("impossible_factor"), role, text,
                          text.isEmpty()
                              ? Tr::tr("%1 为空 (value missing)").arg(inventory.header(role))
                              : Tr::tr("%1 = “%2” 不是允许的取值 (impossible value)")
                                    .arg(inventory.header(role), text),
                          true);
                return std::nullopt;
            }
            return value;
        };
        switch (rules.method) {
        case GradingMethod::Lec: {
            const auto l = factor(QStringLiteral("L"), standardLValues(), false);
            const auto e = factor(QStringLiteral("E"), standardEValues(), false);
            const auto c = factor(QStringLiteral("C"), standardCValues(), false);
            if (l && e && c) {
                firm.score = *l * *e * *c;
                firm.rawLevel = levelForScore(firm.score, rules.lecThresholds);
            }
            break;
        }
        case GradingMethod::Matrix: {
            const auto likelihood = factor(QStringLiteral("likelihood"), {}, true);
            const auto severity = factor(QStringLiteral("severity"), {}, true);
            if (likelihood && severity) {
                firm.score = *likelihood * *severity;
                firm.rawLevel = levelForScore(firm.score, rules.matrixThresholds);
            }
            break;
        }
        case GradingMethod::LevelColumn: {
            const QString text = cell(QStringLiteral("level"));
            const std::optional<int> level = parseLevelText(text, rules.levelCount);
            if (!level) {
                check.add(QStringLiteral("impossible_factor"), QStringLiteral("level"), text,
                          Tr::tr("风险等级“%1”无法识别 (unknown level)").arg(text), true);
            } else {
                firm.rawLevel = *level;
            }
            break;
        }
        }

        auto count = [&](const QString &role) {
            const QString text = cell(role);
            if (text.isEmpty())
                return 0;
            const std::optional<double> value = parseNumber(text);
            if (!value || *value < 0 || *value != std::floor(*value) || *value > 1e6) {
                check.add(QStringLiteral("impossible_hazard_count"), role, text,
                          Tr::tr("%1 = “%2” 不是非负整数 (not a whole number ≥ 0)")
                              .arg(inventory.header(role), text),
                          true);
                return 0;
            }
            return int(*value);
        };
        firm.majorHazards = count(QStringLiteral("major_hazards"));
        firm.generalHazards = count(QStringLiteral("general_hazards"));

        if (check.fatal())
            continue;
        const AdjustedLevel adjusted =
            adjustLevel(firm.rawLevel, firm.majorHazards, firm.generalHazards, rules);
        firm.level = adjusted.level;
        firm.adjustment = adjusted.reason;
        inventory.firms.push_back(std::move(firm));
    }
    reportRaggedBefore(std::numeric_limits<qint64>::max());
    if (feedback)
        feedback->setProgress(100);
    return inventory;
}

} // namespace riskatlas::enterprise
