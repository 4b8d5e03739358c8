// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/level_override.h"
#include "core/project/planner_override.h"
#include "core/project/run_record.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::project {

class Project;

/// The atlas step of a run: it draws, so it needs QtGui, which core does not link; the caller
/// (CLI, app) supplies it. It gets the resolved atlas config written under OUTDIR/configs/,
/// OUTDIR (where `results:` sources lie) and the PDF to write, and returns the files written.
using RunAtlasStep = std::function<QStringList(const QString &configPath, const QString &resultsDir,
                                               const QString &pdfPath, Feedback *feedback)>;

struct ProjectRunOptions
{
    QString outDir;
    int threads = 0; ///< 0 = all cores
    /// Replace outputs of an earlier run in OUTDIR (never anything else).
    bool overwrite = false;
    /// Runs when the project has an atlas_config; empty: the step is skipped with a warning.
    RunAtlasStep atlas;
    Feedback *feedback = nullptr;
};

/// One stored override and what the run did with it.
struct AppliedOverride
{
    PlannerOverride entry;
    OverrideOutcome outcome; ///< `applied` false: its key matched nothing or its step did not run
};

struct ProjectRunResult
{
    RunRecord record;     ///< as appended to the run log
    QStringList files;    ///< every file written, relative to OUTDIR, sorted
    QStringList warnings; ///< non-fatal problems of every step
    QStringList steps;    ///< the steps that ran, in order ("five_colour", "enterprises", …)
    QList<AppliedOverride> overrides; ///< every stored override, in the order they were set
};

/// Runs a project end to end (docs/project.md, "One-step run"):
/// 1. checks every input (Project::verifyInputs); any changed or missing input is an
///    InputError listing them all, before anything runs;
/// 2. writes each stored config, with `input:` references and relative paths resolved
///    (resolveConfigPaths), to OUTDIR/configs/NAME.json — the exact configs the run used;
/// 3. runs the five-colour model into OUTDIR/five_colour (GeoPackage and shapefiles), with the
///    project's overrides of `risk_map` (units), `risk_zoning` and `prevention_zoning` (zones)
///    applied (hazard::PipelineOptions);
/// 4. runs the enterprise grading into OUTDIR/enterprises, with the overrides of `enterprises`
///    (firms, by unified social credit code);
/// 5. the atlas into OUTDIR/atlas/NAME图集.pdf (NAME: the project's name), with every planner
///    override listed in its notes (parameter 人工调整): applied ones with the model's level
///    and the level set, the others as not applied with why; then, when the project has a config
///    named `package_config`, the submission package OUTDIR/package/NAME成果包.zip, which also
///    holds run_log.json (the project's earlier runs and this run's parameters);
/// 6. stores the result layers (risk_map, risk_zoning, prevention_zoning, enterprises,
///    area_map) in the project and appends the run to the run log, in one save.
/// Steps whose config the project lacks are skipped (and said in `warnings`); a project with
/// none of them is an InputError. A failed or cancelled run is logged with its status and
/// message, and the error is rethrown.
ProjectRunResult runProject(Project &project, const ProjectRunOptions &options);

} // namespace riskatlas::project
