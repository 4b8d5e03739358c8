// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/io/xlsx_table_reader.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>
#include <ostream>

using namespace riskatlas;

namespace {

QByteArray wkbOf(const QString &wkt)
{
    geos::Context context;
    const geos::GeometryPtr geometry = geos::fromWkt(context, wkt);
    return geos::toWkb(context, geometry.get());
}

bool sameGeometry(const QByteArray &a, const QByteArray &b, double tolerance)
{
    geos::Context context;
    const geos::GeometryPtr ga = geos::fromWkb(context, a);
    const geos::GeometryPtr gb = geos::fromWkb(context, b);
    // A shapefile gives a one-part multipolygon back as a polygon, with rings rewound: compare
    // shapes, not encodings — every vertex within tolerance, and the same area.
    double distance = 0, areaA = 0, areaB = 0;
    GEOSHausdorffDistance_r(context.handle(), ga.get(), gb.get(), &distance);
    GEOSArea_r(context.handle(), ga.get(), &areaA);
    GEOSArea_r(context.handle(), gb.get(), &areaB);
    return distance <= tolerance && std::abs(areaA - areaB) <= tolerance * (1 + areaA);
}

// A polygon layer in CGCS2000 lon/lat with Chinese names, a hole, a multipolygon and nulls.
model::VectorLayer polygonLayer(const crs::Crs &crs, double dx = 0, double scale = 1)
{
    model::VectorLayer layer;
    layer.name = QStringLiteral("风险区划");
    layer.crs = crs;
    layer.geometryType = model::GeometryType::MultiPolygon;
    layer.fields = {{QStringLiteral("名称"), model::FieldType::String},
                    {QStringLiteral("level"), model::FieldType::Integer},
                    {QStringLiteral("pop"), model::FieldType::Integer64},
                    {QStringLiteral("area_km2"), model::FieldType::Real},
                    {QStringLiteral("surveyed"), model::FieldType::Date}};
    auto at = [&](double x, double y) {
        return QStringLiteral("%1 %2").arg(x * scale + dx, 0, 'f', 6).arg(y * scale, 0, 'f', 6);
    };
    const QString square =
        QStringLiteral("MULTIPOLYGON(((%1,%2,%3,%4,%1),(%5,%6,%7,%8,%5)))")
            .arg(at(120.60, 28.10), at(120.70, 28.10), at(120.70, 28.20), at(120.60, 28.20),
                 at(120.62, 28.12), at(120.62, 28.14), at(120.64, 28.14), at(120.64, 28.12));
    const QString two = QStringLiteral("MULTIPOLYGON(((%1,%2,%3,%1)),((%4,%5,%6,%4)))")
                            .arg(at(120.80, 28.10), at(120.90, 28.10), at(120.85, 28.20),
                                 at(120.80, 28.30), at(120.90, 28.30), at(120.85, 28.40));
    layer.features.push_back(
        {0,
         {QStringLiteral("北城街道"), 5, qint64(4294967296LL), 12.345678, QDate(2025, 6, 30)},
         wkbOf(square)});
    layer.features.push_back(
        {1, {QStringLiteral("鹤盛镇（山区）"), 1, QVariant(), QVariant(), QVariant()}, wkbOf(two)});
    return layer;
}

model::VectorLayer pointLayer()
{
    model::VectorLayer layer;
    layer.name = QStringLiteral("企业");
    layer.crs = crs::cgcs2000();
    layer.geometryType = model::GeometryType::Point;
    layer.fields = {{QStringLiteral("企业名称"), model::FieldType::String},
                    {QStringLiteral("员工"), model::FieldType::Integer64}};
    layer.features.push_back({0,
                              {QStringLiteral("温州某某泵阀有限公司"), qint64(120)},
                              wkbOf(QStringLiteral("POINT(120.712345 28.123456)"))});
    layer.features.push_back({1,
                              {QStringLiteral("永嘉\"引号\",逗号"), qint64(8)},
                              wkbOf(QStringLiteral("POINT(120.654321 28.234567)"))});
    return layer;
}

struct FormatCase
{
    QString file;
    QString encoding;
};

void PrintTo(const FormatCase &format, std::ostream *os)
{
    *os << format.file.toStdString() << ' ' << format.encoding.toStdString();
}

void expectSameLayer(const model::VectorLayer &written, const model::VectorLayer &read,
                     double tolerance, bool exactTypes)
{
    ASSERT_EQ(read.features.size(), written.features.size());
    EXPECT_TRUE(read.crs.isSameAs(written.crs))
        << read.crs.authId().toStdString() << " vs " << written.crs.authId().toStdString();
    for (size_t i = 0; i < written.features.size(); ++i) {
        const model::Feature &w = written.features[i];
        const model::Feature &r = read.features[i];
        EXPECT_TRUE(sameGeometry(w.wkb, r.wkb, tolerance)) << "feature " << i;
        for (qsizetype f = 0; f < written.fields.size(); ++f) {
            const QString name = written.fields[f].name;
            const int index = model::fieldIndex(read.fields, name);
            ASSERT_GE(index, 0) << "field " << name.toStdString() << " missing";
            const QVariant &expected = w.attributes[f];
            const QVariant &actual = r.attributes[index];
            if (expected.isNull()) {
                EXPECT_TRUE(actual.isNull()) << name.toStdString();
            } else if (written.fields[f].type == model::FieldType::Real) {
                EXPECT_NEAR(actual.toDouble(), expected.toDouble(), 1e-9) << name.toStdString();
            } else if (written.fields[f].type == model::FieldType::Date && !exactTypes) {
                EXPECT_EQ(actual.toDate(), expected.toDate()) << name.toStdString();
            } else {
                EXPECT_EQ(actual.toString(), expected.toString()) << name.toStdString();
            }
        }
    }
}

} // namespace

class LayerRoundTrip : public ::testing::TestWithParam<FormatCase>
{
};

TEST_P(LayerRoundTrip, KeepsAttributesGeometryAndCrs)
{
    QTemporaryDir dir;
    const FormatCase format = GetParam();
    for (const crs::Crs &crs : {crs::cgcs2000(), crs::Crs::fromEpsg(4549)}) {
        SCOPED_TRACE(crs.authId().toStdString());
        const bool projected = !crs.isGeographic();
        const model::VectorLayer layer = projected ? polygonLayer(crs, 0, 1000) : polygonLayer(crs);
        const QString path = dir.filePath(crs.authId().replace(QLatin1Char(':'), QLatin1Char('_')) +
                                          QStringLiteral(" 空格 ") + format.file);
        io::WriteOptions options;
        options.encoding = format.encoding;
        io::WriteReport writeReport;
        io::writeLayer(layer, path, options, &writeReport);
        io::ReadReport readReport;
        const model::VectorLayer read = io::readLayer(path, {}, &readReport);
        EXPECT_TRUE(readReport.geometry.isClean());
        expectSameLayer(layer, read, projected ? 1e-6 : 1e-9, false);
        if (path.endsWith(QLatin1String(".shp"))) {
            EXPECT_EQ(read.sourceEncoding,
                      format.encoding.isEmpty() ? QStringLiteral("UTF-8") : format.encoding);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Formats, LayerRoundTrip,
    ::testing::Values(FormatCase{QStringLiteral("out.gpkg"), {}},
                      FormatCase{QStringLiteral("风险区划.shp"), {}},
                      FormatCase{QStringLiteral("风险区划.shp"), QStringLiteral("GBK")},
                      FormatCase{QStringLiteral("bundle.zip"), {}},
                      FormatCase{QStringLiteral("out.geojson"), {}},
                      FormatCase{QStringLiteral("out.csv"), {}},
                      FormatCase{QStringLiteral("out.csv"), QStringLiteral("GBK")},
                      FormatCase{QStringLiteral("out.xlsx"), {}}));

TEST(LayerRoundTripPoints, CsvAndXlsxCarryPointsAsColumns)
{
    QTemporaryDir dir;
    const model::VectorLayer layer = pointLayer();
    for (const QString &name : {QStringLiteral("企业.csv"), QStringLiteral("企业.xlsx")}) {
        SCOPED_TRACE(name.toStdString());
        const QString path = dir.filePath(name);
        io::writeLayer(layer, path);
        const model::VectorLayer read = io::readLayer(path);
        expectSameLayer(layer, read, 1e-9, false);
    }
}

TEST(LayerWriter, ShortensShapefileFieldNamesAndReportsThem)
{
    QTemporaryDir dir;
    model::VectorLayer layer = pointLayer();
    layer.fields[0].name = QStringLiteral("统一社会信用代码");  // 24 bytes in UTF-8
    layer.fields[1].name = QStringLiteral("统一社会信用代码2"); // clashes once shortened
    io::WriteReport report;
    io::writeLayer(layer, dir.filePath(QStringLiteral("p.shp")), {}, &report);
    ASSERT_EQ(report.renamedFields.size(), 2);
    EXPECT_EQ(report.renamedFields[0].second, QStringLiteral("统一社"));
    EXPECT_EQ(report.renamedFields[1].second, QStringLiteral("统一_1"));
    const model::VectorLayer read = io::readLayer(dir.filePath(QStringLiteral("p.shp")));
    EXPECT_EQ(read.fields[0].name, QStringLiteral("统一社"));
    EXPECT_EQ(read.fields[1].name, QStringLiteral("统一_1"));
}

TEST(LayerWriter, NeverOverwritesWithoutPermission)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.gpkg"));
    QFile existing(path);
    ASSERT_TRUE(existing.open(QIODevice::WriteOnly));
    existing.write("precious");
    existing.close();
    EXPECT_THROW(io::writeLayer(pointLayer(), path), InputError);
    QFile check(path);
    ASSERT_TRUE(check.open(QIODevice::ReadOnly));
    EXPECT_EQ(check.readAll(), QByteArray("precious"));
    io::WriteOptions options;
    options.overwrite = true;
    io::writeLayer(pointLayer(), path, options);
    EXPECT_EQ(io::readLayer(path).features.size(), 2u);
}

TEST(LayerWriter, FailedWriteLeavesNoFiles)
{
    QTemporaryDir dir;
    model::VectorLayer layer = pointLayer();
    // "𠀀" (U+20000) has no GBK code: the write must fail before anything lands.
    layer.features[1].attributes[0] = QStringLiteral("\U00020000");
    io::WriteOptions options;
    options.encoding = QStringLiteral("GBK");
    EXPECT_THROW(io::writeLayer(layer, dir.filePath(QStringLiteral("p.shp")), options), InputError);
    EXPECT_TRUE(QDir(dir.path())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                    .isEmpty());
}

TEST(LayerWriter, CancelledWriteLeavesNoFiles)
{
    QTemporaryDir dir;
    Feedback feedback;
    feedback.cancel();
    EXPECT_THROW(io::writeLayer(polygonLayer(crs::cgcs2000()),
                                dir.filePath(QStringLiteral("p.gpkg")), {}, nullptr, &feedback),
                 CancelledError);
    EXPECT_TRUE(QDir(dir.path())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                    .isEmpty());
}

TEST(LayerWriter, ReprojectsToTargetCrs)
{
    QTemporaryDir dir;
    io::WriteOptions options;
    options.targetCrs = crs::Crs::fromEpsg(4549);
    const QString path = dir.filePath(QStringLiteral("p.gpkg"));
    io::writeLayer(pointLayer(), path, options);
    const model::VectorLayer read = io::readLayer(path);
    EXPECT_EQ(read.crs.epsg(), 4549);
    geos::Context context;
    const geos::GeometryPtr point = geos::fromWkb(context, read.features[0].wkb);
    double x = 0, y = 0;
    GEOSGeomGetX_r(context.handle(), point.get(), &x);
    GEOSGeomGetY_r(context.handle(), point.get(), &y);
    // `echo 28.123456 120.712345 | cs2cs EPSG:4490 EPSG:4549 -f %.3f` → 3112328.286 569988.576
    EXPECT_NEAR(x, 569988.576, 0.01);
    EXPECT_NEAR(y, 3112328.286, 0.01);
}

TEST(LayerWriter, XlsxLeavesOutGeometryTooLongForAnExcelCell)
{
    QTemporaryDir dir;
    model::VectorLayer layer = polygonLayer(crs::cgcs2000());
    // A 4 000-vertex circle: its WKT is far past Excel's 32 767 characters per cell.
    QStringList ring;
    for (int i = 0; i < 4000; ++i) {
        const double angle = 2 * M_PI * i / 4000;
        ring.append(QStringLiteral("%1 %2")
                        .arg(120.7 + 0.05 * std::cos(angle), 0, 'f', 9)
                        .arg(28.1 + 0.05 * std::sin(angle), 0, 'f', 9));
    }
    ring.append(ring.first());
    layer.features[1].wkb =
        wkbOf(QStringLiteral("POLYGON((") + ring.join(QLatin1Char(',')) + QStringLiteral("))"));
    io::WriteReport report;
    const QString path = dir.filePath(QStringLiteral("stats.xlsx"));
    io::writeLayer(layer, path, {}, &report);
    EXPECT_TRUE(report.notes.join(QLatin1Char(' ')).contains(QStringLiteral("32 767")));
    const io::TextTable table = io::readXlsxTable(path);
    EXPECT_FALSE(table.headers.contains(QStringLiteral("wkt")));
    EXPECT_EQ(table.rows.size(), 2);
    EXPECT_EQ(table.rows[1][0], QStringLiteral("鹤盛镇（山区）"));
}
