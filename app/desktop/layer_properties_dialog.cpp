// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_properties_dialog.h"

#include "core/style/palette.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QVBoxLayout>

namespace riskatlas::desktop {

namespace {

QString paletteLabel(const QString &id)
{
    // The palette's own bilingual title, so the list reads the same as the legends.
    try {
        const style::Palette palette = style::loadPalette(id);
        const bool chinese = QLocale().language() == QLocale::Chinese;
        return QStringLiteral("%1 (%2)").arg(chinese ? palette.title : palette.titleEn, id);
    } catch (const std::exception &) {
        return id;
    }
}

} // namespace

LayerPropertiesDialog::LayerPropertiesDialog(const QString &layerName,
                                             const QStringList &levelFields,
                                             const LayerSymbology &symbology, LayerRole role,
                                             QWidget *parent)
    : QDialog(parent)
    , m_symbology(symbology)
    , m_fill(symbology.style.fill)
    , m_stroke(symbology.style.stroke)
{
    setWindowTitle(tr("Layer properties: %1").arg(layerName));

    auto *symbolBox = new QGroupBox(tr("Symbol"), this);
    auto *symbolForm = new QFormLayout(symbolBox);
    m_fillButton = new QPushButton(symbolBox);
    m_fillButton->setToolTip(tr("Colour of polygon interiors and point symbols"));
    m_strokeButton = new QPushButton(symbolBox);
    m_strokeButton->setToolTip(tr("Colour of outlines and lines"));
    m_strokeWidth = new QDoubleSpinBox(symbolBox);
    m_strokeWidth->setRange(0.0, 10.0);
    m_strokeWidth->setSingleStep(0.2);
    m_strokeWidth->setSuffix(tr(" px"));
    m_strokeWidth->setValue(symbology.style.strokeWidth);
    m_opacity = new QSlider(Qt::Horizontal, symbolBox);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(qRound(symbology.opacity * 100));
    m_opacity->setToolTip(tr("Opacity of the whole layer"));
    symbolForm->addRow(tr("&Fill colour:"), m_fillButton);
    symbolForm->addRow(tr("&Stroke colour:"), m_strokeButton);
    symbolForm->addRow(tr("Stroke &width:"), m_strokeWidth);
    symbolForm->addRow(tr("&Opacity:"), m_opacity);
    showColour(m_fillButton, m_fill);
    showColour(m_strokeButton, m_stroke);
    connect(m_fillButton, &QPushButton::clicked, this,
            [this] { chooseColour(m_fillButton, &m_fill); });
    connect(m_strokeButton, &QPushButton::clicked, this,
            [this] { chooseColour(m_strokeButton, &m_stroke); });

    auto *colourBox = new QGroupBox(tr("Colours"), this);
    auto *colourLayout = new QFormLayout(colourBox);
    m_single = new QRadioButton(tr("One colour for all features"), colourBox);
    m_categorised = new QRadioButton(tr("Colour by level"), colourBox);
    m_categorised->setToolTip(tr("Colours features by an integer level field (1 low … 5 high) "
                                 "with a level palette, as the result maps are drawn."));
    m_field = new QComboBox(colourBox);
    m_field->addItems(levelFields);
    m_palette = new QComboBox(colourBox);
    for (const QString &id : style::builtinPaletteIds())
        m_palette->addItem(paletteLabel(id), id);
    colourLayout->addRow(m_single);
    colourLayout->addRow(m_categorised);
    colourLayout->addRow(tr("Level &field:"), m_field);
    colourLayout->addRow(tr("&Palette:"), m_palette);
    if (levelFields.isEmpty()) {
        m_categorised->setEnabled(false);
        m_categorised->setToolTip(tr("The layer has no integer field to colour by."));
    }
    (symbology.isCategorised() ? m_categorised : m_single)->setChecked(true);
    if (symbology.isCategorised()) {
        m_field->setCurrentText(symbology.levelField);
        const int paletteIndex = m_palette->findData(symbology.paletteId);
        if (paletteIndex >= 0)
            m_palette->setCurrentIndex(paletteIndex);
    }
    connect(m_categorised, &QRadioButton::toggled, this, &LayerPropertiesDialog::updateEnabled);

    auto *roleBox = new QGroupBox(tr("Workflow"), this);
    auto *roleForm = new QFormLayout(roleBox);
    m_role = new QComboBox(roleBox);
    for (LayerRole each : layerRoles())
        m_role->addItem(layerRoleName(each), int(each));
    m_role->setCurrentIndex(m_role->findData(int(role)));
    m_role->setToolTip(tr("What the layer is in the risk assessment; the workflow panels "
                          "offer layers by their role."));
    roleForm->addRow(tr("&Role:"), m_role);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &LayerPropertiesDialog::applied);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(symbolBox);
    layout->addWidget(colourBox);
    layout->addWidget(roleBox);
    layout->addWidget(buttons);
    updateEnabled();
}

LayerSymbology LayerPropertiesDialog::symbology() const
{
    LayerSymbology result = m_symbology;
    result.style.fill = m_fill;
    result.style.stroke = m_stroke;
    result.style.strokeWidth = m_strokeWidth->value();
    result.opacity = m_opacity->value() / 100.0;
    if (m_categorised->isChecked() && m_field->count() > 0) {
        result.levelField = m_field->currentText();
        result.paletteId = m_palette->currentData().toString();
    } else {
        result.levelField.clear();
        result.paletteId.clear();
    }
    return result;
}

LayerRole LayerPropertiesDialog::role() const
{
    return LayerRole(m_role->currentData().toInt());
}

void LayerPropertiesDialog::setFillColour(const QColor &colour)
{
    m_fill = colour;
    showColour(m_fillButton, colour);
}

void LayerPropertiesDialog::setStrokeColour(const QColor &colour)
{
    m_stroke = colour;
    showColour(m_strokeButton, colour);
}

void LayerPropertiesDialog::setOpacity(double opacity)
{
    m_opacity->setValue(qRound(opacity * 100));
}

void LayerPropertiesDialog::setCategorised(const QString &field, const QString &paletteId)
{
    if (field.isEmpty()) {
        m_single->setChecked(true);
        return;
    }
    m_categorised->setChecked(true);
    m_field->setCurrentText(field);
    m_palette->setCurrentIndex(std::max(0, m_palette->findData(paletteId)));
}

void LayerPropertiesDialog::chooseColour(QPushButton *button, QColor *colour)
{
    const QColor chosen = QColorDialog::getColor(*colour, this, tr("Choose a colour"),
                                                 QColorDialog::ShowAlphaChannel);
    if (!chosen.isValid())
        return;
    *colour = chosen;
    showColour(button, chosen);
}

void LayerPropertiesDialog::updateEnabled()
{
    const bool categorised = m_categorised->isChecked();
    m_field->setEnabled(categorised);
    m_palette->setEnabled(categorised);
    m_fillButton->setEnabled(!categorised);
}

void LayerPropertiesDialog::showColour(QPushButton *button, const QColor &colour)
{
    button->setText(colour.name(colour.alpha() < 255 ? QColor::HexArgb : QColor::HexRgb));
    button->setStyleSheet(QStringLiteral("QPushButton { background-color: %1; color: %2; }")
                              .arg(colour.name(), colour.lightness() > 128
                                                      ? QStringLiteral("black")
                                                      : QStringLiteral("white")));
}

} // namespace riskatlas::desktop
