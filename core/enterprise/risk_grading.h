// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace riskatlas::enterprise {

/// How a firm's level is found (docs/enterprises.md, "Grading").
enum class GradingMethod {
    Lec,    ///< D = L × E × C from the inventory's L, E, C columns.
    Matrix, ///< R = likelihood × severity (each 1–5) from two columns.
    LevelColumn ///< A level given in the inventory (重大/较大/一般/低, 红/橙/黄/蓝, or 1–4).
};

/// The grading rules, as read from the configuration's `grading` object. Levels are integers
/// 1 (lowest, 低/蓝) … levelCount (highest, 重大/红).
struct GradingRules
{
    GradingMethod method = GradingMethod::Lec;
    /// 4 (红橙黄蓝, palette enterprise_four_colour) or 5 (adds 绿 below 蓝,
    /// enterprise_five_colour).
    int levelCount = 4;
    /// Ascending upper bounds: a score s gets level 1 + (number of thresholds t with s > t),
    /// so there are levelCount − 1 of them. LEC default 70, 160, 320 (the standard bands:
    /// D > 320 重大, 160 < D ≤ 320 较大, 70 < D ≤ 160 一般, D ≤ 70 低).
    std::vector<double> lecThresholds{70, 160, 320};
    /// Risk matrix default 4, 8, 12 (R > 12 重大, 8 < R ≤ 12 较大, 4 < R ≤ 8 一般, R ≤ 4 低).
    std::vector<double> matrixThresholds{4, 8, 12};
    /// Accept only the standard LEC table values (L 0.1…10, E 0.5…10, C 1…100); otherwise
    /// any positive number.
    bool standardLecValues = true;
    /// Dynamic adjustment from unrectified hidden dangers (动态调整).
    bool dynamicAdjustment = true;
    /// An unrectified 重大隐患 makes the firm the highest level.
    bool majorHazardToTop = true;
    /// This many unrectified 一般隐患 or more raise the firm one level.
    int generalHazardThreshold = 5;
};

/// The standard LEC factor tables: likelihood L, exposure E, consequence C.
const std::vector<double> &standardLValues();
const std::vector<double> &standardEValues();
const std::vector<double> &standardCValues();
/// Whether `value` is one of `table` (to 1e-9).
bool isTableValue(double value, const std::vector<double> &table);

/// 1 + the number of `thresholds` that `score` exceeds (strictly).
int levelForScore(double score, const std::vector<double> &thresholds);

/// Parses a level written in an inventory for a scheme of `levelCount` levels: the level
/// names (重大, 较大, 一般, 低, and 较低 in five levels; also with 风险 appended, and 重大风险
/// etc.), the colours (红, 橙, 黄, 蓝, 绿, also with 色), or the integer. nullopt otherwise.
std::optional<int> parseLevelText(const QString &text, int levelCount);

/// A level after dynamic adjustment and why it changed (empty when it did not).
struct AdjustedLevel
{
    int level = 0;
    QString reason;
};

/// Applies the dynamic adjustment of `rules` to `level` for a firm with `majorHazards`
/// unrectified major and `generalHazards` unrectified general hidden dangers. Never lowers a
/// level and never exceeds rules.levelCount.
AdjustedLevel adjustLevel(int level, int majorHazards, int generalHazards,
                          const GradingRules &rules);

/// The bundled palette for the scheme: enterprise_four_colour or enterprise_five_colour.
QString paletteIdFor(const GradingRules &rules);

} // namespace riskatlas::enterprise
