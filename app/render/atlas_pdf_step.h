// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QStringList>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::render {

/// The atlas step of a project run (project::RunAtlasStep), for callers that can draw (the
/// app): reads the atlas configuration `configPath` with `results:` sources under
/// `resultsDir`, and writes every page to `pdfPath` (atomically). Returns {pdfPath}. Throws
/// what loadAtlasConfig(), AtlasDocument and writePdf() throw, CancelledError through
/// `feedback`.
QStringList writeAtlasPdf(const QString &configPath, const QString &resultsDir,
                          const QString &pdfPath, Feedback *feedback);

} // namespace riskatlas::render
