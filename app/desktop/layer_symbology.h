// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "render/layer_style.h"

#include <QIcon>
#include <QString>

#include <vector>

namespace riskatlas::model {
struct VectorLayer;
}

namespace riskatlas::desktop {

struct LayerDrawing;

/// What a layer is for in the risk workflow; the workflow panels offer layers by role.
enum class LayerRole {
    None,
    AssessmentUnit,
    Hazard,
    Exposure,
    CapacityResource,
    Enterprises,
    Boundary
};

/// All roles in menu order.
std::vector<LayerRole> layerRoles();
/// Translated name of `role`, e.g. "Hazard" / 致灾因子.
QString layerRoleName(LayerRole role);
/// Stable key for settings and project files ("hazard"); roleFromKey() of an unknown key is None.
QString layerRoleKey(LayerRole role);
LayerRole roleFromKey(const QString &key);

/// How the canvas draws one layer: one symbol for all features, or colours by an integer level
/// field through a level palette (core/style/palette.h: five_colour, prevention, …), and the
/// opacity of the whole layer.
struct LayerSymbology
{
    render::LayerStyle style; ///< single symbol; strokes and sizes for categories
    QString levelField;       ///< empty: single symbol
    QString paletteId;        ///< a bundled palette id or a palette file path
    double opacity = 1.0;     ///< 0–1, applied to the layer as a whole

    bool isCategorised() const { return !levelField.isEmpty() && !paletteId.isEmpty(); }
    bool operator==(const LayerSymbology &) const = default;
};

/// One drawing class of a layer: a style and the geometries (indices into
/// LayerDrawing::geometries) drawn with it, in drawing order.
struct SymbolClass
{
    render::LayerStyle style;
    std::vector<int> geometries;
};

/// Splits the layer's geometries into classes. Single symbol: one class. Categorised: one
/// class per palette level, in ascending level order (higher levels drawn on top), fill from
/// the palette, stroke a darker shade of it; features whose level is null or not in the
/// palette are drawn with `symbology.style`, first. Features a planner overrode (an integer
/// field `overridden` equal to 1, as runs and planner edits write it) get their own classes,
/// drawn last, with a heavy overriddenOutline() stroke. Throws InputError when the palette
/// cannot be loaded or the field does not exist.
std::vector<SymbolClass> classifyForDrawing(const model::VectorLayer &layer,
                                            const LayerDrawing &drawing,
                                            const LayerSymbology &symbology);

/// The outline colour of overridden features (see classifyForDrawing()).
QColor overriddenOutline();

/// The symbology a layer gets when it is opened: categorised with the five_colour palette
/// when it has an integer `level` field (the hazard and result layers), else
/// render::defaultLayerStyle(`index`).
LayerSymbology defaultSymbology(const model::VectorLayer &layer, int index);

/// A small legend picture of `symbology` for the layer tree: a filled square for a single
/// symbol, the palette's colours side by side (lowest level left) for levels. `size` in
/// device-independent pixels. An unloadable palette gives the single-symbol picture.
QIcon symbologyIcon(const LayerSymbology &symbology, int size = 16);

/// The names of the integer fields of `layer`, the candidates for a level field.
QStringList integerFields(const model::VectorLayer &layer);

} // namespace riskatlas::desktop
