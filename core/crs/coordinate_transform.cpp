// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/crs/coordinate_transform.h"

#include "core/error.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"

namespace riskatlas::crs {

namespace {

gdal::SpatialReferencePtr srsFor(const Crs &crs)
{
    gdal::SpatialReferencePtr srs(OSRNewSpatialReference(nullptr));
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    const QByteArray wkt = crs.wkt().toUtf8();
    if (OSRSetFromUserInput(srs.get(), wkt.constData()) != OGRERR_NONE)
        throw InputError({},
                         QStringLiteral("invalid coordinate reference system %1").arg(crs.name()));
    return srs;
}

} // namespace

struct CoordinateTransform::Private
{
    gdal::SpatialReferencePtr source;
    gdal::SpatialReferencePtr target;
    gdal::TransformPtr transform;
};

CoordinateTransform::CoordinateTransform(const Crs &source, const Crs &target)
    : d(std::make_unique<Private>())
{
    if (!source.isValid() || !target.isValid())
        throw InputError({}, QStringLiteral("a coordinate transformation needs both CRSs"));
    if (source.isSameAs(target)) {
        m_identity = true;
        return;
    }
    gdal::ErrorCapture errors;
    d->source = srsFor(source);
    d->target = srsFor(target);
    d->transform.reset(OCTNewCoordinateTransformation(d->source.get(), d->target.get()));
    if (!d->transform) {
        throw InputError({}, QStringLiteral("no transformation from %1 to %2: %3")
                                 .arg(source.authId(), target.authId(), errors.lastMessage()));
    }
}

CoordinateTransform::~CoordinateTransform() = default;

QByteArray CoordinateTransform::transformWkb(const QByteArray &wkb) const
{
    if (m_identity || wkb.isEmpty())
        return wkb;
    gdal::ErrorCapture errors;
    OGRGeometryH raw = nullptr;
    if (OGR_G_CreateFromWkbEx(wkb.constData(), d->source.get(), &raw, size_t(wkb.size())) !=
        OGRERR_NONE) {
        throw ProcessingError({}, QStringLiteral("unreadable geometry"));
    }
    gdal::GeometryPtr geometry(raw);
    if (OGR_G_Transform(geometry.get(), d->transform.get()) != OGRERR_NONE)
        throw ProcessingError(
            {}, QStringLiteral("coordinates cannot be transformed: %1").arg(errors.lastMessage()));
    QByteArray out(qsizetype(OGR_G_WkbSizeEx(geometry.get())), Qt::Uninitialized);
    OGR_G_ExportToIsoWkb(geometry.get(), wkbNDR, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

bool CoordinateTransform::transformPoint(double &x, double &y) const
{
    if (m_identity)
        return true;
    int success = 0;
    return OCTTransformEx(d->transform.get(), 1, &x, &y, nullptr, &success) && success;
}

} // namespace riskatlas::crs
