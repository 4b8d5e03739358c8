// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

#include <optional>

namespace riskatlas::crs {

/// A geographic position in degrees, longitude first (GIS order).
struct LonLat
{
    double lon = 0;
    double lat = 0;
};

/// The obfuscated datums used by Chinese web maps. Their coordinates are not in any CRS PROJ
/// knows: they are WGS84 shifted by a published nonlinear formula of up to ~700 m.
enum class ChineseOffset {
    None,  ///< WGS84 or CGCS2000 (identical at map scale): no offset.
    Gcj02, ///< GCJ-02 "Mars coordinates": Amap/Gaode, Tencent, Google China.
    Bd09,  ///< BD-09: Baidu maps, GCJ-02 shifted once more.
};

/// Recognises the usual names for the three systems, case-insensitive and trimmed:
/// "WGS84", "WGS-84", "WGS 84", "CGCS2000", "EPSG:4326", "EPSG:4490", "4326", "4490", "GPS" and
/// the empty string give None; "GCJ-02", "GCJ02", "GCJ", "火星坐标", "高德", "腾讯", "国测局" give
/// Gcj02; "BD-09", "BD09", "BD", "百度" give Bd09. Anything else gives std::nullopt (never throws).
std::optional<ChineseOffset> parseChineseOffset(const QString &name);

/// "WGS84", "GCJ-02" or "BD-09".
QString chineseOffsetName(ChineseOffset offset);

/// Whether `p` lies in the rough box the GCJ-02 offset applies to: longitude 72.004–137.8347,
/// latitude 0.8293–55.8271, edges included. The box is coarse: it includes e.g. Seoul and Hanoi
/// and excludes Tokyo. Outside it GCJ-02 equals WGS84.
bool isInsideChinaOffsetArea(LonLat p);

// All conversions below take and return degrees. They are pure functions: thread-safe, never
// throw, allocate nothing. A non-finite input gives a non-finite output.

/// WGS84 → GCJ-02 by the public forward formula (Krasovsky ellipsoid constants). Points outside
/// isInsideChinaOffsetArea() are returned unchanged.
LonLat wgs84ToGcj02(LonLat wgs);

/// GCJ-02 → WGS84. There is no closed-form inverse: the forward formula is iterated until a step
/// changes the estimate by less than 1e-9° (at most 30 steps). Round trips through
/// wgs84ToGcj02() agree to far below a millimetre (see docs/crs.md). Points outside the area are
/// returned unchanged.
LonLat gcj02ToWgs84(LonLat gcj);

/// GCJ-02 → BD-09 by the public forward formula. Applied everywhere, as Baidu does, not only
/// inside the China box.
LonLat gcj02ToBd09(LonLat gcj);

/// BD-09 → GCJ-02, iterating gcj02ToBd09() like gcj02ToWgs84() does.
LonLat bd09ToGcj02(LonLat bd);

/// BD-09 → WGS84: bd09ToGcj02() then gcj02ToWgs84().
LonLat bd09ToWgs84(LonLat bd);

/// Removes the offset `from` applies: None returns `p` unchanged, Gcj02 and Bd09 go to WGS84,
/// which RiskAtlas takes as CGCS2000 (EPSG:4490).
LonLat toCgcs2000(LonLat p, ChineseOffset from);

} // namespace riskatlas::crs
