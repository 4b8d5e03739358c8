// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/risk_grading.h"

#include <cmath>

namespace riskatlas::enterprise {

const std::vector<double> &standardLValues()
{
    static const std::vector<double> values{0.1, 0.2, 0.5, 1, 3, 6, 10};
    return values;
}

const std::vector<double> &standardEValues()
{
    static const std::vector<double> values{0.5, 1, 2, 3, 6, 10};
    return values;
}

const std::vector<double> &standardCValues()
{
    static const std::vector<double> values{1, 3, 7, 15, 40, 100};
    return values;
}

bool isTableValue(double value, const std::vector<double> &table)
{
    for (double entry : table) {
        if (std::abs(entry - value) < 1e-9)
            return true;
    }
    return false;
}

int levelForScore(double score, const std::vector<double> &thresholds)
{
    int level = 1;
    for (double threshold : thresholds) {
        // A product such as 0.1 × 10 × 70 is not exact in binary; compare with a tolerance so
        // that a D equal to a band's bound stays in the lower band as the tables intend.
        if (score > threshold + 1e-9 * std::max(1.0, std::abs(threshold)))
            ++level;
    }
    return level;
}

std::optional<int> parseLevelText(const QString &text, int levelCount)
{
    QString value = text.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool ok = false;
    const int number = value.toInt(&ok);
    if (ok)
        return number >= 1 && number <= levelCount ? std::optional<int>(number) : std::nullopt;
    for (const QString &suffix : {QStringLiteral("风险"), QStringLiteral("色")}) {
        if (value.endsWith(suffix) && value.size() > suffix.size())
            value.chop(suffix.size());
    }
    const bool five = levelCount == 5;
    const int top = levelCount;
    if (value == QStringLiteral("重大") || value == QStringLiteral("红"))
        return top;
    if (value == QStringLiteral("较大") || value == QStringLiteral("橙"))
        return top - 1;
    if (value == QStringLiteral("一般") || value == QStringLiteral("黄"))
        return top - 2;
    if (value == QStringLiteral("蓝"))
        return top - 3;
    if (five && value == QStringLiteral("较低"))
        return 2;
    if (value == QStringLiteral("低"))
        return 1;
    if (five && value == QStringLiteral("绿"))
        return 1;
    return std::nullopt;
}

AdjustedLevel adjustLevel(int level, int majorHazards, int generalHazards,
                          const GradingRules &rules)
{
    AdjustedLevel result{level, {}};
    if (!rules.dynamicAdjustment)
        return result;
    if (rules.majorHazardToTop && majorHazards > 0) {
        if (level < rules.levelCount) {
            result.level = rules.levelCount;
            result.reason =
                QStringLiteral("存在%1项未整改重大隐患，直接判定为重大风险").arg(majorHazards);
        }
        return result;
    }
    if (rules.generalHazardThreshold > 0 && generalHazards >= rules.generalHazardThreshold &&
        level < rules.levelCount) {
        result.level = level + 1;
        result.reason = QStringLiteral("存在%1项未整改一般隐患（≥%2），风险等级上调一级")
                            .arg(generalHazards)
                            .arg(rules.generalHazardThreshold);
    }
    return result;
}

QString paletteIdFor(const GradingRules &rules)
{
    return rules.levelCount == 5 ? QStringLiteral("enterprise_five_colour")
                                 : QStringLiteral("enterprise_four_colour");
}

} // namespace riskatlas::enterprise
