// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace riskatlas::style {

/// An sRGB colour with alpha; core has no QtGui, so no QColor here.
struct Rgb
{
    int red = 0;
    int green = 0;
    int blue = 0;
    int alpha = 255;

    /// "#RRGGBB", or "#RRGGBBAA" when not opaque.
    QString name() const;
    /// Parses "#RRGGBB" or "#RRGGBBAA"; nullopt for anything else.
    static std::optional<Rgb> fromName(const QString &text);

    bool operator==(const Rgb &) const = default;
};

/// One class of a level palette: the integer level the result layers carry, its Chinese and
/// English labels, and its colour.
struct PaletteClass
{
    int level = 0;
    QString name;   ///< zh_CN label, e.g. 高, 重大, 重点防治区
    QString nameEn; ///< English label
    Rgb color;

    bool operator==(const PaletteClass &) const = default;
};

/// The colours and labels of an ordinal classification (five-colour risk levels, enterprise
/// four colours, capacity levels, prevention zones). Plain value; read it from any thread.
/// Stored as JSON (resources/palettes/*.json, documented in docs/palettes.md):
/// `{"id", "title", "title_en", "classes": [{"level", "name", "name_en", "color"}]}`.
struct Palette
{
    QString id;
    QString title;
    QString titleEn;
    /// In the file's order (highest level first in the bundled palettes: legend order).
    std::vector<PaletteClass> classes;

    /// The class of `level`, or null when the palette has none.
    const PaletteClass *classForLevel(int level) const;
    /// Lowest and highest level present; {0, 0} when empty.
    int minimumLevel() const;
    int maximumLevel() const;
};

/// The palettes bundled in the program (resources/palettes/): "five_colour",
/// "enterprise_four_colour", "enterprise_five_colour", "capacity", "prevention".
QStringList builtinPaletteIds();

/// Loads `idOrPath`: a bundled palette's id, or the path of a JSON palette file the user made.
/// Throws InputError naming the file and the key path for unknown ids, unreadable files,
/// malformed JSON, wrong types, duplicate levels or colours that are not "#RRGGBB[AA]".
Palette loadPalette(const QString &idOrPath);

/// Parses a palette from JSON text; `source` names it in errors.
Palette parsePalette(const QByteArray &json, const QString &source);

/// The palette as JSON (the format loadPalette reads).
QByteArray paletteToJson(const Palette &palette);

} // namespace riskatlas::style
