// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/coordinate_readout.h"

#include "core/crs/coordinate_transform.h"
#include "core/crs/metric_crs.h"
#include "render/map_transform.h"

#include <QCoreApplication>
#include <QLineF>
#include <QLocale>

#include <cmath>
#include <exception>

namespace riskatlas::desktop {

namespace {

constexpr double MetresPerInch = 0.0254;

} // namespace

CoordinateReadout::CoordinateReadout() = default;
CoordinateReadout::~CoordinateReadout() = default;

void CoordinateReadout::setMap(const crs::Crs &mapCrs,
                               const std::optional<geometry::Extent> &extent)
{
    m_mapCrs = mapCrs;
    m_metricCrs = crs::Crs();
    m_toGeographic.reset();
    m_toMetric.reset();
    if (!mapCrs.isValid())
        return;
    // A missing transform only leaves a readout out; it is never an error for the user.
    try {
        m_toGeographic = std::make_unique<crs::CoordinateTransform>(mapCrs, crs::cgcs2000());
    } catch (const std::exception &) {
        m_toGeographic.reset();
    }
    if (!extent)
        return;
    try {
        m_metricCrs =
            crs::metricCrsFor(mapCrs, extent->minX, extent->minY, extent->maxX, extent->maxY);
        m_toMetric = std::make_unique<crs::CoordinateTransform>(mapCrs, m_metricCrs);
    } catch (const std::exception &) {
        m_metricCrs = crs::Crs();
        m_toMetric.reset();
    }
}

std::optional<QPointF> CoordinateReadout::toGeographic(const QPointF &world) const
{
    if (!m_toGeographic)
        return std::nullopt;
    double x = world.x();
    double y = world.y();
    if (!m_toGeographic->transformPoint(x, y))
        return std::nullopt;
    return QPointF(x, y);
}

std::optional<QPointF> CoordinateReadout::toMetric(const QPointF &world) const
{
    if (!m_toMetric)
        return std::nullopt;
    double x = world.x();
    double y = world.y();
    if (!m_toMetric->transformPoint(x, y))
        return std::nullopt;
    return QPointF(x, y);
}

QString CoordinateReadout::pointerText(const QPointF &world) const
{
    QStringList parts;
    if (const auto geographic = toGeographic(world)) {
        parts << QCoreApplication::translate("riskatlas::desktop::CoordinateReadout", "%1°%2 %3°%4")
                     .arg(std::abs(geographic->x()), 0, 'f', 6)
                     .arg(geographic->x() >= 0 ? QCoreApplication::translate(
                                                     "riskatlas::desktop::CoordinateReadout", "E")
                                               : QCoreApplication::translate(
                                                     "riskatlas::desktop::CoordinateReadout", "W"))
                     .arg(std::abs(geographic->y()), 0, 'f', 6)
                     .arg(geographic->y() >= 0 ? QCoreApplication::translate(
                                                     "riskatlas::desktop::CoordinateReadout", "N")
                                               : QCoreApplication::translate(
                                                     "riskatlas::desktop::CoordinateReadout", "S"));
    }
    if (const auto metric = toMetric(world)) {
        parts << QCoreApplication::translate("riskatlas::desktop::CoordinateReadout",
                                             "X %1 m  Y %2 m (%3)")
                     .arg(metric->x(), 0, 'f', 1)
                     .arg(metric->y(), 0, 'f', 1)
                     .arg(m_metricCrs.authId());
    }
    if (parts.isEmpty()) {
        parts << QCoreApplication::translate("riskatlas::desktop::CoordinateReadout",
                                             "x %1  y %2 (no CRS)")
                     .arg(world.x(), 0, 'g', 10)
                     .arg(world.y(), 0, 'g', 10);
    }
    return parts.join(QStringLiteral("  ·  "));
}

std::optional<double> CoordinateReadout::scaleDenominator(const render::MapTransform &transform,
                                                          double dotsPerInch) const
{
    if (!m_toMetric || !transform.isValid() || dotsPerInch <= 0)
        return std::nullopt;
    const QSize viewport = transform.viewportSize();
    const double y = viewport.height() / 2.0;
    const double x0 = viewport.width() * 0.25;
    const double x1 = viewport.width() * 0.75;
    const auto a = toMetric(transform.toWorld(QPointF(x0, y)));
    const auto b = toMetric(transform.toWorld(QPointF(x1, y)));
    if (!a || !b)
        return std::nullopt;
    const double groundMetres = QLineF(*a, *b).length();
    const double screenMetres = (x1 - x0) / dotsPerInch * MetresPerInch;
    if (!(groundMetres > 0) || !std::isfinite(groundMetres))
        return std::nullopt;
    return groundMetres / screenMetres;
}

QString CoordinateReadout::scaleText(double denominator)
{
    if (!(denominator > 0) || !std::isfinite(denominator))
        return {};
    // Three significant digits: 1:25,300 rather than 1:25,312.77.
    const double magnitude = std::pow(10.0, std::floor(std::log10(denominator)) - 2);
    const double rounded = std::max(1.0, std::round(denominator / magnitude) * magnitude);
    return QStringLiteral("1:") + QLocale().toString(qlonglong(rounded));
}

} // namespace riskatlas::desktop
