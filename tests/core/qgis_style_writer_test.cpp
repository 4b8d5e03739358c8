// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
// The QML is read back with a plain XML reader, element by element, the way QGIS 3.22 reads a
// renderer: renderer-v2 type/attr, categories (value, symbol, label), symbols by name with
// their symbol layer's class and props.
#include "core/style/palette.h"
#include "core/style/qgis_style_writer.h"

#include <QMap>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using namespace riskatlas::style;

namespace {

struct ParsedSymbol
{
    QString type;
    QString layerClass;
    QMap<QString, QString> props;
};

struct ParsedStyle
{
    QString rendererType;
    QString attr;
    QString geometryType;
    QList<std::tuple<QString, QString, QString>> categories; // value, symbol, label
    QMap<QString, ParsedSymbol> symbols;
};

ParsedStyle parse(const QString &qml)
{
    ParsedStyle style;
    QXmlStreamReader xml(qml);
    QString currentSymbol;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto attributes = xml.attributes();
        const QStringView name = xml.name();
        if (name == u"renderer-v2") {
            style.rendererType = attributes.value(QLatin1String("type")).toString();
            style.attr = attributes.value(QLatin1String("attr")).toString();
        } else if (name == u"category") {
            style.categories.append({attributes.value(QLatin1String("value")).toString(),
                                     attributes.value(QLatin1String("symbol")).toString(),
                                     attributes.value(QLatin1String("label")).toString()});
        } else if (name == u"symbol") {
            currentSymbol = attributes.value(QLatin1String("name")).toString();
            style.symbols[currentSymbol].type = attributes.value(QLatin1String("type")).toString();
        } else if (name == u"layer") {
            style.symbols[currentSymbol].layerClass =
                attributes.value(QLatin1String("class")).toString();
        } else if (name == u"prop") {
            style.symbols[currentSymbol].props[attributes.value(QLatin1String("k")).toString()] =
                attributes.value(QLatin1String("v")).toString();
        } else if (name == u"layerGeometryType") {
            style.geometryType = xml.readElementText();
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return style;
}

} // namespace

TEST(QgisStyleWriterTest, FiveColourPolygonsAreCategorisedOnLevel)
{
    const Palette palette = loadPalette(QStringLiteral("five_colour"));
    QgisSymbol base;
    base.outline = {255, 255, 255};
    base.outlineWidthMm = 0.1;
    const ParsedStyle style =
        parse(categorisedQml(palette, QStringLiteral("level"), SymbolGeometry::Polygon, base));
    EXPECT_EQ(style.rendererType, QStringLiteral("categorizedSymbol"));
    EXPECT_EQ(style.attr, QStringLiteral("level"));
    EXPECT_EQ(style.geometryType, QStringLiteral("2"));
    // docs/palettes.md: 5 高 #E60000 … 1 低 #38A800, highest first.
    const QList<std::tuple<QString, QString, QString>> expected = {
        {QStringLiteral("5"), QStringLiteral("0"), QStringLiteral("高")},
        {QStringLiteral("4"), QStringLiteral("1"), QStringLiteral("较高")},
        {QStringLiteral("3"), QStringLiteral("2"), QStringLiteral("中")},
        {QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("较低")},
        {QStringLiteral("1"), QStringLiteral("4"), QStringLiteral("低")}};
    EXPECT_EQ(style.categories, expected);
    const QStringList colours = {QStringLiteral("230,0,0,255"), QStringLiteral("255,153,0,255"),
                                 QStringLiteral("255,235,0,255"), QStringLiteral("60,140,220,255"),
                                 QStringLiteral("56,168,0,255")};
    ASSERT_EQ(style.symbols.size(), 5);
    for (int i = 0; i < 5; ++i) {
        const ParsedSymbol &symbol = style.symbols[QString::number(i)];
        EXPECT_EQ(symbol.type, QStringLiteral("fill"));
        EXPECT_EQ(symbol.layerClass, QStringLiteral("SimpleFill"));
        EXPECT_EQ(symbol.props.value(QStringLiteral("color")), colours[i]);
        EXPECT_EQ(symbol.props.value(QStringLiteral("outline_color")),
                  QStringLiteral("255,255,255,255"));
        EXPECT_EQ(symbol.props.value(QStringLiteral("outline_width")), QStringLiteral("0.1"));
        EXPECT_EQ(symbol.props.value(QStringLiteral("style")), QStringLiteral("solid"));
    }
}

TEST(QgisStyleWriterTest, EnterprisePointsAreMarkers)
{
    const Palette palette = loadPalette(QStringLiteral("enterprise_four_colour"));
    QgisSymbol base;
    base.markerSizeMm = 2.4;
    const ParsedStyle style =
        parse(categorisedQml(palette, QStringLiteral("level"), SymbolGeometry::Point, base));
    EXPECT_EQ(style.geometryType, QStringLiteral("0"));
    ASSERT_EQ(style.categories.size(), 4);
    EXPECT_EQ(std::get<2>(style.categories[0]), QStringLiteral("重大"));
    EXPECT_EQ(std::get<2>(style.categories[3]), QStringLiteral("低"));
    const ParsedSymbol &major = style.symbols[QStringLiteral("0")];
    EXPECT_EQ(major.type, QStringLiteral("marker"));
    EXPECT_EQ(major.layerClass, QStringLiteral("SimpleMarker"));
    EXPECT_EQ(major.props.value(QStringLiteral("color")), QStringLiteral("230,0,0,255"));
    EXPECT_EQ(major.props.value(QStringLiteral("size")), QStringLiteral("2.4"));
    EXPECT_EQ(style.symbols[QStringLiteral("3")].props.value(QStringLiteral("color")),
              QStringLiteral("0,112,255,255"));
}

TEST(QgisStyleWriterTest, SingleSymbolAndEscaping)
{
    QgisSymbol symbol;
    symbol.fill = {255, 255, 255, 0};
    symbol.outline = {58, 58, 58};
    symbol.outlineWidthMm = 0;
    const ParsedStyle style = parse(singleSymbolQml(symbol, SymbolGeometry::Polygon));
    EXPECT_EQ(style.rendererType, QStringLiteral("singleSymbol"));
    ASSERT_EQ(style.symbols.size(), 1);
    const ParsedSymbol &only = style.symbols[QStringLiteral("0")];
    EXPECT_EQ(only.props.value(QStringLiteral("color")), QStringLiteral("255,255,255,0"));
    EXPECT_EQ(only.props.value(QStringLiteral("outline_style")), QStringLiteral("no"));

    // Labels with XML's special characters survive.
    Palette odd;
    odd.id = QStringLiteral("odd");
    odd.classes.push_back({1, QStringLiteral("<低> & \"甲\""), QStringLiteral("low"), {1, 2, 3}});
    const ParsedStyle escaped =
        parse(categorisedQml(odd, QStringLiteral("等级"), SymbolGeometry::Line));
    EXPECT_EQ(escaped.attr, QStringLiteral("等级"));
    ASSERT_EQ(escaped.categories.size(), 1);
    EXPECT_EQ(std::get<2>(escaped.categories[0]), QStringLiteral("<低> & \"甲\""));
    EXPECT_EQ(escaped.symbols[QStringLiteral("0")].props.value(QStringLiteral("line_color")),
              QStringLiteral("1,2,3,255"));
}
