// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/assessment_units.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/hazard/grid_generator.h"
#include "core/io/layer_reader.h"
#include "core/overlay/dissolve.h"
#include "core/overlay/metric_inputs.h"

#include <QCoreApplication>
#include <QSet>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

model::VectorLayer unionLayer(const model::VectorLayer &layer, double *area)
{
    geos::Context context;
    std::vector<QByteArray> wkbs;
    for (const model::Feature &feature : layer.features) {
        if (!feature.wkb.isEmpty())
            wkbs.push_back(feature.wkb);
    }
    model::VectorLayer result;
    result.name = QStringLiteral("study_area");
    result.crs = layer.crs;
    result.geometryType = model::GeometryType::MultiPolygon;
    result.sourcePath = layer.sourcePath;
    model::Feature feature;
    feature.fid = 1;
    feature.wkb = overlay::unionWkb(context, wkbs, 2, true, {layer.sourcePath, layer.name});
    *area = overlay::wkbArea(context, feature.wkb);
    result.features.push_back(std::move(feature));
    result.geometryValidated = true;
    return result;
}

void requirePolygons(const model::VectorLayer &layer)
{
    if (model::geometryDimension(layer.geometryType) != 2)
        throw InputError({layer.sourcePath, layer.name},
                         Tr::tr("assessment units must be polygons"));
}

} // namespace

model::VectorLayer readModelLayer(const QString &path, const crs::Crs &metricCrs, int threads,
                                  Feedback *feedback)
{
    model::VectorLayer layer = io::readLayer(path, {}, nullptr, feedback);
    overlay::reprojectToMetric({&layer}, metricCrs, feedback, threads);
    return layer;
}

AssessmentUnits prepareUnits(const UnitsSpec &spec, int threads, Feedback *feedback)
{
    AssessmentUnits result;
    model::VectorLayer units;
    std::optional<model::VectorLayer> boundary;
    if (!spec.boundary.isEmpty())
        boundary = io::readLayer(spec.boundary, {}, nullptr, feedback);

    if (spec.kind == UnitKind::Admin) {
        model::VectorLayer source = io::readLayer(spec.source, {}, nullptr, feedback);
        requirePolygons(source);
        result.metricCrs = overlay::reprojectToMetric({&source}, {}, feedback, threads);
        const int idIndex = model::fieldIndex(source.fields, spec.idField);
        if (idIndex < 0)
            throw InputError({source.sourcePath, source.name},
                             Tr::tr("units.id_field: no field \"%1\"").arg(spec.idField));
        const int nameIndex =
            spec.nameField.isEmpty() ? idIndex : model::fieldIndex(source.fields, spec.nameField);
        if (nameIndex < 0)
            throw InputError({source.sourcePath, source.name},
                             Tr::tr("units.name_field: no field \"%1\"").arg(spec.nameField));
        units.name = QStringLiteral("units");
        units.crs = source.crs;
        units.geometryType = model::GeometryType::MultiPolygon;
        units.sourcePath = source.sourcePath;
        units.geometryValidated = source.geometryValidated;
        units.fields = {{QStringLiteral("unit_id"), model::FieldType::String},
                        {QStringLiteral("unit_name"), model::FieldType::String}};
        QSet<QString> seen;
        for (const model::Feature &feature : source.features) {
            if (feedback)
                feedback->throwIfCanceled();
            const QVariant id = feature.attributes.value(idIndex);
            if (id.isNull() || id.toString().isEmpty())
                throw InputError(
                    {source.sourcePath, source.name, feature.fid, QStringLiteral("fid")},
                    Tr::tr("the unit id \"%1\" is empty").arg(spec.idField));
            if (seen.contains(id.toString()))
                throw InputError(
                    {source.sourcePath, source.name, feature.fid, QStringLiteral("fid")},
                    Tr::tr("unit id \"%1\" is used twice").arg(id.toString()));
            seen.insert(id.toString());
            if (feature.wkb.isEmpty())
                throw InputError(
                    {source.sourcePath, source.name, feature.fid, QStringLiteral("fid")},
                    Tr::tr("the unit has no geometry"));
            model::Feature unit;
            unit.fid = qint64(units.features.size()) + 1;
            unit.attributes = {id.toString(), feature.attributes.value(nameIndex).toString()};
            unit.wkb = feature.wkb;
            units.features.push_back(std::move(unit));
        }
        if (boundary)
            overlay::reprojectToMetric({&*boundary}, result.metricCrs, feedback, threads);
    } else {
        requirePolygons(*boundary);
        if (spec.kind == UnitKind::SquareGrid) {
            units = squareGrid(*boundary, spec.cellSize, {}, feedback);
            result.metricCrs = units.crs;
        } else {
            units = geographicGrid(*boundary, spec.cellSize, feedback);
            result.metricCrs = overlay::reprojectToMetric({&units}, {}, feedback, threads);
        }
        // Keep the row and column out: the unit id carries them.
        for (model::Feature &feature : units.features)
            feature.attributes = {feature.attributes[0], feature.attributes[0]};
        units.fields = {{QStringLiteral("unit_id"), model::FieldType::String},
                        {QStringLiteral("unit_name"), model::FieldType::String}};
        overlay::reprojectToMetric({&*boundary}, result.metricCrs, feedback, threads);
    }
    if (units.features.empty())
        throw InputError({units.sourcePath}, Tr::tr("there are no assessment units"));

    geos::Context context;
    units.fields.append({QStringLiteral("area_km2"), model::FieldType::Real});
    for (model::Feature &feature : units.features)
        feature.attributes.append(overlay::wkbArea(context, feature.wkb) / 1e6);
    result.studyArea = unionLayer(boundary ? *boundary : units, &result.studyAreaM2);
    result.units = std::move(units);
    return result;
}

} // namespace riskatlas::hazard
