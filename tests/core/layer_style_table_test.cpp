// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// The layer_styles table compared with the one QGIS 3.22 itself writes (QgsVectorLayer::
// saveStyleToDatabase on a GeoPackage): same columns, an attributes table in gpkg_contents,
// empty catalog and schema, the layer's geometry column, useAsDefault 1.
#include "core/error.h"
#include "core/gdal/gdal_handles.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"
#include "core/package/layer_style_table.h"
#include "support/test_support.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;

namespace {

// Runs `sql` on the GeoPackage; every row as text values.
QList<QStringList> query(const QString &gpkg, const char *sql)
{
    gdal::DatasetPtr dataset(
        GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    EXPECT_TRUE(dataset);
    QList<QStringList> rows;
    if (!dataset)
        return rows;
    OGRLayerH result = GDALDatasetExecuteSQL(dataset.get(), sql, nullptr, nullptr);
    EXPECT_TRUE(result) << sql;
    if (!result)
        return rows;
    OGR_L_ResetReading(result);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(result)) {
        QStringList row;
        for (int i = 0; i < OGR_F_GetFieldCount(feature); ++i)
            row.append(OGR_F_IsFieldSetAndNotNull(feature, i)
                           ? QString::fromUtf8(OGR_F_GetFieldAsString(feature, i))
                           : QStringLiteral("NULL"));
        rows.append(row);
        OGR_F_Destroy(feature);
    }
    GDALDatasetReleaseResultSet(dataset.get(), result);
    return rows;
}

} // namespace

TEST(LayerStyleTableTest, MatchesWhatQgisWrites)
{
    QTemporaryDir dir;
    const QString gpkg = dir.filePath(QStringLiteral("成果.gpkg"));
    io::WriteOptions options;
    options.layerName = QStringLiteral("乡镇界");
    io::writeLayer(io::readLayer(test::sampleDataPath(QStringLiteral("yongjia/townships.shp"))),
                   gpkg, options);
    package::writeLayerStyles(gpkg, {{QStringLiteral("乡镇界"), QStringLiteral("乡镇（街道）"),
                                      QStringLiteral("<qgis/>"), QStringLiteral("说明")}});

    EXPECT_EQ(query(gpkg, "SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'"),
              QList<QStringList>{{QStringLiteral("attributes")}});
    const QList<QStringList> columns =
        query(gpkg, "SELECT name FROM pragma_table_info('layer_styles')");
    QStringList names;
    for (const QStringList &row : columns)
        names.append(row.value(0));
    EXPECT_EQ(names, (QStringList{QStringLiteral("id"), QStringLiteral("f_table_catalog"),
                                  QStringLiteral("f_table_schema"), QStringLiteral("f_table_name"),
                                  QStringLiteral("f_geometry_column"), QStringLiteral("styleName"),
                                  QStringLiteral("styleQML"), QStringLiteral("styleSLD"),
                                  QStringLiteral("useAsDefault"), QStringLiteral("description"),
                                  QStringLiteral("owner"), QStringLiteral("ui"),
                                  QStringLiteral("update_time")}));
    const QList<QStringList> rows =
        query(gpkg, "SELECT f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                    "styleName, styleQML, useAsDefault, description, typeof(useAsDefault) "
                    "FROM layer_styles");
    ASSERT_EQ(rows.size(), 1);
    EXPECT_EQ(rows[0], (QStringList{QString(), QString(), QStringLiteral("乡镇界"),
                                    QStringLiteral("geom"), QStringLiteral("乡镇（街道）"),
                                    QStringLiteral("<qgis/>"), QStringLiteral("1"),
                                    QStringLiteral("说明"), QStringLiteral("integer")}));
}

TEST(LayerStyleTableTest, UnknownLayerWritesNothing)
{
    QTemporaryDir dir;
    const QString gpkg = dir.filePath(QStringLiteral("a.gpkg"));
    io::writeLayer(io::readLayer(test::sampleDataPath(QStringLiteral("yongjia/townships.shp"))),
                   gpkg);
    EXPECT_THROW(
        package::writeLayerStyles(
            gpkg, {{QStringLiteral("nope"), QStringLiteral("s"), QStringLiteral("<qgis/>"), {}}}),
        InputError);
    EXPECT_TRUE(
        query(gpkg, "SELECT 1 FROM gpkg_contents WHERE table_name = 'layer_styles'").isEmpty());
}
