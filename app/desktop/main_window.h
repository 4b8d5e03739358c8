// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QProgressDialog;
class QTimer;

namespace riskatlas::desktop {

class AtlasPanel;
class AttributeTablePanel;
class CoordinateReadout;
class IdentifyPanel;
class LayerController;
class LayerList;
class LayerLoader;
class MapCanvas;
class ProjectController;
class RunLogPanel;
struct LoadedLayer;

/// The program's window: a map canvas, the layer tree beside it, the attribute table and
/// identify results in docks below and beside it, and a status bar with the map scale, the
/// pointer's coordinates (CGCS2000 degrees and Gauss-Krüger metres) and the map's CRS. Layers come
/// from File ▸ Open layer…, from files dropped on the window, or from openLayer(); they are read in
/// the background by a LayerLoader behind a progress dialog with Cancel, and a failure is explained
/// in a message box. Projects (File ▸ New/Open project…, the command line, a dropped .riskatlas),
/// their runs, planner edits and atlas are handled by a ProjectController with the run log and
/// atlas docks. A thin shell: reading, reprojecting and drawing live in LayerLoader, core and
/// render.
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
    /// Opens a project (after the unsaved-changes prompt): its result layers are read onto
    /// the map in the background. False when the user cancelled or it could not be opened.
    bool openProject(const QString &path);

    MapCanvas *canvas() const { return m_canvas; }
    LayerList *layerList() const { return m_layerList; }
    LayerController *layers() const { return m_layers; }
    AttributeTablePanel *attributeTable() const { return m_attributeTable; }
    IdentifyPanel *identifyPanel() const { return m_identifyPanel; }
    ProjectController *project() const { return m_project; }
    RunLogPanel *runLog() const { return m_runLog; }
    AtlasPanel *atlasPanel() const { return m_atlasPanel; }
    /// The scale shown in the status bar ("1:25,000"), empty without a projected CRS.
    QString scaleText() const;
    /// The pointer coordinates shown in the status bar.
    QString pointerText() const;

public Q_SLOTS:
    /// Cancels the layer being read and drops the queued ones.
    void cancelLoading();
    void showAbout();
    void showSettings();

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
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createActions();
    void chooseAndOpenLayers();
    void updateScale();
    void mapLayersChanged();

    void loadStarted(const QString &pathSpec);
    void layerReady(const std::shared_ptr<const LoadedLayer> &loaded);
    void loadFailedWith(const QString &pathSpec, const QString &message, bool badInput);
    void readCancelled(const QString &pathSpec);
    void chooseLayersOf(const QString &path, const QStringList &layerNames);
    void loaderIdle();
    void updateProgress();

    void showPointer(const QPointF &world);
    void updateCrsLabel();
    void updateTitle();

    MapCanvas *m_canvas = nullptr;
    LayerList *m_layerList = nullptr;
    AttributeTablePanel *m_attributeTable = nullptr;
    IdentifyPanel *m_identifyPanel = nullptr;
    LayerController *m_layers = nullptr;
    LayerLoader *m_loader = nullptr;
    RunLogPanel *m_runLog = nullptr;
    AtlasPanel *m_atlasPanel = nullptr;
    ProjectController *m_project = nullptr;
    std::unique_ptr<CoordinateReadout> m_readout;
    QLabel *m_scaleLabel = nullptr;
    QLabel *m_coordinateLabel = nullptr;
    QLabel *m_crsLabel = nullptr;
    QPointer<QProgressDialog> m_progressDialog;
    QTimer *m_progressTimer = nullptr;
};

} // namespace riskatlas::desktop
