// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/result_layers.h"

#include "core/project/planner_override.h"

#include <QCoreApplication>

#include <algorithm>

namespace riskatlas::desktop {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::desktop::ResultLayers)
};

// The layer's title, palette, role and draw order; keyField is filled in by resultLayerInfo().
std::optional<ResultLayerInfo> describe(const QString &name)
{
    if (name == QLatin1String("prevention_zoning"))
        return ResultLayerInfo{
            name, Tr::tr("Prevention zoning"), QStringLiteral("prevention"), LayerRole::Hazard, {},
            1};
    if (name == QLatin1String("risk_zoning"))
        return ResultLayerInfo{
            name, Tr::tr("Risk zoning"), QStringLiteral("five_colour"), LayerRole::Hazard, {}, 2};
    if (name == QLatin1String("area_map"))
        return ResultLayerInfo{name,
                               Tr::tr("Enterprise risk by area"),
                               QStringLiteral("enterprise_four_colour"),
                               LayerRole::Enterprises,
                               {},
                               3};
    if (name == QLatin1String("risk_map"))
        return ResultLayerInfo{name,
                               Tr::tr("Five-colour risk map"),
                               QStringLiteral("five_colour"),
                               LayerRole::AssessmentUnit,
                               {},
                               4,
                               true};
    if (name == QLatin1String("enterprises"))
        return ResultLayerInfo{name,
                               Tr::tr("Enterprises (four colours)"),
                               QStringLiteral("enterprise_four_colour"),
                               LayerRole::Enterprises,
                               {},
                               5};
    return std::nullopt;
}

} // namespace

std::optional<ResultLayerInfo> resultLayerInfo(const QString &name)
{
    std::optional<ResultLayerInfo> info = describe(name);
    // Editable exactly where a run applies the override again (core's list): units by unit_id,
    // zones by zone_id (the units they hold), firms by credit code.
    if (info) {
        const project::OverrideTarget *target = project::overrideTarget(name);
        info->keyField = target ? target->keyField : QString();
    }
    return info;
}

QStringList resultLayersInDrawOrder(const QStringList &names)
{
    QStringList sorted = names;
    std::stable_sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        const auto infoA = resultLayerInfo(a);
        const auto infoB = resultLayerInfo(b);
        return (infoA ? infoA->drawOrder : 0) < (infoB ? infoB->drawOrder : 0);
    });
    return sorted;
}

} // namespace riskatlas::desktop
