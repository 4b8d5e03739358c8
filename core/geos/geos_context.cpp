// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geos/geos_context.h"

#include "core/error.h"

namespace riskatlas::geos {

Context::Context()
    : m_handle(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(
        m_handle,
        [](const char *message, void *userData) {
            static_cast<Context *>(userData)->m_lastError = QString::fromUtf8(message);
        },
        this);
}

Context::~Context()
{
    GEOS_finish_r(m_handle);
}

GeometryPtr own(const Context &context, GEOSGeometry *geometry)
{
    return GeometryPtr(geometry, GeometryDeleter{context.handle()});
}

GeometryPtr fromWkb(const Context &context, const QByteArray &wkb)
{
    GEOSGeometry *geometry = GEOSGeomFromWKB_buf_r(
        context.handle(), reinterpret_cast<const unsigned char *>(wkb.constData()),
        size_t(wkb.size()));
    if (!geometry)
        throw ProcessingError({},
                              QStringLiteral("unreadable geometry: %1").arg(context.lastError()));
    return own(context, geometry);
}

QByteArray toWkb(const Context &context, const GEOSGeometry *geometry)
{
    GEOSWKBWriter *writer = GEOSWKBWriter_create_r(context.handle());
    GEOSWKBWriter_setOutputDimension_r(context.handle(), writer, 2);
    GEOSWKBWriter_setByteOrder_r(context.handle(), writer, GEOS_WKB_NDR);
    GEOSWKBWriter_setFlavor_r(context.handle(), writer, GEOS_WKB_ISO);
    size_t size = 0;
    unsigned char *buffer = GEOSWKBWriter_write_r(context.handle(), writer, geometry, &size);
    GEOSWKBWriter_destroy_r(context.handle(), writer);
    if (!buffer)
        throw ProcessingError(
            {}, QStringLiteral("cannot encode geometry: %1").arg(context.lastError()));
    QByteArray wkb(reinterpret_cast<const char *>(buffer), qsizetype(size));
    GEOSFree_r(context.handle(), buffer);
    return wkb;
}

QString toWkt(const Context &context, const GEOSGeometry *geometry, int decimals)
{
    GEOSWKTWriter *writer = GEOSWKTWriter_create_r(context.handle());
    GEOSWKTWriter_setRoundingPrecision_r(context.handle(), writer, decimals);
    GEOSWKTWriter_setTrim_r(context.handle(), writer, 1);
    char *text = GEOSWKTWriter_write_r(context.handle(), writer, geometry);
    GEOSWKTWriter_destroy_r(context.handle(), writer);
    const QString result = text ? QString::fromUtf8(text) : QString();
    GEOSFree_r(context.handle(), text);
    return result;
}

GeometryPtr fromWkt(const Context &context, const QString &wkt)
{
    GEOSWKTReader *reader = GEOSWKTReader_create_r(context.handle());
    const QByteArray bytes = wkt.toUtf8();
    GEOSGeometry *geometry = GEOSWKTReader_read_r(context.handle(), reader, bytes.constData());
    GEOSWKTReader_destroy_r(context.handle(), reader);
    if (!geometry)
        throw InputError({}, QStringLiteral("bad WKT: %1").arg(context.lastError()));
    return own(context, geometry);
}

} // namespace riskatlas::geos
