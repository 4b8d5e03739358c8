// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/enterprise/enterprise_config.h"
#include "core/enterprise/enterprise_inventory.h"
#include "core/model/vector_layer.h"
#include "core/style/palette.h"

#include <vector>

namespace riskatlas::enterprise {

/// One unit's firms by level and the level the unit takes.
struct AreaLevel
{
    int level = 0; ///< 0 when the unit holds no firm
    int firms = 0;
    std::vector<int> perLevel; ///< index 1…levelCount (index 0 unused)
};

/// Counts `firms` (by Firm::unit and Firm::level) into `unitCount` units and gives each unit
/// its level by `rule` (enterprise_config.h). Firms with unit −1 are not counted.
std::vector<AreaLevel> computeAreaLevels(const std::vector<Firm> &firms, int unitCount,
                                         AreaRule rule, int levelCount);

/// The area four-colour map: `units` (their fields and geometry, CGCS2000) with `firms`,
/// `level` (null when no firm), `level_name` (无企业 when no firm), `color`, and per level
/// `n_l<k>` and `share_l<k>` (0–1 of the unit's firms; 0 when it has none).
model::VectorLayer areaRiskLayer(const model::VectorLayer &units,
                                 const std::vector<AreaLevel> &levels,
                                 const style::Palette &palette, int levelCount);

} // namespace riskatlas::enterprise
