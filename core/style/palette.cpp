// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/style/palette.h"

#include "core/error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <set>

namespace riskatlas::style {

namespace {

const char kResourcePrefix[] = ":/palettes/";

[[noreturn]] void fail(const QString &source, const QString &keyPath, const QString &message)
{
    ErrorLocation where;
    where.file = source;
    throw InputError(where, keyPath.isEmpty() ? message : keyPath + QStringLiteral(": ") + message);
}

QString requireString(const QJsonObject &object, const QString &key, const QString &source,
                      const QString &path, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (required)
            fail(source, path + key, QStringLiteral("missing"));
        return {};
    }
    if (!value.isString())
        fail(source, path + key, QStringLiteral("must be a string"));
    return value.toString();
}

} // namespace

QString Rgb::name() const
{
    QString text = QStringLiteral("#%1%2%3")
                       .arg(red, 2, 16, QLatin1Char('0'))
                       .arg(green, 2, 16, QLatin1Char('0'))
                       .arg(blue, 2, 16, QLatin1Char('0'));
    if (alpha != 255)
        text += QStringLiteral("%1").arg(alpha, 2, 16, QLatin1Char('0'));
    return text.toUpper();
}

std::optional<Rgb> Rgb::fromName(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^#([0-9A-Fa-f]{6})([0-9A-Fa-f]{2})?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const uint rgb = match.captured(1).toUInt(nullptr, 16);
    Rgb colour;
    colour.red = int((rgb >> 16) & 0xff);
    colour.green = int((rgb >> 8) & 0xff);
    colour.blue = int(rgb & 0xff);
    if (match.hasCaptured(2))
        colour.alpha = match.captured(2).toInt(nullptr, 16);
    return colour;
}

const PaletteClass *Palette::classForLevel(int level) const
{
    for (const PaletteClass &paletteClass : classes) {
        if (paletteClass.level == level)
            return &paletteClass;
    }
    return nullptr;
}

int Palette::minimumLevel() const
{
    if (classes.empty())
        return 0;
    return std::min_element(classes.begin(), classes.end(),
                            [](const auto &a, const auto &b) { return a.level < b.level; })
        ->level;
}

int Palette::maximumLevel() const
{
    if (classes.empty())
        return 0;
    return std::max_element(classes.begin(), classes.end(),
                            [](const auto &a, const auto &b) { return a.level < b.level; })
        ->level;
}

QStringList builtinPaletteIds()
{
    return {QStringLiteral("five_colour"), QStringLiteral("enterprise_four_colour"),
            QStringLiteral("enterprise_five_colour"), QStringLiteral("capacity"),
            QStringLiteral("prevention")};
}

Palette loadPalette(const QString &idOrPath)
{
    const bool builtin = builtinPaletteIds().contains(idOrPath);
    const QString path =
        builtin ? QLatin1String(kResourcePrefix) + idOrPath + QStringLiteral(".json") : idOrPath;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!builtin && !idOrPath.contains(QLatin1Char('/')) &&
            !idOrPath.endsWith(QStringLiteral(".json"))) {
            fail(idOrPath, {},
                 QStringLiteral("unknown palette; the bundled ones are %1, or give a JSON file")
                     .arg(builtinPaletteIds().join(QStringLiteral(", "))));
        }
        fail(idOrPath, {},
             QStringLiteral("cannot read the palette file: %1").arg(file.errorString()));
    }
    return parsePalette(file.readAll(), builtin ? idOrPath : path);
}

Palette parsePalette(const QByteArray &json, const QString &source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        fail(source, {},
             QStringLiteral("not valid JSON at byte %1: %2")
                 .arg(parseError.offset)
                 .arg(parseError.errorString()));
    if (!document.isObject())
        fail(source, {}, QStringLiteral("a palette must be a JSON object"));
    const QJsonObject root = document.object();
    static const QStringList known = {QStringLiteral("id"), QStringLiteral("title"),
                                      QStringLiteral("title_en"), QStringLiteral("classes")};
    for (const QString &key : root.keys()) {
        if (!known.contains(key))
            fail(source, key, QStringLiteral("unknown key"));
    }
    Palette palette;
    palette.id = requireString(root, QStringLiteral("id"), source, {}, false);
    palette.title = requireString(root, QStringLiteral("title"), source, {}, false);
    palette.titleEn = requireString(root, QStringLiteral("title_en"), source, {}, false);
    const QJsonValue classes = root.value(QStringLiteral("classes"));
    if (!classes.isArray() || classes.toArray().isEmpty())
        fail(source, QStringLiteral("classes"), QStringLiteral("must be a non-empty array"));
    std::set<int> levels;
    const QJsonArray array = classes.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("classes[%1].").arg(i);
        if (!array[i].isObject())
            fail(source, path.chopped(1), QStringLiteral("must be an object"));
        const QJsonObject object = array[i].toObject();
        static const QStringList classKeys = {QStringLiteral("level"), QStringLiteral("name"),
                                              QStringLiteral("name_en"), QStringLiteral("color")};
        for (const QString &key : object.keys()) {
            if (!classKeys.contains(key))
                fail(source, path + key, QStringLiteral("unknown key"));
        }
        const QJsonValue level = object.value(QStringLiteral("level"));
        if (!level.isDouble() || level.toDouble() != double(level.toInt()))
            fail(source, path + QStringLiteral("level"), QStringLiteral("must be an integer"));
        PaletteClass paletteClass;
        paletteClass.level = level.toInt();
        if (!levels.insert(paletteClass.level).second)
            fail(source, path + QStringLiteral("level"),
                 QStringLiteral("level %1 appears twice").arg(paletteClass.level));
        paletteClass.name = requireString(object, QStringLiteral("name"), source, path, true);
        paletteClass.nameEn = requireString(object, QStringLiteral("name_en"), source, path, false);
        const QString colour = requireString(object, QStringLiteral("color"), source, path, true);
        const std::optional<Rgb> rgb = Rgb::fromName(colour);
        if (!rgb)
            fail(source, path + QStringLiteral("color"),
                 QStringLiteral("\"%1\" is not a colour of the form #RRGGBB or #RRGGBBAA")
                     .arg(colour));
        paletteClass.color = *rgb;
        palette.classes.push_back(paletteClass);
    }
    return palette;
}

QByteArray paletteToJson(const Palette &palette)
{
    QJsonObject root;
    root.insert(QStringLiteral("id"), palette.id);
    root.insert(QStringLiteral("title"), palette.title);
    root.insert(QStringLiteral("title_en"), palette.titleEn);
    QJsonArray classes;
    for (const PaletteClass &paletteClass : palette.classes) {
        QJsonObject object;
        object.insert(QStringLiteral("level"), paletteClass.level);
        object.insert(QStringLiteral("name"), paletteClass.name);
        object.insert(QStringLiteral("name_en"), paletteClass.nameEn);
        object.insert(QStringLiteral("color"), paletteClass.color.name());
        classes.append(object);
    }
    root.insert(QStringLiteral("classes"), classes);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace riskatlas::style
