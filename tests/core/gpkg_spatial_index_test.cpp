// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// The GeoPackage writer packs the R-tree itself; SQLite's own checker, GDAL and a brute-force
// envelope search must all agree with what was written.
#include "core/crs/crs.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_writer.h"

#include <QFile>
#include <QTemporaryDir>

#include <gdal.h>
#include <ogr_api.h>

#include <gtest/gtest.h>

#include <random>
#include <set>

using namespace riskatlas;

namespace {

struct Box
{
    double minX, minY, maxX, maxY;
};

QByteArray rectangleWkb(const geos::Context &context, const Box &box)
{
    const geos::GeometryPtr geometry =
        geos::own(context, GEOSGeom_createRectangle_r(context.handle(), box.minX, box.minY,
                                                      box.maxX, box.maxY));
    return geos::toWkb(context, geometry.get());
}

// `count` rectangles in a 50 km square (Gauss-Krüger metres), some features without geometry.
model::VectorLayer rectangles(const QString &name, int count, std::vector<Box> &boxes)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = name;
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = model::GeometryType::Polygon;
    layer.fields = {{QStringLiteral("名称"), model::FieldType::String}};
    std::mt19937 random(20261129);
    std::uniform_real_distribution<double> position(0, 50000);
    std::uniform_real_distribution<double> size(1, 400);
    for (int i = 0; i < count; ++i) {
        model::Feature feature;
        feature.fid = i + 1;
        feature.attributes = {QStringLiteral("房屋%1").arg(i)};
        if (i % 97 != 13) {
            const double x = 500000 + position(random);
            const double y = 3100000 + position(random);
            const Box box{x, y, x + size(random), y + size(random)};
            boxes.push_back(box);
            feature.wkb = rectangleWkb(context, box);
        } else {
            boxes.push_back({0, 0, -1, -1}); // no geometry
        }
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

class Dataset
{
public:
    explicit Dataset(const QString &path, bool update = false)
        : m_handle(GDALOpenEx(QFile::encodeName(path).constData(),
                              GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : 0), nullptr, nullptr,
                              nullptr))
    {}
    ~Dataset() { GDALClose(m_handle); }
    GDALDatasetH handle() const { return m_handle; }

    // The first column of the first row of `sql` as text.
    QString scalar(const QString &sql) const
    {
        OGRLayerH result =
            GDALDatasetExecuteSQL(m_handle, sql.toUtf8().constData(), nullptr, nullptr);
        if (!result)
            return QStringLiteral("<no result>");
        QString value;
        if (OGRFeatureH feature = OGR_L_GetNextFeature(result)) {
            value = QString::fromUtf8(OGR_F_GetFieldAsString(feature, 0));
            OGR_F_Destroy(feature);
        }
        GDALDatasetReleaseResultSet(m_handle, result);
        return value;
    }

private:
    GDALDatasetH m_handle;
};

std::set<qint64> search(OGRLayerH layer, const Box &window)
{
    std::set<qint64> fids;
    OGR_L_SetSpatialFilterRect(layer, window.minX, window.minY, window.maxX, window.maxY);
    OGR_L_ResetReading(layer);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        fids.insert(OGR_F_GetFID(feature));
        OGR_F_Destroy(feature);
    }
    return fids;
}

TEST(GpkgSpatialIndex, PackedTreePassesSqliteCheckAndAnswersWindowQueries)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("房屋.gpkg"));
    std::vector<Box> boxes;
    const model::VectorLayer layer = rectangles(QStringLiteral("房屋"), 20000, boxes);
    io::writeLayer(layer, path);

    Dataset dataset(path);
    ASSERT_NE(dataset.handle(), nullptr);
    EXPECT_EQ(dataset.scalar(QStringLiteral("SELECT HasSpatialIndex('房屋', 'geom')")),
              QStringLiteral("1"));
    EXPECT_EQ(dataset.scalar(QStringLiteral("SELECT rtreecheck('rtree_房屋_geom')")),
              QStringLiteral("ok"));
    qint64 withGeometry = 0;
    for (const Box &box : boxes)
        withGeometry += box.maxX >= box.minX ? 1 : 0;
    EXPECT_EQ(dataset.scalar(QStringLiteral("SELECT count(*) FROM \"rtree_房屋_geom\"")),
              QString::number(withGeometry));
    EXPECT_EQ(dataset.scalar(QStringLiteral("SELECT count(*) FROM gpkg_extensions WHERE "
                                            "table_name = '房屋' AND extension_name = "
                                            "'gpkg_rtree_index'")),
              QStringLiteral("1"));

    // GDAL answers spatial filters from the index; a brute-force search must give the same.
    OGRLayerH out = GDALDatasetGetLayer(dataset.handle(), 0);
    std::mt19937 random(7);
    std::uniform_real_distribution<double> position(0, 50000);
    for (int query = 0; query < 25; ++query) {
        const double x = 500000 + position(random);
        const double y = 3100000 + position(random);
        const Box window{x, y, x + 1500, y + 900};
        std::set<qint64> expected;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const Box &box = boxes[i];
            if (box.maxX >= box.minX && box.minX <= window.maxX && box.maxX >= window.minX &&
                box.minY <= window.maxY && box.maxY >= window.minY)
                expected.insert(qint64(i) + 1);
        }
        EXPECT_EQ(search(out, window), expected) << "window " << query;
    }
}

TEST(GpkgSpatialIndex, TriggersKeepThePackedTreeUpToDate)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("zones.gpkg"));
    std::vector<Box> boxes;
    io::writeLayer(rectangles(QStringLiteral("zones"), 3000, boxes), path);
    {
        Dataset dataset(path, true);
        ASSERT_NE(dataset.handle(), nullptr);
        OGRLayerH layer = GDALDatasetGetLayer(dataset.handle(), 0);
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGRGeometryH point = nullptr;
        const char *wkt = "POLYGON((400000 3000000,400010 3000000,400010 3000010,400000 "
                          "3000000))";
        char *cursor = const_cast<char *>(wkt);
        OGR_G_CreateFromWkt(&cursor, nullptr, &point);
        OGR_F_SetGeometryDirectly(feature, point);
        ASSERT_EQ(OGR_L_CreateFeature(layer, feature), OGRERR_NONE);
        const qint64 added = OGR_F_GetFID(feature);
        OGR_F_Destroy(feature);
        ASSERT_EQ(OGR_L_DeleteFeature(layer, 5), OGRERR_NONE);
        EXPECT_EQ(search(layer, {399990, 2999990, 400020, 3000020}), std::set<qint64>{added});
    }
    Dataset dataset(path);
    EXPECT_EQ(dataset.scalar(QStringLiteral("SELECT rtreecheck('rtree_zones_geom')")),
              QStringLiteral("ok"));
    EXPECT_EQ(dataset.scalar(QStringLiteral("SELECT count(*) FROM rtree_zones_geom WHERE id = 5")),
              QStringLiteral("0"));
}

TEST(GpkgSpatialIndex, SmallAndEmptyLayersGetAValidIndex)
{
    for (const int count : {0, 1, 50, 51, 52, 2602}) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("small.gpkg"));
        std::vector<Box> boxes;
        io::writeLayer(rectangles(QStringLiteral("small"), count, boxes), path);
        Dataset dataset(path);
        ASSERT_NE(dataset.handle(), nullptr);
        EXPECT_EQ(dataset.scalar(QStringLiteral("SELECT HasSpatialIndex('small', 'geom')")),
                  QStringLiteral("1"))
            << count;
        EXPECT_EQ(dataset.scalar(QStringLiteral("SELECT rtreecheck('rtree_small_geom')")),
                  QStringLiteral("ok"))
            << count;
    }
}

} // namespace
