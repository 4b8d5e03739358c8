// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

namespace riskatlas::weights {

/// Which way an indicator points. Benefit (正向): more is better, e.g. shelters per 10 000
/// people for a capacity index, or more is more of what is measured. Cost (负向): more is
/// worse, e.g. response time, or the share of elderly residents for a capacity index.
enum class IndicatorDirection { Benefit, Cost };

} // namespace riskatlas::weights
