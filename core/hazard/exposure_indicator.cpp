// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/exposure_indicator.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/hazard/assessment_units.h"
#include "core/overlay/dissolve.h"
#include "core/overlay/overlay_operation.h"
#include "core/overlay/raster_zonal.h"
#include "core/overlay/zonal_summary.h"

#include <QCoreApplication>

#include <cmath>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

std::vector<double> column(const model::VectorLayer &layer, const QString &name)
{
    const int index = model::fieldIndex(layer.fields, name);
    std::vector<double> values;
    values.reserve(layer.features.size());
    for (const model::Feature &feature : layer.features) {
        const QVariant value = feature.attributes.value(index);
        values.push_back(value.isNull() ? 0.0 : value.toDouble());
    }
    return values;
}

} // namespace

ExposureSource::ExposureSource(const ExposureSpec &spec, int index, const crs::Crs &metricCrs,
                               int threads, Feedback *feedback)
    : m_spec(spec)
{
    if (spec.kind == ExposureKind::RasterSum) {
        if (!overlay::isRasterPath(spec.source))
            throw InputError(
                {spec.source},
                Tr::tr("exposure[%1]: kind raster_sum needs a raster (.tif)").arg(index));
        return;
    }
    m_layer = readModelLayer(spec.source, metricCrs, threads, feedback);
    if (spec.kind == ExposureKind::Length) {
        if (model::geometryDimension(m_layer.geometryType) != 1)
            throw InputError({m_layer.sourcePath, m_layer.name},
                             Tr::tr("exposure[%1]: kind length needs a line layer, not %2")
                                 .arg(index)
                                 .arg(model::geometryTypeName(m_layer.geometryType)));
        // Only the geometry matters; without fields no zone field needs renaming.
        m_layer.fields.clear();
        for (model::Feature &feature : m_layer.features)
            feature.attributes.clear();
        return;
    }
    if (spec.kind == ExposureKind::Count)
        return;
    const int fieldIndex = model::fieldIndex(m_layer.fields, spec.field);
    if (fieldIndex < 0)
        throw InputError({m_layer.sourcePath, m_layer.name},
                         Tr::tr("exposure[%1].field: no field \"%2\"").arg(index).arg(spec.field));
    geos::Context context;
    m_layer.fields.append({QStringLiteral("e_value"), model::FieldType::Real});
    for (model::Feature &feature : m_layer.features) {
        if (feedback)
            feedback->throwIfCanceled();
        const QVariant raw = feature.attributes.value(fieldIndex);
        bool ok = true;
        const double value = raw.isNull() ? 0.0 : raw.toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < 0)
            throw InputError({m_layer.sourcePath, m_layer.name, feature.fid, QStringLiteral("fid")},
                             Tr::tr("exposure[%1]: %2 = \"%3\" is not a number >= 0")
                                 .arg(index)
                                 .arg(spec.field, raw.toString()));
        feature.attributes.append(spec.kind == ExposureKind::FloorArea
                                      ? overlay::wkbArea(context, feature.wkb) * value
                                      : value);
    }
}

std::vector<double> ExposureSource::totals(const model::VectorLayer &zones, bool smallUnitFallback,
                                           int threads, Feedback *feedback) const
{
    if (m_spec.kind == ExposureKind::RasterSum) {
        overlay::RasterZonalOptions options;
        options.statistics = {overlay::RasterStatistic::Sum};
        options.smallUnitFallback = smallUnitFallback;
        options.threads = threads;
        options.feedback = feedback;
        overlay::RasterZonalReport report;
        const model::VectorLayer result =
            overlay::rasterZonalSummary(zones, m_spec.source, options, &report);
        return column(result, report.addedFields.value(0));
    }
    if (m_spec.kind == ExposureKind::Length)
        return lengths(zones, threads, feedback);
    overlay::ZonalOptions options;
    options.statistics = {m_spec.kind == ExposureKind::Count ? overlay::ZonalStatistic::Count
                                                             : overlay::ZonalStatistic::Sum};
    if (m_spec.kind != ExposureKind::Count)
        options.field = QStringLiteral("e_value");
    options.assignment = overlay::PolygonAssignment::PointOnSurface;
    options.metricCrs = zones.crs;
    options.threads = threads;
    options.feedback = feedback;
    overlay::ZonalReport report;
    const model::VectorLayer result = overlay::zonalSummary(zones, m_layer, options, &report);
    return column(result, report.addedFields.value(0));
}

std::vector<double> ExposureSource::lengths(const model::VectorLayer &zones, int threads,
                                            Feedback *feedback) const
{
    // The zones reduced to their index, so that each piece of line names its zone.
    model::VectorLayer indexed;
    indexed.name = zones.name;
    indexed.sourcePath = zones.sourcePath;
    indexed.crs = zones.crs;
    indexed.geometryType = zones.geometryType;
    indexed.fields = {{QStringLiteral("zone_index"), model::FieldType::Integer}};
    indexed.features.reserve(zones.features.size());
    for (std::size_t z = 0; z < zones.features.size(); ++z) {
        model::Feature feature;
        feature.fid = zones.features[z].fid;
        feature.wkb = zones.features[z].wkb;
        feature.attributes = {qint64(z)};
        indexed.features.push_back(std::move(feature));
    }
    overlay::OverlayOptions options;
    options.threads = threads;
    options.metricCrs = zones.crs;
    options.feedback = feedback;
    const overlay::OverlayResult pieces = overlay::overlayLayers(
        overlay::OverlayOperation::Intersection, m_layer, std::move(indexed), options);
    const int zoneIndex = model::fieldIndex(pieces.layer.fields, QStringLiteral("zone_index"));
    geos::Context context;
    std::vector<double> metres(zones.features.size(), 0.0);
    for (const model::Feature &piece : pieces.layer.features) {
        if (feedback)
            feedback->throwIfCanceled();
        if (piece.wkb.isEmpty())
            continue;
        const geos::GeometryPtr geometry = geos::fromWkb(context, piece.wkb);
        double length = 0;
        if (GEOSLength_r(context.handle(), geometry.get(), &length) == 0)
            throw ProcessingError(
                {m_layer.sourcePath, m_layer.name, piece.fid, QStringLiteral("fid")},
                QStringLiteral("GEOS: %1").arg(context.lastError()));
        metres[std::size_t(piece.attributes.value(zoneIndex).toLongLong())] += length;
    }
    std::vector<double> kilometres;
    kilometres.reserve(metres.size());
    for (double value : metres)
        kilometres.push_back(value / 1000.0);
    return kilometres;
}

} // namespace riskatlas::hazard
