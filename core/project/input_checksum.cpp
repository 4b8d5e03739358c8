// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/input_checksum.h"

#include "core/error.h"
#include "core/feedback.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace riskatlas::project {

namespace {

QByteArray hashFile(const QString &path, qint64 &size, Feedback *feedback)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError({path}, QStringLiteral("cannot read: %1").arg(file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (!file.atEnd()) {
        if (feedback)
            feedback->throwIfCanceled();
        const QByteArray block = file.read(1 << 20);
        if (block.isEmpty() && file.error() != QFileDevice::NoError)
            throw InputError({path}, QStringLiteral("cannot read: %1").arg(file.errorString()));
        size += block.size();
        hash.addData(block);
    }
    return hash.result().toHex();
}

} // namespace

QStringList datasetFiles(const QString &path)
{
    const QFileInfo info(path);
    if (info.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) != 0)
        return {info.absoluteFilePath()};
    QStringList files;
    const QDir dir = info.absoluteDir();
    const QString base = info.completeBaseName();
    // Parts are matched case-insensitively, as GDAL finds them.
    const QStringList entries = dir.entryList(QDir::Files);
    for (const char *suffix : {"shp", "shx", "dbf", "prj", "cpg"}) {
        for (const QString &entry : entries) {
            const QFileInfo part(entry);
            if (part.completeBaseName() == base &&
                part.suffix().compare(QLatin1String(suffix), Qt::CaseInsensitive) == 0) {
                files.append(dir.filePath(entry));
                break;
            }
        }
    }
    if (files.isEmpty())
        files.append(info.absoluteFilePath());
    return files;
}

InputChecksum checksumDataset(const QString &path, Feedback *feedback)
{
    if (!QFileInfo(path).isFile())
        throw InputError({path}, QStringLiteral("no such file"));
    InputChecksum result;
    result.files = datasetFiles(path);
    if (result.files.size() == 1 &&
        QFileInfo(path).suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) != 0) {
        result.sha256 = QString::fromLatin1(hashFile(result.files[0], result.size, feedback));
        return result;
    }
    QCryptographicHash combined(QCryptographicHash::Sha256);
    for (const QString &file : result.files) {
        const QByteArray digest = hashFile(file, result.size, feedback);
        const QByteArray line = QFileInfo(file).suffix().toLower().toUtf8() + ' ' + digest + '\n';
        combined.addData(line);
    }
    result.sha256 = QString::fromLatin1(combined.result().toHex());
    return result;
}

} // namespace riskatlas::project
