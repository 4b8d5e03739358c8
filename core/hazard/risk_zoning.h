// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/risk_model.h"
#include "core/model/vector_layer.h"
#include "core/style/palette.h"

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// How well a zoning tiles its study area, all in m² of the metric CRS.
struct TilingCheck
{
    double studyArea = 0;
    double zonesArea = 0;   ///< Σ zone areas
    double overlapArea = 0; ///< Σ over pairs of zones of their common area
    double gapArea = 0;     ///< study area not covered by any zone
    /// |zonesArea − studyArea| / studyArea.
    double relativeDifference() const;
};

struct Zoning
{
    /// One MultiPolygon per level present: fields `level`, `level_name`, `color`, `area_km2`,
    /// ascending by level, fids 1…n.
    model::VectorLayer layer;
    TilingCheck tiling;
    qint64 patchesEliminated = 0; ///< parts under the minimum mapping unit merged away
    qint64 islandsKept = 0;       ///< parts under it left because no neighbour shares a border
};

/// Dissolves `units` by `levels` (one per unit, same order) into one zone per level and, when
/// `minimumMappingUnit` > 0 (m²), merges every part smaller than it into the neighbouring part
/// with the longest shared border (overlay::dissolve with eliminateBelow). Names and colours
/// from `palette`. Checks the tiling against `studyArea` (one polygon feature, same CRS).
/// Throws InputError when a level is not in the palette; what overlay::dissolve throws.
Zoning zoneByLevel(const model::VectorLayer &units, const std::vector<int> &levels,
                   const style::Palette &palette, double minimumMappingUnit,
                   const model::VectorLayer &studyArea, int threads, Feedback *feedback);

/// The prevention zone (3 重点防治区, 2 次重点防治区, 1 一般防治区) of a unit of `riskLevel`
/// (1 低 … 5 高) and `capacityLevel` (1 强 … 5 弱): the first rule whose lists contain both
/// (an empty list matches any level), else `defaultZone`.
int preventionZone(int riskLevel, int capacityLevel, const std::vector<PreventionRule> &rules,
                   int defaultZone);

/// Area of the pairwise overlaps and of the gap of a zoning `zones` against `studyArea`.
TilingCheck checkTiling(const model::VectorLayer &zones, const model::VectorLayer &studyArea);

} // namespace riskatlas::hazard
