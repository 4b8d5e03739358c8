// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/model/vector_layer.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace riskatlas::project {

/// A level set by hand for one unit or zone of a result layer (a row of riskatlas_overrides).
/// Overrides live in their own table, so a rerun that replaces the result layer keeps them;
/// the run applies them again with applyOverrides().
struct PlannerOverride
{
    qint64 id = -1;  ///< assigned by the project
    QString layer;   ///< result layer name, e.g. "five_colour_zones"
    QString key;     ///< value of the layer's key field (unit code, zone id) as text
    int level = 0;   ///< the level to show, ≥ 1 (1 = lowest)
    QString reason;  ///< mandatory, non-blank: why the planner overrode the model
    QString user;    ///< who; defaults to the login name
    QString created; ///< UTC, ISO 8601; set by the project when empty
};

/// A result layer whose levels a run sets from overrides, and what its keys are.
struct OverrideTarget
{
    QString layer;    ///< result layer name
    QString keyField; ///< the field holding the key in that layer
    QString title;    ///< zh_CN, for the atlas notes (评估单元, 风险区划, …)
};

/// The layers a run applies overrides to (docs/project.md, "Planner overrides"):
/// risk_map (key unit_id), risk_zoning and prevention_zoning (key zone_id, a zone's stable id
/// derived from the units it holds) and enterprises (key: unified social credit code). The
/// per-hazard maps are not among them: their polygons have no key that survives a rerun.
QList<OverrideTarget> overrideTargets();

/// The target for `layer`, or nullptr.
const OverrideTarget *overrideTarget(const QString &layer);

/// What applyOverrides() did.
struct OverrideReport
{
    int applied = 0;           ///< features changed
    QStringList unmatchedKeys; ///< overrides whose key no feature has
};

/// Applies the overrides for `layer.name` (others are ignored) to `layer`: for each feature
/// whose `keyField` value, as text, equals an override's key, sets field `level` to the
/// override's level, `overridden` to 1 and `override_reason` to the reason. Adds the fields
/// `overridden` (integer, 0 elsewhere) and `override_reason` (text) when missing, so every
/// output of a run marks overridden units. Throws InputError naming the layer when it has no
/// `keyField` or no `level` field.
OverrideReport applyOverrides(model::VectorLayer &layer, const QList<PlannerOverride> &overrides,
                              const QString &keyField);

} // namespace riskatlas::project
