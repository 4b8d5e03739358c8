// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geometry/layer_extent.h"

#include <gtest/gtest.h>

#include <ogr_api.h>

#include <vector>

using namespace riskatlas;

namespace {

struct Flavour
{
    const char *name;
    OGRwkbByteOrder order;
    OGRwkbVariant variant;
};

// ISO (1003 = Polygon Z) and old OGC/PostGIS-style (Z in the high bit) codes, both byte
// orders: the readers hand over whichever their source had.
const Flavour kFlavours[] = {
    {"ISO little-endian", wkbNDR, wkbVariantIso},
    {"ISO big-endian", wkbXDR, wkbVariantIso},
    {"old OGC little-endian", wkbNDR, wkbVariantOldOgc},
};

const char *const kGeometries[] = {
    "POINT (120.5 28.1)",
    "POINT Z (1 2 3)",
    "POINT M (1 2 3)",
    "POINT ZM (1 2 3 4)",
    "LINESTRING (3 4, -1 7, 2 -5)",
    "LINESTRING Z (3 4 100, -1 7 -100)",
    "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2))",
    "POLYGON ZM ((0 0 1 2, 10 0 1 2, 10 10 1 2, 0 0 1 2))",
    "MULTIPOINT ((1 1), (-4 9))",
    "MULTILINESTRING ((0 0, 1 1), (5 5, 6 -6))",
    "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((40 40, 41 40, 41 45, 40 40)))",
    "MULTIPOLYGON Z (((0 0 5, 1 0 5, 1 1 5, 0 0 5)), ((-3 2 1, 1 2 1, 1 9 1, -3 2 1)))",
    "GEOMETRYCOLLECTION (POINT (7 7), LINESTRING (0 0, -2 3), "
    "GEOMETRYCOLLECTION (POLYGON ((9 9, 12 9, 12 14, 9 9))))",
    "MULTIPOLYGON (EMPTY, ((0 0, 1 0, 1 1, 0 0)))",
    // Curves are left to OGR.
    "CIRCULARSTRING (0 0, 1 1, 2 0)",
    "CURVEPOLYGON (COMPOUNDCURVE (CIRCULARSTRING (0 0, 1 1, 2 0), (2 0, 0 0)))",
};

const char *const kEmpty[] = {"POINT EMPTY", "LINESTRING EMPTY", "POLYGON EMPTY",
                              "MULTIPOLYGON EMPTY", "GEOMETRYCOLLECTION EMPTY"};

QByteArray wkbOf(OGRGeometryH geometry, const Flavour &flavour)
{
    QByteArray wkb(int(OGR_G_WkbSize(geometry)), Qt::Uninitialized);
    EXPECT_EQ(OGR_G_ExportToIsoWkb(geometry, flavour.order,
                                   reinterpret_cast<unsigned char *>(wkb.data())),
              OGRERR_NONE);
    if (flavour.variant != wkbVariantIso) {
        EXPECT_EQ(OGR_G_ExportToWkb(geometry, flavour.order,
                                    reinterpret_cast<unsigned char *>(wkb.data())),
                  OGRERR_NONE);
    }
    return wkb;
}

OGRGeometryH fromWkt(const char *wkt)
{
    char *text = const_cast<char *>(wkt);
    OGRGeometryH geometry = nullptr;
    EXPECT_EQ(OGR_G_CreateFromWkt(&text, nullptr, &geometry), OGRERR_NONE) << wkt;
    return geometry;
}

} // namespace

TEST(LayerExtent, WkbExtentIsOgrsEnvelope)
{
    for (const char *wkt : kGeometries) {
        OGRGeometryH geometry = fromWkt(wkt);
        ASSERT_NE(geometry, nullptr) << wkt;
        OGREnvelope envelope;
        OGR_G_GetEnvelope(geometry, &envelope);
        for (const Flavour &flavour : kFlavours) {
            const auto extent = geometry::wkbExtent(wkbOf(geometry, flavour));
            ASSERT_TRUE(extent) << wkt << ", " << flavour.name;
            EXPECT_EQ(extent->minX, envelope.MinX) << wkt << ", " << flavour.name;
            EXPECT_EQ(extent->minY, envelope.MinY) << wkt << ", " << flavour.name;
            EXPECT_EQ(extent->maxX, envelope.MaxX) << wkt << ", " << flavour.name;
            EXPECT_EQ(extent->maxY, envelope.MaxY) << wkt << ", " << flavour.name;
        }
        OGR_G_DestroyGeometry(geometry);
    }
}

TEST(LayerExtent, EmptyAndUnreadableWkbHaveNone)
{
    for (const char *wkt : kEmpty) {
        OGRGeometryH geometry = fromWkt(wkt);
        // Not the old OGC codes: OGR writes POINT EMPTY in them as POINT (0 0).
        for (const Flavour &flavour : {kFlavours[0], kFlavours[1]})
            EXPECT_FALSE(geometry::wkbExtent(wkbOf(geometry, flavour)))
                << wkt << ", " << flavour.name;
        OGR_G_DestroyGeometry(geometry);
    }
    EXPECT_FALSE(geometry::wkbExtent(QByteArray()));
    EXPECT_FALSE(geometry::wkbExtent(QByteArray("\x01\x03\x00\x00", 4)));
    // A polygon that claims a ring of a million vertices and ends after the count.
    EXPECT_FALSE(geometry::wkbExtent(
        QByteArray("\x01\x03\x00\x00\x00\x01\x00\x00\x00\x40\x42\x0f\x00", 13)));
    // Every truncation of a valid polygon is refused, never read past its end.
    OGRGeometryH polygon = fromWkt("POLYGON ((0 0, 10 0, 10 10, 0 0))");
    const QByteArray whole = wkbOf(polygon, kFlavours[0]);
    OGR_G_DestroyGeometry(polygon);
    for (int size = 0; size < whole.size(); ++size)
        EXPECT_FALSE(geometry::wkbExtent(whole.left(size))) << size << " bytes";
}

TEST(LayerExtent, LayerExtentJoinsTheFeatures)
{
    model::VectorLayer layer;
    for (const char *wkt : {"POINT (5 5)", "LINESTRING (-1 2, 3 4)", "POINT EMPTY"}) {
        OGRGeometryH geometry = fromWkt(wkt);
        layer.features.push_back(
            {qint64(layer.features.size()), {}, wkbOf(geometry, kFlavours[0])});
        OGR_G_DestroyGeometry(geometry);
    }
    layer.features.push_back({3, {}, {}});
    const auto extent = geometry::layerExtent(layer);
    ASSERT_TRUE(extent);
    EXPECT_EQ(extent->minX, -1);
    EXPECT_EQ(extent->minY, 2);
    EXPECT_EQ(extent->maxX, 5);
    EXPECT_EQ(extent->maxY, 5);
    EXPECT_FALSE(geometry::layerExtent(model::VectorLayer{}));
}
