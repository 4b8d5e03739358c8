// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/model/vector_layer.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::overlay {

/// Cells per side of the grid hilbertOrder() places the features on: 2^16, so that a
/// county's features (50–100 km) fall in cells of about a metre.
constexpr std::uint32_t kHilbertGridSize = 1u << 16;

/// Position of cell (x, y) along the Hilbert curve over a `gridSize` × `gridSize` grid
/// (`gridSize` a power of two, at most 2^16; x and y below it): 0 at (0, 0), gridSize²−1 at
/// (gridSize−1, 0). Consecutive positions are cells that share an edge.
std::uint32_t hilbertIndex(std::uint32_t x, std::uint32_t y,
                           std::uint32_t gridSize = kHilbertGridSize);

/// The layer's feature indices ordered along the Hilbert curve through the centres of their
/// envelopes (on a kHilbertGridSize grid over the extent of the centres), ties in feature
/// order, features without geometry (or with unreadable WKB) last in feature order. Features
/// close together on the ground are close together in the order, so that a thread given a
/// stretch of it works in one region. Envelopes are read on `threads` threads (0 = all
/// cores). Throws CancelledError through `feedback` (may be null).
std::vector<std::size_t> hilbertOrder(const model::VectorLayer &layer, int threads,
                                      Feedback *feedback = nullptr);

} // namespace riskatlas::overlay
