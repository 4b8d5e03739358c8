// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/crs/metric_crs.h"

#include "core/crs/coordinate_transform.h"
#include "core/crs/gauss_kruger_zone.h"
#include "core/error.h"

namespace riskatlas::crs {

Crs metricCrsFor(const Crs &dataCrs, double minX, double minY, double maxX, double maxY)
{
    if (!dataCrs.isValid())
        throw InputError({}, QStringLiteral("the layer has no coordinate reference system; "
                                            "name one with --s-srs"));
    if (!dataCrs.isGeographic())
        return dataCrs;
    double minLon = minX;
    double maxLon = maxX;
    double midLat = (minY + maxY) / 2;
    // Geographic CRSs other than CGCS2000/WGS84 (e.g. Beijing 1954) are first taken to
    // CGCS2000 so the zone is chosen on the same longitudes PROJ will use.
    if (!dataCrs.isSameAs(cgcs2000())) {
        CoordinateTransform toCgcs(dataCrs, cgcs2000());
        toCgcs.transformPoint(minLon, midLat);
        double lat = (minY + maxY) / 2;
        toCgcs.transformPoint(maxLon, lat);
    }
    return Crs::fromEpsg(cgcs2000GaussKrugerEpsgForExtent(minLon, maxLon));
}

} // namespace riskatlas::crs
