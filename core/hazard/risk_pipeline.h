// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/risk_model.h"
#include "core/hazard/risk_zoning.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

enum class OutputFormat { GeoPackage, Shapefile, Both };

/// A planner's level for one unit, set by hand (project overrides, docs/project.md).
struct UnitLevelOverride
{
    QString unitId; ///< the unit's `unit_id`
    int level = 0;  ///< 1 (低) … 5 (高)
    QString reason; ///< why; written to the risk map's `override_reason`
};

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
    qint64 riskZones = 0;
    qint64 preventionZones = 0;
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
