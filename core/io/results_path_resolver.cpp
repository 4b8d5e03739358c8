// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/results_path_resolver.h"

#include "core/error.h"

#include <QFileInfo>

namespace riskatlas::io {

namespace {

const QLatin1String kResultsPrefix("results:");

} // namespace

ResultsPathResolver::ResultsPathResolver(const QString &configPath, const QJsonObject &root,
                                         const QString &resultsDirOverride)
    : m_configPath(configPath)
    , m_base(QFileInfo(configPath).absoluteDir())
{
    if (!resultsDirOverride.isEmpty()) {
        m_resultsDir = QDir(resultsDirOverride).absolutePath();
        m_resultsOrigin = QStringLiteral("--results");
    } else if (root.contains(QStringLiteral("results"))) {
        const QJsonValue value = root.value(QStringLiteral("results"));
        if (!value.isString() || value.toString().trimmed().isEmpty())
            throw InputError({configPath}, QStringLiteral("results: missing or empty text"));
        m_resultsDir = QDir::cleanPath(m_base.absoluteFilePath(value.toString()));
        m_resultsOrigin = QStringLiteral("the \"results\" key");
    }
}

QString ResultsPathResolver::resolve(const QString &spec, const QString &keyPath,
                                     bool mustExist) const
{
    const qsizetype bar = spec.indexOf(u'|');
    const QString file = bar < 0 ? spec : spec.left(bar);
    const QString rest = bar < 0 ? QString() : spec.mid(bar);
    const bool isResult = file.startsWith(kResultsPrefix);
    if (isResult && m_resultsDir.isEmpty())
        throw InputError({m_configPath}, QStringLiteral("%1: \"%2\" names a result, but there is "
                                                        "no results folder: set \"results\" in "
                                                        "the configuration or pass --results DIR")
                                             .arg(keyPath, spec));
    const QString resolved =
        isResult
            ? QDir::cleanPath(QDir(m_resultsDir).absoluteFilePath(file.mid(kResultsPrefix.size())))
            : QDir::cleanPath(m_base.absoluteFilePath(file));
    if ((isResult || mustExist) && !QFileInfo(resolved).isFile())
        throw InputError({m_configPath},
                         QStringLiteral("%1: %2 does not exist%3")
                             .arg(keyPath, resolved,
                                  isResult ? QStringLiteral(" (results folder %1 from %2; run the "
                                                            "command that produces it first)")
                                                 .arg(m_resultsDir, m_resultsOrigin)
                                           : QString()));
    if (mustExist && resolved.endsWith(QLatin1String(".shp"), Qt::CaseInsensitive)) {
        for (const char *sidecar : {".shx", ".dbf"}) {
            const QString companion = resolved.left(resolved.size() - 4) + QLatin1String(sidecar);
            if (!QFileInfo::exists(companion))
                throw InputError({m_configPath},
                                 QStringLiteral("%1: %2 is missing").arg(keyPath, companion));
        }
    }
    return resolved + rest;
}

} // namespace riskatlas::io
