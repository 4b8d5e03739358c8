// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/command.h"

#include <cstdio>

namespace riskatlas::cli {

void printError(const QString &message)
{
    std::fprintf(stderr, "error: %s\n", message.toUtf8().constData());
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
