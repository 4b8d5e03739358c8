// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geometry/wkb_cursor.h"

namespace riskatlas::geometry {

bool readWkbHeader(WkbCursor &cursor, WkbHeader &header)
{
    uchar order = 0;
    if (!cursor.readByte(order) || order > 1)
        return false;
    header.bigEndian = order == 0;
    quint32 raw = 0;
    if (!cursor.readUInt32(header.bigEndian, raw))
        return false;
    bool hasZ = raw & 0x80000000u;
    bool hasM = raw & 0x40000000u;
    const bool hasSrid = raw & 0x20000000u;
    const quint32 code = raw & 0x0fffffffu;
    const quint32 dimensions = code / 1000;
    header.type = code % 1000;
    if (dimensions > 3)
        return false;
    header.hasZ = hasZ || dimensions == 1 || dimensions == 3;
    header.hasM = hasM || dimensions == 2 || dimensions == 3;
    header.coordinateSize = 8 * (2 + int(header.hasZ) + int(header.hasM));
    return !hasSrid || cursor.skip(4);
}

bool readWkbCount(WkbCursor &cursor, const WkbHeader &header, std::size_t minItemSize,
                  quint32 &count)
{
    return cursor.readUInt32(header.bigEndian, count) &&
           std::size_t(count) <= cursor.remaining() / minItemSize;
}

} // namespace riskatlas::geometry
