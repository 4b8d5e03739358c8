// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/set_level_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace riskatlas::desktop {

namespace {

QIcon swatch(const style::Rgb &rgb)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(QColor(rgb.red, rgb.green, rgb.blue));
    return QIcon(pixmap);
}

} // namespace

SetLevelDialog::SetLevelDialog(const QString &feature, const style::Palette &palette, int current,
                               const QString &user, QWidget *parent)
    : QDialog(parent)
    , m_level(new QComboBox(this))
    , m_reason(new QPlainTextEdit(this))
    , m_user(new QLineEdit(user, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Set level"));
    const bool chinese = QLocale().language() == QLocale::Chinese;
    // Highest level first, as the legends list them.
    for (auto it = palette.classes.rbegin(); it != palette.classes.rend(); ++it) {
        const QString name = chinese || it->nameEn.isEmpty() ? it->name : it->nameEn;
        m_level->addItem(swatch(it->color), tr("%1 (level %2)").arg(name).arg(it->level),
                         it->level);
    }
    const int index = m_level->findData(current);
    if (index >= 0)
        m_level->setCurrentIndex(index);
    m_reason->setPlaceholderText(tr("Why the model's level is overridden, e.g. the field check "
                                    "that found it"));
    m_reason->setTabChangesFocus(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Feature:"), new QLabel(feature, this));
    form->addRow(tr("&Level:"), m_level);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Who:"), m_user);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *note = new QLabel(tr("The override is kept in the project and applied by every run; "
                               "it is written when the project is saved."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &SetLevelDialog::updateOk);
    connect(m_user, &QLineEdit::textChanged, this, &SetLevelDialog::updateOk);
    updateOk();
    m_reason->setFocus();
}

int SetLevelDialog::level() const
{
    return m_level->currentData().toInt();
}

QString SetLevelDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

QString SetLevelDialog::user() const
{
    return m_user->text().trimmed();
}

void SetLevelDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!reason().isEmpty() && !user().isEmpty() && m_level->count() > 0);
}

} // namespace riskatlas::desktop
