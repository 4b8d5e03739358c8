// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/level_charts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontDatabase>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QScrollArea>
#include <QValueAxis>

namespace riskatlas::desktop {

namespace {

QChartView *makeView(QWidget *parent)
{
    auto *view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->chart()->setFont(LevelCharts::chartFont());
    view->chart()->setTitleFont(LevelCharts::chartFont(11));
    view->chart()->legend()->setFont(LevelCharts::chartFont());
    return view;
}

void resetChart(QChart *chart, const QString &title)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(title);
}

void styleAxis(QAbstractAxis *axis)
{
    // Township and sector names are short; Qt would elide them to "…" on a narrow dock.
    axis->setTruncateLabels(false);
    axis->setLabelsFont(LevelCharts::chartFont(8));
    axis->setTitleFont(LevelCharts::chartFont());
}

} // namespace

LevelCharts::LevelCharts(QWidget *parent)
    : QTabWidget(parent)
    , m_share(makeView(this))
    , m_townships(makeView(this))
    , m_sectors(makeView(this))
{
    const auto scrolled = [this](QChartView *view) {
        auto *scroll = new QScrollArea(this);
        scroll->setWidgetResizable(true);
        scroll->setWidget(view);
        return scroll;
    };
    addTab(m_share, tr("Share by level"));
    addTab(scrolled(m_townships), tr("By township"));
    addTab(scrolled(m_sectors), tr("High-risk firms by sector"));
    m_share->chart()->setTitle(tr("Run a five-colour model or an enterprise job to see charts."));
}

QFont LevelCharts::chartFont(int pointSize)
{
    // The CJK family first, so 乡镇 and level names never fall back to boxes.
    static const QString family = [] {
        for (const QString &name :
             {QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Serif CJK SC")}) {
            if (QFontDatabase::hasFamily(name))
                return name;
        }
        return QString();
    }();
    QFont font;
    if (!family.isEmpty())
        font.setFamilies({family});
    font.setPointSize(pointSize);
    return font;
}

QChart *LevelCharts::shareChart() const
{
    return m_share->chart();
}

QChart *LevelCharts::townshipChart() const
{
    return m_townships->chart();
}

QChart *LevelCharts::sectorChart() const
{
    return m_sectors->chart();
}

void LevelCharts::showData(const LevelChartData &data)
{
    m_data = data;

    QChart *share = m_share->chart();
    resetChart(share, tr("%1: %2 per level").arg(data.title, data.shareUnit));
    auto *pie = new QPieSeries;
    double total = 0;
    for (const double value : data.levelTotals)
        total += value;
    // Highest level first, as the legends of the maps list them.
    for (int k = int(data.levelTotals.size()) - 1; k >= 0; --k) {
        const double value = data.levelTotals[std::size_t(k)];
        QPieSlice *slice = pie->append(QStringLiteral("%1 %2 (%3%)")
                                           .arg(data.levelNames.value(k))
                                           .arg(value)
                                           .arg(total > 0 ? 100.0 * value / total : 0.0, 0, 'f', 1),
                                       value);
        slice->setColor(data.colours.value(k));
        // The legend carries the labels: beside the slices they would be cut at the chart's edge.
        slice->setLabelVisible(false);
    }
    share->addSeries(pie);
    share->legend()->setAlignment(Qt::AlignRight);

    QChart *townships = m_townships->chart();
    resetChart(townships, tr("%1 per township and level (%2)").arg(data.title, data.groupUnit));
    auto *stacked = new QHorizontalStackedBarSeries;
    for (int k = 0; k < data.levelNames.size(); ++k) {
        auto *set = new QBarSet(data.levelNames.at(k));
        set->setColor(data.colours.value(k));
        for (const auto &group : data.perGroup)
            set->append(group[std::size_t(k)]);
        stacked->append(set);
    }
    townships->addSeries(stacked);
    // Every township gets a readable row; the dock scrolls when they do not fit.
    m_townships->setMinimumHeight(120 + 22 * int(data.groups.size()));
    auto *groupAxis = new QBarCategoryAxis;
    groupAxis->append(data.groups);
    auto *valueAxis = new QValueAxis;
    valueAxis->setTitleText(data.groupUnit);
    styleAxis(groupAxis);
    styleAxis(valueAxis);
    townships->addAxis(groupAxis, Qt::AlignLeft);
    townships->addAxis(valueAxis, Qt::AlignBottom);
    stacked->attachAxis(groupAxis);
    stacked->attachAxis(valueAxis);

    QChart *sectors = m_sectors->chart();
    if (data.sectors.isEmpty()) {
        resetChart(sectors, tr("No sector data for this result."));
        return;
    }
    resetChart(sectors, tr("%1 firms per sector").arg(data.highRiskLabel));
    auto *bars = new QHorizontalBarSeries;
    auto *set = new QBarSet(data.highRiskLabel);
    set->setColor(data.colours.value(int(data.colours.size()) - 1));
    for (const int count : data.highRiskPerSector)
        set->append(count);
    bars->append(set);
    sectors->addSeries(bars);
    m_sectors->setMinimumHeight(120 + 22 * int(data.sectors.size()));
    auto *sectorAxis = new QBarCategoryAxis;
    sectorAxis->append(data.sectors);
    auto *countAxis = new QValueAxis;
    countAxis->setLabelFormat(QStringLiteral("%d"));
    countAxis->setTitleText(tr("firms"));
    styleAxis(sectorAxis);
    styleAxis(countAxis);
    sectors->addAxis(sectorAxis, Qt::AlignLeft);
    sectors->addAxis(countAxis, Qt::AlignBottom);
    bars->attachAxis(sectorAxis);
    bars->attachAxis(countAxis);
}

} // namespace riskatlas::desktop
