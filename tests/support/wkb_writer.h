// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QtEndian>

#include <cstring>

namespace riskatlas::test {

/// Hand-built WKB, so that decoders are checked against the specification, not against
/// themselves or another library's writer, and can be malformed on purpose.
class WkbWriter
{
public:
    explicit WkbWriter(bool bigEndian = false)
        : m_bigEndian(bigEndian)
    {}

    WkbWriter &header(quint32 type)
    {
        m_data.append(char(m_bigEndian ? 0 : 1));
        return uint32(type);
    }
    WkbWriter &uint32(quint32 value) { return append(value); }
    WkbWriter &real(double value)
    {
        quint64 bits;
        std::memcpy(&bits, &value, sizeof bits);
        return append(bits);
    }
    WkbWriter &ring(const QList<QPointF> &points)
    {
        uint32(quint32(points.size()));
        for (const QPointF &point : points)
            real(point.x()).real(point.y());
        return *this;
    }
    WkbWriter &raw(const QByteArray &bytes)
    {
        m_data.append(bytes);
        return *this;
    }
    QByteArray data() const { return m_data; }

private:
    template<typename Unsigned>
    WkbWriter &append(Unsigned value)
    {
        char bytes[sizeof value];
        if (m_bigEndian)
            qToBigEndian(value, bytes);
        else
            qToLittleEndian(value, bytes);
        m_data.append(bytes, sizeof value);
        return *this;
    }

    bool m_bigEndian;
    QByteArray m_data;
};

/// The closed ring of the rectangle (x0, y0)–(x1, y1), counter-clockwise.
inline QList<QPointF> rectangleRing(double x0, double y0, double x1, double y1)
{
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}

/// The 0..10 square with a 4..6 hole, both rings counter-clockwise (odd-even readers and
/// area computations must not care).
inline QByteArray squareWithHoleWkb(bool bigEndian)
{
    return WkbWriter(bigEndian)
        .header(3)
        .uint32(2)
        .ring(rectangleRing(0, 0, 10, 10))
        .ring(rectangleRing(4, 4, 6, 6))
        .data();
}

} // namespace riskatlas::test
