// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "desktop/level_chart_data.h"

#include <QTabWidget>

class QChart;
class QChartView;

namespace riskatlas::desktop {

/// The charts dock: a pie of the share of each level, stacked bars of the levels per township
/// and bars of the high-risk firms per sector, for the last five-colour or enterprise result
/// (Qt Charts, labels in the CJK font so Chinese township and level names render).
class LevelCharts : public QTabWidget
{
    Q_OBJECT

public:
    explicit LevelCharts(QWidget *parent = nullptr);

    void showData(const LevelChartData &data);
    const LevelChartData &data() const { return m_data; }
    QChart *shareChart() const;
    QChart *townshipChart() const;
    QChart *sectorChart() const;

    /// The font charts use: Noto Sans CJK SC where installed.
    static QFont chartFont(int pointSize = 9);

private:
    LevelChartData m_data;
    QChartView *m_share;
    QChartView *m_townships;
    QChartView *m_sectors;
};

} // namespace riskatlas::desktop
