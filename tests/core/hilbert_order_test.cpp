// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geos/geos_context.h"
#include "core/overlay/hilbert_order.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <set>

using namespace riskatlas;
using namespace riskatlas::overlay;

TEST(HilbertOrder, TwoByTwoIsTheUpsideDownU)
{
    // The first-order curve, by hand: up the left column, across, down the right one.
    EXPECT_EQ(hilbertIndex(0, 0, 2), 0u);
    EXPECT_EQ(hilbertIndex(0, 1, 2), 1u);
    EXPECT_EQ(hilbertIndex(1, 1, 2), 2u);
    EXPECT_EQ(hilbertIndex(1, 0, 2), 3u);
    // Second order, by hand: the lower-left quadrant is the U turned on its side.
    EXPECT_EQ(hilbertIndex(1, 0, 4), 1u);
    EXPECT_EQ(hilbertIndex(1, 1, 4), 2u);
    EXPECT_EQ(hilbertIndex(0, 1, 4), 3u);
    EXPECT_EQ(hilbertIndex(0, 2, 4), 4u);
    EXPECT_EQ(hilbertIndex(3, 0, 4), 15u);
}

TEST(HilbertOrder, VisitsEveryCellOnceThroughNeighbours)
{
    for (std::uint32_t size : {2u, 16u, 64u}) {
        std::vector<std::pair<int, int>> cellAt(std::size_t(size) * size, {-1, -1});
        for (std::uint32_t x = 0; x < size; ++x) {
            for (std::uint32_t y = 0; y < size; ++y) {
                const std::uint32_t index = hilbertIndex(x, y, size);
                ASSERT_LT(index, size * size);
                ASSERT_EQ(cellAt[index].first, -1) << "index " << index << " twice";
                cellAt[index] = {int(x), int(y)};
            }
        }
        for (std::size_t i = 1; i < cellAt.size(); ++i) {
            const int step = std::abs(cellAt[i].first - cellAt[i - 1].first) +
                             std::abs(cellAt[i].second - cellAt[i - 1].second);
            ASSERT_EQ(step, 1) << "size " << size << ", index " << i;
        }
        EXPECT_EQ(cellAt.front(), std::make_pair(0, 0));
        EXPECT_EQ(cellAt.back(), std::make_pair(int(size) - 1, 0));
    }
    EXPECT_EQ(hilbertIndex(kHilbertGridSize - 1, 0), kHilbertGridSize * kHilbertGridSize - 1);
}

TEST(HilbertOrder, ScrambledGridComesOutAlongTheCurve)
{
    // An 8 × 8 grid of 10 m squares in scrambled feature order, plus two features without
    // geometry and a duplicate square.
    constexpr int kSide = 8;
    std::vector<std::pair<int, int>> cells;
    for (int x = 0; x < kSide; ++x) {
        for (int y = 0; y < kSide; ++y)
            cells.emplace_back(x, y);
    }
    std::mt19937_64 engine(7);
    for (std::size_t i = cells.size(); i > 1; --i)
        std::swap(cells[i - 1], cells[std::size_t(engine() % i)]);
    cells.insert(cells.begin() + 10, {-1, -1});
    cells.push_back(cells[3]);
    cells.insert(cells.begin() + 20, {-1, -1});

    geos::Context context;
    model::VectorLayer layer;
    layer.geometryType = model::GeometryType::Polygon;
    for (const auto &[x, y] : cells) {
        QByteArray wkb;
        if (x >= 0) {
            const double x0 = 560000 + 10 * x;
            const double y0 = 3120000 + 10 * y;
            const geos::GeometryPtr square = geos::own(
                context, GEOSGeom_createRectangle_r(context.handle(), x0, y0, x0 + 9, y0 + 9));
            wkb = geos::toWkb(context, square.get());
        }
        layer.features.push_back({qint64(layer.features.size() + 1), {}, wkb});
    }

    for (int threads : {1, 3}) {
        const std::vector<std::size_t> order = hilbertOrder(layer, threads);
        ASSERT_EQ(order.size(), cells.size());
        EXPECT_EQ(std::set<std::size_t>(order.begin(), order.end()).size(), cells.size());
        // Along the curve, each square is next to the one before (or the same square, for
        // the duplicate, which follows its original); the first is the lower-left corner.
        EXPECT_EQ(cells[order.front()], std::make_pair(0, 0));
        for (std::size_t i = 1; i < order.size() - 2; ++i) {
            const auto [x0, y0] = cells[order[i - 1]];
            const auto [x1, y1] = cells[order[i]];
            const int step = std::abs(x1 - x0) + std::abs(y1 - y0);
            EXPECT_LE(step, 1) << "position " << i;
            if (step == 0) {
                EXPECT_LT(order[i - 1], order[i]) << "ties in feature order";
            }
        }
        // The features without geometry last, in feature order.
        EXPECT_EQ(order[order.size() - 2], 10u);
        EXPECT_EQ(order.back(), 20u);
    }
}
