// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/classify/class_breaks.h"

#include <QtGlobal>

#include <vector>

namespace riskatlas::classify {

/// Above this many distinct values jenksBreaks() works on a sample (JenksOptions).
inline constexpr qsizetype kJenksDefaultMaxExactDistinctValues = 1'000'000;
/// Values in that sample by default.
inline constexpr qsizetype kJenksDefaultSampleSize = 100'000;

struct JenksOptions
{
    /// Up to this many distinct values the breaks are the exact optimum. Above it they are
    /// the exact optimum of a sample (below). The cost of the exact method is
    /// O(classes · d · log d) time and O(classes · d) memory for d distinct values.
    qsizetype maxExactDistinctValues = kJenksDefaultMaxExactDistinctValues;
    /// Size of the sample used above the threshold: the values at evenly spaced ranks of the
    /// sorted column (rank round(i·(n−1)/(s−1)), i = 0…s−1), so the minimum and the maximum
    /// are always in it and ties keep their weight. Deterministic: same input, same breaks.
    qsizetype sampleSize = kJenksDefaultSampleSize;
};

/// Jenks natural breaks (Fisher 1958, "On grouping for maximum homogeneity"; Jenks 1977):
/// the partition of the sorted values into `classes` contiguous classes with the smallest
/// total within-class sum of squared deviations (SDCM), i.e. the largest goodness of variance
/// fit. Computed exactly by dynamic programming over the distinct values, each weighted by
/// its count, with the divide-and-conquer use of the optimum's monotonicity (the split point
/// of the best partition never moves left when a value is added). Among partitions of equal
/// SDCM the one with the smaller breaks wins (as QGIS prefers).
///
/// NaN values are ignored and reported in notes. Every break is a data value: the largest
/// value of its class. With fewer distinct values than `classes`, each distinct value is a
/// class (a note says so). Above options.maxExactDistinctValues a sample is classified and a
/// note says so; docs/classification.md gives the measured loss of fit.
///
/// Throws riskatlas::InputError when `classes` is outside 1…kMaxClasses, a value is
/// infinite, no value is left, or the options are unusable (sampleSize < 2,
/// maxExactDistinctValues < 1). Pure and thread-safe.
ClassBreaks jenksBreaks(const std::vector<double> &values, int classes = 5,
                        const JenksOptions &options = {});

} // namespace riskatlas::classify
