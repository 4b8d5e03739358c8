// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_list.h"

#include <QTimer>

#include <algorithm>

namespace riskatlas::desktop {

namespace {

constexpr int LayerIdRole = Qt::UserRole + 1;
constexpr int NameRole = Qt::UserRole + 2;
constexpr int LayerRoleRole = Qt::UserRole + 3;

} // namespace

LayerList::LayerList(QWidget *parent)
    : QListWidget(parent)
{
    setSelectionMode(QAbstractItemView::SingleSelection);
    setUniformItemSizes(true);
    setDragDropMode(QAbstractItemView::InternalMove);
    setDefaultDropAction(Qt::MoveAction);
    setToolTip(tr("Drag layers to change the drawing order; double-click for properties."));
    connect(this, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        Q_EMIT visibilityChanged(item->data(LayerIdRole).toInt(),
                                 item->checkState() == Qt::Checked);
    });
    connect(this, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        Q_EMIT currentLayerChanged(current ? current->data(LayerIdRole).toInt() : -1);
    });
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT propertiesRequested(item->data(LayerIdRole).toInt());
    });
    // A drag inside the list moves rows in the model; report the order once the drop is over.
    connect(model(), &QAbstractItemModel::rowsMoved, this,
            [this] { QTimer::singleShot(0, this, &LayerList::emitOrder); });
    connect(model(), &QAbstractItemModel::rowsInserted, this, [this] {
        if (state() == QAbstractItemView::DraggingState)
            QTimer::singleShot(0, this, &LayerList::emitOrder);
    });
}

void LayerList::addLayer(int id, const QString &name, const QString &details)
{
    auto *item = new QListWidgetItem(name);
    item->setData(LayerIdRole, id);
    item->setData(NameRole, name);
    item->setData(LayerRoleRole, int(LayerRole::None));
    item->setToolTip(details);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                   Qt::ItemIsDragEnabled);
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
        names.append(item(row)->data(NameRole).toString());
    return names;
}

QList<int> LayerList::layerIds() const
{
    QList<int> ids;
    for (int row = 0; row < count(); ++row)
        ids.append(item(row)->data(LayerIdRole).toInt());
    return ids;
}

QString LayerList::layerName(int id) const
{
    const QListWidgetItem *item = itemFor(id);
    return item ? item->data(NameRole).toString() : QString();
}

bool LayerList::isLayerChecked(int id) const
{
    const QListWidgetItem *item = itemFor(id);
    return item && item->checkState() == Qt::Checked;
}

void LayerList::setLayerChecked(int id, bool checked)
{
    if (QListWidgetItem *item = itemFor(id))
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

int LayerList::currentLayerId() const
{
    const QListWidgetItem *item = currentItem();
    return item ? item->data(LayerIdRole).toInt() : -1;
}

void LayerList::setCurrentLayer(int id)
{
    if (QListWidgetItem *item = itemFor(id))
        setCurrentItem(item);
}

void LayerList::setLayerIcon(int id, const QIcon &icon)
{
    if (QListWidgetItem *item = itemFor(id)) {
        QSignalBlocker blocker(this);
        item->setIcon(icon);
    }
}

void LayerList::setLayerRole(int id, LayerRole role)
{
    if (QListWidgetItem *item = itemFor(id)) {
        item->setData(LayerRoleRole, int(role));
        updateText(item);
    }
}

LayerRole LayerList::layerRole(int id) const
{
    const QListWidgetItem *item = itemFor(id);
    return item ? LayerRole(item->data(LayerRoleRole).toInt()) : LayerRole::None;
}

void LayerList::moveLayer(int id, int steps)
{
    QListWidgetItem *item = itemFor(id);
    if (!item || steps == 0)
        return;
    const int from = row(item);
    const int to = std::clamp(from - steps, 0, count() - 1);
    if (to == from)
        return;
    QSignalBlocker blocker(this);
    takeItem(from);
    insertItem(to, item);
    setCurrentItem(item);
    blocker.unblock();
    emitOrder();
}

QListWidgetItem *LayerList::itemFor(int id) const
{
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(LayerIdRole).toInt() == id)
            return item(row);
    }
    return nullptr;
}

void LayerList::updateText(QListWidgetItem *item)
{
    const auto role = LayerRole(item->data(LayerRoleRole).toInt());
    const QString name = item->data(NameRole).toString();
    QSignalBlocker blocker(this);
    item->setText(role == LayerRole::None
                      ? name
                      : tr("%1 · %2", "layer name · workflow role").arg(name, layerRoleName(role)));
}

void LayerList::emitOrder()
{
    QList<int> ids = layerIds();
    std::reverse(ids.begin(), ids.end());
    Q_EMIT orderChanged(ids);
}

} // namespace riskatlas::desktop
