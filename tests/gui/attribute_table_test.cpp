// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/attribute_table_panel.h"
#include "desktop/identify_panel.h"
#include "desktop/layer_controller.h"
#include "desktop/layer_drawing.h"
#include "desktop/layer_list.h"
#include "desktop/layer_loader.h"
#include "desktop/main_window.h"
#include "desktop/map_canvas.h"
#include "desktop/map_renderer.h"
#include "gui_test_support.h"

#include <QTableView>
#include <QTest>

using namespace riskatlas;

class AttributeTableTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheLayer();
    void sortsNumbersAsNumbers();
    void filtersByContainsAndEquals();
    void tableSelectionHighlightsOnTheMap();
    void mapSelectionSelectsRows();
    void identifyListsTheFeatureUnderTheClick();

private:
    std::unique_ptr<desktop::MainWindow> m_window;
    int m_id = -1;
};

void AttributeTableTest::init()
{
    m_window = std::make_unique<desktop::MainWindow>();
    m_window->resize(900, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Four townships in a row, 1 km each; levels chosen so text order and number order differ.
    auto layer = guitest::rectangles({QRectF(0, 0, 1000, 1000), QRectF(1000, 0, 1000, 1000),
                                      QRectF(2000, 0, 1000, 1000), QRectF(3000, 0, 1000, 1000)},
                                     {10, 9, 2, 10},
                                     {QStringLiteral("上塘镇"), QStringLiteral("桥头镇"),
                                      QStringLiteral("沙头镇"), QStringLiteral("乌牛街道")},
                                     crs::Crs::fromEpsg(4549));
    desktop::LoadedLayer loaded;
    loaded.drawing =
        std::make_shared<const desktop::LayerDrawing>(desktop::buildLayerDrawing(*layer));
    loaded.sourceCrs = layer->crs;
    loaded.layer = layer;
    m_id = m_window->layers()->addLayer(loaded, QStringLiteral("乡镇"), QString());
    desktop::LayerSymbology symbology;
    symbology.style.fill = QColor(180, 180, 180);
    symbology.style.stroke = QColor(180, 180, 180);
    QVERIFY(m_window->layers()->applySymbology(m_id, symbology));
    m_window->layers()->showAttributes(m_id);
}

void AttributeTableTest::cleanup()
{
    m_window.reset();
}

void AttributeTableTest::showsTheLayer()
{
    desktop::AttributeTablePanel *table = m_window->attributeTable();
    QCOMPARE(table->layerId(), m_id);
    QAbstractItemModel *model = table->view()->model();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->columnCount(), 2);
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("name"));
    QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("桥头镇"));
}

void AttributeTableTest::sortsNumbersAsNumbers()
{
    desktop::AttributeTablePanel *table = m_window->attributeTable();
    table->sortByField(QStringLiteral("level"), Qt::AscendingOrder);
    // 2 < 9 < 10: as text "10" would come first.
    const std::vector<int> order = table->visibleFeatures();
    QCOMPARE(order.front(), 2);
    QCOMPARE(order[1], 1);
    table->sortByField(QStringLiteral("level"), Qt::DescendingOrder);
    QCOMPARE(table->visibleFeatures().back(), 2);
}

void AttributeTableTest::filtersByContainsAndEquals()
{
    desktop::AttributeTablePanel *table = m_window->attributeTable();
    table->setFilter(QStringLiteral("name"), false, QStringLiteral("头"));
    QCOMPARE(table->visibleFeatures(), (std::vector<int>{1, 2}));
    table->setFilter(QStringLiteral("level"), true, QStringLiteral("10"));
    QCOMPARE(table->visibleFeatures(), (std::vector<int>{0, 3}));
    // "1" is contained in "10" but not equal to it.
    table->setFilter(QStringLiteral("level"), true, QStringLiteral("1"));
    QVERIFY(table->visibleFeatures().empty());
    table->setFilter(QString(), false, QStringLiteral("乌牛"));
    QCOMPARE(table->visibleFeatures(), (std::vector<int>{3}));
    table->setFilter(QString(), false, QString());
    QCOMPARE(table->visibleFeatures().size(), std::size_t(4));
}

void AttributeTableTest::tableSelectionHighlightsOnTheMap()
{
    desktop::AttributeTablePanel *table = m_window->attributeTable();
    desktop::MapCanvas *canvas = m_window->canvas();
    // Select the second row as a user would, by clicking its row header.
    table->sortByField(QStringLiteral("level"), Qt::AscendingOrder); // rows: 2, 1, 0|3
    table->view()->selectRow(1);
    QCOMPARE(canvas->selection(m_id), (std::vector<int>{1}));
    QVERIFY(QTest::qWaitFor([canvas] { return !canvas->isRenderPending(); }, 20000));
    const QImage image = canvas->renderedImage();
    const auto transform = canvas->renderedTransform();
    const QColor highlighted = guitest::blended(desktop::selectionFill(), QColor(180, 180, 180));
    QVERIFY(guitest::near(guitest::pixelAt(image, transform.toDevice({1500, 500})), highlighted));
    QVERIFY(guitest::near(guitest::pixelAt(image, transform.toDevice({2500, 500})),
                          QColor(180, 180, 180)));

    // Zoom to selection shows that township, with the default 5 % margins.
    canvas->zoomToSelection();
    const geometry::Extent visible = canvas->transform().visibleExtent();
    QVERIFY(visible.minX <= 1000 && visible.maxX >= 2000);
    QVERIFY(visible.maxX - visible.minX < 1500 || visible.maxY - visible.minY < 1500);
}

void AttributeTableTest::mapSelectionSelectsRows()
{
    desktop::AttributeTablePanel *table = m_window->attributeTable();
    m_window->canvas()->setSelection(m_id, {3, 0});
    QCOMPARE(table->selectedFeatures(), (std::vector<int>{0, 3}));
    m_window->canvas()->clearSelection();
    QVERIFY(table->selectedFeatures().empty());
}

void AttributeTableTest::identifyListsTheFeatureUnderTheClick()
{
    desktop::MapCanvas *canvas = m_window->canvas();
    canvas->setTool(desktop::MapCanvas::Tool::Identify);
    const QPoint click = canvas->transform().toDevice({2500, 500}).toPoint();
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, click);
    const auto attributes = m_window->identifyPanel()->firstFeatureAttributes();
    QCOMPARE(attributes.size(), 2);
    QCOMPARE(attributes[0],
             (QPair<QString, QString>{QStringLiteral("level"), QStringLiteral("2")}));
    QCOMPARE(attributes[1],
             (QPair<QString, QString>{QStringLiteral("name"), QStringLiteral("沙头镇")}));
    // The feature found is selected on the map and in the table.
    QCOMPARE(canvas->selection(m_id), (std::vector<int>{2}));
    QCOMPARE(m_window->attributeTable()->selectedFeatures(), (std::vector<int>{2}));

    // A click outside every feature finds nothing and clears the selection.
    const QPoint outside = canvas->transform().toDevice({2500, 1400}).toPoint();
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, outside);
    QVERIFY(m_window->identifyPanel()->firstFeatureAttributes().isEmpty());
    QVERIFY(canvas->selection(m_id).empty());

    // With the pan tool a click identifies nothing.
    canvas->setTool(desktop::MapCanvas::Tool::Pan);
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::NoModifier, click);
    QVERIFY(m_window->identifyPanel()->firstFeatureAttributes().isEmpty());
}

QTEST_MAIN(AttributeTableTest)
#include "attribute_table_test.moc"
