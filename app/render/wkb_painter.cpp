// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/wkb_painter.h"

#include <QPainter>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace riskatlas::render {

namespace {

// Deep enough for any real collection, shallow enough that hostile input cannot exhaust
// the stack through recursion.
constexpr int MaxNesting = 32;

enum WkbType : quint32 {
    Point = 1,
    LineString = 2,
    Polygon = 3,
    MultiPoint = 4,
    MultiLineString = 5,
    MultiPolygon = 6,
    GeometryCollection = 7,
};

// A bounds-checked cursor: every read first checks what is left, so truncated or lying input
// ends the parse instead of reading past the buffer.
class WkbReader
{
public:
    explicit WkbReader(const QByteArray &wkb)
        : m_data(reinterpret_cast<const uchar *>(wkb.constData()))
        , m_size(std::size_t(wkb.size()))
    {}

    std::size_t remaining() const { return m_size - m_pos; }

    bool readByte(uchar &value)
    {
        if (remaining() < 1)
            return false;
        value = m_data[m_pos++];
        return true;
    }

    bool readUInt32(bool bigEndian, quint32 &value)
    {
        if (remaining() < 4)
            return false;
        value = bigEndian ? qFromBigEndian<quint32>(m_data + m_pos)
                          : qFromLittleEndian<quint32>(m_data + m_pos);
        m_pos += 4;
        return true;
    }

    bool readDouble(bool bigEndian, double &value)
    {
        if (remaining() < 8)
            return false;
        const quint64 bits = bigEndian ? qFromBigEndian<quint64>(m_data + m_pos)
                                       : qFromLittleEndian<quint64>(m_data + m_pos);
        std::memcpy(&value, &bits, sizeof value);
        m_pos += 8;
        return true;
    }

    bool skip(std::size_t bytes)
    {
        if (remaining() < bytes)
            return false;
        m_pos += bytes;
        return true;
    }

private:
    const uchar *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

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
    struct Header
    {
        bool bigEndian = false;
        quint32 type = 0;
        int coordinateSize = 16; // bytes per vertex: 2, 3 or 4 doubles
    };

    bool readHeader(Header &header)
    {
        uchar order = 0;
        if (!m_reader.readByte(order) || order > 1)
            return false;
        header.bigEndian = order == 0;
        quint32 raw = 0;
        if (!m_reader.readUInt32(header.bigEndian, raw))
            return false;
        // PostGIS EWKB flags in the high bits, ISO dimensions as thousands (1003 = Polygon Z).
        bool hasZ = raw & 0x80000000u;
        bool hasM = raw & 0x40000000u;
        const bool hasSrid = raw & 0x20000000u;
        const quint32 code = raw & 0x0fffffffu;
        const quint32 dimensions = code / 1000;
        header.type = code % 1000;
        if (dimensions > 3)
            return false;
        hasZ = hasZ || dimensions == 1 || dimensions == 3;
        hasM = hasM || dimensions == 2 || dimensions == 3;
        header.coordinateSize = 8 * (2 + int(hasZ) + int(hasM));
        if (hasSrid && !m_reader.skip(4))
            return false;
        return true;
    }

    bool readCount(const Header &header, std::size_t minItemSize, quint32 &count)
    {
        // A count that the remaining bytes cannot hold is a lie: reject it before looping or
        // reserving memory for it.
        return m_reader.readUInt32(header.bigEndian, count) &&
               std::size_t(count) <= m_reader.remaining() / minItemSize;
    }

    bool readVertex(const Header &header, QPointF &point, bool &isNan)
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

    bool readFiniteVertex(const Header &header, QPointF &point)
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

    bool readPoint(const Header &header)
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
    bool readPointSequence(const Header &header, QPainterPath &path, bool closed)
    {
        quint32 count = 0;
        if (!readCount(header, std::size_t(header.coordinateSize), count))
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

    bool readPolygon(const Header &header)
    {
        quint32 rings = 0;
        if (!readCount(header, 4, rings))
            return false;
        for (quint32 i = 0; i < rings; ++i) {
            if (!readPointSequence(header, m_result.areas, true))
                return false;
        }
        return true;
    }

    bool readCollection(const Header &header, int depth, quint32 allowedMemberType)
    {
        quint32 count = 0;
        if (!readCount(header, 5, count))
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
        if (depth > MaxNesting)
            return false;
        Header header;
        if (!readHeader(header))
            return false;
        if (requiredType != 0 && header.type != requiredType)
            return false;
        switch (header.type) {
        case Point:
            return readPoint(header);
        case LineString:
            return readPointSequence(header, m_result.lines, false);
        case Polygon:
            return readPolygon(header);
        case MultiPoint:
            return readCollection(header, depth, Point);
        case MultiLineString:
            return readCollection(header, depth, LineString);
        case MultiPolygon:
            return readCollection(header, depth, Polygon);
        case GeometryCollection:
            return readCollection(header, depth, 0);
        default:
            return false;
        }
    }

    WkbReader m_reader;
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
