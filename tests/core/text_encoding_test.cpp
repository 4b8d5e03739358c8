// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/io/text_encoding.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace riskatlas;
using namespace riskatlas::io;

namespace {

// "风险区划" written out byte by byte, so the expectations do not depend on this file's encoding.
const QByteArray kUtf8Bytes("\xE9\xA3\x8E\xE9\x99\xA9\xE5\x8C\xBA\xE5\x88\x92");
const QByteArray kGbkBytes("\xB7\xE7\xCF\xD5\xC7\xF8\xBB\xAE");
const QString kText = QString::fromUtf8(kUtf8Bytes);

TEST(TextEncoding, CanonicalNames)
{
    struct Case
    {
        const char *user;
        const char *canonical;
    };
    const Case cases[] = {
        {"utf8", "UTF-8"},
        {"UTF-8", "UTF-8"},
        {"65001", "UTF-8"},
        {"UTF8", "UTF-8"},
        {"gbk", "GBK"},
        {"CP936", "GBK"},
        {"936", "GBK"},
        {"gb2312", "GBK"},
        {"GB_2312-80", "GBK"},
        {"ANSI 936", "GBK"},
        {"MS936", "GBK"},
        {" GBK \n", "GBK"},
        {"gb18030", "GB18030"},
        {"54936", "GB18030"},
        {"big5", "BIG5"},
        {"cp950", "BIG5"},
        {"950", "BIG5"},
        {"949", "CP949"},
        {"latin1", "ISO-8859-1"},
        {"88591", "ISO-8859-1"},
        {"8859_1", "ISO-8859-1"},
        {"ISO-8859-1", "ISO-8859-1"},
        {"iso8859-15", "ISO-8859-15"},
        {"1252", "CP1252"},
        {"ANSI 1252", "CP1252"},
        {"windows-1252", "CP1252"},
        {"CP1252", "CP1252"},
        {"cp437", "CP437"},
        {"1251", "CP1251"},
        {"euc-jp", "EUC-JP"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.user);
        EXPECT_EQ(canonicalEncoding(QString::fromUtf8(c.user)), QLatin1String(c.canonical));
    }
}

TEST(TextEncoding, UnknownNameThrows)
{
    for (const char *name : {"", "klingon", "cp99999", "utf-8//TRANSLIT", "中文"}) {
        SCOPED_TRACE(name);
        EXPECT_THROW(canonicalEncoding(QString::fromUtf8(name)), InputError);
    }
    try {
        canonicalEncoding(QStringLiteral("klingon"));
        FAIL();
    } catch (const InputError &e) {
        EXPECT_TRUE(e.message().contains(QLatin1String("klingon"))) << e.message().toStdString();
    }
}

TEST(TextEncoding, DecodeStrict)
{
    EXPECT_EQ(decodeStrict(kUtf8Bytes, QStringLiteral("UTF-8")), kText);
    EXPECT_EQ(decodeStrict(kGbkBytes, QStringLiteral("GBK")), kText);
    EXPECT_EQ(decodeStrict(kGbkBytes, QStringLiteral("cp936")), kText);
    EXPECT_EQ(decodeStrict(QByteArray(), QStringLiteral("GBK")), QString());
    // Invalid bytes give nullopt, not replacement characters.
    EXPECT_FALSE(decodeStrict(kGbkBytes, QStringLiteral("UTF-8")));
    EXPECT_FALSE(decodeStrict(QByteArray("abc\xFF"), QStringLiteral("UTF-8")));
    EXPECT_FALSE(decodeStrict(QByteArray("abc\xFF"), QStringLiteral("GBK")));
    // Overlong forms and encoded surrogates are not UTF-8.
    EXPECT_FALSE(decodeStrict(QByteArray("\xC0\xAF"), QStringLiteral("UTF-8")));
    EXPECT_FALSE(decodeStrict(QByteArray("\xED\xA0\x80"), QStringLiteral("UTF-8")));
    // Cut inside a character.
    EXPECT_FALSE(decodeStrict(kUtf8Bytes.left(4), QStringLiteral("UTF-8")));
    EXPECT_FALSE(decodeStrict(kGbkBytes.left(3), QStringLiteral("GBK")));
    // A GB18030 four-byte character (U+3400) still reads as "GBK".
    EXPECT_EQ(decodeStrict(QByteArray("\x81\x39\xEE\x39"), QStringLiteral("GBK")),
              QString(QChar(0x3400)));
    // CP936's single-byte euro sign.
    EXPECT_EQ(decodeStrict(QByteArray("\x80"), QStringLiteral("GBK")), QString(QChar(0x20AC)));
    // Characters outside the BMP (surrogate pairs).
    EXPECT_EQ(decodeStrict(QByteArray("\xF0\xA0\x80\x80"), QStringLiteral("UTF-8")),
              QString::fromUcs4(U"\U00020000"));
    EXPECT_EQ(decodeStrict(QByteArray("caf\xE9"), QStringLiteral("latin1")),
              QString::fromUtf8("caf\xC3\xA9"));
    EXPECT_EQ(decodeStrict(QByteArray("\x80"), QStringLiteral("1252")), QString(QChar(0x20AC)));
    EXPECT_EQ(decodeStrict(QByteArray("\xA4\xA4"), QStringLiteral("BIG5")),
              QString(QChar(0x4E2D))); // 中
}

TEST(TextEncoding, InvalidByteOffset)
{
    EXPECT_EQ(invalidByteOffset(kUtf8Bytes, QStringLiteral("UTF-8")), -1);
    EXPECT_EQ(invalidByteOffset(QByteArray("ab\xFF"), QStringLiteral("UTF-8")), 2);
    EXPECT_EQ(invalidByteOffset(QByteArray("abcd\xFF"), QStringLiteral("GBK")), 4);
    EXPECT_EQ(invalidByteOffset(kGbkBytes, QStringLiteral("UTF-8")), 0);
}

TEST(TextEncoding, EncodeStrict)
{
    EXPECT_EQ(encodeStrict(kText, QStringLiteral("UTF-8")), kUtf8Bytes);
    EXPECT_EQ(encodeStrict(kText, QStringLiteral("GBK")), kGbkBytes);
    EXPECT_EQ(encodeStrict(QString(), QStringLiteral("GBK")), QByteArray());
    // Not representable: nullopt, never "?".
    EXPECT_FALSE(encodeStrict(kText, QStringLiteral("latin1")));
    EXPECT_FALSE(encodeStrict(QString::fromUcs4(U"\U00020000"), QStringLiteral("GBK")));
    EXPECT_TRUE(encodeStrict(QString::fromUcs4(U"\U00020000"), QStringLiteral("GB18030")));
    // An unpaired surrogate is not text.
    EXPECT_FALSE(encodeStrict(QString(QChar(0xD800)), QStringLiteral("UTF-8")));
    // The middle dot of transliterated names survives a GBK round trip.
    const QString dot = QString(QChar(0x00B7));
    const auto encoded = encodeStrict(dot, QStringLiteral("GBK"));
    ASSERT_TRUE(encoded);
    EXPECT_EQ(decodeStrict(*encoded, QStringLiteral("GBK")), dot);
}

TEST(TextEncoding, DbfLanguageIds)
{
    struct Case
    {
        quint8 ldid;
        std::optional<QString> encoding;
    };
    const Case cases[] = {
        {0x00, std::nullopt},
        {0x01, QStringLiteral("CP437")},
        {0x02, QStringLiteral("CP850")},
        {0x03, QStringLiteral("CP1252")},
        {0x4D, QStringLiteral("GBK")},
        {0x4E, QStringLiteral("CP949")},
        {0x4F, QStringLiteral("BIG5")},
        {0x57, std::nullopt},
        {0x7A, QStringLiteral("GBK")},
        {0xC9, QStringLiteral("CP1251")},
        {0xFF, std::nullopt},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.ldid);
        EXPECT_EQ(encodingFromDbfLanguageId(c.ldid), c.encoding);
    }
    // Every name in the table is canonical and usable.
    for (int id = 0; id < 256; ++id) {
        if (const auto encoding = encodingFromDbfLanguageId(quint8(id))) {
            SCOPED_TRACE(id);
            EXPECT_EQ(canonicalEncoding(*encoding), *encoding);
            EXPECT_TRUE(decodeStrict(QByteArray("abc"), *encoding));
        }
    }
}

TEST(TextEncoding, CpgFiles)
{
    struct Case
    {
        const char *content;
        const char *encoding;
    };
    const Case cases[] = {
        {"UTF-8", "UTF-8"},
        {"utf-8\r\n", "UTF-8"},
        {"65001", "UTF-8"},
        {"936", "GBK"},
        {"CP936", "GBK"},
        {"GBK\n", "GBK"},
        {"GB2312", "GBK"},
        {"1252", "CP1252"},
        {"ANSI 1252", "CP1252"},
        {"88591", "ISO-8859-1"},
        {"\xEF\xBB\xBFUTF-8", "UTF-8"},
        {"  big5 ", "BIG5"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.content);
        EXPECT_EQ(encodingFromCpg(QByteArray(c.content)), QLatin1String(c.encoding));
    }
    EXPECT_THROW(encodingFromCpg(QByteArray(" \n")), InputError);
    EXPECT_THROW(encodingFromCpg(QByteArray("EBCDIC-XYZ")), InputError);
}

TEST(TextEncoding, Detect)
{
    struct Case
    {
        const char *name;
        QList<QByteArray> samples;
        const char *encoding;
        bool ascii;
    };
    const QByteArray bom("\xEF\xBB\xBF");
    const Case cases[] = {
        {"no samples", {}, "UTF-8", true},
        {"ascii", {"id", "name", "120.5"}, "UTF-8", true},
        {"bom and ascii", {bom + "id,name"}, "UTF-8", true},
        {"utf-8", {"id", kUtf8Bytes}, "UTF-8", false},
        {"utf-8 with bom", {bom + kUtf8Bytes}, "UTF-8", false},
        {"gbk", {"id", kGbkBytes}, "GBK", false},
        {"gbk four-byte", {kGbkBytes + "\x81\x39\xEE\x39"}, "GBK", false},
        {"mixed utf-8 and gbk", {kUtf8Bytes, kGbkBytes}, "GBK", false},
        {"neither", {"\xFF\xFE"}, "", false},
        {"cut gbk", {kGbkBytes.left(3)}, "", false},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.name);
        const EncodingGuess guess = detectEncoding(c.samples);
        EXPECT_EQ(guess.encoding, QLatin1String(c.encoding));
        EXPECT_EQ(guess.ascii, c.ascii);
    }
}

} // namespace
