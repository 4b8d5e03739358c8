// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QString>

#include <geos_c.h>

#include <memory>

namespace riskatlas::geos {

/// One GEOS reentrant context. Create one per worker thread and never share it: GEOS handles
/// are not thread-safe. The message handler only stores the last error; wrappers check
/// return values and throw.
class Context
{
public:
    Context();
    ~Context();
    Context(const Context &) = delete;
    Context &operator=(const Context &) = delete;

    GEOSContextHandle_t handle() const { return m_handle; }
    QString lastError() const { return m_lastError; }

private:
    GEOSContextHandle_t m_handle;
    QString m_lastError;
};

/// Destroys geometries with the context that made them.
struct GeometryDeleter
{
    GEOSContextHandle_t context = nullptr;
    void operator()(GEOSGeometry *geometry) const { GEOSGeom_destroy_r(context, geometry); }
};
using GeometryPtr = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

struct PreparedDeleter
{
    GEOSContextHandle_t context = nullptr;
    void operator()(const GEOSPreparedGeometry *prepared) const
    {
        GEOSPreparedGeom_destroy_r(context, prepared);
    }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

/// Takes ownership of `geometry` (may be null: GEOS's error value).
GeometryPtr own(const Context &context, GEOSGeometry *geometry);

/// ISO WKB (2D) → geometry; throws ProcessingError with GEOS's message on bad WKB.
GeometryPtr fromWkb(const Context &context, const QByteArray &wkb);
/// Geometry → 2D little-endian ISO WKB.
QByteArray toWkb(const Context &context, const GEOSGeometry *geometry);
/// Geometry → WKT with `decimals` digits after the point (tests and messages).
QString toWkt(const Context &context, const GEOSGeometry *geometry, int decimals = 6);
/// WKT → geometry; throws InputError on bad WKT.
GeometryPtr fromWkt(const Context &context, const QString &wkt);

} // namespace riskatlas::geos
