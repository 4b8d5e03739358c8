// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <memory>

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::desktop {

/// The attributes of a VectorLayer as a read-only table: one row per feature (row = index in
/// VectorLayer::features), one column per field. Holds the layer by shared pointer; a null
/// layer is an empty table. Sorting is done by AttributeFilterModel on the raw values, so
/// numbers sort as numbers.
class AttributeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit AttributeTableModel(QObject *parent = nullptr);

    void setLayer(std::shared_ptr<const model::VectorLayer> layer);
    const std::shared_ptr<const model::VectorLayer> &layer() const { return m_layer; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const model::VectorLayer> m_layer;
};

/// Sorts and filters an AttributeTableModel: rows whose field (or any field) contains a text,
/// case-insensitively, or equals a value exactly (numbers compared as numbers).
class AttributeFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Match { Contains, Equals };

    explicit AttributeFilterModel(QObject *parent = nullptr);

    /// `column` -1 searches every field; an empty `text` shows all rows.
    void setFilter(int column, Match match, const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool matches(const QVariant &value) const;

    int m_column = -1;
    Match m_match = Match::Contains;
    QString m_text;
};

} // namespace riskatlas::desktop
