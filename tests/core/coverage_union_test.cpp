// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geos/geos_context.h"
#include "core/overlay/coverage_union.h"
#include "support/wkb_writer.h"

#include <gtest/gtest.h>

#include <random>

using namespace riskatlas;
using namespace riskatlas::overlay;
using test::WkbWriter;

namespace {

QString square(double x, double y, double size)
{
    return QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
        .arg(x)
        .arg(y)
        .arg(x + size)
        .arg(y + size);
}

std::vector<QByteArray> wkbsOf(const geos::Context &context, const std::vector<QString> &wkts)
{
    std::vector<QByteArray> wkbs;
    for (const QString &wkt : wkts)
        wkbs.push_back(geos::toWkb(context, geos::fromWkt(context, wkt).get()));
    return wkbs;
}

// GEOS's own coverage union of the same polygons, the reference.
geos::GeometryPtr geosCoverageUnion(const geos::Context &context,
                                    const std::vector<QByteArray> &wkbs)
{
    std::vector<GEOSGeometry *> parts;
    for (const QByteArray &wkb : wkbs)
        parts.push_back(geos::fromWkb(context, wkb).release());
    const geos::GeometryPtr all =
        geos::own(context, GEOSGeom_createCollection_r(context.handle(), GEOS_GEOMETRYCOLLECTION,
                                                       parts.data(), unsigned(parts.size())));
    return geos::own(context, GEOSCoverageUnion_r(context.handle(), all.get()));
}

struct Shape
{
    int polygons = 0;
    int holes = 0;
    double area = 0;
};

Shape shapeOf(const geos::Context &context, const GEOSGeometry *geometry)
{
    Shape shape;
    const int count = GEOSGetNumGeometries_r(context.handle(), geometry);
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry *part = GEOSGetGeometryN_r(context.handle(), geometry, i);
        EXPECT_EQ(GEOSGeomTypeId_r(context.handle(), part), GEOS_POLYGON);
        ++shape.polygons;
        shape.holes += GEOSGetNumInteriorRings_r(context.handle(), part);
    }
    GEOSArea_r(context.handle(), geometry, &shape.area);
    return shape;
}

void expectSameAsGeos(const geos::Context &context, const std::vector<QByteArray> &wkbs,
                      const Shape &expected, const char *name)
{
    const geos::GeometryPtr ours = coverageUnionOfEdges(context, wkbs);
    ASSERT_TRUE(ours) << name;
    EXPECT_EQ(GEOSisValid_r(context.handle(), ours.get()), 1) << name;
    const Shape shape = shapeOf(context, ours.get());
    EXPECT_EQ(shape.polygons, expected.polygons) << name;
    EXPECT_EQ(shape.holes, expected.holes) << name;
    EXPECT_DOUBLE_EQ(shape.area, expected.area) << name;
    const geos::GeometryPtr reference = geosCoverageUnion(context, wkbs);
    ASSERT_TRUE(reference) << name;
    EXPECT_EQ(GEOSEquals_r(context.handle(), ours.get(), reference.get()), 1) << name;
}

} // namespace

TEST(CoverageUnionOfEdges, HandMadeCoveragesAsGeosUnitesThem)
{
    geos::Context context;
    // 3 × 3 cells of 10 m: one square.
    std::vector<QString> grid;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j)
            grid.push_back(square(10 * i, 10 * j, 10));
    }
    expectSameAsGeos(context, wkbsOf(context, grid), {1, 0, 900}, "grid");

    // The same without its centre: a ring with a hole.
    std::vector<QString> ring = grid;
    ring.erase(ring.begin() + 4);
    expectSameAsGeos(context, wkbsOf(context, ring), {1, 1, 800}, "ring");

    // Two cells meeting at a corner only: two polygons, one vertex where four edges meet.
    expectSameAsGeos(context, wkbsOf(context, {square(0, 0, 10), square(10, 10, 10)}), {2, 0, 200},
                     "corner");

    // An island in the hole of a ring, not touching it: two polygons, one with a hole.
    std::vector<QString> island = ring;
    island.push_back(square(13, 13, 4));
    expectSameAsGeos(context, wkbsOf(context, island), {2, 1, 816}, "island");

    // A hole that touches the outside at one vertex: the cells around (10..20)² meet only at
    // its corner (20, 20), and one more cell touches them only at (30, 20).
    expectSameAsGeos(context,
                     wkbsOf(context, {square(0, 0, 10), square(10, 0, 10), square(20, 0, 10),
                                      square(0, 10, 10), square(0, 20, 10), square(10, 20, 10),
                                      square(20, 10, 10), square(30, 20, 10)}),
                     {2, 1, 800}, "pinched");

    // Multi-part inputs and repeated vertices.
    expectSameAsGeos(context,
                     wkbsOf(context, {QStringLiteral("MULTIPOLYGON(((0 0,10 0,10 0,10 10,0 10,0 "
                                                     "0)),((30 0,40 0,40 10,30 10,30 0)))"),
                                      square(10, 0, 10), square(20, 0, 10)}),
                     {1, 0, 400}, "multi");
}

TEST(CoverageUnionOfEdges, RandomCoveragesAsGeosUnitesThem)
{
    // Jittered grids with cells left out: holes, islands, pinches, long shared borders. Seed
    // 20261130 has the face GEOS's polygonizer leaves out given long lines (see the source),
    // so the check that falls back to GEOSCoverageUnion_r is exercised.
    geos::Context context;
    for (unsigned seed : {1u, 2u, 3u, 20261130u}) {
        std::mt19937 random(seed);
        std::uniform_real_distribution<double> jitter(-3, 3);
        std::uniform_real_distribution<double> unit(0, 1);
        constexpr int n = 24;
        std::vector<double> xs((n + 1) * (n + 1)), ys(xs.size());
        for (int j = 0; j <= n; ++j) {
            for (int i = 0; i <= n; ++i) {
                xs[j * (n + 1) + i] = 500000 + 10 * i + jitter(random);
                ys[j * (n + 1) + i] = 3000000 + 10 * j + jitter(random);
            }
        }
        auto corner = [&](int i, int j) {
            return QStringLiteral("%1 %2")
                .arg(xs[j * (n + 1) + i], 0, 'f', 6)
                .arg(ys[j * (n + 1) + i], 0, 'f', 6);
        };
        std::vector<QString> cells;
        for (int j = 0; j < n; ++j) {
            for (int i = 0; i < n; ++i) {
                if (unit(random) < 0.3)
                    continue;
                cells.push_back(QStringLiteral("POLYGON((%1,%2,%3,%4,%1))")
                                    .arg(corner(i, j), corner(i + 1, j), corner(i + 1, j + 1),
                                         corner(i, j + 1)));
            }
        }
        const std::vector<QByteArray> wkbs = wkbsOf(context, cells);
        const geos::GeometryPtr ours = coverageUnionOfEdges(context, wkbs);
        ASSERT_TRUE(ours) << seed;
        EXPECT_EQ(GEOSisValid_r(context.handle(), ours.get()), 1) << seed;
        const geos::GeometryPtr reference = geosCoverageUnion(context, wkbs);
        EXPECT_EQ(GEOSEquals_r(context.handle(), ours.get(), reference.get()), 1) << seed;
        const Shape a = shapeOf(context, ours.get());
        const Shape b = shapeOf(context, reference.get());
        EXPECT_EQ(a.polygons, b.polygons) << seed;
        EXPECT_EQ(a.holes, b.holes) << seed;
        EXPECT_NEAR(a.area, b.area, 1e-9 * b.area) << seed;
    }
}

TEST(CoverageUnionOfEdges, WhatIsPlainlyNoCoverageIsRefused)
{
    geos::Context context;
    // The same square three times: every edge in three polygons.
    EXPECT_FALSE(coverageUnionOfEdges(
        context, wkbsOf(context, {square(0, 0, 10), square(0, 0, 10), square(0, 0, 10)})));
    // Twice: every edge cancels, nothing is left.
    EXPECT_FALSE(
        coverageUnionOfEdges(context, wkbsOf(context, {square(0, 0, 10), square(0, 0, 10)})));
    // A line, and a polygon with Z.
    EXPECT_FALSE(coverageUnionOfEdges(
        context, wkbsOf(context, {square(0, 0, 10), QStringLiteral("LINESTRING(0 0,5 5)")})));
    WkbWriter polygonZ;
    polygonZ.header(1003).uint32(1).uint32(4);
    for (const auto &[x, y] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {1.0, 1.0}, {0.0, 0.0}})
        polygonZ.real(x).real(y).real(5);
    EXPECT_FALSE(coverageUnionOfEdges(context, {polygonZ.data()}));
    EXPECT_FALSE(coverageUnionOfEdges(context, {}));
}
