// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QStringList>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::project {

struct InputChecksum
{
    QString sha256;    ///< lowercase hex
    qint64 size = 0;   ///< bytes, all files together
    QStringList files; ///< the files hashed, absolute
};

/// The files a dataset path stands for: the file itself, and for a shapefile its .shx, .dbf,
/// .prj and .cpg beside it, since a change to any of them changes the layer. `path` is a file
/// path without a `|layername=` suffix.
QStringList datasetFiles(const QString &path);

/// SHA-256 of a dataset: of the file's bytes for a single file; for a shapefile set, of the
/// text "SUFFIX SHA256\n" for each part in the order shp shx dbf prj cpg (so that renaming the set
/// does not change it but editing any part does). Reads in 1 MiB blocks, checking `feedback` for
/// cancel. Throws InputError when the file does not exist or cannot be read.
InputChecksum checksumDataset(const QString &path, Feedback *feedback = nullptr);

} // namespace riskatlas::project
