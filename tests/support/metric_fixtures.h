// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/model/vector_layer.h"

#include <QString>
#include <QStringList>

namespace riskatlas::test {

/// Hand-worked geometry fixtures in EPSG:4549 (CGCS2000 / 3° Gauss-Krüger CM 120°E, metres):
/// coordinates are offsets in metres from this origin, so areas are exact and nothing is
/// reprojected.
constexpr double kMetricX = 500000;
constexpr double kMetricY = 3000000;

/// WKT of the rectangle [x0,x1]×[y0,y1] (offsets in metres from the origin).
QString box(double x0, double y0, double x1, double y1);

/// A polygon layer named `name` in EPSG:4549 with one feature per WKT (fids 1, 2, …), no fields.
model::VectorLayer polygons(const QStringList &wkts, const QString &name = QStringLiteral("units"));

} // namespace riskatlas::test
