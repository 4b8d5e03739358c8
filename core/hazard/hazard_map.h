// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/hazard_indicator.h"
#include "core/model/vector_layer.h"
#include "core/style/palette.h"

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// The five-colour map of one hazard type (单灾种五色图): the hazard layer's polygons clipped
/// to the study area, each with `hazard_id`, `hazard` (type, e.g. 地质灾害), `src_level` (the
/// level as the source numbers it), `level` (grade 1 低 … 5 高, from the score table),
/// `level_name`, `color` (from `palette`) and `area_km2` (metric CRS). Features in the
/// source's order, fids 1…n. Throws what overlay::overlayLayers throws.
model::VectorLayer hazardMap(const ScoredHazard &hazard, const model::VectorLayer &studyArea,
                             const style::Palette &palette, int threads, Feedback *feedback);

} // namespace riskatlas::hazard
