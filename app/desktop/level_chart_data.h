// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QColor>
#include <QList>
#include <QStringList>

#include <vector>

namespace riskatlas::desktop {

/// What the charts dock draws for one result: the share of each level, the levels per
/// township and (enterprises) the high-risk firms per sector. Levels are indexed 0 = level 1.
/// Read from the result files the run wrote, so the charts show what the tables say.
struct LevelChartData
{
    QString title;
    QStringList levelNames; ///< palette labels (zh_CN), [k−1] = level k
    QList<QColor> colours;  ///< palette colours, same order
    QString shareUnit;      ///< what levelTotals count: units or firms
    std::vector<double> levelTotals;
    QString groupUnit; ///< what perGroup holds: km² or firms
    QStringList groups;
    std::vector<std::vector<double>> perGroup; ///< [group][level − 1]
    QStringList sectors;
    std::vector<int> highRiskPerSector; ///< the two highest levels, per sector
    QString highRiskLabel;              ///< e.g. 重大+较大
};

/// From a five-colour run in `outDir`: units per level (risk_map's `level`) and the area per
/// level and township (tables/risk_by_township.csv, county total left out). Throws InputError
/// when the files cannot be read.
LevelChartData fiveColourChartData(const QString &outDir, const QString &paletteId);

/// From an enterprise run in `outDir`: firms per final level, per unit (`unit_name`; firms in
/// none under "—"), and the firms of the two highest levels per sector (`sectorField`, the
/// inventory's sector column; none when empty). Throws InputError when the files cannot be read.
LevelChartData enterpriseChartData(const QString &outDir, const QString &paletteId,
                                   const QString &sectorField);

} // namespace riskatlas::desktop
