// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "desktop/layer_symbology.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QPushButton;
class QRadioButton;
class QSlider;

namespace riskatlas::desktop {

/// Edits how one layer is drawn and what it is for: fill and stroke colours, stroke width,
/// opacity, single symbol or colours by an integer level field through a level palette, and
/// the workflow role. Does not touch the canvas: the caller reads symbology() and role()
/// after accept (or on applied(), for the Apply button).
class LayerPropertiesDialog : public QDialog
{
    Q_OBJECT

public:
    /// `levelFields` are the layer's integer fields (see integerFields()).
    LayerPropertiesDialog(const QString &layerName, const QStringList &levelFields,
                          const LayerSymbology &symbology, LayerRole role,
                          QWidget *parent = nullptr);

    LayerSymbology symbology() const;
    LayerRole role() const;

    /// For tests and scripted use: the widgets take these values.
    void setFillColour(const QColor &colour);
    void setStrokeColour(const QColor &colour);
    void setOpacity(double opacity);
    void setCategorised(const QString &field, const QString &paletteId);

Q_SIGNALS:
    void applied();

private:
    void chooseColour(QPushButton *button, QColor *colour);
    void updateEnabled();
    static void showColour(QPushButton *button, const QColor &colour);

    LayerSymbology m_symbology;
    QColor m_fill;
    QColor m_stroke;
    QPushButton *m_fillButton = nullptr;
    QPushButton *m_strokeButton = nullptr;
    QDoubleSpinBox *m_strokeWidth = nullptr;
    QSlider *m_opacity = nullptr;
    QRadioButton *m_single = nullptr;
    QRadioButton *m_categorised = nullptr;
    QComboBox *m_field = nullptr;
    QComboBox *m_palette = nullptr;
    QComboBox *m_role = nullptr;
};

} // namespace riskatlas::desktop
