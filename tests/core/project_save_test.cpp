// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// A process killed inside a save leaves the project as it was before the save.
#include "core/project/project.h"
#include "core/project/sqlite_database.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace riskatlas;
using namespace riskatlas::project;

// The metadata path: a transaction on the open file. A child process writes far more than
// SQLite's page cache holds (so pages reach the database file before the commit) and is killed
// by SIGKILL before it commits; the next open rolls the hot journal back.
TEST(ProjectSaveTest, KilledTransactionIsRolledBackOnTheNextOpen)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.riskatlas"));
    {
        Project project = Project::create(path);
        project.setSetting(QStringLiteral("before"), QStringLiteral("kept"));
    }
    const qint64 sizeBefore = QFileInfo(path).size();

    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // No gtest assertions in the child: it only writes and dies.
        SqliteDatabase db(path);
        db.execute(QStringLiteral("PRAGMA cache_size = 8"));
        db.execute(QStringLiteral("BEGIN IMMEDIATE"));
        db.execute(QStringLiteral("DELETE FROM riskatlas_settings"));
        SqliteStatement insert(
            db, QStringLiteral("INSERT INTO riskatlas_settings (key, value) VALUES (?1, ?2)"));
        const QString filler(400, QLatin1Char('x'));
        for (int i = 0; i < 20000; ++i) {
            insert.bind(1, QStringLiteral("k%1").arg(i)).bind(2, filler);
            insert.step();
            insert.reset();
        }
        ::kill(::getpid(), SIGKILL);
        ::_exit(0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGKILL);
    // The kill left a hot journal and a database file that already holds uncommitted pages.
    EXPECT_TRUE(QFile::exists(path + QStringLiteral("-journal")));
    EXPECT_GT(QFileInfo(path).size(), sizeBefore);

    const Project project = Project::open(path);
    const auto settings = project.settings();
    EXPECT_EQ(settings.value(QStringLiteral("before")), QStringLiteral("kept"));
    EXPECT_FALSE(settings.contains(QStringLiteral("k0")));
    EXPECT_EQ(settings.size(), 2); // name and before
    EXPECT_EQ(project.query(QStringLiteral("PRAGMA integrity_check"))[0][0].toString(),
              QStringLiteral("ok"));
    EXPECT_FALSE(QFile::exists(path + QStringLiteral("-journal")));
}
