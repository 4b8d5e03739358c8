// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QProgressDialog;
class QTimer;

namespace riskatlas::desktop {

class LayerList;
class LayerLoader;
class MapCanvas;
struct LoadedLayer;

/// The program's window: a map canvas, the layer list beside it, and a status bar with the
/// pointer's coordinates and the map's CRS. Layers come from File ▸ Open layer…, from files
/// dropped on the window, or from openLayer(); they are read in the background by a
/// LayerLoader behind a progress dialog with Cancel, and a failure is explained in a message
/// box. A thin shell: reading, reprojecting and drawing live in LayerLoader, core and render.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Starts reading `pathSpec` (`PATH` or `PATH|layername=NAME`) in the background and
    /// returns at once; layerLoaded() or loadFailed() tells how it went. Several calls queue.
    /// The inner `gdb` file of a file geodatabase opens the geodatabase.
    void openLayer(const QString &pathSpec);

    MapCanvas *canvas() const { return m_canvas; }
    LayerList *layerList() const { return m_layerList; }

Q_SIGNALS:
    /// A layer was read and added to the map; `name` is the name shown in the layer list.
    void layerLoaded(const QString &name);
    /// A read failed; `message` names the file and says what was wrong. Also shown to the user.
    void loadFailed(const QString &message);
    /// The user cancelled reading `pathSpec` (Cancel in the progress dialog).
    void loadCancelled(const QString &pathSpec);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void chooseAndOpenLayers();
    void removeCurrentLayer();

    void loadStarted(const QString &pathSpec);
    void layerReady(const std::shared_ptr<const LoadedLayer> &loaded);
    void loadFailedWith(const QString &pathSpec, const QString &message, bool badInput);
    void readCancelled(const QString &pathSpec);
    void chooseLayersOf(const QString &path, const QStringList &layerNames);
    void loaderIdle();
    void updateProgress();

    void showPointer(const QPointF &world);
    void updateCrsLabel();

    MapCanvas *m_canvas = nullptr;
    LayerList *m_layerList = nullptr;
    LayerLoader *m_loader = nullptr;
    QLabel *m_coordinateLabel = nullptr;
    QLabel *m_crsLabel = nullptr;
    QPointer<QProgressDialog> m_progressDialog;
    QTimer *m_progressTimer = nullptr;
    /// Each layer's CRS as stored in its source, by canvas layer id (the canvas holds them
    /// reprojected into the map CRS).
    QHash<int, crs::Crs> m_sourceCrs;
};

} // namespace riskatlas::desktop
