// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/unit_locator.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"
#include "core/geos/geos_context.h"
#include "core/geos/str_tree.h"

#include <vector>

namespace riskatlas::enterprise {

struct UnitLocator::Private
{
    model::VectorLayer layer;
    geos::Context context;
    std::vector<geos::GeometryPtr> geometries;
    std::vector<geos::PreparedPtr> prepared;
    std::unique_ptr<geos::StrTree> tree;
};

UnitLocator::UnitLocator(const model::VectorLayer &polygons)
    : d(std::make_unique<Private>())
{
    const ErrorLocation where{polygons.sourcePath, polygons.name, std::nullopt, {}};
    if (!polygons.crs.isValid())
        throw InputError(where, QStringLiteral("the layer has no CRS; give it a .prj"));
    d->layer = polygons;
    if (!polygons.crs.isSameAs(crs::cgcs2000())) {
        const crs::CoordinateTransform transform(polygons.crs, crs::cgcs2000());
        for (model::Feature &feature : d->layer.features) {
            if (!feature.wkb.isEmpty())
                feature.wkb = transform.transformWkb(feature.wkb);
        }
        d->layer.crs = crs::cgcs2000();
    }
    const GEOSContextHandle_t handle = d->context.handle();
    d->tree = std::make_unique<geos::StrTree>(d->context);
    for (std::size_t i = 0; i < d->layer.features.size(); ++i) {
        const model::Feature &feature = d->layer.features[i];
        if (feature.wkb.isEmpty()) {
            d->geometries.emplace_back(nullptr, geos::GeometryDeleter{handle});
            d->prepared.emplace_back(nullptr, geos::PreparedDeleter{handle});
            continue;
        }
        geos::GeometryPtr geometry = geos::fromWkb(d->context, feature.wkb);
        const int type = GEOSGeomTypeId_r(handle, geometry.get());
        if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) {
            throw InputError(
                {polygons.sourcePath, polygons.name, feature.fid, QStringLiteral("fid")},
                QStringLiteral("units must be polygons"));
        }
        geos::PreparedPtr prepared(GEOSPrepare_r(handle, geometry.get()),
                                   geos::PreparedDeleter{handle});
        if (!prepared)
            throw ProcessingError(where, d->context.lastError());
        d->tree->insert(geometry.get(), i);
        d->geometries.push_back(std::move(geometry));
        d->prepared.push_back(std::move(prepared));
    }
    d->tree->build();
}

UnitLocator::~UnitLocator() = default;

int UnitLocator::locate(double lon, double lat) const
{
    const GEOSContextHandle_t handle = d->context.handle();
    const geos::GeometryPtr point =
        geos::own(d->context, GEOSGeom_createPointFromXY_r(handle, lon, lat));
    if (!point)
        return -1;
    std::vector<std::size_t> candidates;
    d->tree->query(d->context, point.get(), candidates);
    for (std::size_t index : candidates) {
        if (d->prepared[index] &&
            GEOSPreparedContains_r(handle, d->prepared[index].get(), point.get()) == 1)
            return int(index);
    }
    for (std::size_t index : candidates) {
        if (d->prepared[index] &&
            GEOSPreparedCovers_r(handle, d->prepared[index].get(), point.get()) == 1)
            return int(index);
    }
    return -1;
}

const model::VectorLayer &UnitLocator::layer() const
{
    return d->layer;
}

} // namespace riskatlas::enterprise
