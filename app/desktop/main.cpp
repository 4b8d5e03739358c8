// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/main_window.h"
#include "desktop/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("RiskAtlas"));
    QApplication::setOrganizationName(QStringLiteral("RiskAtlas"));
    QApplication::setApplicationVersion(QStringLiteral(RISKATLAS_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/riskatlas.svg")));
    // Before any widget exists: every tr() from here on sees the chosen language.
    riskatlas::desktop::installTranslations(
        riskatlas::desktop::effectiveLanguage(riskatlas::desktop::configuredLanguage(QSettings())));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "RiskAtlas 风险图集: risk maps for county emergency "
                                        "management."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("layers"),
        QApplication::translate("main", "A project (.riskatlas) or layers to open: PATH or "
                                        "\"PATH|layername=NAME\"."),
        QStringLiteral("[layers...]"));
    parser.process(app);

    riskatlas::desktop::MainWindow window;
    window.show();
    for (const QString &argument : parser.positionalArguments()) {
        if (argument.endsWith(QLatin1String(".riskatlas"), Qt::CaseInsensitive))
            window.openProject(argument);
        else
            window.openLayer(argument);
    }
    return app.exec();
}
