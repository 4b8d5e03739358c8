// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/crs/chinese_offsets.h"
#include "core/crs/crs.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/io/csv_table_reader.h"
#include "core/io/point_table_builder.h"
#include "support/test_support.h"

#include <QtEndian>

#include <cmath>
#include <cstring>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::io;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList result;
    for (const char *item : items)
        result.append(u8(item));
    return result;
}

// A table as read from "t.csv", data rows numbered from line 2.
TextTable makeTable(const QStringList &headers, const QList<QStringList> &rows)
{
    TextTable table;
    table.headers = headers;
    table.rows = rows;
    for (qsizetype i = 0; i < rows.size(); ++i)
        table.rowNumbers.append(i + 2);
    table.encoding = QStringLiteral("UTF-8");
    table.encodingSource = QStringLiteral("detected");
    table.sourcePath = QStringLiteral("t.csv");
    table.layerName = QStringLiteral("t");
    return table;
}

struct Point
{
    double x;
    double y;
};

// Reads back a 2D ISO WKB point, checking every byte of the header.
Point readWkbPoint(const QByteArray &wkb)
{
    EXPECT_EQ(wkb.size(), 21);
    if (wkb.size() != 21)
        return {NAN, NAN};
    EXPECT_EQ(wkb.at(0), 1);
    EXPECT_EQ(qFromLittleEndian<quint32>(wkb.constData() + 1), 1u);
    Point p;
    const quint64 xBits = qFromLittleEndian<quint64>(wkb.constData() + 5);
    const quint64 yBits = qFromLittleEndian<quint64>(wkb.constData() + 13);
    std::memcpy(&p.x, &xBits, sizeof p.x);
    std::memcpy(&p.y, &yBits, sizeof p.y);
    return p;
}

// Great-circle distance in metres (spherical Earth; enough to tell 1 m from 500 m).
double metres(crs::LonLat a, crs::LonLat b)
{
    constexpr double radius = 6371008.8;
    constexpr double toRad = M_PI / 180.0;
    const double dLat = (b.lat - a.lat) * toRad;
    const double dLon = (b.lon - a.lon) * toRad;
    const double h =
        std::sin(dLat / 2) * std::sin(dLat / 2) +
        std::cos(a.lat * toRad) * std::cos(b.lat * toRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * radius * std::asin(std::sqrt(h));
}

struct DetectCase
{
    const char *name;
    QStringList headers;
    QStringList row;
    const char *x;
    const char *y;
    const char *wkt;
};

TEST(PointTableBuilder, DetectsColumns)
{
    const DetectCase cases[] = {
        {"chinese", list({"名称", "经度", "纬度"}), list({"a", "120", "30"}), "经度", "纬度", ""},
        {"east/north", list({"北纬", "东经"}), list({"30", "120"}), "东经", "北纬", ""},
        {"english, any case", list({"Name", "LON", "Lat"}), list({"a", "120", "30"}), "LON", "Lat",
         ""},
        {"lng", list({"lng", "lat"}), list({"120", "30"}), "lng", "lat", ""},
        {"long names", list({"Longitude", "Latitude"}), list({"120", "30"}), "Longitude",
         "Latitude", ""},
        {"x/y", list({"X", "Y"}), list({"120", "30"}), "X", "Y", ""},
        {"x坐标", list({"X坐标", "Y坐标"}), list({"120", "30"}), "X坐标", "Y坐标", ""},
        {"point_x", list({"point_x", "point_y"}), list({"120", "30"}), "point_x", "point_y", ""},
        {"lon before x", list({"x", "lon", "lat", "y"}), list({"1", "120", "30", "2"}), "lon",
         "lat", ""},
        {"wkt", list({"名称", "WKT"}), list({"a", "POINT (120 30)"}), "", "", "WKT"},
        {"几何", list({"几何"}), list({"POINT(120 30)"}), "", "", "几何"},
        {"x/y before wkt", list({"geom", "lon", "lat"}), list({"POINT (1 2)", "120", "30"}), "lon",
         "lat", ""},
    };
    for (const DetectCase &c : cases) {
        SCOPED_TRACE(c.name);
        PointTableReport report;
        const model::VectorLayer layer =
            buildPointLayer(makeTable(c.headers, {c.row}), {}, &report);
        EXPECT_EQ(report.xColumn, u8(c.x));
        EXPECT_EQ(report.yColumn, u8(c.y));
        EXPECT_EQ(report.wktColumn, u8(c.wkt));
        EXPECT_TRUE(report.crsAssumed);
        ASSERT_EQ(layer.features.size(), 1u);
        const Point p = readWkbPoint(layer.features.front().wkb);
        EXPECT_EQ(p.x, 120.0);
        EXPECT_EQ(p.y, 30.0);
    }
}

TEST(PointTableBuilder, BuildsLayerWithTypedFields)
{
    TextTable table =
        makeTable(list({"编号", "名称", "经度", "纬度", "人数", "面积", "代码", "备注", "空"}),
                  {list({"1", "城关镇", "120.123456789", "30.5", "12", "1.5", "0012", " 有 ", ""}),
                   list({"2", "东港村", "121", "31", "", "2", "0013", "", ""}),
                   list({"3", "西山", " 122.25 ", "32", "-7", "1e3", "14", "x", " "})});
    table.rowNumbers = {2, 5, 9};
    PointTableReport report;
    const model::VectorLayer layer = buildPointLayer(table, {}, &report);

    EXPECT_EQ(layer.name, QStringLiteral("t"));
    EXPECT_EQ(layer.sourcePath, QStringLiteral("t.csv"));
    EXPECT_EQ(layer.sourceEncoding, QStringLiteral("UTF-8"));
    EXPECT_EQ(layer.encodingSource, QStringLiteral("detected"));
    EXPECT_EQ(layer.geometryType, model::GeometryType::Point);
    EXPECT_EQ(layer.crs.epsg(), 4490);
    EXPECT_TRUE(report.crsAssumed);
    EXPECT_TRUE(report.repairs.isEmpty());
    EXPECT_EQ(report.converted, 0);
    EXPECT_TRUE(report.offsetColumn.isEmpty());

    using model::FieldType;
    const model::Fields expected = {
        {u8("编号"), FieldType::Integer64}, {u8("名称"), FieldType::String},
        {u8("人数"), FieldType::Integer64}, {u8("面积"), FieldType::Real},
        {u8("代码"), FieldType::String},    {u8("备注"), FieldType::String},
        {u8("空"), FieldType::String},
    };
    EXPECT_EQ(layer.fields, expected);

    ASSERT_EQ(layer.features.size(), 3u);
    EXPECT_EQ(layer.features[0].fid, 2);
    EXPECT_EQ(layer.features[1].fid, 5);
    EXPECT_EQ(layer.features[2].fid, 9);
    const QVariantList &first = layer.features[0].attributes;
    ASSERT_EQ(first.size(), 7);
    EXPECT_EQ(first[0], QVariant(qlonglong(1)));
    EXPECT_EQ(first[0].typeId(), QMetaType::LongLong);
    EXPECT_EQ(first[1], QVariant(u8("城关镇")));
    EXPECT_EQ(first[2], QVariant(qlonglong(12)));
    EXPECT_EQ(first[3].typeId(), QMetaType::Double);
    EXPECT_EQ(first[3].toDouble(), 1.5);
    EXPECT_EQ(first[4], QVariant(u8("0012")));
    EXPECT_EQ(first[5], QVariant(u8(" 有 "))); // text is kept as written
    EXPECT_TRUE(first[6].isNull());
    EXPECT_TRUE(layer.features[1].attributes[2].isNull());
    EXPECT_TRUE(layer.features[1].attributes[5].isNull());
    EXPECT_EQ(layer.features[2].attributes[3].toDouble(), 1000.0);

    const Point p = readWkbPoint(layer.features[0].wkb);
    EXPECT_EQ(p.x, 120.123456789);
    EXPECT_EQ(p.y, 30.5);
    EXPECT_EQ(readWkbPoint(layer.features[2].wkb).x, 122.25);
}

struct BadCase
{
    const char *name;
    QStringList headers;
    QList<QStringList> rows;
    PointTableOptions options;
    std::optional<qint64> row; ///< As numbered by makeTable(): data rows from 2.
    const char *message;
};

TEST(PointTableBuilder, RejectsBadRows)
{
    const QStringList lonLat = list({"名称", "经度", "纬度"});
    const QStringList good = list({"好", "120.5", "30.5"});
    PointTableOptions lonColumn;
    lonColumn.xColumn = QStringLiteral("lon");
    PointTableOptions badOffset;
    badOffset.offsetColumn = u8("坐标");
    const BadCase cases[] = {
        {"no coordinate columns",
         list({"名称", "地址"}),
         {list({"a", "b"})},
         {},
         std::nullopt,
         "no coordinate columns (looked for lon, lng, long, longitude, 经度"},
        {"no latitude",
         list({"名称", "经度"}),
         {list({"a", "120"})},
         {},
         std::nullopt,
         "found the longitude/x column \"经度\" but no latitude/y column"},
        {"given column missing",
         lonLat,
         {good},
         lonColumn,
         std::nullopt,
         "no column \"lon\" (columns: \"名称\", \"经度\", \"纬度\")"},
        {"given offset column missing",
         lonLat,
         {good},
         badOffset,
         std::nullopt,
         "no column \"坐标\""},
        {"empty",
         lonLat,
         {good, list({"a", "120", " "})},
         {},
         3,
         "empty latitude/y in column \"纬度\""},
        {"not a number",
         lonLat,
         {good, good, list({"a", "东经120度", "30"})},
         {},
         4,
         "longitude/x \"东经120度\" in column \"经度\" is not a number"},
        {"nan",
         lonLat,
         {good, list({"a", "NaN", "30"})},
         {},
         3,
         "\"NaN\" in column \"经度\" is "
         "not a finite number"},
        {"inf", lonLat, {good, list({"a", "120", "-inf"})}, {}, 3, "is not a finite number"},
        {"longitude out of range",
         lonLat,
         {good, list({"a", "190.5", "30"})},
         {},
         3,
         "longitude 190.5 in column \"经度\" is out of range (-180…180)"},
        {"latitude out of range",
         lonLat,
         {good, list({"a", "120", "-95"})},
         {},
         3,
         "latitude -95 in column \"纬度\" is out of range (-90…90)"},
        {"swapped",
         lonLat,
         {good, list({"a", "30.5", "120.5"})},
         {},
         3,
         "longitude and latitude look swapped (\"经度\" = 30.5, \"纬度\" = 120.5)"},
        {"swapped, both under 90",
         lonLat,
         {good, list({"a", "31.2", "80.5"})},
         {},
         3,
         "look swapped"},
        {"first bad row wins",
         lonLat,
         {good, list({"a", "30", "120"}), list({"a", "x", "30"})},
         {},
         3,
         "look swapped"},
        {"projected without crs",
         lonLat,
         {list({"a", "500000", "3400000"}), list({"b", "500100", "3400100"})},
         {},
         2,
         "the coordinates are not longitude/latitude (x = 500000, y = 3400000); give their CRS"},
        {"bad wkt",
         list({"wkt"}),
         {list({"POINT (120 30)"}), list({"POINT (120 30"})},
         {},
         3,
         "invalid WKT \"POINT (120 30\" in column \"wkt\""},
        {"wkt with trailing text",
         list({"wkt"}),
         {list({"POINT (120 30) x"})},
         {},
         2,
         "invalid WKT"},
        {"curve",
         list({"wkt"}),
         {list({"CIRCULARSTRING (120 30, 121 31, 122 30)"})},
         {},
         2,
         "is a Circular String, which is not supported"},
        {"tin",
         list({"wkt"}),
         {list({"TIN (((0 0 0, 0 1 0, 1 1 0, 0 0 0)))"})},
         {},
         2,
         "which is not supported"},
        {"empty wkt", list({"wkt"}), {list({""})}, {}, 2, "empty geometry in column \"wkt\""},
        {"empty point",
         list({"wkt"}),
         {list({"POINT EMPTY"})},
         {},
         2,
         "empty geometry \"POINT EMPTY\" in column \"wkt\""},
        {"empty polygon", list({"wkt"}), {list({"POLYGON EMPTY"})}, {}, 2, "empty geometry"},
        {"polygon vertex out of range",
         list({"wkt"}),
         {list({"POLYGON ((120 30, 121 30, 121 31, 120 30))"}),
          list({"POLYGON ((120 30, 181 30, 121 31, 120 30))"})},
         {},
         3,
         "longitude 181 in column \"wkt\" is out of range"},
        {"polygon swapped",
         list({"wkt"}),
         {list({"POLYGON ((30 120, 30 121, 31 121, 30 120))"})},
         {},
         2,
         "longitude and latitude look swapped (\"wkt\" = 30, \"wkt\" = 120)"},
        {"wkt out of range",
         list({"wkt"}),
         {list({"POINT (120 30)"}), list({"POINT (120 91)"})},
         {},
         3,
         "latitude 91 in column \"wkt\" is out of range"},
        {"unknown offset",
         list({"经度", "纬度", "坐标系"}),
         {list({"120", "30", "WGS84"}), list({"120", "30", "火星2"})},
         {},
         3,
         "unknown coordinate system \"火星2\" in column \"坐标系\""},
    };
    for (const BadCase &c : cases) {
        SCOPED_TRACE(c.name);
        try {
            buildPointLayer(makeTable(c.headers, c.rows), c.options);
            ADD_FAILURE() << "no error";
        } catch (const InputError &e) {
            EXPECT_EQ(e.location().file, QStringLiteral("t.csv"));
            EXPECT_EQ(e.location().row, c.row);
            EXPECT_TRUE(e.message().contains(u8(c.message))) << e.formatted().toStdString();
        }
    }
}

TEST(PointTableBuilder, ReadsOtherGeometriesFromWkt)
{
    struct Case
    {
        const char *name;
        QList<QStringList> rows;
        model::GeometryType type;
    };
    const Case cases[] = {
        {"polygons",
         {list({"POLYGON ((120 30, 121 30, 121 31, 120 30))", "a"})},
         model::GeometryType::Polygon},
        {"multipolygons with a hole, 3D dropped",
         {list({"MULTIPOLYGON Z (((120 30 5, 121 30 5, 121 31 5, 120 30 5),"
                "(120.5 30.2 5, 120.6 30.2 5, 120.6 30.3 5, 120.5 30.2 5)))",
                "a"}),
          list({"MULTIPOLYGON (((122 30, 123 30, 123 31, 122 30)))", "b"})},
         model::GeometryType::MultiPolygon},
        {"lines", {list({"LINESTRING (120 30, 121 31)", "a"})}, model::GeometryType::LineString},
        {"mixed",
         {list({"POINT (120 30)", "a"}), list({"LINESTRING (120 30, 121 31)", "b"})},
         model::GeometryType::Unknown},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        const model::VectorLayer layer =
            buildPointLayer(makeTable(list({"WKT", "名称"}), c.rows), {});
        EXPECT_EQ(layer.geometryType, c.type);
        EXPECT_EQ(layer.fields, (model::Fields{{u8("名称"), model::FieldType::String}}));
        ASSERT_EQ(layer.features.size(), size_t(c.rows.size()));
        for (const model::Feature &feature : layer.features) {
            // ISO WKB, little-endian, 2D: a type code below 1000.
            ASSERT_GE(feature.wkb.size(), 5);
            EXPECT_EQ(feature.wkb.at(0), 1);
            EXPECT_LT(qFromLittleEndian<quint32>(feature.wkb.constData() + 1), 1000u);
        }
    }
    // A polygon's vertices, checked through the WKB: the first vertex of the first ring.
    const model::VectorLayer polygon = buildPointLayer(
        makeTable(list({"wkt"}), {list({"POLYGON ((120.25 30.5, 121 30, 121 31, 120.25 30.5))"})}),
        {});
    const QByteArray &wkb = polygon.features.front().wkb;
    ASSERT_EQ(wkb.size(), 1 + 4 + 4 + 4 + 4 * 16);
    EXPECT_EQ(qFromLittleEndian<quint32>(wkb.constData() + 1), 3u);
    EXPECT_EQ(qFromLittleEndian<quint32>(wkb.constData() + 5), 1u); // one ring
    EXPECT_EQ(qFromLittleEndian<quint32>(wkb.constData() + 9), 4u); // four points
    const Point first = readWkbPoint(QByteArray("\x01\x01\x00\x00\x00", 5) + wkb.mid(13, 16));
    EXPECT_EQ(first.x, 120.25);
    EXPECT_EQ(first.y, 30.5);

    // A whole polygon swapped, repaired.
    PointTableOptions options;
    options.repair = true;
    PointTableReport report;
    const model::VectorLayer repaired = buildPointLayer(
        makeTable(list({"wkt"}), {list({"POLYGON ((30.5 120.25, 30 121, 31 121, 30.5 120.25))"})}),
        options, &report);
    EXPECT_EQ(repaired.features.front().wkb, wkb.left(13) + repaired.features.front().wkb.mid(13));
    const Point swappedBack = readWkbPoint(QByteArray("\x01\x01\x00\x00\x00", 5) +
                                           repaired.features.front().wkb.mid(13, 16));
    EXPECT_EQ(swappedBack.x, 120.25);
    EXPECT_EQ(swappedBack.y, 30.5);
    EXPECT_EQ(report.repairs.size(), 1);
}

TEST(PointTableBuilder, RepairsSwappedRows)
{
    const TextTable table = makeTable(
        list({"名称", "lon", "lat"}),
        {list({"a", "120.5", "30.5"}), list({"b", "30.25", "121.75"}), list({"c", "31", "80"})});
    PointTableOptions options;
    options.repair = true;
    PointTableReport report;
    const model::VectorLayer layer = buildPointLayer(table, options, &report);
    ASSERT_EQ(layer.features.size(), 3u);
    const Point b = readWkbPoint(layer.features[1].wkb);
    EXPECT_EQ(b.x, 121.75);
    EXPECT_EQ(b.y, 30.25);
    const Point c = readWkbPoint(layer.features[2].wkb);
    EXPECT_EQ(c.x, 80.0);
    EXPECT_EQ(c.y, 31.0);
    EXPECT_EQ(report.repairs,
              (QStringList{u8("row 3: longitude and latitude swapped — swapped back"),
                           u8("row 4: longitude and latitude swapped — swapped back")}));
}

TEST(PointTableBuilder, ConvertsChineseOffsetsPerRow)
{
    // Start from a WGS84 point, make its GCJ-02 and BD-09 forms with the forward formulas, and
    // expect the builder to bring them back to (within a metre of) the start.
    const crs::LonLat wgs{120.1551, 30.2741};
    const crs::LonLat gcj = crs::wgs84ToGcj02(wgs);
    const crs::LonLat bd = crs::gcj02ToBd09(gcj);
    ASSERT_GT(metres(wgs, gcj), 100.0); // the offsets are real
    ASSERT_GT(metres(wgs, bd), 100.0);
    const auto number = [](double value) {
        return QString::number(value, 'g', 17);
    };
    const TextTable table = makeTable(list({"名称", "经度", "纬度", "坐标系"}),
                                      {{u8("原点"), number(wgs.lon), number(wgs.lat), u8("WGS84")},
                                       {u8("高德"), number(gcj.lon), number(gcj.lat), u8("GCJ-02")},
                                       {u8("百度"), number(bd.lon), number(bd.lat), u8("bd09")},
                                       {u8("空"), number(wgs.lon), number(wgs.lat), QString()}});
    PointTableReport report;
    const model::VectorLayer layer = buildPointLayer(table, {}, &report);
    EXPECT_EQ(report.offsetColumn, u8("坐标系"));
    EXPECT_EQ(report.converted, 2);
    EXPECT_EQ(layer.crs.epsg(), 4490);
    EXPECT_EQ(layer.fields, (model::Fields{{u8("名称"), model::FieldType::String}}));
    ASSERT_EQ(layer.features.size(), 4u);

    const crs::LonLat expected[] = {
        wgs,
        crs::toCgcs2000(gcj, crs::ChineseOffset::Gcj02),
        crs::toCgcs2000(bd, crs::ChineseOffset::Bd09),
        wgs,
    };
    for (size_t i = 0; i < 4; ++i) {
        SCOPED_TRACE(i);
        const Point p = readWkbPoint(layer.features[i].wkb);
        EXPECT_DOUBLE_EQ(p.x, expected[i].lon);
        EXPECT_DOUBLE_EQ(p.y, expected[i].lat);
        EXPECT_LT(metres(wgs, {p.x, p.y}), 1.0);
    }
}

TEST(PointTableBuilder, ConvertsEveryVertexOfWktGeometries)
{
    const crs::LonLat a{120.10, 30.20};
    const crs::LonLat b{120.30, 30.40};
    const crs::LonLat ga = crs::wgs84ToGcj02(a);
    const crs::LonLat gb = crs::wgs84ToGcj02(b);
    const QString wkt = QStringLiteral("LINESTRING (%1 %2, %3 %4)")
                            .arg(ga.lon, 0, 'g', 17)
                            .arg(ga.lat, 0, 'g', 17)
                            .arg(gb.lon, 0, 'g', 17)
                            .arg(gb.lat, 0, 'g', 17);
    PointTableReport report;
    const model::VectorLayer layer = buildPointLayer(
        makeTable(list({"wkt", "crs"}), {{wkt, QStringLiteral("GCJ02")}}), {}, &report);
    EXPECT_EQ(report.converted, 1);
    EXPECT_EQ(layer.crs.epsg(), 4490);
    const QByteArray &wkb = layer.features.front().wkb;
    ASSERT_EQ(wkb.size(), 1 + 4 + 4 + 2 * 16);
    const QByteArray header("\x01\x01\x00\x00\x00", 5);
    const Point pa = readWkbPoint(header + wkb.mid(9, 16));
    const Point pb = readWkbPoint(header + wkb.mid(25, 16));
    EXPECT_LT(metres(a, {pa.x, pa.y}), 1.0);
    EXPECT_LT(metres(b, {pb.x, pb.y}), 1.0);
}

TEST(PointTableBuilder, GivenProjectedCrs)
{
    const TextTable table =
        makeTable(list({"name", "x", "y"}), {list({"a", "39500000.5", "3400000.25"})});
    PointTableOptions options;
    options.crs = crs::Crs::fromEpsg(4527); // CGCS2000 / 3-degree Gauss-Kruger zone 39
    PointTableReport report;
    const model::VectorLayer layer = buildPointLayer(table, options, &report);
    EXPECT_FALSE(report.crsAssumed);
    EXPECT_EQ(layer.crs.epsg(), 4527);
    const Point p = readWkbPoint(layer.features.front().wkb);
    EXPECT_EQ(p.x, 39500000.5);
    EXPECT_EQ(p.y, 3400000.25);

    // An offset column needs degrees.
    const TextTable withOffsets =
        makeTable(list({"x", "y", "crs"}), {list({"39500000.5", "3400000.25", "GCJ-02"})});
    EXPECT_THROW(buildPointLayer(withOffsets, options), InputError);
}

TEST(PointTableBuilder, FromCsvFixture)
{
    const TextTable table = readCsvTable(test::testDataPath(u8("tables/风险点 gbk.csv")));
    PointTableReport report;
    const model::VectorLayer layer = buildPointLayer(table, {}, &report);
    EXPECT_EQ(layer.sourceEncoding, QStringLiteral("GBK"));
    EXPECT_EQ(layer.name, u8("风险点 gbk"));
    ASSERT_EQ(layer.features.size(), 3u);
    EXPECT_EQ(layer.features[2].fid, 5);
    const Point p = readWkbPoint(layer.features[0].wkb);
    EXPECT_EQ(p.x, 120.123456);
    EXPECT_EQ(p.y, 30.654321);
    EXPECT_EQ(layer.fields.size(), 3);
    EXPECT_EQ(layer.features[1].attributes[1], QVariant(u8("东港村,北区")));
}

TEST(PointTableBuilder, Cancel)
{
    QList<QStringList> rows;
    for (int i = 0; i < 3000; ++i)
        rows.append({QString::number(i), QStringLiteral("120"), QStringLiteral("30")});
    const TextTable table = makeTable(list({"id", "lon", "lat"}), rows);
    Feedback feedback;
    EXPECT_EQ(buildPointLayer(table, {}, nullptr, &feedback).features.size(), 3000u);
    EXPECT_EQ(feedback.progress(), 100.0);
    Feedback cancelled;
    cancelled.cancel();
    EXPECT_THROW(buildPointLayer(table, {}, nullptr, &cancelled), CancelledError);
}

} // namespace
