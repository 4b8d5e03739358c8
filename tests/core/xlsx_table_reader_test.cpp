// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/feedback.h"
#include "core/io/xlsx_table_reader.h"
#include "support/test_support.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <gdal.h>
#include <ogr_api.h>

using namespace riskatlas;
using namespace riskatlas::io;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

// Writes a workbook with GDAL's own XLSX writer: sheet "风险点" with Chinese headers and
// numbers, and a second sheet "Other".
void createWithGdal(const QString &path)
{
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("XLSX");
    ASSERT_NE(driver, nullptr);
    GDALDatasetH dataset =
        GDALCreate(driver, path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(dataset, nullptr);

    OGRLayerH layer = GDALDatasetCreateLayer(dataset, "风险点", nullptr, wkbNone, nullptr);
    ASSERT_NE(layer, nullptr);
    const struct
    {
        const char *name;
        OGRFieldType type;
    } fields[] = {{"名称", OFTString}, {"经度", OFTReal}, {"纬度", OFTReal}, {"人数", OFTInteger}};
    for (const auto &field : fields) {
        OGRFieldDefnH definition = OGR_Fld_Create(field.name, field.type);
        ASSERT_EQ(OGR_L_CreateField(layer, definition, TRUE), OGRERR_NONE);
        OGR_Fld_Destroy(definition);
    }
    const struct
    {
        const char *name;
        double lon;
        double lat;
        int people;
    } rows[] = {{"城关镇应急站", 120.123456, 30.654321, 12}, {"东港村", 121.5, 31.25, 0}};
    for (const auto &row : rows) {
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(feature, 0, row.name);
        OGR_F_SetFieldDouble(feature, 1, row.lon);
        OGR_F_SetFieldDouble(feature, 2, row.lat);
        OGR_F_SetFieldInteger(feature, 3, row.people);
        ASSERT_EQ(OGR_L_CreateFeature(layer, feature), OGRERR_NONE);
        OGR_F_Destroy(feature);
    }

    OGRLayerH other = GDALDatasetCreateLayer(dataset, "Other", nullptr, wkbNone, nullptr);
    OGRFieldDefnH definition = OGR_Fld_Create("code", OFTString);
    ASSERT_EQ(OGR_L_CreateField(other, definition, TRUE), OGRERR_NONE);
    OGR_Fld_Destroy(definition);
    OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(other));
    OGR_F_SetFieldString(feature, 0, "0012");
    ASSERT_EQ(OGR_L_CreateFeature(other, feature), OGRERR_NONE);
    OGR_F_Destroy(feature);
    GDALClose(dataset);
}

TEST(XlsxTableReader, ReadsWorkbookWrittenByGdal)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(u8("应急 资源.xlsx"));
    createWithGdal(path);

    Feedback feedback;
    const TextTable table = readXlsxTable(path, {}, &feedback);
    EXPECT_EQ(table.sheet, u8("风险点"));
    EXPECT_EQ(table.layerName, u8("风险点")); // two sheets: named after the sheet
    EXPECT_EQ(table.sourcePath, path);
    EXPECT_EQ(table.encoding, QStringLiteral("UTF-8"));
    EXPECT_EQ(table.encodingSource, QStringLiteral("format"));
    EXPECT_EQ(table.headers, (QStringList{u8("名称"), u8("经度"), u8("纬度"), u8("人数")}));
    ASSERT_EQ(table.rows.size(), 2);
    EXPECT_EQ(table.rows.at(0).at(0), u8("城关镇应急站"));
    // Numbers come back as the text stored in the sheet, at full precision.
    EXPECT_EQ(table.rows.at(0).at(1).toDouble(), 120.123456);
    EXPECT_EQ(table.rows.at(0).at(2).toDouble(), 30.654321);
    EXPECT_EQ(table.rows.at(0).at(3), u8("12"));
    EXPECT_EQ(table.rows.at(1).at(3), u8("0"));
    EXPECT_EQ(table.rowNumbers, (QList<qint64>{2, 3}));
    EXPECT_EQ(feedback.progress(), 100.0);

    const TextTable other = readXlsxTable(path, QStringLiteral("other"));
    EXPECT_EQ(other.sheet, QStringLiteral("Other"));
    EXPECT_EQ(other.headers, QStringList{u8("code")});
    EXPECT_EQ(other.rows, (QList<QStringList>{{u8("0012")}}));

    try {
        readXlsxTable(path, u8("不存在"));
        ADD_FAILURE() << "no error";
    } catch (const InputError &e) {
        EXPECT_EQ(e.location().file, path);
        EXPECT_TRUE(
            e.message().contains(u8("no sheet named \"不存在\" (sheets: \"风险点\", \"Other\")")))
            << e.formatted().toStdString();
    }
}

// A minimal uncompressed ("stored") zip writer, to make workbooks with exactly the cells a
// case needs (gaps, inline strings, numbers written as Excel writes them).
quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= static_cast<unsigned char>(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put16(QByteArray &out, quint32 value)
{
    out.append(char(value & 0xFF));
    out.append(char((value >> 8) & 0xFF));
}

void put32(QByteArray &out, quint32 value)
{
    put16(out, value & 0xFFFF);
    put16(out, value >> 16);
}

QByteArray storedZip(const QList<QPair<QByteArray, QByteArray>> &entries)
{
    QByteArray zip;
    QByteArray directory;
    for (const auto &[name, data] : entries) {
        const quint32 offset = quint32(zip.size());
        const quint32 crc = crc32(data);
        auto header = [&](QByteArray &out, bool central) {
            put32(out, central ? 0x02014b50 : 0x04034b50);
            if (central)
                put16(out, 20); // made by
            put16(out, 20);     // needed
            put16(out, 0);      // flags
            put16(out, 0);      // stored
            put16(out, 0);      // time
            put16(out, 0x21);   // date: 1980-01-01
            put32(out, crc);
            put32(out, quint32(data.size()));
            put32(out, quint32(data.size()));
            put16(out, quint32(name.size()));
            put16(out, 0); // extra
            if (central) {
                put16(out, 0); // comment
                put16(out, 0); // disk
                put16(out, 0); // internal attributes
                put32(out, 0); // external attributes
                put32(out, offset);
            }
            out.append(name);
        };
        header(zip, false);
        zip.append(data);
        header(directory, true);
    }
    const quint32 directoryOffset = quint32(zip.size());
    zip.append(directory);
    put32(zip, 0x06054b50);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, quint32(entries.size()));
    put16(zip, quint32(entries.size()));
    put32(zip, quint32(directory.size()));
    put32(zip, directoryOffset);
    put16(zip, 0);
    return zip;
}

// One sheet named "数据" holding `sheetData` (the <row> elements).
void writeWorkbook(const QString &path, const char *sheetData)
{
    const QByteArray xml("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    const QByteArray main("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
    const QByteArray relationships(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
    const QList<QPair<QByteArray, QByteArray>> entries = {
        {"[Content_Types].xml",
         xml + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
               "<Default Extension=\"rels\" "
               "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
               "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
               "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
               "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
               "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"},
        {"_rels/.rels",
         xml +
             "<Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"" +
             relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml", xml + "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + relationships +
                                "\"><sheets><sheet name=\"数据\" sheetId=\"1\" "
                                "r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         xml +
             "<Relationships "
             "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"" +
             relationships + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", xml + "<worksheet xmlns=\"" + main + "\"><sheetData>" +
                                         QByteArray(sheetData) + "</sheetData></worksheet>"},
    };
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(storedZip(entries));
}

// Cell helpers: an inline string and a number, as Excel stores them.
QByteArray text(const char *ref, const char *value)
{
    return QByteArray("<c r=\"") + ref + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
}

QByteArray number(const char *ref, const char *value)
{
    return QByteArray("<c r=\"") + ref + "\"><v>" + value + "</v></c>";
}

QByteArray row(int number, const QByteArray &cells)
{
    return "<row r=\"" + QByteArray::number(number) + "\">" + cells + "</row>";
}

TEST(XlsxTableReader, HandMadeSheets)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("hand made.xlsx"));
    // Header in row 2, an empty column B and a blank row 4, a formatting-only column E.
    const QByteArray sheet =
        row(2, text("A2", " 名称 ") + text("C2", "经度") + text("D2", "纬度")) +
        row(3, text("A3", "城关镇") + number("C3", "120.12345600000001") + number("D3", "30.5")) +
        row(4, text("A4", " ")) +
        row(5, text("A5", "0012") + number("C5", "1E-3") + number("D5", "-0")) +
        "<row r=\"6\"><c r=\"E6\"/></row>";
    writeWorkbook(path, sheet.constData());
    const TextTable table = readXlsxTable(path);
    EXPECT_EQ(table.sheet, u8("数据"));
    EXPECT_EQ(table.layerName, QStringLiteral("hand made"));
    EXPECT_EQ(table.headers, (QStringList{u8("名称"), u8("经度"), u8("纬度")}));
    EXPECT_EQ(table.rows, (QList<QStringList>{{u8("城关镇"), u8("120.12345600000001"), u8("30.5")},
                                              {u8("0012"), u8("1E-3"), u8("-0")}}));
    EXPECT_EQ(table.rowNumbers, (QList<qint64>{3, 5}));
}

struct BadCase
{
    const char *name;
    QByteArray sheetData;
    const char *message;
};

TEST(XlsxTableReader, RejectsBadSheets)
{
    const BadCase cases[] = {
        {"empty sheet", row(1, text("A1", " ")), "the sheet is empty"},
        {"duplicate header",
         row(1, text("A1", "经度") + text("B1", "经度")) + row(2, number("A2", "1")),
         "duplicate column name \"经度\" (columns A and B)"},
        {"values without a header",
         row(1, text("A1", "a")) + row(2, number("A2", "1")) + row(3, number("AB3", "2")),
         "column AB has values (first in row 3) but no name in the header (row 1)"},
    };
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    for (const BadCase &c : cases) {
        SCOPED_TRACE(c.name);
        const QString path = dir.filePath(QStringLiteral("bad.xlsx"));
        QFile::remove(path);
        writeWorkbook(path, c.sheetData.constData());
        try {
            readXlsxTable(path);
            ADD_FAILURE() << "no error";
        } catch (const InputError &e) {
            EXPECT_EQ(e.location().file, path);
            EXPECT_EQ(e.location().layer, u8("数据"));
            EXPECT_TRUE(e.message().contains(u8(c.message))) << e.formatted().toStdString();
        }
    }
}

TEST(XlsxTableReader, RejectsMissingAndBrokenFiles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    EXPECT_THROW(readXlsxTable(dir.filePath(QStringLiteral("none.xlsx"))), InputError);
    const QString broken = dir.filePath(QStringLiteral("broken.xlsx"));
    QFile file(broken);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("not a zip file");
    file.close();
    try {
        readXlsxTable(broken);
        ADD_FAILURE() << "no error";
    } catch (const InputError &e) {
        EXPECT_EQ(e.location().file, broken);
        EXPECT_TRUE(e.message().contains(QStringLiteral("cannot open")))
            << e.formatted().toStdString();
    }
}

} // namespace
