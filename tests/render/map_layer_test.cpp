// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/map_layer.h"

#include "core/geos/geos_context.h"
#include "core/model/vector_layer.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::render;

namespace {

// Four zones of the five-colour palette: level 5 at the west, level 3 in the middle, level 1
// at the east, and a level-4 "Γ" above them whose box reaches over the middle zone but whose
// area stays at the top and the east edge.
model::VectorLayer zones()
{
    const geos::Context context;
    model::VectorLayer layer;
    layer.fields.append({QStringLiteral("level"), model::FieldType::Integer});
    auto add = [&](int level, const char *wkt) {
        const geos::GeometryPtr geometry = geos::fromWkt(context, QString::fromLatin1(wkt));
        layer.features.push_back(
            {qint64(layer.features.size()), {level}, geos::toWkb(context, geometry.get())});
    };
    add(5, "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))");
    add(3, "POLYGON((20 0, 30 0, 30 10, 20 10, 20 0))");
    add(1, "POLYGON((40 0, 50 0, 50 10, 40 10, 40 0))");
    add(4, "POLYGON((45 12, 50 12, 50 30, 0 30, 0 28, 45 28, 45 12))");
    return layer;
}

FeatureStyle fiveColour()
{
    return parseFeatureStyle(QJsonDocument::fromJson(R"({"type": "categorised", "field": "level",
                                    "palette": "five_colour"})")
                                 .object(),
                             QStringLiteral("test.json"), QStringLiteral("style"));
}

} // namespace

TEST(MapLayer, LevelsInAViewAreThoseOfTheFeaturesDrawnThere)
{
    const MapLayer layer = buildMapLayer(zones(), QStringLiteral("z"), QStringLiteral("Zones"),
                                         LayerRole::Zones, fiveColour(), QString(), 0, false);
    EXPECT_EQ(layer.levelsUsed, (QList<int>{1, 3, 4, 5}));
    // The whole layer.
    EXPECT_EQ(layer.levelsIn({-1, -1, 51, 31}), (QList<int>{1, 3, 4, 5}));
    // The middle zone only: the Γ's box reaches into the view, its area does not.
    EXPECT_EQ(layer.levelsIn({21, 1, 29, 25}), (QList<int>{3}));
    // The middle, the east zone and the Γ's leg.
    EXPECT_EQ(layer.levelsIn({21, 1, 47, 25}), (QList<int>{1, 3, 4}));
    // Nothing there.
    EXPECT_TRUE(layer.levelsIn({11, 11, 19, 19}).isEmpty());

    // The legend of a page keeps the palette's order (高 较高 中 较低 低) for what is there.
    const std::vector<LegendEntry> legend =
        layer.style.legend(layer.title, layer.levelsIn({21, 1, 47, 25}), false, false);
    ASSERT_EQ(legend.size(), 3u);
    EXPECT_EQ(legend[0].label, QStringLiteral("较高"));
    EXPECT_EQ(legend[1].label, QStringLiteral("中"));
    EXPECT_EQ(legend[2].label, QStringLiteral("低"));
}
