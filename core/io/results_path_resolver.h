// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QDir>
#include <QJsonObject>
#include <QString>

namespace riskatlas::io {

/// Resolves the paths of a configuration file (atlas, package) that may name the outputs of an
/// earlier run as `results:REL` (docs/atlas.md): REL against the results folder — the command
/// line's `--results DIR` when given, else the configuration's `"results"` key (relative to the
/// configuration's folder) — and any other path against the configuration's folder. A
/// `|layername=…` suffix is kept. Errors name the configuration file and the key path.
class ResultsPathResolver
{
public:
    /// `root` is the configuration's JSON; `resultsDirOverride` the `--results` folder or empty.
    /// Throws InputError when the `"results"` key is there but not a non-empty string.
    ResultsPathResolver(const QString &configPath, const QJsonObject &root,
                        const QString &resultsDirOverride);

    /// The absolute results folder, or empty when there is none.
    const QString &resultsDir() const { return m_resultsDir; }

    /// `spec` resolved. A `results:` spec needs a results folder and an existing file (else
    /// InputError naming `keyPath`, the resolved file and where the folder came from); with
    /// `mustExist`, so does any other spec, and a shapefile its .shx and .dbf.
    QString resolve(const QString &spec, const QString &keyPath, bool mustExist) const;

private:
    QString m_configPath;
    QDir m_base;
    QString m_resultsDir;
    QString m_resultsOrigin; ///< "--results" or the "results" key, for messages
};

} // namespace riskatlas::io
