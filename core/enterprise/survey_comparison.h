// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/enterprise/enterprise_inventory.h"

#include <QString>

#include <vector>

namespace riskatlas::enterprise {

enum class ChangeKind { Continuing, New, Closed };

/// One firm across two surveys. Levels are 0 on the side where the firm does not exist.
struct FirmChange
{
    ChangeKind kind = ChangeKind::Continuing;
    int olderIndex = -1; ///< into the older inventory's firms
    int newerIndex = -1; ///< into the newer inventory's firms
    QString matchedBy;   ///< credit_code or name_location (continuing firms)
    int olderLevel = 0;  ///< after dynamic adjustment
    int newerLevel = 0;
    int olderRawLevel = 0; ///< from the score (or level column) alone
    int newerRawLevel = 0;
};

/// Matches two surveys: first on equal valid credit codes; then a firm without a valid code
/// on either side matches the nearest unmatched firm of the same name (trimmed) within
/// `matchDistance` metres. Returns the newer firms in their order (continuing or new), then
/// the closed firms in the older order.
std::vector<FirmChange> compareSurveys(const Inventory &older, const Inventory &newer,
                                       double matchDistance);

/// Counts of level changes for one township (or the whole county).
struct ChangeCounts
{
    int continuing = 0;
    int down = 0; ///< 降档: lower level in the newer survey
    int up = 0;   ///< 升档
    int unchanged = 0;
    std::vector<int>
        leftLevel; ///< index k: continuing firms that were at level k and are lower now
    int newFirms = 0;
    int closedFirms = 0;
};

/// Adds `change` to `counts` on final levels, or on raw levels when `raw`.
void addChange(ChangeCounts &counts, const FirmChange &change, bool raw, int levelCount);

} // namespace riskatlas::enterprise
