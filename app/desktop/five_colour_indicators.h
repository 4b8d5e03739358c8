// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QJsonObject>
#include <QScrollArea>

class QComboBox;
class QLineEdit;
class QTableWidget;

namespace riskatlas::desktop {

class LayerSourceField;
class MainWindow;

/// The indicators step of the five-colour panel: tables of hazard layers (level field,
/// aggregation, threshold level), exposure indicators (kind, field, per km²) and capacity
/// points (summed field, direction), the vulnerability table and weight, and the population
/// raster. It reads and writes those keys of the model JSON (docs/five-colour.md) and keeps
/// what it has no widget for (a hazard's scores, further vulnerability tables).
class FiveColourIndicators : public QScrollArea
{
    Q_OBJECT

public:
    /// Indicator groups, in the order of the model's weight specs.
    enum Group { Hazards = 0, Exposure = 1, Capacity = 2 };

    FiveColourIndicators(MainWindow &window, QWidget *parent = nullptr);

    /// Fills the tables from `model` (paths absolute).
    void setModel(const QJsonObject &model);
    /// Writes hazards, exposure, vulnerability and capacity into `model`.
    void writeModel(QJsonObject &model) const;
    /// The ids of a group, in table order (the AHP matrix order).
    QStringList ids(int group) const;
    /// Their names (the id when the name is empty).
    QStringList names(int group) const;
    /// Re-reads the map's layers into the source pickers.
    void refreshSources();

private:
    void addHazard();
    void addExposure();
    void addCapacity();

    MainWindow &m_window;
    LayerSourceField *m_hazardSource = nullptr;
    QTableWidget *m_hazards = nullptr;
    LayerSourceField *m_exposureSource = nullptr;
    QTableWidget *m_exposure = nullptr;
    LayerSourceField *m_vulnSource = nullptr;
    QLineEdit *m_vulnField = nullptr;
    QLineEdit *m_vulnFactors = nullptr;
    QComboBox *m_vulnWeight = nullptr;
    QLineEdit *m_vulnWeightField = nullptr;
    LayerSourceField *m_population = nullptr;
    LayerSourceField *m_capacitySource = nullptr;
    QTableWidget *m_capacity = nullptr;
};

} // namespace riskatlas::desktop
