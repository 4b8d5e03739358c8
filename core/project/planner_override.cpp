// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/planner_override.h"

#include "core/error.h"

#include <QHash>

namespace riskatlas::project {

namespace {

qsizetype fieldIndex(const model::VectorLayer &layer, const QString &name)
{
    for (qsizetype i = 0; i < layer.fields.size(); ++i) {
        if (layer.fields[i].name == name)
            return i;
    }
    return -1;
}

qsizetype ensureField(model::VectorLayer &layer, const QString &name, model::FieldType type,
                      const QVariant &initial)
{
    qsizetype index = fieldIndex(layer, name);
    if (index >= 0)
        return index;
    model::Field field;
    field.name = name;
    field.type = type;
    layer.fields.append(field);
    for (model::Feature &feature : layer.features)
        feature.attributes.append(initial);
    return layer.fields.size() - 1;
}

} // namespace

QList<OverrideTarget> overrideTargets()
{
    static const QList<OverrideTarget> targets{
        {QStringLiteral("risk_map"), QStringLiteral("unit_id"), QStringLiteral("评估单元")},
        {QStringLiteral("risk_zoning"), QStringLiteral("zone_id"), QStringLiteral("风险区划")},
        {QStringLiteral("prevention_zoning"), QStringLiteral("zone_id"),
         QStringLiteral("防治区划")},
        {QStringLiteral("enterprises"), QStringLiteral("统一社会信用代码"),
         QStringLiteral("企业")}};
    return targets;
}

const OverrideTarget *overrideTarget(const QString &layer)
{
    static const QList<OverrideTarget> targets = overrideTargets();
    for (const OverrideTarget &target : targets) {
        if (target.layer == layer)
            return &target;
    }
    return nullptr;
}

OverrideReport applyOverrides(model::VectorLayer &layer, const QList<PlannerOverride> &overrides,
                              const QString &keyField)
{
    const qsizetype keyIndex = fieldIndex(layer, keyField);
    if (keyIndex < 0)
        throw InputError(
            {layer.sourcePath, layer.name},
            QStringLiteral("no key field \"%1\" to apply planner overrides by").arg(keyField));
    const qsizetype levelIndex = fieldIndex(layer, QStringLiteral("level"));
    if (levelIndex < 0)
        throw InputError({layer.sourcePath, layer.name},
                         QStringLiteral("no field \"level\" for planner overrides to set"));
    const qsizetype flagIndex =
        ensureField(layer, QStringLiteral("overridden"), model::FieldType::Integer, 0);
    const qsizetype reasonIndex =
        ensureField(layer, QStringLiteral("override_reason"), model::FieldType::String, QVariant());

    // The latest override of a key wins; overrides come ordered by id.
    QHash<QString, const PlannerOverride *> byKey;
    for (const PlannerOverride &entry : overrides) {
        if (entry.layer == layer.name)
            byKey.insert(entry.key, &entry);
    }
    OverrideReport report;
    QHash<QString, bool> matched;
    for (model::Feature &feature : layer.features) {
        const QVariant &keyValue = feature.attributes.value(keyIndex);
        if (keyValue.isNull())
            continue;
        const auto found = byKey.constFind(keyValue.toString());
        if (found == byKey.cend())
            continue;
        feature.attributes[levelIndex] = (*found)->level;
        feature.attributes[flagIndex] = 1;
        feature.attributes[reasonIndex] = (*found)->reason;
        matched.insert(found.key(), true);
        ++report.applied;
    }
    for (const PlannerOverride &entry : overrides) {
        if (entry.layer == layer.name && !matched.contains(entry.key) &&
            !report.unmatchedKeys.contains(entry.key))
            report.unmatchedKeys.append(entry.key);
    }
    return report;
}

} // namespace riskatlas::project
