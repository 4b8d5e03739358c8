// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/hazard/risk_model.h"

#include <QByteArray>
#include <QString>

namespace riskatlas::hazard {

/// Reads a five-colour risk model file (schema: docs/five-colour.md). Strict: an unknown key,
/// a missing required key, a wrong type or an impossible value is an InputError whose location
/// is the model file and whose message starts with the key path, e.g.
/// `hazards[1].scores."3": expected a number`. Relative paths in the model are resolved
/// against the model file's folder. Layers are not opened here.
RiskModel loadRiskModel(const QString &modelPath);

/// As loadRiskModel() on JSON text; `modelPath` names it in errors and anchors relative paths.
RiskModel parseRiskModel(const QByteArray &json, const QString &modelPath);

} // namespace riskatlas::hazard
