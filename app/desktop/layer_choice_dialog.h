// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QDialog>

class QListWidget;

namespace riskatlas::desktop {

/// Asks which layers of a source holding several (a GeoPackage, a file geodatabase, a zip of
/// shapefiles) to open. Shown with open(), not exec(), so the window keeps drawing.
class LayerChoiceDialog : public QDialog
{
    Q_OBJECT

public:
    LayerChoiceDialog(const QString &path, const QStringList &layerNames,
                      QWidget *parent = nullptr);

    /// The checked layer names, in the source's order.
    QStringList chosenLayers() const;
    QString path() const { return m_path; }

private:
    QString m_path;
    QListWidget *m_list = nullptr;
};

} // namespace riskatlas::desktop
