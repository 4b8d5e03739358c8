// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QStringList>

#include <iosfwd>

void PrintTo(const QString &text, std::ostream *os);

namespace riskatlas::test {

/// The repository's root, e.g. for sample-data/ and tests/data/.
QString sourceDir();
QString testDataPath(const QString &relative);
QString sampleDataPath(const QString &relative);

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the built riskatlas-cli with `arguments`; waits up to `timeoutMs`.
CliResult runCli(const QStringList &arguments, int timeoutMs = 120000);

} // namespace riskatlas::test
