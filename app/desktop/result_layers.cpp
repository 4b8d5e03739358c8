// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/result_layers.h"

#include <QCoreApplication>

#include <algorithm>

namespace riskatlas::desktop {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::desktop::ResultLayers)
};

} // namespace

std::optional<ResultLayerInfo> resultLayerInfo(const QString &name)
{
    // Zonings are dissolved by level and have no stable key (their fids change with every
    // run), so only units and enterprises can be overridden; the enterprise keys are the
    // unified social credit code and the area code, which survive a rerun.
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
                               QStringLiteral("code"),
                               3};
    if (name == QLatin1String("risk_map"))
        return ResultLayerInfo{name,
                               Tr::tr("Five-colour risk map"),
                               QStringLiteral("five_colour"),
                               LayerRole::AssessmentUnit,
                               QStringLiteral("unit_id"),
                               4,
                               true};
    if (name == QLatin1String("enterprises"))
        return ResultLayerInfo{name,
                               Tr::tr("Enterprises (four colours)"),
                               QStringLiteral("enterprise_four_colour"),
                               LayerRole::Enterprises,
                               QStringLiteral("统一社会信用代码"),
                               5};
    return std::nullopt;
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
