// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/area_risk_map.h"

#include <cmath>

namespace riskatlas::enterprise {

std::vector<AreaLevel> computeAreaLevels(const std::vector<Firm> &firms, int unitCount,
                                         AreaRule rule, int levelCount)
{
    std::vector<AreaLevel> levels(std::size_t(std::max(unitCount, 0)));
    for (AreaLevel &area : levels)
        area.perLevel.assign(std::size_t(levelCount + 1), 0);
    std::vector<double> weighted(levels.size(), 0.0);
    std::vector<double> weights(levels.size(), 0.0);
    for (const Firm &firm : firms) {
        if (firm.unit < 0 || firm.unit >= unitCount || firm.level < 1 || firm.level > levelCount)
            continue;
        AreaLevel &area = levels[std::size_t(firm.unit)];
        ++area.firms;
        ++area.perLevel[std::size_t(firm.level)];
        weighted[std::size_t(firm.unit)] += firm.level * firm.score;
        weights[std::size_t(firm.unit)] += firm.score;
    }
    for (std::size_t u = 0; u < levels.size(); ++u) {
        AreaLevel &area = levels[u];
        if (area.firms == 0)
            continue;
        switch (rule) {
        case AreaRule::Highest:
            for (int k = levelCount; k >= 1; --k) {
                if (area.perLevel[std::size_t(k)] > 0) {
                    area.level = k;
                    break;
                }
            }
            break;
        case AreaRule::Majority: {
            int best = 0;
            // From the top down with a strict comparison, so a tie goes to the higher level.
            for (int k = levelCount; k >= 1; --k) {
                if (area.perLevel[std::size_t(k)] > best) {
                    best = area.perLevel[std::size_t(k)];
                    area.level = k;
                }
            }
            break;
        }
        case AreaRule::ScoreWeighted: {
            double mean = 0;
            if (weights[u] > 0) {
                mean = weighted[u] / weights[u];
            } else {
                // Levels given without a score: every firm weighs the same.
                double sum = 0;
                for (int k = 1; k <= levelCount; ++k)
                    sum += double(k) * area.perLevel[std::size_t(k)];
                mean = sum / area.firms;
            }
            area.level = std::clamp(int(std::floor(mean + 0.5 + 1e-9)), 1, levelCount);
            break;
        }
        }
    }
    return levels;
}

model::VectorLayer areaRiskLayer(const model::VectorLayer &units,
                                 const std::vector<AreaLevel> &levels,
                                 const style::Palette &palette, int levelCount)
{
    model::VectorLayer layer = units;
    layer.name = QStringLiteral("area_map");
    auto addField = [&](const QString &name, model::FieldType type) {
        QString unique = name;
        for (int n = 2; model::fieldIndex(layer.fields, unique) >= 0; ++n)
            unique = name % QStringLiteral("_%1").arg(n);
        layer.fields.append({unique, type, 0, 0});
    };
    addField(QStringLiteral("firms"), model::FieldType::Integer);
    addField(QStringLiteral("level"), model::FieldType::Integer);
    addField(QStringLiteral("level_name"), model::FieldType::String);
    addField(QStringLiteral("color"), model::FieldType::String);
    for (int k = 1; k <= levelCount; ++k)
        addField(QStringLiteral("n_l%1").arg(k), model::FieldType::Integer);
    for (int k = 1; k <= levelCount; ++k)
        addField(QStringLiteral("share_l%1").arg(k), model::FieldType::Real);
    for (std::size_t u = 0; u < layer.features.size(); ++u) {
        const AreaLevel area = u < levels.size() ? levels[u] : AreaLevel{};
        QVariantList &values = layer.features[u].attributes;
        values.append(area.firms);
        const style::PaletteClass *colour = palette.classForLevel(area.level);
        values.append(area.level > 0 ? QVariant(area.level) : QVariant());
        values.append(colour ? colour->name : QStringLiteral("无企业"));
        values.append(colour ? colour->color.name() : QVariant());
        for (int k = 1; k <= levelCount; ++k)
            values.append(area.perLevel.empty() ? 0 : area.perLevel[std::size_t(k)]);
        for (int k = 1; k <= levelCount; ++k) {
            values.append(
                area.firms > 0 ? double(area.perLevel[std::size_t(k)]) / double(area.firms) : 0.0);
        }
    }
    return layer;
}

} // namespace riskatlas::enterprise
