// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QStringList>
#include <QtGlobal>

#include <vector>

namespace riskatlas::classify {

/// The classes of one numeric column, as every method in core/classify returns them
/// (docs/classification.md). A plain value: copy it freely, read it from any thread.
///
/// Class i (1-based) holds the values v with upperBreaks[i-2] < v <= upperBreaks[i-1], class 1
/// the values minimum <= v <= upperBreaks[0]: a value equal to a break belongs to the lower
/// class, as in QGIS's graduated renderer (QgsGraduatedSymbolRenderer::rangeForValue takes the
/// first range, in ascending order, whose closed interval [lower, upper] holds the value).
struct ClassBreaks
{
    double minimum = 0.0;            ///< smallest classified value: the lower edge of class 1
    std::vector<double> upperBreaks; ///< one per class; the last one is the largest value
    /// Values in each class (same order as upperBreaks). A class may be empty: quantile
    /// breaks on tied values, standard-deviation breaks beyond the data, manual breaks.
    std::vector<qsizetype> classCounts;
    qsizetype valueCount = 0;      ///< values classified (NaN excluded)
    qsizetype ignoredNaNCount = 0; ///< NaN values that were left out (and reported in notes)
    /// Non-fatal remarks for the report, translated: NaN values ignored, fewer classes than
    /// asked for, Jenks computed on a sample, empty classes.
    QStringList notes;

    int classCount() const { return static_cast<int>(upperBreaks.size()); }
    double maximum() const { return upperBreaks.empty() ? minimum : upperBreaks.back(); }

    /// The class 1…classCount() of `value`, or 0 when `value` is NaN or lies outside
    /// [minimum, maximum()] (QGIS draws such a feature with no symbol). As QGIS does, a value
    /// within 4·DBL_EPSILON (absolute) of minimum or maximum() still counts as inside.
    /// Inner breaks are compared as given, so an inner break beyond maximum() leaves the last
    /// classes empty rather than reordering anything.
    int classOf(double value) const;
};

} // namespace riskatlas::classify
