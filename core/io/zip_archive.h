// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QStringList>

namespace riskatlas::io {

/// Limits that keep a hostile archive from filling the disk (a "zip bomb").
struct ZipLimits
{
    qint64 maxTotalBytes = qint64(8) * 1024 * 1024 * 1024; ///< all entries, uncompressed
    qint64 maxRatio = 1000;                                ///< per entry, uncompressed/compressed
    int maxEntries = 10000;
};

/// Extracts `zipPath` into the existing folder `targetDir`. Entry names that are absolute or
/// climb out of the folder (zip-slip), too many entries, or expansion beyond `limits` are
/// refused with an InputError naming the archive and the entry; entry names without the
/// UTF-8 flag are decoded as UTF-8 when valid, else as GBK (Windows archives).
/// Returns the extracted files' paths relative to targetDir.
QStringList extractZip(const QString &zipPath, const QString &targetDir,
                       const ZipLimits &limits = {});

/// Writes `files` (absolute paths) into a new archive `zipPath` under their file names, with
/// UTF-8 names. Throws ProcessingError on failure (the caller writes to a temporary path).
void createZip(const QString &zipPath, const QStringList &files);

/// Writes the files `relativePaths` of the folder `rootDir` into a new archive `zipPath`, each
/// under its relative path (folders kept, `/` separated, UTF-8 names). Throws ProcessingError
/// on failure (the caller writes to a temporary path).
void createZip(const QString &zipPath, const QString &rootDir, const QStringList &relativePaths);

} // namespace riskatlas::io
