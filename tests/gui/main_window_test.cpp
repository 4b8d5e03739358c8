// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/model/vector_layer.h"
#include "desktop/layer_list.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "render/layer_renderer.h"
#include "render/map_transform.h"
#include "render/wkb_painter.h"
#include "support/test_support.h"
#include "support/wkb_writer.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>

using namespace riskatlas;

namespace {

using test::squareWithHoleWkb;
using test::WkbWriter;

QByteArray mixedCollection()
{
    const QByteArray point = WkbWriter(true).header(1).real(20).real(30).data();
    const QByteArray line = WkbWriter().header(2).ring({{0, 0}, {5, 5}, {10, 0}}).data();
    const QByteArray multiPolygon = WkbWriter(true)
                                        .header(6)
                                        .uint32(2)
                                        .raw(squareWithHoleWkb(false))
                                        .raw(squareWithHoleWkb(true))
                                        .data();
    return WkbWriter().header(7).uint32(3).raw(point).raw(line).raw(multiPolygon).data();
}

// Source-over of a translucent fill on the background, as the raster engine blends it.
QColor blended(const QColor &fill, const QColor &background)
{
    const double a = fill.alphaF();
    return QColor::fromRgbF(float(fill.redF() * a + background.redF() * (1 - a)),
                            float(fill.greenF() * a + background.greenF() * (1 - a)),
                            float(fill.blueF() * a + background.blueF() * (1 - a)));
}

bool near(const QColor &a, const QColor &b, int tolerance = 3)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

// Share of the pixels in `box` within tolerance of `colour`.
double shareOf(const QImage &image, const QRect &box, const QColor &colour)
{
    int matching = 0;
    int total = 0;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        for (int x = box.left(); x <= box.right(); ++x) {
            ++total;
            if (near(image.pixelColor(x, y), colour))
                ++matching;
        }
    }
    return total ? double(matching) / total : 0.0;
}

const char *text(const QString &message)
{
    static QByteArray buffer;
    buffer = message.toUtf8();
    return buffer.constData();
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // The render library on its own.
    void transformRoundTripsAndZooms();
    void transformClampsScale();
    void wkbDecodesEveryTypeAndByteOrder();
    void wkbRejectsTruncatedInput();
    void wkbRejectsMalformedInput();
    void polygonHolesStayOpen();
    void rendererCullsAndCountsMalformed();

    // The window.
    void opensSampleTownships();
    void opensLayerAndDrawsIt();
    void zoomAndPanChangeTheView();
    void dropsFilesOnTheWindow();
    void cancelStopsTheRead();
    void brokenFileFailsWithItsName();

private:
    bool waitForLoad(desktop::MainWindow &window, QString *name, QString *error);
    std::unique_ptr<desktop::MainWindow> openInNewWindow(const QString &path, QString *name);
    void checkDrawn(desktop::MainWindow &window, const QString &name);
    void closeMessageBoxes();

    QTemporaryDir m_dir;
    QString m_layerPath;
    std::unique_ptr<desktop::MainWindow> m_window;
};

void MainWindowTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Two townships side by side in WGS 84, the eastern one with a lake, so the test does not
    // depend on the sample county and can check the hole.
    m_layerPath = m_dir.filePath(QStringLiteral("乡镇 townships.geojson"));
    QFile file(m_layerPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "上塘镇", "pop": 120000},
  "geometry": {"type": "Polygon", "coordinates":
   [[[120.4, 28.0], [120.7, 28.0], [120.7, 28.4], [120.4, 28.4], [120.4, 28.0]]]}},
 {"type": "Feature", "properties": {"name": "桥头镇", "pop": 65000},
  "geometry": {"type": "Polygon", "coordinates":
   [[[120.7, 28.0], [121.0, 28.0], [121.0, 28.4], [120.7, 28.4], [120.7, 28.0]],
    [[120.8, 28.1], [120.9, 28.1], [120.9, 28.3], [120.8, 28.3], [120.8, 28.1]]]}}
]})");
}

void MainWindowTest::transformRoundTripsAndZooms()
{
    render::MapTransform transform;
    transform.setViewportSize(QSize(400, 200));
    transform.setYStretch(render::geographicYStretch(60.0));
    QCOMPARE(transform.yStretch(), 2.0); // 1 / cos 60°, up to rounding
    transform.zoomToExtent({120.0, 28.0, 121.0, 28.5}, 0.0);
    // Height decides: 0.5° × 2 stretch over 200 px; width 1° over 400 px is 0.0025 too.
    QVERIFY(std::abs(transform.scale() - 0.005) < 1e-12);
    QCOMPARE(transform.centre(), QPointF(120.5, 28.25));

    const QPointF world(120.3, 28.1);
    const QPointF back = transform.toWorld(transform.toDevice(world));
    QVERIFY(std::abs(back.x() - world.x()) < 1e-9 && std::abs(back.y() - world.y()) < 1e-9);
    QCOMPARE(transform.worldToDevice().map(world), transform.toDevice(world));
    // North is up.
    QVERIFY(transform.toDevice({120.5, 28.4}).y() < transform.toDevice({120.5, 28.1}).y());

    const geometry::Extent visible = transform.visibleExtent();
    QVERIFY(visible.minX <= 120.0 && visible.maxX >= 121.0);
    QVERIFY(std::abs(visible.minY - 28.0) < 1e-9 && std::abs(visible.maxY - 28.5) < 1e-9);

    const QPointF anchor(100, 50);
    const QPointF before = transform.toWorld(anchor);
    transform.zoomAt(anchor, 2.0);
    QVERIFY(std::abs(transform.scale() - 0.0025) < 1e-12);
    const QPointF after = transform.toWorld(anchor);
    QVERIFY(std::abs(after.x() - before.x()) < 1e-9 && std::abs(after.y() - before.y()) < 1e-9);

    const QPointF centre = transform.centre();
    transform.pan(QPointF(10, -20)); // content follows the pointer: right and up
    QVERIFY(std::abs(transform.centre().x() - (centre.x() - 10 * 0.0025)) < 1e-12);
    QVERIFY(std::abs(transform.centre().y() - (centre.y() - 20 * 0.0025 / 2.0)) < 1e-9);
}

void MainWindowTest::transformClampsScale()
{
    render::MapTransform transform;
    transform.setViewportSize(QSize(100, 100));
    transform.setScaleLimits(0.5, 8.0);
    transform.setScale(100.0);
    QCOMPARE(transform.scale(), 8.0);
    transform.zoomAt(QPointF(50, 50), 1000.0);
    QCOMPARE(transform.scale(), 0.5);
    transform.setScale(std::numeric_limits<double>::quiet_NaN());
    transform.zoomAt(QPointF(50, 50), 0.0);
    transform.zoomAt(QPointF(50, 50), std::numeric_limits<double>::infinity());
    QCOMPARE(transform.scale(), 0.5);
    QVERIFY(transform.isValid());
    QVERIFY(!render::MapTransform().isValid());
}

void MainWindowTest::wkbDecodesEveryTypeAndByteOrder()
{
    for (const bool bigEndian : {false, true}) {
        const auto polygon = render::parseWkb(squareWithHoleWkb(bigEndian));
        QVERIFY(polygon);
        QVERIFY(!polygon->areas.isEmpty());
        QCOMPARE(polygon->areas.fillRule(), Qt::OddEvenFill);
        QCOMPARE(polygon->bounds.minX, 0.0);
        QCOMPARE(polygon->bounds.maxY, 10.0);
    }

    const auto collection = render::parseWkb(mixedCollection());
    QVERIFY(collection);
    QCOMPARE(collection->points.size(), 1);
    QCOMPARE(collection->points.first(), QPointF(20, 30));
    QVERIFY(!collection->lines.isEmpty());
    QVERIFY(!collection->areas.isEmpty());
    QCOMPARE(collection->bounds.maxX, 20.0);
    QCOMPARE(collection->bounds.maxY, 30.0);

    // ISO Z (1001) and PostGIS EWKB with an SRID: Z dropped, SRID skipped.
    const auto pointZ = render::parseWkb(WkbWriter().header(1001).real(1).real(2).real(99).data());
    QVERIFY(pointZ);
    QCOMPARE(pointZ->points.first(), QPointF(1, 2));
    const auto ewkb =
        render::parseWkb(WkbWriter().header(0x20000001u).uint32(4490).real(3).real(4).data());
    QVERIFY(ewkb);
    QCOMPARE(ewkb->points.first(), QPointF(3, 4));

    // Empty geometries are well-formed and draw nothing.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const auto emptyPoint = render::parseWkb(WkbWriter().header(1).real(nan).real(nan).data());
    QVERIFY(emptyPoint && emptyPoint->isEmpty());
    const auto emptyPolygon = render::parseWkb(WkbWriter().header(3).uint32(0).data());
    QVERIFY(emptyPolygon && emptyPolygon->isEmpty());
}

void MainWindowTest::wkbRejectsTruncatedInput()
{
    const QByteArray wkb = mixedCollection();
    QImage image(64, 64, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    render::MapTransform transform;
    transform.setViewportSize(image.size());
    transform.zoomToExtent({0, 0, 20, 30});
    render::WkbPainter wkbPainter(painter, transform, render::LayerStyle());
    for (qsizetype size = 0; size < wkb.size(); ++size) {
        // A copy of exactly `size` bytes, so a read past the end is caught by ASan.
        const QByteArray truncated(wkb.constData(), size);
        QVERIFY2(!render::parseWkb(truncated), text(QStringLiteral("prefix %1").arg(size)));
        QVERIFY(!wkbPainter.drawWkb(truncated));
    }
    QVERIFY(wkbPainter.drawWkb(wkb));
}

void MainWindowTest::wkbRejectsMalformedInput()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const QList<QByteArray> malformed = {
        QByteArray("\x07\x01\x00\x00\x00", 5),                            // byte order 7
        WkbWriter().header(99).data(),                                    // unknown type
        WkbWriter().header(8).uint32(0).data(),                           // circular string
        WkbWriter().header(4999).data(),                                  // bad dimensions
        WkbWriter().header(3).uint32(0xffffffffu).data(),                 // lying ring count
        WkbWriter().header(2).uint32(0x10000000u).real(1).real(2).data(), // lying point count
        WkbWriter().header(2).ring({{0, 0}, {nan, 1}}).data(),            // NaN vertex
        WkbWriter().header(2).ring({{0, 0}, {inf, 1}}).data(),            // infinite vertex
        WkbWriter()
            .header(6)
            .uint32(1)
            .raw(WkbWriter().header(2).ring({{0, 0}, {1, 1}}).data())
            .data(), // a line inside a MultiPolygon
    };
    for (const QByteArray &wkb : malformed)
        QVERIFY2(!render::parseWkb(wkb), wkb.toHex().constData());

    // Nesting deep enough to overflow a naive recursive parser's stack.
    WkbWriter nested;
    for (int depth = 0; depth < 100000; ++depth)
        nested.header(7).uint32(1);
    QVERIFY(!render::parseWkb(nested.header(1).real(1).real(1).data()));
}

void MainWindowTest::polygonHolesStayOpen()
{
    render::LayerStyle style;
    style.fill = QColor(200, 40, 40);
    style.strokeWidth = 0;
    for (const bool bigEndian : {false, true}) {
        QImage image(100, 100, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        render::MapTransform transform;
        transform.setViewportSize(image.size());
        transform.zoomToExtent({0, 0, 10, 10}, 0.0);
        {
            QPainter painter(&image);
            render::WkbPainter wkbPainter(painter, transform, style);
            QVERIFY(wkbPainter.drawWkb(squareWithHoleWkb(bigEndian)));
        }
        QCOMPARE(image.pixelColor(transform.toDevice({2, 2}).toPoint()), style.fill);
        QCOMPARE(image.pixelColor(transform.toDevice({5, 5}).toPoint()), QColor(Qt::white));
    }
}

void MainWindowTest::rendererCullsAndCountsMalformed()
{
    model::VectorLayer layer;
    layer.features.push_back({1, {}, squareWithHoleWkb(false)});
    layer.features.push_back({2, {}, squareWithHoleWkb(false).left(30)});
    layer.features.push_back({3, {}, {}});
    layer.features.push_back({4, {}, WkbWriter().header(1).real(100).real(100).data()});
    const render::RenderableLayer renderable(layer);
    QCOMPARE(renderable.malformedCount(), qsizetype(1));
    QCOMPARE(renderable.geometries().size(), std::size_t(2));
    QVERIFY(renderable.extent());
    QCOMPARE(renderable.extent()->maxX, 100.0);

    QImage image(50, 50, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    render::MapTransform transform;
    transform.setViewportSize(image.size());
    transform.zoomToExtent({0, 0, 10, 10});
    QCOMPARE(render::renderLayer(painter, renderable, transform, render::LayerStyle()), 1);
    transform.zoomToExtent({-1000, -1000, 1000, 1000});
    QCOMPARE(render::renderLayer(painter, renderable, transform, render::LayerStyle()), 2);
    transform.zoomToExtent({500, 500, 510, 510});
    QCOMPARE(render::renderLayer(painter, layer, transform, render::LayerStyle()), 0);
}

bool MainWindowTest::waitForLoad(desktop::MainWindow &window, QString *name, QString *error)
{
    QSignalSpy loaded(&window, &desktop::MainWindow::layerLoaded);
    QSignalSpy failed(&window, &desktop::MainWindow::loadFailed);
    // The caller has already called openLayer(): the read runs on a worker thread and reports
    // through the event loop, which has not run yet, so nothing can have been missed.
    for (int waited = 0; waited < 120000 && loaded.isEmpty() && failed.isEmpty(); waited += 50)
        QTest::qWait(50);
    if (!loaded.isEmpty() && name)
        *name = loaded.first().first().toString();
    if (!failed.isEmpty() && error)
        *error = failed.first().first().toString();
    return !loaded.isEmpty();
}

void MainWindowTest::closeMessageBoxes()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(widget))
            box->close();
    }
    const auto boxes = m_window->findChildren<QMessageBox *>();
    for (QMessageBox *box : boxes)
        box->close();
}

std::unique_ptr<desktop::MainWindow> MainWindowTest::openInNewWindow(const QString &path,
                                                                     QString *name)
{
    auto window = std::make_unique<desktop::MainWindow>();
    window->resize(1000, 700);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    window->openLayer(path);
    QString error;
    if (!waitForLoad(*window, name, &error)) {
        qWarning("%s", text(error));
        return nullptr;
    }
    return window;
}

void MainWindowTest::checkDrawn(desktop::MainWindow &window, const QString &name)
{
    QCOMPARE(window.windowTitle(), QStringLiteral("RiskAtlas 风险图集"));
    QCOMPARE(window.layerList()->layerNames(), QStringList{name});

    desktop::MapCanvas *canvas = window.canvas();
    QCOMPARE(canvas->layerIds().size(), 1);
    const int id = canvas->layerIds().first();
    QVERIFY(canvas->isLayerVisible(id));
    const auto layer = canvas->layer(id);
    QVERIFY(layer && !layer->features.empty());
    QVERIFY(canvas->mapCrs().isValid());
    // Degrees are stretched north–south to be true to shape; metres are not.
    QCOMPARE(canvas->mapCrs().isGeographic(), canvas->transform().yStretch() > 1.0);

    // Drawing happens on a worker; what is on screen is final once it is done.
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->isRenderPending(), 20000);
    const QImage image = canvas->grab().toImage();
    QVERIFY(!image.isNull());
    const QColor background = canvas->backgroundColour();
    const QColor fill = blended(canvas->layerStyle(id).fill, background);
    // Outlines cross the middle, so most of it, not all, is fill.
    const QRect middle(image.width() * 2 / 5, image.height() * 2 / 5, image.width() / 5,
                       image.height() / 5);
    const double share = shareOf(image, middle, fill);
    QVERIFY2(
        share > 0.5,
        text(QStringLiteral("fill %1 in %2 % of the middle").arg(fill.name()).arg(share * 100)));
    QVERIFY(near(image.pixelColor(2, 2), background, 0));
    QVERIFY(near(image.pixelColor(image.width() - 3, image.height() - 3), background, 0));
}

void MainWindowTest::opensSampleTownships()
{
    const QString path = test::sampleDataPath(QStringLiteral("yongjia/townships.shp"));
    if (!QFileInfo::exists(path))
        QSKIP("no sample-data/yongjia/townships.shp");
    QString name;
    const auto window = openInNewWindow(path, &name);
    QVERIFY(window);
    checkDrawn(*window, name);
    if (QTest::currentTestFailed())
        return;
    // GBK or UTF-8 on disk, Unicode in memory: the township names are Chinese.
    const auto layer = window->canvas()->layer(window->canvas()->layerIds().first());
    bool anyChinese = false;
    for (const QVariant &value : layer->features.front().attributes) {
        const QString string = value.toString();
        anyChinese = anyChinese || std::any_of(string.cbegin(), string.cend(), [](QChar c) {
                         return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff;
                     });
    }
    QVERIFY(anyChinese);
}

void MainWindowTest::opensLayerAndDrawsIt()
{
    QString name;
    m_window = openInNewWindow(m_layerPath, &name);
    QVERIFY(m_window);
    checkDrawn(*m_window, name);
    if (QTest::currentTestFailed())
        return;

    desktop::MapCanvas *canvas = m_window->canvas();
    QCOMPARE(name, QStringLiteral("乡镇 townships"));
    const auto layer = canvas->layer(canvas->layerIds().first());
    QCOMPARE(layer->features.front().attributes.first().toString(), QStringLiteral("上塘镇"));
    QVERIFY(canvas->mapCrs().isGeographic());
    QVERIFY(std::abs(canvas->transform().yStretch() -
                     1.0 / std::cos(28.2 * std::numbers::pi / 180.0)) < 1e-9);

    // The lake in 桥头镇 is a hole: background shows through.
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->isRenderPending(), 20000);
    const QImage image = canvas->grab().toImage();
    const QPointF lake = canvas->transform().toDevice({120.85, 28.2});
    QVERIFY(near(image.pixelColor((lake * image.devicePixelRatio()).toPoint()),
                 canvas->backgroundColour(), 0));
}

void MainWindowTest::zoomAndPanChangeTheView()
{
    QVERIFY(m_window);
    desktop::MapCanvas *canvas = m_window->canvas();
    const render::MapTransform full = canvas->transform();
    QSignalSpy changed(canvas, &desktop::MapCanvas::transformChanged);

    canvas->setFocus();
    QTest::keyClick(canvas, Qt::Key_Plus);
    QVERIFY(canvas->transform().scale() < full.scale());
    QTest::keyClick(canvas, Qt::Key_Minus);
    QVERIFY(std::abs(canvas->transform().scale() - full.scale()) < full.scale() * 1e-9);
    QTest::keyClick(canvas, Qt::Key_Right);
    QVERIFY(canvas->transform().centre().x() > full.centre().x());
    QTest::keyClick(canvas, Qt::Key_Up);
    QVERIFY(canvas->transform().centre().y() > full.centre().y());

    // Wheel zoom at a point keeps the world point under it.
    const QPointF at(canvas->width() / 4.0, canvas->height() / 3.0);
    const QPointF worldBefore = canvas->transform().toWorld(at);
    QWheelEvent wheel(at, canvas->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &wheel);
    QVERIFY(canvas->transform().scale() < full.scale());
    const QPointF worldAfter = canvas->transform().toWorld(at);
    QVERIFY(std::abs(worldAfter.x() - worldBefore.x()) < full.scale() * 1e-6);
    QVERIFY(std::abs(worldAfter.y() - worldBefore.y()) < full.scale() * 1e-6);

    // Dragging moves the map with the pointer and reports the grabbed point's coordinates.
    QSignalSpy pointer(canvas, &desktop::MapCanvas::pointerMoved);
    const render::MapTransform beforeDrag = canvas->transform();
    const QPoint start(300, 300);
    const QPoint end(360, 260);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(canvas, QPoint(330, 280));
    QTest::mouseMove(canvas, end);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, end);
    QVERIFY(!pointer.isEmpty());
    const QPointF grabbed = beforeDrag.toWorld(start);
    const QPointF reported = pointer.last().first().toPointF();
    QVERIFY(std::abs(reported.x() - grabbed.x()) < beforeDrag.scale() * 1e-6);
    QVERIFY(std::abs(reported.y() - grabbed.y()) < beforeDrag.scale() * 1e-6);
    const QPointF underPointer = canvas->transform().toWorld(end);
    QVERIFY(std::abs(underPointer.x() - grabbed.x()) < beforeDrag.scale() * 1e-6);
    QVERIFY(std::abs(underPointer.y() - grabbed.y()) < beforeDrag.scale() * 1e-6);

    QTest::keyClick(canvas, Qt::Key_Home);
    QVERIFY(std::abs(canvas->transform().scale() - full.scale()) < full.scale() * 1e-9);
    QCOMPARE(canvas->transform().centre(), full.centre());
    QVERIFY(changed.size() >= 6);
}

void MainWindowTest::dropsFilesOnTheWindow()
{
    QVERIFY(m_window);
    const QString copy = m_dir.filePath(QStringLiteral("拖放 dropped.geojson"));
    QFile file(copy);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // A shelter in Gauss-Krüger metres, to be drawn over degrees: it is reprojected.
    // Coordinates: `echo 120.85 28.15 | cs2cs +init=epsg:4490 +to +init=epsg:4549` (PROJ 9.1).
    file.write(R"({"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
 "features": [{"type": "Feature", "properties": {"name": "避灾点"},
  "geometry": {"type": "Point", "coordinates": [583493.24, 3115357.05]}}]})");
    file.close();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(copy)});
    const QPoint at(m_window->width() / 2, m_window->height() / 2);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);

    QString name;
    QString error;
    QVERIFY2(waitForLoad(*m_window, &name, &error), text(error));
    QCOMPARE(m_window->layerList()->layerNames().size(), 2);
    QCOMPARE(m_window->layerList()->layerNames().first(), name); // new layers go on top
    desktop::MapCanvas *canvas = m_window->canvas();
    QCOMPARE(canvas->layerIds().size(), 2);
    const auto shelter = canvas->layer(canvas->layerIds().last());
    QVERIFY(shelter->crs.isGeographic());
    const auto decoded = render::parseWkb(shelter->features.front().wkb);
    QVERIFY(decoded && decoded->points.size() == 1);
    QVERIFY2(std::abs(decoded->points.first().x() - 120.85) < 1e-5 &&
                 std::abs(decoded->points.first().y() - 28.15) < 1e-5,
             text(QStringLiteral("%1 %2")
                      .arg(decoded->points.first().x(), 0, 'f', 7)
                      .arg(decoded->points.first().y(), 0, 'f', 7)));
}

void MainWindowTest::cancelStopsTheRead()
{
    QVERIFY(m_window);
    // Big enough that the worker is still reading when Cancel is pressed.
    const QString big = m_dir.filePath(QStringLiteral("big.geojson"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"type": "FeatureCollection", "features": [)");
    for (int i = 0; i < 200000; ++i) {
        file.write(QStringLiteral(R"(%1{"type": "Feature", "properties": {"n": %2}, )"
                                  R"("geometry": {"type": "Point", "coordinates": [%3, %4]}})")
                       .arg(i ? QStringLiteral(",") : QString())
                       .arg(i)
                       .arg(120.4 + (i % 500) * 0.001)
                       .arg(28.0 + (i / 500) * 0.001)
                       .toUtf8());
    }
    file.write("]}");
    file.close();

    QSignalSpy cancelled(m_window.get(), &desktop::MainWindow::loadCancelled);
    QSignalSpy loaded(m_window.get(), &desktop::MainWindow::layerLoaded);
    m_window->openLayer(big);
    // The progress dialog exists from the start (it shows itself only if the read is slow).
    auto *progress = m_window->findChild<QProgressDialog *>();
    QVERIFY(progress);
    auto *cancelButton = progress->findChild<QPushButton *>();
    QVERIFY(cancelButton);
    cancelButton->click();
    QTRY_VERIFY_WITH_TIMEOUT(!cancelled.isEmpty(), 60000);
    QCOMPARE(cancelled.first().first().toString(), big);
    QVERIFY(loaded.isEmpty());
    QCOMPARE(m_window->canvas()->layerIds().size(), 2);
    QTRY_VERIFY(!m_window->findChild<QProgressDialog *>());
}

void MainWindowTest::brokenFileFailsWithItsName()
{
    QVERIFY(m_window);
    const QString broken = m_dir.filePath(QStringLiteral("x.shp"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is a text file, not a shapefile\n");
    file.close();

    m_window->openLayer(broken);
    QString error;
    QVERIFY(!waitForLoad(*m_window, nullptr, &error));
    QVERIFY2(error.contains(QStringLiteral("x.shp")), text(error));
    QCOMPARE(m_window->canvas()->layerIds().size(), 2);

    // The user is told in a message box; it does not block the window.
    QTRY_VERIFY(!m_window->findChildren<QMessageBox *>().isEmpty());
    closeMessageBoxes();

    // A missing file fails the same way, and the window still opens layers afterwards.
    m_window->openLayer(m_dir.filePath(QStringLiteral("不存在.gpkg")));
    QVERIFY(!waitForLoad(*m_window, nullptr, &error));
    QVERIFY2(error.contains(QStringLiteral("不存在.gpkg")), text(error));
    closeMessageBoxes();
    m_window->openLayer(m_layerPath);
    QVERIFY(waitForLoad(*m_window, nullptr, &error));
    QCOMPARE(m_window->canvas()->layerIds().size(), 3);
    m_window.reset();
}

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
