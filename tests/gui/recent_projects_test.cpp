// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/recent_projects.h"

#include <QAction>
#include <QCoreApplication>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace riskatlas;

class RecentProjectsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepsTheLastEightNewestFirst();
    void greysOutAndRemovesMissingFiles();

private:
    QString touch(const QString &name);
    QTemporaryDir m_dir;
};

void RecentProjectsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("RiskAtlasTest"));
    QCoreApplication::setApplicationName(QStringLiteral("recent_projects_test"));
}

QString RecentProjectsTest::touch(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write("x");
    return path;
}

void RecentProjectsTest::keepsTheLastEightNewestFirst()
{
    QMenu menu;
    desktop::RecentProjects recent(&menu);
    recent.clear();
    QStringList paths;
    for (int i = 1; i <= 10; ++i) {
        paths.append(touch(QStringLiteral("县%1.riskatlas").arg(i)));
        recent.add(paths.last());
    }
    recent.add(paths[7]); // opened again: moves to the top, not duplicated
    const QStringList expected = {paths[7], paths[9], paths[8], paths[6],
                                  paths[5], paths[4], paths[3], paths[2]};
    QCOMPARE(recent.paths(), expected);
    // A second instance (the next start of the program) reads the same list.
    QMenu otherMenu;
    QCOMPARE(desktop::RecentProjects(&otherMenu).paths(), expected);

    QSignalSpy requested(&recent, &desktop::RecentProjects::openRequested);
    menu.actions().first()->trigger();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), paths[7]);
}

void RecentProjectsTest::greysOutAndRemovesMissingFiles()
{
    QMenu menu;
    desktop::RecentProjects recent(&menu);
    recent.clear();
    const QString kept = touch(QStringLiteral("kept.riskatlas"));
    const QString gone = touch(QStringLiteral("gone.riskatlas"));
    recent.add(kept);
    recent.add(gone);
    QVERIFY(QFile::remove(gone));
    Q_EMIT menu.aboutToShow(); // rebuilt when shown

    const QList<QAction *> actions = menu.actions();
    QVERIFY(actions.size() >= 2);
    QVERIFY(!actions[0]->isEnabled());
    QVERIFY(actions[0]->text().contains(QStringLiteral("gone.riskatlas")));
    QVERIFY(actions[0]->text().contains(desktop::RecentProjects::tr(" (missing)")));
    QVERIFY(actions[1]->isEnabled());
    QAction *removeMissing = nullptr;
    for (QAction *action : actions) {
        if (action->text() == desktop::RecentProjects::tr("Remove missing projects"))
            removeMissing = action;
    }
    QVERIFY(removeMissing);
    removeMissing->trigger();
    QCOMPARE(recent.paths(), QStringList{QFileInfo(kept).absoluteFilePath()});
}

QTEST_MAIN(RecentProjectsTest)
#include "recent_projects_test.moc"
