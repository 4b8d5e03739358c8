// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geometry/wkb_polygon_rings.h"
#include "core/geos/geos_context.h"
#include "support/wkb_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace riskatlas;
using namespace riskatlas::geometry;
using test::rectangleRing;
using test::squareWithHoleWkb;
using test::WkbWriter;

TEST(WkbPolygonRings, RingsOfAPolygonInEitherByteOrder)
{
    for (bool bigEndian : {false, true}) {
        std::vector<double> xy{7, 7};
        std::vector<std::size_t> ends;
        ASSERT_TRUE(readWkbPolygonRings(squareWithHoleWkb(bigEndian), xy, &ends)) << bigEndian;
        ASSERT_EQ(xy.size(), 2u + 20u); // appended after what was there
        EXPECT_EQ(ends, (std::vector<std::size_t>{6, 11}));
        EXPECT_EQ(xy[2], 0);
        EXPECT_EQ(xy[6], 10); // (10, 10), the third vertex
        EXPECT_EQ(xy[7], 10);
        EXPECT_EQ(xy[12], 4); // the hole's first vertex
        EXPECT_EQ(xy[13], 4);
    }
}

TEST(WkbPolygonRings, MultiPolygonsMixedByteOrderAndPostgisSrid)
{
    const QByteArray multi =
        WkbWriter()
            .header(6)
            .uint32(2)
            .raw(squareWithHoleWkb(true))
            .raw(WkbWriter().header(3).uint32(1).ring(rectangleRing(20, 0, 21, 1)).data())
            .data();
    std::vector<double> xy;
    std::vector<std::size_t> ends;
    ASSERT_TRUE(readWkbPolygonRings(multi, xy, &ends));
    EXPECT_EQ(ends, (std::vector<std::size_t>{5, 10, 15}));
    EXPECT_EQ(xy[20], 20);

    // PostGIS EWKB: the SRID flag and the SRID are skipped.
    const QByteArray ewkb = WkbWriter()
                                .header(0x20000003u)
                                .uint32(4549)
                                .uint32(1)
                                .ring(rectangleRing(1, 2, 3, 4))
                                .data();
    xy.clear();
    ASSERT_TRUE(readWkbPolygonRings(ewkb, xy));
    EXPECT_EQ(xy[0], 1);
    EXPECT_EQ(xy[1], 2);

    // GEOS's own WKB, as the layers hold it.
    geos::Context context;
    const QByteArray fromGeos = geos::toWkb(
        context, geos::fromWkt(context, QStringLiteral("MULTIPOLYGON(((0 0,9 0,9 9,0 0)))")).get());
    xy.clear();
    ends.clear();
    ASSERT_TRUE(readWkbPolygonRings(fromGeos, xy, &ends));
    EXPECT_EQ(xy, (std::vector<double>{0, 0, 9, 0, 9, 9, 0, 0}));
}

TEST(WkbPolygonRings, AnythingElseIsLeftToGeos)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QList<QByteArray> refused = {
        WkbWriter().header(2).ring({{0, 0}, {1, 1}}).data(),                         // a line
        WkbWriter().header(1003).uint32(1).uint32(1).real(0).real(0).real(0).data(), // Z
        WkbWriter().header(0x40000003u).uint32(0).data(),                            // EWKB M
        WkbWriter().header(3).uint32(1).ring({{0, 0}, {nan, 1}, {0, 0}}).data(),     // NaN
        WkbWriter().header(3).uint32(0xffffffffu).data(),                    // lying ring count
        WkbWriter().header(3).uint32(1).uint32(1000).real(0).real(0).data(), // lying point count
        WkbWriter().header(3).uint32(0).uint32(0).data(),                    // bytes left over
        WkbWriter()
            .header(6)
            .uint32(1)
            .raw(WkbWriter().header(2).ring({{0, 0}, {1, 1}}).data())
            .data(),                           // a line inside a MultiPolygon
        QByteArray("\x07\x03\x00\x00\x00", 5), // byte order 7
    };
    for (const QByteArray &wkb : refused) {
        std::vector<double> xy;
        EXPECT_FALSE(readWkbPolygonRings(wkb, xy)) << wkb.toHex().constData();
    }
    const QByteArray good = squareWithHoleWkb(false);
    for (qsizetype size = 0; size < good.size(); ++size) {
        // A copy of exactly `size` bytes, so that a read past the end shows under ASan.
        const QByteArray truncated(good.constData(), size);
        std::vector<double> xy;
        EXPECT_FALSE(readWkbPolygonRings(truncated, xy)) << size;
    }
    // An empty polygon is well-formed and has no rings.
    std::vector<double> xy;
    std::vector<std::size_t> ends;
    EXPECT_TRUE(readWkbPolygonRings(WkbWriter().header(3).uint32(0).data(), xy, &ends));
    EXPECT_TRUE(xy.empty());
    EXPECT_TRUE(ends.empty());
}

TEST(WkbPolygonRings, AreaAndExtentAgreeWithGeosToTheLastBit)
{
    geos::Context context;
    std::mt19937 random(20261130);
    std::uniform_real_distribution<double> offset(-40, 40);
    for (int trial = 0; trial < 200; ++trial) {
        // A star-shaped shell around a far-off centre (Gauss-Krüger metres) with a hole, and a
        // second polygon; ring orientations as they come.
        const double cx = 500000 + offset(random) * 1000;
        const double cy = 3100000 + offset(random) * 1000;
        QString shell;
        QString hole;
        const int points = 5 + trial % 40;
        std::vector<double> radii(points);
        for (double &radius : radii)
            radius = 100 + std::abs(offset(random));
        for (int k = 0; k <= points; ++k) {
            const double angle = 2 * M_PI * (k % points) / points * (trial % 2 ? 1 : -1);
            const double radius = radii[k % points];
            shell += QStringLiteral("%1 %2,")
                         .arg(cx + radius * std::cos(angle), 0, 'f', 3)
                         .arg(cy + radius * std::sin(angle), 0, 'f', 3);
            hole += QStringLiteral("%1 %2,")
                        .arg(cx + 20 * std::cos(-angle), 0, 'f', 3)
                        .arg(cy + 20 * std::sin(-angle), 0, 'f', 3);
        }
        shell.chop(1);
        hole.chop(1);
        const QString wkt = QStringLiteral("MULTIPOLYGON(((%1),(%2)),((%3 %4,%5 %4,%5 %6,%3 %4)))")
                                .arg(shell, hole)
                                .arg(cx + 500)
                                .arg(cy)
                                .arg(cx + 530)
                                .arg(cy + 17.25);
        const geos::GeometryPtr geometry = geos::fromWkt(context, wkt);
        std::vector<double> xy;
        std::vector<std::size_t> rings;
        std::vector<std::size_t> polygons;
        ASSERT_TRUE(
            readWkbPolygonRings(geos::toWkb(context, geometry.get()), xy, &rings, &polygons));
        EXPECT_EQ(polygons, (std::vector<std::size_t>{2, 3}));
        const WkbPolygonMeasure measure = measurePolygonRings(xy, rings, polygons);
        double area = 0;
        GEOSArea_r(context.handle(), geometry.get(), &area);
        EXPECT_EQ(measure.area, area) << trial; // exactly
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
        GEOSGeom_getExtent_r(context.handle(), geometry.get(), &minX, &minY, &maxX, &maxY);
        EXPECT_TRUE(measure.hasExtent);
        EXPECT_EQ(measure.minX, minX);
        EXPECT_EQ(measure.minY, minY);
        EXPECT_EQ(measure.maxX, maxX);
        EXPECT_EQ(measure.maxY, maxY);
    }
    const WkbPolygonMeasure empty = measurePolygonRings({}, {}, {0});
    EXPECT_FALSE(empty.hasExtent);
    EXPECT_EQ(empty.area, 0);
}
