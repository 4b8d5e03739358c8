// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/crs/coordinate_transform.h"
#include "core/crs/crs.h"
#include "core/crs/metric_crs.h"
#include "core/error.h"

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::crs;

TEST(Crs, ParsesUserInputForms)
{
    EXPECT_EQ(Crs::fromUserInput(QStringLiteral("EPSG:4490")).epsg(), 4490);
    EXPECT_EQ(Crs::fromUserInput(QStringLiteral("4549")).epsg(), 4549);
    EXPECT_TRUE(Crs::fromUserInput(QStringLiteral("EPSG:4490")).isGeographic());
    EXPECT_FALSE(Crs::fromUserInput(QStringLiteral("EPSG:4549")).isGeographic());
    EXPECT_THROW(Crs::fromUserInput(QStringLiteral("EPSG:999999")), InputError);
    EXPECT_THROW(Crs::fromUserInput(QStringLiteral("not a crs")), InputError);
}

TEST(Crs, IdentifiesEsriPrjText)
{
    // The ESRI WKT that ArcGIS writes into .prj files for CGCS2000 has no EPSG code.
    const QString esri = QStringLiteral(
        "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
        "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
        "UNIT[\"Degree\",0.0174532925199433]]");
    const Crs crs = Crs::fromWkt(esri);
    ASSERT_TRUE(crs.isValid());
    EXPECT_EQ(crs.epsg(), 4490);
}

TEST(Crs, MetricCrsIsTheGaussKrugerZoneOfTheData)
{
    // Yongjia county spans about 120.3°–120.9° E: zone CM 120° E, EPSG:4549.
    EXPECT_EQ(metricCrsFor(cgcs2000(), 120.3, 27.9, 120.9, 28.6).epsg(), 4549);
    // Centre 121.45° E is still nearer 120° E than 123° E; centre 122.2° E is not.
    EXPECT_EQ(metricCrsFor(cgcs2000(), 121.0, 29.5, 121.9, 30.2).epsg(), 4549);
    EXPECT_EQ(metricCrsFor(cgcs2000(), 122.0, 29.5, 122.4, 30.2).epsg(), 4550);
    // Projected data is measured in its own CRS.
    EXPECT_EQ(metricCrsFor(Crs::fromEpsg(4549), 0, 0, 1, 1).epsg(), 4549);
    EXPECT_THROW(metricCrsFor(Crs(), 0, 0, 1, 1), InputError);
}

TEST(CoordinateTransform, MatchesProjReferencePoint)
{
    // Reference: `echo 28.15 120.7 | cs2cs EPSG:4490 EPSG:4549 -f %.4f` (PROJ 9.1.1, which
    // uses the authorities' axis order: lat lon in, northing easting out) gives
    // 3115263.0119 568758.6843.
    CoordinateTransform transform(cgcs2000(), Crs::fromEpsg(4549));
    double x = 120.7, y = 28.15;
    ASSERT_TRUE(transform.transformPoint(x, y));
    EXPECT_NEAR(x, 568758.6843, 0.001);
    EXPECT_NEAR(y, 3115263.0119, 0.001);
}

TEST(CoordinateTransform, SameCrsIsIdentity)
{
    CoordinateTransform transform(Crs::fromEpsg(4549), Crs::fromEpsg(4549));
    EXPECT_TRUE(transform.isIdentity());
}
