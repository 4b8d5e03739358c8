// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/model/vector_layer.h"

#include <memory>

namespace riskatlas::enterprise {

/// Finds which polygon of a layer (townships, parks, grid cells, a county outline) holds a
/// CGCS2000 longitude/latitude. The polygons are copied and reprojected to CGCS2000 (EPSG:4490)
/// when they are in another CRS. Holds its own GEOS context: use one locator per thread.
class UnitLocator
{
public:
    /// Throws InputError naming the layer when it has no CRS or a geometry that is not a
    /// polygon; ProcessingError for a GEOS failure.
    explicit UnitLocator(const model::VectorLayer &polygons);
    ~UnitLocator();
    UnitLocator(const UnitLocator &) = delete;
    UnitLocator &operator=(const UnitLocator &) = delete;

    /// The index (feature order) of the polygon whose interior holds the point; a point on a
    /// shared boundary goes to the lowest-index polygon covering it. -1 when none holds it.
    int locate(double lon, double lat) const;
    /// The polygons in CGCS2000, in the input's order.
    const model::VectorLayer &layer() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace riskatlas::enterprise
