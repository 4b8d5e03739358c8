// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/enterprise/survey_comparison.h"
#include "core/level_override.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::enterprise {

struct EnterpriseJobOptions
{
    QString configPath;
    QString outDir;
    /// An older survey to compare with (read with the same columns and grading); empty: the
    /// configuration's `comparison.older_inventory`, if any.
    QString comparePath;
    /// Replace an existing output folder (only one that holds an earlier job's outputs).
    bool overwrite = false;
    /// Planner overrides of firms' levels (key = unified social credit code, compared trimmed
    /// and in capitals), applied to the current inventory right after grading and dynamic
    /// adjustment, so the point map, area map, control lines, tables, lists and comparison all
    /// use them; the older survey of a comparison is left as it was graded. A level outside
    /// 1…levelCount is an InputError; a code no firm has is a warning and an unapplied outcome.
    std::vector<LevelOverride> levelOverrides;
};

/// What a run produced, for the CLI's summary and the tests. Level vectors are indexed by
/// level 1…levelCount (index 0 unused).
struct EnterpriseJobSummary
{
    int levelCount = 4;
    QStringList levelNames; ///< index k−1 = level k
    qsizetype rows = 0;
    qsizetype firms = 0;
    qsizetype fatalRows = 0;
    qsizetype warnings = 0;
    /// The inventory's validation issues (as in validation_report.csv), for the screen.
    std::vector<ValidationIssue> issues;
    std::vector<int> rawCounts;
    std::vector<int> finalCounts;
    int adjusted = 0;
    int controlLines = 0;
    int sitesInLines = 0;
    bool compared = false;
    qsizetype olderFirms = 0;
    qsizetype olderFatalRows = 0;
    std::vector<int> olderRawCounts;
    std::vector<int> olderFinalCounts;
    ChangeCounts finalChanges;
    ChangeCounts rawChanges;
    std::vector<OverrideOutcome> overrides; ///< one per levelOverrides entry, same order
    QStringList overrideWarnings;           ///< overrides that matched no firm
    QStringList files;                      ///< relative to outDir, sorted
};

/// Runs the enterprise four-colour job (docs/enterprises.md): import and validate the
/// inventory, grade, locate in the units, build the point map, area map, control lines,
/// statistics, lists, and with a comparePath the survey comparison and change map, and write
/// them under options.outDir. Everything is written into a sibling `OUTDIR.partial` folder that
/// is renamed into place at the end, so a failed or cancelled run leaves no half-written
/// output. Throws InputError (bad configuration, unreadable inputs, missing required columns,
/// an existing outDir without `overwrite`), ProcessingError, CancelledError.
EnterpriseJobSummary runEnterpriseJob(const EnterpriseJobOptions &options,
                                      Feedback *feedback = nullptr);

} // namespace riskatlas::enterprise
