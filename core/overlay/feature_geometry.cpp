// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/feature_geometry.h"

namespace riskatlas::overlay {

ErrorLocation featureLocation(const model::VectorLayer &layer, qint64 fid)
{
    return {layer.sourcePath, layer.name, fid, QStringLiteral("fid")};
}

geos::GeometryPtr parseFeature(const geos::Context &context, const model::VectorLayer &layer,
                               const model::Feature &feature)
{
    try {
        return geos::fromWkb(context, feature.wkb);
    } catch (const ProcessingError &error) {
        throw ProcessingError(featureLocation(layer, feature.fid), error.message());
    }
}

} // namespace riskatlas::overlay
