// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/gpkg_direct_reader.h"

#include "core/error.h"
#include "core/feedback.h"
#include "core/io/sqlite_handles.h"

#include <QFile>
#include <QStringDecoder>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <thread>

namespace riskatlas::io {

namespace {

// Below this many features a second connection costs more than it saves (as in GDAL's path).
constexpr qint64 kParallelReadMinimum = 20000;

// Thrown inside this file when the table is not the plain case; readGpkgDirect() turns it
// into std::nullopt and the caller falls back to GDAL.
struct NotPlain
{
};

struct Column
{
    model::FieldType type = model::FieldType::String;
};

struct Table
{
    QString name;
    QByteArray selectSql; // fid, geometry, attribute columns
    QByteArray fidColumn;
    std::vector<Column> columns;
    model::Fields fields;
    model::GeometryType geometryType = model::GeometryType::Unknown;
    crs::Crs crs;
};

QByteArray quoted(const QByteArray &identifier)
{
    QByteArray escaped = identifier;
    escaped.replace('"', "\"\"");
    return '"' + escaped + '"';
}

sqlite::DatabasePtr openReadOnly(const QString &path)
{
    sqlite3 *raw = nullptr;
    const QByteArray name = QFile::encodeName(path);
    const int status = sqlite3_open_v2(name.constData(), &raw,
                                       SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    sqlite::DatabasePtr database(raw);
    if (status != SQLITE_OK)
        throw NotPlain{};
    // The table is scanned once: pages mapped cost less than a pread() and a copy each.
    sqlite3_exec(database.get(), "PRAGMA mmap_size=268435456", nullptr, nullptr, nullptr);
    return database;
}

sqlite::StatementPtr prepare(sqlite3 *database, const QByteArray &sql)
{
    sqlite3_stmt *raw = nullptr;
    if (sqlite3_prepare_v2(database, sql.constData(), int(sql.size()), &raw, nullptr) != SQLITE_OK)
        throw NotPlain{};
    return sqlite::StatementPtr(raw);
}

QByteArray columnBytes(sqlite3_stmt *statement, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text ? QByteArray(text) : QByteArray();
}

std::optional<QString> utf8(const char *bytes, qsizetype size)
{
    const QByteArrayView view(bytes, size);
    if (std::all_of(view.begin(), view.end(), [](char c) { return uchar(c) < 0x80; }))
        return QString::fromLatin1(view);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(view);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// GDAL's GeoPackage driver maps these declared types; anything else (DATE, DATETIME, BLOB,
// FLOAT, the 16-bit integers, unknown names) is left to it.
std::optional<model::Field> fieldFor(const QByteArray &declared)
{
    const QByteArray type = declared.trimmed().toUpper();
    if (type == "MEDIUMINT")
        return model::Field{{}, model::FieldType::Integer, 0, 0};
    if (type == "INTEGER")
        return model::Field{{}, model::FieldType::Integer64, 0, 0};
    if (type == "BOOLEAN")
        return model::Field{{}, model::FieldType::Boolean, 0, 0};
    if (type == "REAL" || type == "DOUBLE")
        return model::Field{{}, model::FieldType::Real, 0, 0};
    if (type == "TEXT")
        return model::Field{{}, model::FieldType::String, 0, 0};
    if (type.startsWith("TEXT(") && type.endsWith(')')) {
        bool ok = false;
        const int width = type.mid(5, type.size() - 6).toInt(&ok);
        if (ok && width > 0)
            return model::Field{{}, model::FieldType::String, width, 0};
    }
    return std::nullopt;
}

std::optional<model::GeometryType> geometryTypeFor(const QByteArray &name)
{
    static const std::pair<const char *, model::GeometryType> kTypes[] = {
        {"GEOMETRY", model::GeometryType::Unknown},
        {"POINT", model::GeometryType::Point},
        {"LINESTRING", model::GeometryType::LineString},
        {"POLYGON", model::GeometryType::Polygon},
        {"MULTIPOINT", model::GeometryType::MultiPoint},
        {"MULTILINESTRING", model::GeometryType::MultiLineString},
        {"MULTIPOLYGON", model::GeometryType::MultiPolygon},
        {"GEOMETRYCOLLECTION", model::GeometryType::GeometryCollection},
    };
    const QByteArray upper = name.toUpper();
    for (const auto &[text, type] : kTypes) {
        if (upper == text)
            return type;
    }
    return std::nullopt;
}

// Which feature table to read, as GDAL would pick it: the named one, or the only table of the
// file. When GDAL might list other tables as layers too, the choice is left to it.
QByteArray chooseTable(sqlite3 *database, const DatasetPath &source)
{
    std::vector<QByteArray> features;
    int contents = 0;
    sqlite::StatementPtr rows =
        prepare(database, "SELECT table_name, data_type FROM gpkg_contents");
    while (sqlite3_step(rows.get()) == SQLITE_ROW) {
        ++contents;
        if (columnBytes(rows.get(), 1) == "features")
            features.push_back(columnBytes(rows.get(), 0));
    }
    if (!source.layerName.isEmpty()) {
        const QByteArray wanted = source.layerName.toUtf8();
        if (std::find(features.begin(), features.end(), wanted) == features.end())
            throw NotPlain{};
        return wanted;
    }
    if (contents != 1 || features.size() != 1)
        throw NotPlain{};
    sqlite::StatementPtr tables = prepare(
        database, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT "
                  "LIKE 'gpkg%' AND name NOT LIKE 'rtree%' AND name NOT LIKE 'sqlite%'");
    while (sqlite3_step(tables.get()) == SQLITE_ROW) {
        if (columnBytes(tables.get(), 0) != features.front())
            throw NotPlain{};
    }
    return features.front();
}

Table inspect(sqlite3 *database, const DatasetPath &source,
              const std::optional<QStringList> &wanted)
{
    sqlite::StatementPtr application = prepare(database, "PRAGMA application_id");
    if (sqlite3_step(application.get()) != SQLITE_ROW)
        throw NotPlain{};
    const quint32 id = quint32(sqlite3_column_int64(application.get(), 0));
    if (id != 0x47504B47u && id != 0x47503130u && id != 0x47503131u) // GPKG, GP10, GP11
        throw NotPlain{};

    const QByteArray tableName = chooseTable(database, source);
    Table table;
    table.name = QString::fromUtf8(tableName);

    sqlite::StatementPtr sql = prepare(database, "SELECT sql FROM sqlite_master WHERE type = "
                                                 "'table' AND name = ?");
    sqlite3_bind_text(sql.get(), 1, tableName.constData(), int(tableName.size()), SQLITE_STATIC);
    if (sqlite3_step(sql.get()) != SQLITE_ROW ||
        columnBytes(sql.get(), 0).toUpper().contains("WITHOUT ROWID"))
        throw NotPlain{};

    sqlite::StatementPtr geometry =
        prepare(database, "SELECT column_name, geometry_type_name, srs_id, z, m FROM "
                          "gpkg_geometry_columns WHERE table_name = ?");
    sqlite3_bind_text(geometry.get(), 1, tableName.constData(), int(tableName.size()),
                      SQLITE_STATIC);
    if (sqlite3_step(geometry.get()) != SQLITE_ROW)
        throw NotPlain{};
    const QByteArray geometryColumn = columnBytes(geometry.get(), 0);
    const auto geometryType = geometryTypeFor(columnBytes(geometry.get(), 1));
    const int srsId = sqlite3_column_int(geometry.get(), 2);
    if (!geometryType || sqlite3_column_int(geometry.get(), 3) != 0 ||
        sqlite3_column_int(geometry.get(), 4) != 0 || sqlite3_step(geometry.get()) == SQLITE_ROW)
        throw NotPlain{};
    table.geometryType = *geometryType;

    // GDAL's driver takes the CRS from the EPSG database when the record is EPSG's own code.
    sqlite::StatementPtr srs = prepare(database, "SELECT organization, organization_coordsys_id "
                                                 "FROM gpkg_spatial_ref_sys WHERE srs_id = ?");
    sqlite3_bind_int(srs.get(), 1, srsId);
    if (srsId <= 0 || sqlite3_step(srs.get()) != SQLITE_ROW ||
        columnBytes(srs.get(), 0).toUpper() != "EPSG" || sqlite3_column_int(srs.get(), 1) != srsId)
        throw NotPlain{};
    try {
        table.crs = crs::Crs::fromEpsg(srsId);
    } catch (const InputError &) {
        throw NotPlain{};
    }

    QByteArray select;
    sqlite::StatementPtr info = prepare(database, "PRAGMA table_info(" + quoted(tableName) + ")");
    bool geometryFound = false;
    QByteArrayList attributeColumns;
    while (sqlite3_step(info.get()) == SQLITE_ROW) {
        const QByteArray name = columnBytes(info.get(), 1);
        const QByteArray type = columnBytes(info.get(), 2);
        const int primaryKey = sqlite3_column_int(info.get(), 5);
        if (primaryKey != 0) {
            if (primaryKey != 1 || !table.fidColumn.isEmpty() || type.toUpper() != "INTEGER")
                throw NotPlain{};
            table.fidColumn = name;
            continue;
        }
        if (name == geometryColumn) {
            geometryFound = true;
            continue;
        }
        std::optional<model::Field> field = fieldFor(type);
        const std::optional<QString> fieldName = utf8(name.constData(), name.size());
        if (!field || !fieldName)
            throw NotPlain{};
        field->name = *fieldName;
        table.fields.append(*field);
        table.columns.push_back({field->type});
        attributeColumns.append(quoted(name));
    }
    if (table.fidColumn.isEmpty() || !geometryFound)
        throw NotPlain{};
    if (wanted) {
        std::vector<bool> keep(std::size_t(table.fields.size()), false);
        for (const QString &name : *wanted) {
            const int index = model::fieldIndex(table.fields, name);
            if (index < 0)
                throw NotPlain{}; // GDAL's reader names the missing field
            keep[std::size_t(index)] = true;
        }
        model::Fields fields;
        std::vector<Column> columns;
        QByteArrayList selected;
        for (std::size_t i = 0; i < keep.size(); ++i) {
            if (!keep[i])
                continue;
            fields.append(table.fields[qsizetype(i)]);
            columns.push_back(table.columns[i]);
            selected.append(attributeColumns[qsizetype(i)]);
        }
        table.fields = fields;
        table.columns = std::move(columns);
        attributeColumns = selected;
    }
    table.selectSql = "SELECT " + quoted(table.fidColumn) + ", " + quoted(geometryColumn);
    for (const QByteArray &column : attributeColumns)
        table.selectSql += ", " + column;
    table.selectSql += " FROM " + quoted(tableName);
    return table;
}

// Walks one WKB geometry from `at`; true when it is little-endian, 2D, linear, of a type
// allowed by `allowed` (0 = any of 1-7) and ends within `end`. Points must not be NaN, which
// GDAL would read as empty.
bool plainWkb(const uchar *&at, const uchar *end, quint32 allowed, int depth)
{
    auto need = [&](std::size_t bytes) {
        return std::size_t(end - at) >= bytes;
    };
    auto count = [&](quint32 &value) {
        if (!need(4))
            return false;
        value = qFromLittleEndian<quint32>(at);
        at += 4;
        return true;
    };
    auto points = [&](quint32 n) {
        if (std::size_t(end - at) / 16 < n)
            return false;
        at += std::size_t(n) * 16;
        return true;
    };
    if (depth > 8 || !need(5) || at[0] != 1)
        return false;
    const quint32 type = qFromLittleEndian<quint32>(at + 1);
    at += 5;
    if (type < 1 || type > 7 || (allowed != 0 && type != allowed))
        return false;
    quint32 n = 0;
    switch (type) {
    case 1: {
        if (!need(16))
            return false;
        const double x = qFromLittleEndian<double>(at);
        const double y = qFromLittleEndian<double>(at + 8);
        at += 16;
        return !std::isnan(x) && !std::isnan(y);
    }
    case 2:
        return count(n) && points(n);
    case 3: {
        if (!count(n))
            return false;
        for (quint32 ring = 0; ring < n; ++ring) {
            quint32 size = 0;
            if (!count(size) || !points(size))
                return false;
        }
        return true;
    }
    default: {
        if (!count(n))
            return false;
        const quint32 part = type == 7 ? 0 : type - 3;
        for (quint32 k = 0; k < n; ++k) {
            if (!plainWkb(at, end, part, depth + 1))
                return false;
        }
        return true;
    }
    }
}

// The WKB inside a GeoPackage geometry blob: magic "GP", version, flags, srs_id, envelope.
// `finitePoint` tells whether it is a single 2D point with finite coordinates, which GEOS
// always finds valid.
QByteArray wkbFromBlob(const uchar *blob, int size, bool &finitePoint)
{
    if (size < 8 || blob[0] != 'G' || blob[1] != 'P' || blob[2] != 0)
        throw NotPlain{};
    const uchar flags = blob[3];
    if ((flags & 0x20) != 0 || (flags & 0x10) != 0) // extended type; empty geometry
        throw NotPlain{};
    static const int kEnvelopeBytes[] = {0, 32, 48, 48, 64};
    const int envelope = (flags >> 1) & 0x07;
    if (envelope > 4)
        throw NotPlain{};
    const int offset = 8 + kEnvelopeBytes[envelope];
    if (size <= offset)
        throw NotPlain{};
    const uchar *at = blob + offset;
    const uchar *end = blob + size;
    if (!plainWkb(at, end, 0, 0) || at != end)
        throw NotPlain{};
    const uchar *wkb = blob + offset;
    finitePoint = size - offset == 21 && qFromLittleEndian<quint32>(wkb + 1) == 1 &&
                  std::isfinite(qFromLittleEndian<double>(wkb + 5)) &&
                  std::isfinite(qFromLittleEndian<double>(wkb + 13));
    return QByteArray(reinterpret_cast<const char *>(blob + offset), size - offset);
}

QVariant attribute(sqlite3_stmt *statement, int column, model::FieldType type)
{
    const int storage = sqlite3_column_type(statement, column);
    if (storage == SQLITE_NULL)
        return {};
    switch (type) {
    case model::FieldType::Integer: {
        if (storage != SQLITE_INTEGER)
            throw NotPlain{};
        const qint64 value = sqlite3_column_int64(statement, column);
        if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
            throw NotPlain{};
        return int(value);
    }
    case model::FieldType::Integer64:
        if (storage != SQLITE_INTEGER)
            throw NotPlain{};
        return qint64(sqlite3_column_int64(statement, column));
    case model::FieldType::Boolean:
        if (storage != SQLITE_INTEGER)
            throw NotPlain{};
        return sqlite3_column_int64(statement, column) != 0;
    case model::FieldType::Real:
        if (storage != SQLITE_INTEGER && storage != SQLITE_FLOAT)
            throw NotPlain{};
        return sqlite3_column_double(statement, column);
    case model::FieldType::String: {
        if (storage != SQLITE_TEXT)
            throw NotPlain{};
        // GDAL hands C strings: text stops at an embedded NUL.
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
        const std::optional<QString> value = utf8(text, qsizetype(std::strlen(text)));
        if (!value)
            throw NotPlain{};
        return *value;
    }
    case model::FieldType::Date:
    case model::FieldType::DateTime:
        break;
    }
    throw NotPlain{};
}

// Reads rows with fid in [from, to) (all rows when `ranged` is false) onto `out`; clears
// `allFinitePoints` when a geometry is anything but a finite 2D point.
void readRows(const QString &path, const Table &table, bool ranged, qint64 from, qint64 to,
              qint64 total, std::atomic<qint64> &done, std::vector<model::Feature> &out,
              bool &allFinitePoints, Feedback *progress, Feedback *cancel)
{
    const sqlite::DatabasePtr database = openReadOnly(path);
    QByteArray sql = table.selectSql;
    if (ranged)
        sql +=
            " WHERE " + quoted(table.fidColumn) + " >= ?1 AND " + quoted(table.fidColumn) + " < ?2";
    const sqlite::StatementPtr statement = prepare(database.get(), sql);
    if (ranged) {
        sqlite3_bind_int64(statement.get(), 1, from);
        sqlite3_bind_int64(statement.get(), 2, to);
    }
    const int columnCount = int(table.columns.size());
    qint64 index = 0;
    int status = SQLITE_ROW;
    while ((status = sqlite3_step(statement.get())) == SQLITE_ROW) {
        if ((index++ % 1024) == 0) {
            if (cancel)
                cancel->throwIfCanceled();
            const qint64 sofar = done.fetch_add(1024) + 1024;
            if (progress && total > 0)
                progress->setProgress(100.0 * double(std::min(sofar, total)) / double(total));
        }
        model::Feature feature;
        feature.fid = sqlite3_column_int64(statement.get(), 0);
        switch (sqlite3_column_type(statement.get(), 1)) {
        case SQLITE_NULL:
            break;
        case SQLITE_BLOB: {
            bool finitePoint = false;
            feature.wkb =
                wkbFromBlob(static_cast<const uchar *>(sqlite3_column_blob(statement.get(), 1)),
                            sqlite3_column_bytes(statement.get(), 1), finitePoint);
            allFinitePoints = allFinitePoints && finitePoint;
            break;
        }
        default:
            throw NotPlain{};
        }
        feature.attributes.reserve(columnCount);
        for (int c = 0; c < columnCount; ++c)
            feature.attributes.append(attribute(statement.get(), c + 2, table.columns[c].type));
        out.push_back(std::move(feature));
    }
    if (status != SQLITE_DONE)
        throw NotPlain{};
}

} // namespace

std::optional<model::VectorLayer> readGpkgDirect(const DatasetPath &source, int threads,
                                                 Feedback *feedback,
                                                 const std::optional<QStringList> &fields)
{
    if (source.layerIndex)
        return std::nullopt;
    try {
        Table table;
        qint64 minFid = 0;
        qint64 maxFid = -1;
        {
            const sqlite::DatabasePtr database = openReadOnly(source.path);
            table = inspect(database.get(), source, fields);
            sqlite::StatementPtr range =
                prepare(database.get(), "SELECT MIN(" + quoted(table.fidColumn) + "), MAX(" +
                                            quoted(table.fidColumn) + ") FROM " +
                                            quoted(table.name.toUtf8()));
            if (sqlite3_step(range.get()) == SQLITE_ROW &&
                sqlite3_column_type(range.get(), 0) == SQLITE_INTEGER) {
                minFid = sqlite3_column_int64(range.get(), 0);
                maxFid = sqlite3_column_int64(range.get(), 1);
            }
        }
        const qint64 span = maxFid - minFid + 1;
        const int workers =
            threads > 0 ? threads : std::max(1, int(std::thread::hardware_concurrency()));
        const int parts = (workers > 1 && span >= kParallelReadMinimum) ? workers : 1;

        // Rows come in fid (rowid) order, so fid ranges read on separate connections and put
        // end to end give the same layer as one pass.
        std::vector<std::vector<model::Feature>> read(static_cast<std::size_t>(parts));
        std::vector<std::exception_ptr> errors(static_cast<std::size_t>(parts));
        std::atomic<bool> notPlain{false};
        std::atomic<qint64> done{0};
        std::vector<char> finitePoints(static_cast<std::size_t>(parts), 1);
        auto readPart = [&](int part) {
            try {
                const qint64 from = minFid + span * part / parts;
                const qint64 to = minFid + span * (part + 1) / parts;
                read[std::size_t(part)].reserve(std::size_t(std::max<qint64>(0, to - from)));
                bool allFinitePoints = true;
                readRows(source.path, table, parts > 1, from, to, span, done,
                         read[std::size_t(part)], allFinitePoints, part == 0 ? feedback : nullptr,
                         feedback);
                finitePoints[std::size_t(part)] = allFinitePoints;
            } catch (const NotPlain &) {
                notPlain = true;
            } catch (...) {
                errors[std::size_t(part)] = std::current_exception();
            }
        };
        std::vector<std::thread> pool;
        for (int part = 1; part < parts; ++part)
            pool.emplace_back(readPart, part);
        readPart(0);
        for (std::thread &thread : pool)
            thread.join();
        for (const std::exception_ptr &error : errors) {
            if (error)
                std::rethrow_exception(error);
        }
        if (notPlain)
            return std::nullopt;

        model::VectorLayer layer;
        layer.name = table.name;
        layer.sourcePath = source.path;
        layer.crs = table.crs;
        layer.geometryType = table.geometryType;
        layer.fields = table.fields;
        layer.sourceEncoding = QStringLiteral("UTF-8");
        layer.encodingSource = QStringLiteral("format");
        layer.geometryValidated =
            std::all_of(finitePoints.begin(), finitePoints.end(), [](char all) { return all; });
        if (parts == 1) {
            layer.features = std::move(read.front());
        } else {
            std::size_t count = 0;
            for (const auto &features : read)
                count += features.size();
            layer.features.reserve(count);
            for (auto &features : read) {
                std::move(features.begin(), features.end(), std::back_inserter(layer.features));
                features = {};
            }
        }
        return layer;
    } catch (const NotPlain &) {
        return std::nullopt;
    }
}

} // namespace riskatlas::io
