// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_source_field.h"

#include "core/model/vector_layer.h"
#include "desktop/layer_list.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace riskatlas::desktop {

LayerSourceField::LayerSourceField(MainWindow *window, const QString &fileFilter, QWidget *parent)
    : QWidget(parent)
    , m_window(window)
    , m_filter(fileFilter)
    , m_combo(new QComboBox(this))
    , m_browse(new QToolButton(this))
{
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(18);
    m_browse->setText(QStringLiteral("…"));
    m_browse->setToolTip(tr("Choose a file"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo, 1);
    layout->addWidget(m_browse);
    connect(m_browse, &QToolButton::clicked, this, &LayerSourceField::browse);
    connect(m_combo, &QComboBox::currentTextChanged, this, [this] { Q_EMIT changed(pathSpec()); });
    refresh();
}

QString LayerSourceField::pathSpecOf(const MainWindow &window, int id)
{
    const auto layer = window.canvas()->layer(id);
    if (!layer)
        return {};
    const QString suffix = QFileInfo(layer->sourcePath).suffix().toLower();
    // Only containers need the layer named; a shapefile's layer is the file.
    static const QStringList containers = {QStringLiteral("gpkg"), QStringLiteral("sqlite"),
                                           QStringLiteral("zip"), QStringLiteral("gdb"),
                                           QStringLiteral("xlsx")};
    if (containers.contains(suffix) && !layer->name.isEmpty())
        return layer->sourcePath + QStringLiteral("|layername=") + layer->name;
    return layer->sourcePath;
}

QString LayerSourceField::pathSpec() const
{
    const int index = m_combo->findText(m_combo->currentText());
    if (index >= 0 && m_combo->itemData(index).isValid())
        return m_combo->itemData(index).toString();
    return m_combo->currentText().trimmed();
}

void LayerSourceField::setPathSpec(const QString &pathSpec)
{
    const int index = m_combo->findData(pathSpec);
    if (index >= 0)
        m_combo->setCurrentIndex(index);
    else
        m_combo->setEditText(pathSpec);
}

void LayerSourceField::refresh()
{
    const QString current = pathSpec();
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    if (m_window) {
        for (const int id : m_window->layerList()->layerIds()) {
            const QString spec = pathSpecOf(*m_window, id);
            if (!spec.isEmpty())
                m_combo->addItem(m_window->layerList()->layerName(id), spec);
        }
    }
    setPathSpec(current);
}

QStringList LayerSourceField::fieldNames() const
{
    if (!m_window)
        return {};
    const QString spec = pathSpec();
    for (const int id : m_window->layerList()->layerIds()) {
        if (pathSpecOf(*m_window, id) != spec)
            continue;
        QStringList names;
        for (const auto &field : m_window->canvas()->layer(id)->fields)
            names << field.name;
        return names;
    }
    return {};
}

void LayerSourceField::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a file"),
                                                      pathSpec().section(u'|', 0, 0), m_filter);
    if (!path.isEmpty())
        setPathSpec(path);
}

} // namespace riskatlas::desktop
