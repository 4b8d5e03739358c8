// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_controller.h"
#include "desktop/layer_drawing.h"
#include "desktop/layer_list.h"
#include "desktop/layer_loader.h"
#include "desktop/layer_properties_dialog.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "gui_test_support.h"

#include "core/style/palette.h"

#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

using namespace riskatlas;
using guitest::near;

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

desktop::LayerSymbology single(const QColor &fill)
{
    desktop::LayerSymbology symbology;
    symbology.style.fill = fill;
    symbology.style.stroke = fill;
    symbology.style.strokeWidth = 0;
    return symbology;
}

} // namespace

class LayerTreeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void visibilityReachesTheCanvas();
    void orderReachesTheCanvas();
    void opacityBlendsTheLayer();
    void propertiesDialogChangesTheStyle();
    void levelLayersUseTheFiveColourPalette();
    void otherPalettesAndRoles();
    void badPaletteKeepsTheOldStyle();

private:
    QImage rendered();
    QColor colourAt(double x, double y);

    std::unique_ptr<desktop::MainWindow> m_window;
    int m_bottom = -1; // red, x 0–600
    int m_top = -1;    // blue, x 400–1000
};

void LayerTreeTest::init()
{
    m_window = std::make_unique<desktop::MainWindow>();
    m_window->resize(900, 600);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const crs::Crs gk = crs::Crs::fromEpsg(4549);
    auto bottom = guitest::rectangles({QRectF(0, 0, 600, 400)}, {0}, {QStringLiteral("西")}, gk);
    auto top = guitest::rectangles({QRectF(400, 0, 600, 400)}, {0}, {QStringLiteral("东")}, gk);
    desktop::LayerController *layers = m_window->layers();
    m_bottom = layers->addLayer(loaded(bottom), QStringLiteral("bottom"), QString());
    m_top = layers->addLayer(loaded(top), QStringLiteral("top"), QString());
    QVERIFY(layers->applySymbology(m_bottom, single(QColor(200, 0, 0))));
    QVERIFY(layers->applySymbology(m_top, single(QColor(0, 0, 200))));
}

void LayerTreeTest::cleanup()
{
    m_window.reset();
}

QImage LayerTreeTest::rendered()
{
    desktop::MapCanvas *canvas = m_window->canvas();
    if (!QTest::qWaitFor([canvas] { return !canvas->isRenderPending(); }, 20000))
        return {};
    return canvas->renderedImage();
}

QColor LayerTreeTest::colourAt(double x, double y)
{
    const QImage image = rendered();
    if (image.isNull())
        return {};
    return guitest::pixelAt(image, m_window->canvas()->renderedTransform().toDevice({x, y}));
}

void LayerTreeTest::visibilityReachesTheCanvas()
{
    desktop::LayerList *list = m_window->layerList();
    QCOMPARE(list->layerNames(), (QStringList{QStringLiteral("top"), QStringLiteral("bottom")}));
    QVERIFY(near(colourAt(500, 200), QColor(0, 0, 200)));
    list->setLayerChecked(m_top, false); // as a click on the check box does
    QVERIFY(!m_window->canvas()->isLayerVisible(m_top));
    QVERIFY(near(colourAt(500, 200), QColor(200, 0, 0)));
    QVERIFY(near(colourAt(800, 200), m_window->canvas()->backgroundColour()));
    list->setLayerChecked(m_top, true);
    QVERIFY(near(colourAt(800, 200), QColor(0, 0, 200)));
}

void LayerTreeTest::orderReachesTheCanvas()
{
    desktop::LayerList *list = m_window->layerList();
    list->setCurrentLayer(m_bottom);
    m_window->layers()->moveCurrentLayerUp();
    QCOMPARE(list->layerNames(), (QStringList{QStringLiteral("bottom"), QStringLiteral("top")}));
    QCOMPARE(m_window->canvas()->layerIds(), (QList<int>{m_top, m_bottom}));
    QVERIFY(near(colourAt(500, 200), QColor(200, 0, 0)));
    m_window->layers()->moveCurrentLayerDown();
    QCOMPARE(m_window->canvas()->layerIds(), (QList<int>{m_bottom, m_top}));
    QVERIFY(near(colourAt(500, 200), QColor(0, 0, 200)));
}

void LayerTreeTest::opacityBlendsTheLayer()
{
    m_window->canvas()->setLayerOpacity(m_top, 0.5);
    // Half blue over red where they overlap; half blue over the background elsewhere.
    QVERIFY(near(colourAt(500, 200), guitest::blended(QColor(0, 0, 200), QColor(200, 0, 0), 0.5)));
    QVERIFY(near(colourAt(800, 200),
                 guitest::blended(QColor(0, 0, 200), m_window->canvas()->backgroundColour(), 0.5)));
    QVERIFY(near(colourAt(200, 200), QColor(200, 0, 0)));
}

void LayerTreeTest::propertiesDialogChangesTheStyle()
{
    desktop::MapCanvas *canvas = m_window->canvas();
    desktop::LayerPropertiesDialog dialog(QStringLiteral("top"), {QStringLiteral("level")},
                                          canvas->layerSymbology(m_top), desktop::LayerRole::None);
    dialog.setFillColour(QColor(0, 160, 0));
    dialog.setStrokeColour(QColor(0, 160, 0));
    dialog.setOpacity(1.0);
    QVERIFY(!dialog.symbology().isCategorised());
    QVERIFY(m_window->layers()->applySymbology(m_top, dialog.symbology()));
    QCOMPARE(canvas->layerStyle(m_top).fill, QColor(0, 160, 0));
    QVERIFY(near(colourAt(800, 200), QColor(0, 160, 0)));
}

void LayerTreeTest::levelLayersUseTheFiveColourPalette()
{
    // Levels 1–5 side by side; colours from resources/palettes/five_colour.json (the
    // national five-colour scheme: 5 red #E60000 … 1 green #38A800).
    const crs::Crs gk = crs::Crs::fromEpsg(4549);
    auto levels = guitest::rectangles({QRectF(0, 500, 200, 200), QRectF(200, 500, 200, 200),
                                       QRectF(400, 500, 200, 200), QRectF(600, 500, 200, 200),
                                       QRectF(800, 500, 200, 200)},
                                      {1, 2, 3, 4, 5}, {}, gk);
    const int id = m_window->layers()->addLayer(loaded(levels), QStringLiteral("flood"), {});
    desktop::MapCanvas *canvas = m_window->canvas();
    const desktop::LayerSymbology symbology = canvas->layerSymbology(id);
    QVERIFY(symbology.isCategorised());
    QCOMPARE(symbology.levelField, QStringLiteral("level"));
    QCOMPARE(symbology.paletteId, QStringLiteral("five_colour"));
    QCOMPARE(m_window->layerList()->layerRole(id), desktop::LayerRole::Hazard);
    // Its legend picture in the tree runs from level 1 (green, left) to level 5 (red, right).
    const QImage legend = m_window->layerList()->item(0)->icon().pixmap(16, 16).toImage();
    QVERIFY(!legend.isNull());
    QVERIFY(legend.pixelColor(3, 8).green() > legend.pixelColor(3, 8).red());
    QVERIFY(legend.pixelColor(12, 8).red() > legend.pixelColor(12, 8).green());

    desktop::LayerSymbology opaque = symbology;
    opaque.opacity = 1.0;
    opaque.style.strokeWidth = 0;
    QVERIFY(m_window->layers()->applySymbology(id, opaque));
    canvas->zoomToLayer(id);
    const QList<QColor> expected = {QColor(0x38, 0xA8, 0x00), QColor(0x3C, 0x8C, 0xDC),
                                    QColor(0xFF, 0xEB, 0x00), QColor(0xFF, 0x99, 0x00),
                                    QColor(0xE6, 0x00, 0x00)};
    for (int level = 1; level <= 5; ++level) {
        const QColor got = colourAt(level * 200 - 100, 600);
        QVERIFY2(near(got, expected[level - 1]),
                 qPrintable(QStringLiteral("level %1: %2").arg(level).arg(got.name())));
    }
}

void LayerTreeTest::otherPalettesAndRoles()
{
    const crs::Crs gk = crs::Crs::fromEpsg(4549);
    auto enterprises =
        guitest::rectangles({QRectF(0, 500, 500, 200), QRectF(500, 500, 500, 200)}, {1, 4}, {}, gk);
    desktop::LayerController *layers = m_window->layers();
    const int id = layers->addLayer(loaded(enterprises), QStringLiteral("企业"), {});
    desktop::LayerPropertiesDialog dialog(QStringLiteral("企业"), {QStringLiteral("level")},
                                          m_window->canvas()->layerSymbology(id),
                                          desktop::LayerRole::Hazard);
    dialog.setCategorised(QStringLiteral("level"), QStringLiteral("enterprise_four_colour"));
    dialog.setOpacity(1.0);
    QCOMPARE(dialog.symbology().paletteId, QStringLiteral("enterprise_four_colour"));
    QVERIFY(layers->applySymbology(id, dialog.symbology()));
    layers->setRole(id, desktop::LayerRole::Enterprises);
    QCOMPARE(layers->role(id), desktop::LayerRole::Enterprises);
    QCOMPARE(desktop::roleFromKey(desktop::layerRoleKey(desktop::LayerRole::CapacityResource)),
             desktop::LayerRole::CapacityResource);

    // Compared with the palette file itself: the dialog and canvas must use its colours.
    const style::Palette palette = style::loadPalette(QStringLiteral("enterprise_four_colour"));
    const style::PaletteClass *major = palette.classForLevel(4);
    QVERIFY(major);
    const QColor expected(major->color.red, major->color.green, major->color.blue);
    m_window->canvas()->zoomToLayer(id);
    QVERIFY(near(colourAt(750, 600), expected));
}

void LayerTreeTest::badPaletteKeepsTheOldStyle()
{
    desktop::LayerSymbology bad = m_window->canvas()->layerSymbology(m_top);
    bad.levelField = QStringLiteral("no_such_field");
    bad.paletteId = QStringLiteral("five_colour");
    QTimer::singleShot(0, [] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(widget))
                box->accept();
        }
    });
    QVERIFY(!m_window->layers()->applySymbology(m_top, bad));
    QVERIFY(!m_window->canvas()->layerSymbology(m_top).isCategorised());
}

QTEST_MAIN(LayerTreeTest)
#include "layer_tree_test.moc"
