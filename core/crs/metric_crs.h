// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"

namespace riskatlas::crs {

/// The CRS areas and lengths are measured in for data in `dataCrs` whose extent is
/// [minX, maxX] × [minY, maxY] in that CRS: a projected `dataCrs` is kept as it is; a
/// geographic one gets the CGCS2000 3° Gauss-Krüger zone (EPSG:4534–4554) of the extent's
/// central longitude. Throws InputError when `dataCrs` is invalid (a layer with no CRS
/// cannot be measured) or the data lie outside the zones' 75°–135° E.
Crs metricCrsFor(const Crs &dataCrs, double minX, double minY, double maxX, double maxY);

} // namespace riskatlas::crs
