// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/risk_zoning.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/overlay/dissolve.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

double geometryArea(const geos::Context &context, const GEOSGeometry *geometry)
{
    double area = 0;
    if (geometry && GEOSArea_r(context.handle(), geometry, &area) == 1)
        return area;
    return 0;
}

} // namespace

double TilingCheck::relativeDifference() const
{
    return studyArea > 0 ? std::abs(zonesArea - studyArea) / studyArea : 0.0;
}

TilingCheck checkTiling(const model::VectorLayer &zones, const model::VectorLayer &studyArea)
{
    geos::Context context;
    TilingCheck check;
    std::vector<geos::GeometryPtr> geometries;
    std::vector<QByteArray> wkbs;
    for (const model::Feature &feature : zones.features) {
        if (feature.wkb.isEmpty())
            continue;
        geometries.push_back(geos::fromWkb(context, feature.wkb));
        wkbs.push_back(feature.wkb);
        check.zonesArea += geometryArea(context, geometries.back().get());
    }
    for (size_t i = 0; i < geometries.size(); ++i) {
        for (size_t j = i + 1; j < geometries.size(); ++j) {
            const geos::GeometryPtr common =
                geos::own(context, GEOSIntersection_r(context.handle(), geometries[i].get(),
                                                      geometries[j].get()));
            check.overlapArea += geometryArea(context, common.get());
        }
    }
    std::vector<QByteArray> study;
    for (const model::Feature &feature : studyArea.features)
        study.push_back(feature.wkb);
    const ErrorLocation where{zones.sourcePath, zones.name};
    const geos::GeometryPtr area =
        geos::fromWkb(context, overlay::unionWkb(context, study, 2, false, where));
    check.studyArea = geometryArea(context, area.get());
    const geos::GeometryPtr covered =
        geos::fromWkb(context, overlay::unionWkb(context, wkbs, 2, false, where));
    const geos::GeometryPtr gap =
        geos::own(context, GEOSDifference_r(context.handle(), area.get(), covered.get()));
    check.gapArea = geometryArea(context, gap.get());
    return check;
}

Zoning zoneByLevel(const model::VectorLayer &units, const std::vector<int> &levels,
                   const style::Palette &palette, double minimumMappingUnit,
                   const model::VectorLayer &studyArea, int threads, Feedback *feedback)
{
    model::VectorLayer input;
    input.name = units.name;
    input.crs = units.crs;
    input.geometryType = units.geometryType;
    input.sourcePath = units.sourcePath;
    input.geometryValidated = units.geometryValidated;
    input.fields = {{QStringLiteral("level"), model::FieldType::Integer},
                    {QStringLiteral("level_name"), model::FieldType::String},
                    {QStringLiteral("color"), model::FieldType::String}};
    // Dissolve groups in the order of their first feature; sorting by level makes the zones
    // come out ascending whatever the units' order.
    std::vector<size_t> order(units.features.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return levels[a] < levels[b]; });
    for (const size_t i : order) {
        const style::PaletteClass *paletteClass = palette.classForLevel(levels[i]);
        if (!paletteClass)
            throw InputError({palette.id}, Tr::tr("palette has no level %1").arg(levels[i]));
        model::Feature feature;
        feature.fid = units.features[i].fid;
        feature.attributes = {levels[i], paletteClass->name, paletteClass->color.name()};
        feature.wkb = units.features[i].wkb;
        input.features.push_back(std::move(feature));
    }
    overlay::DissolveOptions options;
    options.metricCrs = units.crs;
    options.threads = threads;
    options.feedback = feedback;
    options.eliminateBelow = minimumMappingUnit;
    overlay::DissolveResult dissolved =
        overlay::dissolve(std::move(input), {QStringLiteral("level")}, options);
    Zoning zoning;
    zoning.layer = std::move(dissolved.layer);
    if (dissolved.report.eliminate) {
        zoning.patchesEliminated = dissolved.report.eliminate->merged;
        zoning.islandsKept = dissolved.report.eliminate->islands.size();
    }
    geos::Context context;
    zoning.layer.fields.append({QStringLiteral("area_km2"), model::FieldType::Real});
    for (model::Feature &feature : zoning.layer.features)
        feature.attributes.append(overlay::wkbArea(context, feature.wkb) / 1e6);
    zoning.tiling = checkTiling(zoning.layer, studyArea);
    return zoning;
}

int preventionZone(int riskLevel, int capacityLevel, const std::vector<PreventionRule> &rules,
                   int defaultZone)
{
    for (const PreventionRule &rule : rules) {
        if ((rule.riskLevels.isEmpty() || rule.riskLevels.contains(riskLevel)) &&
            (rule.capacityLevels.isEmpty() || rule.capacityLevels.contains(capacityLevel)))
            return rule.zone;
    }
    return defaultZone;
}

} // namespace riskatlas::hazard
