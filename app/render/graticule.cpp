// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/graticule.h"

#include "core/crs/coordinate_transform.h"
#include "core/error.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace riskatlas::render {

namespace {

constexpr int EdgeSamples = 256;

// The longitudes (or latitudes) along the viewport edge from `from` to `to`, in degrees; empty
// when a point fails to transform.
std::vector<double> sampleEdge(const crs::CoordinateTransform &toGeographic,
                               const MapTransform &transform, const QPointF &from,
                               const QPointF &to, bool longitude)
{
    std::vector<double> values;
    values.reserve(EdgeSamples + 1);
    for (int i = 0; i <= EdgeSamples; ++i) {
        const QPointF device = from + (to - from) * (double(i) / EdgeSamples);
        const QPointF world = transform.toWorld(device);
        double x = world.x();
        double y = world.y();
        if (!toGeographic.transformPoint(x, y) || !std::isfinite(x) || !std::isfinite(y))
            return {};
        values.push_back(longitude ? x : y);
    }
    return values;
}

// Crossings of multiples of `step` degrees along an edge of `length` viewport units.
std::vector<GraticuleTick> crossings(const std::vector<double> &values, double length, double step)
{
    std::vector<GraticuleTick> ticks;
    for (std::size_t i = 0; i + 1 < values.size(); ++i) {
        const double a = values[i];
        const double b = values[i + 1];
        if (a == b)
            continue;
        const double low = std::min(a, b);
        const double high = std::max(a, b);
        // Multiples in [low, high), so that a line exactly on a sample is counted once.
        for (double k = std::ceil(low / step - 1e-9); k * step < high - 1e-12; ++k) {
            const double value = k * step;
            const double t = (value - a) / (b - a);
            ticks.push_back({length * (double(i) + t) / EdgeSamples, value});
        }
    }
    return ticks;
}

} // namespace

Graticule computeGraticule(const crs::Crs &mapCrs, const MapTransform &transform, int maxLines)
{
    if (!mapCrs.isValid() || !transform.isValid())
        return {};
    std::unique_ptr<crs::CoordinateTransform> toGeographic;
    try {
        toGeographic = std::make_unique<crs::CoordinateTransform>(mapCrs, crs::Crs::fromEpsg(4490));
    } catch (const Error &) {
        return {}; // no lon/lat for this CRS: the page keeps its projected ticks
    }
    return computeGraticule(*toGeographic, transform, maxLines);
}

Graticule computeGraticule(const crs::CoordinateTransform &toGeographic,
                           const MapTransform &transform, int maxLines)
{
    Graticule graticule;
    if (!transform.isValid())
        return graticule;
    const double w = transform.viewportSize().width();
    const double h = transform.viewportSize().height();
    const std::vector<double> top = sampleEdge(toGeographic, transform, {0, 0}, {w, 0}, true);
    const std::vector<double> bottom = sampleEdge(toGeographic, transform, {0, h}, {w, h}, true);
    const std::vector<double> left = sampleEdge(toGeographic, transform, {0, 0}, {0, h}, false);
    const std::vector<double> right = sampleEdge(toGeographic, transform, {w, 0}, {w, h}, false);
    if (top.empty() || bottom.empty() || left.empty() || right.empty())
        return graticule;
    auto span = [](const std::vector<double> &values) {
        const auto [low, high] = std::minmax_element(values.begin(), values.end());
        return *high - *low;
    };
    const double widest = std::max({span(top), span(bottom), span(left), span(right)});
    int step = 0;
    for (int minutes : {1, 2, 5, 10, 15, 20, 30, 60, 120, 300}) {
        step = minutes;
        if (widest * 60.0 / minutes <= maxLines)
            break;
    }
    const double degrees = step / 60.0;
    graticule.stepMinutes = step;
    graticule.top = crossings(top, w, degrees);
    graticule.bottom = crossings(bottom, w, degrees);
    graticule.left = crossings(left, h, degrees);
    graticule.right = crossings(right, h, degrees);
    return graticule;
}

QString formatDegreesMinutes(double degrees, bool longitude)
{
    const QChar hemisphere = longitude ? (degrees < 0 ? u'W' : u'E') : (degrees < 0 ? u'S' : u'N');
    const long long totalMinutes = std::llround(std::abs(degrees) * 60.0);
    return QStringLiteral("%1°%2′%3")
        .arg(totalMinutes / 60)
        .arg(totalMinutes % 60, 2, 10, QLatin1Char('0'))
        .arg(hemisphere);
}

} // namespace riskatlas::render
