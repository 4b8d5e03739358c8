// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::desktop {

class AttributeFilterModel;
class AttributeTableModel;

/// The attribute table of one layer: sortable columns, a filter (a text any field or one
/// field contains, or a field equal to a value) and a row selection that is the layer's
/// feature selection: selecting rows reports the features, setSelectedFeatures() selects
/// their rows. Features are named by their index in VectorLayer::features.
class AttributeTablePanel : public QWidget
{
    Q_OBJECT

public:
    explicit AttributeTablePanel(QWidget *parent = nullptr);

    /// Shows `layer` (canvas layer id `id`); null shows nothing.
    void setLayer(int id, std::shared_ptr<const model::VectorLayer> layer);
    int layerId() const { return m_layerId; }

    /// Selects the rows of `features` without reporting them back.
    void setSelectedFeatures(const std::vector<int> &features);
    std::vector<int> selectedFeatures() const;

    /// Sets the filter as the user would: `field` empty means every field; `equals` false
    /// means "contains".
    void setFilter(const QString &field, bool equals, const QString &text);
    /// Feature indices of the rows shown, top to bottom.
    std::vector<int> visibleFeatures() const;
    void sortByField(const QString &field, Qt::SortOrder order);

    QTableView *view() const { return m_view; }

Q_SIGNALS:
    /// The user changed the selected rows.
    void featuresSelected(int layerId, const std::vector<int> &features);
    /// The user double-clicked a row: show that feature.
    void featureActivated(int layerId, int feature);

private:
    void applyFilter();
    void rowSelectionChanged();
    void updateCount();

    int m_layerId = -1;
    bool m_settingSelection = false;
    AttributeTableModel *m_model = nullptr;
    AttributeFilterModel *m_proxy = nullptr;
    QComboBox *m_field = nullptr;
    QComboBox *m_match = nullptr;
    QLineEdit *m_text = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace riskatlas::desktop
