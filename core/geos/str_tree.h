// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/geos/geos_context.h"

#include <vector>

namespace riskatlas::geos {

/// A GEOS STR-tree of item indices, keyed by geometry envelopes.
/// Build it (insert all, then build()) on one thread; after build() it may be queried from
/// several threads at once, each passing its own Context. The geometries inserted must
/// outlive the tree and must have had their envelopes computed (warmEnvelope) before any
/// concurrent use, because GEOS caches envelopes lazily.
class StrTree
{
public:
    explicit StrTree(const Context &context, std::size_t nodeCapacity = 10);
    ~StrTree();
    StrTree(const StrTree &) = delete;
    StrTree &operator=(const StrTree &) = delete;

    void insert(const GEOSGeometry *geometry, std::size_t item);
    /// Finishes the tree; call once after the last insert and before any query.
    void build();
    /// Appends to `items` (sorted ascending, so results do not depend on tree layout) the
    /// items whose envelopes intersect `geometry`'s envelope.
    void query(const Context &context, const GEOSGeometry *geometry,
               std::vector<std::size_t> &items) const;
    std::size_t size() const { return m_size; }

private:
    GEOSContextHandle_t m_buildContext;
    GEOSSTRtree *m_tree;
    std::size_t m_size = 0;
};

/// Forces GEOS to compute and cache `geometry`'s envelope, so later reads from several
/// threads do not race on the cache.
void warmEnvelope(const Context &context, const GEOSGeometry *geometry);

} // namespace riskatlas::geos
