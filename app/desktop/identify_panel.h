// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QTreeWidget>

#include <memory>

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::desktop {

/// What the identify tool found: the attributes of the features under a click, grouped by
/// layer (top layer first), each feature expandable to its field–value pairs.
class IdentifyPanel : public QTreeWidget
{
    Q_OBJECT

public:
    explicit IdentifyPanel(QWidget *parent = nullptr);

    /// Starts a new result list (for a new click).
    void clearResults();
    /// Adds feature `feature` of `layer`, shown under `layerName`.
    void addResult(const QString &layerName, const model::VectorLayer &layer, int feature);
    /// Field names and values of the first feature found, as shown ("name" → "上塘镇").
    QList<QPair<QString, QString>> firstFeatureAttributes() const;
};

} // namespace riskatlas::desktop
