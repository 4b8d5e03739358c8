// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/csv_table_reader.h"
#include "core/io/layer_reader.h"
#include "core/io/text_encoding.h"
#include "core/io/xlsx_table_reader.h"

#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::test;

namespace {

QString sample(const QString &name)
{
    return sampleDataPath(QStringLiteral("yongjia/") + name);
}

// Figures computed independently by tests/data/enterprise/sample_expected.py (command inside).
QJsonObject expected()
{
    QFile file(testDataPath(QStringLiteral("enterprise/sample_expected.json")));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

int cellInt(const io::TextTable &table, qsizetype row, const QString &column)
{
    const qsizetype index = table.headers.indexOf(column);
    EXPECT_GE(index, 0) << column.toStdString();
    return index < 0 ? -1 : table.rows.at(row).at(index).toInt();
}

// The H2 inventory with H1 as the older survey: the job runs once (about 15 s) and the checks
// below read its outputs.
QTemporaryDir *s_dir = nullptr;
QString s_out;
CliResult *s_result = nullptr;

QString out(const QString &relative)
{
    return s_out + u'/' + relative;
}

} // namespace

static void checkRunsAndWritesEveryProduct()
{
    ASSERT_EQ(s_result->exitCode, 0) << s_result->err.toStdString();
    for (const char *file : {"enterprises.gpkg",
                             "area_map.gpkg",
                             "control_lines.gpkg",
                             "change_map.gpkg",
                             "shp/enterprises.shp",
                             "shp/enterprises.cpg",
                             "shp/area_map.shp",
                             "shp/control_lines.shp",
                             "shp/change_map.shp",
                             "validation_report.csv",
                             "validation_report.xlsx",
                             "validation_report_compare.csv",
                             "tables/level_counts.csv",
                             "tables/level_shares.csv",
                             "tables/level_shares.xlsx",
                             "tables/high_risk_by_township_sector.csv",
                             "tables/comparison_summary.csv",
                             "tables/comparison_by_township.xlsx",
                             "tables/sensitive_sites.csv",
                             "lists/风险清单.xlsx",
                             "lists/防控清单.xlsx",
                             "lists/责任清单.xlsx",
                             "resolved_config.json"}) {
        EXPECT_TRUE(QFileInfo::exists(out(QString::fromUtf8(file)))) << file;
    }
    EXPECT_FALSE(QFileInfo::exists(s_out + QStringLiteral(".partial")));
    // An existing output is not replaced without --overwrite.
    const CliResult again =
        runCli({QStringLiteral("enterprises"), sample(QStringLiteral("enterprise_config.json")),
                QStringLiteral("-o"), s_out});
    EXPECT_EQ(again.exitCode, 2);
    EXPECT_TRUE(again.err.contains(QStringLiteral("--overwrite")));
}

static void checkValidationFindsNothingWrongInTheSample()
{
    ASSERT_EQ(s_result->exitCode, 0);
    EXPECT_EQ(io::readCsvTable(out(QStringLiteral("validation_report.csv"))).rows.size(), 0);
    EXPECT_EQ(io::readCsvTable(out(QStringLiteral("validation_report_compare.csv"))).rows.size(),
              0);
}

static void checkLevelCountsRawAndAdjusted()
{
    ASSERT_EQ(s_result->exitCode, 0);
    const QJsonObject h2 = expected()[QStringLiteral("H2")].toObject();
    const io::TextTable table = io::readCsvTable(out(QStringLiteral("tables/level_counts.csv")));
    ASSERT_EQ(table.rows.size(), 5); // 重大, 较大, 一般, 低, 合计
    for (int k = 1; k <= 4; ++k) {
        const qsizetype row = 4 - k;
        EXPECT_EQ(cellInt(table, row, QStringLiteral("level")), k);
        EXPECT_EQ(cellInt(table, row, QStringLiteral("评分定级数")),
                  h2[QStringLiteral("lec")].toArray()[k - 1].toInt())
            << k;
        EXPECT_EQ(cellInt(table, row, QStringLiteral("动态调整后数")),
                  h2[QStringLiteral("adjusted")].toArray()[k - 1].toInt())
            << k;
    }
    EXPECT_EQ(cellInt(table, 4, QStringLiteral("动态调整后数")), 6908);
    // The stated README figures for H1 by LEC alone appear in the summary.
    EXPECT_TRUE(s_result->out.contains(QStringLiteral("重大 226 / 较大 718 / 一般 2488 / 低 3568")))
        << s_result->out.toStdString();

    const model::VectorLayer points = io::readLayer(out(QStringLiteral("enterprises.gpkg")));
    ASSERT_EQ(points.features.size(), 6908u);
    EXPECT_EQ(points.crs.epsg(), 4490);
    const int adjustment = model::fieldIndex(points.fields, QStringLiteral("adjustment"));
    const int level = model::fieldIndex(points.fields, QStringLiteral("level"));
    const int raw = model::fieldIndex(points.fields, QStringLiteral("raw_level"));
    const int colour = model::fieldIndex(points.fields, QStringLiteral("color"));
    ASSERT_GE(adjustment, 0);
    int raised = 0;
    for (const model::Feature &feature : points.features) {
        const bool changed = feature.attributes[level].toInt() != feature.attributes[raw].toInt();
        raised += changed ? 1 : 0;
        EXPECT_EQ(changed, !feature.attributes[adjustment].toString().isEmpty());
        if (feature.attributes[level].toInt() == 4) {
            EXPECT_EQ(feature.attributes[colour].toString(), QStringLiteral("#E60000"));
        }
    }
    EXPECT_EQ(raised, h2[QStringLiteral("raised")].toInt());
}

static void checkAreaMapTakesTheHighestLevelOfItsFirms()
{
    ASSERT_EQ(s_result->exitCode, 0);
    const model::VectorLayer points = io::readLayer(out(QStringLiteral("enterprises.gpkg")));
    const model::VectorLayer area = io::readLayer(out(QStringLiteral("area_map.gpkg")));
    ASSERT_EQ(area.features.size(), 22u);
    const int unit = model::fieldIndex(points.fields, QStringLiteral("unit_name"));
    const int level = model::fieldIndex(points.fields, QStringLiteral("level"));
    QMap<QString, int> highest;
    QMap<QString, int> count;
    for (const model::Feature &feature : points.features) {
        const QString name = feature.attributes[unit].toString();
        highest[name] = std::max(highest.value(name), feature.attributes[level].toInt());
        ++count[name];
    }
    const int name = model::fieldIndex(area.fields, QStringLiteral("name"));
    const int firms = model::fieldIndex(area.fields, QStringLiteral("firms"));
    const int areaLevel = model::fieldIndex(area.fields, QStringLiteral("level"));
    const int share = model::fieldIndex(area.fields, QStringLiteral("share_l1"));
    int total = 0;
    for (const model::Feature &feature : area.features) {
        const QString township = feature.attributes[name].toString();
        EXPECT_EQ(feature.attributes[firms].toInt(), count.value(township))
            << township.toStdString();
        EXPECT_EQ(feature.attributes[areaLevel].toInt(), highest.value(township));
        EXPECT_GE(feature.attributes[share].toDouble(), 0.0);
        total += feature.attributes[firms].toInt();
    }
    EXPECT_EQ(total, 6908); // every firm lies in one township
}

static void checkSurveyComparisonReproducesTheStatedFigures()
{
    ASSERT_EQ(s_result->exitCode, 0);
    const io::TextTable table =
        io::readCsvTable(out(QStringLiteral("tables/comparison_summary.csv")));
    ASSERT_EQ(table.rows.size(), 2);
    // Row 0: after dynamic adjustment; row 1: by LEC score alone (the README's figures).
    const QJsonObject bases[] = {expected()[QStringLiteral("H1_to_H2_adjusted")].toObject(),
                                 expected()[QStringLiteral("H1_to_H2_lec")].toObject()};
    for (qsizetype row = 0; row < 2; ++row) {
        const QJsonObject &e = bases[row];
        EXPECT_EQ(cellInt(table, row, QStringLiteral("延续企业")),
                  e[QStringLiteral("continuing")].toInt());
        EXPECT_EQ(cellInt(table, row, QStringLiteral("降档")), e[QStringLiteral("down")].toInt());
        EXPECT_EQ(cellInt(table, row, QStringLiteral("升档")), e[QStringLiteral("up")].toInt());
        EXPECT_EQ(cellInt(table, row, QStringLiteral("新增")), e[QStringLiteral("new")].toInt());
        EXPECT_EQ(cellInt(table, row, QStringLiteral("关闭")), e[QStringLiteral("closed")].toInt());
        EXPECT_EQ(cellInt(table, row, QStringLiteral("出重大")),
                  e[QStringLiteral("left_major")].toInt());
        EXPECT_EQ(cellInt(table, row, QStringLiteral("出较大")),
                  e[QStringLiteral("left_considerable")].toInt());
        EXPECT_EQ(cellInt(table, row, QStringLiteral("出一般")),
                  e[QStringLiteral("left_moderate")].toInt());
    }
    // The README: 372 closed, 280 new, 1 021 of 6 628 moved down, 112 up (by score).
    EXPECT_EQ(cellInt(table, 1, QStringLiteral("降档")), 1021);
    EXPECT_EQ(cellInt(table, 1, QStringLiteral("升档")), 112);
    EXPECT_EQ(cellInt(table, 1, QStringLiteral("延续企业")), 6628);

    const io::TextTable townships =
        io::readCsvTable(out(QStringLiteral("tables/comparison_by_township.csv")));
    ASSERT_EQ(townships.rows.size(), 23); // 22 townships + 合计
    int down = 0;
    for (qsizetype row = 0; row < 22; ++row)
        down += cellInt(townships, row, QStringLiteral("降档"));
    EXPECT_EQ(down, cellInt(townships, 22, QStringLiteral("降档")));

    const model::VectorLayer change = io::readLayer(out(QStringLiteral("change_map.gpkg")));
    EXPECT_EQ(change.features.size(), 6908u + 372u);
}

static void checkListsAndControlLines()
{
    ASSERT_EQ(s_result->exitCode, 0);
    const io::TextTable risk = io::readXlsxTable(out(QStringLiteral("lists/风险清单.xlsx")));
    ASSERT_EQ(risk.rows.size(), 6908);
    EXPECT_TRUE(risk.headers.contains(QStringLiteral("可能事故类型")));
    EXPECT_EQ(risk.rows.first().at(risk.headers.indexOf(QStringLiteral("风险等级"))),
              QStringLiteral("重大")); // highest first
    const io::TextTable duty = io::readXlsxTable(out(QStringLiteral("lists/责任清单.xlsx")));
    EXPECT_TRUE(duty.headers.contains(QStringLiteral("责任人")));
    EXPECT_FALSE(duty.rows.first().at(duty.headers.indexOf(QStringLiteral("责任部门"))).isEmpty());
    const io::TextTable control = io::readXlsxTable(out(QStringLiteral("lists/防控清单.xlsx")));
    EXPECT_FALSE(
        control.rows.first().at(control.headers.indexOf(QStringLiteral("管控措施"))).isEmpty());

    // One control line per 重大 or 较大 firm after adjustment: 174 + 551 in H2.
    const model::VectorLayer lines = io::readLayer(out(QStringLiteral("control_lines.gpkg")));
    const QJsonArray adjusted =
        expected()[QStringLiteral("H2")].toObject()[QStringLiteral("adjusted")].toArray();
    EXPECT_EQ(int(lines.features.size()), adjusted[2].toInt() + adjusted[3].toInt());
    const io::TextTable sites = io::readCsvTable(out(QStringLiteral("tables/sensitive_sites.csv")));
    EXPECT_GT(sites.rows.size(), 0);
    const qsizetype distance = sites.headers.indexOf(QStringLiteral("距离(m)"));
    const qsizetype limit = sites.headers.indexOf(QStringLiteral("控制线距离(m)"));
    for (const QStringList &row : sites.rows)
        EXPECT_LE(row.at(distance).toDouble(), row.at(limit).toDouble());
}

// QGIS 3.22 reference (scripts/reference/enterprise_reference.py, command inside the JSON):
// its own GCJ-02/BD-09 inversion, township membership, buffers in EPSG:4549 and site distances.
static void checkSpatialFiguresAgreeWithQgis()
{
    ASSERT_EQ(s_result->exitCode, 0);
    QFile file(testDataPath(QStringLiteral("enterprise/qgis_reference.json")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonObject reference = QJsonDocument::fromJson(file.readAll()).object();

    const model::VectorLayer area = io::readLayer(out(QStringLiteral("area_map.gpkg")));
    const QJsonObject townships = reference[QStringLiteral("townships")].toObject();
    ASSERT_EQ(townships.size(), 22);
    const int name = model::fieldIndex(area.fields, QStringLiteral("name"));
    for (const model::Feature &feature : area.features) {
        const QString township = feature.attributes[name].toString();
        const QJsonArray counts = townships[township].toArray();
        ASSERT_EQ(counts.size(), 4) << township.toStdString();
        for (int k = 1; k <= 4; ++k) {
            const int index = model::fieldIndex(area.fields, QStringLiteral("n_l%1").arg(k));
            EXPECT_EQ(feature.attributes[index].toInt(), counts[k - 1].toInt())
                << township.toStdString() << " level " << k;
        }
    }

    const model::VectorLayer lines = io::readLayer(out(QStringLiteral("control_lines.gpkg")));
    EXPECT_EQ(int(lines.features.size()), reference[QStringLiteral("control_lines")].toInt());
    const QJsonObject perFirm = reference[QStringLiteral("sites_per_firm")].toObject();
    const int code = model::fieldIndex(lines.fields, QStringLiteral("统一社会信用代码"));
    const int sites = model::fieldIndex(lines.fields, QStringLiteral("sites"));
    ASSERT_GE(code, 0);
    for (const model::Feature &feature : lines.features) {
        const QString key = feature.attributes[code].toString();
        ASSERT_TRUE(perFirm.contains(key)) << key.toStdString();
        EXPECT_EQ(feature.attributes[sites].toInt(), perFirm[key].toInt()) << key.toStdString();
    }
    const io::TextTable table = io::readCsvTable(out(QStringLiteral("tables/sensitive_sites.csv")));
    QMap<QString, int> byKind;
    const qsizetype kind = table.headers.indexOf(QStringLiteral("敏感目标类型"));
    for (const QStringList &row : table.rows)
        ++byKind[row.at(kind)];
    const QJsonObject expectedKinds = reference[QStringLiteral("sites_by_kind")].toObject();
    for (auto it = expectedKinds.begin(); it != expectedKinds.end(); ++it)
        EXPECT_EQ(byKind.value(it.key()), it.value().toInt()) << it.key().toStdString();
}

TEST(EnterprisesSample, SampleJobProducts)
{
    QTemporaryDir dir;
    s_dir = &dir;
    s_out = dir.filePath(QStringLiteral("企业 四色图"));
    CliResult result =
        runCli({QStringLiteral("enterprises"), sample(QStringLiteral("enterprise_config.json")),
                QStringLiteral("-o"), s_out, QStringLiteral("--compare"),
                sample(QStringLiteral("enterprises_2025H1.csv"))},
               600000);
    s_result = &result;
    {
        SCOPED_TRACE("RunsAndWritesEveryProduct");
        checkRunsAndWritesEveryProduct();
    }
    {
        SCOPED_TRACE("ValidationFindsNothingWrongInTheSample");
        checkValidationFindsNothingWrongInTheSample();
    }
    {
        SCOPED_TRACE("LevelCountsRawAndAdjusted");
        checkLevelCountsRawAndAdjusted();
    }
    {
        SCOPED_TRACE("AreaMapTakesTheHighestLevelOfItsFirms");
        checkAreaMapTakesTheHighestLevelOfItsFirms();
    }
    {
        SCOPED_TRACE("SurveyComparisonReproducesTheStatedFigures");
        checkSurveyComparisonReproducesTheStatedFigures();
    }
    {
        SCOPED_TRACE("ListsAndControlLines");
        checkListsAndControlLines();
    }
    {
        SCOPED_TRACE("SpatialFiguresAgreeWithQgis");
        checkSpatialFiguresAgreeWithQgis();
    }
    s_result = nullptr;
    s_dir = nullptr;
}

namespace {

// A hostile GBK inventory inside the sample county: no 重大隐患未整改数 column, blank lines and
// one problem per bad row (line numbers in the comments; the header is line 1).
const char kHostile[] =
    "企业名称,统一社会信用代码,行业类别,经度,纬度,坐标系,L,E,C,一般隐患未整改数\n"
    "甲厂,91330324MA2L0000X9,机械加工,120.688283,28.130954,WGS84,3,6,7,0\n" // 2 good
    "\n"                                                                    // 3
    "乙厂,91330324MA2L0001XB,机械加工,120.685831,28.137952,WGS84,1,1,1,0\n" // 4 checksum
    "丙厂,91330324MA2L0002XB,电镀,28.127861,120.693067,WGS84,6,6,15,0\n"    // 5 swapped
    "丁厂,91330324MA2L0003XC,电镀,121.5,28.5,WGS84,1,1,1,0\n"               // 6 outside
    ",,,,,,,,,\n"                                                           // 7
    "甲厂分厂,91330324MA2L0000X9,机械加工,120.69,28.13,WGS84,1,1,1,0\n"     // 8 duplicate
    "戊厂,91330324MA2L0004XD,造船,120.69,28.13,WGS84,1,1,1,0\n"             // 9 sector
    "己厂,91330324MA2L0005XE,机械加工,120.69,28.13,WGS84,4,6,7,0\n";        // 10 L = 4

} // namespace

TEST(EnterprisesCli, HostileInventoryValidationReport)
{
    QTemporaryDir dir;
    const std::optional<QByteArray> gbk =
        io::encodeStrict(QString::fromUtf8(kHostile), QStringLiteral("GBK"));
    ASSERT_TRUE(gbk.has_value());
    QFile csv(dir.filePath(QStringLiteral("普查 清单.csv")));
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write(*gbk);
    csv.close();
    QFile config(dir.filePath(QStringLiteral("config.json")));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral(R"({"inventory": {"path": "普查 清单.csv",
                                    "sectors": ["机械加工", "电镀"]},
                     "units": {"path": "%1", "name_field": "name"}})")
                     .arg(sample(QStringLiteral("townships.shp")))
                     .toUtf8());
    config.close();
    const QString outDir = dir.filePath(QStringLiteral("out"));
    const CliResult result =
        runCli({QStringLiteral("enterprises"), config.fileName(), QStringLiteral("-o"), outDir});
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(result.out.contains(QStringLiteral("rows excluded: 3, warnings: 4")))
        << result.out.toStdString();
    const io::TextTable report =
        io::readCsvTable(outDir + QStringLiteral("/validation_report.csv"));
    const QStringList expected{QStringLiteral(":missing_column:警告"),
                               QStringLiteral("4:bad_credit_code:警告"),
                               QStringLiteral("5:swapped_coordinates:警告"),
                               QStringLiteral("6:outside_study_area:错误（已剔除）"),
                               QStringLiteral("8:duplicate_credit_code:错误（已剔除）"),
                               QStringLiteral("9:unknown_sector:警告"),
                               QStringLiteral("10:impossible_factor:错误（已剔除）")};
    QStringList found;
    for (const QStringList &row : report.rows)
        found.append(row.at(0) + u':' + row.at(2) + u':' + row.at(1));
    EXPECT_EQ(found, expected);
    // The XLSX report holds the same rows.
    EXPECT_EQ(io::readXlsxTable(outDir + QStringLiteral("/validation_report.xlsx")).rows.size(),
              report.rows.size());
    const model::VectorLayer points = io::readLayer(outDir + QStringLiteral("/enterprises.gpkg"));
    EXPECT_EQ(points.features.size(), 4u); // rows 2, 4, 5, 9
}

TEST(EnterprisesCli, MissingRequiredColumnIsBadInput)
{
    QTemporaryDir dir;
    QFile csv(dir.filePath(QStringLiteral("a.csv")));
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("企业名称,经度,纬度,L,E\n甲,120.69,28.13,1,1\n");
    csv.close();
    QFile config(dir.filePath(QStringLiteral("c.json")));
    ASSERT_TRUE(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral(R"({"inventory": {"path": "a.csv"},
                     "units": {"path": "%1", "name_field": "name"}})")
                     .arg(sample(QStringLiteral("townships.shp")))
                     .toUtf8());
    config.close();
    const QString outDir = dir.filePath(QStringLiteral("out"));
    const CliResult result =
        runCli({QStringLiteral("enterprises"), config.fileName(), QStringLiteral("-o"), outDir});
    EXPECT_EQ(result.exitCode, 2);
    EXPECT_TRUE(result.err.contains(QStringLiteral("a.csv"))) << result.err.toStdString();
    EXPECT_TRUE(result.err.contains(QStringLiteral("C (looked for")));
    EXPECT_FALSE(QFileInfo::exists(outDir));
    EXPECT_FALSE(QFileInfo::exists(outDir + QStringLiteral(".partial")));
}
