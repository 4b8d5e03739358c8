// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/touching_clusters.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

namespace riskatlas::overlay {

namespace {

// Union-find over polygon indexes; the smaller index becomes the root, so that roots do not
// depend on the order in which shared vertices are met.
std::size_t findRoot(std::vector<std::size_t> &parent, std::size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

} // namespace

std::vector<std::vector<std::size_t>>
touchingClusters(const std::vector<std::vector<double>> &vertices)
{
    const std::size_t count = vertices.size();
    std::vector<std::size_t> parent(count);
    std::iota(parent.begin(), parent.end(), std::size_t(0));

    // All vertices sorted by position: those with the same x and y are neighbours in the
    // order, whatever polygon they come from. A sort, not a hash, because it is as fast here
    // and its result cannot depend on a hash's iteration order.
    struct Vertex
    {
        double x;
        double y;
        std::size_t polygon;
    };
    std::size_t total = 0;
    for (const std::vector<double> &xy : vertices)
        total += xy.size() / 2;
    std::vector<Vertex> all;
    all.reserve(total);
    bool finite = true;
    for (std::size_t i = 0; i < count && finite; ++i) {
        const std::vector<double> &xy = vertices[i];
        for (std::size_t k = 0; k + 1 < xy.size(); k += 2) {
            if (!std::isfinite(xy[k]) || !std::isfinite(xy[k + 1])) {
                finite = false;
                break;
            }
            all.push_back({xy[k], xy[k + 1], i});
        }
    }
    if (!finite) {
        std::vector<std::vector<std::size_t>> one(count > 0 ? 1 : 0);
        if (count > 0) {
            one.front().resize(count);
            std::iota(one.front().begin(), one.front().end(), std::size_t(0));
        }
        return one;
    }
    std::sort(all.begin(), all.end(), [](const Vertex &a, const Vertex &b) {
        return std::tie(a.x, a.y, a.polygon) < std::tie(b.x, b.y, b.polygon);
    });
    for (std::size_t k = 1; k < all.size(); ++k) {
        if (all[k].x != all[k - 1].x || all[k].y != all[k - 1].y ||
            all[k].polygon == all[k - 1].polygon)
            continue;
        const std::size_t a = findRoot(parent, all[k].polygon);
        const std::size_t b = findRoot(parent, all[k - 1].polygon);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b);
    }

    std::vector<std::vector<std::size_t>> clusters;
    std::vector<std::size_t> clusterOfRoot(count, count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t root = findRoot(parent, i);
        if (clusterOfRoot[root] == count) {
            clusterOfRoot[root] = clusters.size();
            clusters.emplace_back();
        }
        clusters[clusterOfRoot[root]].push_back(i);
    }
    return clusters;
}

} // namespace riskatlas::overlay
