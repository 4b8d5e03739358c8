// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/style/palette.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace riskatlas::desktop {

/// Asks for a planner's level for one unit or zone: the level (by the palette's names, in
/// the interface language), the reason (mandatory: OK stays disabled while it is blank) and
/// who (the login name by default).
class SetLevelDialog : public QDialog
{
    Q_OBJECT

public:
    /// `feature` describes what is changed ("risk_map 330324001000 南城街道"); `current` is the
    /// level shown now, preselected.
    SetLevelDialog(const QString &feature, const style::Palette &palette, int current,
                   const QString &user, QWidget *parent = nullptr);

    int level() const;
    QString reason() const;
    QString user() const;

    /// For tests: the editors.
    QComboBox *levelBox() const { return m_level; }
    QPlainTextEdit *reasonEdit() const { return m_reason; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateOk();

    QComboBox *m_level;
    QPlainTextEdit *m_reason;
    QLineEdit *m_user;
    QDialogButtonBox *m_buttons;
};

} // namespace riskatlas::desktop
