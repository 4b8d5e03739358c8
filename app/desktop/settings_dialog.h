// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QDialog>

class QComboBox;
class QSettings;

namespace riskatlas::desktop {

/// The program's preferences, kept in QSettings: for now the language of the interface
/// (follow the system, 简体中文 or English), which takes effect when the program next starts.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// Reads from and, on accept, writes to `settings`, which must outlive the dialog.
    explicit SettingsDialog(QSettings &settings, QWidget *parent = nullptr);

    /// The language chosen: "zh_CN", "en" or empty for the system's.
    QString language() const;
    void setLanguage(const QString &language);

    void accept() override;

private:
    QSettings &m_settings;
    QComboBox *m_language = nullptr;
};

} // namespace riskatlas::desktop
