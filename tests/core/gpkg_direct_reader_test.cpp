// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// GeoPackages read straight through SQLite must give the layer GDAL's driver gives: name, CRS,
// geometry type, fields, fids, values with their types, WKB bytes. Anything outside the plain
// case goes back to GDAL, with GDAL's result or error.
#include "core/crs/crs.h"
#include "core/error.h"
#include "core/gdal/gdal_handles.h"
#include "core/geos/geos_context.h"
#include "core/io/gpkg_direct_reader.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "support/test_support.h"

#include <QDate>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;

namespace {

model::VectorLayer readWith(const QString &spec, bool direct, int threads)
{
    io::ReadOptions options;
    options.directGeoPackage = direct;
    options.validateGeometry = false;
    options.threads = threads;
    return io::readLayer(spec, options);
}

void expectSameLayer(const model::VectorLayer &gdal, const model::VectorLayer &direct,
                     const QString &what)
{
    const std::string label = what.toStdString();
    EXPECT_EQ(direct.name, gdal.name) << label;
    EXPECT_EQ(direct.crs.wkt(), gdal.crs.wkt()) << label;
    EXPECT_EQ(direct.crs.epsg(), gdal.crs.epsg()) << label;
    EXPECT_EQ(direct.crs.name(), gdal.crs.name()) << label;
    EXPECT_EQ(direct.crs.isGeographic(), gdal.crs.isGeographic()) << label;
    EXPECT_EQ(direct.geometryType, gdal.geometryType) << label;
    EXPECT_EQ(direct.fields, gdal.fields) << label;
    EXPECT_EQ(direct.sourceEncoding, gdal.sourceEncoding) << label;
    EXPECT_EQ(direct.encodingSource, gdal.encodingSource) << label;
    ASSERT_EQ(direct.features.size(), gdal.features.size()) << label;
    for (std::size_t i = 0; i < gdal.features.size(); ++i) {
        const model::Feature &a = gdal.features[i];
        const model::Feature &b = direct.features[i];
        ASSERT_EQ(b.fid, a.fid) << label << " #" << i;
        ASSERT_EQ(b.wkb, a.wkb) << label << " fid " << a.fid;
        ASSERT_EQ(b.attributes.size(), a.attributes.size()) << label << " fid " << a.fid;
        for (qsizetype k = 0; k < a.attributes.size(); ++k) {
            ASSERT_EQ(b.attributes[k].typeId(), a.attributes[k].typeId())
                << label << " fid " << a.fid << " field " << k;
            ASSERT_EQ(b.attributes[k], a.attributes[k]) << label << " fid " << a.fid;
        }
    }
}

QByteArray pointWkb(const geos::Context &context, double x, double y)
{
    const geos::GeometryPtr point =
        geos::own(context, GEOSGeom_createPointFromXY_r(context.handle(), x, y));
    return geos::toWkb(context, point.get());
}

QByteArray squaresWkb(const geos::Context &context, double x, double y)
{
    const geos::GeometryPtr geometry = geos::fromWkt(
        context, QStringLiteral("MULTIPOLYGON(((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2),(%5 %6,%5 %7,%8 "
                                "%7,%8 %6,%5 %6)),((%9 %2,%10 %2,%10 %4,%9 %2)))")
                     .arg(x)
                     .arg(y)
                     .arg(x + 100)
                     .arg(y + 100)
                     .arg(x + 10)
                     .arg(y + 10)
                     .arg(y + 20)
                     .arg(x + 20)
                     .arg(x + 200)
                     .arg(x + 300));
    return geos::toWkb(context, geometry.get());
}

// Every field type the direct reader handles, Chinese names and text, nulls, null geometries.
model::VectorLayer typedLayer(int count)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = QStringLiteral("风险区划");
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = model::GeometryType::MultiPolygon;
    layer.fields = {{QStringLiteral("名称"), model::FieldType::String, 0, 0},
                    {QStringLiteral("code"), model::FieldType::String, 12, 0},
                    {QStringLiteral("level"), model::FieldType::Integer, 0, 0},
                    {QStringLiteral("人口"), model::FieldType::Integer64, 0, 0},
                    {QStringLiteral("area"), model::FieldType::Real, 0, 0},
                    {QStringLiteral("checked"), model::FieldType::Boolean, 0, 0}};
    for (int i = 0; i < count; ++i) {
        model::Feature feature;
        feature.fid = i + 1;
        feature.attributes = {i % 5 == 0 ? QVariant() : QVariant(QStringLiteral("乡镇%1").arg(i)),
                              QVariant(QStringLiteral("C%1").arg(i)),
                              i % 7 == 0 ? QVariant() : QVariant(i % 5 + 1),
                              QVariant(qint64(i) * 3000000000LL),
                              QVariant(0.5 * i - 3.25),
                              QVariant(i % 2 == 0)};
        if (i % 13 != 4)
            feature.wkb = squaresWkb(context, 500000.0 + 400 * i, 3100000.0 + 7 * i);
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

void executeSql(const QString &path, const QByteArray &sql)
{
    gdal::ensureRegistered();
    const QByteArray name = QFile::encodeName(path);
    gdal::DatasetPtr dataset(
        GDALOpenEx(name.constData(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    ASSERT_TRUE(dataset);
    OGRLayerH result = GDALDatasetExecuteSQL(dataset.get(), sql.constData(), nullptr, nullptr);
    if (result)
        GDALDatasetReleaseResultSet(dataset.get(), result);
}

TEST(GpkgDirectReader, SampleLayersAreTheLayersGdalReads)
{
    const QString census = test::sampleDataPath(QStringLiteral("yongjia/census.gpkg"));
    const QStringList layers = io::listLayers(census);
    ASSERT_GE(layers.size(), 8);
    for (const QString &name : layers) {
        const QString spec = census + QStringLiteral("|layername=") + name;
        ASSERT_TRUE(io::readGpkgDirect(io::DatasetPath::parse(spec), 1, nullptr))
            << name.toStdString() << " should be read directly";
        const model::VectorLayer gdal = readWith(spec, false, 1);
        EXPECT_FALSE(gdal.features.empty()) << name.toStdString();
        expectSameLayer(gdal, readWith(spec, true, 1), spec);
        expectSameLayer(gdal, readWith(spec, true, 2), spec + QStringLiteral(" (2 threads)"));
    }
}

// ReadOptions::fields: only the named fields, in the layer's order, the same through SQLite
// and through GDAL; none at all; a missing name is an InputError naming the layer and listing
// its fields (GDAL's path reports it, the direct reader steps aside).
TEST(GpkgDirectReader, OnlyTheWantedFieldsAreRead)
{
    const QString spec = test::sampleDataPath(QStringLiteral("yongjia/census.gpkg")) +
                         QStringLiteral("|layername=buildings");
    const model::VectorLayer all = readWith(spec, true, 1);
    ASSERT_GE(all.fields.size(), 4);
    const QString first = all.fields[0].name;
    const QString third = all.fields[2].name;
    auto readFields = [&](bool direct, int threads, const QStringList &fields) {
        io::ReadOptions options;
        options.directGeoPackage = direct;
        options.validateGeometry = false;
        options.threads = threads;
        options.fields = fields;
        return io::readLayer(spec, options);
    };
    ASSERT_TRUE(io::readGpkgDirect(io::DatasetPath::parse(spec), 1, nullptr, QStringList{third}));
    const model::VectorLayer gdal = readFields(false, 1, {third, first});
    ASSERT_EQ(gdal.fields.size(), 2);
    EXPECT_EQ(gdal.fields[0], all.fields[0]);
    EXPECT_EQ(gdal.fields[1], all.fields[2]);
    ASSERT_EQ(gdal.features.size(), all.features.size());
    for (std::size_t i = 0; i < all.features.size(); ++i) {
        ASSERT_EQ(gdal.features[i].attributes,
                  (QVariantList{all.features[i].attributes[0], all.features[i].attributes[2]}))
            << i;
        ASSERT_EQ(gdal.features[i].wkb, all.features[i].wkb) << i;
    }
    expectSameLayer(gdal, readFields(true, 1, {third, first}), QStringLiteral("two fields"));
    expectSameLayer(gdal, readFields(true, 2, {third, first}),
                    QStringLiteral("two fields, 2 threads"));

    const model::VectorLayer none = readFields(true, 2, {});
    EXPECT_TRUE(none.fields.isEmpty());
    ASSERT_EQ(none.features.size(), all.features.size());
    EXPECT_TRUE(none.features.back().attributes.isEmpty());
    expectSameLayer(readFields(false, 1, {}), none, QStringLiteral("no fields"));

    EXPECT_FALSE(io::readGpkgDirect(io::DatasetPath::parse(spec), 1, nullptr,
                                    QStringList{QStringLiteral("no_such_field")}));
    try {
        readFields(true, 1, {first, QStringLiteral("no_such_field")});
        FAIL() << "a missing field must be refused";
    } catch (const InputError &error) {
        const std::string message = error.formatted().toStdString();
        EXPECT_NE(message.find("no_such_field"), std::string::npos) << message;
        EXPECT_NE(message.find("buildings"), std::string::npos) << message;
        EXPECT_NE(message.find(third.toStdString()), std::string::npos) << message;
    }
}

TEST(GpkgDirectReader, EveryHandledFieldTypeOnSeveralConnections)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("风险 区划.gpkg"));
    io::writeLayer(typedLayer(25003), path);
    // GDAL declares text without a width; a column declared with one (as other tools write).
    executeSql(path, "ALTER TABLE \"风险区划\" ADD COLUMN \"简称\" TEXT(12)");
    executeSql(path, "UPDATE \"风险区划\" SET \"简称\" = '区' || fid WHERE fid % 3 = 0");
    ASSERT_TRUE(io::readGpkgDirect(io::DatasetPath::parse(path), 1, nullptr));
    const model::VectorLayer gdal = readWith(path, false, 1);
    ASSERT_EQ(gdal.features.size(), 25003u);
    for (const int threads : {1, 2, 3})
        expectSameLayer(gdal, readWith(path, true, threads),
                        QStringLiteral("%1 threads").arg(threads));
    // The text width and the 64-bit integers made it through, not only equality with GDAL.
    const model::VectorLayer direct = readWith(path, true, 2);
    EXPECT_FALSE(io::readGpkgDirect(io::DatasetPath::parse(path), 1, nullptr)->geometryValidated)
        << "polygons are for GEOS to check";
    ASSERT_EQ(direct.fields.size(), 7);
    EXPECT_EQ(direct.fields[6].width, 12);
    EXPECT_EQ(direct.features[2].attributes[6], QVariant(QStringLiteral("区3")));
    EXPECT_EQ(direct.features[25002].attributes[3].toLongLong(), 25002LL * 3000000000LL);
    EXPECT_EQ(direct.features[0].attributes[2], QVariant());
    EXPECT_EQ(direct.features[4].wkb, QByteArray());
}

TEST(GpkgDirectReader, PointsKeepTheirBytes)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = QStringLiteral("points");
    layer.crs = crs::Crs::fromEpsg(4490);
    layer.geometryType = model::GeometryType::Point;
    layer.fields = {{QStringLiteral("n"), model::FieldType::Integer, 0, 0}};
    for (int i = 0; i < 300; ++i)
        layer.features.push_back({i + 1, {i}, pointWkb(context, 120.5 + i * 1e-4, 28.1)});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("points.gpkg"));
    io::writeLayer(layer, path);
    const model::VectorLayer direct = readWith(path, true, 1);
    expectSameLayer(readWith(path, false, 1), direct, path);
    ASSERT_EQ(direct.features.size(), layer.features.size());
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        ASSERT_EQ(direct.features[i].wkb, layer.features[i].wkb) << i;
    EXPECT_EQ(direct.crs.epsg(), 4490);

    // Finite 2D points are valid by definition: the check is skipped, the count is the same.
    EXPECT_TRUE(io::readGpkgDirect(io::DatasetPath::parse(path), 1, nullptr)->geometryValidated);
    io::ReadReport viaGdal;
    io::ReadOptions gdalOptions;
    gdalOptions.directGeoPackage = false;
    io::readLayer(path, gdalOptions, &viaGdal);
    io::ReadReport viaSqlite;
    const model::VectorLayer checked = io::readLayer(path, {}, &viaSqlite);
    EXPECT_TRUE(checked.geometryValidated);
    EXPECT_EQ(viaSqlite.geometry.checked, viaGdal.geometry.checked);
    EXPECT_EQ(viaSqlite.geometry.checked, 300);
    EXPECT_EQ(viaSqlite.driver, viaGdal.driver);
    EXPECT_EQ(viaSqlite.notes, viaGdal.notes);
}

TEST(GpkgDirectReader, DatesAreLeftToGdal)
{
    model::VectorLayer layer = typedLayer(3);
    layer.fields.append({QStringLiteral("surveyed"), model::FieldType::Date, 0, 0});
    for (model::Feature &feature : layer.features)
        feature.attributes.append(QDate(2025, 6, 1));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dated.gpkg"));
    io::writeLayer(layer, path);
    EXPECT_FALSE(io::readGpkgDirect(io::DatasetPath::parse(path), 1, nullptr));
    expectSameLayer(readWith(path, false, 1), readWith(path, true, 1), path);
}

TEST(GpkgDirectReader, SeveralTablesWithoutANameAreLeftToGdal)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two.gpkg"));
    io::writeLayer(typedLayer(3), path);
    io::writeLayerIntoGeoPackage(typedLayer(2), path, QStringLiteral("second"));
    EXPECT_FALSE(io::readGpkgDirect(io::DatasetPath::parse(path), 1, nullptr));
    EXPECT_FALSE(io::readGpkgDirect(io::DatasetPath::parse(path + QStringLiteral("|layerid=1")), 1,
                                    nullptr));
    EXPECT_TRUE(io::readGpkgDirect(
        io::DatasetPath::parse(path + QStringLiteral("|layername=second")), 1, nullptr));
    try {
        io::readLayer(path);
        FAIL() << "two layers without a name must be refused";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.message().contains(QStringLiteral("2 layers")))
            << error.message().toStdString();
    }
}

TEST(GpkgDirectReader, BadTextIsLeftToGdalsError)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.gpkg"));
    io::writeLayer(typedLayer(3), path);
    executeSql(path, "UPDATE \"风险区划\" SET \"名称\" = CAST(X'C0FFEE' AS TEXT) WHERE fid = 2");
    EXPECT_FALSE(io::readGpkgDirect(io::DatasetPath::parse(path), 1, nullptr));
    try {
        io::readLayer(path);
        FAIL() << "invalid UTF-8 must be refused";
    } catch (const InputError &error) {
        EXPECT_EQ(error.location().row, 2);
        EXPECT_TRUE(error.message().contains(QStringLiteral("名称")))
            << error.message().toStdString();
    }
}

TEST(GpkgDirectReader, ANonGeoPackageIsLeftToGdal)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not.gpkg"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("not a database at all");
    file.close();
    EXPECT_FALSE(io::readGpkgDirect(io::DatasetPath::parse(path), 1, nullptr));
    EXPECT_THROW(io::readLayer(path), InputError);
}

} // namespace
