// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/settings_dialog.h"

#include "desktop/translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace riskatlas::desktop {

SettingsDialog::SettingsDialog(QSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    // Language names in their own language, so a user who cannot read the current one
    // still finds theirs.
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    setLanguage(configuredLanguage(settings));

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *note =
        new QLabel(tr("A new language takes effect when RiskAtlas is started again."), this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setLanguage(const QString &language)
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));
}

void SettingsDialog::accept()
{
    setConfiguredLanguage(m_settings, language());
    m_settings.sync();
    QDialog::accept();
}

} // namespace riskatlas::desktop
