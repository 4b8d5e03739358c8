// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/classify/class_breaks.h"

#include <cfloat>
#include <cmath>

namespace riskatlas::classify {

int ClassBreaks::classOf(double value) const
{
    if (std::isnan(value) || upperBreaks.empty())
        return 0;
    // QGIS's second chance (qgsDoubleNear with its default 4·DBL_EPSILON) for values that
    // missed the outer edges by a rounding error.
    constexpr double kNear = 4 * DBL_EPSILON;
    if (value < minimum) {
        if (minimum - value > kNear)
            return 0;
        value = minimum;
    }
    if (value > maximum()) {
        if (value - maximum() > kNear)
            return 0;
        value = maximum();
    }
    const int inner = classCount() - 1;
    int classNumber = 1;
    for (int i = 0; i < inner; ++i) {
        if (value > upperBreaks[static_cast<size_t>(i)])
            classNumber = i + 2;
        else
            break;
    }
    return classNumber;
}

} // namespace riskatlas::classify
