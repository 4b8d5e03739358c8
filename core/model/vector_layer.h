// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"
#include "core/model/field.h"
#include "core/model/geometry_type.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <vector>

namespace riskatlas::model {

/// One feature: its id in the source, attribute values in field order (a null QVariant is a
/// null value; strings are already decoded to Unicode) and its geometry as 2D ISO WKB
/// (little-endian; empty means no geometry).
struct Feature
{
    qint64 fid = -1;
    QVariantList attributes;
    QByteArray wkb;
};

/// A vector layer held in memory, independent of any GDAL or GEOS handle so that it can be
/// passed between threads and outlive its source file. Not thread-safe for concurrent writes.
struct VectorLayer
{
    QString name;
    crs::Crs crs;
    GeometryType geometryType = GeometryType::Unknown;
    Fields fields;
    std::vector<Feature> features;

    /// Where it came from, for messages: the file path as the user gave it.
    QString sourcePath;
    /// The text encoding the attributes were decoded from ("UTF-8", "GBK", …), and how it was
    /// chosen ("cpg", "dbf language id", "detected", "user", "format").
    QString sourceEncoding;
    QString encodingSource;
    /// Every geometry was found valid by GEOS (set by the reader's check). Anything that
    /// changes coordinates (reprojection) clears it, since a transform can make a nearly
    /// degenerate ring self-intersect; analyses check again only when it is false.
    bool geometryValidated = false;
};

} // namespace riskatlas::model
