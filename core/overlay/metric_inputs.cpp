// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/metric_inputs.h"

#include "core/crs/coordinate_transform.h"
#include "core/crs/metric_crs.h"
#include "core/error.h"
#include "core/geometry/layer_extent.h"
#include "core/overlay/parallel_chunks.h"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

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

    // One pass over the features of every layer to reproject, so that small layers do not
    // each start threads, and each worker makes one transform per source CRS, not per layer
    // (a PROJ transform costs milliseconds to create).
    std::vector<model::VectorLayer *> moving;
    std::vector<std::size_t> firstFeature{0};
    std::vector<std::size_t> sourceOf; // index of the first moving layer with the same CRS
    for (model::VectorLayer *layer : layers) {
        if (layer->crs.isSameAs(metric))
            continue;
        std::size_t source = moving.size();
        for (std::size_t k = 0; k < moving.size(); ++k) {
            if (sourceOf[k] == k && moving[k]->crs.isSameAs(layer->crs)) {
                source = k;
                break;
            }
        }
        sourceOf.push_back(source);
        moving.push_back(layer);
        firstFeature.push_back(firstFeature.back() + layer->features.size());
    }
    if (moving.empty())
        return metric;
    if (feedback)
        feedback->setStep(moving.size() == 1
                              ? QStringLiteral("reprojecting %1").arg(moving.front()->name)
                              : QStringLiteral("reprojecting %1 layers").arg(moving.size()));
    using Transforms = std::vector<std::unique_ptr<crs::CoordinateTransform>>; // by source
    ChunkOptions options;
    options.threads = threads;
    options.chunkSize = 1024;
    options.feedback = feedback;
    runChunked<int>(
        firstFeature.back(), options, [&] { return Transforms(moving.size()); },
        [&](Transforms &transforms, std::size_t begin, std::size_t end, std::vector<int> &) {
            std::size_t l =
                std::size_t(std::upper_bound(firstFeature.begin(), firstFeature.end(), begin) -
                            firstFeature.begin() - 1);
            for (std::size_t i = begin; i < end; ++i) {
                while (i >= firstFeature[l + 1])
                    ++l;
                model::VectorLayer *layer = moving[l];
                std::unique_ptr<crs::CoordinateTransform> &transform = transforms[sourceOf[l]];
                if (!transform)
                    transform = std::make_unique<crs::CoordinateTransform>(layer->crs, metric);
                model::Feature &feature = layer->features[i - firstFeature[l]];
                try {
                    feature.wkb = transform->transformWkb(feature.wkb);
                } catch (const ProcessingError &error) {
                    throw InputError(
                        {layer->sourcePath, layer->name, feature.fid, QStringLiteral("fid")},
                        error.message());
                }
            }
        });
    for (model::VectorLayer *layer : moving) {
        layer->crs = metric;
        layer->geometryValidated = false;
    }
    return metric;
}

} // namespace riskatlas::overlay
