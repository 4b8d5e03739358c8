// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"
#include "app/cli/progress_bar.h"

#include "core/enterprise/enterprise_job.h"
#include "core/error.h"

#include <cstdio>

namespace riskatlas::cli {

namespace {

QString countsText(const std::vector<int> &counts, const QStringList &names)
{
    QStringList parts;
    for (qsizetype k = names.size(); k >= 1; --k) {
        parts.append(QStringLiteral("%1 %2")
                         .arg(names.at(k - 1))
                         .arg(std::size_t(k) < counts.size() ? counts[std::size_t(k)] : 0));
    }
    return parts.join(QStringLiteral(" / "));
}

QString changesText(const enterprise::ChangeCounts &counts, const QStringList &names)
{
    QStringList left;
    for (qsizetype k = names.size(); k >= 2; --k) {
        left.append(QStringLiteral("out of %1 %2")
                        .arg(names.at(k - 1))
                        .arg(std::size_t(k) < counts.leftLevel.size()
                                 ? counts.leftLevel[std::size_t(k)]
                                 : 0));
    }
    return QStringLiteral("%1 continuing: %2 down (%3), %4 up, %5 unchanged")
        .arg(counts.continuing)
        .arg(counts.down)
        .arg(left.join(QStringLiteral(", ")))
        .arg(counts.up)
        .arg(counts.unchanged);
}

void printLine(const QString &text)
{
    std::printf("%s\n", text.toUtf8().constData());
}

} // namespace

int runEnterprises(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Enterprise safety-risk four-colour map (企业安全风险四色图) from a census inventory: "
        "validation report, graded point map, area map per township, safety control lines, "
        "statistics, 风险/防控/责任清单, and with --compare the change since an older survey. "
        "See docs/enterprises.md."));
    parser.addPositionalArgument(QStringLiteral("CONFIG"),
                                 QStringLiteral("The job's configuration (JSON, "
                                                "docs/enterprise_config.md)."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Output folder."), QStringLiteral("OUTDIR"));
    const QCommandLineOption compare(QStringLiteral("compare"),
                                     QStringLiteral("An older survey (CSV or XLSX with the same "
                                                    "columns) to compare the inventory with."),
                                     QStringLiteral("OLD_INVENTORY"));
    const QCommandLineOption overwrite(QStringLiteral("overwrite"),
                                       QStringLiteral("Replace an earlier output folder."));
    parser.addOptions({output, compare, overwrite});
    int exitCode = Success;
    if (!parseArguments(parser, arguments, exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        printError(QStringLiteral("enterprises needs one CONFIG.json"));
        return BadInput;
    }
    if (!parser.isSet(output)) {
        printError(QStringLiteral("enterprises needs an output folder: -o OUTDIR"));
        return BadInput;
    }
    Feedback feedback;
    ProgressBar bar(feedback);
    try {
        enterprise::EnterpriseJobOptions options;
        options.configPath = positional.first();
        options.outDir = parser.value(output);
        options.comparePath = parser.value(compare);
        options.overwrite = parser.isSet(overwrite);
        const enterprise::EnterpriseJobSummary summary =
            enterprise::runEnterpriseJob(options, &feedback);
        printLine(QStringLiteral("rows: %1, firms graded: %2, rows excluded: %3, warnings: %4 "
                                 "(see validation_report.csv)")
                      .arg(summary.rows)
                      .arg(summary.firms)
                      .arg(summary.fatalRows)
                      .arg(summary.warnings));
        // The first problems on screen; all of them are in the report.
        constexpr std::size_t shown = 20;
        for (std::size_t i = 0; i < summary.issues.size() && i < shown; ++i) {
            const enterprise::ValidationIssue &issue = summary.issues[i];
            printLine(QStringLiteral("  %1 %2: %3%4: %5")
                          .arg(issue.row > 0 ? QStringLiteral("row %1").arg(issue.row)
                                             : QStringLiteral("table"),
                               issue.fatal ? QStringLiteral("error") : QStringLiteral("warning"),
                               issue.code,
                               issue.value.isEmpty() ? QString()
                                                     : QStringLiteral(" \"%1\"").arg(issue.value),
                               issue.message));
        }
        if (summary.issues.size() > shown)
            printLine(QStringLiteral("  … and %1 more").arg(summary.issues.size() - shown));
        printLine(QStringLiteral("levels by score: ") %
                  countsText(summary.rawCounts, summary.levelNames));
        printLine(
            QStringLiteral("levels after dynamic adjustment (%1 raised): ").arg(summary.adjusted) %
            countsText(summary.finalCounts, summary.levelNames));
        printLine(QStringLiteral("control lines: %1, sensitive sites inside: %2")
                      .arg(summary.controlLines)
                      .arg(summary.sitesInLines));
        if (summary.compared) {
            printLine(QStringLiteral("older survey: %1 firms (%2 rows excluded); by score: ")
                          .arg(summary.olderFirms)
                          .arg(summary.olderFatalRows) %
                      countsText(summary.olderRawCounts, summary.levelNames));
            printLine(QStringLiteral("new firms: %1, closed firms: %2")
                          .arg(summary.finalChanges.newFirms)
                          .arg(summary.finalChanges.closedFirms));
            printLine(QStringLiteral("change by score: ") %
                      changesText(summary.rawChanges, summary.levelNames));
            printLine(QStringLiteral("change after adjustment: ") %
                      changesText(summary.finalChanges, summary.levelNames));
        }
        for (const QString &warning : feedback.warnings())
            printLine(QStringLiteral("warning: ") % warning);
        printLine(
            QStringLiteral("wrote %1 files to %2").arg(summary.files.size()).arg(options.outDir));
        return Success;
    } catch (const Error &error) {
        return reportError(error);
    }
}

} // namespace riskatlas::cli
