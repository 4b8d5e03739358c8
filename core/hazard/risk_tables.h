// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/exposure_indicator.h"
#include "core/model/vector_layer.h"
#include "core/style/palette.h"

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::hazard {

/// Townships for the tables: polygons in the metric CRS and which fields name them.
struct TownshipLayer
{
    model::VectorLayer layer;
    QString idField;
    QString nameField;
};

/// A table (no geometry) of what lies in each township at each level of `levelled` (a polygon
/// layer with an integer field `level` 1…5, e.g. the risk zoning or a five-colour hazard map):
/// one row per township and level 5 (高) … 1 (低), township order as in the layer, then the
/// county total rows (`township_id` = "total", `township` = 合计). Columns: the
/// `leading` columns (same value on every row, e.g. the hazard type), `township_id`,
/// `township`, `level`, `level_name`, `area_km2`, then one column per exposure source (its
/// id): persons summed from a raster by cell centres, features counted or summed by their
/// point-on-surface, so that each counts once. Zero rows are kept, so that the table has the
/// same shape for every run. Computed on the intersection of `levelled` and the townships.
model::VectorLayer levelTable(const model::VectorLayer &levelled, const TownshipLayer &townships,
                              const std::vector<const ExposureSource *> &sources,
                              const style::Palette &palette,
                              const QList<QPair<model::Field, QVariant>> &leading, int threads,
                              Feedback *feedback);

/// Appends the rows of `more` to `table` (same fields).
void appendRows(model::VectorLayer &table, const model::VectorLayer &more);

} // namespace riskatlas::hazard
