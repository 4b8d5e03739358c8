// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/zip_archive.h"

#include "core/error.h"
#include "core/io/text_encoding.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QPair>

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>
#include <quazip/quazipnewinfo.h>

namespace riskatlas::io {

namespace {

constexpr quint16 kUtf8NameFlag = 0x0800;

QString entryName(const QuaZipFileInfo64 &info)
{
    if (info.flags & kUtf8NameFlag)
        return info.name;
    // Decoded as Latin-1 (set below), so toLatin1 gives the stored bytes back.
    const QByteArray raw = info.name.toLatin1();
    const EncodingGuess guess = detectEncoding({raw});
    if (!guess.encoding.isEmpty()) {
        if (const auto decoded = decodeStrict(raw, guess.encoding))
            return *decoded;
    }
    return info.name;
}

bool escapesFolder(const QString &name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.startsWith(QLatin1Char('\\')) ||
        (name.size() > 1 && name[1] == QLatin1Char(':')))
        return true;
    const QString cleaned =
        QDir::cleanPath(QString(name).replace(QLatin1Char('\\'), QLatin1Char('/')));
    return cleaned == QLatin1String("..") || cleaned.startsWith(QLatin1String("../"));
}

} // namespace

QStringList extractZip(const QString &zipPath, const QString &targetDir, const ZipLimits &limits)
{
    // QuaZip is handed an open device: opening by name passes a dangling file name to the
    // C layer in Debian's QuaZip 1.4 (seen as a garbage path under AddressSanitizer).
    QFile file(zipPath);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError({zipPath}, QStringLiteral("cannot open: %1").arg(file.errorString()));
    QuaZip zip(&file);
    zip.setFileNameCodec("ISO-8859-1");
    if (!zip.open(QuaZip::mdUnzip))
        throw InputError(
            {zipPath},
            QStringLiteral("not a readable zip archive (error %1)").arg(zip.getZipError()));
    if (zip.getEntriesCount() > limits.maxEntries)
        throw InputError({zipPath}, QStringLiteral("too many entries (%1, at most %2)")
                                        .arg(zip.getEntriesCount())
                                        .arg(limits.maxEntries));
    const QDir target(targetDir);
    QStringList extracted;
    qint64 total = 0;
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFileInfo64 info;
        if (!zip.getCurrentFileInfo(&info))
            throw InputError({zipPath}, QStringLiteral("unreadable entry list"));
        const QString name = entryName(info);
        if (escapesFolder(name))
            throw InputError({zipPath, name},
                             QStringLiteral("entry path leaves the archive's folder; refused"));
        if (name.endsWith(QLatin1Char('/')))
            continue;
        if (info.compressedSize > 0 &&
            qint64(info.uncompressedSize) / qint64(info.compressedSize) > limits.maxRatio)
            throw InputError({zipPath, name}, QStringLiteral("entry expands more than %1 times; "
                                                             "refused as a possible zip bomb")
                                                  .arg(limits.maxRatio));
        const QString outPath = target.filePath(QDir::cleanPath(name));
        QDir().mkpath(QFileInfo(outPath).absolutePath());
        QuaZipFile in(&zip);
        if (!in.open(QIODevice::ReadOnly))
            throw InputError({zipPath, name}, QStringLiteral("cannot read entry"));
        QFile out(outPath);
        if (!out.open(QIODevice::WriteOnly))
            throw ProcessingError({outPath}, out.errorString());
        // Sizes in the header may lie: count what actually comes out.
        char buffer[64 * 1024];
        for (;;) {
            const qint64 n = in.read(buffer, sizeof buffer);
            if (n < 0)
                throw InputError({zipPath, name}, QStringLiteral("corrupt entry"));
            if (n == 0)
                break;
            total += n;
            if (total > limits.maxTotalBytes)
                throw InputError(
                    {zipPath},
                    QStringLiteral("expands beyond %1 bytes; refused").arg(limits.maxTotalBytes));
            if (out.write(buffer, n) != n)
                throw ProcessingError({outPath}, out.errorString());
        }
        in.close();
        if (in.getZipError() != UNZ_OK)
            throw InputError({zipPath, name}, QStringLiteral("corrupt entry (CRC mismatch)"));
        extracted.append(QDir::cleanPath(name));
    }
    if (zip.getZipError() != UNZ_OK)
        throw InputError({zipPath},
                         QStringLiteral("corrupt archive (error %1)").arg(zip.getZipError()));
    return extracted;
}

namespace {

// (file on disk, name in the archive) pairs into a new archive.
void writeZip(const QString &zipPath, const QList<QPair<QString, QString>> &entries)
{
    QFile file(zipPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw ProcessingError({zipPath},
                              QStringLiteral("cannot create: %1").arg(file.errorString()));
    QuaZip zip(&file);
    zip.setUtf8Enabled(true);
    if (!zip.open(QuaZip::mdCreate))
        throw ProcessingError({zipPath}, QStringLiteral("cannot create zip archive"));
    for (const auto &[path, name] : entries) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            throw ProcessingError({path}, in.errorString());
        QuaZipFile out(&zip);
        if (!out.open(QIODevice::WriteOnly, QuaZipNewInfo(name, path)))
            throw ProcessingError({zipPath}, QStringLiteral("cannot add %1").arg(path));
        while (!in.atEnd()) {
            const QByteArray chunk = in.read(1 << 20);
            if (out.write(chunk) != chunk.size())
                throw ProcessingError({zipPath}, QStringLiteral("cannot write %1").arg(path));
        }
        out.close();
        if (out.getZipError() != ZIP_OK)
            throw ProcessingError({zipPath}, QStringLiteral("cannot write %1").arg(path));
    }
    zip.close();
    if (zip.getZipError() != ZIP_OK)
        throw ProcessingError({zipPath}, QStringLiteral("cannot finish zip archive"));
}

} // namespace

void createZip(const QString &zipPath, const QStringList &files)
{
    QList<QPair<QString, QString>> entries;
    for (const QString &path : files)
        entries.append({path, QFileInfo(path).fileName()});
    writeZip(zipPath, entries);
}

void createZip(const QString &zipPath, const QString &rootDir, const QStringList &relativePaths)
{
    const QDir root(rootDir);
    QList<QPair<QString, QString>> entries;
    for (const QString &relative : relativePaths)
        entries.append({root.filePath(relative), QDir::fromNativeSeparators(relative)});
    writeZip(zipPath, entries);
}

} // namespace riskatlas::io
