// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/risk_histogram.h"

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace riskatlas::desktop {

RiskHistogram::RiskHistogram(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->hide();
    chart()->setTitle(tr("Risk index: preview histogram"));
    setMinimumHeight(200);
}

void RiskHistogram::clear()
{
    chart()->removeAllSeries();
    for (QAbstractAxis *axis : chart()->axes())
        chart()->removeAxis(axis);
    m_counts.clear();
    m_drawnBreaks.clear();
}

void RiskHistogram::setData(const std::vector<double> &values, const std::vector<double> &breaks,
                            const QList<QColor> &colours, int binCount)
{
    clear();
    if (values.empty() || binCount < 1)
        return;
    const auto [minIt, maxIt] = std::minmax_element(values.begin(), values.end());
    const double minimum = *minIt;
    const double maximum = *maxIt;
    const double width = maximum > minimum ? (maximum - minimum) / binCount : 1.0;
    m_counts.assign(std::size_t(binCount), 0);
    for (const double value : values) {
        // The maximum belongs to the last bin, not to one past it.
        const int bin = std::min(binCount - 1, int(std::floor((value - minimum) / width)));
        ++m_counts[std::size_t(std::max(bin, 0))];
    }

    auto *upper = new QLineSeries;
    auto *lower = new QLineSeries;
    for (int i = 0; i < binCount; ++i) {
        const double left = minimum + i * width;
        upper->append(left, m_counts[i]);
        upper->append(left + width, m_counts[i]);
        lower->append(left, 0);
        lower->append(left + width, 0);
    }
    auto *bars = new QAreaSeries(upper, lower);
    bars->setName(tr("Units"));
    bars->setColor(QColor(120, 144, 156));
    bars->setBorderColor(QColor(55, 71, 79));
    chart()->addSeries(bars);

    const int top = std::max(1, *std::max_element(m_counts.begin(), m_counts.end()));
    auto *axisX = new QValueAxis;
    axisX->setRange(minimum, maximum > minimum ? maximum : minimum + 1);
    axisX->setTitleText(tr("risk index"));
    auto *axisY = new QValueAxis;
    // Whole units on the count axis: one tick per unit up to ten, else ten steps.
    const int step = (top + 9) / 10;
    const int axisTop = step * ((top + step - 1) / step);
    axisY->setRange(0, axisTop);
    axisY->setTickCount(axisTop / step + 1);
    axisY->setLabelFormat(QStringLiteral("%d"));
    axisY->setTitleText(tr("units"));
    chart()->addAxis(axisX, Qt::AlignBottom);
    chart()->addAxis(axisY, Qt::AlignLeft);
    bars->attachAxis(axisX);
    bars->attachAxis(axisY);

    for (std::size_t i = 0; i + 1 < breaks.size(); ++i) {
        auto *line = new QLineSeries;
        line->setName(tr("Break %1").arg(i + 1));
        line->append(breaks[i], 0);
        line->append(breaks[i], axisTop);
        QPen pen(colours.value(int(i), Qt::red));
        pen.setWidth(2);
        line->setPen(pen);
        chart()->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axisY);
        m_drawnBreaks.push_back(breaks[i]);
    }
}

} // namespace riskatlas::desktop
