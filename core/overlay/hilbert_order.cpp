// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/hilbert_order.h"

#include "core/feedback.h"
#include "core/geometry/layer_extent.h"
#include "core/overlay/parallel_chunks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace riskatlas::overlay {

std::uint32_t hilbertIndex(std::uint32_t x, std::uint32_t y, std::uint32_t gridSize)
{
    std::uint32_t index = 0;
    for (std::uint32_t half = gridSize / 2; half > 0; half /= 2) {
        const std::uint32_t right = (x & half) ? 1 : 0;
        const std::uint32_t up = (y & half) ? 1 : 0;
        index += half * half * ((3 * right) ^ up);
        // Into the quadrant's own frame: the lower quadrants are the curve turned a quarter
        // (and, on the right, mirrored), so that it enters and leaves where its neighbours
        // continue.
        x &= half - 1;
        y &= half - 1;
        if (up == 0) {
            if (right == 1) {
                x = half - 1 - x;
                y = half - 1 - y;
            }
            std::swap(x, y);
        }
    }
    return index;
}

std::vector<std::size_t> hilbertOrder(const model::VectorLayer &layer, int threads,
                                      Feedback *feedback)
{
    struct Centre
    {
        double x = 0;
        double y = 0;
        bool valid = false;
    };
    ChunkOptions options;
    options.threads = threads;
    options.chunkSize = 4096;
    options.feedback = feedback;
    const std::vector<Centre> centres = runChunked<Centre>(
        layer.features.size(), options, [] { return 0; },
        [&](int &, std::size_t begin, std::size_t end, std::vector<Centre> &out) {
            for (std::size_t i = begin; i < end; ++i) {
                const std::optional<geometry::Extent> box =
                    geometry::wkbExtent(layer.features[i].wkb);
                if (box && std::isfinite(box->minX + box->maxX + box->minY + box->maxY))
                    out.push_back({(box->minX + box->maxX) / 2, (box->minY + box->maxY) / 2, true});
                else
                    out.push_back({});
            }
        });

    double minX = std::numeric_limits<double>::infinity();
    double minY = minX;
    double maxX = -minX;
    double maxY = -minX;
    for (const Centre &centre : centres) {
        if (!centre.valid)
            continue;
        minX = std::min(minX, centre.x);
        minY = std::min(minY, centre.y);
        maxX = std::max(maxX, centre.x);
        maxY = std::max(maxY, centre.y);
    }
    // One scale for both axes, so that the cells are square and the curve's locality holds
    // on the ground.
    const double side = std::max({maxX - minX, maxY - minY, 1e-300});
    const double scale = double(kHilbertGridSize - 1) / side;
    auto cell = [&](double value, double from) {
        const double position = std::floor((value - from) * scale);
        return std::uint32_t(std::clamp(position, 0.0, double(kHilbertGridSize - 1)));
    };

    // Keys above every Hilbert index put the features without geometry last.
    options.feedback = nullptr;
    std::vector<std::pair<std::uint64_t, std::size_t>> keyed =
        runChunked<std::pair<std::uint64_t, std::size_t>>(
            centres.size(), options, [] { return 0; },
            [&](int &, std::size_t begin, std::size_t end,
                std::vector<std::pair<std::uint64_t, std::size_t>> &out) {
                for (std::size_t i = begin; i < end; ++i) {
                    const Centre &centre = centres[i];
                    const std::uint64_t key =
                        centre.valid ? hilbertIndex(cell(centre.x, minX), cell(centre.y, minY))
                                     : std::uint64_t(1) << 32;
                    out.emplace_back(key, i);
                }
            });
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::size_t> order(keyed.size());
    for (std::size_t i = 0; i < keyed.size(); ++i)
        order[i] = keyed[i].second;
    return order;
}

} // namespace riskatlas::overlay
