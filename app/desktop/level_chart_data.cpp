// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/level_chart_data.h"

#include "core/error.h"
#include "core/io/csv_table_reader.h"
#include "core/io/layer_reader.h"
#include "core/model/vector_layer.h"
#include "core/style/palette.h"

#include <QCoreApplication>
#include <QDir>

namespace riskatlas::desktop {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(LevelChartData)
};

void setLevels(LevelChartData &data, const QString &paletteId, int levelCount)
{
    const style::Palette palette = style::loadPalette(paletteId);
    for (int level = 1; level <= levelCount; ++level) {
        const style::PaletteClass *c = palette.classForLevel(level);
        data.levelNames << (c ? c->name : QString::number(level));
        data.colours << (c ? QColor(c->color.red, c->color.green, c->color.blue)
                           : QColor(Qt::gray));
    }
    data.levelTotals.assign(std::size_t(levelCount), 0.0);
}

int requireField(const model::VectorLayer &layer, const QString &name, const QString &path)
{
    const int index = model::fieldIndex(layer.fields, name);
    if (index < 0)
        throw InputError({path}, Tr::tr("the layer has no field %1").arg(name));
    return index;
}

} // namespace

LevelChartData fiveColourChartData(const QString &outDir, const QString &paletteId)
{
    LevelChartData data;
    data.title = Tr::tr("Five-colour risk");
    setLevels(data, paletteId, 5);
    data.shareUnit = Tr::tr("units");
    data.groupUnit = QStringLiteral("km²");

    const QString mapPath = QDir(outDir).filePath(QStringLiteral("risk_map.gpkg"));
    const model::VectorLayer map = io::readLayer(mapPath);
    const int levelIndex = requireField(map, QStringLiteral("level"), mapPath);
    for (const model::Feature &feature : map.features) {
        const int level = feature.attributes.value(levelIndex).toInt();
        if (level >= 1 && level <= 5)
            data.levelTotals[std::size_t(level - 1)] += 1;
    }

    const QString tablePath = QDir(outDir).filePath(QStringLiteral("tables/risk_by_township.csv"));
    const io::TextTable table = io::readCsvTable(tablePath);
    const qsizetype id = table.headers.indexOf(QStringLiteral("township_id"));
    const qsizetype name = table.headers.indexOf(QStringLiteral("township"));
    const qsizetype level = table.headers.indexOf(QStringLiteral("level"));
    const qsizetype area = table.headers.indexOf(QStringLiteral("area_km2"));
    if (id < 0 || name < 0 || level < 0 || area < 0)
        throw InputError({tablePath}, Tr::tr("not a risk_by_township table"));
    for (const QStringList &row : table.rows) {
        // The county's own rows repeat the sum of the townships.
        if (row.at(id) == QLatin1String("total"))
            continue;
        qsizetype group = data.groups.indexOf(row.at(name));
        if (group < 0) {
            group = data.groups.size();
            data.groups << row.at(name);
            data.perGroup.emplace_back(5, 0.0);
        }
        const int l = row.at(level).toInt();
        if (l >= 1 && l <= 5)
            data.perGroup[std::size_t(group)][std::size_t(l - 1)] += row.at(area).toDouble();
    }
    return data;
}

LevelChartData enterpriseChartData(const QString &outDir, const QString &paletteId,
                                   const QString &sectorField)
{
    LevelChartData data;
    data.title = Tr::tr("Enterprise risk");
    const style::Palette palette = style::loadPalette(paletteId);
    const int levelCount = palette.maximumLevel();
    setLevels(data, paletteId, levelCount);
    data.shareUnit = Tr::tr("firms");
    data.groupUnit = Tr::tr("firms");
    data.highRiskLabel =
        data.levelNames.value(levelCount - 1) + u'+' + data.levelNames.value(levelCount - 2);

    const QString path = QDir(outDir).filePath(QStringLiteral("enterprises.gpkg"));
    const model::VectorLayer firms = io::readLayer(path);
    const int levelIndex = requireField(firms, QStringLiteral("level"), path);
    const int unitIndex = requireField(firms, QStringLiteral("unit_name"), path);
    const int sectorIndex = sectorField.isEmpty() ? -1 : requireField(firms, sectorField, path);
    for (const model::Feature &feature : firms.features) {
        const int level = feature.attributes.value(levelIndex).toInt();
        if (level < 1 || level > levelCount)
            continue;
        data.levelTotals[std::size_t(level - 1)] += 1;
        QString unit = feature.attributes.value(unitIndex).toString();
        if (unit.isEmpty())
            unit = QStringLiteral("—");
        qsizetype group = data.groups.indexOf(unit);
        if (group < 0) {
            group = data.groups.size();
            data.groups << unit;
            data.perGroup.emplace_back(std::size_t(levelCount), 0.0);
        }
        data.perGroup[std::size_t(group)][std::size_t(level - 1)] += 1;
        if (sectorIndex >= 0 && level >= levelCount - 1) {
            const QString sector = feature.attributes.value(sectorIndex).toString();
            qsizetype s = data.sectors.indexOf(sector);
            if (s < 0) {
                s = data.sectors.size();
                data.sectors << sector;
                data.highRiskPerSector.push_back(0);
            }
            ++data.highRiskPerSector[std::size_t(s)];
        }
    }
    return data;
}

} // namespace riskatlas::desktop
