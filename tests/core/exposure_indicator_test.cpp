// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/exposure_indicator.h"

#include "core/error.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_writer.h"

#include "support/test_support.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas;
using namespace riskatlas::hazard;

namespace {

// Two 1 km units in EPSG:4549: U1 = [0,1000]×[0,1000], U2 = [1000,2000]×[0,1000]. Lines:
//   L1 (−500,500)–(1500,500):               U1 1000 m, U2 500 m
//   L2 (0,0)–(1000,1000), corner to corner:  U1 1000·√2 m; it touches U2 only at (1000,1000)
//   L3 two parts (1200,200)–(1200,800) and (1500,100)–(2500,100): U2 600 + 500 m
//   L4 (3000,0)–(3000,900): outside both
// → U1 = 1 + √2 km = 2.414213562 km, U2 = 1.6 km.
constexpr double kX = 500000;
constexpr double kY = 3000000;

QString xy(double x, double y)
{
    return QStringLiteral("%1 %2").arg(kX + x, 0, 'f', 3).arg(kY + y, 0, 'f', 3);
}

model::VectorLayer layerOf(model::GeometryType type, const QStringList &wkts)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = QStringLiteral("layer");
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = type;
    layer.fields = {{QStringLiteral("name"), model::FieldType::String}};
    for (qsizetype i = 0; i < wkts.size(); ++i) {
        const geos::GeometryPtr geometry = geos::fromWkt(context, wkts[i]);
        layer.features.push_back(
            {i + 1, {QStringLiteral("路%1").arg(i + 1)}, geos::toWkb(context, geometry.get())});
    }
    return layer;
}

model::VectorLayer units()
{
    auto box = [](double x0, double x1) {
        return QStringLiteral("POLYGON((%1,%2,%3,%4,%1))")
            .arg(xy(x0, 0), xy(x1, 0), xy(x1, 1000), xy(x0, 1000));
    };
    return layerOf(model::GeometryType::Polygon, {box(0, 1000), box(1000, 2000)});
}

ExposureSpec roads(const QString &source)
{
    ExposureSpec spec;
    spec.id = QStringLiteral("roads");
    spec.name = QStringLiteral("道路");
    spec.source = source;
    spec.kind = ExposureKind::Length;
    return spec;
}

TEST(ExposureIndicator, RoadLengthPerUnitInKilometres)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("道路 roads.gpkg"));
    io::writeLayer(
        layerOf(model::GeometryType::MultiLineString,
                {QStringLiteral("MULTILINESTRING((%1,%2))").arg(xy(-500, 500), xy(1500, 500)),
                 QStringLiteral("MULTILINESTRING((%1,%2))").arg(xy(0, 0), xy(1000, 1000)),
                 QStringLiteral("MULTILINESTRING((%1,%2),(%3,%4))")
                     .arg(xy(1200, 200), xy(1200, 800), xy(1500, 100), xy(2500, 100)),
                 QStringLiteral("MULTILINESTRING((%1,%2))").arg(xy(3000, 0), xy(3000, 900))}),
        path);
    const ExposureSource source(roads(path), 0, crs::Crs::fromEpsg(4549), 1, nullptr);
    for (int threads : {1, 2}) {
        const std::vector<double> km = source.totals(units(), true, threads, nullptr);
        ASSERT_EQ(km.size(), 2u);
        EXPECT_NEAR(km[0], 1.0 + std::sqrt(2.0), 1e-9);
        EXPECT_NEAR(km[1], 1.6, 1e-9);
    }
}

TEST(ExposureIndicator, LengthNeedsLines)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("areas.gpkg"));
    io::writeLayer(units(), path);
    try {
        const ExposureSource source(roads(path), 3, crs::Crs::fromEpsg(4549), 1, nullptr);
        ADD_FAILURE() << "polygons accepted as roads";
    } catch (const InputError &error) {
        EXPECT_TRUE(error.formatted().contains(QStringLiteral("exposure[3]")))
            << error.formatted().toStdString();
        EXPECT_TRUE(error.formatted().contains(QStringLiteral("areas.gpkg")))
            << error.formatted().toStdString();
    }
}

} // namespace
