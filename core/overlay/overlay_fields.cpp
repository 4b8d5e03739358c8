// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/overlay_fields.h"

#include <QSet>

namespace riskatlas::overlay {

OverlayFields combineFields(const model::Fields &fieldsA, const model::Fields &fieldsB)
{
    OverlayFields result;
    result.fields = fieldsA;
    // Case-insensitive, because GeoPackage, Shapefile and most SQL back ends treat `Level` and
    // `level` as one column.
    QSet<QString> taken;
    for (const model::Field &field : fieldsA)
        taken.insert(field.name.toLower());
    QSet<QString> namesInB;
    for (const model::Field &field : fieldsB)
        namesInB.insert(field.name.toLower());

    for (const model::Field &field : fieldsB) {
        model::Field out = field;
        if (taken.contains(field.name.toLower())) {
            for (int suffix = 2;; ++suffix) {
                const QString candidate = field.name + QLatin1Char('_') + QString::number(suffix);
                const QString key = candidate.toLower();
                if (!taken.contains(key) && !namesInB.contains(key)) {
                    out.name = candidate;
                    break;
                }
            }
            result.renamed.append({field.name, out.name});
        }
        taken.insert(out.name.toLower());
        result.fields.append(out);
    }
    return result;
}

} // namespace riskatlas::overlay
