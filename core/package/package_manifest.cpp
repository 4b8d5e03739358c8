// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/package/package_manifest.h"

#include "core/error.h"
#include "core/feedback.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace riskatlas::package {

namespace {

QJsonObject digestObject(const FileDigest &digest)
{
    return {{QStringLiteral("name"), digest.name},
            {QStringLiteral("size"), double(digest.size)},
            {QStringLiteral("sha256"), digest.sha256}};
}

QJsonArray digestArray(const std::vector<FileDigest> &digests)
{
    QJsonArray out;
    for (const FileDigest &digest : digests)
        out.append(digestObject(digest));
    return out;
}

} // namespace

FileDigest digestFile(const QString &path, const QString &name, Feedback *feedback)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError(
            {path},
            QStringLiteral("cannot read to compute its SHA-256: %1").arg(file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    FileDigest digest;
    digest.name = name;
    while (!file.atEnd()) {
        if (feedback)
            feedback->throwIfCanceled();
        const QByteArray chunk = file.read(4 << 20);
        if (chunk.isEmpty() && file.error() != QFileDevice::NoError)
            throw InputError({path}, QStringLiteral("read error: %1").arg(file.errorString()));
        hash.addData(chunk);
        digest.size += chunk.size();
    }
    digest.sha256 = QString::fromLatin1(hash.result().toHex());
    return digest;
}

QByteArray manifestToJson(const PackageManifest &manifest)
{
    QJsonArray configs;
    for (const ManifestConfig &config : manifest.configs) {
        QJsonObject object = digestObject(config.file);
        object.insert(QStringLiteral("content"), config.content);
        configs.append(object);
    }
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("riskatlas-package/1")},
                           {QStringLiteral("title"), manifest.title},
                           {QStringLiteral("software"), manifest.software},
                           {QStringLiteral("version"), manifest.version},
                           {QStringLiteral("created_utc"), manifest.createdUtc},
                           {QStringLiteral("parameters"), manifest.parameters},
                           {QStringLiteral("configs"), configs},
                           {QStringLiteral("inputs"), digestArray(manifest.inputs)},
                           {QStringLiteral("files"), digestArray(manifest.files)}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace riskatlas::package
