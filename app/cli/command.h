// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/error.h"
#include "core/io/layer_writer.h"

#include <QCommandLineParser>
#include <QStringList>

namespace riskatlas::cli {

/// Exit codes, the CLI's contract: 0 success, 1 processing error, 2 bad input or usage.
enum ExitCode { Success = 0, ProcessingFailure = 1, BadInput = 2 };

/// Parses `arguments` (the subcommand's, program name first) with `parser`; on a usage error
/// prints it and returns false. Prints help and exits 0 on --help.
bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int &exitCode);

int runInfo(const QStringList &arguments);
int runConvert(const QStringList &arguments);
int runOverlay(const QStringList &arguments);
int runZonal(const QStringList &arguments);
int runDissolve(const QStringList &arguments);
int runZone(const QStringList &arguments);
int runEnterprises(const QStringList &arguments);
int runAtlas(const QStringList &arguments);
int runPackage(const QStringList &arguments);
int runProject(const QStringList &arguments);
int runRun(const QStringList &arguments);

/// Prints `error: …` to stderr.
void printError(const QString &message);

/// Prints `error` as `error: FILE[:LAYER][:ROW]: …` and returns its exit code.
int reportError(const Error &error);

/// Reads --threads (0, where a command allows it, means all cores). Prints the error and
/// returns false when it is not a whole number ≥ `minimum`; leaves `threads` unchanged when
/// the option is not set. Starts the worker threads this count needs, so that they are ready
/// when the input has been read (see overlay::WorkerPool).
bool parseThreadCount(const QCommandLineParser &parser, const QCommandLineOption &option,
                      int minimum, int &threads);

/// Prints what a write changed on the way: shapefile fields renamed, notes.
void printWriteReport(const io::WriteReport &report);

} // namespace riskatlas::cli
