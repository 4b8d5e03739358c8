// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/enterprise/enterprise_config.h"
#include "core/enterprise/enterprise_inventory.h"
#include "core/model/vector_layer.h"
#include "core/style/palette.h"

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::enterprise {

/// A sensitive site inside a firm's control line.
struct SiteInLine
{
    int firm = -1; ///< index into the inventory's firms
    QString kind;  ///< SensitiveSiteSource::kind
    QString name;  ///< the site's name field, or its fid
    qint64 fid = -1;
    double distance = 0; ///< metres from the firm to the site's nearest point
};

struct ControlLines
{
    /// One buffer polygon per firm with a distance (CGCS2000): 企业名称, 统一社会信用代码,
    /// 行业类别, level, level_name, color, distance_m, sites (count inside).
    model::VectorLayer lines;
    /// By firm (inventory order), then by distance, then kind and fid.
    std::vector<SiteInLine> sites;
    crs::Crs metricCrs; ///< where buffers and distances were computed
};

/// Buffers every firm of `inventory` whose sector and level have a distance in `rules` (in the
/// CGCS2000 Gauss-Krüger zone of the firms, 32 segments per quarter circle), and lists the
/// features of `sites` (already read; parallel to rules.sites, filtered here) lying within that
/// distance of the firm (GEOS distance ≤ the line's distance). Throws InputError for a site
/// layer without CRS or a missing filter/name field; CancelledError through `feedback`.
ControlLines buildControlLines(const Inventory &inventory, const ControlLineRules &rules,
                               const std::vector<model::VectorLayer> &sites,
                               const style::Palette &palette, Feedback *feedback = nullptr);

} // namespace riskatlas::enterprise
