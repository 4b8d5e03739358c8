// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/project/project.h"
#include "core/project/project_run.h"
#include "render/atlas_config.h"
#include "render/atlas_document.h"

#include <cstdio>

namespace riskatlas::cli {

namespace {

// The atlas of a run: the whole PDF.
QStringList renderAtlasStep(const QString &configPath, const QString &resultsDir,
                            const QString &pdfPath, Feedback *feedback)
{
    const render::AtlasDocument atlas(render::loadAtlasConfig(configPath, resultsDir), feedback);
    atlas.writePdf(pdfPath, 0, atlas.pageCount() - 1, feedback);
    return {pdfPath};
}

} // namespace

int runRun(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a project (.riskatlas) end to end: checks its inputs, runs the five-colour model, "
        "the enterprise grading, the atlas and the submission package from the configs stored in "
        "it, stores the result layers back in the project and appends the run to its log. See "
        "docs/project.md."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output folder."), QStringLiteral("OUTDIR"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Worker threads (default: all cores)."),
                                     QStringLiteral("N"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace the outputs of an earlier run."));
    parser.addOptions({output, threads, overwrite});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1) {
        printError(QStringLiteral("run needs one PROJECT"));
        return BadInput;
    }
    if (!parser.isSet(output)) {
        printError(QStringLiteral("run needs an output folder: -o OUTDIR"));
        return BadInput;
    }
    project::ProjectRunOptions options;
    options.outDir = parser.value(output);
    options.overwrite = parser.isSet(overwrite);
    if (!parseThreadCount(parser, threads, 0, options.threads))
        return BadInput;
    options.atlas = renderAtlasStep;

    Feedback feedback;
    ProgressBar bar(feedback);
    options.feedback = &feedback;
    try {
        project::Project opened = project::Project::open(parser.positionalArguments().first());
        const project::ProjectRunResult result = project::runProject(opened, options);
        for (const QString &warning : result.warnings)
            std::printf("warning: %s\n", warning.toUtf8().constData());
        if (!result.overrides.isEmpty()) {
            qsizetype applied = 0;
            for (const project::AppliedOverride &entry : result.overrides)
                applied += entry.outcome.applied ? 1 : 0;
            std::printf("planner overrides: %lld applied, %lld not applied\n",
                        static_cast<long long>(applied),
                        static_cast<long long>(result.overrides.size() - applied));
        }
        std::printf("run %lld: %s; %lld files in %s, %.1f s; logged in %s\n",
                    static_cast<long long>(result.record.id),
                    result.steps.join(QStringLiteral(", ")).toUtf8().constData(),
                    static_cast<long long>(result.files.size()),
                    options.outDir.toUtf8().constData(), result.record.durationSeconds,
                    opened.path().toUtf8().constData());
        return Success;
    } catch (const Error &error) {
        return reportError(error);
    }
}

} // namespace riskatlas::cli
