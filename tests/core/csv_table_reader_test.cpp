// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/feedback.h"
#include "core/io/csv_table_reader.h"
#include "core/io/text_encoding.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::io;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray gbk(const char *utf8)
{
    const auto bytes = encodeStrict(QString::fromUtf8(utf8), QStringLiteral("GBK"));
    EXPECT_TRUE(bytes);
    return bytes.value_or(QByteArray());
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}

struct GoodCase
{
    const char *name;
    QByteArray bytes;
    const char *encodingOverride;
    QStringList headers;
    QList<QStringList> rows;
    QList<qint64> rowNumbers;
    const char *encoding;
};

TEST(CsvTableReader, ReadsGoodFiles)
{
    const QByteArray bom("\xEF\xBB\xBF");
    const QStringList chineseHeaders = {u8("名称"), u8("经度"), u8("纬度")};
    const QList<QStringList> chineseRows = {{u8("城关镇"), u8("120.5"), u8("30.25")},
                                            {u8("东港村"), u8("121"), u8("31")}};
    const char *chinese = "名称,经度,纬度\n城关镇,120.5,30.25\n东港村,121,31\n";
    const GoodCase cases[] = {
        {"utf-8", QByteArray(chinese), "", chineseHeaders, chineseRows, {2, 3}, "UTF-8"},
        {"utf-8 with bom", bom + chinese, "", chineseHeaders, chineseRows, {2, 3}, "UTF-8"},
        {"gbk detected", gbk(chinese), "", chineseHeaders, chineseRows, {2, 3}, "GBK"},
        {"gbk given as cp936", gbk(chinese), "cp936", chineseHeaders, chineseRows, {2, 3}, "GBK"},
        {"crlf",
         QByteArray("a,b\r\n1,2\r\n3,4"),
         "",
         {u8("a"), u8("b")},
         {{u8("1"), u8("2")}, {u8("3"), u8("4")}},
         {2, 3},
         "UTF-8"},
        {"tab delimiter",
         QByteArray("名称\t经度\n城关镇\t120.5\n"),
         "",
         {u8("名称"), u8("经度")},
         {{u8("城关镇"), u8("120.5")}},
         {2},
         "UTF-8"},
        {"semicolon delimiter with commas in values",
         QByteArray("a;b\n1,5;2,5\n"),
         "",
         {u8("a"), u8("b")},
         {{u8("1,5"), u8("2,5")}},
         {2},
         "UTF-8"},
        {"pipe delimiter",
         QByteArray("a|b\n1|2\n"),
         "",
         {u8("a"), u8("b")},
         {{u8("1"), u8("2")}},
         {2},
         "UTF-8"},
        {"one column",
         QByteArray("name\nx\ny\n"),
         "",
         {u8("name")},
         {{u8("x")}, {u8("y")}},
         {2, 3},
         "UTF-8"},
        {"quoted delimiters, quotes and newlines",
         QByteArray("名称,备注,值\n\"城关镇,北区\",\"他说\"\"快跑\"\"\",1\n"
                    "\"第一行\n第二行\",\"a\r\nb\",2\n3,,\"\"\n"),
         "",
         {u8("名称"), u8("备注"), u8("值")},
         {{u8("城关镇,北区"), u8("他说\"快跑\""), u8("1")},
          {u8("第一行\n第二行"), u8("a\r\nb"), u8("2")},
          {u8("3"), QString(), QString()}},
         {2, 3, 6},
         "UTF-8"},
        {"blank lines skipped",
         QByteArray("\n\na,b\n\n1,2\n   \n\r\n3,4\n\n"),
         "",
         {u8("a"), u8("b")},
         {{u8("1"), u8("2")}, {u8("3"), u8("4")}},
         {5, 8},
         "UTF-8"},
        {"headers trimmed, values kept",
         QByteArray(" a , b \n 1 ,2\n"),
         "",
         {u8("a"), u8("b")},
         {{u8(" 1 "), u8("2")}},
         {2},
         "UTF-8"},
        {"spaces around quoted field",
         QByteArray("a,b\n \"x\" ,2\n"),
         "",
         {u8("a"), u8("b")},
         {{u8("x"), u8("2")}},
         {2},
         "UTF-8"},
        {"empty values and trailing delimiter",
         QByteArray("a,b,c\n,,\n1,,\n"),
         "",
         {u8("a"), u8("b"), u8("c")},
         {{QString(), QString(), QString()}, {u8("1"), QString(), QString()}},
         {2, 3},
         "UTF-8"},
        {"header only", QByteArray("a,b\n"), "", {u8("a"), u8("b")}, {}, {}, "UTF-8"},
        {"quoted header with newline",
         QByteArray("\"a\nb\",c\n1,2\n"),
         "",
         {u8("a\nb"), u8("c")},
         {{u8("1"), u8("2")}},
         {3},
         "UTF-8"},
        {"latin1 override",
         QByteArray("name\ncaf\xE9\n"),
         "latin1",
         {u8("name")},
         {{u8("café")}},
         {2},
         "ISO-8859-1"},
    };
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    for (const GoodCase &c : cases) {
        SCOPED_TRACE(c.name);
        const QString path = writeFile(dir, QStringLiteral("表 格.csv"), c.bytes);
        const TextTable table = readCsvTable(path, QString::fromUtf8(c.encodingOverride));
        EXPECT_EQ(table.headers, c.headers);
        EXPECT_EQ(table.rows, c.rows);
        EXPECT_EQ(table.rowNumbers, c.rowNumbers);
        EXPECT_EQ(table.encoding, QLatin1String(c.encoding));
        EXPECT_EQ(table.encodingSource, QLatin1String(*c.encodingOverride ? "user" : "detected"));
        EXPECT_EQ(table.sourcePath, path);
        EXPECT_EQ(table.layerName, u8("表 格"));
        EXPECT_TRUE(table.sheet.isEmpty());
    }
}

struct BadCase
{
    const char *name;
    QByteArray bytes;
    const char *encodingOverride;
    std::optional<qint64> row;
    const char *message; ///< A part of the message.
};

TEST(CsvTableReader, RejectsBadFiles)
{
    const BadCase cases[] = {
        {"empty", QByteArray(), "", std::nullopt, "file is empty"},
        {"only blank lines", QByteArray("\n \r\n\n"), "", std::nullopt, "file is empty"},
        {"only a bom", QByteArray("\xEF\xBB\xBF"), "", std::nullopt, "file is empty"},
        {"unterminated quote", QByteArray("a,b\n1,2\n3,\"x\n4,5\n"), "", 3,
         "unterminated quoted field starting at line 3"},
        {"stray quote", QByteArray("a,b\n1,2\n3,4\"5\n"), "", 3,
         "stray quote in unquoted column 2"},
        {"text after closing quote", QByteArray("a,b\n\"x\"y,2\n"), "", 2,
         "after the closing quote of column 1"},
        {"too many values", QByteArray("a,b\n1,2\n\n1,2,3\n"), "", 4,
         "3 values but the header has 2 columns"},
        {"too few values", QByteArray("名称,经度,纬度\n城关镇,120\n"), "", 2,
         "2 values but the header has 3 columns"},
        {"one value", QByteArray("a,b\n1\n"), "", 2, "1 value but the header has 2 columns"},
        {"duplicate header", QByteArray("经度,名称,经度\n1,2,3\n"), "", std::nullopt,
         "duplicate column name \"经度\" (columns 1 and 3)"},
        {"duplicate header ignoring case", QByteArray("Name,name\n1,2\n"), "", std::nullopt,
         "duplicate column name \"name\""},
        {"empty header name", QByteArray("a,,c\n1,2,3\n"), "", std::nullopt,
         "column 2 of the header has no name"},
        {"undecodable", QByteArray("a,b\n1,\xFF\xFE\xFD\n"), "", std::nullopt,
         "cannot decode as UTF-8 or GBK (invalid byte 0xFF at offset 6, line 2) — give the file's "
         "encoding"},
        {"utf-16",
         QByteArray("\xFF\xFE"
                    "a\0,\0b\0",
                    8),
         "", std::nullopt, "UTF-16"},
        {"gbk given as utf-8", gbk("名称\n城关镇\n"), "UTF-8", std::nullopt,
         "cannot decode as UTF-8 (invalid byte 0xC3 at offset 0, line 1)"},
        {"bom with other encoding",
         QByteArray("\xEF\xBB\xBF"
                    "a\n"),
         "GBK", std::nullopt, "byte order mark"},
        {"unknown encoding", QByteArray("a\n"), "klingon", std::nullopt,
         "unknown text encoding \"klingon\""},
    };
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    for (const BadCase &c : cases) {
        SCOPED_TRACE(c.name);
        const QString path = writeFile(dir, QStringLiteral("a.csv"), c.bytes);
        try {
            readCsvTable(path, QString::fromUtf8(c.encodingOverride));
            ADD_FAILURE() << "no error";
        } catch (const InputError &e) {
            EXPECT_EQ(e.location().file, path);
            EXPECT_EQ(e.location().row, c.row);
            EXPECT_TRUE(e.message().contains(QString::fromUtf8(c.message)))
                << e.formatted().toStdString();
            if (c.row) {
                EXPECT_TRUE(
                    e.formatted().startsWith(path + QStringLiteral(":row %1: ").arg(*c.row)))
                    << e.formatted().toStdString();
            }
        }
    }
}

TEST(CsvTableReader, MissingFile)
{
    QTemporaryDir dir;
    EXPECT_THROW(readCsvTable(dir.filePath(QStringLiteral("none.csv"))), InputError);
}

TEST(CsvTableReader, FixtureFiles)
{
    // tests/data/tables/风险点 gbk.csv: GBK, no label, CRLF, a quoted field with a newline.
    const TextTable gbkTable = readCsvTable(test::testDataPath(u8("tables/风险点 gbk.csv")));
    EXPECT_EQ(gbkTable.encoding, QStringLiteral("GBK"));
    EXPECT_EQ(gbkTable.headers,
              (QStringList{u8("编号"), u8("名称"), u8("经度"), u8("纬度"), u8("备注")}));
    ASSERT_EQ(gbkTable.rows.size(), 3);
    EXPECT_EQ(gbkTable.rows.at(1).at(4), u8("山体滑坡\r\n隐患点"));
    EXPECT_EQ(gbkTable.rowNumbers, (QList<qint64>{2, 3, 5}));

    const TextTable utf8Table = readCsvTable(test::testDataPath(u8("tables/风险点 utf8 bom.csv")));
    EXPECT_EQ(utf8Table.encoding, QStringLiteral("UTF-8"));
    EXPECT_EQ(utf8Table.headers, gbkTable.headers);
    EXPECT_EQ(utf8Table.rows, gbkTable.rows);
}

TEST(CsvTableReader, ProgressAndCancel)
{
    QByteArray bytes("id,name\n");
    for (int i = 0; i < 5000; ++i)
        bytes += QByteArray::number(i) + ",x\n";
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("big.csv"), bytes);

    Feedback feedback;
    const TextTable table = readCsvTable(path, {}, &feedback);
    EXPECT_EQ(table.rows.size(), 5000);
    EXPECT_EQ(feedback.progress(), 100.0);

    Feedback cancelled;
    cancelled.cancel();
    EXPECT_THROW(readCsvTable(path, {}, &cancelled), CancelledError);
}

} // namespace

// An importer that reports bad rows one by one asks for ragged records instead of an error:
// they are left out of the rows and listed with their line and cell count.
TEST(CsvTableReader, RaggedRowsReportedWhenAsked)
{
    QTemporaryDir dir;
    const QString path =
        writeFile(dir, QStringLiteral("a.csv"),
                  QByteArray("名称,经度,纬度\n甲,120,28\n乙,121\n\n丙,1,2,3,4\n丁,122,29\n"));
    EXPECT_THROW(readCsvTable(path), InputError); // the default stays strict
    const TextTable table = readCsvTable(path, {}, nullptr, RaggedRows::Report);
    ASSERT_EQ(table.rows.size(), 2);
    EXPECT_EQ(table.rows[1].first(), QStringLiteral("丁"));
    EXPECT_EQ(table.rowNumbers, (QList<qint64>{2, 6}));
    ASSERT_EQ(table.raggedRows.size(), 2);
    EXPECT_EQ(table.raggedRows[0].line, 3);
    EXPECT_EQ(table.raggedRows[0].cells, 2);
    EXPECT_EQ(table.raggedRows[1].line, 5);
    EXPECT_EQ(table.raggedRows[1].cells, 5);
}
