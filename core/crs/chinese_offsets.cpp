// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/crs/chinese_offsets.h"

#include <QStringView>

#include <cmath>
#include <numbers>

namespace riskatlas::crs {

namespace {

using std::numbers::pi;

// The published GCJ-02 formula works on the Krasovsky 1940 ellipsoid.
constexpr double kKrasovskyA = 6378245.0;
constexpr double kKrasovskyE2 = 0.00669342162296594323;

constexpr double kBaiduFactor = pi * 3000.0 / 180.0;
constexpr double kBaiduShiftLon = 0.0065;
constexpr double kBaiduShiftLat = 0.006;

// Both inverses are fixed-point iterations x ← x − (f(x) − target). This converges because the
// offsets vary slowly: their derivative stays below 0.01 over the whole area, so each step gains
// at least two digits and the loop ends after at most five steps (measured on a 0.05° grid);
// the cap only guards against non-finite input.
constexpr double kStepTolerance = 1e-9;
constexpr int kMaxSteps = 30;

struct OffsetName
{
    QStringView name;
    ChineseOffset offset;
};

constexpr OffsetName kOffsetNames[] = {
    {u"WGS84", ChineseOffset::None},     {u"WGS-84", ChineseOffset::None},
    {u"WGS 84", ChineseOffset::None},    {u"CGCS2000", ChineseOffset::None},
    {u"EPSG:4326", ChineseOffset::None}, {u"EPSG:4490", ChineseOffset::None},
    {u"4326", ChineseOffset::None},      {u"4490", ChineseOffset::None},
    {u"GPS", ChineseOffset::None},       {u"", ChineseOffset::None},
    {u"GCJ-02", ChineseOffset::Gcj02},   {u"GCJ02", ChineseOffset::Gcj02},
    {u"GCJ", ChineseOffset::Gcj02},      {u"火星坐标", ChineseOffset::Gcj02},
    {u"高德", ChineseOffset::Gcj02},     {u"腾讯", ChineseOffset::Gcj02},
    {u"国测局", ChineseOffset::Gcj02},   {u"BD-09", ChineseOffset::Bd09},
    {u"BD09", ChineseOffset::Bd09},      {u"BD", ChineseOffset::Bd09},
    {u"百度", ChineseOffset::Bd09},
};

// The two trigonometric series of the formula, in metres, of the position relative to
// (105°E, 35°N). The first harmonic term is common to both.
double commonHarmonic(double x)
{
    return (20.0 * std::sin(6.0 * pi * x) + 20.0 * std::sin(2.0 * pi * x)) * 2.0 / 3.0;
}

double northShiftMetres(double x, double y)
{
    double shift =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    shift += commonHarmonic(x);
    shift += (20.0 * std::sin(pi * y) + 40.0 * std::sin(pi * y / 3.0)) * 2.0 / 3.0;
    shift += (160.0 * std::sin(pi * y / 12.0) + 320.0 * std::sin(pi * y / 30.0)) * 2.0 / 3.0;
    return shift;
}

double eastShiftMetres(double x, double y)
{
    double shift = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    shift += commonHarmonic(x);
    shift += (20.0 * std::sin(pi * x) + 40.0 * std::sin(pi * x / 3.0)) * 2.0 / 3.0;
    shift += (150.0 * std::sin(pi * x / 12.0) + 300.0 * std::sin(pi * x / 30.0)) * 2.0 / 3.0;
    return shift;
}

// The GCJ-02 formula without the area test: the shift in metres turned into degrees with the
// Krasovsky meridian (M) and prime-vertical (N) radii of curvature at the latitude.
LonLat applyGcj02Shift(LonLat wgs)
{
    const double x = wgs.lon - 105.0;
    const double y = wgs.lat - 35.0;
    const double phi = wgs.lat * pi / 180.0;
    const double sinPhi = std::sin(phi);
    const double w2 = 1.0 - kKrasovskyE2 * sinPhi * sinPhi;
    const double w = std::sqrt(w2);
    const double m = kKrasovskyA * (1.0 - kKrasovskyE2) / (w2 * w);
    const double n = kKrasovskyA / w;
    const double dLat = northShiftMetres(x, y) * 180.0 / (m * pi);
    const double dLon = eastShiftMetres(x, y) * 180.0 / (n * std::cos(phi) * pi);
    return {wgs.lon + dLon, wgs.lat + dLat};
}

template<typename Forward>
LonLat invertByIteration(LonLat target, LonLat estimate, Forward forward)
{
    for (int step = 0; step < kMaxSteps; ++step) {
        const LonLat image = forward(estimate);
        const double dLon = image.lon - target.lon;
        const double dLat = image.lat - target.lat;
        estimate.lon -= dLon;
        estimate.lat -= dLat;
        if (std::abs(dLon) < kStepTolerance && std::abs(dLat) < kStepTolerance)
            break;
    }
    return estimate;
}

bool isFinite(LonLat p)
{
    return std::isfinite(p.lon) && std::isfinite(p.lat);
}

} // namespace

std::optional<ChineseOffset> parseChineseOffset(const QString &name)
{
    const QString key = name.trimmed();
    for (const OffsetName &entry : kOffsetNames) {
        if (key.compare(entry.name, Qt::CaseInsensitive) == 0)
            return entry.offset;
    }
    return std::nullopt;
}

QString chineseOffsetName(ChineseOffset offset)
{
    switch (offset) {
    case ChineseOffset::None:
        return QStringLiteral("WGS84");
    case ChineseOffset::Gcj02:
        return QStringLiteral("GCJ-02");
    case ChineseOffset::Bd09:
        return QStringLiteral("BD-09");
    }
    return {};
}

bool isInsideChinaOffsetArea(LonLat p)
{
    return p.lon >= 72.004 && p.lon <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
}

LonLat wgs84ToGcj02(LonLat wgs)
{
    if (!isInsideChinaOffsetArea(wgs))
        return wgs;
    return applyGcj02Shift(wgs);
}

LonLat gcj02ToWgs84(LonLat gcj)
{
    if (!isInsideChinaOffsetArea(gcj))
        return gcj;
    // Iterate the shift itself, not wgs84ToGcj02(): near the edge of the box an estimate may
    // step outside it, and the area test there would make the iteration jump.
    return invertByIteration(gcj, gcj, applyGcj02Shift);
}

LonLat gcj02ToBd09(LonLat gcj)
{
    const double x = gcj.lon;
    const double y = gcj.lat;
    const double r = std::sqrt(x * x + y * y) + 0.00002 * std::sin(y * kBaiduFactor);
    const double theta = std::atan2(y, x) + 0.000003 * std::cos(x * kBaiduFactor);
    return {r * std::cos(theta) + kBaiduShiftLon, r * std::sin(theta) + kBaiduShiftLat};
}

LonLat bd09ToGcj02(LonLat bd)
{
    if (!isFinite(bd))
        return bd;
    return invertByIteration(bd, {bd.lon - kBaiduShiftLon, bd.lat - kBaiduShiftLat}, gcj02ToBd09);
}

LonLat bd09ToWgs84(LonLat bd)
{
    return gcj02ToWgs84(bd09ToGcj02(bd));
}

LonLat toCgcs2000(LonLat p, ChineseOffset from)
{
    switch (from) {
    case ChineseOffset::None:
        return p;
    case ChineseOffset::Gcj02:
        return gcj02ToWgs84(p);
    case ChineseOffset::Bd09:
        return bd09ToWgs84(p);
    }
    return p;
}

} // namespace riskatlas::crs
