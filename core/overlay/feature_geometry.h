// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/error.h"
#include "core/geos/geos_context.h"
#include "core/model/vector_layer.h"

namespace riskatlas::overlay {

/// Where a feature is, for messages: `FILE:LAYER:fid N`.
ErrorLocation featureLocation(const model::VectorLayer &layer, qint64 fid);

/// The feature's geometry in `context`; throws ProcessingError naming the feature when its
/// WKB cannot be read.
geos::GeometryPtr parseFeature(const geos::Context &context, const model::VectorLayer &layer,
                               const model::Feature &feature);

} // namespace riskatlas::overlay
