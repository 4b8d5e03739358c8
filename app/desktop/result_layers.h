// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "desktop/layer_symbology.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace riskatlas::desktop {

/// What the app knows about one result layer a project run stores (core/project/project_run.h):
/// how to colour it, its role in the layer tree, and the field planner overrides are keyed by.
struct ResultLayerInfo
{
    QString name;      ///< the layer's name in the project ("risk_map")
    QString title;     ///< translated, shown in the layer tree
    QString paletteId; ///< level palette for its integer `level` field
    LayerRole role = LayerRole::None;
    /// The field whose value (as text) keys a PlannerOverride of this layer; empty when the
    /// layer's levels cannot be set by hand. risk_map: `unit_id`, as the run applies them.
    QString keyField;
    int drawOrder = 0; ///< higher is drawn later (on top)
    /// Shown when the project opens; the others start hidden so the risk map is readable.
    bool visible = false;
};

/// The result layer called `name`, nullopt for a layer the app does not know (it then opens
/// with the default symbology).
std::optional<ResultLayerInfo> resultLayerInfo(const QString &name);

/// `names` sorted bottom to top for drawing: zonings under units, enterprises on top; unknown
/// layers first, in their given order.
QStringList resultLayersInDrawOrder(const QStringList &names);

} // namespace riskatlas::desktop
