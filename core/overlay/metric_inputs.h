// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/model/vector_layer.h"

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::overlay {

/// Reprojects every layer, in place and once, into one metric CRS so that all later areas and
/// lengths are in metres: `target` when valid, else the CGCS2000 3° Gauss-Krüger zone of the
/// first layer's extent (crs::metricCrsFor). Layers already in that CRS are left untouched.
/// Returns the CRS used. Throws InputError naming the layer when one has no CRS, and for a
/// feature PROJ cannot transform; CancelledError through `feedback`. Uses all cores.
crs::Crs reprojectToMetric(const std::vector<model::VectorLayer *> &layers,
                           const crs::Crs &target = {}, Feedback *feedback = nullptr,
                           int threads = 0);

} // namespace riskatlas::overlay
