// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QToolButton;

namespace riskatlas::desktop {

class MainWindow;

/// Picks an input of a workflow: a layer on the map or a file. The text is a path spec as the
/// model and configuration files take it (`PATH` or `PATH|layername=NAME`); the combo lists the
/// map's layers and "…" browses for a file. Editable, so a typed path works too.
class LayerSourceField : public QWidget
{
    Q_OBJECT

public:
    /// `window` lists the map layers (may be null); `fileFilter` is for the file dialog.
    LayerSourceField(MainWindow *window, const QString &fileFilter, QWidget *parent = nullptr);

    QString pathSpec() const;
    void setPathSpec(const QString &pathSpec);
    /// Re-reads the map's layers into the list, keeping the current text.
    void refresh();
    /// The field names of the chosen source when it is a layer on the map, else empty.
    QStringList fieldNames() const;

    /// The path spec of the map layer `id` (its file, with `|layername=` for GeoPackages).
    static QString pathSpecOf(const MainWindow &window, int id);

Q_SIGNALS:
    void changed(const QString &pathSpec);

private:
    void browse();

    MainWindow *m_window;
    QString m_filter;
    QComboBox *m_combo;
    QToolButton *m_browse;
};

} // namespace riskatlas::desktop
