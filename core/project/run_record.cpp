// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/project/run_record.h"

namespace riskatlas::project {

QJsonObject runRecordToJson(const RunRecord &run)
{
    return {{QStringLiteral("id"), run.id},
            {QStringLiteral("started"), run.started},
            {QStringLiteral("finished"), run.finished},
            {QStringLiteral("duration_s"), run.durationSeconds},
            {QStringLiteral("software_version"), run.softwareVersion},
            {QStringLiteral("status"), run.status},
            {QStringLiteral("message"), run.message},
            {QStringLiteral("parameters"), run.parameters},
            {QStringLiteral("input_checksums"), run.inputChecksums},
            {QStringLiteral("outputs"), run.outputs}};
}

} // namespace riskatlas::project
