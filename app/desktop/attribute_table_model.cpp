// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/attribute_table_model.h"

#include "core/model/vector_layer.h"

#include <QCollator>
#include <QColor>

namespace riskatlas::desktop {

namespace {

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

} // namespace

AttributeTableModel::AttributeTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AttributeTableModel::setLayer(std::shared_ptr<const model::VectorLayer> layer)
{
    beginResetModel();
    m_layer = std::move(layer);
    endResetModel();
}

int AttributeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_layer ? 0 : int(m_layer->features.size());
}

int AttributeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_layer ? 0 : int(m_layer->fields.size());
}

QVariant AttributeTableModel::data(const QModelIndex &index, int role) const
{
    if (!m_layer || !index.isValid())
        return {};
    const QVariant value =
        m_layer->features[std::size_t(index.row())].attributes.value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return value.isNull() ? QVariant(QStringLiteral("NULL")) : value;
    case Qt::EditRole:
        return value;
    case Qt::TextAlignmentRole:
        return isNumber(value) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ForegroundRole:
        return value.isNull() ? QVariant(QColor(Qt::gray)) : QVariant();
    default:
        return {};
    }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || !m_layer)
        return {};
    if (orientation == Qt::Horizontal)
        return section < m_layer->fields.size() ? m_layer->fields[section].name : QString();
    return m_layer->features[std::size_t(section)].fid;
}

AttributeFilterModel::AttributeFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::EditRole);
}

void AttributeFilterModel::setFilter(int column, Match match, const QString &text)
{
    m_column = column;
    m_match = match;
    m_text = text.trimmed();
    invalidateFilter();
}

bool AttributeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QAbstractItemModel *source = sourceModel();
    if (m_column >= 0)
        return matches(source->index(sourceRow, m_column, sourceParent).data(Qt::EditRole));
    for (int column = 0; column < source->columnCount(sourceParent); ++column) {
        if (matches(source->index(sourceRow, column, sourceParent).data(Qt::EditRole)))
            return true;
    }
    return false;
}

bool AttributeFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(Qt::EditRole);
    const QVariant b = right.data(Qt::EditRole);
    // Nulls first, then numbers by value, text in the locale's order (pinyin for Chinese).
    if (a.isNull() || b.isNull())
        return a.isNull() && !b.isNull();
    if (isNumber(a) && isNumber(b))
        return a.toDouble() < b.toDouble();
    static thread_local QCollator collator;
    collator.setNumericMode(true);
    return collator.compare(a.toString(), b.toString()) < 0;
}

bool AttributeFilterModel::matches(const QVariant &value) const
{
    if (value.isNull())
        return m_match == Match::Equals && m_text.compare(QLatin1String("NULL")) == 0;
    if (m_match == Match::Contains)
        return value.toString().contains(m_text, Qt::CaseInsensitive);
    if (isNumber(value)) {
        bool ok = false;
        const double wanted = m_text.toDouble(&ok);
        return ok && value.toDouble() == wanted;
    }
    return value.toString() == m_text;
}

} // namespace riskatlas::desktop
