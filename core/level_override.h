// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

namespace riskatlas {

/// A level set by hand for one unit, zone or firm, as a step of a run applies it
/// (project::PlannerOverride is the stored form with who and when; docs/project.md).
struct LevelOverride
{
    QString key;    ///< the unit id, zone id or firm's unified social credit code
    int level = 0;  ///< the level to show, 1 = lowest; a step refuses one outside its palette
    QString reason; ///< why; written to the output's `override_reason`
};

/// What a step did with one LevelOverride, for the run log and the atlas notes.
struct OverrideOutcome
{
    QString key;
    int level = 0;        ///< the level set
    bool applied = false; ///< false: the key matched nothing in this run
    int modelLevel = 0;   ///< the model's level of what it matched (0 when not applied)
    QString name;         ///< what it matched, for people: unit or firm name, a zone's units
    int features = 0;     ///< units or firms changed
};

} // namespace riskatlas
