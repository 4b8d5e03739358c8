// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "support/test_support.h"

#include <QDir>
#include <QProcess>

#include <ostream>

void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace riskatlas::test {

QString sourceDir()
{
    return QStringLiteral(RISKATLAS_SOURCE_DIR);
}

QString testDataPath(const QString &relative)
{
    return QDir(sourceDir()).filePath(QStringLiteral("tests/data/") + relative);
}

QString sampleDataPath(const QString &relative)
{
    return QDir(sourceDir()).filePath(QStringLiteral("sample-data/") + relative);
}

CliResult runCli(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(QStringLiteral(RISKATLAS_CLI_PATH), arguments);
    CliResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace riskatlas::test
