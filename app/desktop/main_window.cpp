// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/main_window.h"

#include "core/model/vector_layer.h"
#include "desktop/layer_choice_dialog.h"
#include "desktop/layer_list.h"
#include "desktop/layer_loader.h"
#include "desktop/map_canvas.h"
#include "render/layer_style.h"

#include <QAction>
#include <QApplication>
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
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

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
    , m_loader(new LayerLoader(this))
    , m_coordinateLabel(new QLabel(this))
    , m_crsLabel(new QLabel(this))
    , m_progressTimer(new QTimer(this))
{
    setWindowTitle(tr("RiskAtlas 风险图集"));
    setAcceptDrops(true);
    resize(1200, 780);

    setCentralWidget(m_canvas);
    auto *dock = new QDockWidget(tr("Layers"), this);
    dock->setObjectName(QStringLiteral("layersDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_layerList);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {240}, Qt::Horizontal);

    m_coordinateLabel->setMinimumWidth(280);
    statusBar()->addPermanentWidget(m_coordinateLabel);
    statusBar()->addPermanentWidget(m_crsLabel);
    updateCrsLabel();

    createActions();

    connect(m_canvas, &MapCanvas::pointerMoved, this, &MainWindow::showPointer);
    connect(m_canvas, &MapCanvas::pointerLeft, m_coordinateLabel, &QLabel::clear);
    connect(m_layerList, &LayerList::visibilityChanged, m_canvas, &MapCanvas::setLayerVisible);
    connect(m_layerList, &LayerList::currentLayerChanged, this, &MainWindow::updateCrsLabel);

    connect(m_loader, &LayerLoader::started, this, &MainWindow::loadStarted);
    connect(m_loader, &LayerLoader::loaded, this, &MainWindow::layerReady);
    connect(m_loader, &LayerLoader::failed, this, &MainWindow::loadFailedWith);
    connect(m_loader, &LayerLoader::cancelled, this, &MainWindow::readCancelled);
    connect(m_loader, &LayerLoader::layerChoiceNeeded, this, &MainWindow::chooseLayersOf);
    connect(m_loader, &LayerLoader::idle, this, &MainWindow::loaderIdle);

    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, &MainWindow::updateProgress);
}

MainWindow::~MainWindow() = default;

void MainWindow::openLayer(const QString &pathSpec)
{
    m_loader->load(normalisedPath(pathSpec));
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openAction =
        fileMenu->addAction(tr("&Open layer…"), this, &MainWindow::chooseAndOpenLayers);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);

    QMenu *layerMenu = menuBar()->addMenu(tr("&Layer"));
    QAction *removeAction =
        layerMenu->addAction(tr("&Remove layer"), this, &MainWindow::removeCurrentLayer);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_layerList->addAction(removeAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *zoomInAction = viewMenu->addAction(tr("Zoom &in"), m_canvas, &MapCanvas::zoomIn);
    zoomInAction->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOutAction = viewMenu->addAction(tr("Zoom &out"), m_canvas, &MapCanvas::zoomOut);
    zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    QAction *fullAction =
        viewMenu->addAction(tr("&Full extent"), m_canvas, &MapCanvas::zoomToFullExtent);
    fullAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));

    QToolBar *toolBar = addToolBar(tr("Map"));
    toolBar->setObjectName(QStringLiteral("mapToolBar"));
    toolBar->setMovable(false);
    toolBar->addAction(openAction);
    toolBar->addSeparator();
    toolBar->addAction(zoomInAction);
    toolBar->addAction(zoomOutAction);
    toolBar->addAction(fullAction);
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

void MainWindow::removeCurrentLayer()
{
    const int id = m_layerList->currentLayerId();
    if (id < 0)
        return;
    m_layerList->removeLayer(id);
    m_canvas->removeLayer(id);
    m_sourceCrs.remove(id);
    if (m_canvas->layerIds().isEmpty())
        m_loader->setMapCrs(std::nullopt);
    updateCrsLabel();
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
        if (isShapefileSidecar(file) &&
            shapefiles.contains(file.absolutePath() + u'/' + file.completeBaseName()))
            continue;
        openLayer(path);
    }
    event->acceptProposedAction();
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
    const int styleIndex = int(m_canvas->layerIds().size());
    const int id = m_canvas->addLayer(loaded->layer, loaded->renderable,
                                      render::defaultLayerStyle(styleIndex));
    m_sourceCrs.insert(id, loaded->sourceCrs);
    // Later layers are reprojected into the CRS the first one set.
    m_loader->setMapCrs(m_canvas->mapCrs());

    const QString name =
        layer.name.isEmpty() ? QFileInfo(layer.sourcePath).completeBaseName() : layer.name;
    m_layerList->addLayer(id, name, layerDetails(layer, loaded->sourceCrs));
    updateCrsLabel();

    QString message =
        tr("Opened %1: %n feature(s).", nullptr, int(layer.features.size())).arg(name);
    if (!loaded->notes.isEmpty())
        message += u' ' + loaded->notes.join(u' ');
    statusBar()->showMessage(message, 15000);
    Q_EMIT layerLoaded(name);
}

void MainWindow::loadFailedWith(const QString &pathSpec, const QString &message, bool badInput)
{
    const QString fileName = QFileInfo(pathSpec.section(u'|', 0, 0)).fileName();
    statusBar()->showMessage(tr("Could not open %1.").arg(fileName), 15000);
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
    const crs::Crs mapCrs = m_canvas->mapCrs();
    if (mapCrs.isGeographic()) {
        m_coordinateLabel->setText(
            tr("Longitude %1°  Latitude %2°").arg(world.x(), 0, 'f', 6).arg(world.y(), 0, 'f', 6));
    } else if (mapCrs.isValid()) {
        m_coordinateLabel->setText(
            tr("X %1  Y %2").arg(world.x(), 0, 'f', 2).arg(world.y(), 0, 'f', 2));
    } else {
        m_coordinateLabel->setText(
            tr("x %1  y %2 (no CRS)").arg(world.x(), 0, 'g', 10).arg(world.y(), 0, 'g', 10));
    }
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
    const crs::Crs layerCrs = m_sourceCrs.value(current);
    if (current >= 0 && layerCrs.isValid() && mapCrs.isValid() && !layerCrs.isSameAs(mapCrs))
        text += tr(" · selected layer: %1, reprojected").arg(layerCrs.authId());
    m_crsLabel->setText(text);
}

} // namespace riskatlas::desktop
