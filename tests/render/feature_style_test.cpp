// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/feature_style.h"

#include "core/error.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::render;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

TEST(FeatureStyle, CategorisedByLevelTakesThePaletteColours)
{
    const FeatureStyle style = parseFeatureStyle(
        json(R"({"type": "categorised", "field": "level", "palette": "five_colour"})"),
        QStringLiteral("t.json"), QStringLiteral("style"));
    // docs/palettes.md: level 5 高 #E60000, level 1 低 #38A800.
    EXPECT_EQ(style.styleFor({QVariant(5)}, 0).fill, QColor(0xE6, 0x00, 0x00));
    EXPECT_EQ(style.styleFor({QVariant(1)}, 0).fill, QColor(0x38, 0xA8, 0x00));
    EXPECT_EQ(style.styleFor({QVariant(QStringLiteral("3"))}, 0).fill, QColor(0xFF, 0xEB, 0x00));
    // A level the palette lacks, a fraction and a null keep the base symbol.
    EXPECT_EQ(style.styleFor({QVariant(9)}, 0).fill, style.base.fill);
    EXPECT_EQ(style.styleFor({QVariant(2.5)}, 0).fill, style.base.fill);
    EXPECT_EQ(style.styleFor({QVariant()}, 0).fill, style.base.fill);
}

TEST(FeatureStyle, LegendListsTheLevelsUsedInPaletteOrder)
{
    const FeatureStyle style = parseFeatureStyle(
        json(R"({"type": "categorised", "field": "level", "palette": "five_colour"})"),
        QStringLiteral("t.json"), QStringLiteral("style"));
    const std::vector<LegendEntry> legend =
        style.legend(QStringLiteral("x"), {1, 4, 5}, false, false);
    ASSERT_EQ(legend.size(), 3u);
    EXPECT_EQ(legend[0].label, QStringLiteral("高"));
    EXPECT_EQ(legend[1].label, QStringLiteral("较高"));
    EXPECT_EQ(legend[2].label, QStringLiteral("低"));
    EXPECT_EQ(style.legend(QStringLiteral("x"), {}, false, false).size(), 5u);
}

TEST(FeatureStyle, GraduatedCutsAtUpperBounds)
{
    const FeatureStyle style =
        parseFeatureStyle(json(R"({"type": "graduated", "field": "v", "breaks": [10, 20, 30],
                 "colors": ["#000001", "#000002", "#000003"]})"),
                          QStringLiteral("t.json"), QStringLiteral("style"));
    EXPECT_EQ(style.styleFor({QVariant(-5)}, 0).fill, QColor(0, 0, 1));
    EXPECT_EQ(style.styleFor({QVariant(10)}, 0).fill, QColor(0, 0, 1)); // upper bound included
    EXPECT_EQ(style.styleFor({QVariant(10.5)}, 0).fill, QColor(0, 0, 2));
    EXPECT_EQ(style.styleFor({QVariant(99)}, 0).fill, QColor(0, 0, 3));
}

TEST(FeatureStyle, OpacityScalesTheFillAlpha)
{
    const FeatureStyle style = parseFeatureStyle(json(R"({"fill": "#102030", "opacity": 0.5})"),
                                                 QStringLiteral("t.json"), QStringLiteral("style"));
    EXPECT_NEAR(style.styleFor({}, -1).fill.alphaF(), 0.5, 0.01);
    EXPECT_EQ(style.styleFor({}, -1).fill.red(), 0x10);
}

TEST(FeatureStyle, BadStylesNameTheKey)
{
    auto message = [](const char *text) {
        try {
            parseFeatureStyle(json(text), QStringLiteral("atlas.json"),
                              QStringLiteral("layers[1].style"));
        } catch (const InputError &error) {
            return error.formatted();
        }
        return QString();
    };
    EXPECT_TRUE(message(R"({"type": "pie"})").contains(QStringLiteral("layers[1].style.type")));
    EXPECT_TRUE(message(R"({"type": "categorised", "palette": "five_colour"})")
                    .contains(QStringLiteral("layers[1].style.field")));
    EXPECT_TRUE(message(R"({"type": "categorised", "field": "level", "palette": "nope"})")
                    .contains(QStringLiteral("nope")));
    EXPECT_TRUE(message(R"({"fill": "red"})").contains(QStringLiteral("layers[1].style.fill")));
    EXPECT_TRUE(message(R"({"type": "graduated", "field": "v", "breaks": [2, 1],
                            "colors": ["#000000", "#000000"]})")
                    .contains(QStringLiteral("ascending")));
}
