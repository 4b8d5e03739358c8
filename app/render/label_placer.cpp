// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/label_placer.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <array>

namespace riskatlas::render {

LabelPlacer::LabelPlacer(const QRectF &bounds, const QPaintDevice *device)
    : m_bounds(bounds)
    , m_device(device)
{}

void LabelPlacer::block(const QRectF &area)
{
    m_blocked.push_back(area);
}

bool LabelPlacer::isFree(const QRectF &box) const
{
    if (!m_bounds.contains(box))
        return false;
    // A label keeps a small gap to its neighbours so halos do not touch.
    const QRectF padded = box.adjusted(-1.0, -1.0, 1.0, 1.0);
    for (const QRectF &blocked : m_blocked) {
        if (blocked.intersects(padded))
            return false;
    }
    for (const Label &label : m_labels) {
        if (label.box.intersects(padded))
            return false;
    }
    return true;
}

bool LabelPlacer::add(const QString &text, const QPointF &anchor, const QFont &font,
                      const QColor &colour, double gap, bool centredFirst)
{
    if (text.isEmpty())
        return false;
    const QFontMetricsF metrics(font, m_device);
    const double width = metrics.horizontalAdvance(text);
    const double height = metrics.ascent() + metrics.descent();
    const double g = gap + 1.0;
    // Offsets of the box's top-left corner from the anchor.
    const std::array<QPointF, 5> offsets = {{
        {-width / 2, -height / 2},
        {g, -height / 2},
        {-width / 2, -height - g},
        {-width / 2, g},
        {-width - g, -height / 2},
    }};
    for (std::size_t i = centredFirst ? 0 : 1; i < offsets.size(); ++i) {
        const QRectF box(anchor + offsets[i], QSizeF(width, height));
        if (!isFree(box))
            continue;
        m_labels.push_back(
            {text, font, colour, box, QPointF(box.left(), box.top() + metrics.ascent())});
        return true;
    }
    ++m_dropped;
    return false;
}

void LabelPlacer::draw(QPainter &painter, double haloWidth) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (const Label &label : m_labels) {
        painter.setFont(label.font);
        if (haloWidth > 0) {
            // The halo as a stroked outline of the glyphs; the text itself is drawn as text
            // on top so that a PDF keeps it searchable. Opaque: Qt's PDF engine writes an
            // opaque pen as a native stroke of the glyph outlines, but a translucent one as the
            // outline of that stroke, several times larger (half of a page's drawing).
            QPainterPath path;
            path.addText(label.baseline, QFont(label.font, painter.device()), label.text);
            QPen halo(QColor(255, 255, 255), haloWidth * 2.0);
            halo.setJoinStyle(Qt::RoundJoin);
            painter.strokePath(path, halo);
        }
        painter.setPen(label.colour);
        painter.drawText(label.baseline, label.text);
    }
    painter.restore();
}

std::vector<QRectF> LabelPlacer::placedBoxes() const
{
    std::vector<QRectF> boxes;
    for (const Label &label : m_labels)
        boxes.push_back(label.box);
    return boxes;
}

} // namespace riskatlas::render
