// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geos/str_tree.h"

#include <algorithm>
#include <cstdint>

namespace riskatlas::geos {

StrTree::StrTree(const Context &context, std::size_t nodeCapacity)
    : m_buildContext(context.handle())
    , m_tree(GEOSSTRtree_create_r(context.handle(), nodeCapacity))
{}

StrTree::~StrTree()
{
    GEOSSTRtree_destroy_r(m_buildContext, m_tree);
}

void StrTree::insert(const GEOSGeometry *geometry, std::size_t item)
{
    // Items are stored as pointer-sized integers; GEOS never dereferences them.
    GEOSSTRtree_insert_r(m_buildContext, m_tree, geometry,
                         reinterpret_cast<void *>(static_cast<std::uintptr_t>(item)));
    ++m_size;
}

void StrTree::build()
{
    // GEOS 3.11 builds on the first query; an empty query makes that happen here, on the
    // building thread, rather than racing in the first concurrent queries.
    GEOSGeometry *empty = GEOSGeom_createEmptyPolygon_r(m_buildContext);
    GEOSSTRtree_query_r(
        m_buildContext, m_tree, empty, [](void *, void *) {}, nullptr);
    GEOSGeom_destroy_r(m_buildContext, empty);
}

void StrTree::query(const Context &context, const GEOSGeometry *geometry,
                    std::vector<std::size_t> &items) const
{
    const std::size_t first = items.size();
    GEOSSTRtree_query_r(
        context.handle(), m_tree, geometry,
        [](void *item, void *userData) {
            static_cast<std::vector<std::size_t> *>(userData)->push_back(
                static_cast<std::size_t>(reinterpret_cast<std::uintptr_t>(item)));
        },
        &items);
    std::sort(items.begin() + std::ptrdiff_t(first), items.end());
}

void warmEnvelope(const Context &context, const GEOSGeometry *geometry)
{
    double value = 0;
    GEOSGeom_getXMin_r(context.handle(), geometry, &value);
}

} // namespace riskatlas::geos
