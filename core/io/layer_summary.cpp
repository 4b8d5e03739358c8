// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/layer_summary.h"

#include "core/geometry/layer_extent.h"

#include <QJsonArray>

#include <cmath>

namespace riskatlas::io {

namespace {

QJsonValue number(double value)
{
    return std::isnan(value) ? QJsonValue() : QJsonValue(value);
}

} // namespace

QJsonObject layerSummaryJson(const model::VectorLayer &layer, const ReadReport &report)
{
    QJsonObject crsObject;
    if (layer.crs.isValid()) {
        crsObject[QStringLiteral("epsg")] =
            layer.crs.epsg() ? QJsonValue(*layer.crs.epsg()) : QJsonValue();
        crsObject[QStringLiteral("name")] = layer.crs.name();
        crsObject[QStringLiteral("geographic")] = layer.crs.isGeographic();
    }
    QJsonArray fields;
    for (const model::Field &field : layer.fields) {
        fields.append(QJsonObject{{QStringLiteral("name"), field.name},
                                  {QStringLiteral("type"), model::fieldTypeName(field.type)}});
    }
    QJsonValue extentValue;
    if (const auto extent = geometry::layerExtent(layer))
        extentValue = QJsonArray{extent->minX, extent->minY, extent->maxX, extent->maxY};
    QJsonArray entries;
    for (const geometry::RepairEntry &entry : report.geometry.entries) {
        entries.append(QJsonObject{{QStringLiteral("fid"), entry.fid},
                                   {QStringLiteral("problem"), entry.problem},
                                   {QStringLiteral("area_before"), number(entry.areaBefore)},
                                   {QStringLiteral("area_after"), number(entry.areaAfter)},
                                   {QStringLiteral("action"), entry.action}});
    }
    const QJsonObject validity{{QStringLiteral("checked"), report.geometry.checked},
                               {QStringLiteral("invalid"), report.geometry.invalid},
                               {QStringLiteral("repaired"), report.geometry.repaired},
                               {QStringLiteral("dropped"), report.geometry.dropped},
                               {QStringLiteral("area_unit"), report.geometry.areaUnit},
                               {QStringLiteral("entries"), entries}};
    return QJsonObject{
        {QStringLiteral("path"), layer.sourcePath},
        {QStringLiteral("layer"), layer.name},
        {QStringLiteral("driver"), report.driver},
        {QStringLiteral("crs"), layer.crs.isValid() ? QJsonValue(crsObject) : QJsonValue()},
        {QStringLiteral("features"), qint64(layer.features.size())},
        {QStringLiteral("geometry_type"), model::geometryTypeName(layer.geometryType)},
        {QStringLiteral("extent"), extentValue},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("encoding"), QJsonObject{{QStringLiteral("name"), layer.sourceEncoding},
                                                 {QStringLiteral("source"), layer.encodingSource}}},
        {QStringLiteral("validity"), validity},
        {QStringLiteral("notes"), QJsonArray::fromStringList(report.notes)},
        {QStringLiteral("file_repairs"), QJsonArray::fromStringList(report.fileRepairs)},
    };
}

QString layerSummaryText(const model::VectorLayer &layer, const ReadReport &report)
{
    QStringList lines;
    lines << QStringLiteral("%1 | layer %2").arg(layer.sourcePath, layer.name);
    lines << QStringLiteral("  driver:    %1").arg(report.driver);
    lines << QStringLiteral("  crs:       %1")
                 .arg(layer.crs.isValid()
                          ? QStringLiteral("%1 (%2)").arg(layer.crs.authId(), layer.crs.name())
                          : QStringLiteral("none — analysis needs --s-srs"));
    lines << QStringLiteral("  features:  %1").arg(layer.features.size());
    lines << QStringLiteral("  geometry:  %1").arg(model::geometryTypeName(layer.geometryType));
    if (const auto extent = geometry::layerExtent(layer)) {
        lines << QStringLiteral("  extent:    %1, %2 : %3, %4")
                     .arg(extent->minX, 0, 'f', 6)
                     .arg(extent->minY, 0, 'f', 6)
                     .arg(extent->maxX, 0, 'f', 6)
                     .arg(extent->maxY, 0, 'f', 6);
    }
    lines << QStringLiteral("  encoding:  %1 (%2)").arg(layer.sourceEncoding, layer.encodingSource);
    lines << QStringLiteral("  fields:");
    for (const model::Field &field : layer.fields)
        lines << QStringLiteral("    %1: %2").arg(field.name, model::fieldTypeName(field.type));
    const geometry::RepairReport &validity = report.geometry;
    lines << QStringLiteral("  validity:  %1 checked, %2 invalid, %3 repaired, %4 dropped")
                 .arg(validity.checked)
                 .arg(validity.invalid)
                 .arg(validity.repaired)
                 .arg(validity.dropped);
    for (const geometry::RepairEntry &entry : validity.entries) {
        lines << QStringLiteral("    fid %1: %2 — %3 (area %4 → %5 %6)")
                     .arg(entry.fid)
                     .arg(entry.problem, entry.action)
                     .arg(entry.areaBefore, 0, 'f', 2)
                     .arg(entry.areaAfter, 0, 'f', 2)
                     .arg(validity.areaUnit);
    }
    for (const QString &note : report.notes)
        lines << QStringLiteral("  note:      %1").arg(note);
    for (const QString &repair : report.fileRepairs)
        lines << QStringLiteral("  repaired:  %1").arg(repair);
    return lines.join(QLatin1Char('\n'));
}

} // namespace riskatlas::io
