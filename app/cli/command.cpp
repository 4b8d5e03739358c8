// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"

#include "core/overlay/parallel_chunks.h"
#include "core/overlay/worker_pool.h"

#include <cstdio>

namespace riskatlas::cli {

void printError(const QString &message)
{
    std::fprintf(stderr, "error: %s\n", message.toUtf8().constData());
}

int reportError(const Error &error)
{
    printError(error.formatted());
    return error.kind() == ErrorKind::BadInput ? BadInput : ProcessingFailure;
}

bool parseThreadCount(const QCommandLineParser &parser, const QCommandLineOption &option,
                      int minimum, int &threads)
{
    // The calling thread is the first worker.
    auto startWorkers = [&] {
        overlay::WorkerPool::instance().reserve(
            std::size_t(overlay::effectiveThreadCount(threads) - 1));
    };
    if (!parser.isSet(option)) {
        startWorkers();
        return true;
    }
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < minimum) {
        printError(QStringLiteral("--threads needs a whole number ≥ %1, not \"%2\"")
                       .arg(minimum)
                       .arg(parser.value(option)));
        return false;
    }
    threads = value;
    startWorkers();
    return true;
}

void printWriteReport(const io::WriteReport &report)
{
    for (const auto &[from, to] : report.renamedFields)
        std::printf("field renamed: %s → %s\n", from.toUtf8().constData(), to.toUtf8().constData());
    for (const QString &note : report.notes)
        std::printf("note: %s\n", note.toUtf8().constData());
}

bool parseArguments(QCommandLineParser &parser, const QStringList &arguments, int &exitCode)
{
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        exitCode = BadInput;
        return false;
    }
    if (parser.isSet(help)) {
        std::fputs(parser.helpText().toUtf8().constData(), stdout);
        exitCode = Success;
        return false;
    }
    return true;
}

} // namespace riskatlas::cli
