// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/style/palette.h"

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::style;

TEST(PaletteTest, BundledFiveColourHasTheDocumentedColours)
{
    const Palette palette = loadPalette(QStringLiteral("five_colour"));
    ASSERT_EQ(palette.classes.size(), 5u);
    EXPECT_EQ(palette.minimumLevel(), 1);
    EXPECT_EQ(palette.maximumLevel(), 5);
    EXPECT_EQ(palette.classForLevel(5)->name, QStringLiteral("高"));
    EXPECT_EQ(palette.classForLevel(5)->color, (Rgb{230, 0, 0, 255}));
    EXPECT_EQ(palette.classForLevel(1)->name, QStringLiteral("低"));
    EXPECT_EQ(palette.classForLevel(1)->color.name(), QStringLiteral("#38A800"));
    EXPECT_EQ(palette.classForLevel(6), nullptr);
}

TEST(PaletteTest, EveryBundledPaletteLoads)
{
    for (const QString &id : builtinPaletteIds()) {
        const Palette palette = loadPalette(id);
        EXPECT_EQ(palette.id, id);
        EXPECT_FALSE(palette.classes.empty()) << id.toStdString();
    }
    EXPECT_EQ(loadPalette(QStringLiteral("enterprise_four_colour")).classForLevel(4)->name,
              QStringLiteral("重大"));
}

TEST(PaletteTest, RoundTripsThroughJson)
{
    const Palette palette = loadPalette(QStringLiteral("prevention"));
    const Palette again = parsePalette(paletteToJson(palette), QStringLiteral("copy"));
    EXPECT_EQ(again.id, palette.id);
    EXPECT_EQ(again.classes, palette.classes);
}

TEST(PaletteTest, ColourNames)
{
    EXPECT_EQ(Rgb::fromName(QStringLiteral("#ff990080")), (Rgb{255, 153, 0, 128}));
    EXPECT_EQ((Rgb{255, 153, 0, 128}).name(), QStringLiteral("#FF990080"));
    EXPECT_FALSE(Rgb::fromName(QStringLiteral("red")));
    EXPECT_FALSE(Rgb::fromName(QStringLiteral("#12345")));
}

namespace {
QString errorOf(const char *json)
{
    try {
        parsePalette(QByteArray(json), QStringLiteral("user.json"));
    } catch (const InputError &error) {
        return error.formatted();
    }
    return {};
}
} // namespace

TEST(PaletteTest, BadPalettesNameTheKey)
{
    EXPECT_EQ(errorOf("[]"), QStringLiteral("user.json: a palette must be a JSON object"));
    EXPECT_EQ(errorOf(R"({"classes": []})"),
              QStringLiteral("user.json: classes: must be a non-empty array"));
    EXPECT_EQ(errorOf(R"({"classes": [{"level": 1, "name": "低", "color": "green"}]})"),
              QStringLiteral("user.json: classes[0].color: \"green\" is not a colour of the form "
                             "#RRGGBB or #RRGGBBAA"));
    EXPECT_EQ(errorOf(R"({"classes": [{"level": 1.5, "name": "低", "color": "#000000"}]})"),
              QStringLiteral("user.json: classes[0].level: must be an integer"));
    EXPECT_EQ(errorOf(R"({"classes": [{"level": 1, "name": "a", "color": "#000000"},
                                      {"level": 1, "name": "b", "color": "#000000"}]})"),
              QStringLiteral("user.json: classes[1].level: level 1 appears twice"));
    EXPECT_EQ(errorOf(R"({"colours": []})"), QStringLiteral("user.json: colours: unknown key"));
    EXPECT_EQ(errorOf(R"({"classes": [{"level": 1, "color": "#000000"}]})"),
              QStringLiteral("user.json: classes[0].name: missing"));
}

TEST(PaletteTest, UnknownIdIsAnInputError)
{
    EXPECT_THROW(loadPalette(QStringLiteral("rainbow")), InputError);
    EXPECT_THROW(loadPalette(QStringLiteral("/nonexistent/palette.json")), InputError);
}
