// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// A large GeoPackage is read on several connections by fid range: the layer must be the one a
// single pass reads, feature for feature, whatever the thread count.
#include "core/crs/crs.h"
#include "core/geos/geos_context.h"
#include "core/io/layer_reader.h"
#include "core/io/layer_writer.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;

namespace {

model::VectorLayer pointLayer(int count)
{
    geos::Context context;
    model::VectorLayer layer;
    layer.name = QStringLiteral("房屋点");
    layer.crs = crs::Crs::fromEpsg(4549);
    layer.geometryType = model::GeometryType::Point;
    layer.fields = {{QStringLiteral("名称"), model::FieldType::String},
                    {QStringLiteral("floors"), model::FieldType::Integer},
                    {QStringLiteral("area"), model::FieldType::Real}};
    for (int i = 0; i < count; ++i) {
        model::Feature feature;
        feature.fid = i + 1;
        feature.attributes = {i % 11 == 0 ? QVariant() : QVariant(QStringLiteral("楼%1").arg(i)),
                              i % 7, 12.5 * i};
        if (i % 101 != 3) {
            const geos::GeometryPtr point =
                geos::own(context, GEOSGeom_createPointFromXY_r(context.handle(), 500000.0 + i,
                                                                3100000.0 + (i * 37 % 1000)));
            feature.wkb = geos::toWkb(context, point.get());
        }
        layer.features.push_back(std::move(feature));
    }
    return layer;
}

TEST(GpkgParallelRead, SameLayerWhateverTheThreadCount)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("房屋点.gpkg"));
    const model::VectorLayer written = pointLayer(45001);
    io::writeLayer(written, path);

    io::ReadOptions single;
    single.threads = 1;
    const model::VectorLayer one = io::readLayer(path, single);
    ASSERT_EQ(one.features.size(), written.features.size());
    for (const int threads : {2, 3, 8}) {
        io::ReadOptions options;
        options.threads = threads;
        const model::VectorLayer many = io::readLayer(path, options);
        ASSERT_EQ(many.features.size(), one.features.size()) << threads;
        for (std::size_t i = 0; i < one.features.size(); ++i) {
            ASSERT_EQ(many.features[i].fid, one.features[i].fid) << threads << " " << i;
            ASSERT_EQ(many.features[i].attributes, one.features[i].attributes) << i;
            ASSERT_EQ(many.features[i].wkb, one.features[i].wkb) << i;
        }
    }
    for (std::size_t i = 0; i < written.features.size(); ++i) {
        ASSERT_EQ(one.features[i].attributes, written.features[i].attributes) << i;
        ASSERT_EQ(one.features[i].wkb.isEmpty(), written.features[i].wkb.isEmpty()) << i;
    }
}

} // namespace
