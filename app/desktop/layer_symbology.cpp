// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/layer_symbology.h"

#include "core/error.h"
#include "core/model/vector_layer.h"
#include "core/style/palette.h"
#include "desktop/layer_drawing.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>
#include <QStringList>

#include <algorithm>
#include <map>

namespace riskatlas::desktop {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::desktop::LayerRole)
};

QColor toColour(const style::Rgb &rgb)
{
    return QColor(rgb.red, rgb.green, rgb.blue, rgb.alpha);
}

bool isInteger(model::FieldType type)
{
    return type == model::FieldType::Integer || type == model::FieldType::Integer64;
}

} // namespace

std::vector<LayerRole> layerRoles()
{
    return {LayerRole::None,     LayerRole::AssessmentUnit,   LayerRole::Hazard,
            LayerRole::Exposure, LayerRole::CapacityResource, LayerRole::Enterprises,
            LayerRole::Boundary};
}

QString layerRoleName(LayerRole role)
{
    switch (role) {
    case LayerRole::None:
        return Tr::tr("No role");
    case LayerRole::AssessmentUnit:
        return Tr::tr("Assessment unit");
    case LayerRole::Hazard:
        return Tr::tr("Hazard");
    case LayerRole::Exposure:
        return Tr::tr("Exposure");
    case LayerRole::CapacityResource:
        return Tr::tr("Capacity resource");
    case LayerRole::Enterprises:
        return Tr::tr("Enterprises");
    case LayerRole::Boundary:
        return Tr::tr("Boundary");
    }
    return {};
}

QString layerRoleKey(LayerRole role)
{
    switch (role) {
    case LayerRole::None:
        return QStringLiteral("none");
    case LayerRole::AssessmentUnit:
        return QStringLiteral("assessment_unit");
    case LayerRole::Hazard:
        return QStringLiteral("hazard");
    case LayerRole::Exposure:
        return QStringLiteral("exposure");
    case LayerRole::CapacityResource:
        return QStringLiteral("capacity_resource");
    case LayerRole::Enterprises:
        return QStringLiteral("enterprises");
    case LayerRole::Boundary:
        return QStringLiteral("boundary");
    }
    return {};
}

LayerRole roleFromKey(const QString &key)
{
    for (LayerRole role : layerRoles()) {
        if (layerRoleKey(role) == key)
            return role;
    }
    return LayerRole::None;
}

std::vector<SymbolClass> classifyForDrawing(const model::VectorLayer &layer,
                                            const LayerDrawing &drawing,
                                            const LayerSymbology &symbology)
{
    std::vector<SymbolClass> classes;
    if (!symbology.isCategorised()) {
        SymbolClass single{symbology.style, {}};
        single.geometries.resize(drawing.geometries.size());
        for (std::size_t i = 0; i < single.geometries.size(); ++i)
            single.geometries[i] = int(i);
        classes.push_back(std::move(single));
        return classes;
    }

    const int field = model::fieldIndex(layer.fields, symbology.levelField);
    if (field < 0) {
        throw InputError({layer.sourcePath, layer.name, std::nullopt, {}},
                         QStringLiteral("no field %1 to colour by").arg(symbology.levelField));
    }
    const style::Palette palette = style::loadPalette(symbology.paletteId);

    SymbolClass unclassified{symbology.style, {}};
    std::map<int, SymbolClass> byLevel;
    std::map<int, SymbolClass> overriddenByLevel;
    for (const style::PaletteClass &paletteClass : palette.classes) {
        render::LayerStyle style = symbology.style;
        style.fill = toColour(paletteClass.color);
        style.stroke = style.fill.darker(160);
        style.stroke.setAlpha(255);
        byLevel.emplace(paletteClass.level, SymbolClass{style, {}});
        style.stroke = overriddenOutline();
        style.strokeWidth = std::max(2.5, style.strokeWidth * 3.0);
        overriddenByLevel.emplace(paletteClass.level, SymbolClass{style, {}});
    }
    const int overriddenField = model::fieldIndex(layer.fields, QStringLiteral("overridden"));
    for (std::size_t i = 0; i < drawing.geometries.size(); ++i) {
        const QVariantList &attributes =
            layer.features[std::size_t(drawing.featureIndex[i])].attributes;
        const QVariant &value = attributes.value(field);
        bool ok = false;
        const int level = value.isNull() ? 0 : value.toInt(&ok);
        const bool overridden =
            overriddenField >= 0 && attributes.value(overriddenField).toInt() == 1;
        auto &classesOf = overridden ? overriddenByLevel : byLevel;
        const auto it = ok ? classesOf.find(level) : classesOf.end();
        (it == classesOf.end() ? unclassified : it->second).geometries.push_back(int(i));
    }
    if (!unclassified.geometries.empty())
        classes.push_back(std::move(unclassified));
    // Overridden features last, so their heavy outline is not covered by a neighbour's.
    for (auto *levels : {&byLevel, &overriddenByLevel}) {
        for (auto &[level, symbolClass] : *levels) {
            if (!symbolClass.geometries.empty())
                classes.push_back(std::move(symbolClass));
        }
    }
    return classes;
}

QColor overriddenOutline()
{
    return QColor(20, 20, 20);
}

LayerSymbology defaultSymbology(const model::VectorLayer &layer, int index)
{
    LayerSymbology symbology;
    symbology.style = render::defaultLayerStyle(index);
    const int field = model::fieldIndex(layer.fields, QStringLiteral("level"));
    if (field >= 0 && isInteger(layer.fields[field].type)) {
        symbology.levelField = QStringLiteral("level");
        symbology.paletteId = QStringLiteral("five_colour");
        symbology.style.stroke = QColor(90, 90, 90);
        symbology.style.strokeWidth = 0.5;
        symbology.opacity = 0.85;
    }
    return symbology;
}

QIcon symbologyIcon(const LayerSymbology &symbology, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const QRectF square(1.5, 1.5, size - 3.0, size - 3.0);
    std::vector<QColor> colours;
    if (symbology.isCategorised()) {
        try {
            const style::Palette palette = style::loadPalette(symbology.paletteId);
            for (auto it = palette.classes.rbegin(); it != palette.classes.rend(); ++it)
                colours.push_back(toColour(it->color));
        } catch (const std::exception &) {
            colours.clear();
        }
    }
    if (colours.empty())
        colours.push_back(symbology.style.fill);
    const double width = square.width() / double(colours.size());
    for (std::size_t i = 0; i < colours.size(); ++i) {
        QColor colour = colours[i];
        colour.setAlphaF(colour.alphaF() * float(symbology.opacity));
        painter.fillRect(
            QRectF(square.left() + width * double(i), square.top(), width, square.height()),
            colour);
    }
    painter.setPen(QPen(symbology.style.stroke, 1.0));
    painter.drawRect(square);
    return QIcon(pixmap);
}

QStringList integerFields(const model::VectorLayer &layer)
{
    QStringList names;
    for (const model::Field &field : layer.fields) {
        if (isInteger(field.type))
            names.append(field.name);
    }
    return names;
}

} // namespace riskatlas::desktop
