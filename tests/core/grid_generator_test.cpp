// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/grid_generator.h"

#include "core/error.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "core/overlay/metric_inputs.h"

#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas;
using namespace riskatlas::hazard;

namespace {

double areaOf(const geos::Context &context, const QByteArray &wkb)
{
    double area = 0;
    GEOSArea_r(context.handle(), geos::fromWkb(context, wkb).get(), &area);
    return area;
}

model::VectorLayer polygon(const QString &wkt, int epsg)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = QStringLiteral("boundary");
    layer.crs = crs::Crs::fromEpsg(epsg);
    layer.geometryType = model::GeometryType::Polygon;
    layer.features.push_back({1, {}, geos::toWkb(context, geos::fromWkt(context, wkt).get())});
    return layer;
}

// A right triangle with legs of 2 500 m from (500 000, 3 000 000): a 1 000 m grid aligned to
// multiples of 1 000 m covers a 3 × 3 block of cells (i, j) = [1000i, 1000i + 1000] × [1000j, …]
// (relative). A cell is whole when its far corner lies under the hypotenuse x + y <= 2 500,
// (i + j + 2)·1000 <= 2 500: only (0,0). It is cut when its near corner lies under it,
// (i + j)·1000 < 2 500: five more. The other three are outside. Areas add up to
// 2 500² / 2 = 3 125 000 m².
TEST(GridGenerator, SquareCellsTileTheBoundary)
{
    const model::VectorLayer boundary =
        polygon(QStringLiteral("POLYGON((500000 3000000,502500 3000000,500000 3002500,"
                               "500000 3000000))"),
                4549);
    const model::VectorLayer grid = squareGrid(boundary, 1000);
    ASSERT_EQ(grid.features.size(), 6u);
    geos::Context context;
    double total = 0;
    int whole = 0;
    for (const model::Feature &cell : grid.features) {
        const double area = areaOf(context, cell.wkb);
        total += area;
        whole += std::abs(area - 1e6) < 1e-6 ? 1 : 0;
    }
    EXPECT_EQ(whole, 1);
    EXPECT_NEAR(total, 3125000.0, 1e-6);
    // Row 0 is the northernmost row that holds a cell: y 3 002 000–3 003 000, column 0.
    EXPECT_EQ(grid.features.front().attributes.value(0).toString(), QStringLiteral("R0C0"));
    EXPECT_NEAR(areaOf(context, grid.features.front().wkb), 500.0 * 500.0 / 2, 1e-6);
    EXPECT_EQ(grid.features.back().attributes.value(0).toString(), QStringLiteral("R2C2"));
}

TEST(GridGenerator, SampleCountyGridsAddUpToItsArea)
{
    const model::VectorLayer county =
        io::readLayer(test::sampleDataPath(QStringLiteral("yongjia/county_boundary.gpkg")));
    model::VectorLayer metricCounty = county;
    overlay::reprojectToMetric({&metricCounty}, crs::Crs::fromEpsg(4549));
    geos::Context context;
    const double countyArea = areaOf(context, metricCounty.features.at(0).wkb);

    const model::VectorLayer square = squareGrid(county, 1000);
    EXPECT_EQ(square.crs.epsg(), 4549);
    double total = 0;
    for (const model::Feature &cell : square.features) {
        const double area = areaOf(context, cell.wkb);
        EXPECT_LE(area, 1e6 + 1e-6);
        total += area;
    }
    EXPECT_NEAR(total / countyArea, 1.0, 1e-9);
    EXPECT_GT(square.features.size(), 2676u);

    // 30″ cells in lon/lat, measured after projecting to the same zone.
    model::VectorLayer geographic = geographicGrid(county, 30);
    EXPECT_EQ(geographic.crs.epsg(), 4490);
    overlay::reprojectToMetric({&geographic}, crs::Crs::fromEpsg(4549));
    total = 0;
    for (const model::Feature &cell : geographic.features)
        total += areaOf(context, cell.wkb);
    // Splitting a lon/lat edge at a cell border moves its projected image by nanometres.
    EXPECT_NEAR(total / countyArea, 1.0, 1e-7);
}

TEST(GridGenerator, RefusesBadCellSizes)
{
    const model::VectorLayer boundary =
        polygon(QStringLiteral("POLYGON((500000 3000000,501000 3000000,500000 3001000,"
                               "500000 3000000))"),
                4549);
    EXPECT_THROW(squareGrid(boundary, 0), InputError);
    EXPECT_THROW(squareGrid(boundary, 0.1), InputError); // 10⁸ cells
}

} // namespace
