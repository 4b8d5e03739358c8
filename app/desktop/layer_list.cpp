// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_list.h"

namespace riskatlas::desktop {

namespace {

constexpr int LayerIdRole = Qt::UserRole + 1;

} // namespace

LayerList::LayerList(QWidget *parent)
    : QListWidget(parent)
{
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    connect(this, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        Q_EMIT visibilityChanged(item->data(LayerIdRole).toInt(),
                                 item->checkState() == Qt::Checked);
    });
    connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        Q_EMIT currentLayerChanged(current ? current->data(LayerIdRole).toInt() : -1);
    });
}

void LayerList::addLayer(int id, const QString &name, const QString &details)
{
    auto *item = new QListWidgetItem(name);
    item->setData(LayerIdRole, id);
    item->setToolTip(details);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    // Set up before insertion: itemChanged() is only for the user's clicks.
    QSignalBlocker blocker(this);
    insertItem(0, item);
    setCurrentItem(item);
    blocker.unblock();
    Q_EMIT currentLayerChanged(id);
}

void LayerList::removeLayer(int id)
{
    delete itemFor(id);
}

QStringList LayerList::layerNames() const
{
    QStringList names;
    for (int row = 0; row < count(); ++row)
        names.append(item(row)->text());
    return names;
}

bool LayerList::isLayerChecked(int id) const
{
    const QListWidgetItem *item = itemFor(id);
    return item && item->checkState() == Qt::Checked;
}

int LayerList::currentLayerId() const
{
    const QListWidgetItem *item = currentItem();
    return item ? item->data(LayerIdRole).toInt() : -1;
}

QListWidgetItem *LayerList::itemFor(int id) const
{
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(LayerIdRole).toInt() == id)
            return item(row);
    }
    return nullptr;
}

} // namespace riskatlas::desktop
