// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

#include <optional>

namespace riskatlas::io {

/// A data source as users write it, QGIS-style: `PATH`, `PATH|layername=NAME` or
/// `PATH|layerid=N`.
struct DatasetPath
{
    QString path;
    QString layerName;
    std::optional<int> layerIndex;

    /// Throws InputError on an unknown `|key=value` part.
    static DatasetPath parse(const QString &text);
    /// Lower-case suffix after the last dot of path ("shp", "gpkg", "zip", …).
    QString suffix() const;
    /// Layer label for messages: the layer name, "#N", or the file's base name.
    QString displayLayer() const;
};

} // namespace riskatlas::io
