// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/label_placer.h"

#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

using namespace riskatlas::render;

namespace {

QImage canvas()
{
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(Qt::white);
    return image;
}

QFont cjkFont()
{
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setPointSizeF(10);
    return font;
}

} // namespace

TEST(LabelPlacer, LabelsNeverOverlap)
{
    QImage image = canvas();
    LabelPlacer placer(QRectF(0, 0, 400, 300), &image);
    // Twenty labels anchored on nearly the same spot: some move beside it, the rest drop.
    for (int i = 0; i < 20; ++i)
        placer.add(QStringLiteral("大若岩镇%1").arg(i), QPointF(200 + i, 150 + i), cjkFont(),
                   Qt::black, 3.0);
    EXPECT_GT(placer.placedCount(), 1);
    EXPECT_GT(placer.droppedCount(), 0);
    EXPECT_EQ(placer.placedCount() + placer.droppedCount(), 20);
    const std::vector<QRectF> boxes = placer.placedBoxes();
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            EXPECT_FALSE(boxes[i].intersects(boxes[j])) << i << " " << j;
    }
}

TEST(LabelPlacer, FirstOfferedWinsTheCentre)
{
    QImage image = canvas();
    LabelPlacer placer(QRectF(0, 0, 400, 300), &image);
    ASSERT_TRUE(placer.add(QStringLiteral("南城街道"), QPointF(200, 150), cjkFont(), Qt::black));
    const QRectF first = placer.placedBoxes().front();
    EXPECT_NEAR(first.center().x(), 200, 0.5);
    EXPECT_NEAR(first.center().y(), 150, 0.5);
}

TEST(LabelPlacer, StaysInsideTheFrameAndOffBlockedAreas)
{
    QImage image = canvas();
    LabelPlacer placer(QRectF(0, 0, 400, 300), &image);
    placer.block(QRectF(0, 0, 400, 100));
    EXPECT_FALSE(placer.add(QStringLiteral("北城街道"), QPointF(200, 50), cjkFont(), Qt::black));
    EXPECT_FALSE(placer.add(QStringLiteral("很长很长很长很长很长很长很长很长很长的名字"),
                            QPointF(399, 299), cjkFont(), Qt::black));
    EXPECT_TRUE(placer.add(QStringLiteral("东城街道"), QPointF(200, 200), cjkFont(), Qt::black));
}

TEST(LabelPlacer, DrawsTextWithAHalo)
{
    QImage image = canvas();
    image.fill(QColor(0, 0, 200));
    LabelPlacer placer(QRectF(0, 0, 400, 300), &image);
    ASSERT_TRUE(placer.add(QStringLiteral("江北街道"), QPointF(200, 150), cjkFont(), Qt::black));
    QPainter painter(&image);
    placer.draw(painter, 2.0);
    painter.end();
    int white = 0;
    int black = 0;
    const QRect box = placer.placedBoxes().front().toAlignedRect().adjusted(-3, -3, 3, 3);
    for (int y = box.top(); y <= box.bottom(); ++y) {
        for (int x = box.left(); x <= box.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            white += c.red() > 220 && c.green() > 220 && c.blue() > 220;
            black += c.red() < 40 && c.green() < 40 && c.blue() < 40;
        }
    }
    EXPECT_GT(white, 50); // the halo over the blue background
    EXPECT_GT(black, 50); // the glyphs
}
