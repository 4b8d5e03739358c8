// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/weights/normalisation.h"

#include "core/error.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace riskatlas::weights {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::weights)
};

} // namespace

NormalisedColumn normaliseColumn(const std::vector<double> &column, NormalisationMethod method,
                                 IndicatorDirection direction, const QString &columnName)
{
    const QString name =
        columnName.isEmpty() ? Tr::tr("the column") : Tr::tr("indicator “%1”").arg(columnName);
    NormalisedColumn result;
    double minimum = std::numeric_limits<double>::infinity();
    double maximum = -minimum;
    double sum = 0.0;
    double squares = 0.0;
    size_t count = 0;
    for (size_t i = 0; i < column.size(); ++i) {
        const double x = column[i];
        if (std::isnan(x)) {
            ++result.ignoredNaNCount;
            continue;
        }
        if (std::isinf(x)) {
            throw InputError(
                {}, Tr::tr("%1: value %2 at position %3 is infinite").arg(name).arg(x).arg(i + 1));
        }
        minimum = std::min(minimum, x);
        maximum = std::max(maximum, x);
        sum += x;
        squares += x * x;
        ++count;
    }
    if (count == 0)
        throw InputError({}, Tr::tr("%1 has no numeric value to normalise").arg(name));

    const bool cost = direction == IndicatorDirection::Cost;
    const double mean = sum / static_cast<double>(count);
    double scale = 0.0; // the divisor; 0 = no spread
    switch (method) {
    case NormalisationMethod::MinMax:
        scale = maximum - minimum;
        break;
    case NormalisationMethod::ZScore: {
        double deviations = 0.0;
        for (double x : column) {
            if (!std::isnan(x))
                deviations += (x - mean) * (x - mean);
        }
        scale = std::sqrt(deviations / static_cast<double>(count));
        break;
    }
    case NormalisationMethod::Vector:
        scale = std::sqrt(squares);
        break;
    }

    result.values.reserve(column.size());
    for (double x : column) {
        if (std::isnan(x)) {
            result.values.push_back(x);
        } else if (scale == 0.0) {
            result.values.push_back(0.0);
        } else {
            switch (method) {
            case NormalisationMethod::MinMax:
                result.values.push_back(cost ? (maximum - x) / scale : (x - minimum) / scale);
                break;
            case NormalisationMethod::ZScore:
                result.values.push_back(cost ? (mean - x) / scale : (x - mean) / scale);
                break;
            case NormalisationMethod::Vector:
                result.values.push_back(cost ? 1.0 - x / scale : x / scale);
                break;
            }
        }
    }
    if (scale == 0.0) {
        result.warnings.append(method == NormalisationMethod::Vector
                                   ? Tr::tr("%1: every value is 0; normalised to 0").arg(name)
                                   : Tr::tr("%1: every value is %2, so it cannot be rescaled; "
                                            "normalised to 0")
                                         .arg(name)
                                         .arg(minimum));
    }
    if (result.ignoredNaNCount > 0) {
        result.warnings.append(Tr::tr("%1: %n NaN value(s) left out", nullptr,
                                      static_cast<int>(result.ignoredNaNCount))
                                   .arg(name));
    }
    return result;
}

} // namespace riskatlas::weights
