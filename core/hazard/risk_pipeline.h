// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/risk_model.h"
#include "core/hazard/risk_zoning.h"
#include "core/level_override.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

enum class OutputFormat { GeoPackage, Shapefile, Both };

/// A planner's level for one unit (key = the unit's `unit_id`), set by hand (project
/// overrides, docs/project.md).
using UnitLevelOverride = LevelOverride;

struct PipelineOptions
{
    QString outDir; ///< created when missing
    OutputFormat format = OutputFormat::GeoPackage;
    int threads = 0; ///< 0 = all cores; no output depends on it
    bool overwrite = false;
    /// Applied right after the classification, so that both zonings, the tables and the
    /// counts follow the planner's levels. The risk map keeps the model's own class in
    /// `model_level` and marks the units in `overridden` / `override_reason`. An override
    /// naming no unit is a warning; a level outside 1…5 is an InputError.
    std::vector<UnitLevelOverride> levelOverrides;
    /// Overrides of risk zones (key = a `zone_id` of risk_zoning, zoneKey()): applied to the
    /// units the zone holds, before the zoning is dissolved again, so the risk map, both
    /// zonings and the tables agree. A unit with its own override keeps it (the more specific
    /// wins). A key naming no zone of this run is a warning and an unapplied outcome; a level
    /// outside the risk palette is an InputError. docs/project.md, "Planner overrides".
    std::vector<LevelOverride> riskZoneOverrides;
    /// Overrides of prevention zones (key = a `zone_id` of prevention_zoning), applied in the
    /// same way to the units' prevention zones (1…3), after the risk levels are final.
    std::vector<LevelOverride> preventionZoneOverrides;
    Feedback *feedback = nullptr; ///< step names ("3/11 exposure"), progress per step, cancel
};

/// What a run produced, for the CLI's summary (model_report.json has it all).
struct PipelineSummary
{
    qint64 units = 0;
    std::vector<qint64> unitsPerLevel; ///< [0] = level 1 (低) … [4] = level 5 (高)
    std::vector<double> breaks;        ///< minimum, then the five upper breaks
    TilingCheck riskTiling;
    TilingCheck preventionTiling;
    qint64 riskZones = 0;       ///< connected zones (features of risk_zoning)
    qint64 preventionZones = 0; ///< connected zones (features of prevention_zoning)
    /// What became of each override, in the order given.
    std::vector<OverrideOutcome> unitOverrides;
    std::vector<OverrideOutcome> riskZoneOverrides;
    std::vector<OverrideOutcome> preventionZoneOverrides;
    QStringList files;    ///< every file written, relative to outDir, sorted
    QStringList warnings; ///< non-fatal problems
};

/// Runs a five-colour risk model (docs/five-colour.md) from its units to its tables:
/// units → H per hazard and weighted → E → V → C (TOPSIS per township) → normalisation →
/// formula → five classes → risk zoning (dissolve + minimum mapping unit) → prevention
/// zoning → per-hazard five-colour maps → tables → files. Every file is written to a
/// temporary name and renamed into place; nothing is written before all results are
/// computed, so a failed or cancelled run leaves OUTDIR as it was (apart from files already
/// renamed when a later write fails). Tables and the report are byte-identical for the same
/// inputs whatever the thread count.
///
/// Throws InputError (model, layer, key path, existing outputs without `overwrite`),
/// ProcessingError, CancelledError through `options.feedback`.
PipelineSummary runRiskModel(const RiskModel &model, const PipelineOptions &options);

/// The output file names (relative to OUTDIR) a run of `model` writes with `format`.
QStringList outputFiles(const RiskModel &model, OutputFormat format);

} // namespace riskatlas::hazard
