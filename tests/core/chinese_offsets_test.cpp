// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/crs/chinese_offsets.h"
#include "support/test_support.h"

#include <QFile>
#include <QStringList>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

using namespace riskatlas::crs;

namespace {

// Forward formulas are the same arithmetic as the reference package's; they agree to rounding.
constexpr double kForwardTolerance = 1e-7;
// The iterated inverses must return to the start far below anything visible on a map.
constexpr double kRoundTripLimitMetres = 0.5;

struct ReferenceRow
{
    QString name;
    LonLat wgs;
    LonLat gcj;
    LonLat bd;
    LonLat bdToWgs; // the reference package's own, approximate, inverse
};

// tests/data/crs/chinese_offsets_reference.csv, made by
// scripts/reference/chinese_offsets_reference.mjs with the npm package gcoord.
std::vector<ReferenceRow> loadReference()
{
    QFile file(riskatlas::test::testDataPath(QStringLiteral("crs/chinese_offsets_reference.csv")));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        ADD_FAILURE() << "cannot open " << file.fileName().toStdString();
        return {};
    }
    std::vector<ReferenceRow> rows;
    bool headerSeen = false;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (!headerSeen) {
            headerSeen = true;
            continue;
        }
        const QStringList cells = line.split(QLatin1Char(','));
        if (cells.size() != 9) {
            ADD_FAILURE() << "bad reference line: " << line.toStdString();
            continue;
        }
        double values[8];
        for (int i = 0; i < 8; ++i) {
            bool ok = false;
            values[i] = cells.at(i + 1).toDouble(&ok);
            EXPECT_TRUE(ok) << line.toStdString();
        }
        rows.push_back({cells.at(0),
                        {values[0], values[1]},
                        {values[2], values[3]},
                        {values[4], values[5]},
                        {values[6], values[7]}});
    }
    return rows;
}

// Haversine on the mean Earth sphere: accurate to well under a percent for these tiny
// distances, which is all a residual needs.
double distanceMetres(LonLat a, LonLat b)
{
    constexpr double kEarthRadius = 6371008.8;
    constexpr double kRad = std::numbers::pi / 180.0;
    const double sinHalfLat = std::sin((b.lat - a.lat) * kRad / 2.0);
    const double sinHalfLon = std::sin((b.lon - a.lon) * kRad / 2.0);
    const double h = sinHalfLat * sinHalfLat +
                     std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * sinHalfLon * sinHalfLon;
    return 2.0 * kEarthRadius * std::asin(std::sqrt(h));
}

void expectNear(LonLat actual, LonLat expected, double tolerance)
{
    EXPECT_NEAR(actual.lon, expected.lon, tolerance);
    EXPECT_NEAR(actual.lat, expected.lat, tolerance);
}

void expectSame(LonLat actual, LonLat expected)
{
    EXPECT_EQ(actual.lon, expected.lon);
    EXPECT_EQ(actual.lat, expected.lat);
}

TEST(ChineseOffsetsTest, ReferenceFileCoversChinaAndOutside)
{
    const std::vector<ReferenceRow> rows = loadReference();
    ASSERT_GE(rows.size(), 12u);
    const auto outside = std::count_if(rows.begin(), rows.end(), [](const ReferenceRow &row) {
        return !isInsideChinaOffsetArea(row.wgs);
    });
    EXPECT_GE(outside, 1);
    const auto yongjia = std::find_if(rows.begin(), rows.end(), [](const ReferenceRow &row) {
        return row.name == QStringLiteral("Yongjia");
    });
    EXPECT_NE(yongjia, rows.end());
}

TEST(ChineseOffsetsTest, ForwardConversionsMatchReference)
{
    double worst = 0;
    for (const ReferenceRow &row : loadReference()) {
        SCOPED_TRACE(row.name.toStdString());
        const LonLat gcj = wgs84ToGcj02(row.wgs);
        const LonLat bd = gcj02ToBd09(row.gcj);
        expectNear(gcj, row.gcj, kForwardTolerance);
        expectNear(bd, row.bd, kForwardTolerance);
        worst = std::max({worst, std::abs(gcj.lon - row.gcj.lon), std::abs(gcj.lat - row.gcj.lat),
                          std::abs(bd.lon - row.bd.lon), std::abs(bd.lat - row.bd.lat)});
    }
    std::printf("forward conversions: worst difference from the reference %.3g degrees\n", worst);
}

TEST(ChineseOffsetsTest, InversesReturnToStart)
{
    double worstGcj = 0;
    double worstBd = 0;
    double worstReferenceBd = 0;
    for (const ReferenceRow &row : loadReference()) {
        SCOPED_TRACE(row.name.toStdString());
        const double gcjResidual = distanceMetres(gcj02ToWgs84(wgs84ToGcj02(row.wgs)), row.wgs);
        const double bdResidual =
            distanceMetres(bd09ToWgs84(gcj02ToBd09(wgs84ToGcj02(row.wgs))), row.wgs);
        EXPECT_LT(gcjResidual, kRoundTripLimitMetres);
        EXPECT_LT(bdResidual, kRoundTripLimitMetres);
        // Inverting the reference's own BD-09 values lands on the reference's WGS84 start too.
        EXPECT_LT(distanceMetres(bd09ToWgs84(row.bd), row.wgs), kRoundTripLimitMetres);
        // The reference's inverse is approximate (its BD-09 step is a one-shot formula), so it
        // is only compared with ours to a metre.
        EXPECT_LT(distanceMetres(bd09ToWgs84(row.bd), row.bdToWgs), 1.0);
        worstGcj = std::max(worstGcj, gcjResidual);
        worstBd = std::max(worstBd, bdResidual);
        worstReferenceBd = std::max(worstReferenceBd, distanceMetres(row.bdToWgs, row.wgs));
    }
    std::printf("reference points: worst WGS84->GCJ-02->WGS84 residual %.3g m, "
                "WGS84->BD-09->WGS84 %.3g m (reference package's own BD-09 round trip %.3g m)\n",
                worstGcj, worstBd, worstReferenceBd);
    RecordProperty("worstGcjResidualMetres", std::to_string(worstGcj));
    RecordProperty("worstBdResidualMetres", std::to_string(worstBd));
}

// The whole offset area on a 0.25° grid: the iteration converges everywhere, also at the box's
// edges where the inverse may leave the box. For comparison, the one-shot "inverse" many
// libraries use (wgs ≈ 2·gcj − f(gcj)) is measured too.
TEST(ChineseOffsetsTest, InversesConvergeAcrossTheOffsetArea)
{
    double worstGcj = 0;
    double worstBd = 0;
    double worstOneShot = 0;
    for (double lat = 0.8293; lat <= 55.8271; lat += 0.25) {
        for (double lon = 72.004; lon <= 137.8347; lon += 0.25) {
            const LonLat wgs{lon, lat};
            const LonLat gcj = wgs84ToGcj02(wgs);
            worstGcj = std::max(worstGcj, distanceMetres(gcj02ToWgs84(gcj), wgs));
            worstBd = std::max(worstBd, distanceMetres(bd09ToGcj02(gcj02ToBd09(gcj)), gcj));
            const LonLat image = wgs84ToGcj02(gcj);
            const LonLat oneShot{2.0 * gcj.lon - image.lon, 2.0 * gcj.lat - image.lat};
            worstOneShot = std::max(worstOneShot, distanceMetres(oneShot, wgs));
        }
    }
    std::printf("0.25 degree grid over the offset area: worst GCJ-02 residual %.3g m, "
                "BD-09 -> GCJ-02 residual %.3g m (one-shot GCJ-02 inverse: %.3g m)\n",
                worstGcj, worstBd, worstOneShot);
    EXPECT_LT(worstGcj, 1e-3);
    EXPECT_LT(worstBd, 1e-3);
    EXPECT_GT(worstOneShot, 1.0); // the grid does reach where iterating matters
}

TEST(ChineseOffsetsTest, OffsetIsHundredsOfMetresInChina)
{
    const LonLat yongjia{120.6908, 28.1531};
    const double shift = distanceMetres(wgs84ToGcj02(yongjia), yongjia);
    EXPECT_GT(shift, 100.0);
    EXPECT_LT(shift, 1000.0);
}

TEST(ChineseOffsetsTest, OutsideChinaUnchanged)
{
    const LonLat points[] = {{139.6917, 35.6895}, {151.2093, -33.8688}, {-0.1276, 51.5072},
                             {72.0, 30.0},        {137.9, 40.0},        {100.0, 0.8},
                             {100.0, 55.83}};
    for (const LonLat p : points) {
        SCOPED_TRACE(testing::Message() << p.lon << ", " << p.lat);
        EXPECT_FALSE(isInsideChinaOffsetArea(p));
        expectSame(wgs84ToGcj02(p), p);
        expectSame(gcj02ToWgs84(p), p);
        // BD-09 is applied everywhere, but its GCJ-02 step is not: back to the start.
        EXPECT_LT(distanceMetres(bd09ToWgs84(gcj02ToBd09(p)), p), 1e-3);
    }
}

TEST(ChineseOffsetsTest, AreaEdgesAreInclusive)
{
    EXPECT_TRUE(isInsideChinaOffsetArea({72.004, 0.8293}));
    EXPECT_TRUE(isInsideChinaOffsetArea({137.8347, 55.8271}));
    EXPECT_FALSE(isInsideChinaOffsetArea({72.0039, 30.0}));
    EXPECT_FALSE(isInsideChinaOffsetArea({120.0, 55.8272}));
}

TEST(ChineseOffsetsTest, ToCgcs2000)
{
    const LonLat wgs{120.6908, 28.1531};
    const LonLat gcj = wgs84ToGcj02(wgs);
    const LonLat bd = gcj02ToBd09(gcj);
    expectSame(toCgcs2000(wgs, ChineseOffset::None), wgs);
    expectNear(toCgcs2000(gcj, ChineseOffset::Gcj02), wgs, 1e-10);
    expectNear(toCgcs2000(bd, ChineseOffset::Bd09), wgs, 1e-10);
}

TEST(ChineseOffsetsTest, NonFiniteStaysNonFinite)
{
    const double nan = std::nan("");
    EXPECT_TRUE(std::isnan(gcj02ToWgs84({nan, 30.0}).lon));
    EXPECT_TRUE(std::isnan(bd09ToGcj02({120.0, nan}).lat));
    EXPECT_TRUE(std::isnan(bd09ToWgs84({nan, nan}).lon));
}

struct ParseCase
{
    const char *text; // UTF-8
    std::optional<ChineseOffset> expected;
};

class ParseChineseOffsetTest : public testing::TestWithParam<ParseCase>
{
};

TEST_P(ParseChineseOffsetTest, Parses)
{
    const ParseCase &c = GetParam();
    EXPECT_EQ(parseChineseOffset(QString::fromUtf8(c.text)), c.expected) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Names, ParseChineseOffsetTest,
    testing::Values(
        ParseCase{"WGS84", ChineseOffset::None}, ParseCase{"wgs-84", ChineseOffset::None},
        ParseCase{"WGS 84", ChineseOffset::None}, ParseCase{"CGCS2000", ChineseOffset::None},
        ParseCase{"epsg:4326", ChineseOffset::None}, ParseCase{"EPSG:4490", ChineseOffset::None},
        ParseCase{"4326", ChineseOffset::None}, ParseCase{" 4490 ", ChineseOffset::None},
        ParseCase{"gps", ChineseOffset::None}, ParseCase{"", ChineseOffset::None},
        ParseCase{"   ", ChineseOffset::None}, ParseCase{"GCJ-02", ChineseOffset::Gcj02},
        ParseCase{"gcj02", ChineseOffset::Gcj02}, ParseCase{"Gcj", ChineseOffset::Gcj02},
        ParseCase{"火星坐标", ChineseOffset::Gcj02}, ParseCase{" 高德\t", ChineseOffset::Gcj02},
        ParseCase{"腾讯", ChineseOffset::Gcj02}, ParseCase{"国测局", ChineseOffset::Gcj02},
        ParseCase{"BD-09", ChineseOffset::Bd09}, ParseCase{"bd09", ChineseOffset::Bd09},
        ParseCase{"bd", ChineseOffset::Bd09}, ParseCase{"百度", ChineseOffset::Bd09},
        ParseCase{"GCJ-2", std::nullopt}, ParseCase{"BD-09MC", std::nullopt},
        ParseCase{"EPSG:3857", std::nullopt}, ParseCase{"WGS", std::nullopt},
        ParseCase{"百度墨卡托", std::nullopt}, ParseCase{"4549", std::nullopt}));

TEST(ChineseOffsetsTest, NamesRoundTrip)
{
    for (const ChineseOffset offset :
         {ChineseOffset::None, ChineseOffset::Gcj02, ChineseOffset::Bd09}) {
        EXPECT_EQ(parseChineseOffset(chineseOffsetName(offset)), offset);
    }
    EXPECT_EQ(chineseOffsetName(ChineseOffset::None), QStringLiteral("WGS84"));
    EXPECT_EQ(chineseOffsetName(ChineseOffset::Gcj02), QStringLiteral("GCJ-02"));
    EXPECT_EQ(chineseOffsetName(ChineseOffset::Bd09), QStringLiteral("BD-09"));
}

} // namespace
