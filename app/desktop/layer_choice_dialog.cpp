// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_choice_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace riskatlas::desktop {

LayerChoiceDialog::LayerChoiceDialog(const QString &path, const QStringList &layerNames,
                                     QWidget *parent)
    : QDialog(parent)
    , m_path(path)
    , m_list(new QListWidget(this))
{
    setWindowTitle(tr("Choose layers"));
    auto *label = new QLabel(
        tr("%1 holds %n layer(s). Tick the ones to open:", nullptr, int(layerNames.size()))
            .arg(QFileInfo(path).fileName()),
        this);
    label->setWordWrap(true);
    for (const QString &name : layerNames) {
        auto *item = new QListWidgetItem(name, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    QPushButton *openButton = buttons->button(QDialogButtonBox::Open);
    openButton->setEnabled(false);
    connect(m_list, &QListWidget::itemChanged, this,
            [this, openButton] { openButton->setEnabled(!chosenLayers().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(400, 440);
}

QStringList LayerChoiceDialog::chosenLayers() const
{
    QStringList names;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->checkState() == Qt::Checked)
            names.append(m_list->item(row)->text());
    }
    return names;
}

} // namespace riskatlas::desktop
