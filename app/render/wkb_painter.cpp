// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/wkb_painter.h"

#include "core/geometry/wkb_cursor.h"

#include <QPainter>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace riskatlas::render {

namespace {

using geometry::readWkbCount;
using geometry::readWkbHeader;
using geometry::WkbCursor;
using geometry::WkbHeader;

class WkbDecoder
{
public:
    explicit WkbDecoder(const QByteArray &wkb)
        : m_reader(wkb)
    {
        m_result.areas.setFillRule(Qt::OddEvenFill);
    }

    std::optional<DrawableGeometry> decode()
    {
        if (!readGeometry(0))
            return std::nullopt;
        return std::move(m_result);
    }

private:
    bool readVertex(const WkbHeader &header, QPointF &point, bool &isNan)
    {
        double x = 0;
        double y = 0;
        if (!m_reader.readDouble(header.bigEndian, x) ||
            !m_reader.readDouble(header.bigEndian, y) ||
            !m_reader.skip(std::size_t(header.coordinateSize) - 16))
            return false;
        isNan = std::isnan(x) && std::isnan(y);
        point = QPointF(x, y);
        return isNan || (std::isfinite(x) && std::isfinite(y));
    }

    bool readFiniteVertex(const WkbHeader &header, QPointF &point)
    {
        bool isNan = false;
        return readVertex(header, point, isNan) && !isNan;
    }

    void include(const QPointF &point)
    {
        if (m_hasBounds) {
            m_result.bounds.include({point.x(), point.y(), point.x(), point.y()});
        } else {
            m_result.bounds = {point.x(), point.y(), point.x(), point.y()};
            m_hasBounds = true;
        }
    }

    bool readPoint(const WkbHeader &header)
    {
        QPointF point;
        bool isEmpty = false;
        if (!readVertex(header, point, isEmpty))
            return false;
        if (!isEmpty) {
            m_result.points.append(point);
            include(point);
        }
        return true;
    }

    // Reads a point sequence into `path` as one sub-path, closed for polygon rings.
    bool readPointSequence(const WkbHeader &header, QPainterPath &path, bool closed)
    {
        quint32 count = 0;
        if (!readWkbCount(m_reader, header, std::size_t(header.coordinateSize), count))
            return false;
        QPainterPath part;
        for (quint32 i = 0; i < count; ++i) {
            QPointF point;
            if (!readFiniteVertex(header, point))
                return false;
            include(point);
            if (i == 0)
                part.moveTo(point);
            else
                part.lineTo(point);
        }
        if (count < 2)
            return true; // nothing to draw, but well-formed
        if (closed)
            part.closeSubpath();
        path.addPath(part);
        return true;
    }

    bool readPolygon(const WkbHeader &header)
    {
        quint32 rings = 0;
        if (!readWkbCount(m_reader, header, 4, rings))
            return false;
        for (quint32 i = 0; i < rings; ++i) {
            if (!readPointSequence(header, m_result.areas, true))
                return false;
        }
        return true;
    }

    bool readCollection(const WkbHeader &header, int depth, quint32 allowedMemberType)
    {
        quint32 count = 0;
        if (!readWkbCount(m_reader, header, 5, count))
            return false;
        for (quint32 i = 0; i < count; ++i) {
            if (!readGeometry(depth + 1, allowedMemberType))
                return false;
        }
        return true;
    }

    // `requiredType` 0 accepts any type; a MultiPolygon may only hold polygons, etc.
    bool readGeometry(int depth, quint32 requiredType = 0)
    {
        if (depth > geometry::kWkbMaxNesting)
            return false;
        WkbHeader header;
        if (!readWkbHeader(m_reader, header))
            return false;
        if (requiredType != 0 && header.type != requiredType)
            return false;
        switch (header.type) {
        case geometry::WkbPoint:
            return readPoint(header);
        case geometry::WkbLineString:
            return readPointSequence(header, m_result.lines, false);
        case geometry::WkbPolygon:
            return readPolygon(header);
        case geometry::WkbMultiPoint:
            return readCollection(header, depth, geometry::WkbPoint);
        case geometry::WkbMultiLineString:
            return readCollection(header, depth, geometry::WkbLineString);
        case geometry::WkbMultiPolygon:
            return readCollection(header, depth, geometry::WkbPolygon);
        case geometry::WkbGeometryCollection:
            return readCollection(header, depth, 0);
        default:
            return false;
        }
    }

    WkbCursor m_reader;
    DrawableGeometry m_result;
    bool m_hasBounds = false;
};

QPen cosmeticPen(const QColor &colour, double width)
{
    if (width <= 0)
        return QPen(Qt::NoPen);
    QPen pen(colour, width);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::RoundJoin);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

} // namespace

std::optional<DrawableGeometry> parseWkb(const QByteArray &wkb)
{
    if (wkb.isEmpty())
        return std::nullopt;
    return WkbDecoder(wkb).decode();
}

WkbPainter::WkbPainter(QPainter &painter, const MapTransform &transform, const LayerStyle &style)
    : m_painter(painter)
    , m_transform(transform)
    , m_style(style)
    , m_outlinePen(cosmeticPen(style.stroke, style.strokeWidth))
    , m_linePen(cosmeticPen(style.stroke, style.lineWidth))
{
    m_painter.save();
    m_outer = m_painter.worldTransform();
    m_combined = m_transform.worldToDevice() * m_outer;
}

WkbPainter::~WkbPainter()
{
    m_painter.restore();
}

void WkbPainter::draw(const DrawableGeometry &geometry)
{
    if (!geometry.areas.isEmpty() || !geometry.lines.isEmpty()) {
        // Paths stay in world coordinates and the painter scales them; cosmetic pens keep
        // the outline widths in device pixels at every zoom.
        m_painter.setWorldTransform(m_combined);
        if (!geometry.areas.isEmpty()) {
            m_painter.setPen(m_outlinePen);
            m_painter.setBrush(m_style.fill);
            m_painter.drawPath(geometry.areas);
        }
        if (!geometry.lines.isEmpty()) {
            m_painter.setPen(m_linePen);
            m_painter.setBrush(Qt::NoBrush);
            m_painter.drawPath(geometry.lines);
        }
    }
    if (!geometry.points.isEmpty()) {
        // Symbols keep their size in device units, so they are placed, not scaled.
        m_painter.setWorldTransform(m_outer);
        m_painter.setPen(m_outlinePen);
        m_painter.setBrush(m_style.fill);
        const QTransform worldToDevice = m_transform.worldToDevice();
        const double radius = m_style.pointSize / 2.0;
        for (const QPointF &point : geometry.points)
            m_painter.drawEllipse(worldToDevice.map(point), radius, radius);
    }
}

bool WkbPainter::drawWkb(const QByteArray &wkb)
{
    const std::optional<DrawableGeometry> geometry = parseWkb(wkb);
    if (!geometry)
        return false;
    draw(*geometry);
    return true;
}

} // namespace riskatlas::render
