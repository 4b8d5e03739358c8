// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// The cell grid must never contradict GEOS's prepared contains: every answer it gives (inside
// or outside) is checked against GEOS for random points, points on vertices and edges, and
// points a hair off the boundary; and it must decide most of the plane, or it saves nothing.
#include "core/geos/geos_context.h"
#include "core/overlay/point_in_polygon_grid.h"

#include <gtest/gtest.h>

#include <random>

using namespace riskatlas;
using Answer = overlay::PointInPolygonGrid::Answer;

namespace {

struct Case
{
    const char *name;
    const char *wkt;
};

// A polygon with a hole and a thin spike, a multipolygon whose parts touch, a comb of narrow
// teeth (edges closer together than a cell), and a long diagonal sliver.
const Case kCases[] = {
    {"hole and spike",
     "POLYGON((0 0,100 0,100 100,60 100,50 300,40 100,0 100,0 0),(20 20,80 20,80 80,20 80,20 "
     "20))"},
    {"touching parts",
     "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)),((10 10,20 10,20 20,10 20,10 10)),((30 0,40 0,35 "
     "8,30 0)))"},
    {"comb",
     "POLYGON((0 0,100 0,100 10,90 10,90 1,89.9 1,89.9 10,80 10,80 1,79.9 1,79.9 10,0 10,0 0))"},
    {"sliver", "POLYGON((500000 3100000,510000 3110000,510000 3110001,500000 3100000.5,500000 "
               "3100000))"},
};

TEST(PointInPolygonGrid, NeverContradictsGeos)
{
    geos::Context context;
    const GEOSContextHandle_t handle = context.handle();
    std::mt19937_64 random(20261129);
    for (const Case &testCase : kCases) {
        const geos::GeometryPtr polygon = geos::fromWkt(context, QString::fromLatin1(testCase.wkt));
        const geos::PreparedPtr prepared(GEOSPrepare_r(handle, polygon.get()),
                                         geos::PreparedDeleter{handle});
        for (const int resolution : {4, 64, 256}) {
            const overlay::PointInPolygonGrid grid(context, polygon.get(), prepared.get(),
                                                   resolution);
            double minX = 0, minY = 0, maxX = 0, maxY = 0;
            GEOSGeom_getExtent_r(handle, polygon.get(), &minX, &minY, &maxX, &maxY);
            const double w = maxX - minX;
            const double h = maxY - minY;
            std::vector<std::pair<double, double>> points;
            std::uniform_real_distribution<double> ux(minX - 0.1 * w, maxX + 0.1 * w);
            std::uniform_real_distribution<double> uy(minY - 0.1 * h, maxY + 0.1 * h);
            for (int i = 0; i < 20000; ++i)
                points.emplace_back(ux(random), uy(random));
            // Vertices, edge midpoints, and points a hair either side of them.
            const geos::GeometryPtr boundary =
                geos::own(context, GEOSBoundary_r(handle, polygon.get()));
            const geos::GeometryPtr vertices =
                geos::own(context, GEOSGeom_extractUniquePoints_r(handle, boundary.get()));
            for (int i = 0; i < GEOSGetNumGeometries_r(handle, vertices.get()); ++i) {
                double x = 0, y = 0;
                GEOSGeomGetX_r(handle, GEOSGetGeometryN_r(handle, vertices.get(), i), &x);
                GEOSGeomGetY_r(handle, GEOSGetGeometryN_r(handle, vertices.get(), i), &y);
                for (const double d : {0.0, 1e-9, -1e-9, 1e-4})
                    points.emplace_back(x + d, y - d);
            }
            for (double t = 0; t <= 1.0; t += 1.0 / 512) {
                points.emplace_back(minX + t * w, minY + 0.5 * h);
                points.emplace_back(minX + 0.5 * w, minY + t * h);
                points.emplace_back(minX + t * w, minY + t * h);
                points.emplace_back(minX, minY + t * h);
                points.emplace_back(maxX, minY + t * h);
            }
            int decided = 0;
            for (const auto &[x, y] : points) {
                const Answer answer = grid.locate(x, y);
                if (answer == Answer::Unknown)
                    continue;
                ++decided;
                const geos::GeometryPtr point =
                    geos::own(context, GEOSGeom_createPointFromXY_r(handle, x, y));
                const char contains = GEOSPreparedContains_r(handle, prepared.get(), point.get());
                ASSERT_EQ(answer == Answer::Inside, contains == 1)
                    << testCase.name << " resolution " << resolution << " at " << x << " " << y;
            }
            if (resolution == 256) {
                EXPECT_GT(grid.decidedShare(), 0.5) << testCase.name;
                EXPECT_GT(decided, int(points.size()) / 2) << testCase.name;
            }
        }
    }
}

TEST(PointInPolygonGrid, NonPolygonsAreLeftToGeos)
{
    geos::Context context;
    const GEOSContextHandle_t handle = context.handle();
    const geos::GeometryPtr line = geos::fromWkt(context, QStringLiteral("LINESTRING(0 0,10 10)"));
    const geos::PreparedPtr prepared(GEOSPrepare_r(handle, line.get()),
                                     geos::PreparedDeleter{handle});
    const overlay::PointInPolygonGrid grid(context, line.get(), prepared.get());
    EXPECT_EQ(grid.locate(5, 5), Answer::Unknown);
    EXPECT_EQ(grid.decidedShare(), 0.0);
    const overlay::PointInPolygonGrid none(context, nullptr, nullptr);
    EXPECT_EQ(none.locate(5, 5), Answer::Outside);
}

} // namespace
