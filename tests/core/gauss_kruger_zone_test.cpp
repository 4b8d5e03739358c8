// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/crs/gauss_kruger_zone.h"
#include "core/error.h"
#include "support/test_support.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace riskatlas::crs;

namespace {

struct ZoneCase
{
    int centralMeridian;
    int epsg;      ///< "CGCS2000 / 3-degree Gauss-Kruger CM xxE"
    int zonedEpsg; ///< "CGCS2000 / 3-degree Gauss-Kruger zone NN"
};

// Recorded from PROJ 9.1.1's database (Debian 12 proj-bin) with
//   projinfo -q --single-line -o WKT2:2019 EPSG:<code>
// which names e.g. EPSG:4549 "CGCS2000 / 3-degree Gauss-Kruger CM 120E" (lon_0=120,
// x_0=500000) and EPSG:4528 "CGCS2000 / 3-degree Gauss-Kruger zone 40" (x_0=40500000).
constexpr ZoneCase kZones[] = {
    {75, 4534, 4513},  {78, 4535, 4514},  {87, 4538, 4517},  {90, 4539, 4518},
    {102, 4543, 4522}, {105, 4544, 4523}, {114, 4547, 4526}, {117, 4548, 4527},
    {120, 4549, 4528}, {123, 4550, 4529}, {126, 4551, 4530}, {135, 4554, 4533},
};

TEST(GaussKrugerZoneTest, RecordedEpsgCodes)
{
    for (const ZoneCase &zone : kZones) {
        SCOPED_TRACE(zone.centralMeridian);
        EXPECT_EQ(cgcs2000GaussKrugerEpsgForCentralMeridian(zone.centralMeridian), zone.epsg);
        EXPECT_EQ(cgcs2000GaussKrugerZonedEpsg(zone.centralMeridian), zone.zonedEpsg);
    }
}

TEST(GaussKrugerZoneTest, CentralMeridian)
{
    EXPECT_EQ(gaussKrugerCentralMeridian3(120.69), 120); // Yongjia
    EXPECT_EQ(gaussKrugerCentralMeridian3(121.4737), 120);
    EXPECT_EQ(gaussKrugerCentralMeridian3(121.6), 123);
    EXPECT_EQ(gaussKrugerCentralMeridian3(87.6168), 87); // Urumqi
    EXPECT_EQ(gaussKrugerCentralMeridian3(73.5), 75);
    EXPECT_EQ(gaussKrugerCentralMeridian3(76.5), 78);
    EXPECT_EQ(gaussKrugerCentralMeridian3(0.0), 0);
    EXPECT_EQ(gaussKrugerCentralMeridian3(-1.6), -3);
    EXPECT_EQ(gaussKrugerCentralMeridian3(180.0), 180);
    EXPECT_THROW(gaussKrugerCentralMeridian3(180.5), riskatlas::InputError);
    EXPECT_THROW(gaussKrugerCentralMeridian3(std::nan("")), riskatlas::InputError);
    EXPECT_THROW(gaussKrugerCentralMeridian3(std::numeric_limits<double>::infinity()),
                 riskatlas::InputError);
}

TEST(GaussKrugerZoneTest, ZoneForExtent)
{
    EXPECT_EQ(cgcs2000GaussKrugerEpsgForExtent(120.32, 121.07), 4549); // Yongjia county
    EXPECT_EQ(cgcs2000GaussKrugerEpsgForExtent(116.0, 117.5), 4548);   // Beijing
    EXPECT_EQ(cgcs2000GaussKrugerEpsgForExtent(87.0, 88.0), 4538);     // Urumqi
    EXPECT_EQ(cgcs2000GaussKrugerEpsgForExtent(126.2, 127.0), 4551);   // Harbin
    EXPECT_EQ(cgcs2000GaussKrugerEpsgForExtent(73.6, 73.6), 4534);     // westernmost Xinjiang
    EXPECT_EQ(cgcs2000GaussKrugerEpsgForExtent(134.7, 135.1), 4554);   // easternmost Heilongjiang
    // Straddling the 121.5°E zone edge: the centre decides.
    EXPECT_EQ(cgcs2000GaussKrugerEpsgForExtent(121.0, 121.9), 4549);
    EXPECT_EQ(cgcs2000GaussKrugerEpsgForExtent(121.2, 122.0), 4550);
}

QString messageOf(auto &&call)
{
    try {
        call();
    } catch (const riskatlas::InputError &error) {
        return error.message();
    }
    return {};
}

TEST(GaussKrugerZoneTest, OutsideChinaThrowsNamingTheLongitude)
{
    EXPECT_THROW(cgcs2000GaussKrugerEpsgForCentralMeridian(72), riskatlas::InputError);
    EXPECT_THROW(cgcs2000GaussKrugerEpsgForCentralMeridian(138), riskatlas::InputError);
    EXPECT_THROW(cgcs2000GaussKrugerEpsgForCentralMeridian(121), riskatlas::InputError);
    EXPECT_THROW(cgcs2000GaussKrugerZonedEpsg(72), riskatlas::InputError);
    EXPECT_THROW(cgcs2000GaussKrugerZonedEpsg(138), riskatlas::InputError);

    EXPECT_TRUE(messageOf([] {
                    cgcs2000GaussKrugerEpsgForCentralMeridian(138);
                }).contains(QStringLiteral("138")));
    EXPECT_TRUE(messageOf([] { cgcs2000GaussKrugerZonedEpsg(0); }).contains(QStringLiteral("0")));

    const QString tokyo = messageOf([] { cgcs2000GaussKrugerEpsgForExtent(139.5, 139.9); });
    EXPECT_TRUE(tokyo.contains(QStringLiteral("139.7"))) << tokyo.toStdString();
    EXPECT_THROW(cgcs2000GaussKrugerEpsgForExtent(-0.5, 0.5), riskatlas::InputError);
    EXPECT_THROW(cgcs2000GaussKrugerEpsgForExtent(121.0, 120.0), riskatlas::InputError);
    EXPECT_THROW(cgcs2000GaussKrugerEpsgForExtent(std::nan(""), 120.0), riskatlas::InputError);
}

struct ProjDefinition
{
    QString name;
    double centralMeridian = std::nan("");
    double falseEasting = std::nan("");
};

ProjDefinition projinfo(const QString &projinfoPath, int epsg)
{
    QProcess process;
    process.start(projinfoPath,
                  {QStringLiteral("-q"), QStringLiteral("--single-line"), QStringLiteral("-o"),
                   QStringLiteral("WKT2:2019"), QStringLiteral("EPSG:%1").arg(epsg)});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    const QString wkt = QString::fromUtf8(process.readAllStandardOutput());
    ProjDefinition definition;
    const QRegularExpression name(QStringLiteral(R"(^PROJCRS\["([^"]+)\")"));
    const QRegularExpression parameter(QStringLiteral(R"(PARAMETER\["([^"]+)\",([-0-9.eE]+))"));
    if (const auto match = name.match(wkt); match.hasMatch())
        definition.name = match.captured(1);
    for (auto it = parameter.globalMatch(wkt); it.hasNext();) {
        const auto match = it.next();
        if (match.captured(1) == QStringLiteral("Longitude of natural origin"))
            definition.centralMeridian = match.captured(2).toDouble();
        else if (match.captured(1) == QStringLiteral("False easting"))
            definition.falseEasting = match.captured(2).toDouble();
    }
    return definition;
}

// Every zone, through PROJ's own database: the name, the central meridian and the false
// easting of both series.
TEST(GaussKrugerZoneTest, EveryZoneMatchesProjDatabase)
{
    const QString projinfoPath = QStandardPaths::findExecutable(QStringLiteral("projinfo"));
    if (projinfoPath.isEmpty())
        GTEST_SKIP() << "projinfo (Debian package proj-bin) is not installed";
    for (int cm = 75; cm <= 135; cm += 3) {
        SCOPED_TRACE(cm);
        const ProjDefinition byMeridian =
            projinfo(projinfoPath, cgcs2000GaussKrugerEpsgForCentralMeridian(cm));
        EXPECT_EQ(byMeridian.name,
                  QStringLiteral("CGCS2000 / 3-degree Gauss-Kruger CM %1E").arg(cm));
        EXPECT_EQ(byMeridian.centralMeridian, cm);
        EXPECT_EQ(byMeridian.falseEasting, 500000.0);

        const int zone = cm / 3;
        const ProjDefinition byZone = projinfo(projinfoPath, cgcs2000GaussKrugerZonedEpsg(cm));
        EXPECT_EQ(byZone.name,
                  QStringLiteral("CGCS2000 / 3-degree Gauss-Kruger zone %1").arg(zone));
        EXPECT_EQ(byZone.centralMeridian, cm);
        EXPECT_EQ(byZone.falseEasting, zone * 1000000.0 + 500000.0);
    }
}

} // namespace
