// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/zone_parts.h"

#include "core/feedback.h"
#include "core/geos/geometry_parts.h"
#include "core/geos/geos_context.h"
#include "core/geos/str_tree.h"

#include <QCryptographicHash>

#include <algorithm>

namespace riskatlas::hazard {

QString zoneKey(QStringList unitIds)
{
    unitIds.sort();
    unitIds.removeDuplicates();
    const QByteArray digest = QCryptographicHash::hash(unitIds.join(QLatin1Char('\n')).toUtf8(),
                                                       QCryptographicHash::Sha256);
    return QLatin1Char('Z') + QString::fromLatin1(digest.toHex().left(12));
}

std::vector<ZonePart> zoneParts(const model::VectorLayer &zoning, const model::VectorLayer &units,
                                const QStringList &unitIds, Feedback *feedback)
{
    geos::Context context;
    const int levelIndex = model::fieldIndex(zoning.fields, QStringLiteral("level"));
    std::vector<ZonePart> parts;
    std::vector<geos::GeometryPtr> polygons;
    for (const model::Feature &feature : zoning.features) {
        if (feature.wkb.isEmpty())
            continue;
        const geos::GeometryPtr geometry = geos::fromWkb(context, feature.wkb);
        std::vector<geos::GeometryPtr> pieces;
        geos::collectParts(context, geometry.get(), 2, pieces);
        for (geos::GeometryPtr &piece : pieces) {
            ZonePart part;
            part.level = feature.attributes.value(levelIndex).toInt();
            part.wkb = geos::toWkb(context, piece.get());
            GEOSArea_r(context.handle(), piece.get(), &part.area);
            parts.push_back(std::move(part));
            polygons.push_back(std::move(piece));
        }
    }
    geos::StrTree tree(context);
    for (size_t i = 0; i < polygons.size(); ++i)
        tree.insert(polygons[i].get(), i);
    tree.build();
    std::vector<geos::PreparedPtr> prepared(polygons.size());
    std::vector<size_t> candidates;
    for (size_t u = 0; u < units.features.size(); ++u) {
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(u) / double(units.features.size()));
        }
        const QByteArray &wkb = units.features[u].wkb;
        if (wkb.isEmpty())
            continue;
        const geos::GeometryPtr geometry = geos::fromWkb(context, wkb);
        std::vector<geos::GeometryPtr> pieces;
        geos::collectParts(context, geometry.get(), 2, pieces);
        for (const geos::GeometryPtr &piece : pieces) {
            // An interior point of the part: never on a zone border, so in exactly one zone.
            const geos::GeometryPtr point =
                geos::own(context, GEOSPointOnSurface_r(context.handle(), piece.get()));
            if (!point)
                continue;
            candidates.clear();
            tree.query(context, point.get(), candidates);
            for (const size_t c : candidates) {
                if (!prepared[c])
                    prepared[c] =
                        geos::PreparedPtr(GEOSPrepare_r(context.handle(), polygons[c].get()),
                                          geos::PreparedDeleter{context.handle()});
                if (prepared[c] && GEOSPreparedIntersects_r(context.handle(), prepared[c].get(),
                                                            point.get()) == 1) {
                    parts[c].units.push_back(u);
                    break;
                }
            }
        }
    }
    for (ZonePart &part : parts) {
        std::sort(part.units.begin(), part.units.end());
        part.units.erase(std::unique(part.units.begin(), part.units.end()), part.units.end());
        QStringList ids;
        for (const size_t u : part.units)
            ids.append(unitIds.value(qsizetype(u)));
        // A sliver holding no unit's interior point has nothing stable to be named by; its
        // geometry names it, so it at least differs from every other zone.
        part.key = part.units.empty()
                       ? QLatin1Char('Z') +
                             QString::fromLatin1(
                                 QCryptographicHash::hash(part.wkb, QCryptographicHash::Sha256)
                                     .toHex()
                                     .left(12))
                       : zoneKey(ids);
    }
    std::sort(parts.begin(), parts.end(), [](const ZonePart &a, const ZonePart &b) {
        if (a.level != b.level)
            return a.level < b.level;
        if (a.area != b.area)
            return a.area > b.area;
        return a.key < b.key;
    });
    return parts;
}

} // namespace riskatlas::hazard
