// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/coordinate_readout.h"
#include "desktop/layer_controller.h"
#include "desktop/layer_drawing.h"
#include "desktop/layer_list.h"
#include "desktop/layer_loader.h"
#include "desktop/layer_symbology.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "desktop/map_renderer.h"
#include "gui_test_support.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <cmath>

using namespace riskatlas;

namespace {

desktop::LoadedLayer loaded(std::shared_ptr<model::VectorLayer> layer)
{
    desktop::LoadedLayer result;
    result.drawing =
        std::make_shared<const desktop::LayerDrawing>(desktop::buildLayerDrawing(*layer));
    result.sourceCrs = layer->crs;
    result.layer = std::move(layer);
    return result;
}

} // namespace

class MapViewTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void zoomToLayerShowsThatLayer();
    void statusBarShowsTheScale();
    void pointerInDegreesAndGaussKrugerMetres();
    void drawingHappensOffTheUiThread();
    void cancelledRenderReturnsNothing();
    void subPixelPolygonsStillShow();

private:
    std::unique_ptr<desktop::MainWindow> m_window;
    int m_big = -1;
    int m_small = -1;
};

void MapViewTest::init()
{
    m_window = std::make_unique<desktop::MainWindow>();
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // CGCS2000 / 3-degree Gauss-Kruger CM 120E, around Yongjia.
    const crs::Crs gk = crs::Crs::fromEpsg(4549);
    m_big = m_window->layers()->addLayer(
        loaded(guitest::rectangles({QRectF(560000, 3100000, 40000, 30000)}, {0}, {}, gk)),
        QStringLiteral("county"), QString());
    m_small = m_window->layers()->addLayer(
        loaded(guitest::rectangles({QRectF(583000, 3115000, 1000, 1000)}, {0}, {}, gk)),
        QStringLiteral("village"), QString());
}

void MapViewTest::cleanup()
{
    m_window.reset();
}

void MapViewTest::zoomToLayerShowsThatLayer()
{
    desktop::MapCanvas *canvas = m_window->canvas();
    const geometry::Extent full = canvas->transform().visibleExtent();
    QVERIFY(full.minX <= 560000 && full.maxX >= 600000);

    m_window->layerList()->setCurrentLayer(m_small);
    m_window->layers()->zoomToCurrentLayer();
    const geometry::Extent small = canvas->transform().visibleExtent();
    QVERIFY(small.minX <= 583000 && small.maxX >= 584000);
    QVERIFY(small.minY <= 3115000 && small.maxY >= 3116000);
    // 5 % margins on the tighter side: the kilometre fills 90 % of it.
    const double shown = std::min(small.maxX - small.minX, small.maxY - small.minY);
    QVERIFY2(std::abs(shown - 1000 / 0.9) < 1.0, qPrintable(QString::number(shown)));

    canvas->zoomToFullExtent();
    QCOMPARE(canvas->transform().visibleExtent().minX, full.minX);
}

void MapViewTest::statusBarShowsTheScale()
{
    desktop::MapCanvas *canvas = m_window->canvas();
    render::MapTransform transform = canvas->transform();
    // 10 m per pixel on a screen of D dots per inch: one pixel is 0.0254 / D m on screen, so
    // the scale is 10 / (0.0254 / D). The map CRS is the metric one: no projection factor.
    transform.setScale(10.0);
    canvas->setTransform(transform);
    const double dpi = canvas->logicalDpiX();
    const double expected = 10.0 * dpi / 0.0254;
    const double magnitude = std::pow(10.0, std::floor(std::log10(expected)) - 2);
    const qlonglong rounded = qlonglong(std::round(expected / magnitude) * magnitude);
    QCOMPARE(m_window->scaleText(), QStringLiteral("1:") + QLocale().toString(rounded));

    canvas->zoomIn(); // 1.5 times closer
    const double zoomed = expected / 1.5;
    const double zoomedMagnitude = std::pow(10.0, std::floor(std::log10(zoomed)) - 2);
    QCOMPARE(m_window->scaleText(),
             QStringLiteral("1:") + QLocale().toString(qlonglong(
                                        std::round(zoomed / zoomedMagnitude) * zoomedMagnitude)));
}

void MapViewTest::pointerInDegreesAndGaussKrugerMetres()
{
    // `echo 120.85 28.15 | cs2cs +init=epsg:4490 +to +init=epsg:4549` (PROJ 9.1):
    // 583493.24 3115357.05.
    desktop::CoordinateReadout readout;
    readout.setMap(crs::Crs::fromEpsg(4549), m_window->canvas()->fullExtent());
    QCOMPARE(readout.metricCrs().authId(), QStringLiteral("EPSG:4549"));
    const QPointF world(583493.24, 3115357.05);
    const auto geographic = readout.toGeographic(world);
    QVERIFY(geographic);
    QVERIFY(std::abs(geographic->x() - 120.85) < 1e-6);
    QVERIFY(std::abs(geographic->y() - 28.15) < 1e-6);
    QVERIFY(readout.pointerText(world).contains(QStringLiteral("120.850000")));
    QVERIFY(readout.pointerText(world).contains(QStringLiteral("28.150000")));
    QVERIFY(readout.pointerText(world).contains(QStringLiteral("583493.2")));

    // A map in degrees gets the zone of its data for metres, CM 120E = EPSG:4549.
    desktop::CoordinateReadout degrees;
    degrees.setMap(crs::Crs::fromEpsg(4490), geometry::Extent{120.4, 28.0, 121.0, 28.4});
    QCOMPARE(degrees.metricCrs().authId(), QStringLiteral("EPSG:4549"));
    const auto metres = degrees.toMetric({120.85, 28.15});
    QVERIFY(metres);
    QVERIFY(std::abs(metres->x() - 583493.24) < 0.01);
    QVERIFY(std::abs(metres->y() - 3115357.05) < 0.01);

    // Moving the pointer over the canvas shows the same in the status bar.
    desktop::MapCanvas *canvas = m_window->canvas();
    const QPoint at = canvas->transform().toDevice(world).toPoint();
    QTest::mouseMove(canvas, at);
    const QPointF reported = canvas->transform().toWorld(at);
    QCOMPARE(m_window->pointerText(), readout.pointerText(reported));
}

void MapViewTest::drawingHappensOffTheUiThread()
{
    desktop::MapCanvas *canvas = m_window->canvas();
    QSignalSpy finished(canvas, &desktop::MapCanvas::renderFinished);
    canvas->zoomIn();
    // The view changed and the old image is still what is on screen until the worker is done.
    QVERIFY(canvas->isRenderPending());
    QVERIFY(canvas->renderedTransform() != canvas->transform());
    QVERIFY(finished.wait(20000) || !finished.isEmpty());
    QVERIFY(!canvas->isRenderPending());
    QCOMPARE(canvas->renderedTransform(), canvas->transform());
    // Several changes in a row end in one drawing of the last view.
    canvas->panBy({10, 0});
    canvas->panBy({10, 0});
    canvas->zoomOut();
    QVERIFY(QTest::qWaitFor([canvas] { return !canvas->isRenderPending(); }, 20000));
    QCOMPARE(canvas->renderedTransform(), canvas->transform());
    // The shown image is the synchronous drawing of the same view.
    QCOMPARE(canvas->renderedImage(), canvas->renderNow());
}

void MapViewTest::cancelledRenderReturnsNothing()
{
    desktop::MapRenderRequest request;
    request.transform.setViewportSize({100, 100});
    request.transform.setScale(1.0);
    request.background = Qt::white;
    const std::atomic_bool cancelled{true};
    QVERIFY(desktop::renderMap(request, &cancelled).isNull());
    const std::atomic_bool going{false};
    QVERIFY(!desktop::renderMap(request, &going).isNull());
}

void MapViewTest::subPixelPolygonsStillShow()
{
    // A 2 m building in a view of 10 m per pixel is drawn as a dot of its outline colour.
    auto building =
        guitest::rectangles({QRectF(583000, 3115000, 2, 2)}, {0}, {}, crs::Crs::fromEpsg(4549));
    const auto drawing =
        std::make_shared<const desktop::LayerDrawing>(desktop::buildLayerDrawing(*building));
    render::LayerStyle style;
    style.fill = QColor(0, 0, 255);
    style.stroke = QColor(255, 0, 0);
    const auto classes = std::make_shared<const std::vector<desktop::SymbolClass>>(
        std::vector<desktop::SymbolClass>{{style, {0}}});
    desktop::MapRenderRequest request;
    request.background = Qt::white;
    request.transform.setViewportSize({200, 200});
    request.transform.setCentre({583001, 3115001});
    request.transform.setScale(10.0);
    request.layers.push_back({drawing, classes, nullptr, 1.0});
    const QImage image = desktop::renderMap(request);
    const QPointF at = request.transform.toDevice({583001, 3115001});
    QVERIFY(guitest::near(guitest::pixelAt(image, at), QColor(255, 0, 0)));
    // Two pixels away there is only background.
    QVERIFY(guitest::near(guitest::pixelAt(image, at + QPointF(3, 3)), Qt::white));

    // Zoomed in so it spans pixels, it is a filled polygon again.
    request.transform.setScale(0.05);
    const QImage close = desktop::renderMap(request);
    QVERIFY(guitest::near(guitest::pixelAt(close, request.transform.toDevice({583001, 3115001})),
                          QColor(0, 0, 255)));
}

QTEST_MAIN(MapViewTest)
#include "map_view_test.moc"
