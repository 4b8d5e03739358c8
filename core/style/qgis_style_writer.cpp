// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/style/qgis_style_writer.h"

#include <QXmlStreamWriter>

#include <utility>
#include <vector>

namespace riskatlas::style {

namespace {

using Properties = std::vector<std::pair<QString, QString>>;

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

// QGIS 3.22 reads a symbol layer's properties from <prop k v> (older files) as well as from
// <Option type="Map">; the props alone are enough and keep the file short.
Properties symbolLayerProperties(const QgisSymbol &symbol, SymbolGeometry geometry,
                                 QString &layerClass)
{
    const QString outlineStyle =
        symbol.outlineWidthMm > 0 ? QStringLiteral("solid") : QStringLiteral("no");
    switch (geometry) {
    case SymbolGeometry::Polygon:
        layerClass = QStringLiteral("SimpleFill");
        return {{QStringLiteral("color"), qgisColor(symbol.fill)},
                {QStringLiteral("joinstyle"), QStringLiteral("bevel")},
                {QStringLiteral("outline_color"), qgisColor(symbol.outline)},
                {QStringLiteral("outline_style"), outlineStyle},
                {QStringLiteral("outline_width"), number(symbol.outlineWidthMm)},
                {QStringLiteral("outline_width_unit"), QStringLiteral("MM")},
                {QStringLiteral("style"), QStringLiteral("solid")}};
    case SymbolGeometry::Line:
        layerClass = QStringLiteral("SimpleLine");
        return {{QStringLiteral("capstyle"), QStringLiteral("square")},
                {QStringLiteral("joinstyle"), QStringLiteral("bevel")},
                {QStringLiteral("line_color"), qgisColor(symbol.fill)},
                {QStringLiteral("line_style"), QStringLiteral("solid")},
                {QStringLiteral("line_width"), number(symbol.lineWidthMm)},
                {QStringLiteral("line_width_unit"), QStringLiteral("MM")}};
    case SymbolGeometry::Point:
        layerClass = QStringLiteral("SimpleMarker");
        return {{QStringLiteral("color"), qgisColor(symbol.fill)},
                {QStringLiteral("name"), QStringLiteral("circle")},
                {QStringLiteral("outline_color"), qgisColor(symbol.outline)},
                {QStringLiteral("outline_style"), outlineStyle},
                {QStringLiteral("outline_width"), number(symbol.outlineWidthMm)},
                {QStringLiteral("outline_width_unit"), QStringLiteral("MM")},
                {QStringLiteral("scale_method"), QStringLiteral("diameter")},
                {QStringLiteral("size"), number(symbol.markerSizeMm)},
                {QStringLiteral("size_unit"), QStringLiteral("MM")}};
    }
    return {};
}

QString symbolType(SymbolGeometry geometry)
{
    switch (geometry) {
    case SymbolGeometry::Polygon:
        return QStringLiteral("fill");
    case SymbolGeometry::Line:
        return QStringLiteral("line");
    case SymbolGeometry::Point:
        return QStringLiteral("marker");
    }
    return {};
}

// QgsWkbTypes::GeometryType: 0 point, 1 line, 2 polygon.
int layerGeometryType(SymbolGeometry geometry)
{
    switch (geometry) {
    case SymbolGeometry::Point:
        return 0;
    case SymbolGeometry::Line:
        return 1;
    case SymbolGeometry::Polygon:
        return 2;
    }
    return 2;
}

void writeSymbol(QXmlStreamWriter &xml, const QString &name, const QgisSymbol &symbol,
                 SymbolGeometry geometry)
{
    xml.writeStartElement(QStringLiteral("symbol"));
    xml.writeAttribute(QStringLiteral("type"), symbolType(geometry));
    xml.writeAttribute(QStringLiteral("name"), name);
    xml.writeAttribute(QStringLiteral("alpha"), number(symbol.opacity));
    xml.writeAttribute(QStringLiteral("clip_to_extent"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("force_rhr"), QStringLiteral("0"));
    QString layerClass;
    const Properties properties = symbolLayerProperties(symbol, geometry, layerClass);
    xml.writeStartElement(QStringLiteral("layer"));
    xml.writeAttribute(QStringLiteral("class"), layerClass);
    xml.writeAttribute(QStringLiteral("enabled"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("locked"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("pass"), QStringLiteral("0"));
    for (const auto &[key, value] : properties) {
        xml.writeEmptyElement(QStringLiteral("prop"));
        xml.writeAttribute(QStringLiteral("k"), key);
        xml.writeAttribute(QStringLiteral("v"), value);
    }
    xml.writeEndElement(); // layer
    xml.writeEndElement(); // symbol
}

// The document around a renderer: <qgis> with the Symbology category, then the renderer
// written by `renderer`, then the layer's geometry type.
template<typename WriteRenderer>
QString document(SymbolGeometry geometry, WriteRenderer renderer)
{
    QString text;
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeDTD(QStringLiteral("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"));
    xml.writeStartElement(QStringLiteral("qgis"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("3.22.0"));
    xml.writeAttribute(QStringLiteral("styleCategories"), QStringLiteral("Symbology"));
    renderer(xml);
    xml.writeTextElement(QStringLiteral("blendMode"), QStringLiteral("0"));
    xml.writeTextElement(QStringLiteral("featureBlendMode"), QStringLiteral("0"));
    xml.writeTextElement(QStringLiteral("layerGeometryType"),
                         QString::number(layerGeometryType(geometry)));
    xml.writeEndElement(); // qgis
    xml.writeEndDocument();
    return text;
}

void startRenderer(QXmlStreamWriter &xml, const QString &type)
{
    xml.writeStartElement(QStringLiteral("renderer-v2"));
    xml.writeAttribute(QStringLiteral("type"), type);
    xml.writeAttribute(QStringLiteral("symbollevels"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("forceraster"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("enableorderby"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("referencescale"), QStringLiteral("-1"));
}

} // namespace

QString qgisColor(const Rgb &colour)
{
    return QStringLiteral("%1,%2,%3,%4")
        .arg(colour.red)
        .arg(colour.green)
        .arg(colour.blue)
        .arg(colour.alpha);
}

QString categorisedQml(const Palette &palette, const QString &field, SymbolGeometry geometry,
                       const QgisSymbol &base)
{
    return document(geometry, [&](QXmlStreamWriter &xml) {
        startRenderer(xml, QStringLiteral("categorizedSymbol"));
        xml.writeAttribute(QStringLiteral("attr"), field);
        xml.writeStartElement(QStringLiteral("categories"));
        for (std::size_t i = 0; i < palette.classes.size(); ++i) {
            const PaletteClass &c = palette.classes[i];
            xml.writeEmptyElement(QStringLiteral("category"));
            xml.writeAttribute(QStringLiteral("render"), QStringLiteral("true"));
            xml.writeAttribute(QStringLiteral("value"), QString::number(c.level));
            xml.writeAttribute(QStringLiteral("symbol"), QString::number(i));
            xml.writeAttribute(QStringLiteral("label"), c.name);
        }
        xml.writeEndElement(); // categories
        xml.writeStartElement(QStringLiteral("symbols"));
        for (std::size_t i = 0; i < palette.classes.size(); ++i) {
            QgisSymbol symbol = base;
            symbol.fill = palette.classes[i].color;
            writeSymbol(xml, QString::number(i), symbol, geometry);
        }
        xml.writeEndElement(); // symbols
        xml.writeEmptyElement(QStringLiteral("rotation"));
        xml.writeEmptyElement(QStringLiteral("sizescale"));
        xml.writeEndElement(); // renderer-v2
    });
}

QString singleSymbolQml(const QgisSymbol &symbol, SymbolGeometry geometry)
{
    return document(geometry, [&](QXmlStreamWriter &xml) {
        startRenderer(xml, QStringLiteral("singleSymbol"));
        xml.writeStartElement(QStringLiteral("symbols"));
        writeSymbol(xml, QStringLiteral("0"), symbol, geometry);
        xml.writeEndElement(); // symbols
        xml.writeEmptyElement(QStringLiteral("rotation"));
        xml.writeEmptyElement(QStringLiteral("sizescale"));
        xml.writeEndElement(); // renderer-v2
    });
}

} // namespace riskatlas::style
