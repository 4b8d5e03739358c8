// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/control_lines.h"

#include "core/crs/coordinate_transform.h"
#include "core/geos/geos_context.h"

#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas;
using namespace riskatlas::enterprise;

namespace {

Firm firm(const char *name, const char *sector, int level, double lon, double lat)
{
    Firm f;
    f.name = QString::fromUtf8(name);
    f.sector = QString::fromUtf8(sector);
    f.level = level;
    f.lon = lon;
    f.lat = lat;
    f.cells = {f.name};
    return f;
}

} // namespace

// Three firms in Yongjia (EPSG:4549 is the Gauss-Krüger zone chosen for them) and sites placed
// in that zone at distances worked out from the firms' projected positions.
TEST(ControlLines, DistancesBySectorAndLevel)
{
    Inventory inventory;
    inventory.headers = {QStringLiteral("企业名称")};
    inventory.columns = {{QStringLiteral("name"), 0}};
    inventory.firms = {firm("甲", "机械加工", 3, 120.60, 28.20),   // 较大: 300 m
                       firm("乙", "危险化学品", 4, 120.70, 28.30), // 重大 危化: 1000 m
                       firm("丙", "机械加工", 2, 120.65, 28.25)};  // 一般: no line
    ControlLineRules rules;
    rules.distances = {{4, 500.0}, {3, 300.0}};
    rules.sectorDistances = {{QStringLiteral("危险化学品"), {{4, 1000.0}, {3, 500.0}}}};
    rules.sites.push_back(
        {QStringLiteral("x.gpkg"), QStringLiteral("学校"), QStringLiteral("name"), {}, {}});

    const crs::Crs zone = crs::Crs::fromEpsg(4549);
    const crs::CoordinateTransform toZone(crs::cgcs2000(), zone);
    double ax = 120.60, ay = 28.20, bx = 120.70, by = 28.30, cx = 120.65, cy = 28.25;
    ASSERT_TRUE(toZone.transformPoint(ax, ay));
    ASSERT_TRUE(toZone.transformPoint(bx, by));
    ASSERT_TRUE(toZone.transformPoint(cx, cy));
    geos::Context context;
    model::VectorLayer sites;
    sites.name = QStringLiteral("schools");
    sites.crs = zone;
    sites.geometryType = model::GeometryType::Point;
    sites.fields = {{QStringLiteral("name"), model::FieldType::String, 0, 0}};
    auto site = [&](const char *name, double x, double y) {
        const QString wkt = QStringLiteral("POINT(%1 %2)").arg(x, 0, 'f', 4).arg(y, 0, 'f', 4);
        sites.features.push_back({qint64(sites.features.size() + 1),
                                  {QString::fromUtf8(name)},
                                  geos::toWkb(context, geos::fromWkt(context, wkt).get())});
    };
    site("甲东299", ax + 299, ay);        // inside 甲's 300 m
    site("甲北301", ax, ay + 301);        // outside
    site("乙西999", bx - 999, by);        // inside 乙's 1000 m
    site("乙斜内", bx + 800, by + 599.9); // √(800² + 599.9²) = 999.92: inside
    site("乙斜外", bx + 800, by + 600.1); // √(800² + 600.1²) = 1000.08: outside
    site("乙远1001", bx, by - 1001);      // outside
    site("丙旁10", cx + 10, cy);          // 丙 has no line

    const style::Palette palette = style::loadPalette(QStringLiteral("enterprise_four_colour"));
    const ControlLines lines = buildControlLines(inventory, rules, {sites}, palette);
    EXPECT_EQ(lines.metricCrs.epsg(), 4549);
    ASSERT_EQ(lines.lines.features.size(), 2u);
    const int distance = model::fieldIndex(lines.lines.fields, QStringLiteral("distance_m"));
    const int count = model::fieldIndex(lines.lines.fields, QStringLiteral("sites"));
    EXPECT_EQ(lines.lines.features[0].attributes[distance].toDouble(), 300.0);
    EXPECT_EQ(lines.lines.features[0].attributes[count].toInt(), 1);
    EXPECT_EQ(lines.lines.features[1].attributes[distance].toDouble(), 1000.0);
    EXPECT_EQ(lines.lines.features[1].attributes[count].toInt(), 2);
    ASSERT_EQ(lines.sites.size(), 3u);
    EXPECT_EQ(lines.sites[0].name, QStringLiteral("甲东299"));
    EXPECT_NEAR(lines.sites[0].distance, 299.0, 1e-3);
    EXPECT_EQ(lines.sites[1].name, QStringLiteral("乙西999")); // nearer first
    EXPECT_NEAR(lines.sites[1].distance, 999.0, 1e-3);
    EXPECT_EQ(lines.sites[2].name, QStringLiteral("乙斜内"));
    EXPECT_NEAR(lines.sites[2].distance, std::hypot(800.0, 599.9), 1e-3);
    EXPECT_EQ(lines.sites[2].kind, QStringLiteral("学校"));
}
