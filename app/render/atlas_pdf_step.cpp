// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/atlas_pdf_step.h"

#include "render/atlas_config.h"
#include "render/atlas_document.h"

namespace riskatlas::render {

QStringList writeAtlasPdf(const QString &configPath, const QString &resultsDir,
                          const QString &pdfPath, Feedback *feedback)
{
    const AtlasDocument atlas(loadAtlasConfig(configPath, resultsDir), feedback);
    atlas.writePdf(pdfPath, 0, atlas.pageCount() - 1, feedback);
    return {pdfPath};
}

} // namespace riskatlas::render
