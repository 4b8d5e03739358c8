// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/feature_style.h"

#include "core/error.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace riskatlas::render {

namespace {

QColor withOpacity(QColor colour, double opacity)
{
    if (colour.alpha() > 0 && opacity < 1.0)
        colour.setAlphaF(float(colour.alphaF() * std::clamp(opacity, 0.0, 1.0)));
    return colour;
}

QColor parseColour(const QJsonValue &value, const QString &file, const QString &where)
{
    const QString text = value.toString();
    if (text == QLatin1String("none"))
        return QColor(0, 0, 0, 0);
    const std::optional<style::Rgb> rgb = style::Rgb::fromName(text);
    if (!value.isString() || !rgb) {
        throw InputError({file}, QStringLiteral("%1: \"%2\" is not a colour; use \"#RRGGBB\", "
                                                "\"#RRGGBBAA\" or \"none\"")
                                     .arg(where, text));
    }
    return toQColor(*rgb);
}

double parseNumber(const QJsonObject &json, const QString &key, double fallback,
                   const QString &file, const QString &where)
{
    if (!json.contains(key))
        return fallback;
    const QJsonValue value = json.value(key);
    if (!value.isDouble() || value.toDouble() < 0) {
        throw InputError({file}, QStringLiteral("%1.%2 must be a number ≥ 0").arg(where, key));
    }
    return value.toDouble();
}

} // namespace

QString layerRoleName(LayerRole role)
{
    switch (role) {
    case LayerRole::Base:
        return QStringLiteral("base");
    case LayerRole::Zones:
        return QStringLiteral("zones");
    case LayerRole::Dense:
        return QStringLiteral("dense");
    case LayerRole::Points:
        return QStringLiteral("points");
    case LayerRole::Boundaries:
        return QStringLiteral("boundaries");
    }
    return {};
}

QColor toQColor(const style::Rgb &rgb)
{
    return QColor(rgb.red, rgb.green, rgb.blue, rgb.alpha);
}

LayerStyle FeatureStyle::styleFor(const QVariantList &attributes, int fieldIndex) const
{
    LayerStyle result = base;
    if (kind != Kind::Single && fieldIndex >= 0 && fieldIndex < attributes.size()) {
        const QVariant &value = attributes[fieldIndex];
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!value.isNull() && ok && std::isfinite(number)) {
            if (kind == Kind::Categorised) {
                const double rounded = std::round(number);
                if (rounded == number) {
                    if (const style::PaletteClass *cls = palette.classForLevel(int(rounded)))
                        result.fill = toQColor(cls->color);
                }
            } else {
                const auto it = std::lower_bound(breaks.begin(), breaks.end(), number);
                const std::size_t index =
                    it == breaks.end() ? breaks.size() - 1 : std::size_t(it - breaks.begin());
                if (index < std::size_t(rampColours.size()))
                    result.fill = rampColours[qsizetype(index)];
            }
        }
    }
    result.fill = withOpacity(result.fill, opacity);
    return result;
}

std::vector<LegendEntry> FeatureStyle::legend(const QString &title, const QList<int> &levelsUsed,
                                              bool isPoint, bool isLine) const
{
    std::vector<LegendEntry> entries;
    const QColor stroke = base.strokeWidth > 0 ? base.stroke : QColor(0, 0, 0, 0);
    switch (kind) {
    case Kind::Single:
        entries.push_back({withOpacity(base.fill, opacity), base.stroke, title, isPoint, isLine});
        break;
    case Kind::Categorised:
        for (const style::PaletteClass &cls : palette.classes) {
            if (!levelsUsed.isEmpty() && !levelsUsed.contains(cls.level))
                continue;
            entries.push_back(
                {withOpacity(toQColor(cls.color), opacity), stroke, cls.name, isPoint, isLine});
        }
        break;
    case Kind::Graduated:
        for (std::size_t i = 0; i < breaks.size(); ++i) {
            const QString lower =
                i == 0 ? QStringLiteral("≤")
                       : QString(QString::number(breaks[i - 1]) + QStringLiteral(" – "));
            entries.push_back({withOpacity(rampColours.value(qsizetype(i)), opacity), stroke,
                               lower + QString::number(breaks[i]), isPoint, isLine});
        }
        break;
    }
    return entries;
}

FeatureStyle parseFeatureStyle(const QJsonObject &json, const QString &file, const QString &where)
{
    FeatureStyle style;
    const QString type = json.value(QStringLiteral("type")).toString(QStringLiteral("single"));
    if (type == QLatin1String("single"))
        style.kind = FeatureStyle::Kind::Single;
    else if (type == QLatin1String("categorised") || type == QLatin1String("categorized"))
        style.kind = FeatureStyle::Kind::Categorised;
    else if (type == QLatin1String("graduated"))
        style.kind = FeatureStyle::Kind::Graduated;
    else
        throw InputError({file}, QStringLiteral("%1.type: \"%2\" is not single, categorised or "
                                                "graduated")
                                     .arg(where, type));

    if (json.contains(QStringLiteral("fill")))
        style.base.fill =
            parseColour(json.value(QStringLiteral("fill")), file, where + QStringLiteral(".fill"));
    if (json.contains(QStringLiteral("stroke")))
        style.base.stroke = parseColour(json.value(QStringLiteral("stroke")), file,
                                        where + QStringLiteral(".stroke"));
    style.base.strokeWidth =
        parseNumber(json, QStringLiteral("stroke_width"), style.base.strokeWidth, file, where);
    style.base.lineWidth =
        parseNumber(json, QStringLiteral("line_width"), style.base.lineWidth, file, where);
    style.base.pointSize =
        parseNumber(json, QStringLiteral("point_size"), style.base.pointSize, file, where);
    style.opacity = std::min(1.0, parseNumber(json, QStringLiteral("opacity"), 1.0, file, where));

    if (style.kind == FeatureStyle::Kind::Single)
        return style;
    style.field = json.value(QStringLiteral("field")).toString();
    if (style.field.isEmpty())
        throw InputError({file}, QStringLiteral("%1.field: a %2 style needs the field it "
                                                "classifies")
                                     .arg(where, type));
    if (style.kind == FeatureStyle::Kind::Categorised) {
        const QString palette = json.value(QStringLiteral("palette")).toString();
        if (palette.isEmpty())
            throw InputError({file}, QStringLiteral("%1.palette: a categorised style needs a "
                                                    "palette id (%2) or a palette file")
                                         .arg(where, style::builtinPaletteIds().join(u',')));
        style.palette = style::loadPalette(palette);
        return style;
    }
    const QJsonArray breaks = json.value(QStringLiteral("breaks")).toArray();
    const QJsonArray colours = json.value(QStringLiteral("colors")).toArray();
    if (breaks.isEmpty() || breaks.size() != colours.size())
        throw InputError({file}, QStringLiteral("%1: a graduated style needs \"breaks\" and as "
                                                "many \"colors\"")
                                     .arg(where));
    for (qsizetype i = 0; i < breaks.size(); ++i) {
        if (!breaks[i].isDouble() || (i > 0 && breaks[i].toDouble() <= breaks[i - 1].toDouble()))
            throw InputError({file}, QStringLiteral("%1.breaks[%2]: breaks must be ascending "
                                                    "numbers")
                                         .arg(where)
                                         .arg(i));
        style.breaks.push_back(breaks[i].toDouble());
        style.rampColours.append(
            parseColour(colours[i], file, where + QStringLiteral(".colors[%1]").arg(i)));
    }
    return style;
}

} // namespace riskatlas::render
