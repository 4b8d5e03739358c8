// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

namespace riskatlas::crs {

// China's 3° Gauss-Krüger zones on CGCS2000. Every function is pure and thread-safe; the EPSG
// codes were checked against PROJ's database (see tests/core/gauss_kruger_zone_test.cpp).

/// Central meridian (degrees) of the 3° Gauss-Krüger zone containing `lon`: 3·round(lon/3), a
/// longitude exactly halfway between two meridians going away from zero (76.5 → 78).
/// Throws riskatlas::InputError naming `lon` when it is not finite or outside −180…180.
int gaussKrugerCentralMeridian3(double lon);

/// EPSG code of "CGCS2000 / 3-degree Gauss-Kruger CM xxE" (EPSG:4534 = CM 75E … EPSG:4554 =
/// CM 135E; false easting 500 000 m). Throws riskatlas::InputError naming the longitude when
/// `centralMeridian` is not a multiple of 3 in 75–135.
int cgcs2000GaussKrugerEpsgForCentralMeridian(int centralMeridian);

/// Zone choice for data whose extent (degrees) is given: the zone of the centre longitude
/// (minLon + maxLon) / 2, so that a county straddling a zone edge is projected in the zone
/// holding most of it. Throws riskatlas::InputError naming the extent when minLon > maxLon, a
/// value is not finite, or the centre lies outside China's zones (73.5°E–136.5°E).
int cgcs2000GaussKrugerEpsgForExtent(double minLon, double maxLon);

/// The zone-number-prefixed variant "CGCS2000 / 3-degree Gauss-Kruger zone NN" (EPSG:4513 =
/// zone 25, CM 75E … EPSG:4533 = zone 45, CM 135E; false easting NN 500 000 m) for a 3° zone,
/// for users who name it. Zone NN = centralMeridian / 3. Throws like
/// cgcs2000GaussKrugerEpsgForCentralMeridian().
int cgcs2000GaussKrugerZonedEpsg(int centralMeridian);

} // namespace riskatlas::crs
