// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/identify_panel.h"

#include "core/model/vector_layer.h"

#include <QHeaderView>

namespace riskatlas::desktop {

IdentifyPanel::IdentifyPanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Field"), tr("Value")});
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setAlternatingRowColors(true);
    setToolTip(tr("Choose the Identify tool and click on the map to see the features there."));
}

void IdentifyPanel::clearResults()
{
    clear();
}

void IdentifyPanel::addResult(const QString &layerName, const model::VectorLayer &layer,
                              int feature)
{
    if (feature < 0 || std::size_t(feature) >= layer.features.size())
        return;
    QTreeWidgetItem *layerItem = nullptr;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->text(0) == layerName)
            layerItem = topLevelItem(i);
    }
    if (!layerItem) {
        layerItem = new QTreeWidgetItem(this, {layerName});
        QFont bold = layerItem->font(0);
        bold.setBold(true);
        layerItem->setFont(0, bold);
        layerItem->setExpanded(true);
    }
    const model::Feature &data = layer.features[std::size_t(feature)];
    auto *featureItem = new QTreeWidgetItem(layerItem, {tr("Feature %1").arg(data.fid), QString()});
    for (int i = 0; i < layer.fields.size(); ++i) {
        const QVariant value = data.attributes.value(i);
        new QTreeWidgetItem(
            featureItem,
            {layer.fields[i].name, value.isNull() ? QStringLiteral("NULL") : value.toString()});
    }
    featureItem->setExpanded(layerItem->childCount() == 1);
}

QList<QPair<QString, QString>> IdentifyPanel::firstFeatureAttributes() const
{
    QList<QPair<QString, QString>> pairs;
    if (topLevelItemCount() == 0 || topLevelItem(0)->childCount() == 0)
        return pairs;
    const QTreeWidgetItem *feature = topLevelItem(0)->child(0);
    for (int i = 0; i < feature->childCount(); ++i)
        pairs.append({feature->child(i)->text(0), feature->child(i)->text(1)});
    return pairs;
}

} // namespace riskatlas::desktop
