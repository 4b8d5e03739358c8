// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "support/metric_fixtures.h"

#include "core/crs/crs.h"
#include "core/geos/geos_context.h"

namespace riskatlas::test {

QString box(double x0, double y0, double x1, double y1)
{
    return QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
        .arg(kMetricX + x0, 0, 'f', 3)
        .arg(kMetricY + y0, 0, 'f', 3)
        .arg(kMetricX + x1, 0, 'f', 3)
        .arg(kMetricY + y1, 0, 'f', 3);
}

model::VectorLayer polygons(const QStringList &wkts, const QString &name)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = name;
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = model::GeometryType::Polygon;
    qint64 fid = 1;
    for (const QString &wkt : wkts)
        layer.features.push_back(
            {fid++, {}, geos::toWkb(context, geos::fromWkt(context, wkt).get())});
    return layer;
}

} // namespace riskatlas::test
