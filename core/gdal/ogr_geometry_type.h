// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

// Include only from .cpp files: GDAL is a private dependency of riskatlas_core.

#include "core/model/geometry_type.h"

#include <ogr_core.h>

namespace riskatlas::gdal {

/// The model's type for an OGR type: Z/M dropped, curves taken as their linear types;
/// wkbNone → None, anything else unknown → Unknown.
model::GeometryType fromOgrGeometryType(OGRwkbGeometryType type);
/// The 2D OGR type for a model type (None → wkbNone, Unknown → wkbUnknown).
OGRwkbGeometryType toOgrGeometryType(model::GeometryType type);

} // namespace riskatlas::gdal
