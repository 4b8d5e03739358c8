// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;
class QPaintDevice;

namespace riskatlas::render {

/// Places text labels without overlaps and draws them with a halo, as a map's last layer.
/// Candidates are offered in priority order (higher priority first wins): each label tries a
/// few positions around its anchor (centred, above, below, right, left) and takes the first
/// that neither overlaps a label already placed nor leaves `bounds`; a label with no free
/// position is dropped and counted. Coordinates are the painter's (device or page units).
class LabelPlacer
{
public:
    /// `bounds`: labels must fit inside (e.g. the map frame).
    /// `device` is the one the labels are drawn on (its DPI sizes the fonts).
    LabelPlacer(const QRectF &bounds, const QPaintDevice *device);

    /// Offers a label anchored at `anchor`; `gap` is the distance from the anchor for the
    /// off-centre positions (e.g. half a point symbol). Returns true when it was placed.
    bool add(const QString &text, const QPointF &anchor, const QFont &font, const QColor &colour,
             double gap = 0.0, bool centredFirst = true);

    /// Reserves `area` so that no label is placed over it (a legend drawn on the map).
    void block(const QRectF &area);

    /// Draws every placed label: a `haloWidth` white outline under the text.
    void draw(QPainter &painter, double haloWidth = 2.0) const;

    int placedCount() const { return int(m_labels.size()); }
    int droppedCount() const { return m_dropped; }
    /// The boxes of the placed labels (for tests).
    std::vector<QRectF> placedBoxes() const;

private:
    struct Label
    {
        QString text;
        QFont font;
        QColor colour;
        QRectF box;       ///< the text's bounding box
        QPointF baseline; ///< where the text is drawn
    };

    bool isFree(const QRectF &box) const;

    QRectF m_bounds;
    const QPaintDevice *m_device;
    std::vector<QRectF> m_blocked;
    std::vector<Label> m_labels;
    int m_dropped = 0;
};

} // namespace riskatlas::render
