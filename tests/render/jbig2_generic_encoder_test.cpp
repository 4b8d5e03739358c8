// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/jbig2_generic_encoder.h"

#include "support/test_support.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas::render;

// ITU-T T.88 Annex H.2, "Test sequence for arithmetic coder" (also ISO/IEC 15444-1 Annex J):
// 256 decisions, most significant bit of each byte first, all coded in one context starting at
// index 0 with MPS 0, and the code the standard lists for them, ending with the 0xFF 0xAC
// marker of FLUSH.
TEST(Jbig2GenericEncoder, ArithmeticCoderMatchesTheStandardsTestSequence)
{
    const QByteArray decisions = QByteArray::fromHex("00020051000000C00352872AAAAAAAAA"
                                                     "82C02000FCD79EF6BF7FED904F46A3BF");
    const QByteArray expected = QByteArray::fromHex("84C73BFCE1A1430402200000410DBB86"
                                                    "F4317FFF88FF37471ADB6ADFFFAC");
    Jbig2ArithmeticEncoder coder;
    std::uint8_t context = 0;
    for (const char byte : decisions) {
        for (int bit = 7; bit >= 0; --bit)
            coder.encode(context, (static_cast<unsigned char>(byte) >> bit) & 1);
    }
    EXPECT_EQ(coder.finish().toHex(' '), expected.toHex(' '));
}

TEST(Jbig2GenericEncoder, ARunIsCodedAsItsDecisionsOneByOne)
{
    // encodeRun() takes a shortcut through runs of the more probable symbol; its bytes must be
    // those of the decisions coded one at a time, through every state of Table E.1.
    QRandomGenerator random(88);
    Jbig2ArithmeticEncoder one;
    Jbig2ArithmeticEncoder runs;
    std::uint8_t contextsOne[3] = {0, 0, 0};
    std::uint8_t contextsRuns[3] = {0, 0, 0};
    qint64 decisions = 0;
    for (int i = 0; i < 3000; ++i) {
        const int context = int(random.bounded(3));
        const int bit = random.bounded(10) == 0 ? 1 : 0;
        const qint64 count = random.bounded(5) == 0 ? 1 + random.bounded(100000) : 1;
        for (qint64 k = 0; k < count; ++k)
            one.encode(contextsOne[context], bit);
        runs.encodeRun(contextsRuns[context], bit, count);
        decisions += count;
    }
    ASSERT_GT(decisions, 10000000);
    EXPECT_EQ(QByteArray(runs.finish()).toHex(), QByteArray(one.finish()).toHex());
}

namespace {

// A one-bit image as the encoders take it: rows of (width + 7) / 8 bytes, 1 = black.
struct Bitmap
{
    int width = 0;
    int height = 0;
    QByteArray bits;

    Bitmap(int w, int h, char fill = '\0')
        : width(w)
        , height(h)
        , bits(QByteArray(qsizetype((w + 7) / 8) * h, fill))
    {}
    qsizetype rowBytes() const { return (width + 7) / 8; }
    bool at(int x, int y) const
    {
        return (static_cast<unsigned char>(bits[y * rowBytes() + x / 8]) >> (7 - x % 8)) & 1;
    }
    void set(int x, int y, bool black)
    {
        char &byte = bits[y * rowBytes() + x / 8];
        const char bit = char(0x80 >> (x % 8));
        byte = black ? char(byte | bit) : char(byte & ~bit);
    }
};

Bitmap noise(int width, int height, quint32 seed)
{
    Bitmap image(width, height);
    QRandomGenerator random(seed);
    for (char &byte : image.bits)
        byte = char(random.bounded(256));
    return image;
}

// Small rectangles like the atlas's buildings, black on white.
Bitmap rectangles(int width, int height, int count, quint32 seed)
{
    Bitmap image(width, height);
    QRandomGenerator random(seed);
    for (int i = 0; i < count; ++i) {
        const int x = int(random.bounded(width));
        const int y = int(random.bounded(height));
        const int w = 1 + int(random.bounded(12));
        const int h = 1 + int(random.bounded(12));
        for (int row = y; row < std::min(height, y + h); ++row) {
            for (int column = x; column < std::min(width, x + w); ++column)
                image.set(column, row, true);
        }
    }
    return image;
}

QString jbig2dec()
{
    return QStandardPaths::findExecutable(QStringLiteral("jbig2dec"));
}

// A P4 portable bitmap's size and raster, or an empty raster if it is not one.
Bitmap readPbm(const QByteArray &file)
{
    // "P4", white space, width, white space, height, one white space, the raster.
    QList<QByteArray> fields;
    qsizetype position = 0;
    while (fields.size() < 3 && position < file.size()) {
        while (position < file.size() && QChar::isSpace(uchar(file[position])))
            ++position;
        if (position < file.size() && file[position] == '#') {
            while (position < file.size() && file[position] != '\n')
                ++position;
            continue;
        }
        const qsizetype start = position;
        while (position < file.size() && !QChar::isSpace(uchar(file[position])))
            ++position;
        fields.append(file.mid(start, position - start));
    }
    if (fields.size() != 3 || fields[0] != "P4")
        return Bitmap(0, 0);
    Bitmap image(fields[1].toInt(), fields[2].toInt());
    image.bits = file.mid(position + 1);
    return image;
}

// The image decoded by jbig2dec from a stand-alone file around our embedded stream.
Bitmap decodeWithJbig2dec(const QByteArray &embedded, QString *messages = nullptr)
{
    QTemporaryDir dir;
    EXPECT_TRUE(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("掩膜 1.jb2"));
    const QString output = dir.filePath(QStringLiteral("掩膜 1.pbm"));
    QFile file(input);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(jbig2FileFromEmbedded(embedded));
    file.close();
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(jbig2dec(), {QStringLiteral("-t"), QStringLiteral("pbm"), QStringLiteral("-o"),
                               output, input});
    EXPECT_TRUE(process.waitForFinished(120000));
    const QByteArray said = process.readAll();
    if (messages)
        *messages = QString::fromUtf8(said);
    EXPECT_EQ(process.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(process.exitCode(), 0) << said.toStdString();
    QFile decoded(output);
    if (!decoded.open(QIODevice::ReadOnly))
        return Bitmap(0, 0);
    return readPbm(decoded.readAll());
}

// Dots that differ between two images of the same size, padding bits ignored; -1 if the sizes
// differ.
qint64 differingDots(const Bitmap &a, const Bitmap &b)
{
    if (a.width != b.width || a.height != b.height || a.bits.size() != b.bits.size())
        return -1;
    qint64 count = 0;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x)
            count += a.at(x, y) != b.at(x, y) ? 1 : 0;
    }
    return count;
}

#define REQUIRE_JBIG2DEC()                                                                         \
    if (jbig2dec().isEmpty())                                                                      \
    GTEST_SKIP() << "jbig2dec is not installed (apt package jbig2dec; scripts/setup installs it)"

constexpr Jbig2Template kTemplates[] = {Jbig2Template::Template0, Jbig2Template::Template1,
                                        Jbig2Template::Template2, Jbig2Template::Template3};

// Each of the four templates: each forms its contexts from other dots, and a decoder that
// formed them differently would decode other dots.
void expectRoundTrip(const Bitmap &image, const char *what)
{
    for (const Jbig2Template gbTemplate : kTemplates) {
        QString error;
        const QByteArray embedded =
            encodeJbig2Generic(image.bits, image.width, image.height, &error, gbTemplate);
        ASSERT_FALSE(embedded.isEmpty()) << what << ": " << error.toStdString();
        EXPECT_TRUE(error.isEmpty());
        QString messages;
        const Bitmap decoded = decodeWithJbig2dec(embedded, &messages);
        ASSERT_EQ(decoded.width, image.width)
            << what << ", template " << int(gbTemplate) << ": " << messages.toStdString();
        ASSERT_EQ(decoded.height, image.height) << what;
        EXPECT_EQ(differingDots(decoded, image), 0) << what << ", template " << int(gbTemplate);
    }
}

} // namespace

TEST(Jbig2GenericEncoder, JbigDecDecodesExactlyTheBitsEncoded)
{
    REQUIRE_JBIG2DEC();
    expectRoundTrip(noise(256, 64, 1), "random noise 256 × 64");
    expectRoundTrip(Bitmap(640, 128), "all white");
    expectRoundTrip(Bitmap(640, 128, char(0xFF)), "all black");
    expectRoundTrip(Bitmap(1001, 3, char(0xFF)), "all black, width 1001");
    expectRoundTrip(rectangles(1024, 128, 300, 2), "rectangles 1024 × 128");
    expectRoundTrip(rectangles(512, 512, 3000, 3), "rectangles 512 × 512");
    for (const int width : {1, 7, 9, 1001}) {
        const std::string what = "noise, width " + std::to_string(width);
        expectRoundTrip(noise(width, 37, quint32(width)), what.c_str());
        const std::string sparse = "rectangles, width " + std::to_string(width);
        expectRoundTrip(rectangles(width, 40, 20, quint32(width)), sparse.c_str());
    }
    Bitmap dot(1, 1);
    expectRoundTrip(dot, "1 × 1 white");
    dot.set(0, 0, true);
    expectRoundTrip(dot, "1 × 1 black");
}

TEST(Jbig2GenericEncoder, PaddingBitsBeyondTheWidthAreIgnored)
{
    REQUIRE_JBIG2DEC();
    // Noise in the padding of every row: the code must be that of clean padding, which also
    // keeps typical prediction from seeing a difference between rows that do not differ.
    Bitmap clean = rectangles(13, 50, 6, 5);
    Bitmap dirty = clean;
    for (int y = 0; y < dirty.height; ++y)
        dirty.bits[y * dirty.rowBytes() + 1] = char(dirty.bits[y * dirty.rowBytes() + 1] | 0x07);
    EXPECT_EQ(encodeJbig2Generic(dirty.bits, 13, 50), encodeJbig2Generic(clean.bits, 13, 50));
    expectRoundTrip(dirty, "padding set");
}

TEST(Jbig2GenericEncoder, AMaskFromTheSampleAtlasRoundTrips)
{
    REQUIRE_JBIG2DEC();
    QFile file(riskatlas::test::testDataPath(QStringLiteral("jbig2/atlas_mask_768x128.pbm")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
    Bitmap mask = readPbm(file.readAll());
    ASSERT_EQ(mask.width, 768);
    ASSERT_EQ(mask.height, 128);
    // The file holds the mask's samples (1 clear); the atlas codes the dots to paint as black.
    for (char &byte : mask.bits)
        byte = char(~byte);
    expectRoundTrip(mask, "sample atlas mask");
    // Smaller than the Flate stream the atlas had (2059 bytes) and than G4 (which was not);
    // template 2 (the default) smaller than template 0 on such a strip.
    const qsizetype template2 = encodeJbig2Generic(mask.bits, mask.width, mask.height).size();
    EXPECT_LT(template2, 2059);
    EXPECT_LT(template2, encodeJbig2Generic(mask.bits, mask.width, mask.height, nullptr,
                                            Jbig2Template::Template0)
                             .size());
}

TEST(Jbig2GenericEncoder, FlippingOneDotChangesExactlyThatDot)
{
    REQUIRE_JBIG2DEC();
    const Bitmap original = rectangles(300, 200, 150, 9);
    // A dot inside a run of repeated rows, where typical prediction would otherwise copy it.
    Bitmap flipped = original;
    flipped.set(123, 77, !original.at(123, 77));
    for (const Jbig2Template gbTemplate : kTemplates) {
        const QByteArray a = encodeJbig2Generic(original.bits, 300, 200, nullptr, gbTemplate);
        const QByteArray b = encodeJbig2Generic(flipped.bits, 300, 200, nullptr, gbTemplate);
        EXPECT_NE(a, b);
        const Bitmap decodedA = decodeWithJbig2dec(a);
        const Bitmap decodedB = decodeWithJbig2dec(b);
        EXPECT_EQ(differingDots(decodedA, decodedB), 1);
        EXPECT_NE(decodedA.at(123, 77), decodedB.at(123, 77));
        EXPECT_EQ(decodedB.at(123, 77), flipped.at(123, 77));
    }

    // A white image with one black dot in its last row: the repeated rows above it must not
    // swallow it.
    Bitmap white(64, 64);
    white.set(63, 63, true);
    const Bitmap decoded = decodeWithJbig2dec(encodeJbig2Generic(white.bits, 64, 64));
    EXPECT_EQ(differingDots(decoded, white), 0);
    EXPECT_TRUE(decoded.at(63, 63));
}

TEST(Jbig2GenericEncoder, RepeatedRowsCostAlmostNothing)
{
    // 10 000 × 10 000 dots (12.5 MB) with a few large blocks: most rows repeat the one above,
    // which typical prediction codes in one decision each. A size bound, not a time bound.
    Bitmap big(10000, 10000);
    for (int y = 2000; y < 6000; ++y) {
        for (int x = 3000; x < 3008; ++x)
            big.set(x, y, true);
        big.bits[y * big.rowBytes() + 500] = char(0xFF);
    }
    QString error;
    const QByteArray code = encodeJbig2Generic(big.bits, big.width, big.height, &error);
    ASSERT_FALSE(code.isEmpty()) << error.toStdString();
    EXPECT_LT(code.size(), 400);
    if (jbig2dec().isEmpty())
        return;
    const Bitmap decoded = decodeWithJbig2dec(code);
    ASSERT_EQ(decoded.bits.size(), big.bits.size());
    EXPECT_EQ(decoded.bits, big.bits);
}

TEST(Jbig2GenericEncoder, BadInputIsAnErrorNotACrash)
{
    QString error;
    EXPECT_TRUE(encodeJbig2Generic(QByteArray(3, '\0'), 16, 2, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("3 bytes"))) << error.toStdString();
    EXPECT_TRUE(encodeJbig2Generic(QByteArray(), 0, 1, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("0 × 1"))) << error.toStdString();
    EXPECT_FALSE(encodeJbig2Generic(QByteArray(4, '\0'), 16, 2, &error).isEmpty());
    EXPECT_TRUE(error.isEmpty());
}

TEST(Jbig2GenericEncoder, TheEmbeddedStreamHoldsOnlyWhatAPdfAllows)
{
    // Page information (type 48) then an immediate lossless generic region (39), both on page
    // 1; no file header, no end of page (49) or end of file (51) — ISO 32000-1 §7.4.7.
    const QByteArray code =
        encodeJbig2Generic(QByteArray(2, '\0'), 9, 1, nullptr, Jbig2Template::Template0);
    EXPECT_EQ(code.left(11).toHex(' '), QByteArray("00 00 00 00 30 00 01 00 00 00 13"));
    EXPECT_EQ(code.mid(11, 8).toHex(' '), QByteArray("00 00 00 09 00 00 00 01"));
    const QByteArray region = code.mid(30);
    EXPECT_EQ(region.left(7).toHex(' '), QByteArray("00 00 00 01 27 00 01"));
    const quint32 length = (quint32(uchar(region[7])) << 24) | (quint32(uchar(region[8])) << 16) |
                           (quint32(uchar(region[9])) << 8) | quint32(uchar(region[10]));
    EXPECT_EQ(qsizetype(length), region.size() - 11) << "the region is the last segment";
    // Region 9 × 1 at 0 0, OR; template 0 with TPGDON; nominal AT pixels.
    EXPECT_EQ(region.mid(11, 26).toHex(' '),
              QByteArray("00 00 00 09 00 00 00 01 00 00 00 00 00 00 00 00 00 08 "
                         "03 ff fd ff 02 fe fe fe"));
    EXPECT_TRUE(code.endsWith("\xFF\xAC"));

    // Templates 1-3 carry one adaptive pixel, A1 at (3, -1) or (2, -1); the flags name them.
    const QByteArray template2 = encodeJbig2Generic(QByteArray(2, '\0'), 9, 1).mid(30);
    EXPECT_EQ(template2.mid(11 + 17, 3).toHex(' '), QByteArray("0c 02 ff"));
    const QByteArray template1 =
        encodeJbig2Generic(QByteArray(2, '\0'), 9, 1, nullptr, Jbig2Template::Template1).mid(30);
    EXPECT_EQ(template1.mid(11 + 17, 3).toHex(' '), QByteArray("0a 03 ff"));
    const QByteArray template3 =
        encodeJbig2Generic(QByteArray(2, '\0'), 9, 1, nullptr, Jbig2Template::Template3).mid(30);
    EXPECT_EQ(template3.mid(11 + 17, 3).toHex(' '), QByteArray("0e 02 ff"));
}
