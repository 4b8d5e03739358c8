// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::package {

/// Size and SHA-256 of one file.
struct FileDigest
{
    QString name;    ///< as the manifest shows it: relative path or name in the package
    qint64 size = 0; ///< bytes
    QString sha256;  ///< lower-case hex
};

/// Reads `path` in chunks and hashes it; `name` is copied into the result. Throws InputError
/// naming the file when it cannot be read, CancelledError when `feedback` is cancelled.
FileDigest digestFile(const QString &path, const QString &name, Feedback *feedback = nullptr);

/// A model or configuration file whose parameters made the results.
struct ManifestConfig
{
    FileDigest file;
    QJsonValue content; ///< the parsed JSON, or null when the file is not JSON
};

/// manifest.json of a submission package: what made it and what it holds.
struct PackageManifest
{
    QString title;
    QString software = QStringLiteral("RiskAtlas riskatlas-cli");
    QString version;        ///< the program's version
    QString createdUtc;     ///< ISO 8601, UTC
    QJsonObject parameters; ///< how the package was made: options, configuration, results folder
    std::vector<ManifestConfig> configs;
    std::vector<FileDigest> inputs;
    std::vector<FileDigest> files; ///< every file in the package but the manifest itself
};

/// The manifest as indented UTF-8 JSON: {format, title, software, version, created_utc,
/// parameters, configs: [{name, size, sha256, content}], inputs: [{name, size, sha256}],
/// files: [{name, size, sha256}]}; lists in the given order.
QByteArray manifestToJson(const PackageManifest &manifest);

} // namespace riskatlas::package
