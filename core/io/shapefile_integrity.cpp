// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/shapefile_integrity.h"

#include "core/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>

namespace riskatlas::io {

namespace {

constexpr qint32 kShapefileMagic = 9994;
constexpr qint64 kHeaderSize = 100;

QString sidecar(const QString &shpPath, const QString &suffix)
{
    const QFileInfo info(shpPath);
    const QDir dir = info.absoluteDir();
    const QString wanted = info.completeBaseName() + QLatin1Char('.') + suffix;
    if (dir.exists(wanted))
        return dir.filePath(wanted);
    // Other case, e.g. "DATA.DBF" beside "data.shp", as old tools write them.
    const QStringList entries = dir.entryList(QDir::Files);
    for (const QString &entry : entries) {
        if (entry.compare(wanted, Qt::CaseInsensitive) == 0)
            return dir.filePath(entry);
    }
    return {};
}

qint32 bigEndian32(const QByteArray &bytes, qsizetype offset)
{
    return qFromBigEndian<qint32>(bytes.constData() + offset);
}

} // namespace

qint64 ShapefileIntegrity::readableRecords() const
{
    qint64 count = shpRecordsComplete;
    if (dbfRecordsComplete >= 0)
        count = count < 0 ? dbfRecordsComplete : std::min(count, dbfRecordsComplete);
    return count;
}

ShapefileIntegrity checkShapefile(const QString &shpPath)
{
    ShapefileIntegrity result;
    result.shpPath = shpPath;
    QFile shp(shpPath);
    if (!shp.open(QIODevice::ReadOnly))
        throw InputError({shpPath}, QStringLiteral("cannot open: %1").arg(shp.errorString()));
    const qint64 shpSize = shp.size();
    const QByteArray header = shp.read(kHeaderSize);
    if (header.size() < kHeaderSize || bigEndian32(header, 0) != kShapefileMagic)
        throw InputError({shpPath}, QStringLiteral("not a shapefile (bad .shp header)"));
    const qint64 declared = qint64(bigEndian32(header, 24)) * 2;
    if (shpSize < declared) {
        result.problems.append(QStringLiteral("the .shp is truncated: its header says %1 bytes, "
                                              "the file has %2")
                                   .arg(declared)
                                   .arg(shpSize));
    }

    result.shxPath = sidecar(shpPath, QStringLiteral("shx"));
    result.dbfPath = sidecar(shpPath, QStringLiteral("dbf"));
    result.prjPath = sidecar(shpPath, QStringLiteral("prj"));
    result.cpgPath = sidecar(shpPath, QStringLiteral("cpg"));

    if (result.shxPath.isEmpty()) {
        result.problems.append(QStringLiteral("the .shx index file is missing"));
    } else {
        QFile shx(result.shxPath);
        if (!shx.open(QIODevice::ReadOnly)) {
            result.problems.append(QStringLiteral("the .shx cannot be opened"));
        } else {
            const QByteArray index = shx.readAll();
            if (index.size() < kHeaderSize || bigEndian32(index, 0) != kShapefileMagic) {
                result.problems.append(QStringLiteral("the .shx is not a shapefile index"));
            } else {
                const qint64 shxDeclared = qint64(bigEndian32(index, 24)) * 2;
                if (index.size() < shxDeclared)
                    result.problems.append(QStringLiteral("the .shx is truncated"));
                result.shxRecords = (qint64(index.size()) - kHeaderSize) / 8;
                // A record is complete when its content lies inside the .shp.
                qint64 complete = 0;
                for (qint64 i = 0; i < result.shxRecords; ++i) {
                    const qsizetype at = qsizetype(kHeaderSize + i * 8);
                    const qint64 offset = qint64(bigEndian32(index, at)) * 2;
                    const qint64 length = qint64(bigEndian32(index, at + 4)) * 2;
                    if (offset + 8 + length > shpSize)
                        break;
                    ++complete;
                }
                result.shpRecordsComplete = complete;
                if (complete < result.shxRecords && shpSize >= declared) {
                    result.problems.append(QStringLiteral("the .shx points past the end of the "
                                                          ".shp (%1 of %2 records readable)")
                                               .arg(complete)
                                               .arg(result.shxRecords));
                }
            }
        }
    }

    if (result.dbfPath.isEmpty()) {
        result.problems.append(QStringLiteral("the .dbf attribute file is missing"));
    } else {
        QFile dbf(result.dbfPath);
        const QByteArray dbfHeader = dbf.open(QIODevice::ReadOnly) ? dbf.read(32) : QByteArray();
        if (dbfHeader.size() < 32) {
            result.problems.append(QStringLiteral("the .dbf is truncated in its header"));
        } else {
            result.dbfRecords = qFromLittleEndian<quint32>(dbfHeader.constData() + 4);
            const qint64 headerLength = qFromLittleEndian<quint16>(dbfHeader.constData() + 8);
            const qint64 recordLength = qFromLittleEndian<quint16>(dbfHeader.constData() + 10);
            result.dbfLanguageId = quint8(dbfHeader[29]);
            const qint64 size = dbf.size();
            result.dbfRecordsComplete =
                recordLength > 0 ? std::max<qint64>(0, (size - headerLength) / recordLength) : 0;
            result.dbfRecordsComplete = std::min(result.dbfRecordsComplete, result.dbfRecords);
            if (size < headerLength + result.dbfRecords * recordLength) {
                result.problems.append(QStringLiteral("the .dbf is truncated: its header declares "
                                                      "%1 records, %2 are complete")
                                           .arg(result.dbfRecords)
                                           .arg(result.dbfRecordsComplete));
            }
        }
    }
    if (result.shxRecords >= 0 && result.dbfRecords >= 0 &&
        result.shxRecords != result.dbfRecords) {
        result.problems.append(QStringLiteral("the .shx has %1 records but the .dbf %2")
                                   .arg(result.shxRecords)
                                   .arg(result.dbfRecords));
    }
    return result;
}

} // namespace riskatlas::io
