// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/gpkg_spatial_index.h"

#include "core/error.h"
#include "core/io/sqlite_handles.h"

#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <limits>

namespace riskatlas::io {

namespace {

// SQLite's R-tree keeps 32-bit floats; a box is rounded outwards so it still covers the
// feature, as the R-tree module does on insert.
float roundDown(double value)
{
    float rounded = float(value);
    if (double(rounded) > value)
        rounded = std::nextafter(rounded, -std::numeric_limits<float>::infinity());
    return rounded;
}

float roundUp(double value)
{
    float rounded = float(value);
    if (double(rounded) < value)
        rounded = std::nextafter(rounded, std::numeric_limits<float>::infinity());
    return rounded;
}

// A cell of an R-tree node: a feature's fid in a leaf, a child node's number above.
struct Cell
{
    qint64 id = 0;
    float minX = 0, maxX = 0, minY = 0, maxY = 0;

    double centreX() const { return 0.5 * (double(minX) + double(maxX)); }
    double centreY() const { return 0.5 * (double(minY) + double(maxY)); }
};

QString quoted(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

class Database
{
public:
    Database(const QString &path, const QString &displayPath)
        : m_displayPath(displayPath)
    {
        sqlite3 *raw = nullptr;
        const QByteArray name = QFile::encodeName(path);
        const int status = sqlite3_open_v2(name.constData(), &raw, SQLITE_OPEN_READWRITE, nullptr);
        m_database.reset(raw);
        if (status != SQLITE_OK)
            fail(QStringLiteral("cannot open for the spatial index"));
        // Writing the R-tree's own tables is refused in defensive mode.
        sqlite3_db_config(m_database.get(), SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
    }

    void execute(const QString &sql)
    {
        const QByteArray text = sql.toUtf8();
        char *message = nullptr;
        if (sqlite3_exec(m_database.get(), text.constData(), nullptr, nullptr, &message) !=
            SQLITE_OK) {
            const QString reason = QString::fromUtf8(message ? message : "unknown error");
            sqlite3_free(message);
            throw ProcessingError({m_displayPath}, QStringLiteral("spatial index: %1").arg(reason));
        }
    }

    sqlite::StatementPtr prepare(const QString &sql)
    {
        const QByteArray text = sql.toUtf8();
        sqlite3_stmt *raw = nullptr;
        if (sqlite3_prepare_v2(m_database.get(), text.constData(), int(text.size()), &raw,
                               nullptr) != SQLITE_OK)
            fail(QStringLiteral("spatial index"));
        return sqlite::StatementPtr(raw);
    }

    // Binds two integers, or an integer and a blob, and runs the statement.
    void insert(sqlite3_stmt *statement, qint64 first, qint64 second)
    {
        sqlite3_bind_int64(statement, 1, first);
        sqlite3_bind_int64(statement, 2, second);
        run(statement);
    }
    void insert(sqlite3_stmt *statement, qint64 first, const QByteArray &blob)
    {
        sqlite3_bind_int64(statement, 1, first);
        sqlite3_bind_blob(statement, 2, blob.constData(), int(blob.size()), SQLITE_STATIC);
        run(statement);
    }

    int nodeSize(const QString &rtree)
    {
        sqlite::StatementPtr query =
            prepare(QStringLiteral("SELECT length(data) FROM %1 WHERE nodeno = 1")
                        .arg(quoted(rtree + QStringLiteral("_node"))));
        if (sqlite3_step(query.get()) != SQLITE_ROW)
            fail(QStringLiteral("the new R-tree has no root node"));
        return sqlite3_column_int(query.get(), 0);
    }

    // Runs a statement that returns no rows and resets it for the next bindings.
    void run(sqlite3_stmt *statement)
    {
        if (sqlite3_step(statement) != SQLITE_DONE)
            fail(QStringLiteral("spatial index"));
        sqlite3_reset(statement);
    }

private:
    [[noreturn]] void fail(const QString &what) const
    {
        const QString reason = m_database ? QString::fromUtf8(sqlite3_errmsg(m_database.get()))
                                          : QStringLiteral("out of memory");
        throw ProcessingError({m_displayPath}, QStringLiteral("%1: %2").arg(what, reason));
    }

    sqlite::DatabasePtr m_database;
    QString m_displayPath;
};

// Node layout of SQLite's R-tree module: a 16-bit tree depth (root only), a 16-bit cell
// count, then per cell a 64-bit id and minX, maxX, minY, maxY as 32-bit floats, all
// big-endian, zero-padded to the node size.
QByteArray encodeNode(const Cell *cells, std::size_t count, int depth, int nodeSize)
{
    QByteArray node(nodeSize, '\0');
    auto *bytes = reinterpret_cast<uchar *>(node.data());
    qToBigEndian<quint16>(quint16(depth), bytes);
    qToBigEndian<quint16>(quint16(count), bytes + 2);
    uchar *cell = bytes + 4;
    for (std::size_t i = 0; i < count; ++i) {
        qToBigEndian<qint64>(cells[i].id, cell);
        qToBigEndian<float>(cells[i].minX, cell + 8);
        qToBigEndian<float>(cells[i].maxX, cell + 12);
        qToBigEndian<float>(cells[i].minY, cell + 16);
        qToBigEndian<float>(cells[i].maxY, cell + 20);
        cell += 24;
    }
    return node;
}

Cell boundsOf(const Cell *cells, std::size_t count, qint64 id)
{
    Cell box = cells[0];
    for (std::size_t i = 1; i < count; ++i) {
        box.minX = std::min(box.minX, cells[i].minX);
        box.maxX = std::max(box.maxX, cells[i].maxX);
        box.minY = std::min(box.minY, cells[i].minY);
        box.maxY = std::max(box.maxY, cells[i].maxY);
    }
    box.id = id;
    return box;
}

// Sort-tile-recursive: cells in vertical slices by x, each slice in runs of `capacity` by y.
// Ties are broken by id so that the tree does not depend on the sort's implementation.
// Returns the number of cells per slice.
std::size_t sortTiles(std::vector<Cell> &cells, std::size_t capacity)
{
    const std::size_t nodes = (cells.size() + capacity - 1) / capacity;
    const auto slices = std::size_t(std::ceil(std::sqrt(double(nodes))));
    const std::size_t sliceSize = slices * capacity;
    std::sort(cells.begin(), cells.end(), [](const Cell &a, const Cell &b) {
        const double ax = a.centreX(), bx = b.centreX();
        return ax < bx || (ax == bx && a.id < b.id);
    });
    for (std::size_t begin = 0; begin < cells.size(); begin += sliceSize) {
        const auto end = cells.begin() + qsizetype(std::min(cells.size(), begin + sliceSize));
        std::sort(cells.begin() + qsizetype(begin), end, [](const Cell &a, const Cell &b) {
            const double ay = a.centreY(), by = b.centreY();
            return ay < by || (ay == by && a.id < b.id);
        });
    }
    return sliceSize;
}

} // namespace

void addGpkgSpatialIndex(const QString &path, const QString &table, const QString &geometryColumn,
                         const QString &fidColumn, const std::vector<GpkgIndexEntry> &entries,
                         const QString &displayPath)
{
    Database database(path, displayPath);
    const QString rtree = QStringLiteral("rtree_") + table + QLatin1Char('_') + geometryColumn;
    const QString t = quoted(table);
    const QString g = quoted(geometryColumn);
    const QString r = quoted(rtree);
    // The file is a private temporary that becomes visible only by the writer's rename, and
    // GDAL wrote the layer itself without syncing: SQLite's default fsync on commit bought no
    // durability here and cost 0.1-0.2 s on ext4, flushing the whole new file.
    database.execute(QStringLiteral("PRAGMA synchronous=OFF"));
    database.execute(QStringLiteral("BEGIN"));
    database.execute(
        QStringLiteral("CREATE VIRTUAL TABLE %1 USING rtree(id, minx, maxx, miny, maxy)").arg(r));

    const int nodeSize = database.nodeSize(rtree);
    const std::size_t capacity = std::size_t(std::max(1, (nodeSize - 4) / 24));
    sqlite::StatementPtr nodeInsert =
        database.prepare(QStringLiteral("INSERT OR REPLACE INTO %1(nodeno, data) VALUES(?, ?)")
                             .arg(quoted(rtree + QStringLiteral("_node"))));
    sqlite::StatementPtr rowidInsert =
        database.prepare(QStringLiteral("INSERT INTO %1(rowid, nodeno) VALUES(?, ?)")
                             .arg(quoted(rtree + QStringLiteral("_rowid"))));
    sqlite::StatementPtr parentInsert =
        database.prepare(QStringLiteral("INSERT INTO %1(nodeno, parentnode) VALUES(?, ?)")
                             .arg(quoted(rtree + QStringLiteral("_parent"))));

    std::vector<Cell> level;
    level.reserve(entries.size());
    for (const GpkgIndexEntry &entry : entries) {
        level.push_back({entry.fid, roundDown(entry.minX), roundUp(entry.maxX),
                         roundDown(entry.minY), roundUp(entry.maxY)});
    }
    // Bottom-up: each level packed into nodes 2, 3, … until one level fits in the root (1).
    int depth = 0;
    qint64 nextNode = 2;
    while (level.size() > capacity) {
        const std::size_t sliceSize = sortTiles(level, capacity);
        std::vector<Cell> parents;
        parents.reserve((level.size() + capacity - 1) / capacity);
        for (std::size_t slice = 0; slice < level.size(); slice += sliceSize) {
            const std::size_t sliceEnd = std::min(level.size(), slice + sliceSize);
            for (std::size_t begin = slice; begin < sliceEnd; begin += capacity) {
                const std::size_t count = std::min(capacity, sliceEnd - begin);
                const qint64 node = nextNode++;
                database.insert(nodeInsert.get(), node,
                                encodeNode(&level[begin], count, 0, nodeSize));
                for (std::size_t i = begin; i < begin + count; ++i)
                    database.insert(depth == 0 ? rowidInsert.get() : parentInsert.get(),
                                    level[i].id, node);
                parents.push_back(boundsOf(&level[begin], count, node));
            }
        }
        level = std::move(parents);
        ++depth;
    }
    database.insert(nodeInsert.get(), 1, encodeNode(level.data(), level.size(), depth, nodeSize));
    for (const Cell &cell : level)
        database.insert(depth == 0 ? rowidInsert.get() : parentInsert.get(), cell.id, 1);
    nodeInsert.reset();
    rowidInsert.reset();
    parentInsert.reset();

    // The triggers that keep the index in step with later edits, as the GeoPackage standard
    // (1.2, rtree extension) defines them; ST_* are the functions GDAL and SpatiaLite provide.
    const QString i = quoted(fidColumn);
    const QString box = QStringLiteral("ST_MinX(NEW.%1), ST_MaxX(NEW.%1), ST_MinY(NEW.%1), "
                                       "ST_MaxY(NEW.%1)")
                            .arg(g);
    auto trigger = [&](const QString &suffix) {
        return quoted(rtree + suffix);
    };
    database.execute(QStringLiteral("CREATE TRIGGER %1 AFTER INSERT ON %2 WHEN (NEW.%3 NOT NULL "
                                    "AND NOT ST_IsEmpty(NEW.%3)) BEGIN INSERT OR REPLACE INTO %4 "
                                    "VALUES (NEW.%5, %6); END")
                         .arg(trigger(QStringLiteral("_insert")), t, g, r, i, box));
    database.execute(QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE OF %3 ON %2 WHEN OLD.%5 = "
                                    "NEW.%5 AND (NEW.%3 NOTNULL AND NOT ST_IsEmpty(NEW.%3)) BEGIN "
                                    "INSERT OR REPLACE INTO %4 VALUES (NEW.%5, %6); END")
                         .arg(trigger(QStringLiteral("_update1")), t, g, r, i, box));
    database.execute(QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE OF %3 ON %2 WHEN OLD.%5 = "
                                    "NEW.%5 AND (NEW.%3 ISNULL OR ST_IsEmpty(NEW.%3)) BEGIN "
                                    "DELETE FROM %4 WHERE id = OLD.%5; END")
                         .arg(trigger(QStringLiteral("_update2")), t, g, r, i));
    database.execute(QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE ON %2 WHEN OLD.%5 != NEW.%5 "
                                    "AND (NEW.%3 NOTNULL AND NOT ST_IsEmpty(NEW.%3)) BEGIN DELETE "
                                    "FROM %4 WHERE id = OLD.%5; INSERT OR REPLACE INTO %4 VALUES "
                                    "(NEW.%5, %6); END")
                         .arg(trigger(QStringLiteral("_update3")), t, g, r, i, box));
    database.execute(QStringLiteral("CREATE TRIGGER %1 AFTER UPDATE ON %2 WHEN OLD.%5 != NEW.%5 "
                                    "AND (NEW.%3 ISNULL OR ST_IsEmpty(NEW.%3)) BEGIN DELETE FROM "
                                    "%4 WHERE id IN (OLD.%5, NEW.%5); END")
                         .arg(trigger(QStringLiteral("_update4")), t, g, r, i));
    database.execute(QStringLiteral("CREATE TRIGGER %1 AFTER DELETE ON %2 WHEN OLD.%3 NOT NULL "
                                    "BEGIN DELETE FROM %4 WHERE id = OLD.%5; END")
                         .arg(trigger(QStringLiteral("_delete")), t, g, r, i));

    database.execute(QStringLiteral(
        "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, "
        "extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, "
        "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))"));
    sqlite::StatementPtr extension = database.prepare(QStringLiteral(
        "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
        "VALUES (?, ?, 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree', "
        "'write-only')"));
    const QByteArray tableUtf8 = table.toUtf8();
    const QByteArray columnUtf8 = geometryColumn.toUtf8();
    sqlite3_bind_text(extension.get(), 1, tableUtf8.constData(), int(tableUtf8.size()),
                      SQLITE_STATIC);
    sqlite3_bind_text(extension.get(), 2, columnUtf8.constData(), int(columnUtf8.size()),
                      SQLITE_STATIC);
    database.run(extension.get());
    extension.reset();
    database.execute(QStringLiteral("COMMIT"));
}

} // namespace riskatlas::io
