// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

// Small building blocks the workflow panels share: option combos whose data is the JSON
// value, editable tables, a row of buttons, ids for new indicators.

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QWidget>

#include <algorithm>
#include <functional>

namespace riskatlas::desktop::form {

inline const QString kVectorFilter =
    QStringLiteral("GIS (*.shp *.gpkg *.geojson *.json *.zip *.tif "
                   "*.tiff *.csv *.xlsx);;* (*)");

inline QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

inline QString cellText(const QTableWidget *table, int row, int column)
{
    if (auto *combo = qobject_cast<QComboBox *>(table->cellWidget(row, column)))
        return combo->currentData().toString();
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

inline void setCombo(QComboBox *combo, const QString &data)
{
    const int index = combo->findData(data);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

inline QComboBox *choiceCombo(const QList<QPair<QString, QString>> &choices, const QString &current)
{
    auto *combo = new QComboBox;
    for (const auto &[data, label] : choices)
        combo->addItem(label, data);
    setCombo(combo, current);
    return combo;
}

// A short ascii id from a layer name (the model wants lower-case ascii, digits and _).
inline QString idFrom(const QString &text, const QString &fallback, const QStringList &taken)
{
    QString id;
    for (const QChar c : text.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_')
            id += c;
    }
    if (id.isEmpty() || !(id.at(0) >= u'a' && id.at(0) <= u'z'))
        id = fallback;
    QString unique = id;
    for (int n = 2; taken.contains(unique); ++n)
        unique = id + QString::number(n);
    return unique;
}

inline QString layerNameOf(const QString &pathSpec)
{
    const qsizetype at = pathSpec.indexOf(QLatin1String("layername="));
    if (at >= 0)
        return pathSpec.mid(at + 10);
    return QFileInfo(pathSpec.section(u'|', 0, 0)).completeBaseName();
}

inline QTableWidget *makeTable(const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setMinimumHeight(120);
    return table;
}

inline void setRow(QTableWidget *table, int row, const QStringList &texts)
{
    for (int column = 0; column < texts.size(); ++column)
        table->setItem(row, column, new QTableWidgetItem(texts.at(column)));
}

inline QWidget *buttonsRow(std::initializer_list<QWidget *> widgets)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : widgets)
        layout->addWidget(widget, widget->inherits("LayerSourceField") ? 1 : 0);
    return row;
}

inline void removeSelectedRows(QTableWidget *table)
{
    QList<int> rows;
    for (const QModelIndex &index : table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows)
        table->removeRow(row);
}

/// A button that lets the user pick a folder into `edit` (starting from its text); the texts
/// come from the caller so they stay in its translation context.
inline QPushButton *browseFolderButton(QLineEdit *edit, const QString &buttonText,
                                       const QString &dialogTitle, QWidget *parent)
{
    auto *button = new QPushButton(buttonText, parent);
    QObject::connect(button, &QPushButton::clicked, parent, [edit, dialogTitle, parent] {
        const QString dir = QFileDialog::getExistingDirectory(parent, dialogTitle, edit->text());
        if (!dir.isEmpty())
            edit->setText(dir);
    });
    return button;
}

/// A button that asks for a file to open with `filter` and hands its path to `chosen`; the
/// texts come from the caller so they stay in its translation context.
template<typename Chosen>
QPushButton *openFileButton(const QString &buttonText, const QString &dialogTitle,
                            const QString &filter, QWidget *parent, Chosen chosen)
{
    auto *button = new QPushButton(buttonText, parent);
    QObject::connect(button, &QPushButton::clicked, parent, [=] {
        const QString path = QFileDialog::getOpenFileName(parent, dialogTitle, {}, filter);
        if (!path.isEmpty())
            chosen(path);
    });
    return button;
}

/// A button that asks where to save with `filter`, starting at `start()`, and hands the path to
/// `chosen`.
template<typename Start, typename Chosen>
QPushButton *saveFileButton(const QString &buttonText, const QString &dialogTitle,
                            const QString &filter, QWidget *parent, Start start, Chosen chosen)
{
    auto *button = new QPushButton(buttonText, parent);
    QObject::connect(button, &QPushButton::clicked, parent, [=] {
        const QString path = QFileDialog::getSaveFileName(parent, dialogTitle, start(), filter);
        if (!path.isEmpty())
            chosen(path);
    });
    return button;
}

} // namespace riskatlas::desktop::form
