// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/geometry/geometry_repair.h"

#include "core/crs/coordinate_transform.h"
#include "core/crs/metric_crs.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/geometry/layer_extent.h"
#include "core/geometry/wkb_polygon_rings.h"
#include "core/geos/geometry_parts.h"
#include "core/overlay/parallel_chunks.h"

#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace riskatlas::geometry {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int dimensionOf(const geos::Context &context, const GEOSGeometry *geometry)
{
    return GEOSGeom_getDimensions_r(context.handle(), geometry);
}

QString invalidityReason(const geos::Context &context, const GEOSGeometry *geometry)
{
    char *reason = nullptr;
    GEOSGeometry *location = nullptr;
    GEOSisValidDetail_r(context.handle(), geometry, 0, &reason, &location);
    QString text = reason ? QString::fromUtf8(reason) : QStringLiteral("invalid geometry");
    GEOSFree_r(context.handle(), reason);
    if (location) {
        text += QStringLiteral(" at (") +
                geos::toWkt(context, location, 6)
                    .remove(QStringLiteral("POINT ("))
                    .remove(QLatin1Char(')')) +
                QLatin1Char(')');
        GEOSGeom_destroy_r(context.handle(), location);
    }
    return text;
}

QString collapseDescription(const geos::Context &context, const GEOSGeometry *made)
{
    if (!made || GEOSisEmpty_r(context.handle(), made))
        return QStringLiteral("dropped: nothing valid left");
    switch (dimensionOf(context, made)) {
    case 0:
        return QStringLiteral("dropped: collapsed to points");
    case 1:
        return QStringLiteral("dropped: collapsed to a line");
    default:
        return QStringLiteral("dropped: nothing of its dimension left");
    }
}

} // namespace

geos::GeometryPtr makeValidKeepingDimension(const geos::Context &context,
                                            const GEOSGeometry *geometry, int dimension)
{
    GEOSMakeValidParams *params = GEOSMakeValidParams_create_r(context.handle());
    GEOSMakeValidParams_setMethod_r(context.handle(), params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(context.handle(), params, 0);
    geos::GeometryPtr made =
        geos::own(context, GEOSMakeValidWithParams_r(context.handle(), geometry, params));
    GEOSMakeValidParams_destroy_r(context.handle(), params);
    if (!made)
        throw ProcessingError({}, QStringLiteral("MakeValid failed: %1").arg(context.lastError()));

    std::vector<geos::GeometryPtr> parts;
    geos::collectParts(context, made.get(), dimension, parts);
    if (parts.empty())
        return geos::own(context, nullptr);
    if (parts.size() == 1)
        return std::move(parts.front());
    return geos::makeCollection(context, geos::multiTypeForDimension(dimension), std::move(parts));
}

namespace {

// A 2D little-endian point with finite coordinates: GEOS finds every such point valid and not
// empty, so point layers (often hundreds of thousands of features) skip parsing.
bool isFinitePointWkb(const QByteArray &wkb)
{
    if (wkb.size() != 21 || wkb[0] != 1)
        return false;
    const auto *bytes = reinterpret_cast<const uchar *>(wkb.constData());
    return qFromLittleEndian<quint32>(bytes + 1) == 1 &&
           std::isfinite(qFromLittleEndian<double>(bytes + 5)) &&
           std::isfinite(qFromLittleEndian<double>(bytes + 13));
}

// A polygon of one ring of four edges, alternately horizontal and vertical, none of zero
// length: a rectangle with its sides along the axes, which GEOS finds valid in either
// orientation. Grid cells (fishnets, the census's assessment grids, often tens of thousands
// of them) are such rectangles, and GEOS's validity check costs several microseconds each:
// 0.10 s of the 43 658-cell grid dissolve's 0.40 s. Comparisons only: no rounding can make
// this disagree with GEOS.
bool isAxisAlignedRectangleWkb(const QByteArray &wkb, std::vector<double> &xy,
                               std::vector<std::size_t> &ringEnds,
                               std::vector<std::size_t> &polygonEnds)
{
    xy.clear();
    ringEnds.clear();
    polygonEnds.clear();
    if (!readWkbPolygonRings(wkb, xy, &ringEnds, &polygonEnds) || polygonEnds.size() != 1 ||
        ringEnds.size() != 1 || xy.size() != 10)
        return false;
    auto x = [&](int i) {
        return xy[std::size_t(2 * i)];
    };
    auto y = [&](int i) {
        return xy[std::size_t(2 * i + 1)];
    };
    if (x(4) != x(0) || y(4) != y(0))
        return false;
    const bool firstHorizontal = y(1) == y(0);
    for (int edge = 0; edge < 4; ++edge) {
        const bool horizontal = (edge % 2 == 0) == firstHorizontal;
        const bool flat = horizontal ? y(edge + 1) == y(edge) && x(edge + 1) != x(edge)
                                     : x(edge + 1) == x(edge) && y(edge + 1) != y(edge);
        if (!flat)
            return false;
    }
    return true;
}

} // namespace

void validateAndRepair(model::VectorLayer &layer, RepairReport &report, Feedback *feedback,
                       int threads)
{
    // Parsing and validating every geometry is most of the work and needs no order, so it runs
    // on all threads; the rare repairs then run in feature order here, so the report and the
    // result are the same whatever the number of threads.
    enum class State : char { NoGeometry, Empty, Valid, Invalid };
    std::vector<State> states(layer.features.size(), State::NoGeometry);
    overlay::ChunkOptions chunks;
    chunks.threads = threads;
    chunks.chunkSize = 1024;
    chunks.feedback = feedback;
    overlay::runChunked<char>(
        layer.features.size(), chunks, [] { return std::make_unique<geos::Context>(); },
        [&](std::unique_ptr<geos::Context> &worker, std::size_t begin, std::size_t end,
            std::vector<char> &) {
            std::vector<double> xy;
            std::vector<std::size_t> ringEnds;
            std::vector<std::size_t> polygonEnds;
            for (std::size_t i = begin; i < end; ++i) {
                const QByteArray &wkb = layer.features[i].wkb;
                if (wkb.isEmpty())
                    continue;
                if (isFinitePointWkb(wkb) ||
                    isAxisAlignedRectangleWkb(wkb, xy, ringEnds, polygonEnds)) {
                    states[i] = State::Valid;
                    continue;
                }
                const geos::GeometryPtr geometry = geos::fromWkb(*worker, wkb);
                if (GEOSisEmpty_r(worker->handle(), geometry.get()))
                    states[i] = State::Empty;
                else if (GEOSisValid_r(worker->handle(), geometry.get()) == 1)
                    states[i] = State::Valid;
                else
                    states[i] = State::Invalid;
            }
        });
    if (std::find(states.begin(), states.end(), State::Empty) == states.end() &&
        std::find(states.begin(), states.end(), State::Invalid) == states.end()) {
        for (const State state : states)
            report.checked += state == State::NoGeometry ? 0 : 1;
        if (feedback)
            feedback->setProgress(100.0);
        return;
    }

    geos::Context context;
    // Areas for the report are measured in metres where the layer has a CRS.
    std::optional<crs::CoordinateTransform> toMetric;
    if (layer.crs.isValid() && model::geometryDimension(layer.geometryType) != 0) {
        if (const auto extent = layerExtent(layer)) {
            try {
                const crs::Crs metric = crs::metricCrsFor(layer.crs, extent->minX, extent->minY,
                                                          extent->maxX, extent->maxY);
                toMetric.emplace(layer.crs, metric);
            } catch (const InputError &) {
                // Outside the Gauss-Krüger zones: fall back to layer units.
            }
        }
    }
    report.areaUnit = toMetric ? QStringLiteral("m²") : QStringLiteral("units²");
    auto areaOf = [&](const GEOSGeometry *geometry) {
        if (!geometry || dimensionOf(context, geometry) != 2)
            return dimensionOf(context, geometry) == 2 ? 0.0 : kNaN;
        double area = 0;
        if (toMetric && !toMetric->isIdentity()) {
            geos::GeometryPtr projected =
                geos::fromWkb(context, toMetric->transformWkb(geos::toWkb(context, geometry)));
            GEOSArea_r(context.handle(), projected.get(), &area);
        } else {
            GEOSArea_r(context.handle(), geometry, &area);
        }
        return area;
    };

    std::vector<model::Feature> kept;
    kept.reserve(layer.features.size());
    const double total = double(std::max<size_t>(layer.features.size(), 1));
    qint64 index = 0;
    for (model::Feature &feature : layer.features) {
        if (feedback && (index % 256) == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(index) / total);
        }
        const State state = states[std::size_t(index++)];
        if (state == State::NoGeometry || state == State::Valid) {
            report.checked += state == State::Valid ? 1 : 0;
            kept.push_back(std::move(feature));
            continue;
        }
        ++report.checked;
        if (state == State::Empty) {
            report.entries.append({feature.fid, QStringLiteral("empty geometry"), kNaN, kNaN,
                                   QStringLiteral("dropped: empty geometry")});
            ++report.dropped;
            continue;
        }
        geos::GeometryPtr geometry = geos::fromWkb(context, feature.wkb);
        ++report.invalid;
        const int dimension = dimensionOf(context, geometry.get());
        const QString problem = invalidityReason(context, geometry.get());
        const double before = areaOf(geometry.get());
        geos::GeometryPtr repaired = makeValidKeepingDimension(context, geometry.get(), dimension);
        if (!repaired) {
            GEOSMakeValidParams *params = GEOSMakeValidParams_create_r(context.handle());
            GEOSMakeValidParams_setMethod_r(context.handle(), params, GEOS_MAKE_VALID_STRUCTURE);
            geos::GeometryPtr made = geos::own(
                context, GEOSMakeValidWithParams_r(context.handle(), geometry.get(), params));
            GEOSMakeValidParams_destroy_r(context.handle(), params);
            report.entries.append(
                {feature.fid, problem, before, 0.0, collapseDescription(context, made.get())});
            ++report.dropped;
            continue;
        }
        report.entries.append(
            {feature.fid, problem, before, areaOf(repaired.get()), QStringLiteral("repaired")});
        ++report.repaired;
        feature.wkb = geos::toWkb(context, repaired.get());
        kept.push_back(std::move(feature));
    }
    layer.features = std::move(kept);
    if (feedback)
        feedback->setProgress(100.0);
}

} // namespace riskatlas::geometry
