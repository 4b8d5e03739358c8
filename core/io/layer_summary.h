// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/io/layer_reader.h"

#include <QJsonObject>
#include <QString>

namespace riskatlas::io {

/// What `riskatlas-cli info` and the app's layer properties show about a layer: as JSON
/// (keys: path, layer, driver, crs{epsg,name,geographic}, features, geometry_type,
/// extent[minx,miny,maxx,maxy], fields[{name,type}], encoding{name,source},
/// validity{checked,invalid,repaired,dropped,entries[…]}, notes, file_repairs).
QJsonObject layerSummaryJson(const model::VectorLayer &layer, const ReadReport &report);

/// The same, as readable text lines.
QString layerSummaryText(const model::VectorLayer &layer, const ReadReport &report);

} // namespace riskatlas::io
