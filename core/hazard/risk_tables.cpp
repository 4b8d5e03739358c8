// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/risk_tables.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/overlay/dissolve.h"
#include "core/overlay/overlay_operation.h"

#include <QCoreApplication>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

// A copy of `layer` keeping only the field `from`, renamed `to`: the intersection then has
// exactly two columns in a known order.
model::VectorLayer oneField(const model::VectorLayer &layer, const QString &from, const QString &to)
{
    const int index = model::fieldIndex(layer.fields, from);
    if (index < 0)
        throw InputError({layer.sourcePath, layer.name}, Tr::tr("no field \"%1\"").arg(from));
    model::VectorLayer result = layer;
    result.fields = {{to, layer.fields[index].type}};
    for (model::Feature &feature : result.features)
        feature.attributes = {feature.attributes.value(index)};
    return result;
}

} // namespace

model::VectorLayer levelTable(const model::VectorLayer &levelled, const TownshipLayer &townships,
                              const std::vector<const ExposureSource *> &sources,
                              const style::Palette &palette,
                              const QList<QPair<model::Field, QVariant>> &leading, int threads,
                              Feedback *feedback)
{
    const model::VectorLayer levels =
        oneField(levelled, QStringLiteral("level"), QStringLiteral("level"));
    const model::VectorLayer towns =
        oneField(townships.layer, townships.idField, QStringLiteral("township_id"));
    overlay::OverlayOptions options;
    options.threads = threads;
    options.metricCrs = townships.layer.crs;
    options.feedback = feedback;
    const overlay::OverlayResult pieces =
        overlay::overlayLayers(overlay::OverlayOperation::Intersection, levels, towns, options);

    const int idIndex = model::fieldIndex(townships.layer.fields, townships.idField);
    const int nameIndex = model::fieldIndex(townships.layer.fields, townships.nameField);
    if (nameIndex < 0)
        throw InputError({townships.layer.sourcePath, townships.layer.name},
                         Tr::tr("no field \"%1\"").arg(townships.nameField));
    QStringList ids;
    QStringList names;
    for (const model::Feature &feature : townships.layer.features) {
        ids.append(feature.attributes.value(idIndex).toString());
        names.append(feature.attributes.value(nameIndex).toString());
    }
    const int n = int(ids.size());
    const int columns = 1 + int(sources.size());
    // [township (n = total)][level 1…5][column]
    std::vector<std::vector<std::vector<double>>> sums(
        size_t(n) + 1, std::vector<std::vector<double>>(6, std::vector<double>(size_t(columns))));
    std::vector<std::vector<double>> totals;
    for (const ExposureSource *source : sources)
        totals.push_back(source->totals(pieces.layer, false, threads, feedback));
    geos::Context context;
    for (size_t p = 0; p < pieces.layer.features.size(); ++p) {
        if (feedback)
            feedback->throwIfCanceled();
        const model::Feature &piece = pieces.layer.features[p];
        const int level = piece.attributes.value(0).toInt();
        const int town = int(ids.indexOf(piece.attributes.value(1).toString()));
        if (level < 1 || level > 5 || town < 0)
            continue;
        std::vector<double> values{overlay::wkbArea(context, piece.wkb) / 1e6};
        for (const std::vector<double> &column : totals)
            values.push_back(column[p]);
        for (int c = 0; c < columns; ++c) {
            sums[size_t(town)][size_t(level)][size_t(c)] += values[size_t(c)];
            sums[size_t(n)][size_t(level)][size_t(c)] += values[size_t(c)];
        }
    }

    model::VectorLayer table;
    table.name = levelled.name + QStringLiteral("_by_township");
    table.geometryType = model::GeometryType::None;
    for (const auto &[field, value] : leading)
        table.fields.append(field);
    table.fields.append({QStringLiteral("township_id"), model::FieldType::String});
    table.fields.append({QStringLiteral("township"), model::FieldType::String});
    table.fields.append({QStringLiteral("level"), model::FieldType::Integer});
    table.fields.append({QStringLiteral("level_name"), model::FieldType::String});
    table.fields.append({QStringLiteral("area_km2"), model::FieldType::Real});
    for (const ExposureSource *source : sources)
        table.fields.append({source->spec().id, model::FieldType::Real});
    for (int t = 0; t <= n; ++t) {
        for (int level = 5; level >= 1; --level) {
            const style::PaletteClass *paletteClass = palette.classForLevel(level);
            model::Feature row;
            row.fid = qint64(table.features.size()) + 1;
            for (const auto &[field, value] : leading)
                row.attributes.append(value);
            row.attributes.append(t < n ? ids[t] : QStringLiteral("total"));
            row.attributes.append(t < n ? names[t] : Tr::tr("合计"));
            row.attributes.append(level);
            row.attributes.append(paletteClass ? paletteClass->name : QString());
            for (const double value : sums[size_t(t)][size_t(level)])
                row.attributes.append(value);
            table.features.push_back(std::move(row));
        }
    }
    return table;
}

void appendRows(model::VectorLayer &table, const model::VectorLayer &more)
{
    for (const model::Feature &feature : more.features) {
        model::Feature row = feature;
        row.fid = qint64(table.features.size()) + 1;
        table.features.push_back(std::move(row));
    }
}

} // namespace riskatlas::hazard
