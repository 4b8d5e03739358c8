// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/crs/gauss_kruger_zone.h"

#include "core/error.h"

#include <QCoreApplication>

#include <cmath>

namespace riskatlas::crs {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::crs)
};

constexpr int kFirstCentralMeridian = 75;
constexpr int kLastCentralMeridian = 135;
// EPSG numbers both series consecutively from the westernmost zone.
constexpr int kFirstCmEpsg = 4534;
constexpr int kFirstZonedEpsg = 4513;

int zoneIndex(int centralMeridian)
{
    if (centralMeridian < kFirstCentralMeridian || centralMeridian > kLastCentralMeridian ||
        centralMeridian % 3 != 0) {
        throw InputError({}, Tr::tr("longitude %1°E is not the central meridian of a CGCS2000 "
                                    "3-degree Gauss-Kruger zone (75°E, 78°E, … 135°E)")
                                 .arg(centralMeridian));
    }
    return (centralMeridian - kFirstCentralMeridian) / 3;
}

} // namespace

int gaussKrugerCentralMeridian3(double lon)
{
    if (!std::isfinite(lon) || lon < -180.0 || lon > 180.0)
        throw InputError({}, Tr::tr("longitude %1 is not between -180 and 180").arg(lon));
    return 3 * static_cast<int>(std::round(lon / 3.0));
}

int cgcs2000GaussKrugerEpsgForCentralMeridian(int centralMeridian)
{
    return kFirstCmEpsg + zoneIndex(centralMeridian);
}

int cgcs2000GaussKrugerEpsgForExtent(double minLon, double maxLon)
{
    if (!std::isfinite(minLon) || !std::isfinite(maxLon) || minLon > maxLon) {
        throw InputError(
            {}, Tr::tr("longitude range %1 to %2 is not a valid extent").arg(minLon).arg(maxLon));
    }
    const double centre = (minLon + maxLon) / 2.0;
    const int centralMeridian = gaussKrugerCentralMeridian3(centre);
    if (centralMeridian < kFirstCentralMeridian || centralMeridian > kLastCentralMeridian) {
        throw InputError({}, Tr::tr("the data's centre longitude %1° (extent %2 to %3) lies "
                                    "outside China's 3-degree Gauss-Kruger zones (73.5°E to "
                                    "136.5°E); name a projected CRS")
                                 .arg(centre)
                                 .arg(minLon)
                                 .arg(maxLon));
    }
    return cgcs2000GaussKrugerEpsgForCentralMeridian(centralMeridian);
}

int cgcs2000GaussKrugerZonedEpsg(int centralMeridian)
{
    return kFirstZonedEpsg + zoneIndex(centralMeridian);
}

} // namespace riskatlas::crs
