// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/hazard_map.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/overlay/dissolve.h"
#include "core/overlay/overlay_operation.h"

namespace riskatlas::hazard {

model::VectorLayer hazardMap(const ScoredHazard &hazard, const model::VectorLayer &studyArea,
                             const style::Palette &palette, int threads, Feedback *feedback)
{
    overlay::OverlayOptions options;
    options.threads = threads;
    options.metricCrs = studyArea.crs;
    options.feedback = feedback;
    const overlay::OverlayResult clipped =
        overlay::overlayLayers(overlay::OverlayOperation::Clip, hazard.layer, studyArea, options);
    const model::VectorLayer &source = clipped.layer;
    const int levelIndex = model::fieldIndex(source.fields, hazard.spec.levelField);
    const int gradeIndex = model::fieldIndex(source.fields, QStringLiteral("h_grade"));

    model::VectorLayer map;
    map.name = QStringLiteral("hazard_") + hazard.spec.id;
    map.crs = source.crs;
    map.geometryType = model::GeometryType::MultiPolygon;
    map.sourcePath = hazard.layer.sourcePath;
    map.geometryValidated = true;
    map.fields = {{QStringLiteral("hazard_id"), model::FieldType::String},
                  {QStringLiteral("hazard"), model::FieldType::String},
                  {QStringLiteral("src_level"), model::FieldType::String},
                  {QStringLiteral("level"), model::FieldType::Integer},
                  {QStringLiteral("level_name"), model::FieldType::String},
                  {QStringLiteral("color"), model::FieldType::String},
                  {QStringLiteral("area_km2"), model::FieldType::Real}};
    geos::Context context;
    for (const model::Feature &feature : source.features) {
        if (feedback)
            feedback->throwIfCanceled();
        const int grade = feature.attributes.value(gradeIndex).toInt();
        const style::PaletteClass *paletteClass = palette.classForLevel(grade);
        if (!paletteClass)
            throw InputError({palette.id}, QStringLiteral("palette has no level %1").arg(grade));
        model::Feature out;
        out.fid = qint64(map.features.size()) + 1;
        out.attributes = {hazard.spec.id,
                          hazard.spec.name,
                          feature.attributes.value(levelIndex).toString(),
                          grade,
                          paletteClass->name,
                          paletteClass->color.name(),
                          overlay::wkbArea(context, feature.wkb) / 1e6};
        out.wkb = feature.wkb;
        map.features.push_back(std::move(out));
    }
    return map;
}

} // namespace riskatlas::hazard
