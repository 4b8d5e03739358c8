// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/five_colour_indicators.h"

#include "desktop/form_helpers.h"
#include "desktop/layer_source_field.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace riskatlas::desktop {

using namespace form;

FiveColourIndicators::FiveColourIndicators(MainWindow &window, QWidget *parent)
    : QScrollArea(parent)
    , m_window(window)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);

    auto *hazardBox = new QGroupBox(tr("Hazards (H): a polygon layer of levels 1–5 each"));
    auto *hazardLayout = new QVBoxLayout(hazardBox);
    m_hazardSource = new LayerSourceField(&m_window, kVectorFilter, hazardBox);
    auto *addHazard = new QPushButton(tr("Add"), hazardBox);
    auto *removeHazard = new QPushButton(tr("Remove"), hazardBox);
    m_hazards = makeTable({tr("id"), tr("name"), tr("source"), tr("level field"), tr("aggregation"),
                           tr("threshold level")});
    hazardLayout->addWidget(buttonsRow({m_hazardSource, addHazard, removeHazard}));
    hazardLayout->addWidget(m_hazards);
    connect(addHazard, &QPushButton::clicked, this, &FiveColourIndicators::addHazard);
    connect(removeHazard, &QPushButton::clicked, this, [this] { removeSelectedRows(m_hazards); });
    layout->addWidget(hazardBox);

    auto *exposureBox = new QGroupBox(tr("Exposure (E)"));
    auto *exposureLayout = new QVBoxLayout(exposureBox);
    m_exposureSource = new LayerSourceField(&m_window, kVectorFilter, exposureBox);
    auto *addExposure = new QPushButton(tr("Add"), exposureBox);
    auto *removeExposure = new QPushButton(tr("Remove"), exposureBox);
    m_exposure =
        makeTable({tr("id"), tr("name"), tr("source"), tr("kind"), tr("field"), tr("per km²")});
    exposureLayout->addWidget(buttonsRow({m_exposureSource, addExposure, removeExposure}));
    exposureLayout->addWidget(m_exposure);
    connect(addExposure, &QPushButton::clicked, this, &FiveColourIndicators::addExposure);
    connect(removeExposure, &QPushButton::clicked, this,
            [this] { removeSelectedRows(m_exposure); });
    layout->addWidget(exposureBox);

    auto *vulnBox = new QGroupBox(tr("Vulnerability (V)"));
    auto *vulnForm = new QFormLayout(vulnBox);
    m_vulnSource = new LayerSourceField(&m_window, kVectorFilter, vulnBox);
    m_vulnField = new QLineEdit(vulnBox);
    m_vulnFactors = new QLineEdit(vulnBox);
    m_vulnFactors->setPlaceholderText(QStringLiteral("土木=1.0; 砖混=0.7; 框架=0.4"));
    m_vulnWeight = choiceCombo({{QStringLiteral("count"), tr("each feature counts 1")},
                                {QStringLiteral("floor_area"), tr("footprint × floors field")},
                                {QStringLiteral("field"), tr("a numeric field")}},
                               QStringLiteral("count"));
    m_vulnWeightField = new QLineEdit(vulnBox);
    vulnForm->addRow(tr("Features:"), m_vulnSource);
    vulnForm->addRow(tr("Field:"), m_vulnField);
    vulnForm->addRow(tr("Factors (value=factor; …):"), m_vulnFactors);
    vulnForm->addRow(tr("Weight:"), m_vulnWeight);
    vulnForm->addRow(tr("Weight field:"), m_vulnWeightField);
    layout->addWidget(vulnBox);

    auto *capacityBox = new QGroupBox(tr("Capacity (C), per 10 000 people in each township"));
    auto *capacityLayout = new QVBoxLayout(capacityBox);
    m_population = new LayerSourceField(&m_window, kVectorFilter, capacityBox);
    auto *popRow = new QFormLayout;
    popRow->addRow(tr("Population raster:"), m_population);
    capacityLayout->addLayout(popRow);
    m_capacitySource = new LayerSourceField(&m_window, kVectorFilter, capacityBox);
    auto *addCapacity = new QPushButton(tr("Add"), capacityBox);
    auto *removeCapacity = new QPushButton(tr("Remove"), capacityBox);
    m_capacity = makeTable(
        {tr("id"), tr("name"), tr("source"), tr("summed field (empty: count)"), tr("direction")});
    capacityLayout->addWidget(buttonsRow({m_capacitySource, addCapacity, removeCapacity}));
    capacityLayout->addWidget(m_capacity);
    connect(addCapacity, &QPushButton::clicked, this, &FiveColourIndicators::addCapacity);
    connect(removeCapacity, &QPushButton::clicked, this,
            [this] { removeSelectedRows(m_capacity); });
    layout->addWidget(capacityBox);

    setWidgetResizable(true);
    setWidget(content);
}

void FiveColourIndicators::refreshSources()
{
    for (LayerSourceField *field :
         {m_hazardSource, m_exposureSource, m_vulnSource, m_population, m_capacitySource})
        field->refresh();
}

void FiveColourIndicators::addHazard()
{
    const QString source = m_hazardSource->pathSpec();
    if (source.isEmpty())
        return;
    const int row = m_hazards->rowCount();
    m_hazards->insertRow(row);
    const QString id = idFrom(layerNameOf(source), QStringLiteral("hazard"), ids(0));
    setRow(m_hazards, row, {id, layerNameOf(source), source, QStringLiteral("level")});
    m_hazards->setCellWidget(
        row, 4,
        choiceCombo({{QStringLiteral("area_weighted_mean"), tr("area-weighted mean")},
                     {QStringLiteral("max_level"), tr("highest level")},
                     {QStringLiteral("share_at_or_above"), tr("share at or above threshold")}},
                    QStringLiteral("area_weighted_mean")));
    m_hazards->setItem(row, 5, new QTableWidgetItem);
}

void FiveColourIndicators::addExposure()
{
    const QString source = m_exposureSource->pathSpec();
    if (source.isEmpty())
        return;
    const int row = m_exposure->rowCount();
    m_exposure->insertRow(row);
    const QString id = idFrom(layerNameOf(source), QStringLiteral("exposure"), ids(1));
    setRow(m_exposure, row, {id, layerNameOf(source), source});
    const bool raster = source.endsWith(QLatin1String(".tif"), Qt::CaseInsensitive) ||
                        source.endsWith(QLatin1String(".tiff"), Qt::CaseInsensitive);
    m_exposure->setCellWidget(
        row, 3,
        choiceCombo({{QStringLiteral("raster_sum"), tr("raster sum")},
                     {QStringLiteral("count"), tr("count of features")},
                     {QStringLiteral("sum"), tr("sum of a field")},
                     {QStringLiteral("floor_area"), tr("floor area")},
                     {QStringLiteral("length"), tr("length of lines (km)")}},
                    raster ? QStringLiteral("raster_sum") : QStringLiteral("count")));
    m_exposure->setItem(row, 4, new QTableWidgetItem);
    auto *density = new QTableWidgetItem;
    density->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    density->setCheckState(Qt::Checked);
    m_exposure->setItem(row, 5, density);
}

void FiveColourIndicators::addCapacity()
{
    const QString source = m_capacitySource->pathSpec();
    if (source.isEmpty())
        return;
    const int row = m_capacity->rowCount();
    m_capacity->insertRow(row);
    const QString id = idFrom(layerNameOf(source), QStringLiteral("capacity"), ids(2));
    setRow(m_capacity, row, {id, layerNameOf(source), source, QString()});
    m_capacity->setCellWidget(row, 4,
                              choiceCombo({{QStringLiteral("benefit"), tr("more is better")},
                                           {QStringLiteral("cost"), tr("less is better")}},
                                          QStringLiteral("benefit")));
}

QStringList FiveColourIndicators::ids(int group) const
{
    const QTableWidget *table = group == 0 ? m_hazards : group == 1 ? m_exposure : m_capacity;
    QStringList ids;
    for (int row = 0; row < table->rowCount(); ++row)
        ids << cellText(table, row, 0);
    return ids;
}

QStringList FiveColourIndicators::names(int group) const
{
    const QTableWidget *table = group == 0 ? m_hazards : group == 1 ? m_exposure : m_capacity;
    QStringList names;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString name = cellText(table, row, 1);
        names << (name.isEmpty() ? cellText(table, row, 0) : name);
    }
    return names;
}

void FiveColourIndicators::setModel(const QJsonObject &model)
{
    m_hazards->setRowCount(0);
    for (const QJsonValue &value : model.value(QStringLiteral("hazards")).toArray()) {
        const QJsonObject h = value.toObject();
        m_hazardSource->setPathSpec(str(h, "source"));
        addHazard();
        const int row = m_hazards->rowCount() - 1;
        setRow(m_hazards, row,
               {str(h, "id"), str(h, "name"), str(h, "source"),
                h.contains(QStringLiteral("level_field")) ? str(h, "level_field")
                                                          : QStringLiteral("level")});
        m_hazards->item(row, 0)->setData(Qt::UserRole,
                                         h.value(QStringLiteral("scores")).toObject());
        setCombo(qobject_cast<QComboBox *>(m_hazards->cellWidget(row, 4)),
                 h.contains(QStringLiteral("aggregation")) ? str(h, "aggregation")
                                                           : QStringLiteral("area_weighted_mean"));
        m_hazards->item(row, 5)->setText(str(h, "threshold"));
    }
    m_hazardSource->setPathSpec({});

    m_exposure->setRowCount(0);
    for (const QJsonValue &value : model.value(QStringLiteral("exposure")).toArray()) {
        const QJsonObject e = value.toObject();
        m_exposureSource->setPathSpec(str(e, "source"));
        addExposure();
        const int row = m_exposure->rowCount() - 1;
        setRow(m_exposure, row, {str(e, "id"), str(e, "name"), str(e, "source")});
        setCombo(qobject_cast<QComboBox *>(m_exposure->cellWidget(row, 3)), str(e, "kind"));
        m_exposure->item(row, 4)->setText(str(e, "field"));
        m_exposure->item(row, 5)->setCheckState(
            e.value(QStringLiteral("density")).toBool() ? Qt::Checked : Qt::Unchecked);
    }
    m_exposureSource->setPathSpec({});

    const QJsonObject vuln = model.value(QStringLiteral("vulnerability")).toObject();
    m_vulnSource->setPathSpec(str(vuln, "source"));
    const QJsonObject table = vuln.value(QStringLiteral("tables")).toArray().first().toObject();
    m_vulnField->setText(str(table, "field"));
    QStringList factors;
    const QJsonObject factorObject = table.value(QStringLiteral("factors")).toObject();
    for (auto it = factorObject.begin(); it != factorObject.end(); ++it)
        factors << QStringLiteral("%1=%2").arg(it.key()).arg(it.value().toDouble());
    m_vulnFactors->setText(factors.join(QStringLiteral("; ")));
    setCombo(m_vulnWeight, vuln.contains(QStringLiteral("weight")) ? str(vuln, "weight")
                                                                   : QStringLiteral("count"));
    m_vulnWeightField->setText(str(vuln, "weight_field"));

    const QJsonObject capacity = model.value(QStringLiteral("capacity")).toObject();
    m_population->setPathSpec(str(capacity, "population"));
    m_capacity->setRowCount(0);
    for (const QJsonValue &value : capacity.value(QStringLiteral("indicators")).toArray()) {
        const QJsonObject c = value.toObject();
        m_capacitySource->setPathSpec(str(c, "source"));
        addCapacity();
        const int row = m_capacity->rowCount() - 1;
        setRow(m_capacity, row, {str(c, "id"), str(c, "name"), str(c, "source"), str(c, "field")});
        setCombo(qobject_cast<QComboBox *>(m_capacity->cellWidget(row, 4)),
                 c.contains(QStringLiteral("direction")) ? str(c, "direction")
                                                         : QStringLiteral("benefit"));
    }
    m_capacitySource->setPathSpec({});
}

void FiveColourIndicators::writeModel(QJsonObject &model) const
{
    QJsonArray hazards;
    for (int row = 0; row < m_hazards->rowCount(); ++row) {
        QJsonObject scores = m_hazards->item(row, 0)->data(Qt::UserRole).toJsonObject();
        if (scores.isEmpty()) {
            // The census levels 1 (low) … 5 (high), evenly scored.
            for (int level = 1; level <= 5; ++level)
                scores.insert(QString::number(level), level * 0.2);
        }
        QJsonObject h{{QStringLiteral("id"), cellText(m_hazards, row, 0)},
                      {QStringLiteral("name"), cellText(m_hazards, row, 1)},
                      {QStringLiteral("source"), cellText(m_hazards, row, 2)},
                      {QStringLiteral("level_field"), cellText(m_hazards, row, 3)},
                      {QStringLiteral("scores"), scores},
                      {QStringLiteral("aggregation"), cellText(m_hazards, row, 4)}};
        if (cellText(m_hazards, row, 4) == QLatin1String("share_at_or_above"))
            h.insert(QStringLiteral("threshold"), cellText(m_hazards, row, 5));
        hazards.append(h);
    }
    model.insert(QStringLiteral("hazards"), hazards);

    QJsonArray exposure;
    for (int row = 0; row < m_exposure->rowCount(); ++row) {
        QJsonObject e{
            {QStringLiteral("id"), cellText(m_exposure, row, 0)},
            {QStringLiteral("name"), cellText(m_exposure, row, 1)},
            {QStringLiteral("source"), cellText(m_exposure, row, 2)},
            {QStringLiteral("kind"), cellText(m_exposure, row, 3)},
            {QStringLiteral("density"), m_exposure->item(row, 5)->checkState() == Qt::Checked}};
        if (!cellText(m_exposure, row, 4).isEmpty())
            e.insert(QStringLiteral("field"), cellText(m_exposure, row, 4));
        exposure.append(e);
    }
    model.insert(QStringLiteral("exposure"), exposure);

    QJsonObject vuln = model.value(QStringLiteral("vulnerability")).toObject();
    vuln.insert(QStringLiteral("source"), m_vulnSource->pathSpec());
    QJsonArray tables = vuln.value(QStringLiteral("tables")).toArray();
    QJsonObject table = tables.isEmpty() ? QJsonObject() : tables.first().toObject();
    table.insert(QStringLiteral("field"), m_vulnField->text().trimmed());
    QJsonObject factors;
    for (const QString &pair : m_vulnFactors->text().split(u';', Qt::SkipEmptyParts)) {
        const QString key = pair.section(u'=', 0, 0).trimmed();
        bool ok = false;
        const double factor = pair.section(u'=', 1).trimmed().toDouble(&ok);
        // A factor that is not a number goes to the parser as text, which names it.
        factors.insert(key, ok ? QJsonValue(factor) : QJsonValue(pair.section(u'=', 1).trimmed()));
    }
    table.insert(QStringLiteral("factors"), factors);
    if (tables.isEmpty())
        tables.append(table);
    else
        tables.replace(0, table);
    vuln.insert(QStringLiteral("tables"), tables);
    vuln.insert(QStringLiteral("weight"), m_vulnWeight->currentData().toString());
    if (m_vulnWeight->currentData().toString() != QLatin1String("count"))
        vuln.insert(QStringLiteral("weight_field"), m_vulnWeightField->text().trimmed());
    else
        vuln.remove(QStringLiteral("weight_field"));
    model.insert(QStringLiteral("vulnerability"), vuln);

    QJsonObject capacity = model.value(QStringLiteral("capacity")).toObject();
    capacity.insert(QStringLiteral("population"), m_population->pathSpec());
    QJsonArray indicators;
    for (int row = 0; row < m_capacity->rowCount(); ++row) {
        QJsonObject c{{QStringLiteral("id"), cellText(m_capacity, row, 0)},
                      {QStringLiteral("name"), cellText(m_capacity, row, 1)},
                      {QStringLiteral("source"), cellText(m_capacity, row, 2)},
                      {QStringLiteral("direction"), cellText(m_capacity, row, 4)}};
        if (!cellText(m_capacity, row, 3).isEmpty())
            c.insert(QStringLiteral("field"), cellText(m_capacity, row, 3));
        indicators.append(c);
    }
    capacity.insert(QStringLiteral("indicators"), indicators);
    model.insert(QStringLiteral("capacity"), capacity);
}

} // namespace riskatlas::desktop
