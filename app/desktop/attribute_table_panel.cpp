// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/attribute_table_panel.h"

#include "core/model/vector_layer.h"
#include "desktop/attribute_table_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace riskatlas::desktop {

AttributeTablePanel::AttributeTablePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new AttributeTableModel(this))
    , m_proxy(new AttributeFilterModel(this))
    , m_field(new QComboBox(this))
    , m_match(new QComboBox(this))
    , m_text(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
{
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setToolTip(tr("Click a column header to sort; selected rows are highlighted on "
                          "the map. Double-click a row to zoom to the feature."));

    m_field->setToolTip(tr("The field the filter looks at"));
    m_match->addItem(tr("contains"));
    m_match->addItem(tr("equals"));
    m_match->setToolTip(tr("Contains: the text appears anywhere (any case). Equals: the "
                           "value is exactly this (numbers compared as numbers; NULL for "
                           "empty values)."));
    m_text->setPlaceholderText(tr("Filter…"));
    m_text->setClearButtonEnabled(true);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_field);
    filterRow->addWidget(m_match);
    filterRow->addWidget(m_text, 1);
    filterRow->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);

    connect(m_text, &QLineEdit::textChanged, this, &AttributeTablePanel::applyFilter);
    connect(m_field, &QComboBox::currentIndexChanged, this, &AttributeTablePanel::applyFilter);
    connect(m_match, &QComboBox::currentIndexChanged, this, &AttributeTablePanel::applyFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AttributeTablePanel::rowSelectionChanged);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT featureActivated(m_layerId, m_proxy->mapToSource(index).row());
    });
    updateCount();
}

void AttributeTablePanel::setLayer(int id, std::shared_ptr<const model::VectorLayer> layer)
{
    m_settingSelection = true;
    m_layerId = layer ? id : -1;
    {
        const QSignalBlocker blocker(m_field);
        m_field->clear();
        m_field->addItem(tr("All fields"), -1);
        if (layer) {
            for (int i = 0; i < layer->fields.size(); ++i)
                m_field->addItem(layer->fields[i].name, i);
        }
    }
    m_model->setLayer(std::move(layer));
    m_settingSelection = false;
    applyFilter();
    m_view->resizeColumnsToContents();
}

void AttributeTablePanel::setSelectedFeatures(const std::vector<int> &features)
{
    m_settingSelection = true;
    QItemSelection selection;
    for (int feature : features) {
        if (feature < 0 || feature >= m_model->rowCount())
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(feature, 0));
        if (index.isValid())
            selection.select(index, index);
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
    if (!selection.isEmpty())
        m_view->scrollTo(selection.indexes().first());
    m_settingSelection = false;
    updateCount();
}

std::vector<int> AttributeTablePanel::selectedFeatures() const
{
    std::vector<int> features;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        features.push_back(m_proxy->mapToSource(index).row());
    std::sort(features.begin(), features.end());
    return features;
}

void AttributeTablePanel::setFilter(const QString &field, bool equals, const QString &text)
{
    const int fieldIndex = field.isEmpty() ? 0 : m_field->findText(field);
    m_field->setCurrentIndex(std::max(0, fieldIndex));
    m_match->setCurrentIndex(equals ? 1 : 0);
    m_text->setText(text);
    applyFilter();
}

std::vector<int> AttributeTablePanel::visibleFeatures() const
{
    std::vector<int> features;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        features.push_back(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    return features;
}

void AttributeTablePanel::sortByField(const QString &field, Qt::SortOrder order)
{
    const int column = m_field->findText(field) - 1;
    if (column >= 0)
        m_view->sortByColumn(column, order);
}

void AttributeTablePanel::applyFilter()
{
    m_proxy->setFilter(m_field->currentData().toInt(),
                       m_match->currentIndex() == 1 ? AttributeFilterModel::Match::Equals
                                                    : AttributeFilterModel::Match::Contains,
                       m_text->text());
    updateCount();
}

void AttributeTablePanel::rowSelectionChanged()
{
    updateCount();
    if (m_settingSelection || m_layerId < 0)
        return;
    Q_EMIT featuresSelected(m_layerId, selectedFeatures());
}

void AttributeTablePanel::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const int selected = int(m_view->selectionModel()->selectedRows().size());
    m_count->setText(tr("%1 of %2 shown, %3 selected").arg(shown).arg(total).arg(selected));
}

} // namespace riskatlas::desktop
