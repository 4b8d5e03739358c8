// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/enterprise_job.h"

#include "core/crs/crs.h"
#include "core/error.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/io/xlsx_table_reader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::enterprise;

namespace {

// Two townships splitting 120–121° E × 28–29° N at 120.5° E, and three firms graded by a level
// column: 甲厂 一般 and 乙厂 低 in 西乡, 丙厂 较大 in 东镇. The credit codes' check characters were
// worked out by GB 32100-2015 by hand (91330324MA2L0000X9 is also enterprise_inventory_test's).
const char kInventory[] = "企业名称,统一社会信用代码,行业类别,经度,纬度,坐标系,风险等级\n"
                          "甲厂,91330324MA2L0000X9,机械加工,120.2,28.3,WGS84,一般\n"
                          "乙厂,91330324MA2L0010XY,机械加工,120.3,28.4,WGS84,低\n"
                          "丙厂,91330324MA2L0020XL,电镀,120.7,28.5,WGS84,较大\n";

const char kConfig[] = R"({
  "inventory": {"path": "inventory.csv"},
  "grading": {"method": "column"},
  "units": {"path": "units.gpkg", "name_field": "name"}
})";

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QString writeCase(const QTemporaryDir &dir)
{
    geos::Context context;
    model::VectorLayer units;
    units.name = QStringLiteral("units");
    units.crs = crs::cgcs2000();
    units.geometryType = model::GeometryType::Polygon;
    units.fields = {{QStringLiteral("name"), model::FieldType::String, 0, 0}};
    const char *wkts[] = {"POLYGON((120 28,120.5 28,120.5 29,120 29,120 28))",
                          "POLYGON((120.5 28,121 28,121 29,120.5 29,120.5 28))"};
    const char *names[] = {"西乡", "东镇"};
    for (int i = 0; i < 2; ++i)
        units.features.push_back(
            {i + 1,
             {QString::fromUtf8(names[i])},
             geos::toWkb(context, geos::fromWkt(context, QLatin1String(wkts[i])).get())});
    io::writeLayer(units, dir.filePath(QStringLiteral("units.gpkg")));
    writeFile(dir.filePath(QStringLiteral("inventory.csv")), kInventory);
    const QString config = dir.filePath(QStringLiteral("config.json"));
    writeFile(config, kConfig);
    return config;
}

QVariant valueOf(const model::VectorLayer &layer, std::size_t feature, const char *field)
{
    const int index = model::fieldIndex(layer.fields, QString::fromUtf8(field));
    EXPECT_GE(index, 0) << field;
    return index < 0 ? QVariant() : layer.features.at(feature).attributes.value(index);
}

} // namespace

// Without overrides: 低 1, 一般 1, 较大 1; one control line (丙厂, 较大: 300 m).
TEST(EnterpriseJob, WithoutOverridesTheGradesStand)
{
    QTemporaryDir dir;
    EnterpriseJobOptions options;
    options.configPath = writeCase(dir);
    options.outDir = dir.filePath(QStringLiteral("out"));
    const EnterpriseJobSummary summary = runEnterpriseJob(options);
    EXPECT_EQ(summary.finalCounts, (std::vector<int>{0, 1, 1, 1, 0}));
    EXPECT_EQ(summary.controlLines, 1);
    EXPECT_TRUE(summary.overrides.empty());
}

// The planner raises 乙厂 (低) to 重大, naming it by its code in lower case with a space. By
// hand: counts 低 0, 一般 1, 较大 1, 重大 1; 西乡 takes its highest firm, 重大; a second control
// line (重大: 500 m); 乙厂 heads the lists with the planner's note. A code no firm has is
// reported and changes nothing.
TEST(EnterpriseJob, AFirmOverrideReachesEveryProduct)
{
    QTemporaryDir dir;
    EnterpriseJobOptions options;
    options.configPath = writeCase(dir);
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.levelOverrides = {
        {QStringLiteral("91330324ma2l0010xy "), 4, QStringLiteral("复核发现重大隐患")},
        {QStringLiteral("91330324MA2L0040X0"), 2, QStringLiteral("已关停")}};
    const EnterpriseJobSummary summary = runEnterpriseJob(options);
    EXPECT_EQ(summary.finalCounts, (std::vector<int>{0, 0, 1, 1, 1}));
    EXPECT_EQ(summary.rawCounts, (std::vector<int>{0, 1, 1, 1, 0}));
    EXPECT_EQ(summary.adjusted, 0);
    EXPECT_EQ(summary.controlLines, 2);
    ASSERT_EQ(summary.overrides.size(), 2u);
    EXPECT_TRUE(summary.overrides[0].applied);
    EXPECT_EQ(summary.overrides[0].key, QStringLiteral("91330324MA2L0010XY"));
    EXPECT_EQ(summary.overrides[0].modelLevel, 1);
    EXPECT_EQ(summary.overrides[0].name, QStringLiteral("乙厂"));
    EXPECT_FALSE(summary.overrides[1].applied);
    ASSERT_EQ(summary.overrideWarnings.size(), 1);
    EXPECT_TRUE(summary.overrideWarnings[0].contains(QStringLiteral("91330324MA2L0040X0")));

    const model::VectorLayer firms =
        io::readLayer(options.outDir + QStringLiteral("/enterprises.gpkg"));
    ASSERT_EQ(firms.features.size(), 3u);
    const int level[] = {2, 4, 3};
    const int modelLevel[] = {2, 1, 3};
    const int overridden[] = {0, 1, 0};
    for (std::size_t i = 0; i < 3; ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(valueOf(firms, i, "level").toInt(), level[i]);
        EXPECT_EQ(valueOf(firms, i, "model_level").toInt(), modelLevel[i]);
        EXPECT_EQ(valueOf(firms, i, "overridden").toInt(), overridden[i]);
    }
    EXPECT_EQ(valueOf(firms, 1, "level_name").toString(), QStringLiteral("重大"));
    EXPECT_EQ(valueOf(firms, 1, "override_reason").toString(), QStringLiteral("复核发现重大隐患"));
    EXPECT_TRUE(valueOf(firms, 0, "override_reason").isNull());

    const model::VectorLayer area =
        io::readLayer(options.outDir + QStringLiteral("/area_map.gpkg"));
    ASSERT_EQ(area.features.size(), 2u);
    EXPECT_EQ(valueOf(area, 0, "level").toInt(), 4);
    EXPECT_EQ(valueOf(area, 1, "level").toInt(), 3);

    for (const char *list : {"风险清单", "防控清单", "责任清单"}) {
        SCOPED_TRACE(list);
        const io::TextTable table =
            io::readXlsxTable(options.outDir + QStringLiteral("/lists/") + QString::fromUtf8(list) +
                              QStringLiteral(".xlsx"));
        ASSERT_EQ(table.rows.size(), 3);
        const qsizetype name = table.headers.indexOf(QStringLiteral("企业名称"));
        const qsizetype note = table.headers.indexOf(QStringLiteral("人工调整说明"));
        ASSERT_GE(note, 0);
        EXPECT_EQ(table.rows[0].value(name), QStringLiteral("乙厂"));
        EXPECT_EQ(table.rows[0].value(note), QStringLiteral("低→重大：复核发现重大隐患"));
        EXPECT_TRUE(table.rows[1].value(note).isEmpty());
    }
}

TEST(EnterpriseJob, AnOverrideOutsideTheLevelsIsRefusedBeforeAnythingIsWritten)
{
    QTemporaryDir dir;
    EnterpriseJobOptions options;
    options.configPath = writeCase(dir);
    options.outDir = dir.filePath(QStringLiteral("out"));
    options.levelOverrides = {{QStringLiteral("91330324MA2L0000X9"), 5, QStringLiteral("x")}};
    try {
        runEnterpriseJob(options);
        FAIL() << "level 5 of 4 ran";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.message().contains(QStringLiteral("91330324MA2L0000X9")))
            << error.formatted().toStdString();
        EXPECT_TRUE(error.message().contains(QStringLiteral("between 1 and 4")))
            << error.formatted().toStdString();
    }
    EXPECT_FALSE(QDir(options.outDir).exists());
}
