// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

#include <cstring>

namespace riskatlas::desktop {

namespace {

const QString LanguageKey = QStringLiteral("ui/language");
const QString OwnTranslatorName = QStringLiteral("riskatlas_translator");

// Qt 6.4's lupdate does not understand C++17 nested namespace definitions
// (`namespace riskatlas::desktop {`), so it files the strings of riskatlas::desktop::MainWindow
// under the context "MainWindow" while tr() asks for the qualified class name. The catalogue
// is looked up under both.
class NamespacedTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override
    {
        QString text = QTranslator::translate(context, sourceText, disambiguation, n);
        if (!text.isEmpty() || !context)
            return text;
        const char *unqualified = std::strrchr(context, ':');
        if (!unqualified)
            return text;
        return QTranslator::translate(unqualified + 1, sourceText, disambiguation, n);
    }
};

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("zh_CN"), QStringLiteral("en")};
}

QString configuredLanguage(const QSettings &settings)
{
    const QString language = settings.value(LanguageKey).toString();
    return availableLanguages().contains(language) ? language : QString();
}

void setConfiguredLanguage(QSettings &settings, const QString &language)
{
    if (language.isEmpty())
        settings.remove(LanguageKey);
    else
        settings.setValue(LanguageKey, language);
}

QString effectiveLanguage(const QString &configured)
{
    if (!configured.isEmpty())
        return configured;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

bool installTranslations(const QString &language)
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app)
        return false;
    const auto old = app->findChildren<QTranslator *>(OwnTranslatorName);
    for (QTranslator *translator : old) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale(language));

    auto *qt = new QTranslator(app);
    qt->setObjectName(OwnTranslatorName);
    if (qt->load(QStringLiteral("qtbase_") + language,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);

    auto *own = new NamespacedTranslator(app);
    own->setObjectName(OwnTranslatorName);
    if (!own->load(QStringLiteral(":/i18n/riskatlas_") + language + QStringLiteral(".qm")))
        return false;
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace riskatlas::desktop
