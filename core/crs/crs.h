// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

#include <optional>

namespace riskatlas::crs {

/// A coordinate reference system as a value: its WKT2 definition, plus the EPSG code and name
/// when PROJ can identify them. Cheap to copy; thread-safe (holds no PROJ/OGR handle).
/// Axis order is always the GIS order (longitude/easting first).
class Crs
{
public:
    Crs() = default;

    /// "EPSG:4490", "4490", a WKT string, a PROJ string, or a path to a .prj file.
    /// Throws InputError naming `userText` when PROJ cannot make sense of it.
    static Crs fromUserInput(const QString &userText);
    static Crs fromEpsg(int code);
    /// From WKT (1 or 2, e.g. a .prj); an empty string gives an invalid Crs.
    static Crs fromWkt(const QString &wkt);

    bool isValid() const { return !m_wkt.isEmpty(); }
    QString wkt() const { return m_wkt; }
    std::optional<int> epsg() const { return m_epsg; }
    QString name() const { return m_name; }
    bool isGeographic() const { return m_geographic; }
    /// "EPSG:4490" when known, else the name.
    QString authId() const;

    /// Same definition (compared by PROJ, ignoring metadata).
    bool isSameAs(const Crs &other) const;

    /// Internal: assembles a Crs already identified by PROJ.
    static Crs fromParts(QString wkt, QString name, std::optional<int> epsg, bool geographic);

private:
    QString m_wkt;
    QString m_name;
    std::optional<int> m_epsg;
    bool m_geographic = false;
};

/// CGCS2000 geographic (EPSG:4490). Treated as identical to WGS84 at map scale.
Crs cgcs2000();

} // namespace riskatlas::crs
