// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/model/field.h"

#include <QList>
#include <QPair>
#include <QString>

namespace riskatlas::overlay {

/// The output schema of a two-layer overlay: A's fields, then B's.
struct OverlayFields
{
    model::Fields fields;
    /// B's fields that were renamed, as (name in B, name in the output).
    QList<QPair<QString, QString>> renamed;
};

/// Combines the fields of A and B as QGIS's processing tools do: A's fields unchanged, then
/// B's; a B field whose name clashes case-insensitively with a name already taken gets `_2`
/// (or `_3`, … up to the first free one). A suffixed name also avoids the names of B's later
/// fields, so that renaming `level` to `level_2` cannot clash with B's own `level_2`.
OverlayFields combineFields(const model::Fields &fieldsA, const model::Fields &fieldsB);

} // namespace riskatlas::overlay
