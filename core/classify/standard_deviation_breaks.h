// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/classify/class_breaks.h"

#include <vector>

namespace riskatlas::classify {

/// Which standard deviation: of the values as a whole population (divide by n, as QGIS's
/// standard-deviation classification does) or as a sample (divide by n − 1).
enum class Dispersion { Population, Sample };

struct MeanAndDeviation
{
    double mean = 0.0;
    double standardDeviation = 0.0; ///< 0 for a single value
};

/// Mean and standard deviation of `values`, NaN ignored (two passes, so that values far from
/// zero keep their precision). Throws riskatlas::InputError when a value is infinite or no
/// value is left. Pure and thread-safe.
MeanAndDeviation meanAndStandardDeviation(const std::vector<double> &values,
                                          Dispersion dispersion = Dispersion::Population);

/// Standard-deviation breaks centred on the mean μ, each class `sigmasPerClass`·σ wide:
/// inner breaks μ + (i − classes/2)·sigmasPerClass·σ for i = 1…classes−1, then the maximum.
/// The default five classes give μ − 1.5σ, μ − 0.5σ, μ + 0.5σ, μ + 1.5σ: the middle class is
/// μ ± 0.5σ, the rule of the county capacity levels (强/较强/中等/较弱/弱).
///
/// The breaks are not clamped to the data: when μ − 1.5σ lies below the minimum the first
/// class is empty, and when an inner break lies above the maximum the classes after it are
/// empty (classCounts and a note say so; ClassBreaks::classOf handles both). When all values
/// are equal (σ = 0) every break is that value and every value is in class 1.
///
/// QGIS's own "Standard Deviation" mode is different: it places classInt-style "pretty"
/// breaks on the z-scores and may return another number of classes. This one always returns
/// `classes` classes.
///
/// NaN values are ignored and reported in notes. Throws riskatlas::InputError when `classes`
/// is outside 1…kMaxClasses, sigmasPerClass is not a positive finite number, a value is
/// infinite or no value is left. Pure and thread-safe.
ClassBreaks standardDeviationBreaks(const std::vector<double> &values, int classes = 5,
                                    double sigmasPerClass = 1.0,
                                    Dispersion dispersion = Dispersion::Population);

} // namespace riskatlas::classify
