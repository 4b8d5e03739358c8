// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "render/map_transform.h"

#include <QString>

#include <vector>

namespace riskatlas::crs {
class CoordinateTransform;
}

namespace riskatlas::crs {
class CoordinateTransform;
}

namespace riskatlas::render {

/// Where one meridian or parallel of a graticule meets an edge of the map frame.
struct GraticuleTick
{
    double position =
        0;              ///< viewport units from the frame's left (top, bottom) or top (left, right)
    double degrees = 0; ///< longitude (top, bottom) or latitude (left, right), CGCS2000
};

/// The geographic graticule of a map frame, as Chinese maps label it at the frame's edges:
/// meridians and parallels of CGCS2000 (EPSG:4490) every `stepMinutes` arc minutes.
struct Graticule
{
    int stepMinutes = 0; ///< 0: no graticule (no CRS, or the transformation failed)
    std::vector<GraticuleTick> top, bottom, left, right;
};

/// The graticule of the frame that `transform` shows of a map in `mapCrs` (projected or
/// geographic). The step is the smallest of 1′, 2′, 5′, 10′, 15′, 20′, 30′, 1°, 2°, 5° that puts
/// at most `maxLines` meridians (or parallels) across the frame. Each edge is followed in 256
/// steps and the crossings interpolated between them: in a Gauss-Krüger map meridians and
/// parallels are slightly curved and converge, so the ticks on opposite edges differ. Throws
/// nothing: a CRS that cannot be transformed gives an empty graticule.
Graticule computeGraticule(const crs::Crs &mapCrs, const MapTransform &transform, int maxLines = 5);

/// The same with a transformation from the map's CRS to CGCS2000 longitude and latitude
/// (EPSG:4490) made once for many frames (building one costs PROJ a few milliseconds).
Graticule computeGraticule(const crs::CoordinateTransform &toGeographic,
                           const MapTransform &transform, int maxLines = 5);

/// `degrees` as degrees and minutes with the hemisphere, as Chinese maps print them:
/// 120°40′E, 28°05′N, 0°30′W. Rounded to the nearest minute.
QString formatDegreesMinutes(double degrees, bool longitude);

} // namespace riskatlas::render
