// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QtEndian>

#include <cstddef>
#include <cstring>

namespace riskatlas::geometry {

/// WKB geometry type codes, without dimension flags.
enum WkbType : quint32 {
    WkbPoint = 1,
    WkbLineString = 2,
    WkbPolygon = 3,
    WkbMultiPoint = 4,
    WkbMultiLineString = 5,
    WkbMultiPolygon = 6,
    WkbGeometryCollection = 7,
};

/// Deep enough for any real collection, shallow enough that hostile input cannot exhaust the
/// stack through recursion.
constexpr int kWkbMaxNesting = 32;

/// A bounds-checked cursor over WKB: every read first checks what is left, so truncated or
/// lying input ends the parse instead of reading past the buffer. Fast where the geometry
/// objects of GEOS or GDAL are not needed, only the coordinates (drawing, vertex matching).
class WkbCursor
{
public:
    explicit WkbCursor(const QByteArray &wkb)
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

/// The header of one WKB geometry (nested ones have their own).
struct WkbHeader
{
    bool bigEndian = false;
    quint32 type = 0; ///< a WkbType, or another code the caller rejects
    bool hasZ = false;
    bool hasM = false;
    int coordinateSize = 16; ///< bytes per vertex: 2, 3 or 4 doubles
};

/// Reads a header: byte order, then the type as ISO (1003 = Polygon Z) or PostGIS extended
/// (Z, M and SRID flags in the high bits; the SRID is skipped). False when malformed.
bool readWkbHeader(WkbCursor &cursor, WkbHeader &header);

/// Reads a count of items, each at least `minItemSize` bytes, and checks that what is left
/// can hold them: a count that the data cannot hold is a lie, rejected before anyone loops
/// over it or reserves memory for it.
bool readWkbCount(WkbCursor &cursor, const WkbHeader &header, std::size_t minItemSize,
                  quint32 &count);

} // namespace riskatlas::geometry
