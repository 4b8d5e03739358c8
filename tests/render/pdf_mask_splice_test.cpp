// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/pdf_mask_splice.h"
#include "render/pdf_stencil_masks.h"
#include "render/stencil_mask_codec.h"

#include "core/error.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <zlib.h>

#include <functional>
#include <set>

using namespace riskatlas::render;

namespace {

QImage blankTile(int width, int height)
{
    QImage image(width, height, QImage::Format_Mono);
    image.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    image.fill(1); // clear
    return image;
}

// The dots of a dense layer's tile: 0 painted, 1 clear.
QImage noiseTile(int width, int height, quint32 seed)
{
    QImage image = blankTile(width, height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            seed = seed * 1664525u + 1013904223u;
            image.setPixel(x, y, (seed >> 27) & 1);
        }
    }
    return image;
}

QImage rectanglesTile(int width, int height, quint32 seed, int count = 40)
{
    QImage image = blankTile(width, height);
    for (int r = 0; r < count; ++r) {
        seed = seed * 1664525u + 1013904223u;
        const int x = int(seed >> 8) % width;
        seed = seed * 1664525u + 1013904223u;
        const int y = int(seed >> 8) % height;
        for (int v = y; v < std::min(height, y + 2 + r % 7); ++v) {
            for (int u = x; u < std::min(width, x + 3 + r % 11); ++u)
                image.setPixel(u, v, 0);
        }
    }
    return image;
}

std::vector<QImage> testTiles()
{
    QImage painted = blankTile(16, 9);
    painted.fill(0);
    // One dot in a strip: a few bytes of G4, less than JBIG2's segment headers.
    QImage dot = blankTile(200, 6);
    dot.setPixel(77, 3, 0);
    // Random rows, each the one above shifted by a byte: Flate finds the repeats, which are
    // too far for JBIG2's contexts and look random to G4.
    QImage shifted = noiseTile(256, 48, 5);
    for (int y = 1; y < shifted.height(); ++y) {
        for (int x = 0; x < shifted.width(); ++x)
            shifted.setPixel(x, y, shifted.pixelIndex((x + 8) % shifted.width(), y - 1));
    }
    return {rectanglesTile(128, 128, 1),
            noiseTile(64, 32, 2),
            rectanglesTile(37, 19, 3),
            blankTile(1, 1),
            painted,
            rectanglesTile(512, 256, 4, 3000), // dense: JBIG2's contexts learn the shapes
            dot,
            shifted};
}

// A page with the tiles side by side, one point per dot, in dark blue over a red ground; each
// tile drawn by `draw`.
QByteArray writePage(const std::vector<QImage> &tiles,
                     const std::function<void(QPainter &, const QRectF &, const QImage &)> &draw)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(1400, 300), QPageSize::Point),
                                     QPageLayout::Portrait, QMarginsF()));
    QPainter painter(&writer);
    painter.fillRect(QRectF(0, 0, 1400, 300), Qt::red);
    painter.setPen(QColor(0, 0, 128));
    painter.setBrush(QColor(0, 0, 128));
    double x = 2;
    for (const QImage &tile : tiles) {
        draw(painter, QRectF(QPointF(x, 2), QSizeF(tile.size())), tile);
        x += tile.width() + 2;
    }
    painter.end();
    return pdf;
}

QImage render(const QByteArray &pdf, const QString &name, bool *available)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(name + QStringLiteral(".pdf")));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(pdf);
    file.close();
    QProcess pdftoppm;
    pdftoppm.start(QStringLiteral("pdftoppm"),
                   {QStringLiteral("-r"), QStringLiteral("144"), QStringLiteral("-png"),
                    QStringLiteral("-singlefile"), file.fileName(), dir.filePath(name)});
    *available = pdftoppm.waitForFinished(60000) && pdftoppm.exitStatus() == QProcess::NormalExit &&
                 pdftoppm.exitCode() == 0;
    return QImage(dir.filePath(name + QStringLiteral(".png")))
        .convertToFormat(QImage::Format_RGB32);
}

QByteArray splicedPage(const std::vector<QImage> &tiles, std::vector<EncodedStencilMask> *masks)
{
    const QByteArray pdf =
        writePage(tiles, [&](QPainter &painter, const QRectF &target, const QImage &tile) {
            painter.drawImage(target, stencilMaskPlaceholder());
            masks->push_back(encodeStencilMask(tile));
        });
    return spliceStencilMasks(pdf, *masks, QStringLiteral("test.pdf"));
}

} // namespace

// The masks encoded beforehand and put in place of Qt's placeholders paint exactly the dots
// that Qt's own one-bit images, turned into stencil masks, paint: compared dot for dot as
// poppler renders both pages, for tiles in both codecs, an odd width, one dot, all painted.
TEST(PdfMaskSplice, SplicedMasksPaintWhatQtsImagesPaint)
{
    const std::vector<QImage> tiles = testTiles();
    const QByteArray reference = pdfBitmapsToStencilMasks(
        writePage(tiles, [](QPainter &painter, const QRectF &target, const QImage &tile) {
            painter.drawImage(target, tile);
        }));
    std::vector<EncodedStencilMask> masks;
    const QByteArray spliced = splicedPage(tiles, &masks);

    ASSERT_EQ(masks.size(), tiles.size());
    std::set<EncodedStencilMask::Codec> codecs;
    for (const EncodedStencilMask &mask : masks)
        codecs.insert(mask.codec);
    EXPECT_EQ(codecs.size(), 3u) << "the tiles should exercise every codec";
    EXPECT_TRUE(spliced.contains("/CCITTFaxDecode"));
    EXPECT_TRUE(spliced.contains("/JBIG2Decode"));
    EXPECT_FALSE(spliced.contains("/Width 1\n/Height 1\n/BitsPerComponent 1"));

    bool available = false;
    const QImage expected = render(reference, QStringLiteral("reference"), &available);
    if (!available)
        GTEST_SKIP() << "pdftoppm (poppler-utils) is not available";
    const QImage actual = render(spliced, QStringLiteral("spliced"), &available);
    ASSERT_TRUE(available) << "poppler could not render the spliced PDF";
    ASSERT_EQ(actual.size(), expected.size());
    EXPECT_TRUE(actual == expected);
    // Both painted something in the mask colour and left the ground red somewhere.
    EXPECT_EQ(actual.pixelColor(10, 2 * 140), QColor(255, 0, 0)); // below the tiles
    int blue = 0;
    for (int y = 0; y < actual.height(); ++y) {
        for (int x = 0; x < actual.width(); ++x)
            blue += actual.pixelColor(x, y) == QColor(0, 0, 128);
    }
    EXPECT_GT(blue, 1000);

    // A dot changed in one tile's mask shows on the page: the comparison can fail.
    std::vector<QImage> changed = tiles;
    changed[2].setPixel(5, 5, changed[2].pixelIndex(5, 5) ^ 1);
    std::vector<EncodedStencilMask> changedMasks;
    const QImage different =
        render(splicedPage(changed, &changedMasks), QStringLiteral("changed"), &available);
    ASSERT_TRUE(available);
    EXPECT_FALSE(different == expected);

    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("check.pdf")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(spliced);
    file.close();
    QProcess qpdf;
    qpdf.start(QStringLiteral("qpdf"), {QStringLiteral("--check"), file.fileName()});
    if (qpdf.waitForFinished(60000) && qpdf.exitStatus() == QProcess::NormalExit) {
        EXPECT_EQ(qpdf.exitCode(), 0) << qpdf.readAllStandardOutput().toStdString();
    }
}

TEST(PdfMaskSplice, RefusesWhenPlaceholdersAndMasksDoNotMatch)
{
    std::vector<EncodedStencilMask> masks;
    const QByteArray pdf =
        writePage(testTiles(), [&](QPainter &painter, const QRectF &target, const QImage &tile) {
            painter.drawImage(target, stencilMaskPlaceholder());
            masks.push_back(encodeStencilMask(tile));
        });
    std::vector<EncodedStencilMask> fewer(masks.begin(), masks.end() - 1);
    EXPECT_THROW(spliceStencilMasks(pdf, fewer, QStringLiteral("a.pdf")),
                 riskatlas::ProcessingError);
    masks.push_back(masks.front());
    EXPECT_THROW(spliceStencilMasks(pdf, masks, QStringLiteral("a.pdf")),
                 riskatlas::ProcessingError);
    EXPECT_THROW(
        spliceStencilMasks(QByteArray("%PDF-1.4\nno table\n"), {}, QStringLiteral("b.pdf")),
        riskatlas::ProcessingError);
}

// Flate keeps the rows of whole bytes, 0 painted as in the tile; noise is not smaller in G4.
TEST(StencilMaskCodec, FlateHoldsTheRowsAndTheSmallerCodecWins)
{
    const QImage noise = noiseTile(61, 13, 7);
    const EncodedStencilMask mask = encodeStencilMask(noise);
    ASSERT_EQ(mask.codec, EncodedStencilMask::Codec::Flate);
    EXPECT_EQ(mask.filter, QByteArray("/Filter /FlateDecode"));
    EXPECT_EQ(mask.width, 61);
    EXPECT_EQ(mask.height, 13);
    QByteArray rows(8 * 13, '\0');
    uLongf size = uLongf(rows.size());
    ASSERT_EQ(uncompress(reinterpret_cast<Bytef *>(rows.data()), &size,
                         reinterpret_cast<const Bytef *>(mask.data.constData()),
                         uLong(mask.data.size())),
              Z_OK);
    ASSERT_EQ(size, uLongf(8 * 13));
    for (int y = 0; y < 13; ++y) {
        for (int x = 0; x < 61; ++x) {
            const int bit = (uchar(rows[y * 8 + x / 8]) >> (7 - x % 8)) & 1;
            ASSERT_EQ(bit, noise.pixelIndex(x, y)) << x << "," << y;
        }
    }

    const EncodedStencilMask sparse = encodeStencilMask(rectanglesTile(512, 128, 9));
    EXPECT_EQ(sparse.codec, EncodedStencilMask::Codec::CcittG4);
    EXPECT_EQ(
        sparse.filter,
        QByteArray("/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 512 /Rows 128 >>"));

    // jbig2_masks false: never JBIG2, even where it would be smaller.
    const QImage dense = rectanglesTile(512, 256, 4, 3000);
    const EncodedStencilMask anyCodec = encodeStencilMask(dense);
    const EncodedStencilMask g4Only = encodeStencilMask(dense, StencilMaskCodecs::G4);
    EXPECT_EQ(anyCodec.codec, EncodedStencilMask::Codec::Jbig2);
    EXPECT_EQ(anyCodec.filter, QByteArray("/Filter /JBIG2Decode"));
    EXPECT_NE(g4Only.codec, EncodedStencilMask::Codec::Jbig2);
    EXPECT_LT(anyCodec.data.size(), g4Only.data.size());

    EXPECT_TRUE(encodeStencilMask(QImage()).data.isEmpty());
    EXPECT_TRUE(encodeStencilMask(QImage(8, 8, QImage::Format_Grayscale8)).data.isEmpty());
}
