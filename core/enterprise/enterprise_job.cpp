// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/enterprise_job.h"

#include "core/enterprise/area_risk_map.h"
#include "core/enterprise/control_lines.h"
#include "core/enterprise/enterprise_config.h"
#include "core/enterprise/enterprise_inventory.h"
#include "core/enterprise/unit_locator.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/style/palette.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace riskatlas::enterprise {

namespace {

// A plain table (no geometry) written as CSV and XLSX.
struct Table
{
    QString name;
    model::Fields fields;
    std::vector<QVariantList> rows;

    void column(const QString &fieldName, model::FieldType type)
    {
        fields.append({fieldName, type, 0, 0});
    }
    model::VectorLayer layer() const
    {
        model::VectorLayer result;
        result.name = name;
        result.geometryType = model::GeometryType::None;
        result.fields = fields;
        qint64 fid = 1;
        for (const QVariantList &row : rows)
            result.features.push_back({fid++, row, {}});
        return result;
    }
};

QByteArray pointWkb(double x, double y)
{
    QByteArray wkb(21, Qt::Uninitialized);
    wkb[0] = 1; // little-endian
    const quint32 type = 1;
    std::memcpy(wkb.data() + 1, &type, 4);
    std::memcpy(wkb.data() + 5, &x, 8);
    std::memcpy(wkb.data() + 13, &y, 8);
    return wkb;
}

// The shapefile copies: DBF text holds at most 254 bytes, and a long 管控措施 must not cost the
// whole run, so longer texts are cut at a character boundary there (the GeoPackage keeps them).
model::VectorLayer forShapefile(model::VectorLayer layer, Feedback *feedback)
{
    int cut = 0;
    for (model::Feature &feature : layer.features) {
        for (QVariant &value : feature.attributes) {
            if (value.typeId() != QMetaType::QString)
                continue;
            QString text = value.toString();
            if (text.toUtf8().size() <= 254)
                continue;
            while (text.toUtf8().size() > 254)
                text.chop(text.size() >= 2 && text.at(text.size() - 1).isLowSurrogate() ? 2 : 1);
            value = text;
            ++cut;
        }
    }
    if (cut > 0 && feedback) {
        feedback->pushWarning(QStringLiteral("shp/%1: %2 texts longer than 254 bytes cut in the "
                                             "shapefile copy; the GeoPackage keeps them whole")
                                  .arg(layer.name)
                                  .arg(cut));
    }
    return layer;
}

double percent(int part, int whole)
{
    return whole > 0 ? std::round(10000.0 * part / whole) / 100.0 : 0.0;
}

class Writer
{
public:
    Writer(QString dir, Feedback *feedback)
        : m_dir(std::move(dir))
        , m_feedback(feedback)
    {}

    void layer(const model::VectorLayer &layer, const QString &relative)
    {
        const QString path = m_dir % u'/' % relative;
        QDir().mkpath(QFileInfo(path).absolutePath());
        io::WriteOptions options;
        options.layerName = layer.name;
        io::writeLayer(layer, path, options, nullptr, m_feedback);
        m_files.append(relative);
    }

    void table(const Table &table, const QString &relativeBase)
    {
        const model::VectorLayer layer = table.layer();
        this->layer(layer, relativeBase % QStringLiteral(".csv"));
        this->layer(layer, relativeBase % QStringLiteral(".xlsx"));
    }

    void text(const QByteArray &bytes, const QString &relative)
    {
        const QString path = m_dir % u'/' % relative;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            throw ProcessingError({path},
                                  QStringLiteral("cannot write: %1").arg(file.errorString()));
        m_files.append(relative);
    }

    QStringList files() const
    {
        QStringList all;
        QDirIterator it(m_dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            all.append(QDir(m_dir).relativeFilePath(it.next()));
        all.sort();
        return all;
    }

private:
    QString m_dir;
    Feedback *m_feedback;
    QStringList m_files;
};

struct Context
{
    const EnterpriseConfig &config;
    const style::Palette &palette;
    const model::VectorLayer &units; // CGCS2000
    QStringList unitNames;
    int levelCount = 4;

    QString levelName(int level) const
    {
        const style::PaletteClass *colour = palette.classForLevel(level);
        return colour ? colour->name : QString();
    }
    QString levelColour(int level) const
    {
        const style::PaletteClass *colour = palette.classForLevel(level);
        return colour ? colour->color.name() : QString();
    }
    QString unitName(int unit) const { return unit >= 0 ? unitNames.value(unit) : QString(); }
};

// The level grading and dynamic adjustment gave, before any planner override.
int modelLevelOf(const Firm &firm)
{
    return firm.overridden ? firm.modelLevel : firm.level;
}

// The lists' column for a planner's level: from what, to what, why.
QString overrideNote(const Firm &firm, const Context &context)
{
    if (!firm.overridden)
        return {};
    return QStringLiteral("%1→%2：%3")
        .arg(context.levelName(firm.modelLevel), context.levelName(firm.level),
             firm.overrideReason);
}

// Planner overrides go in before anything is derived from the levels, so every product agrees.
std::vector<OverrideOutcome> applyLevelOverrides(Inventory &inventory,
                                                 const std::vector<LevelOverride> &overrides,
                                                 int levelCount, const QString &configPath,
                                                 QStringList &warnings)
{
    std::vector<OverrideOutcome> outcomes;
    for (const LevelOverride &entry : overrides) {
        const QString code = entry.key.trimmed().toUpper();
        if (entry.level < 1 || entry.level > levelCount)
            throw InputError({configPath},
                             QStringLiteral("override of firm %1: level %2 is not between 1 and "
                                            "%3")
                                 .arg(code)
                                 .arg(entry.level)
                                 .arg(levelCount));
        OverrideOutcome outcome{code, entry.level, false, 0, {}, 0};
        for (Firm &firm : inventory.firms) {
            if (code.isEmpty() || firm.creditCode != code)
                continue;
            if (!firm.overridden)
                firm.modelLevel = firm.level;
            firm.overridden = true;
            firm.level = entry.level;
            firm.overrideReason = entry.reason;
            if (!outcome.applied) {
                outcome.modelLevel = firm.modelLevel;
                outcome.name = firm.name;
            }
            outcome.applied = true;
            ++outcome.features;
        }
        if (!outcome.applied)
            warnings.append(QStringLiteral("override of firm %1 matches no firm of %2; not "
                                           "applied")
                                .arg(code, QFileInfo(inventory.path).fileName()));
        outcomes.push_back(outcome);
    }
    return outcomes;
}

model::VectorLayer pointLayer(const Inventory &inventory, const Context &context)
{
    model::VectorLayer layer;
    layer.name = QStringLiteral("enterprises");
    layer.crs = crs::cgcs2000();
    layer.geometryType = model::GeometryType::Point;
    layer.sourcePath = inventory.path;
    std::vector<model::FieldType> types;
    for (qsizetype c = 0; c < inventory.headers.size(); ++c) {
        const QString role = inventory.columns.key(int(c));
        model::FieldType type = model::FieldType::String;
        if (role == QLatin1String("L") || role == QLatin1String("E") || role == QLatin1String("C"))
            type = model::FieldType::Real;
        else if (role == QLatin1String("likelihood") || role == QLatin1String("severity") ||
                 role == QLatin1String("major_hazards") || role == QLatin1String("general_hazards"))
            type = model::FieldType::Integer;
        types.push_back(type);
        layer.fields.append({inventory.headers.at(c), type, 0, 0});
    }
    const QStringList added{QStringLiteral("row"),        QStringLiteral("src_crs"),
                            QStringLiteral("unit_name"),  QStringLiteral("D"),
                            QStringLiteral("raw_level"),  QStringLiteral("level"),
                            QStringLiteral("level_name"), QStringLiteral("color"),
                            QStringLiteral("adjustment"), QStringLiteral("model_level"),
                            QStringLiteral("overridden"), QStringLiteral("override_reason")};
    const std::vector<model::FieldType> addedTypes{
        model::FieldType::Integer, model::FieldType::String,  model::FieldType::String,
        model::FieldType::Real,    model::FieldType::Integer, model::FieldType::Integer,
        model::FieldType::String,  model::FieldType::String,  model::FieldType::String,
        model::FieldType::Integer, model::FieldType::Integer, model::FieldType::String};
    for (qsizetype i = 0; i < added.size(); ++i) {
        QString name = added.at(i);
        // An inventory column of the same name keeps its name; ours gets a suffix.
        while (model::fieldIndex(layer.fields, name) >= 0)
            name += QStringLiteral("_ra");
        layer.fields.append({name, addedTypes[std::size_t(i)], 0, 0});
    }
    for (const Firm &firm : inventory.firms) {
        model::Feature feature;
        feature.fid = firm.row;
        for (qsizetype c = 0; c < inventory.headers.size(); ++c) {
            const QString text = firm.cells.value(c).trimmed();
            if (text.isEmpty() && types[std::size_t(c)] != model::FieldType::String)
                feature.attributes.append(QVariant());
            else if (types[std::size_t(c)] == model::FieldType::Real)
                feature.attributes.append(text.toDouble());
            else if (types[std::size_t(c)] == model::FieldType::Integer)
                feature.attributes.append(int(text.toDouble()));
            else
                feature.attributes.append(firm.cells.value(c));
        }
        feature.attributes << firm.row << firm.sourceSystem << context.unitName(firm.unit)
                           << firm.score << firm.rawLevel << firm.level
                           << context.levelName(firm.level) << context.levelColour(firm.level)
                           << firm.adjustment << modelLevelOf(firm) << int(firm.overridden)
                           << (firm.overridden ? QVariant(firm.overrideReason) : QVariant());
        feature.wkb = pointWkb(firm.lon, firm.lat);
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

Table validationTable(const Inventory &inventory)
{
    Table table;
    table.name = QStringLiteral("validation_report");
    table.column(QStringLiteral("行号"), model::FieldType::Integer);
    table.column(QStringLiteral("级别"), model::FieldType::String);
    table.column(QStringLiteral("代码"), model::FieldType::String);
    table.column(QStringLiteral("列"), model::FieldType::String);
    table.column(QStringLiteral("值"), model::FieldType::String);
    table.column(QStringLiteral("说明"), model::FieldType::String);
    for (const ValidationIssue &issue : inventory.issues) {
        table.rows.push_back(
            {issue.row > 0 ? QVariant(issue.row) : QVariant(),
             issue.fatal ? QStringLiteral("错误（已剔除）") : QStringLiteral("警告"), issue.code,
             issue.column, issue.value, issue.message});
    }
    return table;
}

std::vector<int> levelCounts(const std::vector<Firm> &firms, int levelCount, bool raw)
{
    std::vector<int> counts(std::size_t(levelCount + 1), 0);
    for (const Firm &firm : firms) {
        const int level = raw ? firm.rawLevel : firm.level;
        if (level >= 1 && level <= levelCount)
            ++counts[std::size_t(level)];
    }
    return counts;
}

Table levelCountTable(const Inventory &inventory, const Context &context)
{
    Table table;
    table.name = QStringLiteral("level_counts");
    table.column(QStringLiteral("level"), model::FieldType::Integer);
    table.column(QStringLiteral("等级"), model::FieldType::String);
    table.column(QStringLiteral("颜色"), model::FieldType::String);
    table.column(QStringLiteral("评分定级数"), model::FieldType::Integer);
    table.column(QStringLiteral("动态调整后数"), model::FieldType::Integer);
    table.column(QStringLiteral("占比(%)"), model::FieldType::Real);
    const std::vector<int> raw = levelCounts(inventory.firms, context.levelCount, true);
    const std::vector<int> final = levelCounts(inventory.firms, context.levelCount, false);
    const int total = int(inventory.firms.size());
    for (int k = context.levelCount; k >= 1; --k) {
        table.rows.push_back({k, context.levelName(k), context.levelColour(k), raw[std::size_t(k)],
                              final[std::size_t(k)], percent(final[std::size_t(k)], total)});
    }
    table.rows.push_back({QVariant(), QStringLiteral("合计"), QString(), total, total, 100.0});
    return table;
}

Table levelShareTable(const std::vector<AreaLevel> &areas, const Context &context)
{
    Table table;
    table.name = QStringLiteral("level_shares");
    table.column(QStringLiteral("乡镇"), model::FieldType::String);
    table.column(QStringLiteral("企业数"), model::FieldType::Integer);
    for (int k = context.levelCount; k >= 1; --k)
        table.column(context.levelName(k), model::FieldType::Integer);
    for (int k = context.levelCount; k >= 1; --k)
        table.column(context.levelName(k) % QStringLiteral("占比(%)"), model::FieldType::Real);
    table.column(QStringLiteral("区域等级"), model::FieldType::String);
    std::vector<int> totals(std::size_t(context.levelCount + 1), 0);
    int all = 0;
    for (std::size_t u = 0; u < areas.size(); ++u) {
        const AreaLevel &area = areas[u];
        QVariantList row{context.unitName(int(u)), area.firms};
        for (int k = context.levelCount; k >= 1; --k) {
            row.append(area.perLevel[std::size_t(k)]);
            totals[std::size_t(k)] += area.perLevel[std::size_t(k)];
        }
        for (int k = context.levelCount; k >= 1; --k)
            row.append(percent(area.perLevel[std::size_t(k)], area.firms));
        row.append(area.level > 0 ? context.levelName(area.level) : QStringLiteral("无企业"));
        all += area.firms;
        table.rows.push_back(row);
    }
    QVariantList row{QStringLiteral("合计"), all};
    for (int k = context.levelCount; k >= 1; --k)
        row.append(totals[std::size_t(k)]);
    for (int k = context.levelCount; k >= 1; --k)
        row.append(percent(totals[std::size_t(k)], all));
    row.append(QString());
    table.rows.push_back(row);
    return table;
}

Table highRiskTable(const Inventory &inventory, const Context &context)
{
    const int top = context.levelCount;
    Table table;
    table.name = QStringLiteral("high_risk_by_township_sector");
    table.column(QStringLiteral("乡镇"), model::FieldType::String);
    table.column(QStringLiteral("行业类别"), model::FieldType::String);
    table.column(context.levelName(top), model::FieldType::Integer);
    table.column(context.levelName(top - 1), model::FieldType::Integer);
    table.column(QStringLiteral("合计"), model::FieldType::Integer);
    // unit → sector → counts of the two top levels; units in layer order, sectors sorted.
    std::vector<QMap<QString, std::pair<int, int>>> counts(std::size_t(context.unitNames.size()));
    QMap<QString, std::pair<int, int>> outside;
    for (const Firm &firm : inventory.firms) {
        if (firm.level < top - 1)
            continue;
        auto &bucket = firm.unit >= 0 ? counts[std::size_t(firm.unit)] : outside;
        auto &pair = bucket[firm.sector];
        (firm.level == top ? pair.first : pair.second) += 1;
    }
    int majors = 0;
    int considerable = 0;
    auto addRows = [&](const QString &unit, const QMap<QString, std::pair<int, int>> &bySector) {
        for (auto it = bySector.begin(); it != bySector.end(); ++it) {
            table.rows.push_back({unit, it.key(), it->first, it->second, it->first + it->second});
            majors += it->first;
            considerable += it->second;
        }
    };
    for (std::size_t u = 0; u < counts.size(); ++u)
        addRows(context.unitName(int(u)), counts[u]);
    addRows(QStringLiteral("（研究区内、单元外）"), outside);
    table.rows.push_back(
        {QStringLiteral("合计"), QString(), majors, considerable, majors + considerable});
    return table;
}

void changeColumns(Table &table, const Context &context)
{
    table.column(QStringLiteral("延续企业"), model::FieldType::Integer);
    table.column(QStringLiteral("降档"), model::FieldType::Integer);
    table.column(QStringLiteral("升档"), model::FieldType::Integer);
    table.column(QStringLiteral("不变"), model::FieldType::Integer);
    for (int k = context.levelCount; k >= 2; --k)
        table.column(QStringLiteral("出") % context.levelName(k), model::FieldType::Integer);
    table.column(QStringLiteral("新增"), model::FieldType::Integer);
    table.column(QStringLiteral("关闭"), model::FieldType::Integer);
}

QVariantList changeRow(const ChangeCounts &counts, const Context &context)
{
    QVariantList row{counts.continuing, counts.down, counts.up, counts.unchanged};
    for (int k = context.levelCount; k >= 2; --k)
        row.append(counts.leftLevel.empty() ? 0 : counts.leftLevel[std::size_t(k)]);
    row << counts.newFirms << counts.closedFirms;
    return row;
}

QString changeName(const FirmChange &change, bool raw)
{
    switch (change.kind) {
    case ChangeKind::New:
        return QStringLiteral("新增");
    case ChangeKind::Closed:
        return QStringLiteral("关闭");
    case ChangeKind::Continuing:
        break;
    }
    const int before = raw ? change.olderRawLevel : change.olderLevel;
    const int after = raw ? change.newerRawLevel : change.newerLevel;
    return after < before ? QStringLiteral("降档")
                          : (after > before ? QStringLiteral("升档") : QStringLiteral("不变"));
}

model::VectorLayer changeLayer(const Inventory &older, const Inventory &newer,
                               const std::vector<FirmChange> &changes, const Context &context)
{
    model::VectorLayer layer;
    layer.name = QStringLiteral("change_map");
    layer.crs = crs::cgcs2000();
    layer.geometryType = model::GeometryType::Point;
    const QStringList names{
        QStringLiteral("name"),       QStringLiteral("credit_code"), QStringLiteral("unit_name"),
        QStringLiteral("change"),     QStringLiteral("matched_by"),  QStringLiteral("old_level"),
        QStringLiteral("new_level"),  QStringLiteral("delta"),       QStringLiteral("old_name"),
        QStringLiteral("new_name"),   QStringLiteral("old_raw"),     QStringLiteral("new_raw"),
        QStringLiteral("raw_change"), QStringLiteral("color")};
    for (const QString &name : names) {
        const bool integer = name.endsWith(QLatin1String("_level")) ||
                             name == QLatin1String("delta") || name.endsWith(QLatin1String("_raw"));
        layer.fields.append(
            {name, integer ? model::FieldType::Integer : model::FieldType::String, 0, 0});
    }
    qint64 fid = 1;
    for (const FirmChange &change : changes) {
        const Firm *firm = change.newerIndex >= 0 ? &newer.firms[std::size_t(change.newerIndex)]
                                                  : &older.firms[std::size_t(change.olderIndex)];
        const bool continuing = change.kind == ChangeKind::Continuing;
        auto level = [](int value) {
            return value > 0 ? QVariant(value) : QVariant();
        };
        model::Feature feature;
        feature.fid = fid++;
        feature.attributes = {
            firm->name,
            firm->creditCode,
            context.unitName(firm->unit),
            changeName(change, false),
            change.matchedBy,
            level(change.olderLevel),
            level(change.newerLevel),
            continuing ? QVariant(change.newerLevel - change.olderLevel) : QVariant(),
            context.levelName(change.olderLevel),
            context.levelName(change.newerLevel),
            level(change.olderRawLevel),
            level(change.newerRawLevel),
            changeName(change, true),
            context.levelColour(change.kind == ChangeKind::Closed ? change.olderLevel
                                                                  : change.newerLevel)};
        feature.wkb = pointWkb(firm->lon, firm->lat);
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

// The three lists, highest level first, then by unit and file order.
void writeLists(Writer &writer, const Inventory &inventory, const Context &context)
{
    std::vector<const Firm *> order;
    for (const Firm &firm : inventory.firms)
        order.push_back(&firm);
    std::stable_sort(order.begin(), order.end(), [](const Firm *a, const Firm *b) {
        if (a->level != b->level)
            return a->level > b->level;
        return a->unit < b->unit;
    });
    auto cell = [&](const Firm *firm, const QString &role) {
        return inventory.cell(*firm, role);
    };

    Table risk;
    risk.name = QStringLiteral("风险清单");
    for (const QString &name :
         {QStringLiteral("序号"), QStringLiteral("企业名称"), QStringLiteral("统一社会信用代码"),
          QStringLiteral("所属乡镇"), QStringLiteral("行业类别"), QStringLiteral("风险点"),
          QStringLiteral("地址"), QStringLiteral("经度(CGCS2000)"),
          QStringLiteral("纬度(CGCS2000)"), QStringLiteral("风险值"), QStringLiteral("风险等级"),
          QStringLiteral("可能事故类型"), QStringLiteral("动态调整说明"),
          QStringLiteral("人工调整说明")}) {
        const bool number = name.startsWith(QStringLiteral("经度")) ||
                            name.startsWith(QStringLiteral("纬度")) ||
                            name == QStringLiteral("风险值");
        risk.column(name, name == QStringLiteral("序号") ? model::FieldType::Integer
                          : number                       ? model::FieldType::Real
                                                         : model::FieldType::String);
    }
    Table control;
    control.name = QStringLiteral("防控清单");
    for (const QString &name :
         {QStringLiteral("序号"), QStringLiteral("企业名称"), QStringLiteral("所属乡镇"),
          QStringLiteral("风险点"), QStringLiteral("风险等级"), QStringLiteral("可能事故类型"),
          QStringLiteral("管控措施"), QStringLiteral("责任部门"), QStringLiteral("责任人"),
          QStringLiteral("人工调整说明")})
        control.column(name, name == QStringLiteral("序号") ? model::FieldType::Integer
                                                            : model::FieldType::String);
    Table duty;
    duty.name = QStringLiteral("责任清单");
    for (const QString &name :
         {QStringLiteral("序号"), QStringLiteral("企业名称"), QStringLiteral("统一社会信用代码"),
          QStringLiteral("所属乡镇"), QStringLiteral("风险等级"), QStringLiteral("责任部门"),
          QStringLiteral("责任人"), QStringLiteral("联系电话"), QStringLiteral("人工调整说明")})
        duty.column(name, name == QStringLiteral("序号") ? model::FieldType::Integer
                                                         : model::FieldType::String);
    int number = 1;
    for (const Firm *firm : order) {
        const QString township =
            firm->unit >= 0 ? context.unitName(firm->unit) : cell(firm, QStringLiteral("township"));
        const QString level = context.levelName(firm->level);
        const QString override = overrideNote(*firm, context);
        risk.rows.push_back({number, firm->name, firm->creditCode, township, firm->sector,
                             cell(firm, QStringLiteral("risk_point")),
                             cell(firm, QStringLiteral("address")), firm->lon, firm->lat,
                             firm->score, level, cell(firm, QStringLiteral("accident_type")),
                             firm->adjustment, override});
        control.rows.push_back(
            {number, firm->name, township, cell(firm, QStringLiteral("risk_point")), level,
             cell(firm, QStringLiteral("accident_type")), cell(firm, QStringLiteral("measures")),
             cell(firm, QStringLiteral("department")), cell(firm, QStringLiteral("person")),
             override});
        duty.rows.push_back({number, firm->name, firm->creditCode, township, level,
                             cell(firm, QStringLiteral("department")),
                             cell(firm, QStringLiteral("person")),
                             cell(firm, QStringLiteral("phone")), override});
        ++number;
    }
    writer.layer(risk.layer(), QStringLiteral("lists/风险清单.xlsx"));
    writer.layer(control.layer(), QStringLiteral("lists/防控清单.xlsx"));
    writer.layer(duty.layer(), QStringLiteral("lists/责任清单.xlsx"));
}

// An existing folder is replaced only when it looks like an earlier run's output.
void checkOutput(const QString &outDir, bool overwrite)
{
    const QFileInfo info(outDir);
    if (info.exists()) {
        if (!overwrite)
            throw InputError({outDir}, QStringLiteral("the output folder exists; use --overwrite"));
        const bool empty = info.isDir() && QDir(outDir).isEmpty();
        if (!info.isDir() ||
            (!empty && !QFileInfo::exists(outDir % QStringLiteral("/enterprises.gpkg"))))
            throw InputError({outDir}, QStringLiteral("not replaced: it is not an earlier "
                                                      "enterprises output folder"));
    }
}

void prepareOutput(const QString &outDir, const QString &partial, bool overwrite)
{
    checkOutput(outDir, overwrite);
    if (QFileInfo::exists(partial))
        QDir(partial).removeRecursively();
    if (!QDir().mkpath(partial))
        throw ProcessingError({partial}, QStringLiteral("cannot create the folder"));
}

} // namespace

EnterpriseJobSummary runEnterpriseJob(const EnterpriseJobOptions &options, Feedback *feedback)
{
    const EnterpriseConfig config = loadEnterpriseConfig(options.configPath);
    const QString outDir = QDir::cleanPath(QFileInfo(options.outDir).absoluteFilePath());
    checkOutput(outDir, options.overwrite); // fail before the work, not after it
    const style::Palette palette = style::loadPalette(paletteIdFor(config.grading));
    const int levelCount = config.grading.levelCount;

    if (feedback)
        feedback->setStep(QStringLiteral("reading units"));
    const model::VectorLayer unitsRead = io::readLayer(config.unitsPath, {}, nullptr, feedback);
    const int nameIndex = model::fieldIndex(unitsRead.fields, config.unitNameField);
    if (nameIndex < 0) {
        throw InputError({config.sourcePath},
                         QStringLiteral("units.name_field: the units (%1) have "
                                        "no field \"%2\"")
                             .arg(config.unitsPath, config.unitNameField));
    }
    const UnitLocator units(unitsRead);
    std::unique_ptr<UnitLocator> studyArea;
    if (!config.studyAreaPath.isEmpty()) {
        studyArea = std::make_unique<UnitLocator>(
            io::readLayer(config.studyAreaPath, {}, nullptr, feedback));
    }
    Context context{config, palette, units.layer(), {}, levelCount};
    for (const model::Feature &feature : units.layer().features)
        context.unitNames.append(feature.attributes.value(nameIndex).toString());

    Inventory inventory =
        importInventory(config.inventoryPath, config, units, studyArea.get(), feedback);
    QStringList overrideWarnings;
    std::vector<OverrideOutcome> overrideOutcomes = applyLevelOverrides(
        inventory, options.levelOverrides, levelCount, config.sourcePath, overrideWarnings);
    std::unique_ptr<Inventory> older;
    const QString comparePath =
        options.comparePath.isEmpty() ? config.olderInventoryPath : options.comparePath;
    if (!comparePath.isEmpty()) {
        older = std::make_unique<Inventory>(
            importInventory(comparePath, config, units, studyArea.get(), feedback));
    }

    std::vector<model::VectorLayer> sites;
    QMap<QString, std::size_t> readBefore; // one layer may serve several kinds (filters)
    for (const SensitiveSiteSource &source : config.controlLines.sites) {
        if (feedback)
            feedback->setStep(QStringLiteral("reading %1").arg(source.path));
        const auto known = readBefore.constFind(source.path);
        if (known != readBefore.constEnd()) {
            sites.push_back(sites[*known]);
            continue;
        }
        readBefore.insert(source.path, sites.size());
        sites.push_back(io::readLayer(source.path, {}, nullptr, feedback));
    }
    const ControlLines lines =
        buildControlLines(inventory, config.controlLines, sites, palette, feedback);

    const QString partial = outDir % QStringLiteral(".partial");
    prepareOutput(outDir, partial, options.overwrite);
    Writer writer(partial, feedback);
    try {
        if (feedback)
            feedback->setStep(QStringLiteral("writing maps"));
        const model::VectorLayer points = pointLayer(inventory, context);
        writer.layer(points, QStringLiteral("enterprises.gpkg"));
        writer.layer(forShapefile(points, feedback), QStringLiteral("shp/enterprises.shp"));

        const std::vector<AreaLevel> areas = computeAreaLevels(
            inventory.firms, int(units.layer().features.size()), config.areaRule, levelCount);
        const model::VectorLayer area = areaRiskLayer(units.layer(), areas, palette, levelCount);
        writer.layer(area, QStringLiteral("area_map.gpkg"));
        writer.layer(forShapefile(area, feedback), QStringLiteral("shp/area_map.shp"));

        writer.layer(lines.lines, QStringLiteral("control_lines.gpkg"));
        writer.layer(forShapefile(lines.lines, feedback), QStringLiteral("shp/control_lines.shp"));

        if (feedback)
            feedback->setStep(QStringLiteral("writing tables"));
        writer.table(validationTable(inventory), QStringLiteral("validation_report"));
        if (older)
            writer.table(validationTable(*older), QStringLiteral("validation_report_compare"));
        writer.table(levelCountTable(inventory, context), QStringLiteral("tables/level_counts"));
        writer.table(levelShareTable(areas, context), QStringLiteral("tables/level_shares"));
        writer.table(highRiskTable(inventory, context),
                     QStringLiteral("tables/high_risk_by_township_sector"));

        Table siteTable;
        siteTable.name = QStringLiteral("sensitive_sites");
        for (const QString &name : {QStringLiteral("企业名称"), QStringLiteral("统一社会信用代码"),
                                    QStringLiteral("风险等级"), QStringLiteral("控制线距离(m)"),
                                    QStringLiteral("敏感目标类型"), QStringLiteral("敏感目标名称"),
                                    QStringLiteral("fid"), QStringLiteral("距离(m)")}) {
            const bool number = name.contains(QStringLiteral("(m)"));
            siteTable.column(name, number                         ? model::FieldType::Real
                                   : name == QLatin1String("fid") ? model::FieldType::Integer
                                                                  : model::FieldType::String);
        }
        for (const SiteInLine &site : lines.sites) {
            const Firm &firm = inventory.firms[std::size_t(site.firm)];
            siteTable.rows.push_back({firm.name, firm.creditCode, context.levelName(firm.level),
                                      config.controlLines.distanceFor(firm.sector, firm.level),
                                      site.kind, site.name, site.fid,
                                      std::round(site.distance * 10.0) / 10.0});
        }
        writer.table(siteTable, QStringLiteral("tables/sensitive_sites"));

        EnterpriseJobSummary summary;
        summary.levelCount = levelCount;
        for (int k = 1; k <= levelCount; ++k)
            summary.levelNames.append(context.levelName(k));
        summary.rows = inventory.rowCount;
        summary.firms = qsizetype(inventory.firms.size());
        summary.fatalRows = inventory.fatalRowCount();
        for (const ValidationIssue &issue : inventory.issues)
            summary.warnings += issue.fatal ? 0 : 1;
        summary.issues = inventory.issues;
        summary.rawCounts = levelCounts(inventory.firms, levelCount, true);
        summary.finalCounts = levelCounts(inventory.firms, levelCount, false);
        for (const Firm &firm : inventory.firms)
            summary.adjusted += modelLevelOf(firm) != firm.rawLevel ? 1 : 0;
        summary.overrides = std::move(overrideOutcomes);
        summary.overrideWarnings = overrideWarnings;
        summary.controlLines = int(lines.lines.features.size());
        summary.sitesInLines = int(lines.sites.size());

        if (older) {
            if (feedback)
                feedback->setStep(QStringLiteral("comparing surveys"));
            const std::vector<FirmChange> changes =
                compareSurveys(*older, inventory, config.matchDistance);
            std::vector<ChangeCounts> byUnit(std::size_t(context.unitNames.size()));
            ChangeCounts outside;
            for (const FirmChange &change : changes) {
                addChange(summary.finalChanges, change, false, levelCount);
                addChange(summary.rawChanges, change, true, levelCount);
                const Firm &firm = change.newerIndex >= 0
                                       ? inventory.firms[std::size_t(change.newerIndex)]
                                       : older->firms[std::size_t(change.olderIndex)];
                addChange(firm.unit >= 0 ? byUnit[std::size_t(firm.unit)] : outside, change, false,
                          levelCount);
            }
            Table byTownship;
            byTownship.name = QStringLiteral("comparison_by_township");
            byTownship.column(QStringLiteral("乡镇"), model::FieldType::String);
            changeColumns(byTownship, context);
            for (std::size_t u = 0; u < byUnit.size(); ++u) {
                byTownship.rows.push_back(QVariantList{context.unitName(int(u))} +
                                          changeRow(byUnit[u], context));
            }
            byTownship.rows.push_back(QVariantList{QStringLiteral("合计")} +
                                      changeRow(summary.finalChanges, context));
            writer.table(byTownship, QStringLiteral("tables/comparison_by_township"));
            Table overall;
            overall.name = QStringLiteral("comparison_summary");
            overall.column(QStringLiteral("口径"), model::FieldType::String);
            changeColumns(overall, context);
            overall.rows.push_back(QVariantList{QStringLiteral("动态调整后等级")} +
                                   changeRow(summary.finalChanges, context));
            overall.rows.push_back(QVariantList{QStringLiteral("评分定级（未调整）")} +
                                   changeRow(summary.rawChanges, context));
            writer.table(overall, QStringLiteral("tables/comparison_summary"));
            const model::VectorLayer change = changeLayer(*older, inventory, changes, context);
            writer.layer(change, QStringLiteral("change_map.gpkg"));
            writer.layer(forShapefile(change, feedback), QStringLiteral("shp/change_map.shp"));
            summary.compared = true;
            summary.olderFirms = qsizetype(older->firms.size());
            summary.olderFatalRows = older->fatalRowCount();
            summary.olderRawCounts = levelCounts(older->firms, levelCount, true);
            summary.olderFinalCounts = levelCounts(older->firms, levelCount, false);
        }

        if (feedback)
            feedback->setStep(QStringLiteral("writing lists"));
        writeLists(writer, inventory, context);

        QMap<QString, QString> resolved;
        for (auto it = inventory.columns.begin(); it != inventory.columns.end(); ++it)
            resolved.insert(it.key(), inventory.headers.at(it.value()));
        writer.text(enterpriseConfigToJson(config, resolved),
                    QStringLiteral("resolved_config.json"));

        summary.files = writer.files();
        if (feedback)
            feedback->throwIfCanceled();
        if (QFileInfo::exists(outDir) && !QDir(outDir).removeRecursively())
            throw ProcessingError({outDir}, QStringLiteral("cannot remove the old output"));
        if (!QDir().rename(partial, outDir))
            throw ProcessingError({outDir},
                                  QStringLiteral("cannot rename %1 into place").arg(partial));
        return summary;
    } catch (...) {
        QDir(partial).removeRecursively();
        throw;
    }
}

} // namespace riskatlas::enterprise
