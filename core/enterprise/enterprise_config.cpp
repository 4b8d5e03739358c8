// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/enterprise_config.h"

#include "core/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace riskatlas::enterprise {

namespace {

// Reads typed values out of the JSON with the key path in every error.
class Reader
{
public:
    Reader(QString source, QString baseDir)
        : m_source(std::move(source))
        , m_baseDir(std::move(baseDir))
    {}

    [[noreturn]] void fail(const QString &key, const QString &message) const
    {
        throw InputError({m_source}, key % QStringLiteral(": ") % message);
    }

    QJsonObject object(const QJsonObject &parent, const QString &key, const QString &path,
                       bool required) const
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(path, QStringLiteral("missing (an object is required)"));
            return {};
        }
        if (!value.isObject())
            fail(path, QStringLiteral("must be an object"));
        return value.toObject();
    }

    QString string(const QJsonObject &parent, const QString &key, const QString &path,
                   bool required) const
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull()) {
            if (required)
                fail(path, QStringLiteral("missing (a text value is required)"));
            return {};
        }
        if (!value.isString())
            fail(path, QStringLiteral("must be a text value"));
        if (required && value.toString().trimmed().isEmpty())
            fail(path, QStringLiteral("must not be empty"));
        return value.toString().trimmed();
    }

    double number(const QJsonObject &parent, const QString &key, const QString &path,
                  double fallback) const
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            fail(path, QStringLiteral("must be a number"));
        return value.toDouble();
    }

    bool boolean(const QJsonObject &parent, const QString &key, const QString &path,
                 bool fallback) const
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull())
            return fallback;
        if (!value.isBool())
            fail(path, QStringLiteral("must be true or false"));
        return value.toBool();
    }

    QStringList strings(const QJsonObject &parent, const QString &key, const QString &path) const
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray())
            fail(path, QStringLiteral("must be an array of text values"));
        QStringList result;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString())
                fail(path % QStringLiteral("[%1]").arg(i), QStringLiteral("must be text"));
            result.append(array.at(i).toString().trimmed());
        }
        return result;
    }

    std::vector<double> thresholds(const QJsonObject &parent, const QString &key,
                                   const QString &path, std::vector<double> fallback,
                                   int levelCount) const
    {
        const QJsonValue value = parent.value(key);
        std::vector<double> result = std::move(fallback);
        if (!value.isUndefined() && !value.isNull()) {
            if (!value.isArray())
                fail(path, QStringLiteral("must be an array of numbers"));
            result.clear();
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (!array.at(i).isDouble())
                    fail(path % QStringLiteral("[%1]").arg(i), QStringLiteral("must be a number"));
                const double threshold = array.at(i).toDouble();
                if (!result.empty() && threshold <= result.back()) {
                    fail(path % QStringLiteral("[%1]").arg(i),
                         QStringLiteral("thresholds must be strictly ascending"));
                }
                result.push_back(threshold);
            }
        }
        if (int(result.size()) != levelCount - 1) {
            fail(path, QStringLiteral("needs %1 thresholds for %2 levels, has %3")
                           .arg(levelCount - 1)
                           .arg(levelCount)
                           .arg(result.size()));
        }
        return result;
    }

    // Resolves the file part of a GDAL-style spec ("FILE|layername=X") against the folder.
    QString path(const QString &spec) const
    {
        if (spec.isEmpty())
            return spec;
        const qsizetype bar = spec.indexOf(u'|');
        const QString file = bar < 0 ? spec : spec.left(bar);
        const QString rest = bar < 0 ? QString() : spec.mid(bar);
        const QString resolved =
            QFileInfo(file).isAbsolute() ? file : QDir::cleanPath(QDir(m_baseDir).filePath(file));
        return resolved + rest;
    }

    // Distances keyed by level name or number.
    QMap<int, double> distances(const QJsonObject &object, const QString &path,
                                int levelCount) const
    {
        QMap<int, double> result;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = path % u'.' % it.key();
            const std::optional<int> level = parseLevelText(it.key(), levelCount);
            if (!level)
                fail(key, QStringLiteral("is not a risk level (重大, 较大, 一般, 低 or 1–%1)")
                              .arg(levelCount));
            if (!it.value().isDouble() || it.value().toDouble() < 0)
                fail(key, QStringLiteral("must be a distance in metres ≥ 0"));
            result.insert(*level, it.value().toDouble());
        }
        return result;
    }

private:
    QString m_source;
    QString m_baseDir;
};

QString methodName(GradingMethod method)
{
    switch (method) {
    case GradingMethod::Lec:
        return QStringLiteral("lec");
    case GradingMethod::Matrix:
        return QStringLiteral("matrix");
    case GradingMethod::LevelColumn:
        return QStringLiteral("column");
    }
    return {};
}

QJsonArray toArray(const std::vector<double> &values)
{
    QJsonArray array;
    for (double value : values)
        array.append(value);
    return array;
}

QJsonObject distancesToJson(const QMap<int, double> &distances)
{
    QJsonObject object;
    for (auto it = distances.begin(); it != distances.end(); ++it)
        object.insert(QString::number(it.key()), it.value());
    return object;
}

} // namespace

double ControlLineRules::distanceFor(const QString &sector, int level) const
{
    const auto bySector = sectorDistances.constFind(sector);
    if (bySector != sectorDistances.constEnd() && bySector->contains(level))
        return bySector->value(level);
    return distances.value(level, 0.0);
}

const QStringList &columnRoles()
{
    static const QStringList roles{QStringLiteral("name"),
                                   QStringLiteral("credit_code"),
                                   QStringLiteral("sector"),
                                   QStringLiteral("lon"),
                                   QStringLiteral("lat"),
                                   QStringLiteral("crs"),
                                   QStringLiteral("township"),
                                   QStringLiteral("address"),
                                   QStringLiteral("risk_point"),
                                   QStringLiteral("accident_type"),
                                   QStringLiteral("L"),
                                   QStringLiteral("E"),
                                   QStringLiteral("C"),
                                   QStringLiteral("likelihood"),
                                   QStringLiteral("severity"),
                                   QStringLiteral("level"),
                                   QStringLiteral("major_hazards"),
                                   QStringLiteral("general_hazards"),
                                   QStringLiteral("measures"),
                                   QStringLiteral("department"),
                                   QStringLiteral("person"),
                                   QStringLiteral("phone")};
    return roles;
}

QStringList defaultColumnNames(const QString &role)
{
    static const QMap<QString, QStringList> defaults{
        {QStringLiteral("name"),
         {QStringLiteral("企业名称"), QStringLiteral("单位名称"),
          QStringLiteral("企业（单位）名称"), QStringLiteral("名称")}},
        {QStringLiteral("credit_code"),
         {QStringLiteral("统一社会信用代码"), QStringLiteral("社会信用代码"),
          QStringLiteral("信用代码")}},
        {QStringLiteral("sector"),
         {QStringLiteral("行业类别"), QStringLiteral("行业"), QStringLiteral("所属行业"),
          QStringLiteral("行业分类")}},
        {QStringLiteral("lon"),
         {QStringLiteral("经度"), QStringLiteral("东经"), QStringLiteral("lon"),
          QStringLiteral("lng"), QStringLiteral("longitude")}},
        {QStringLiteral("lat"),
         {QStringLiteral("纬度"), QStringLiteral("北纬"), QStringLiteral("lat"),
          QStringLiteral("latitude")}},
        {QStringLiteral("crs"),
         {QStringLiteral("坐标系"), QStringLiteral("坐标类型"), QStringLiteral("坐标系统")}},
        {QStringLiteral("township"),
         {QStringLiteral("所属乡镇"), QStringLiteral("乡镇"), QStringLiteral("乡镇（街道）"),
          QStringLiteral("所在乡镇")}},
        {QStringLiteral("address"),
         {QStringLiteral("地址"), QStringLiteral("企业地址"), QStringLiteral("详细地址")}},
        {QStringLiteral("risk_point"),
         {QStringLiteral("风险点"), QStringLiteral("风险点名称"), QStringLiteral("风险源")}},
        {QStringLiteral("accident_type"),
         {QStringLiteral("可能事故类型"), QStringLiteral("事故类型"),
          QStringLiteral("可能导致的事故类型")}},
        {QStringLiteral("L"), {QStringLiteral("L"), QStringLiteral("可能性L")}},
        {QStringLiteral("E"), {QStringLiteral("E"), QStringLiteral("暴露频率E")}},
        {QStringLiteral("C"), {QStringLiteral("C"), QStringLiteral("后果C")}},
        {QStringLiteral("likelihood"), {QStringLiteral("可能性"), QStringLiteral("likelihood")}},
        {QStringLiteral("severity"),
         {QStringLiteral("严重性"), QStringLiteral("严重程度"), QStringLiteral("severity")}},
        {QStringLiteral("level"),
         {QStringLiteral("风险等级"), QStringLiteral("等级"), QStringLiteral("level")}},
        {QStringLiteral("major_hazards"),
         {QStringLiteral("重大隐患未整改数"), QStringLiteral("未整改重大隐患")}},
        {QStringLiteral("general_hazards"),
         {QStringLiteral("一般隐患未整改数"), QStringLiteral("未整改一般隐患")}},
        {QStringLiteral("measures"),
         {QStringLiteral("管控措施"), QStringLiteral("防控措施"), QStringLiteral("主要管控措施")}},
        {QStringLiteral("department"),
         {QStringLiteral("责任部门"), QStringLiteral("监管部门"), QStringLiteral("行业主管部门")}},
        {QStringLiteral("person"), {QStringLiteral("责任人"), QStringLiteral("企业负责人")}},
        {QStringLiteral("phone"), {QStringLiteral("联系电话"), QStringLiteral("电话")}},
    };
    return defaults.value(role);
}

QString areaRuleName(AreaRule rule)
{
    switch (rule) {
    case AreaRule::Highest:
        return QStringLiteral("highest");
    case AreaRule::Majority:
        return QStringLiteral("majority");
    case AreaRule::ScoreWeighted:
        return QStringLiteral("score_weighted");
    }
    return {};
}

EnterpriseConfig parseEnterpriseConfig(const QByteArray &json, const QString &source,
                                       const QString &baseDir)
{
    const Reader reader(source, baseDir);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        throw InputError({source}, QStringLiteral("malformed JSON at offset %1: %2")
                                       .arg(parseError.offset)
                                       .arg(parseError.errorString()));
    }
    if (!document.isObject())
        throw InputError({source}, QStringLiteral("the configuration must be a JSON object"));
    const QJsonObject root = document.object();

    EnterpriseConfig config;
    config.sourcePath = source;

    const QJsonObject inventory =
        reader.object(root, QStringLiteral("inventory"), QStringLiteral("inventory"), true);
    config.inventoryPath = reader.path(
        reader.string(inventory, QStringLiteral("path"), QStringLiteral("inventory.path"), true));
    config.inventoryEncoding = reader.string(inventory, QStringLiteral("encoding"),
                                             QStringLiteral("inventory.encoding"), false);
    config.inventorySheet =
        reader.string(inventory, QStringLiteral("sheet"), QStringLiteral("inventory.sheet"), false);
    config.sectors =
        reader.strings(inventory, QStringLiteral("sectors"), QStringLiteral("inventory.sectors"));

    const QJsonObject columns =
        reader.object(root, QStringLiteral("columns"), QStringLiteral("columns"), false);
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const QString key = QStringLiteral("columns.") % it.key();
        if (!columnRoles().contains(it.key())) {
            reader.fail(key, QStringLiteral("unknown column role; the roles are ") %
                                 columnRoles().join(QStringLiteral(", ")));
        }
        if (!it.value().isString())
            reader.fail(key, QStringLiteral("must be a column header (text)"));
        if (!it.value().toString().trimmed().isEmpty())
            config.columns.insert(it.key(), it.value().toString().trimmed());
    }

    const QJsonObject grading =
        reader.object(root, QStringLiteral("grading"), QStringLiteral("grading"), false);
    const QString method =
        reader.string(grading, QStringLiteral("method"), QStringLiteral("grading.method"), false);
    if (method.isEmpty() || method == QLatin1String("lec"))
        config.grading.method = GradingMethod::Lec;
    else if (method == QLatin1String("matrix"))
        config.grading.method = GradingMethod::Matrix;
    else if (method == QLatin1String("column"))
        config.grading.method = GradingMethod::LevelColumn;
    else
        reader.fail(QStringLiteral("grading.method"),
                    QStringLiteral("\"%1\" is not lec, matrix or column").arg(method));
    const double levels =
        reader.number(grading, QStringLiteral("levels"), QStringLiteral("grading.levels"), 4);
    if (levels != 4 && levels != 5)
        reader.fail(QStringLiteral("grading.levels"), QStringLiteral("must be 4 or 5"));
    config.grading.levelCount = int(levels);
    const std::vector<double> fiveLec{20, 70, 160, 320};
    const std::vector<double> fiveMatrix{2, 4, 8, 12};
    const bool five = config.grading.levelCount == 5;
    config.grading.lecThresholds = reader.thresholds(
        grading, QStringLiteral("lec_thresholds"), QStringLiteral("grading.lec_thresholds"),
        five ? fiveLec : config.grading.lecThresholds, config.grading.levelCount);
    config.grading.matrixThresholds = reader.thresholds(
        grading, QStringLiteral("matrix_thresholds"), QStringLiteral("grading.matrix_thresholds"),
        five ? fiveMatrix : config.grading.matrixThresholds, config.grading.levelCount);
    config.grading.standardLecValues =
        reader.boolean(grading, QStringLiteral("standard_lec_values"),
                       QStringLiteral("grading.standard_lec_values"), true);
    const QJsonObject dynamic = reader.object(grading, QStringLiteral("dynamic_adjustment"),
                                              QStringLiteral("grading.dynamic_adjustment"), false);
    config.grading.dynamicAdjustment =
        reader.boolean(dynamic, QStringLiteral("enabled"),
                       QStringLiteral("grading.dynamic_adjustment.enabled"), true);
    config.grading.majorHazardToTop =
        reader.boolean(dynamic, QStringLiteral("major_hazard_to_top"),
                       QStringLiteral("grading.dynamic_adjustment.major_hazard_to_top"), true);
    const double threshold =
        reader.number(dynamic, QStringLiteral("general_hazard_threshold"),
                      QStringLiteral("grading.dynamic_adjustment.general_hazard_threshold"), 5);
    if (threshold < 0 || threshold != std::floor(threshold))
        reader.fail(QStringLiteral("grading.dynamic_adjustment.general_hazard_threshold"),
                    QStringLiteral("must be a whole number ≥ 0 (0 turns the rule off)"));
    config.grading.generalHazardThreshold = int(threshold);

    const QJsonObject units =
        reader.object(root, QStringLiteral("units"), QStringLiteral("units"), true);
    config.unitsPath = reader.path(
        reader.string(units, QStringLiteral("path"), QStringLiteral("units.path"), true));
    config.unitNameField = reader.string(units, QStringLiteral("name_field"),
                                         QStringLiteral("units.name_field"), true);
    config.unitCodeField = reader.string(units, QStringLiteral("code_field"),
                                         QStringLiteral("units.code_field"), false);
    const QString rule =
        reader.string(units, QStringLiteral("rule"), QStringLiteral("units.rule"), false);
    if (rule.isEmpty() || rule == QLatin1String("highest"))
        config.areaRule = AreaRule::Highest;
    else if (rule == QLatin1String("majority"))
        config.areaRule = AreaRule::Majority;
    else if (rule == QLatin1String("score_weighted"))
        config.areaRule = AreaRule::ScoreWeighted;
    else
        reader.fail(QStringLiteral("units.rule"),
                    QStringLiteral("\"%1\" is not highest, majority or score_weighted").arg(rule));
    config.studyAreaPath = reader.path(reader.string(units, QStringLiteral("study_area"),
                                                     QStringLiteral("units.study_area"), false));

    const QJsonObject lines = reader.object(root, QStringLiteral("control_lines"),
                                            QStringLiteral("control_lines"), false);
    if (lines.contains(QStringLiteral("distances"))) {
        config.controlLines.distances =
            reader.distances(reader.object(lines, QStringLiteral("distances"),
                                           QStringLiteral("control_lines.distances"), true),
                             QStringLiteral("control_lines.distances"), config.grading.levelCount);
    } else {
        config.controlLines.distances = {{config.grading.levelCount, 500.0},
                                         {config.grading.levelCount - 1, 300.0}};
    }
    const QJsonObject bySector = reader.object(lines, QStringLiteral("by_sector"),
                                               QStringLiteral("control_lines.by_sector"), false);
    for (auto it = bySector.begin(); it != bySector.end(); ++it) {
        const QString key = QStringLiteral("control_lines.by_sector.") % it.key();
        if (!it.value().isObject())
            reader.fail(key, QStringLiteral("must be an object of level → metres"));
        config.controlLines.sectorDistances.insert(
            it.key(), reader.distances(it.value().toObject(), key, config.grading.levelCount));
    }
    const QJsonValue sites = lines.value(QStringLiteral("sensitive_sites"));
    if (!sites.isUndefined() && !sites.isNull()) {
        if (!sites.isArray())
            reader.fail(QStringLiteral("control_lines.sensitive_sites"),
                        QStringLiteral("must be an array of objects"));
        const QJsonArray array = sites.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString key = QStringLiteral("control_lines.sensitive_sites[%1]").arg(i);
            if (!array.at(i).isObject())
                reader.fail(key, QStringLiteral("must be an object"));
            const QJsonObject site = array.at(i).toObject();
            SensitiveSiteSource source;
            source.path = reader.path(
                reader.string(site, QStringLiteral("path"), key % QStringLiteral(".path"), true));
            source.kind =
                reader.string(site, QStringLiteral("kind"), key % QStringLiteral(".kind"), true);
            source.nameField = reader.string(site, QStringLiteral("name_field"),
                                             key % QStringLiteral(".name_field"), false);
            source.filterField = reader.string(site, QStringLiteral("filter_field"),
                                               key % QStringLiteral(".filter_field"), false);
            source.filterValues = reader.strings(site, QStringLiteral("filter_values"),
                                                 key % QStringLiteral(".filter_values"));
            config.controlLines.sites.push_back(source);
        }
    }

    const QJsonObject comparison =
        reader.object(root, QStringLiteral("comparison"), QStringLiteral("comparison"), false);
    config.matchDistance = reader.number(comparison, QStringLiteral("match_distance_m"),
                                         QStringLiteral("comparison.match_distance_m"), 100);
    if (config.matchDistance < 0)
        reader.fail(QStringLiteral("comparison.match_distance_m"), QStringLiteral("must be ≥ 0"));
    config.olderInventoryPath =
        reader.path(reader.string(comparison, QStringLiteral("older_inventory"),
                                  QStringLiteral("comparison.older_inventory"), false));
    return config;
}

EnterpriseConfig loadEnterpriseConfig(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(
            {path}, QStringLiteral("cannot read the configuration: %1").arg(file.errorString()));
    return parseEnterpriseConfig(file.readAll(), path, QFileInfo(path).absolutePath());
}

QByteArray enterpriseConfigToJson(const EnterpriseConfig &config,
                                  const QMap<QString, QString> &resolvedColumns)
{
    QJsonObject root;
    QJsonObject inventory{{QStringLiteral("path"), config.inventoryPath}};
    if (!config.inventoryEncoding.isEmpty())
        inventory.insert(QStringLiteral("encoding"), config.inventoryEncoding);
    if (!config.inventorySheet.isEmpty())
        inventory.insert(QStringLiteral("sheet"), config.inventorySheet);
    if (!config.sectors.isEmpty())
        inventory.insert(QStringLiteral("sectors"), QJsonArray::fromStringList(config.sectors));
    root.insert(QStringLiteral("inventory"), inventory);
    QJsonObject columns;
    for (auto it = resolvedColumns.begin(); it != resolvedColumns.end(); ++it)
        columns.insert(it.key(), it.value());
    root.insert(QStringLiteral("columns"), columns);
    const GradingRules &rules = config.grading;
    root.insert(
        QStringLiteral("grading"),
        QJsonObject{{QStringLiteral("method"), methodName(rules.method)},
                    {QStringLiteral("levels"), rules.levelCount},
                    {QStringLiteral("lec_thresholds"), toArray(rules.lecThresholds)},
                    {QStringLiteral("matrix_thresholds"), toArray(rules.matrixThresholds)},
                    {QStringLiteral("standard_lec_values"), rules.standardLecValues},
                    {QStringLiteral("dynamic_adjustment"),
                     QJsonObject{{QStringLiteral("enabled"), rules.dynamicAdjustment},
                                 {QStringLiteral("major_hazard_to_top"), rules.majorHazardToTop},
                                 {QStringLiteral("general_hazard_threshold"),
                                  rules.generalHazardThreshold}}}});
    QJsonObject units{{QStringLiteral("path"), config.unitsPath},
                      {QStringLiteral("name_field"), config.unitNameField},
                      {QStringLiteral("rule"), areaRuleName(config.areaRule)}};
    if (!config.unitCodeField.isEmpty())
        units.insert(QStringLiteral("code_field"), config.unitCodeField);
    if (!config.studyAreaPath.isEmpty())
        units.insert(QStringLiteral("study_area"), config.studyAreaPath);
    root.insert(QStringLiteral("units"), units);
    QJsonObject bySector;
    for (auto it = config.controlLines.sectorDistances.begin();
         it != config.controlLines.sectorDistances.end(); ++it)
        bySector.insert(it.key(), distancesToJson(it.value()));
    QJsonArray sites;
    for (const SensitiveSiteSource &site : config.controlLines.sites) {
        QJsonObject object{{QStringLiteral("path"), site.path},
                           {QStringLiteral("kind"), site.kind}};
        if (!site.nameField.isEmpty())
            object.insert(QStringLiteral("name_field"), site.nameField);
        if (!site.filterField.isEmpty()) {
            object.insert(QStringLiteral("filter_field"), site.filterField);
            object.insert(QStringLiteral("filter_values"),
                          QJsonArray::fromStringList(site.filterValues));
        }
        sites.append(object);
    }
    root.insert(
        QStringLiteral("control_lines"),
        QJsonObject{{QStringLiteral("distances"), distancesToJson(config.controlLines.distances)},
                    {QStringLiteral("by_sector"), bySector},
                    {QStringLiteral("sensitive_sites"), sites}});
    QJsonObject comparison{{QStringLiteral("match_distance_m"), config.matchDistance}};
    if (!config.olderInventoryPath.isEmpty())
        comparison.insert(QStringLiteral("older_inventory"), config.olderInventoryPath);
    root.insert(QStringLiteral("comparison"), comparison);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace riskatlas::enterprise
