// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QChartView>

#include <vector>

namespace riskatlas::desktop {

/// Histogram of the combined risk index of a preview run, with the class breaks drawn on it as
/// vertical lines in the palette's colours, so a planner sees where a method puts its breaks
/// before committing to it. Bins are equal-width over [minimum, maximum].
class RiskHistogram : public QChartView
{
    Q_OBJECT

public:
    explicit RiskHistogram(QWidget *parent = nullptr);

    /// Shows `values` in `binCount` bins and the upper class breaks `breaks` (the last one,
    /// the maximum, is not drawn). `colours` colour the breaks, lowest class first.
    void setData(const std::vector<double> &values, const std::vector<double> &breaks,
                 const QList<QColor> &colours, int binCount = 20);
    void clear();

    const std::vector<int> &binCounts() const { return m_counts; }
    /// The break positions drawn, ascending.
    const std::vector<double> &drawnBreaks() const { return m_drawnBreaks; }

private:
    std::vector<int> m_counts;
    std::vector<double> m_drawnBreaks;
};

} // namespace riskatlas::desktop
