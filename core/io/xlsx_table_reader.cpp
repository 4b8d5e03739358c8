// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/xlsx_table_reader.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/gdal/gdal_error_capture.h"
#include "core/gdal/gdal_handles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>

#include <cpl_conv.h>

namespace riskatlas::io {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::io)
};

// Sets a GDAL configuration option for this thread only and restores it on exit. GDAL 3.6's
// XLSX driver takes its header and field-type choices from configuration options (the open
// options of the same names came in 3.8), and reads them lazily, when a sheet is first used.
class ThreadConfigOption
{
public:
    ThreadConfigOption(const char *key, const char *value)
        : m_key(key)
    {
        if (const char *old = CPLGetThreadLocalConfigOption(key, nullptr))
            m_old = QByteArray(old);
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ThreadConfigOption()
    {
        CPLSetThreadLocalConfigOption(m_key, m_old ? m_old->constData() : nullptr);
    }
    ThreadConfigOption(const ThreadConfigOption &) = delete;
    ThreadConfigOption &operator=(const ThreadConfigOption &) = delete;

private:
    const char *m_key;
    std::optional<QByteArray> m_old;
};

// "A", "B", … "Z", "AA": the spreadsheet's name for a 0-based column.
QString columnLetter(int column)
{
    QString letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        letters.prepend(QChar(u'A' + (n - 1) % 26));
    return letters;
}

bool isBlank(const QStringList &cells)
{
    for (const QString &cell : cells) {
        if (!cell.trimmed().isEmpty())
            return false;
    }
    return true;
}

QString gdalMessage(const gdal::ErrorCapture &errors)
{
    const QString message = errors.lastMessage();
    return message.isEmpty() ? Tr::tr("GDAL gave no reason") : message;
}

OGRLayerH findSheet(GDALDatasetH dataset, const QString &sheetName, const QString &path)
{
    const int count = GDALDatasetGetLayerCount(dataset);
    if (count == 0)
        throw InputError({path, {}, std::nullopt, {}},
                         Tr::tr("the workbook has no sheet with any cell"));
    if (sheetName.isEmpty())
        return GDALDatasetGetLayer(dataset, 0);
    QStringList names;
    OGRLayerH caseInsensitive = nullptr;
    for (int i = 0; i < count; ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(dataset, i);
        const QString name = QString::fromUtf8(OGR_L_GetName(layer));
        if (name == sheetName)
            return layer;
        if (!caseInsensitive && name.compare(sheetName, Qt::CaseInsensitive) == 0)
            caseInsensitive = layer;
        names.append(QLatin1Char('"') + name + QLatin1Char('"'));
    }
    if (caseInsensitive)
        return caseInsensitive;
    throw InputError(
        {path, {}, std::nullopt, {}},
        Tr::tr("no sheet named \"%1\" (sheets: %2)").arg(sheetName, names.join(u", ")));
}

struct SheetRow
{
    qint64 number = 0;
    QStringList cells;
};

} // namespace

TextTable readXlsxTable(const QString &path, const QString &sheetName, Feedback *feedback)
{
    const ErrorLocation fileLocation{path, {}, std::nullopt, {}};
    if (!QFileInfo(path).isFile())
        throw InputError(fileLocation, Tr::tr("no such file"));

    gdal::ensureRegistered();
    gdal::ErrorCapture errors;
    const ThreadConfigOption headers("OGR_XLSX_HEADERS", "DISABLE");
    const ThreadConfigOption types("OGR_XLSX_FIELD_TYPES", "STRING");
    const char *const drivers[] = {"XLSX", nullptr};
    const gdal::DatasetPtr dataset(GDALOpenEx(
        path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (!dataset)
        throw InputError(
            fileLocation,
            Tr::tr("cannot open as an Excel workbook (.xlsx): %1").arg(gdalMessage(errors)));

    OGRLayerH layer = findSheet(dataset.get(), sheetName, path);
    TextTable table;
    table.sourcePath = path;
    table.sheet = QString::fromUtf8(OGR_L_GetName(layer));
    table.layerName = GDALDatasetGetLayerCount(dataset.get()) == 1
                          ? QFileInfo(path).completeBaseName()
                          : table.sheet;
    table.encoding = QStringLiteral("UTF-8");
    table.encodingSource = QStringLiteral("format");
    const ErrorLocation sheetLocation = tableLocation(table);

    // The driver names columns Field1, Field2, … by position (column A is Field1); the header
    // row is found and checked here, as for CSV files.
    errors.clear();
    OGRFeatureDefnH definition = OGR_L_GetLayerDefn(layer);
    const int columns = OGR_FD_GetFieldCount(definition);
    const GIntBig expected = OGR_L_GetFeatureCount(layer, FALSE);
    std::optional<SheetRow> header;
    QList<SheetRow> rows;
    OGR_L_ResetReading(layer);
    for (;;) {
        const gdal::FeaturePtr feature(OGR_L_GetNextFeature(layer));
        if (!feature)
            break;
        SheetRow row;
        row.number = OGR_F_GetFID(feature.get());
        row.cells.reserve(columns);
        for (int i = 0; i < columns; ++i) {
            row.cells.append(OGR_F_IsFieldSetAndNotNull(feature.get(), i)
                                 ? QString::fromUtf8(OGR_F_GetFieldAsString(feature.get(), i))
                                 : QString());
        }
        if (isBlank(row.cells))
            continue;
        if (!header)
            header = std::move(row);
        else
            rows.append(std::move(row));
        if (feedback && rows.size() % 256 == 0) {
            feedback->throwIfCanceled();
            if (expected > 0)
                feedback->setProgress(90.0 * double(rows.size()) / double(expected));
        }
    }
    if (errors.hasFailure())
        throw InputError(sheetLocation,
                         Tr::tr("cannot read the sheet: %1").arg(gdalMessage(errors)));
    if (!header)
        throw InputError(sheetLocation, Tr::tr("the sheet is empty"));

    QList<int> kept;
    QHash<QString, int> seen;
    for (int column = 0; column < columns; ++column) {
        const QString name = header->cells.at(column).trimmed();
        if (name.isEmpty()) {
            for (const SheetRow &row : std::as_const(rows)) {
                if (!row.cells.at(column).trimmed().isEmpty())
                    throw InputError(sheetLocation,
                                     Tr::tr("column %1 has values (first in row %2) but no name "
                                            "in the header (row %3)")
                                         .arg(columnLetter(column))
                                         .arg(row.number)
                                         .arg(header->number));
            }
            continue;
        }
        const QString key = name.toCaseFolded();
        if (const auto it = seen.constFind(key); it != seen.constEnd())
            throw InputError(sheetLocation,
                             Tr::tr("duplicate column name \"%1\" (columns %2 and %3)")
                                 .arg(name, columnLetter(it.value()), columnLetter(column)));
        seen.insert(key, column);
        kept.append(column);
        table.headers.append(name);
    }

    table.rows.reserve(rows.size());
    table.rowNumbers.reserve(rows.size());
    for (const SheetRow &row : std::as_const(rows)) {
        QStringList cells;
        cells.reserve(kept.size());
        for (const int column : std::as_const(kept))
            cells.append(row.cells.at(column));
        table.rows.append(std::move(cells));
        table.rowNumbers.append(row.number);
    }
    if (feedback) {
        feedback->throwIfCanceled();
        feedback->setProgress(100.0);
    }
    return table;
}

} // namespace riskatlas::io
