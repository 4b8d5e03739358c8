// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/metric_inputs.h"

#include "core/crs/coordinate_transform.h"
#include "core/crs/metric_crs.h"
#include "core/error.h"
#include "core/geometry/layer_extent.h"
#include "core/overlay/parallel_chunks.h"

#include <memory>

namespace riskatlas::overlay {

crs::Crs reprojectToMetric(const std::vector<model::VectorLayer *> &layers, const crs::Crs &target,
                           Feedback *feedback, int threads)
{
    for (const model::VectorLayer *layer : layers) {
        if (!layer->crs.isValid()) {
            throw InputError({layer->sourcePath, layer->name},
                             QStringLiteral("has no coordinate reference system; name it with "
                                            "--s-srs (e.g. --s-srs EPSG:4490)"));
        }
    }
    crs::Crs metric = target;
    if (!metric.isValid()) {
        if (layers.empty())
            return {};
        const auto extent = geometry::layerExtent(*layers.front());
        if (!extent)
            return layers.front()->crs.isGeographic() ? crs::Crs::fromEpsg(4549)
                                                      : layers.front()->crs;
        metric = crs::metricCrsFor(layers.front()->crs, extent->minX, extent->minY, extent->maxX,
                                   extent->maxY);
    }
    if (metric.isGeographic())
        throw InputError(
            {},
            QStringLiteral("%1 is geographic; areas need a projected CRS").arg(metric.authId()));

    for (model::VectorLayer *layer : layers) {
        if (layer->crs.isSameAs(metric))
            continue;
        if (feedback)
            feedback->setStep(QStringLiteral("reprojecting %1").arg(layer->name));
        ChunkOptions options;
        options.threads = threads;
        options.chunkSize = 1024;
        options.feedback = feedback;
        const crs::Crs source = layer->crs;
        runChunked<int>(
            layer->features.size(), options,
            [&] { return std::make_unique<crs::CoordinateTransform>(source, metric); },
            [&](std::unique_ptr<crs::CoordinateTransform> &transform, std::size_t begin,
                std::size_t end, std::vector<int> &) {
                for (std::size_t i = begin; i < end; ++i) {
                    model::Feature &feature = layer->features[i];
                    try {
                        feature.wkb = transform->transformWkb(feature.wkb);
                    } catch (const ProcessingError &error) {
                        throw InputError(
                            {layer->sourcePath, layer->name, feature.fid, QStringLiteral("fid")},
                            error.message());
                    }
                }
            });
        layer->crs = metric;
        layer->geometryValidated = false;
    }
    return metric;
}

} // namespace riskatlas::overlay
