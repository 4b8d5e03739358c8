// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace riskatlas::io {

/// What the headers of a shapefile set say against what is on disk. GDAL reads a short .shp
/// as empty geometries without failing, so this is checked before GDAL opens the set.
struct ShapefileIntegrity
{
    QString shpPath;
    QString shxPath; ///< empty when missing
    QString dbfPath; ///< empty when missing
    QString prjPath; ///< empty when missing
    QString cpgPath; ///< empty when missing

    qint64 shpRecordsComplete = -1; ///< records fully inside the .shp (per the .shx), -1 unknown
    qint64 shxRecords = -1;
    qint64 dbfRecords = -1;         ///< as the .dbf header declares
    qint64 dbfRecordsComplete = -1; ///< records fully present in the .dbf
    std::optional<quint8> dbfLanguageId;

    /// Fatal problems, each a sentence naming the file part ("the .shp is truncated: …").
    QStringList problems;

    bool isIntact() const { return problems.isEmpty(); }
    /// Features that can be read in full (the smaller of the complete counts).
    qint64 readableRecords() const;
};

/// Inspects `shpPath` and its sidecar files (found case-insensitively). Never throws for a
/// damaged set: the damage is described in `problems`. Throws InputError only when the
/// .shp itself cannot be opened or is not a shapefile.
ShapefileIntegrity checkShapefile(const QString &shpPath);

} // namespace riskatlas::io
