// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/risk_model.h"
#include "core/model/vector_layer.h"

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// A hazard layer prepared for the model: its polygons with two added fields, `h_score` (the
/// level's score from the model's table) and `h_grade` (the five-colour grade 1 低 … 5 高: the
/// rank of the level's score among the table's five scores, so that a source numbering its
/// levels 1 = high … 5 = low is turned around by its table).
struct ScoredHazard
{
    HazardSpec spec;
    model::VectorLayer layer; ///< in the units' metric CRS
};

/// The grade 1…5 of each level of `spec.scores`, by ascending score. Throws InputError
/// naming `hazards[index].scores` (in `modelPath`) unless the table has five distinct scores.
QMap<QString, int> hazardGrades(const HazardSpec &spec, int index, const QString &modelPath);

/// Scores `layer` (read from spec.source, already in the metric CRS). Throws InputError
/// naming the layer and fid for a feature whose level is not in the table, or a missing
/// level field; features with a null level are left out (counted in a warning).
ScoredHazard scoreHazardLayer(model::VectorLayer layer, const HazardSpec &spec, int index,
                              const QString &modelPath, Feedback *feedback);

/// The hazard indicator of each unit (same order as `units.features`), as spec.aggregation
/// says: the area-weighted mean score over the whole unit (uncovered parts count 0), the
/// highest score present (0 when none), or the share of the unit's area whose score is at or
/// above the threshold level's. `units` and the layer share one metric CRS.
std::vector<double> hazardIndicator(const model::VectorLayer &units, const ScoredHazard &hazard,
                                    int threads, Feedback *feedback);

} // namespace riskatlas::hazard
