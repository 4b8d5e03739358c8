// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QJsonObject>
#include <QString>

namespace riskatlas::project {

/// One entry of the run log (a row of riskatlas_runs): enough to answer "which data and
/// which weights produced this colour?".
struct RunRecord
{
    qint64 id = -1;   ///< assigned by the project
    QString started;  ///< UTC, ISO 8601 with milliseconds
    QString finished; ///< UTC, ISO 8601 with milliseconds
    double durationSeconds = 0;
    QString softwareVersion;    ///< defaults to this program's version when empty
    QString status;             ///< "ok", "failed" or "cancelled"
    QString message;            ///< the error for a failed run
    QJsonObject parameters;     ///< command line options, config names and their SHA-256, …
    QJsonObject inputChecksums; ///< input name → SHA-256 (Project::inputChecksums())
    QJsonObject outputs;        ///< output name → {"path": …, "sha256": …, "features": …}
};

/// The record as JSON (keys as the riskatlas_runs columns: id, started, finished, duration_s,
/// software_version, status, message, parameters, input_checksums, outputs), for `project show
/// --json` and the run log exported with the submission package.
QJsonObject runRecordToJson(const RunRecord &run);

} // namespace riskatlas::project
