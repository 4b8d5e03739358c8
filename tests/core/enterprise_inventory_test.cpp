// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/enterprise_config.h"
#include "core/enterprise/enterprise_inventory.h"
#include "core/enterprise/unit_locator.h"
#include "core/error.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_writer.h"
#include "core/io/text_encoding.h"

#include "support/test_support.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTranslator>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::enterprise;

namespace {

// Two townships splitting the square 120–121° E × 28–29° N at 120.5° E.
model::VectorLayer twoUnits()
{
    geos::Context context;
    model::VectorLayer units;
    units.name = QStringLiteral("units");
    units.crs = crs::cgcs2000();
    units.geometryType = model::GeometryType::Polygon;
    units.fields = {{QStringLiteral("name"), model::FieldType::String, 0, 0}};
    units.features.push_back(
        {0,
         {QStringLiteral("西乡")},
         geos::toWkb(context,
                     geos::fromWkt(context, QStringLiteral("POLYGON((120 28,120.5 28,120.5 29,120 "
                                                           "29,120 28))"))
                         .get())});
    units.features.push_back(
        {1,
         {QStringLiteral("东镇")},
         geos::toWkb(context,
                     geos::fromWkt(context, QStringLiteral("POLYGON((120.5 28,121 28,121 29,120.5 "
                                                           "29,120.5 28))"))
                         .get())});
    return units;
}

// The hostile inventory: no 重大隐患未整改数 column, blank lines, and one problem per bad row.
const char kHostile[] =
    "企业名称,统一社会信用代码,行业类别,经度,纬度,坐标系,L,E,C,一般隐患未整改数\n" // 1
    "甲厂,91330324MA2L0000X9,机械加工,120.2,28.3,WGS84,3,6,7,0\n"                  // 2 good
    "\n"                                                                           // 3
    "乙厂,91330324MA2L0001XB,机械加工,120.6,28.4,GCJ-02,1,1,1,0\n"                 // 4 checksum
    "丙厂,91330324MA2L0002XB,电镀,28.5,120.7,WGS84,6,6,15,0\n"                     // 5 swapped
    "丁厂,91330324MA2L0003XC,电镀,121.5,28.5,WGS84,1,1,1,0\n"                      // 6 outside
    "甲厂分厂,91330324MA2L0000X9,机械加工,120.3,28.3,WGS84,1,1,1,0\n"              // 7 duplicate
    "戊厂,91330324MA2L0004XD,造船,120.4,28.6,BD-09,1,1,1,0\n"                      // 8 sector
    "己厂,91330324MA2L0005XE,机械加工,120.4,28.6,WGS84,4,6,7,0\n"                  // 9 L = 4
    "庚厂,91330324MA2L0006XF,机械加工,,28.6,WGS84,1,1,1,0\n"                       // 10 no lon
    ",,,,,,,,,\n"                                                                  // 11
    "辛厂,91330324MA2L0007XG,机械加工,120.4,二十八,WGS84,1,1,1,0\n"                // 12 lat text
    "壬厂,91350100M000100Y43,机械加工,120.8,28.8,wgs84,3,6,7,6\n"                  // 13 raised
    "癸厂,91330324MA2L0008XH,机械加工,120.8,28.8,北京54,1,1,1,0\n"                 // 14 system
    "子厂,91330324MA2L0009XJ,机械加工,120.9,28.9,WGS84,1,1,1,-1\n";                // 15 count

EnterpriseConfig config()
{
    EnterpriseConfig config;
    config.sectors = {QStringLiteral("机械加工"), QStringLiteral("电镀")};
    return config;
}

struct Expected
{
    qint64 row;
    const char *code;
    bool fatal;
};

void expectIssues(const Inventory &inventory)
{
    const Expected expected[] = {
        {0, "missing_column", false},          {4, "bad_credit_code", false},
        {5, "swapped_coordinates", false},     {6, "outside_study_area", true},
        {7, "duplicate_credit_code", true},    {8, "unknown_sector", false},
        {9, "impossible_factor", true},        {10, "missing_coordinates", true},
        {12, "non_numeric_coordinates", true}, {14, "unknown_coordinate_system", true},
        {15, "impossible_hazard_count", true},
    };
    ASSERT_EQ(inventory.issues.size(), std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        const ValidationIssue &issue = inventory.issues[i];
        EXPECT_EQ(issue.row, expected[i].row) << i;
        EXPECT_EQ(issue.code, QString::fromUtf8(expected[i].code)) << i;
        EXPECT_EQ(issue.fatal, expected[i].fatal) << i;
        EXPECT_FALSE(issue.message.isEmpty());
    }
    EXPECT_EQ(inventory.issues[0].column, QStringLiteral("重大隐患未整改数, 未整改重大隐患"));
    EXPECT_EQ(inventory.issues[1].column, QStringLiteral("统一社会信用代码"));
    EXPECT_TRUE(inventory.issues[1].message.contains(u'A')); // the right check character
    EXPECT_TRUE(inventory.issues[3].message.contains(QStringLiteral("研究区")));
    EXPECT_TRUE(inventory.issues[4].message.contains(QStringLiteral("第2行")));
    EXPECT_EQ(inventory.issues[6].column, QStringLiteral("L"));
    EXPECT_EQ(inventory.issues[6].value, QStringLiteral("4"));
    EXPECT_EQ(inventory.issues[7].column, QStringLiteral("经度"));
    EXPECT_EQ(inventory.issues[8].value, QStringLiteral("二十八"));
    EXPECT_EQ(inventory.issues[9].value, QStringLiteral("北京54"));
    EXPECT_EQ(inventory.issues[10].value, QStringLiteral("-1"));
    EXPECT_EQ(inventory.fatalRowCount(), 7);

    // 12 data rows (lines 3 and 11 are blank): 7 excluded, 5 kept in file order.
    EXPECT_EQ(inventory.rowCount, 12);
    ASSERT_EQ(inventory.firms.size(), 5u);
    const Firm &jia = inventory.firms[0];
    EXPECT_EQ(jia.row, 2);
    EXPECT_DOUBLE_EQ(jia.score, 126.0); // 3 × 6 × 7
    EXPECT_EQ(jia.level, 2);
    EXPECT_EQ(jia.unit, 0);
    const Firm &yi = inventory.firms[1]; // GCJ-02 converted: WGS84 lies west and south of it
    EXPECT_FALSE(yi.creditCodeValid);
    EXPECT_EQ(yi.sourceSystem, QStringLiteral("GCJ-02"));
    EXPECT_LT(yi.lon, 120.6);
    EXPECT_GT(yi.lon, 120.59);
    EXPECT_EQ(yi.unit, 1);
    const Firm &bing = inventory.firms[2]; // swapped back, D = 540 → 重大
    EXPECT_DOUBLE_EQ(bing.lon, 120.7);
    EXPECT_DOUBLE_EQ(bing.lat, 28.5);
    EXPECT_EQ(bing.level, 4);
    EXPECT_EQ(inventory.firms[3].name, QStringLiteral("戊厂"));
    EXPECT_EQ(inventory.firms[3].sourceSystem, QStringLiteral("BD-09"));
    const Firm &ren = inventory.firms[4]; // 6 unrectified general dangers ≥ 5: 一般 → 较大
    EXPECT_EQ(ren.row, 13);
    EXPECT_EQ(ren.rawLevel, 2);
    EXPECT_EQ(ren.level, 3);
    EXPECT_FALSE(ren.adjustment.isEmpty());
}

QString writeFixture(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

} // namespace

TEST(EnterpriseInventory, HostileGbkInventoryReportsExactlyTheBadRows)
{
    QTemporaryDir dir;
    const std::optional<QByteArray> gbk =
        io::encodeStrict(QString::fromUtf8(kHostile), QStringLiteral("GBK"));
    ASSERT_TRUE(gbk.has_value());
    const QString path = writeFixture(dir, QStringLiteral("企业 清单_gbk.csv"), *gbk);
    const UnitLocator units(twoUnits());
    const Inventory inventory = importInventory(path, config(), units, nullptr);
    EXPECT_EQ(inventory.encoding, QStringLiteral("GBK"));
    expectIssues(inventory);
}

TEST(EnterpriseInventory, SameReportFromUtf8WithBom)
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir, QStringLiteral("企业清单.csv"),
                                      QByteArray("\xEF\xBB\xBF") + QByteArray(kHostile));
    const UnitLocator units(twoUnits());
    const Inventory inventory = importInventory(path, config(), units, nullptr);
    EXPECT_EQ(inventory.encoding, QStringLiteral("UTF-8"));
    expectIssues(inventory);
}

TEST(EnterpriseInventory, StudyAreaApartFromUnits)
{
    // Only the western unit is the study area: 乙厂 (east) falls outside it too.
    QTemporaryDir dir;
    const QString path = writeFixture(dir, QStringLiteral("a.csv"), QByteArray(kHostile));
    const UnitLocator units(twoUnits());
    model::VectorLayer west = twoUnits();
    west.features.pop_back();
    const UnitLocator studyArea(west);
    const Inventory inventory = importInventory(path, config(), units, &studyArea);
    qsizetype outside = 0;
    for (const ValidationIssue &issue : inventory.issues)
        outside += issue.code == QLatin1String("outside_study_area") ? 1 : 0;
    EXPECT_EQ(outside, 5); // rows 4, 5, 6, 13 and 15; the BD-09 row 8 stays west (≈120.39)
}

TEST(EnterpriseInventory, MissingRequiredColumnNamesIt)
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir, QStringLiteral("b.csv"),
                                      QByteArray("企业名称,纬度,L,E,C\n甲,28.5,1,1,1\n"));
    const UnitLocator units(twoUnits());
    try {
        importInventory(path, config(), units, nullptr);
        FAIL() << "no error";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.formatted().contains(QStringLiteral("经度")))
            << error.formatted().toStdString();
        EXPECT_TRUE(error.formatted().contains(QStringLiteral("b.csv")));
    }
}

TEST(EnterpriseInventory, ColumnMappingAndMatrixGrading)
{
    QTemporaryDir dir;
    const QString path = writeFixture(
        dir, QStringLiteral("c.csv"),
        QByteArray("单位,X,Y,可能性,严重性,重大隐患未整改数\n"
                   "甲,120.2,28.2,3,5,0\n"    // R = 15 > 12: 重大
                   "乙,120.2,28.2,2,4,0\n"    // R = 8: 一般
                   "丙,120.2,28.2,1,2,1\n"    // R = 2: 低, raised to 重大 by a major danger
                   "丁,120.2,28.2,6,2,0\n")); // likelihood 6: impossible
    EnterpriseConfig c;
    c.grading.method = GradingMethod::Matrix;
    c.columns = {{QStringLiteral("name"), QStringLiteral("单位")},
                 {QStringLiteral("lon"), QStringLiteral("x")}, // case-insensitive
                 {QStringLiteral("lat"), QStringLiteral("Y")}};
    const UnitLocator units(twoUnits());
    const Inventory inventory = importInventory(path, c, units, nullptr);
    ASSERT_EQ(inventory.firms.size(), 3u);
    EXPECT_EQ(inventory.firms[0].level, 4);
    EXPECT_DOUBLE_EQ(inventory.firms[0].score, 15);
    EXPECT_EQ(inventory.firms[1].level, 2);
    EXPECT_EQ(inventory.firms[2].rawLevel, 1);
    EXPECT_EQ(inventory.firms[2].level, 4);
    ASSERT_FALSE(inventory.issues.empty());
    EXPECT_EQ(inventory.issues.back().row, 5);
    EXPECT_EQ(inventory.issues.back().code, QStringLiteral("impossible_factor"));
}

TEST(EnterpriseConfig, ErrorsNameTheKeyPath)
{
    auto error = [](const QByteArray &json) {
        try {
            parseEnterpriseConfig(json, QStringLiteral("cfg.json"), QStringLiteral("/d"));
        } catch (const InputError &e) {
            return e.formatted();
        }
        return QString();
    };
    EXPECT_TRUE(error("{}").contains(QStringLiteral("inventory")));
    const QByteArray base =
        R"({"inventory":{"path":"a.csv"},"units":{"path":"u.shp","name_field":"name"},)";
    EXPECT_TRUE(error(QByteArray(base + R"("grading":{"lec_thresholds":[70,320,160]}})"))
                    .contains(QStringLiteral("grading.lec_thresholds[2]")));
    EXPECT_TRUE(error(QByteArray(base + R"("grading":{"levels":5,"lec_thresholds":[70,160,320]}})"))
                    .contains(QStringLiteral("needs 4 thresholds")));
    EXPECT_TRUE(error(QByteArray(base + R"("columns":{"nmae":"x"}})"))
                    .contains(QStringLiteral("columns.nmae")));
    EXPECT_TRUE(error(QByteArray(base + R"("control_lines":{"distances":{"紫":3}}})"))
                    .contains(QStringLiteral("control_lines.distances.紫")));
    const EnterpriseConfig ok = parseEnterpriseConfig(
        base + R"("grading":{"levels":5},"control_lines":{"distances":{"红":900},)"
               R"("by_sector":{"电镀":{"较大":700}}}})",
        QStringLiteral("cfg.json"), QStringLiteral("/d"));
    EXPECT_EQ(ok.inventoryPath, QStringLiteral("/d/a.csv"));
    EXPECT_EQ(ok.grading.levelCount, 5);
    EXPECT_EQ(ok.grading.lecThresholds, (std::vector<double>{20, 70, 160, 320}));
    EXPECT_EQ(ok.controlLines.distanceFor(QStringLiteral("电镀"), 4), 700);
    EXPECT_EQ(ok.controlLines.distanceFor(QStringLiteral("电镀"), 5), 900);
    EXPECT_EQ(ok.controlLines.distanceFor(QStringLiteral("建材"), 4), 0);
    // Saved with the columns found, and read back the same.
    const QByteArray saved =
        enterpriseConfigToJson(ok, {{QStringLiteral("name"), QStringLiteral("企业名称")}});
    const EnterpriseConfig again =
        parseEnterpriseConfig(saved, QStringLiteral("saved.json"), QStringLiteral("/x"));
    EXPECT_EQ(again.inventoryPath, QStringLiteral("/d/a.csv"));
    EXPECT_EQ(again.columns.value(QStringLiteral("name")), QStringLiteral("企业名称"));
    EXPECT_EQ(again.controlLines.distanceFor(QStringLiteral("电镀"), 4), 700);
    EXPECT_EQ(again.grading.lecThresholds, ok.grading.lecThresholds);
}

TEST(EnterpriseInventory, XlsxInventoryAndFiveLevels)
{
    // An XLSX sheet written by the layer writer; its rows are sheet rows 2, 3, 4.
    model::VectorLayer sheet;
    sheet.name = QStringLiteral("普查");
    sheet.geometryType = model::GeometryType::None;
    for (const char *header : {"企业名称", "经度", "纬度", "L", "E", "C"})
        sheet.fields.append({QString::fromUtf8(header), model::FieldType::String, 0, 0});
    auto row = [&](const char *name, const char *l, const char *e, const char *c) {
        sheet.features.push_back(
            {qint64(sheet.features.size() + 1),
             {QString::fromUtf8(name), QStringLiteral("120.2"), QStringLiteral("28.2"),
              QString::fromUtf8(l), QString::fromUtf8(e), QString::fromUtf8(c)},
             {}});
    };
    row("甲", "1", "1", "15");  // D = 15 ≤ 20: 低 (1) in five levels
    row("乙", "1", "6", "7");   // D = 42: 较低 (2)
    row("丙", "10", "6", "15"); // D = 900: 重大 (5)
    row("丁", "1", "1", "2");   // C = 2 is not a table value
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("普查.xlsx"));
    io::writeLayer(sheet, path);
    EnterpriseConfig c;
    c.grading.levelCount = 5;
    c.grading.lecThresholds = {20, 70, 160, 320};
    const UnitLocator units(twoUnits());
    const Inventory inventory = importInventory(path, c, units, nullptr);
    ASSERT_EQ(inventory.firms.size(), 3u);
    EXPECT_EQ(inventory.firms[0].level, 1);
    EXPECT_EQ(inventory.firms[1].level, 2);
    EXPECT_EQ(inventory.firms[2].level, 5);
    EXPECT_EQ(inventory.firms[2].row, 4);
    ASSERT_FALSE(inventory.issues.empty());
    EXPECT_EQ(inventory.issues.back().row, 5);
    EXPECT_EQ(inventory.issues.back().column, QStringLiteral("C"));
}

// A row with a cell too few (line 3) or too many (line 5) is one bad row each, named with its
// cell count against the header's 10 columns; the rows around them are imported.
TEST(EnterpriseInventory, RaggedRowsAreBadRowsNotAStop)
{
    QTemporaryDir dir;
    const QString path = writeFixture(
        dir, QStringLiteral("ragged.csv"),
        QByteArray("企业名称,统一社会信用代码,行业类别,经度,纬度,坐标系,L,E,C,一般隐患未整改数\n"
                   "甲厂,91330324MA2L0000X9,机械加工,120.2,28.3,WGS84,3,6,7,0\n"
                   "乙厂,91330324MA2L0010XY,机械加工,120.3,28.4,WGS84,3,6,7\n"
                   "丙厂,91330324MA2L0020XL,电镀,120.7,28.5,WGS84,1,1,1,0\n"
                   "丁厂,91330324MA2L0030XA,电镀,120.7,28.5,WGS84,1,1,1,0,备注\n"));
    const UnitLocator units(twoUnits());
    const Inventory inventory = importInventory(path, config(), units, nullptr);
    EXPECT_EQ(inventory.rowCount, 4);
    ASSERT_EQ(inventory.firms.size(), 2u);
    EXPECT_EQ(inventory.firms[0].name, QStringLiteral("甲厂"));
    EXPECT_EQ(inventory.firms[1].name, QStringLiteral("丙厂"));
    std::vector<const ValidationIssue *> ragged;
    for (const ValidationIssue &issue : inventory.issues) {
        if (issue.code == QLatin1String("ragged_row"))
            ragged.push_back(&issue);
    }
    ASSERT_EQ(ragged.size(), 2u);
    EXPECT_EQ(ragged[0]->row, 3);
    EXPECT_TRUE(ragged[0]->fatal);
    EXPECT_EQ(ragged[0]->value, QStringLiteral("9"));
    EXPECT_TRUE(ragged[0]->message.contains(QStringLiteral("第3行有9个单元格，表头有10列")))
        << ragged[0]->message.toStdString();
    EXPECT_EQ(ragged[1]->row, 5);
    EXPECT_TRUE(ragged[1]->message.contains(QStringLiteral("11 cells, the header 10 columns")))
        << ragged[1]->message.toStdString();
    EXPECT_EQ(inventory.fatalRowCount(), 2);
}

namespace {

// Stands in for the app's .qm files: translates one message of context riskatlas::enterprise.
class EnglishValidation : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (QByteArrayView(context) == "riskatlas::enterprise" &&
            QByteArrayView(source) == QByteArrayView("企业名称为空 (firm name empty)"))
            return QStringLiteral("firm name empty");
        return {};
    }
};

// Installs a translator for the scope of a test (an application object is needed for it).
class TranslatorGuard
{
public:
    TranslatorGuard()
        : m_app(m_argc, m_argv)
    {
        QCoreApplication::installTranslator(&m_translator);
    }
    ~TranslatorGuard() { QCoreApplication::removeTranslator(&m_translator); }

private:
    int m_argc = 1;
    char m_name[5] = "test";
    char *m_argv[2] = {m_name, nullptr};
    QCoreApplication m_app;
    EnglishValidation m_translator;
};

QString missingNameMessage(const QString &path)
{
    const UnitLocator units(twoUnits());
    const Inventory inventory = importInventory(path, config(), units, nullptr);
    for (const ValidationIssue &issue : inventory.issues) {
        if (issue.code == QLatin1String("missing_name"))
            return issue.message;
    }
    return {};
}

} // namespace

// Validation messages go through tr() (context riskatlas::enterprise), so the app's translation
// files can translate them; without a translator they are as written.
TEST(EnterpriseInventory, ValidationMessagesAreTranslatable)
{
    QTemporaryDir dir;
    const QString path = writeFixture(dir, QStringLiteral("unnamed.csv"),
                                      QByteArray("企业名称,经度,纬度,L,E,C\n,120.2,28.3,3,6,7\n"));
    EXPECT_EQ(missingNameMessage(path), QStringLiteral("企业名称为空 (firm name empty)"));
    {
        const TranslatorGuard guard;
        EXPECT_EQ(missingNameMessage(path), QStringLiteral("firm name empty"));
    }
    EXPECT_EQ(missingNameMessage(path), QStringLiteral("企业名称为空 (firm name empty)"));
}
