// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <cstddef>
#include <vector>

namespace riskatlas::overlay {

/// Splits polygons into clusters that share no vertex with one another: two polygons with a
/// vertex in common (the same x and y, exactly) are in one cluster, and so on transitively.
/// `vertices[i]` holds polygon i's x y pairs. In a coverage, polygons that meet share the
/// vertices where they meet, so the union of all is the union of each cluster, gathered.
/// Clusters come in order of their smallest member, members ascending. A non-finite
/// coordinate anywhere puts every polygon into one cluster: nothing can be told apart then.
std::vector<std::vector<std::size_t>>
touchingClusters(const std::vector<std::vector<double>> &vertices);

} // namespace riskatlas::overlay
