// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/point_table_builder.h"

#include "core/crs/chinese_offsets.h"
#include "core/error.h"
#include "core/feedback.h"
#include "core/gdal/gdal_handles.h"
#include "core/gdal/ogr_geometry_type.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QtEndian>

#include <cmath>
#include <cstring>

namespace riskatlas::io {

using namespace Qt::Literals::StringLiterals;

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::io)
};

const QStringList &xCandidates()
{
    static const QStringList names = {
        QStringLiteral("lon"),
        QStringLiteral("lng"),
        QStringLiteral("long"),
        QStringLiteral("longitude"),
        u"经度"_s,
        u"东经"_s,
        QStringLiteral("x"),
        u"x坐标"_s,
        QStringLiteral("point_x"),
    };
    return names;
}

const QStringList &yCandidates()
{
    static const QStringList names = {
        QStringLiteral("lat"),
        QStringLiteral("latitude"),
        u"纬度"_s,
        u"北纬"_s,
        QStringLiteral("y"),
        u"y坐标"_s,
        QStringLiteral("point_y"),
    };
    return names;
}

const QStringList &wktCandidates()
{
    static const QStringList names = {
        QStringLiteral("wkt"),
        QStringLiteral("geom"),
        QStringLiteral("geometry"),
        QStringLiteral("the_geom"),
        u"几何"_s,
    };
    return names;
}

const QStringList &offsetCandidates()
{
    static const QStringList names = {
        u"坐标系"_s,
        u"坐标类型"_s,
        u"坐标系统"_s,
        QStringLiteral("coord_sys"),
        QStringLiteral("coordsys"),
        QStringLiteral("coord_type"),
        QStringLiteral("crs"),
    };
    return names;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString quotedList(const QStringList &names)
{
    QStringList list;
    for (const QString &name : names)
        list.append(quoted(name));
    return list.join(u", ");
}

// The column called `name`: exactly, else ignoring case and surrounding spaces; -1 if none.
int findColumn(const QStringList &headers, const QString &name)
{
    if (const int exact = int(headers.indexOf(name)); exact >= 0)
        return exact;
    const QString wanted = name.trimmed();
    for (int i = 0; i < headers.size(); ++i) {
        if (headers.at(i).trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

int detectColumn(const QStringList &headers, const QStringList &candidates)
{
    for (const QString &candidate : candidates) {
        if (const int column = findColumn(headers, candidate); column >= 0)
            return column;
    }
    return -1;
}

int requireColumn(const TextTable &table, const QString &name)
{
    const int column = findColumn(table.headers, name);
    if (column < 0)
        throw InputError(
            tableLocation(table),
            Tr::tr("no column %1 (columns: %2)").arg(quoted(name), quotedList(table.headers)));
    return column;
}

struct Columns
{
    int x = -1;
    int y = -1;
    int wkt = -1;
    int offset = -1;
};

Columns resolveColumns(const TextTable &table, const PointTableOptions &options)
{
    Columns columns;
    const bool xyGiven = !options.xColumn.isEmpty() || !options.yColumn.isEmpty();
    if (xyGiven && !options.wktColumn.isEmpty())
        throw InputError(tableLocation(table),
                         Tr::tr("give either x/y columns or a WKT column, not both"));
    if (!options.wktColumn.isEmpty()) {
        columns.wkt = requireColumn(table, options.wktColumn);
    } else {
        columns.x = options.xColumn.isEmpty() ? detectColumn(table.headers, xCandidates())
                                              : requireColumn(table, options.xColumn);
        columns.y = options.yColumn.isEmpty() ? detectColumn(table.headers, yCandidates())
                                              : requireColumn(table, options.yColumn);
        if (columns.x < 0 && columns.y < 0 && !xyGiven)
            columns.wkt = detectColumn(table.headers, wktCandidates());
        if (columns.wkt < 0) {
            if (columns.x < 0 && columns.y < 0)
                throw InputError(tableLocation(table),
                                 Tr::tr("no coordinate columns (looked for %1 as longitude/x; %2 "
                                        "as latitude/y; %3 as WKT; columns: %4)")
                                     .arg(xCandidates().join(u", "), yCandidates().join(u", "),
                                          wktCandidates().join(u", "), quotedList(table.headers)));
            if (columns.y < 0)
                throw InputError(
                    tableLocation(table),
                    Tr::tr("found the longitude/x column %1 but no latitude/y "
                           "column (looked for %2)")
                        .arg(quoted(table.headers.at(columns.x)), yCandidates().join(u", ")));
            if (columns.x < 0)
                throw InputError(
                    tableLocation(table),
                    Tr::tr("found the latitude/y column %1 but no longitude/x "
                           "column (looked for %2)")
                        .arg(quoted(table.headers.at(columns.y)), xCandidates().join(u", ")));
            if (columns.x == columns.y)
                throw InputError(tableLocation(table),
                                 Tr::tr("column %1 cannot be both longitude/x and latitude/y")
                                     .arg(quoted(table.headers.at(columns.x))));
        }
    }
    columns.offset = options.offsetColumn.isEmpty()
                         ? detectColumn(table.headers, offsetCandidates())
                         : requireColumn(table, options.offsetColumn);
    if (columns.offset >= 0 && (columns.offset == columns.x || columns.offset == columns.y ||
                                columns.offset == columns.wkt))
        throw InputError(tableLocation(table),
                         Tr::tr("column %1 cannot be both a coordinate and the coordinate "
                                "system column")
                             .arg(quoted(table.headers.at(columns.offset))));
    return columns;
}

struct RawPoint
{
    double x = 0;
    double y = 0;
};

// Thrown per row while parsing, so that a pre-pass can skip rows the main pass reports.
struct RowProblem
{
    QString message;
};

// One row's geometry before checks: a point (from x/y columns or a WKT point), or another
// geometry from the WKT column, held by `other`.
struct RowGeometry
{
    RawPoint point;
    gdal::GeometryPtr other;
};

double parseNumber(const QString &cell, const QString &what, const QString &column)
{
    const QString text = cell.trimmed();
    if (text.isEmpty())
        throw RowProblem{Tr::tr("empty %1 in column %2").arg(what, quoted(column))};
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        throw RowProblem{
            Tr::tr("%1 %2 in column %3 is not a number").arg(what, quoted(cell), quoted(column))};
    if (!std::isfinite(value))
        throw RowProblem{Tr::tr("%1 %2 in column %3 is not a finite number")
                             .arg(what, quoted(cell), quoted(column))};
    return value;
}

// Calls `visit(x, y)` for every vertex; a vertex changed by `visit` is written back.
template<typename Visit>
void forEachVertex(OGRGeometryH geometry, Visit &&visit)
{
    if (const int parts = OGR_G_GetGeometryCount(geometry); parts > 0) {
        for (int i = 0; i < parts; ++i)
            forEachVertex(OGR_G_GetGeometryRef(geometry, i), visit);
        return;
    }
    const int count = OGR_G_GetPointCount(geometry);
    for (int i = 0; i < count; ++i) {
        double x = OGR_G_GetX(geometry, i);
        double y = OGR_G_GetY(geometry, i);
        const double oldX = x;
        const double oldY = y;
        visit(x, y);
        if (x != oldX || y != oldY)
            OGR_G_SetPoint_2D(geometry, i, x, y);
    }
}

// Only the plain 2D OGC types can come from a table cell.
std::optional<model::GeometryType> modelType(OGRwkbGeometryType flat)
{
    const model::GeometryType type = gdal::fromOgrGeometryType(flat);
    // The round trip rejects Z/M, curves, TINs and polyhedral surfaces.
    if (type == model::GeometryType::None || type == model::GeometryType::Unknown ||
        gdal::toOgrGeometryType(type) != flat)
        return std::nullopt;
    return type;
}

RowGeometry parseWkt(const QString &cell, const QString &column)
{
    const QString text = cell.trimmed();
    if (text.isEmpty())
        throw RowProblem{Tr::tr("empty geometry in column %1").arg(quoted(column))};
    const QByteArray utf8 = text.toUtf8();
    const char *cursor = utf8.constData();
    OGRGeometryH raw = nullptr;
    const OGRErr err = OGR_G_CreateFromWkt(const_cast<char **>(&cursor), nullptr, &raw);
    gdal::GeometryPtr geometry(raw);
    const QString shown = text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
    if (err != OGRERR_NONE || !geometry || QByteArray(cursor).trimmed().size() > 0)
        throw RowProblem{Tr::tr("invalid WKT %1 in column %2").arg(quoted(shown), quoted(column))};
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(geometry.get()));
    if (!modelType(type) || OGR_GT_IsNonLinear(OGR_G_GetGeometryType(geometry.get())))
        throw RowProblem{Tr::tr("WKT %1 in column %2 is a %3, which is not supported (use points, "
                                "lines, polygons, their multi forms or collections)")
                             .arg(quoted(shown), quoted(column),
                                  QString::fromUtf8(OGRGeometryTypeToName(type)))};
    if (OGR_G_IsEmpty(geometry.get()))
        throw RowProblem{
            Tr::tr("empty geometry %1 in column %2").arg(quoted(shown), quoted(column))};
    OGR_G_FlattenTo2D(geometry.get());
    bool finite = true;
    forEachVertex(geometry.get(), [&](double &x, double &y) {
        finite = finite && std::isfinite(x) && std::isfinite(y);
    });
    if (!finite)
        throw RowProblem{Tr::tr("WKT %1 in column %2 has a non-finite coordinate")
                             .arg(quoted(shown), quoted(column))};
    RowGeometry result;
    if (type == wkbPoint)
        result.point = {OGR_G_GetX(geometry.get(), 0), OGR_G_GetY(geometry.get(), 0)};
    else
        result.other = std::move(geometry);
    return result;
}

RowGeometry parseRow(const QStringList &row, const QStringList &headers, const Columns &columns)
{
    if (columns.wkt >= 0)
        return parseWkt(row.at(columns.wkt), headers.at(columns.wkt));
    RowGeometry result;
    result.point.x = parseNumber(row.at(columns.x), Tr::tr("longitude/x"), headers.at(columns.x));
    result.point.y = parseNumber(row.at(columns.y), Tr::tr("latitude/y"), headers.at(columns.y));
    return result;
}

bool fitsDegrees(const RowGeometry &geometry)
{
    bool fits = true;
    auto check = [&](double x, double y) {
        fits = fits && std::abs(x) <= 180 && std::abs(y) <= 180;
    };
    if (geometry.other)
        forEachVertex(geometry.other.get(), [&](double &x, double &y) { check(x, y); });
    else
        check(geometry.point.x, geometry.point.y);
    return fits;
}

bool looksSwapped(double x, double y)
{
    if (std::abs(x) <= 90 && std::abs(y) > 90 && std::abs(y) <= 180)
        return true;
    // China lies within longitude 73…136 and latitude 3…54; a pair the other way round is a
    // swapped pair, even though it would be a valid position elsewhere (the Arctic).
    return x >= 3 && x <= 54 && y >= 73 && y <= 136;
}

QByteArray pointWkb(double x, double y)
{
    QByteArray wkb(21, Qt::Uninitialized);
    char *data = wkb.data();
    data[0] = 1; // little-endian
    qToLittleEndian<quint32>(1, data + 1);
    quint64 bits = 0;
    std::memcpy(&bits, &x, sizeof bits);
    qToLittleEndian<quint64>(bits, data + 5);
    std::memcpy(&bits, &y, sizeof bits);
    qToLittleEndian<quint64>(bits, data + 13);
    return wkb;
}

QByteArray isoWkb(OGRGeometryH geometry, const ErrorLocation &where)
{
    QByteArray wkb(OGR_G_WkbSize(geometry), Qt::Uninitialized);
    if (OGR_G_ExportToIsoWkb(geometry, wkbNDR, reinterpret_cast<unsigned char *>(wkb.data())) !=
        OGRERR_NONE)
        throw ProcessingError(where, Tr::tr("GDAL cannot write the geometry as WKB"));
    return wkb;
}

// An integer as written in a table: no leading zeros (codes such as "0012" stay text).
bool isPlainInteger(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[+-]?(0|[1-9][0-9]*)$"));
    return pattern.match(text).hasMatch();
}

bool hasLeadingZero(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[+-]?0[0-9]"));
    return pattern.match(text).hasMatch();
}

model::FieldType inferType(const TextTable &table, int column)
{
    bool integers = true;
    bool numbers = true;
    bool any = false;
    for (const QStringList &row : table.rows) {
        const QString text = row.at(column).trimmed();
        if (text.isEmpty())
            continue;
        any = true;
        if (integers) {
            bool ok = false;
            text.toLongLong(&ok);
            integers = ok && isPlainInteger(text);
        }
        if (!integers) {
            bool ok = false;
            const double value = text.toDouble(&ok);
            numbers = ok && std::isfinite(value) && !hasLeadingZero(text);
            if (!numbers)
                break;
        }
    }
    if (!any)
        return model::FieldType::String;
    if (integers)
        return model::FieldType::Integer64;
    return numbers ? model::FieldType::Real : model::FieldType::String;
}

QVariant cellValue(const QString &cell, model::FieldType type)
{
    const QString text = cell.trimmed();
    if (text.isEmpty())
        return {};
    switch (type) {
    case model::FieldType::Integer64:
        return QVariant(text.toLongLong());
    case model::FieldType::Real:
        return QVariant(text.toDouble());
    default:
        return QVariant(cell);
    }
}

// Without a CRS, the coordinates decide: degrees if most rows fit ±180, so that a few typos are
// reported as out of range rather than as a projected table.
void checkLooksLikeDegrees(const TextTable &table, const Columns &columns)
{
    qsizetype parsed = 0;
    qsizetype degrees = 0;
    std::optional<qsizetype> firstOther;
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        try {
            const RowGeometry geometry = parseRow(table.rows.at(i), table.headers, columns);
            ++parsed;
            if (fitsDegrees(geometry))
                ++degrees;
            else if (!firstOther)
                firstOther = i;
        } catch (const RowProblem &) {
            // Reported in row order by the main pass.
        }
    }
    if (parsed == 0 || degrees * 2 >= parsed)
        return;
    const RowGeometry geometry = parseRow(table.rows.at(*firstOther), table.headers, columns);
    RawPoint p = geometry.point;
    if (geometry.other) {
        bool found = false;
        forEachVertex(geometry.other.get(), [&](double &x, double &y) {
            if (!found && (std::abs(x) > 180 || std::abs(y) > 180)) {
                p = {x, y};
                found = true;
            }
        });
    }
    throw InputError(rowLocation(table, table.rowNumbers.at(*firstOther)),
                     Tr::tr("the coordinates are not longitude/latitude (x = %1, y = %2); give "
                            "their CRS")
                         .arg(p.x, 0, 'g', 12)
                         .arg(p.y, 0, 'g', 12));
}

RawPoint firstVertex(const RowGeometry &geometry)
{
    if (!geometry.other)
        return geometry.point;
    std::optional<RawPoint> first;
    forEachVertex(geometry.other.get(), [&](double &x, double &y) {
        if (!first)
            first = RawPoint{x, y};
    });
    return first.value_or(RawPoint{});
}

// The per-row checks for degrees: swapped longitude/latitude (a point, or a geometry all of
// whose vertices look swapped) is repaired or reported; then every vertex must be in range.
void checkDegrees(RowGeometry &geometry, bool repair, const QString &xName, const QString &yName,
                  const ErrorLocation &where, qint64 rowNumber, PointTableReport &report)
{
    bool swapped = true;
    if (geometry.other)
        forEachVertex(geometry.other.get(),
                      [&](double &x, double &y) { swapped = swapped && looksSwapped(x, y); });
    else
        swapped = looksSwapped(geometry.point.x, geometry.point.y);

    if (swapped) {
        if (!repair) {
            const RawPoint p = firstVertex(geometry);
            throw InputError(where, Tr::tr("longitude and latitude look swapped (%1 = %2, %3 = "
                                           "%4); swap the columns, or repair")
                                        .arg(quoted(xName))
                                        .arg(p.x, 0, 'g', 12)
                                        .arg(quoted(yName))
                                        .arg(p.y, 0, 'g', 12));
        }
        if (geometry.other)
            OGR_G_SwapXY(geometry.other.get());
        else
            std::swap(geometry.point.x, geometry.point.y);
        report.repairs.append(
            Tr::tr("row %1: longitude and latitude swapped — swapped back").arg(rowNumber));
        return;
    }

    auto check = [&](double x, double y) {
        if (std::abs(x) > 180)
            throw InputError(where, Tr::tr("longitude %1 in column %2 is out of range (-180…180)")
                                        .arg(x, 0, 'g', 12)
                                        .arg(quoted(xName)));
        if (std::abs(y) > 90)
            throw InputError(where, Tr::tr("latitude %1 in column %2 is out of range (-90…90)")
                                        .arg(y, 0, 'g', 12)
                                        .arg(quoted(yName)));
    };
    if (geometry.other)
        forEachVertex(geometry.other.get(), [&](double &x, double &y) { check(x, y); });
    else
        check(geometry.point.x, geometry.point.y);
}

} // namespace

model::VectorLayer buildPointLayer(const TextTable &table, const PointTableOptions &options,
                                   PointTableReport *report, Feedback *feedback)
{
    const Columns columns = resolveColumns(table, options);
    const QStringList &headers = table.headers;
    PointTableReport local;
    PointTableReport &out = report ? *report : local;
    out = {};
    if (columns.x >= 0) {
        out.xColumn = headers.at(columns.x);
        out.yColumn = headers.at(columns.y);
    }
    if (columns.wkt >= 0)
        out.wktColumn = headers.at(columns.wkt);
    if (columns.offset >= 0)
        out.offsetColumn = headers.at(columns.offset);

    crs::Crs sourceCrs = options.crs;
    if (!sourceCrs.isValid()) {
        checkLooksLikeDegrees(table, columns);
        sourceCrs = crs::cgcs2000();
        out.crsAssumed = true;
    }
    const bool geographic = sourceCrs.isGeographic();
    if (columns.offset >= 0 && !geographic)
        throw InputError(tableLocation(table),
                         Tr::tr("the coordinate system column %1 needs longitude/latitude, but "
                                "the coordinates are in %2")
                             .arg(quoted(headers.at(columns.offset)), sourceCrs.authId()));

    model::VectorLayer layer;
    layer.name = table.layerName;
    layer.crs = columns.offset >= 0 ? crs::cgcs2000() : sourceCrs;
    layer.geometryType =
        columns.wkt >= 0 ? model::GeometryType::Unknown : model::GeometryType::Point;
    layer.sourcePath = table.sourcePath;
    layer.sourceEncoding = table.encoding;
    layer.encodingSource = table.encodingSource;

    QList<int> attributeColumns;
    for (int column = 0; column < headers.size(); ++column) {
        if (column == columns.x || column == columns.y || column == columns.wkt ||
            column == columns.offset)
            continue;
        attributeColumns.append(column);
        layer.fields.append({headers.at(column), inferType(table, column)});
    }
    const QString xName = headers.at(columns.x >= 0 ? columns.x : columns.wkt);
    const QString yName = headers.at(columns.y >= 0 ? columns.y : columns.wkt);

    std::optional<model::GeometryType> commonType;
    bool mixed = false;
    layer.features.reserve(size_t(table.rows.size()));
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const QStringList &row = table.rows.at(i);
        const qint64 rowNumber = table.rowNumbers.at(i);
        const ErrorLocation where = rowLocation(table, rowNumber);
        RowGeometry geometry;
        try {
            geometry = parseRow(row, headers, columns);
        } catch (const RowProblem &problem) {
            throw InputError(where, problem.message);
        }
        if (geographic)
            checkDegrees(geometry, options.repair, xName, yName, where, rowNumber, out);

        if (columns.offset >= 0) {
            const QString &name = row.at(columns.offset);
            const std::optional<crs::ChineseOffset> offset = crs::parseChineseOffset(name);
            if (!offset)
                throw InputError(where, Tr::tr("unknown coordinate system %1 in column %2 (use "
                                               "WGS84, CGCS2000, GCJ-02 or BD-09)")
                                            .arg(quoted(name), quoted(headers.at(columns.offset))));
            if (*offset != crs::ChineseOffset::None) {
                auto convert = [&](double &x, double &y) {
                    const crs::LonLat converted = crs::toCgcs2000({x, y}, *offset);
                    x = converted.lon;
                    y = converted.lat;
                };
                if (geometry.other)
                    forEachVertex(geometry.other.get(), convert);
                else
                    convert(geometry.point.x, geometry.point.y);
                ++out.converted;
            }
        }

        model::Feature feature;
        feature.fid = rowNumber;
        model::GeometryType type = model::GeometryType::Point;
        if (geometry.other) {
            feature.wkb = isoWkb(geometry.other.get(), where);
            type = *modelType(wkbFlatten(OGR_G_GetGeometryType(geometry.other.get())));
        } else {
            feature.wkb = pointWkb(geometry.point.x, geometry.point.y);
        }
        if (commonType && *commonType != type)
            mixed = true;
        commonType = type;
        feature.attributes.reserve(attributeColumns.size());
        for (qsizetype k = 0; k < attributeColumns.size(); ++k)
            feature.attributes.append(
                cellValue(row.at(attributeColumns.at(k)), layer.fields.at(k).type));
        layer.features.push_back(std::move(feature));

        if (feedback && i % 1024 == 0) {
            feedback->throwIfCanceled();
            feedback->setProgress(100.0 * double(i) / double(table.rows.size()));
        }
    }
    if (columns.wkt >= 0 && commonType && !mixed)
        layer.geometryType = *commonType;
    if (feedback) {
        feedback->throwIfCanceled();
        feedback->setProgress(100.0);
    }
    return layer;
}

} // namespace riskatlas::io
