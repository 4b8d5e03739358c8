// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/main_window.h"

#include "core/model/vector_layer.h"
#include "desktop/about_dialog.h"
#include "desktop/atlas_panel.h"
#include "desktop/attribute_table_panel.h"
#include "desktop/coordinate_readout.h"
#include "desktop/identify_panel.h"
#include "desktop/layer_choice_dialog.h"
#include "desktop/layer_controller.h"
#include "desktop/layer_list.h"
#include "desktop/layer_loader.h"
#include "desktop/map_canvas.h"
#include "desktop/project_controller.h"
#include "desktop/project_session.h"
#include "desktop/run_log_panel.h"
#include "desktop/settings_dialog.h"
#include "desktop/workflow_panels.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoView>

namespace riskatlas::desktop {

namespace {

// Files that come with a .shp and mean nothing alone: dropping a whole shapefile set must
// open it once, not fail five times.
bool isShapefileSidecar(const QFileInfo &file)
{
    static const QSet<QString> suffixes = {
        QStringLiteral("shx"), QStringLiteral("dbf"), QStringLiteral("prj"), QStringLiteral("cpg"),
        QStringLiteral("sbn"), QStringLiteral("sbx"), QStringLiteral("qix"), QStringLiteral("qmd"),
        QStringLiteral("xml"), QStringLiteral("fix"), QStringLiteral("aih"), QStringLiteral("ain")};
    return suffixes.contains(file.suffix().toLower());
}

// A file geodatabase is a folder; file dialogs pick files, so its marker file stands for it.
QString normalisedPath(const QString &pathSpec)
{
    const QString path = pathSpec.section(u'|', 0, 0);
    const QFileInfo file(path);
    const QFileInfo folder(file.absolutePath());
    if (file.isFile() && folder.suffix().compare(QLatin1String("gdb"), Qt::CaseInsensitive) == 0 &&
        (file.fileName() == QLatin1String("gdb") ||
         file.fileName() == QLatin1String("timestamps") ||
         file.suffix().startsWith(QLatin1String("gdbt")))) {
        QString result = folder.filePath();
        if (pathSpec.contains(u'|'))
            result += u'|' + pathSpec.section(u'|', 1);
        return result;
    }
    return pathSpec;
}

QString layerDetails(const model::VectorLayer &layer, const crs::Crs &sourceCrs)
{
    QStringList lines;
    lines << layer.sourcePath;
    lines << MainWindow::tr("%n feature(s)", nullptr, int(layer.features.size()));
    lines << (sourceCrs.isValid() ? MainWindow::tr("CRS: %1").arg(sourceCrs.authId())
                                  : MainWindow::tr("CRS: none"));
    if (!layer.sourceEncoding.isEmpty())
        lines << MainWindow::tr("Encoding: %1").arg(layer.sourceEncoding);
    return lines.join(u'\n');
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_canvas(new MapCanvas(this))
    , m_layerList(new LayerList(this))
    , m_attributeTable(new AttributeTablePanel(this))
    , m_identifyPanel(new IdentifyPanel(this))
    , m_layers(new LayerController(m_canvas, m_layerList, m_attributeTable, m_identifyPanel, this))
    , m_loader(new LayerLoader(this))
    , m_runLog(new RunLogPanel(this))
    , m_atlasPanel(new AtlasPanel(this))
    , m_project(new ProjectController(this, m_runLog, m_atlasPanel))
    , m_readout(std::make_unique<CoordinateReadout>())
    , m_scaleLabel(new QLabel(this))
    , m_coordinateLabel(new QLabel(this))
    , m_crsLabel(new QLabel(this))
    , m_progressTimer(new QTimer(this))
{
    updateTitle();
    connect(m_project, &ProjectController::stateChanged, this, &MainWindow::updateTitle);
    setAcceptDrops(true);
    resize(1200, 780);

    setCentralWidget(m_canvas);
    createDocks();

    m_scaleLabel->setMinimumWidth(110);
    m_scaleLabel->setToolTip(tr("Map scale, measured on the ground in the projected CRS"));
    m_coordinateLabel->setMinimumWidth(420);
    m_coordinateLabel->setToolTip(tr("Pointer position: CGCS2000 longitude and latitude, and "
                                     "metres in the Gauss-Krüger zone of the data"));
    statusBar()->addPermanentWidget(m_coordinateLabel);
    statusBar()->addPermanentWidget(m_scaleLabel);
    statusBar()->addPermanentWidget(m_crsLabel);
    updateCrsLabel();

    createActions();
    // The five-colour, enterprise and chart docks and their Workflows menu (workflow_panels.h).
    installWorkflowPanels(*this);

    connect(m_canvas, &MapCanvas::pointerMoved, this, &MainWindow::showPointer);
    connect(m_canvas, &MapCanvas::pointerLeft, m_coordinateLabel, &QLabel::clear);
    connect(m_canvas, &MapCanvas::transformChanged, this, &MainWindow::updateScale);
    connect(m_layerList, &LayerList::currentLayerChanged, this, &MainWindow::updateCrsLabel);
    connect(m_layers, &LayerController::layersChanged, this, &MainWindow::mapLayersChanged);
    connect(m_layers, &LayerController::identified, this, [this](int count) {
        statusBar()->showMessage(tr("Identify: %n feature(s) here.", nullptr, count), 8000);
    });

    connect(m_loader, &LayerLoader::started, this, &MainWindow::loadStarted);
    connect(m_loader, &LayerLoader::loaded, this, &MainWindow::layerReady);
    connect(m_loader, &LayerLoader::failed, this, &MainWindow::loadFailedWith);
    connect(m_loader, &LayerLoader::cancelled, this, &MainWindow::readCancelled);
    connect(m_loader, &LayerLoader::layerChoiceNeeded, this, &MainWindow::chooseLayersOf);
    connect(m_loader, &LayerLoader::idle, this, &MainWindow::loaderIdle);

    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &MainWindow::updateProgress);
    statusBar()->showMessage(tr("Ready. Open layers with Ctrl+O or drop files on the window."));
}

MainWindow::~MainWindow() = default;

QString MainWindow::scaleText() const
{
    return m_scaleLabel->text();
}

QString MainWindow::pointerText() const
{
    return m_coordinateLabel->text();
}

void MainWindow::cancelLoading()
{
    m_loader->cancel();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showSettings()
{
    auto *settings = new QSettings(this);
    auto *dialog = new SettingsDialog(*settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QObject::destroyed, settings, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this, [this] {
        statusBar()->showMessage(tr("The new language is used when RiskAtlas starts again."),
                                 10000);
    });
    dialog->open();
}

void MainWindow::createDocks()
{
    auto *layersDock = new QDockWidget(tr("Layers"), this);
    layersDock->setObjectName(QStringLiteral("layersDock"));
    layersDock->setWidget(m_layerList);
    addDockWidget(Qt::LeftDockWidgetArea, layersDock);

    auto *identifyDock = new QDockWidget(tr("Identify results"), this);
    identifyDock->setObjectName(QStringLiteral("identifyDock"));
    identifyDock->setWidget(m_identifyPanel);
    addDockWidget(Qt::LeftDockWidgetArea, identifyDock);

    auto *tableDock = new QDockWidget(tr("Attribute table"), this);
    tableDock->setObjectName(QStringLiteral("attributeTableDock"));
    tableDock->setWidget(m_attributeTable);
    addDockWidget(Qt::BottomDockWidgetArea, tableDock);

    auto *runLogDock = new QDockWidget(tr("Run log"), this);
    runLogDock->setObjectName(QStringLiteral("runLogDock"));
    runLogDock->setWidget(m_runLog);
    addDockWidget(Qt::BottomDockWidgetArea, runLogDock);
    tabifyDockWidget(tableDock, runLogDock);
    tableDock->raise();

    auto *atlasDock = new QDockWidget(tr("Atlas"), this);
    atlasDock->setObjectName(QStringLiteral("atlasDock"));
    atlasDock->setWidget(m_atlasPanel);
    addDockWidget(Qt::RightDockWidgetArea, atlasDock);
    atlasDock->hide();

    auto *historyDock = new QDockWidget(tr("Edit history"), this);
    historyDock->setObjectName(QStringLiteral("editHistoryDock"));
    auto *history = new QUndoView(m_project->session()->undoStack(), historyDock);
    history->setEmptyLabel(tr("<project as saved>"));
    historyDock->setWidget(history);
    addDockWidget(Qt::RightDockWidgetArea, historyDock);
    historyDock->hide();

    resizeDocks({layersDock}, {260}, Qt::Horizontal);
    resizeDocks({layersDock, identifyDock}, {380, 220}, Qt::Vertical);
    resizeDocks({tableDock}, {180}, Qt::Vertical);
}

void MainWindow::openLayer(const QString &pathSpec)
{
    m_loader->load(normalisedPath(pathSpec));
}

void MainWindow::createActions()
{
    const auto icon = [](const char *name) {
        return QIcon::fromTheme(QString::fromLatin1(name));
    };
    const auto add = [](QMenu *menu, QAction *action, const QKeySequence &shortcut,
                        const QString &tip) {
        action->setShortcut(shortcut);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        menu->addAction(action);
        return action;
    };

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QMenu *projectMenu = new QMenu(tr("&Project"), this);
    m_project->createActions(fileMenu, editMenu, projectMenu);
    QAction *openAction = add(
        fileMenu, new QAction(icon("document-open"), tr("&Open layer…"), this), QKeySequence::Open,
        tr("Open shapefiles, GeoPackages, GeoJSON, KML, CSV/XLSX tables "
           "and zips"));
    connect(openAction, &QAction::triggered, this, &MainWindow::chooseAndOpenLayers);
    fileMenu->addSeparator();
    QAction *settingsAction =
        add(fileMenu, new QAction(icon("preferences-system"), tr("&Settings…"), this),
            QKeySequence(Qt::CTRL | Qt::Key_Comma), tr("Language and other preferences"));
    connect(settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    fileMenu->addSeparator();
    QAction *quitAction = add(fileMenu, new QAction(icon("application-exit"), tr("&Quit"), this),
                              QKeySequence::Quit, tr("Close RiskAtlas"));
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *layerMenu = menuBar()->addMenu(tr("&Layer"));
    QAction *propertiesAction =
        add(layerMenu, new QAction(icon("document-properties"), tr("&Properties…"), this),
            QKeySequence(Qt::CTRL | Qt::Key_L),
            tr("Colours, opacity, colour by level, and the workflow role of the layer"));
    connect(propertiesAction, &QAction::triggered, m_layers,
            [this] { m_layers->editProperties(); });
    QAction *tableAction =
        add(layerMenu, new QAction(icon("x-office-spreadsheet"), tr("Open attribute &table"), this),
            QKeySequence(Qt::Key_F6), tr("Show the selected layer's attributes"));
    connect(tableAction, &QAction::triggered, m_layers, &LayerController::showCurrentAttributes);
    QAction *upAction =
        add(layerMenu, new QAction(icon("go-up"), tr("Move &up"), this),
            QKeySequence(Qt::CTRL | Qt::Key_Up), tr("Draw the layer above the one over it"));
    connect(upAction, &QAction::triggered, m_layers, &LayerController::moveCurrentLayerUp);
    QAction *downAction =
        add(layerMenu, new QAction(icon("go-down"), tr("Move &down"), this),
            QKeySequence(Qt::CTRL | Qt::Key_Down), tr("Draw the layer below the one under it"));
    connect(downAction, &QAction::triggered, m_layers, &LayerController::moveCurrentLayerDown);
    layerMenu->addSeparator();
    QAction *removeAction =
        add(layerMenu, new QAction(icon("list-remove"), tr("&Remove layer"), this),
            QKeySequence::Delete, tr("Take the layer off the map"));
    removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(removeAction, &QAction::triggered, m_layers, &LayerController::removeCurrentLayer);
    m_layerList->addAction(removeAction);
    m_layerList->addAction(propertiesAction);
    m_layerList->addAction(tableAction);
    m_layerList->setContextMenuPolicy(Qt::ActionsContextMenu);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *panAction =
        add(viewMenu, new QAction(icon("transform-move"), tr("&Pan"), this),
            QKeySequence(Qt::Key_P), tr("Drag the map to move it; the wheel zooms"));
    QAction *identifyAction =
        add(viewMenu, new QAction(icon("help-whatsthis"), tr("&Identify features"), this),
            QKeySequence(Qt::Key_I), tr("Click on the map to see the features there"));
    auto *tools = new QActionGroup(this);
    for (QAction *action : {panAction, identifyAction}) {
        action->setCheckable(true);
        tools->addAction(action);
    }
    panAction->setChecked(true);
    connect(panAction, &QAction::triggered, m_canvas,
            [this] { m_canvas->setTool(MapCanvas::Tool::Pan); });
    connect(identifyAction, &QAction::triggered, m_canvas,
            [this] { m_canvas->setTool(MapCanvas::Tool::Identify); });
    viewMenu->addSeparator();
    QAction *zoomInAction = add(viewMenu, new QAction(icon("zoom-in"), tr("Zoom &in"), this),
                                QKeySequence::ZoomIn, tr("Zoom in (+)"));
    connect(zoomInAction, &QAction::triggered, m_canvas, &MapCanvas::zoomIn);
    QAction *zoomOutAction = add(viewMenu, new QAction(icon("zoom-out"), tr("Zoom &out"), this),
                                 QKeySequence::ZoomOut, tr("Zoom out (-)"));
    connect(zoomOutAction, &QAction::triggered, m_canvas, &MapCanvas::zoomOut);
    QAction *fullAction =
        add(viewMenu, new QAction(icon("zoom-fit-best"), tr("&Full extent"), this),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), tr("Show all layers (Home)"));
    connect(fullAction, &QAction::triggered, m_canvas, &MapCanvas::zoomToFullExtent);
    QAction *layerExtentAction =
        add(viewMenu, new QAction(icon("zoom-select"), tr("Zoom to &layer"), this),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), tr("Show the whole selected layer"));
    connect(layerExtentAction, &QAction::triggered, m_layers, &LayerController::zoomToCurrentLayer);
    QAction *selectionAction =
        add(viewMenu, new QAction(icon("zoom-fit-selection"), tr("Zoom to &selection"), this),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), tr("Show the selected features"));
    connect(selectionAction, &QAction::triggered, m_canvas, &MapCanvas::zoomToSelection);
    QAction *clearAction =
        add(viewMenu, new QAction(icon("edit-clear"), tr("&Clear selection"), this),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), tr("Select no features (Esc)"));
    connect(clearAction, &QAction::triggered, m_canvas, &MapCanvas::clearSelection);
    viewMenu->addSeparator();
    QMenu *panels = viewMenu->addMenu(tr("Panels"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());

    menuBar()->addMenu(projectMenu);
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(icon("help-about"), tr("&About RiskAtlas"));
    aboutAction->setToolTip(tr("Versions and licences"));
    connect(aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    QToolBar *toolBar = addToolBar(tr("Map"));
    toolBar->setObjectName(QStringLiteral("mapToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(openAction);
    toolBar->addSeparator();
    toolBar->addAction(panAction);
    toolBar->addAction(identifyAction);
    toolBar->addSeparator();
    toolBar->addAction(zoomInAction);
    toolBar->addAction(zoomOutAction);
    toolBar->addAction(fullAction);
    toolBar->addAction(layerExtentAction);
    toolBar->addAction(selectionAction);
    toolBar->addSeparator();
    toolBar->addAction(propertiesAction);
    toolBar->addAction(tableAction);
}

void MainWindow::chooseAndOpenLayers()
{
    const QStringList filters = {
        tr("All supported files (*.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.zip gdb)"),
        tr("Shapefiles (*.shp)"),
        tr("GeoPackage (*.gpkg)"),
        tr("GeoJSON (*.geojson *.json)"),
        tr("KML (*.kml)"),
        tr("Tables with coordinates (*.csv *.xlsx)"),
        tr("Zipped shapefiles (*.zip)"),
        tr("File geodatabase: the gdb file inside the .gdb folder (gdb)"),
        tr("All files (*)"),
    };
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open layer"), QString(),
                                                            filters.join(QStringLiteral(";;")));
    for (const QString &path : paths)
        openLayer(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool anyLocal =
        std::any_of(urls.cbegin(), urls.cend(), [](const QUrl &url) { return url.isLocalFile(); });
    if (anyLocal)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    QSet<QString> shapefiles;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo file(url.toLocalFile());
        paths.append(file.filePath());
        if (file.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) == 0)
            shapefiles.insert(file.absolutePath() + u'/' + file.completeBaseName());
    }
    for (const QString &path : std::as_const(paths)) {
        const QFileInfo file(path);
        if (file.suffix().compare(QLatin1String("riskatlas"), Qt::CaseInsensitive) == 0) {
            openProject(path);
            continue;
        }
        if (isShapefileSidecar(file) &&
            shapefiles.contains(file.absolutePath() + u'/' + file.completeBaseName()))
            continue;
        openLayer(path);
    }
    event->acceptProposedAction();
}

bool MainWindow::openProject(const QString &path)
{
    return m_project->maybeSave() && m_project->openProject(path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_project->maybeSave())
        event->accept();
    else
        event->ignore();
}

void MainWindow::updateTitle()
{
    const ProjectSession *session = m_project->session();
    // [*] is where Qt shows the modified mark.
    setWindowTitle(session->isOpen() ? tr("%1[*] — RiskAtlas 风险图集").arg(session->name())
                                     : tr("RiskAtlas 风险图集"));
    setWindowModified(session->isModified());
}

void MainWindow::loadStarted(const QString &pathSpec)
{
    const QString name = QFileInfo(pathSpec.section(u'|', 0, 0)).fileName();
    if (!m_progressDialog) {
        m_progressDialog = new QProgressDialog(this);
        m_progressDialog->setWindowTitle(tr("Opening layers"));
        m_progressDialog->setRange(0, 100);
        m_progressDialog->setMinimumDuration(400);
        m_progressDialog->setAutoClose(false);
        m_progressDialog->setAutoReset(false);
        m_progressDialog->setWindowModality(Qt::WindowModal);
        connect(m_progressDialog, &QProgressDialog::canceled, m_loader, &LayerLoader::cancel);
    }
    m_progressDialog->setLabelText(tr("Opening %1…").arg(name));
    m_progressDialog->setValue(0);
    m_progressTimer->start();
}

void MainWindow::updateProgress()
{
    if (!m_progressDialog || !m_loader->isBusy())
        return;
    const QString name = QFileInfo(m_loader->currentPathSpec().section(u'|', 0, 0)).fileName();
    const QString step = m_loader->step();
    m_progressDialog->setLabelText(step.isEmpty() ? tr("Opening %1…").arg(name)
                                                  : tr("Opening %1: %2…").arg(name, step));
    m_progressDialog->setValue(int(m_loader->progress()));
}

void MainWindow::loaderIdle()
{
    m_progressTimer->stop();
    if (m_progressDialog) {
        // Closing a progress dialog emits canceled(); nothing is left to cancel.
        m_progressDialog->disconnect(m_loader);
        m_progressDialog->hide();
        m_progressDialog->deleteLater();
        m_progressDialog = nullptr;
    }
}

void MainWindow::layerReady(const std::shared_ptr<const LoadedLayer> &loaded)
{
    const model::VectorLayer &layer = *loaded->layer;
    QString name = m_project->layerTitle(loaded->pathSpec);
    if (name.isEmpty())
        name = layer.name.isEmpty() ? QFileInfo(layer.sourcePath).completeBaseName() : layer.name;
    const int id = m_layers->addLayer(*loaded, name, layerDetails(layer, loaded->sourceCrs));
    // Later layers are reprojected into the CRS the first one set.
    m_loader->setMapCrs(m_canvas->mapCrs());

    QString message =
        tr("Opened %1: %n feature(s).", nullptr, int(layer.features.size())).arg(name);
    if (!loaded->notes.isEmpty())
        message += u' ' + loaded->notes.join(u' ');
    statusBar()->showMessage(message, 15000);
    // After the message: the project's summary of all its layers replaces it.
    m_project->layerAdded(loaded->pathSpec, id);
    Q_EMIT layerLoaded(name);
}

void MainWindow::mapLayersChanged()
{
    if (m_canvas->layerIds().isEmpty())
        m_loader->setMapCrs(std::nullopt);
    m_readout->setMap(m_canvas->mapCrs(), m_canvas->fullExtent());
    updateCrsLabel();
    updateScale();
}

void MainWindow::updateScale()
{
    const auto denominator =
        m_readout->scaleDenominator(m_canvas->transform(), m_canvas->logicalDpiX());
    m_scaleLabel->setText(denominator ? CoordinateReadout::scaleText(*denominator) : QString());
}

void MainWindow::loadFailedWith(const QString &pathSpec, const QString &message, bool badInput)
{
    const QString fileName = QFileInfo(pathSpec.section(u'|', 0, 0)).fileName();
    statusBar()->showMessage(tr("Could not open %1.").arg(fileName), 15000);
    m_project->layerNotAdded(pathSpec);
    Q_EMIT loadFailed(message);

    // open(), not exec(): the window keeps working and queued reads go on behind the box.
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Could not open %1").arg(fileName),
                        tr("RiskAtlas could not open %1.").arg(fileName), QMessageBox::Ok, this);
    const QString advice =
        badInput ? tr("Check that the file is complete and in a supported format: a shapefile "
                      "needs its .shp, .shx and .dbf files side by side, and a table needs "
                      "coordinate or WKT columns. Correct the file, or export it again from the "
                      "program that made it, then open it again.")
                 : tr("The file looks readable but could not be processed. Try opening it "
                      "again; if it keeps failing, report the problem with the details below.");
    box->setInformativeText(message + QStringLiteral("\n\n") + advice);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::readCancelled(const QString &pathSpec)
{
    const QString fileName = QFileInfo(pathSpec.section(u'|', 0, 0)).fileName();
    statusBar()->showMessage(tr("Opening %1 was cancelled.").arg(fileName), 10000);
    m_project->layerNotAdded(pathSpec, true);
    Q_EMIT loadCancelled(pathSpec);
}

void MainWindow::chooseLayersOf(const QString &path, const QStringList &layerNames)
{
    auto *dialog = new LayerChoiceDialog(path, layerNames, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        for (const QString &name : dialog->chosenLayers())
            openLayer(dialog->path() + QStringLiteral("|layername=") + name);
    });
    dialog->open();
}

void MainWindow::showPointer(const QPointF &world)
{
    m_coordinateLabel->setText(m_readout->pointerText(world));
}

void MainWindow::updateCrsLabel()
{
    const crs::Crs mapCrs = m_canvas->mapCrs();
    if (m_canvas->layerIds().isEmpty()) {
        m_crsLabel->clear();
        return;
    }
    QString text = mapCrs.isValid() ? tr("Map CRS: %1").arg(mapCrs.authId()) : tr("Map CRS: none");
    if (mapCrs.isValid() && !mapCrs.name().isEmpty() && mapCrs.authId() != mapCrs.name())
        text += QStringLiteral(" (") + mapCrs.name() + u')';
    const int current = m_layerList->currentLayerId();
    const crs::Crs layerCrs = m_layers->sourceCrs(current);
    if (current >= 0 && layerCrs.isValid() && mapCrs.isValid() && !layerCrs.isSameAs(mapCrs))
        text += tr(" · selected layer: %1, reprojected").arg(layerCrs.authId());
    m_crsLabel->setText(text);
}

} // namespace riskatlas::desktop
