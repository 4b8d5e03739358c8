// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/control_lines.h"

#include "core/crs/coordinate_transform.h"
#include "core/crs/metric_crs.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/geos/geos_context.h"
#include "core/geos/str_tree.h"

#include <algorithm>
#include <limits>

namespace riskatlas::enterprise {

namespace {

struct Site
{
    QString kind;
    QString name;
    qint64 fid = -1;
    geos::GeometryPtr geometry;
};

} // namespace

ControlLines buildControlLines(const Inventory &inventory, const ControlLineRules &rules,
                               const std::vector<model::VectorLayer> &sites,
                               const style::Palette &palette, Feedback *feedback)
{
    ControlLines result;
    result.lines.name = QStringLiteral("control_lines");
    result.lines.crs = crs::cgcs2000();
    result.lines.geometryType = model::GeometryType::Polygon;
    result.lines.sourcePath = inventory.path;
    const auto header = [&](const QString &role, const QString &fallback) {
        const QString name = inventory.header(role);
        return name.isEmpty() ? fallback : name;
    };
    result.lines.fields = {
        {header(QStringLiteral("name"), QStringLiteral("企业名称")), model::FieldType::String, 0,
         0},
        {header(QStringLiteral("credit_code"), QStringLiteral("统一社会信用代码")),
         model::FieldType::String, 0, 0},
        {header(QStringLiteral("sector"), QStringLiteral("行业类别")), model::FieldType::String, 0,
         0},
        {QStringLiteral("level"), model::FieldType::Integer, 0, 0},
        {QStringLiteral("level_name"), model::FieldType::String, 0, 0},
        {QStringLiteral("color"), model::FieldType::String, 0, 0},
        {QStringLiteral("distance_m"), model::FieldType::Real, 0, 0},
        {QStringLiteral("sites"), model::FieldType::Integer, 0, 0}};

    double minX = std::numeric_limits<double>::max();
    double minY = minX;
    double maxX = std::numeric_limits<double>::lowest();
    double maxY = maxX;
    for (const Firm &firm : inventory.firms) {
        minX = std::min(minX, firm.lon);
        maxX = std::max(maxX, firm.lon);
        minY = std::min(minY, firm.lat);
        maxY = std::max(maxY, firm.lat);
    }
    if (inventory.firms.empty())
        return result;
    result.metricCrs = crs::metricCrsFor(crs::cgcs2000(), minX, minY, maxX, maxY);
    const crs::CoordinateTransform toMetric(crs::cgcs2000(), result.metricCrs);
    const crs::CoordinateTransform toGeographic(result.metricCrs, crs::cgcs2000());

    geos::Context context;
    const GEOSContextHandle_t handle = context.handle();

    if (feedback)
        feedback->setStep(QStringLiteral("control lines: sensitive sites"));
    std::vector<Site> siteList;
    for (std::size_t s = 0; s < sites.size() && s < rules.sites.size(); ++s) {
        const model::VectorLayer &layer = sites[s];
        const SensitiveSiteSource &source = rules.sites[s];
        const ErrorLocation where{layer.sourcePath, layer.name, std::nullopt, {}};
        if (!layer.crs.isValid())
            throw InputError(where, QStringLiteral("the sensitive-site layer has no CRS"));
        const int nameIndex =
            source.nameField.isEmpty() ? -1 : model::fieldIndex(layer.fields, source.nameField);
        if (!source.nameField.isEmpty() && nameIndex < 0)
            throw InputError(where,
                             QStringLiteral("no field \"%1\" (name_field)").arg(source.nameField));
        const int filterIndex =
            source.filterField.isEmpty() ? -1 : model::fieldIndex(layer.fields, source.filterField);
        if (!source.filterField.isEmpty() && filterIndex < 0)
            throw InputError(
                where, QStringLiteral("no field \"%1\" (filter_field)").arg(source.filterField));
        const crs::CoordinateTransform transform(layer.crs, result.metricCrs);
        for (const model::Feature &feature : layer.features) {
            if (feedback)
                feedback->throwIfCanceled();
            if (feature.wkb.isEmpty())
                continue;
            if (filterIndex >= 0 && !source.filterValues.contains(
                                        feature.attributes.value(filterIndex).toString().trimmed()))
                continue;
            Site site;
            site.kind = source.kind;
            site.fid = feature.fid;
            site.name = nameIndex >= 0 ? feature.attributes.value(nameIndex).toString()
                                       : QStringLiteral("fid %1").arg(feature.fid);
            site.geometry = geos::fromWkb(context, transform.isIdentity()
                                                       ? feature.wkb
                                                       : transform.transformWkb(feature.wkb));
            siteList.push_back(std::move(site));
        }
    }
    geos::StrTree tree(context);
    for (std::size_t i = 0; i < siteList.size(); ++i)
        tree.insert(siteList[i].geometry.get(), i);
    tree.build();

    if (feedback)
        feedback->setStep(QStringLiteral("control lines: buffers"));
    const int nameIndex = inventory.columns.value(QStringLiteral("name"), -1);
    const int codeIndex = inventory.columns.value(QStringLiteral("credit_code"), -1);
    const int sectorIndex = inventory.columns.value(QStringLiteral("sector"), -1);
    std::vector<std::size_t> candidates;
    const std::size_t total = inventory.firms.size();
    for (std::size_t f = 0; f < total; ++f) {
        if (feedback) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(f) / double(total));
        }
        const Firm &firm = inventory.firms[f];
        const double distance = rules.distanceFor(firm.sector, firm.level);
        if (distance <= 0)
            continue;
        double x = firm.lon;
        double y = firm.lat;
        if (!toMetric.transformPoint(x, y)) {
            throw ProcessingError({inventory.path, {}, firm.row, QStringLiteral("row")},
                                  QStringLiteral("cannot project the firm's position"));
        }
        const geos::GeometryPtr point =
            geos::own(context, GEOSGeom_createPointFromXY_r(handle, x, y));
        const geos::GeometryPtr buffer =
            geos::own(context, GEOSBuffer_r(handle, point.get(), distance, 32));
        if (!buffer)
            throw ProcessingError({inventory.path, {}, firm.row, QStringLiteral("row")},
                                  context.lastError());
        candidates.clear();
        tree.query(context, buffer.get(), candidates);
        std::vector<SiteInLine> found;
        for (std::size_t index : candidates) {
            double d = 0;
            if (GEOSDistance_r(handle, point.get(), siteList[index].geometry.get(), &d) != 1)
                throw ProcessingError({inventory.path}, context.lastError());
            if (d <= distance) {
                found.push_back(
                    {int(f), siteList[index].kind, siteList[index].name, siteList[index].fid, d});
            }
        }
        std::sort(found.begin(), found.end(), [](const SiteInLine &a, const SiteInLine &b) {
            if (a.distance != b.distance)
                return a.distance < b.distance;
            if (a.kind != b.kind)
                return a.kind < b.kind;
            return a.fid < b.fid;
        });
        const style::PaletteClass *colour = palette.classForLevel(firm.level);
        model::Feature feature;
        feature.fid = qint64(result.lines.features.size()) + 1;
        feature.attributes = {nameIndex >= 0 ? firm.cells.value(nameIndex) : firm.name,
                              codeIndex >= 0 ? firm.cells.value(codeIndex) : QString(),
                              sectorIndex >= 0 ? firm.cells.value(sectorIndex) : QString(),
                              firm.level,
                              colour ? colour->name : QString(),
                              colour ? colour->color.name() : QString(),
                              distance,
                              int(found.size())};
        feature.wkb = toGeographic.transformWkb(geos::toWkb(context, buffer.get()));
        result.lines.features.push_back(std::move(feature));
        result.sites.insert(result.sites.end(), found.begin(), found.end());
    }
    return result;
}

} // namespace riskatlas::enterprise
