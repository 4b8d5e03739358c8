// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QJsonObject>
#include <QString>

namespace riskatlas::hazard {

/// Rewrites every input path of a five-colour model's JSON (docs/five-colour.md: units.source,
/// units.boundary, townships.source, hazards[].source, exposure[].source, vulnerability.source,
/// capacity.population, capacity.indicators[].source, and palettes.* that are files) so that a
/// model can be edited in one place and saved in another. A relative path is first resolved
/// against `fromDir`; the result is absolute when `toDir` is empty, else relative to `toDir`
/// (as the parser resolves it when the file is saved there). A `|layername=…` suffix is kept;
/// anything that is not a string is left alone (the parser reports it).
QJsonObject rebaseModelPaths(const QJsonObject &model, const QString &fromDir,
                             const QString &toDir);

} // namespace riskatlas::hazard
