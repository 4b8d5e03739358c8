// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/pdf_stencil_masks.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas::render;

namespace {

// A 100 × 100 pt page: a red square under a 2 × 1 one-bit image whose left dot is 0 (painted)
// and right dot 1 (clear), drawn in blue over the whole page, and an 8-bit grey image.
QByteArray writeTestPdf()
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(100, 100), QPageSize::Point),
                                     QPageLayout::Portrait, QMarginsF()));
    QPainter painter(&writer);
    painter.fillRect(QRectF(0, 0, 100, 100), Qt::red);
    QImage bits(2, 1, QImage::Format_Mono);
    bits.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    bits.setPixel(0, 0, 0);
    bits.setPixel(1, 0, 1);
    painter.setPen(QColor(0, 0, 255));
    painter.setBrush(QColor(0, 0, 255));
    painter.drawImage(QRectF(0, 0, 100, 50), bits);
    QImage grey(4, 4, QImage::Format_Grayscale8);
    grey.fill(128);
    painter.drawImage(QRectF(0, 60, 20, 20), grey);
    painter.end();
    return pdf;
}

} // namespace

TEST(PdfStencilMasks, OneBitImagesBecomeMasksInTheFillColour)
{
    const QByteArray before = writeTestPdf();
    ASSERT_TRUE(before.contains("/BitsPerComponent 1\n/ColorSpace /DeviceGray\n"))
        << "Qt no longer writes black-and-white images as it did in 6.4";
    int rewritten = -1;
    const QByteArray after = pdfBitmapsToStencilMasks(before, &rewritten);
    EXPECT_EQ(rewritten, 1);
    EXPECT_EQ(after.size(), before.size()); // offsets and the xref table stay valid
    EXPECT_TRUE(after.contains("/ImageMask true"));
    EXPECT_FALSE(after.contains("/BitsPerComponent 1\n/ColorSpace /DeviceGray\n"));
    EXPECT_TRUE(after.contains("/BitsPerComponent 8")); // the grey image is left alone

    // Rendered by poppler: the painted dot is blue, the clear dot shows the red beneath.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("mask.pdf")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(after);
    file.close();
    QProcess pdftoppm;
    pdftoppm.start(QStringLiteral("pdftoppm"),
                   {QStringLiteral("-r"), QStringLiteral("72"), QStringLiteral("-png"),
                    QStringLiteral("-singlefile"), file.fileName(),
                    dir.filePath(QStringLiteral("page"))});
    if (!pdftoppm.waitForFinished(60000) || pdftoppm.exitCode() != 0)
        GTEST_SKIP() << "pdftoppm (poppler-utils) is not available";
    const QImage page(dir.filePath(QStringLiteral("page.png")));
    ASSERT_EQ(page.size(), QSize(100, 100));
    EXPECT_EQ(page.pixelColor(25, 25), QColor(0, 0, 255));
    EXPECT_EQ(page.pixelColor(75, 25), QColor(255, 0, 0));
    EXPECT_EQ(page.pixelColor(75, 90), QColor(255, 0, 0));
}

TEST(PdfStencilMasks, LeavesOtherPdfsAlone)
{
    const QByteArray text("%PDF-1.4\n1 0 obj\n<<\n/Title (/BitsPerComponent 1)\n>>\nendobj\n");
    int rewritten = -1;
    EXPECT_EQ(pdfBitmapsToStencilMasks(text, &rewritten), text);
    EXPECT_EQ(rewritten, 0);
}

// The size of the mask streams, which decides whether the atlas runs its compacting pass
// (AtlasConfig::compactPdf): the /Length Qt wrote for the image's stream, found here through
// the indirect length object, for a 1-bit image of noise and a plain one; the grey image is
// not counted.
TEST(PdfStencilMasks, MaskBytesAreTheStreamLengthsQtWrote)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    QPainter painter(&writer);
    QImage noise(256, 256, QImage::Format_Mono);
    noise.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    quint32 state = 12345;
    for (int y = 0; y < noise.height(); ++y) {
        for (int x = 0; x < noise.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            noise.setPixel(x, y, (state >> 28) & 1);
        }
    }
    QImage plain(64, 64, QImage::Format_Mono);
    plain.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    plain.fill(1);
    plain.setPixel(3, 3, 0);
    QImage grey(32, 32, QImage::Format_Grayscale8);
    grey.fill(90);
    painter.drawImage(QRectF(0, 0, 200, 200), noise);
    painter.drawImage(QRectF(0, 220, 50, 50), plain);
    painter.drawImage(QRectF(100, 220, 50, 50), grey);
    painter.end();

    qint64 expected = 0;
    const QRegularExpression length(
        QStringLiteral("/BitsPerComponent 1\\n/ColorSpace /DeviceGray\\n[^>]*/Length (\\d+) 0 R"));
    QRegularExpressionMatchIterator matches = length.globalMatch(QString::fromLatin1(pdf));
    int images = 0;
    while (matches.hasNext()) {
        const QByteArray object = matches.next().captured(1).toLatin1() + " 0 obj\n";
        const qsizetype at = pdf.indexOf(object);
        ASSERT_GE(at, 0);
        const qsizetype value = at + object.size();
        expected += pdf.mid(value, pdf.indexOf('\n', value) - value).toLongLong();
        ++images;
    }
    ASSERT_EQ(images, 2);
    EXPECT_GT(expected, 256 * 256 / 8 / 2); // noise hardly compresses

    int rewritten = -1;
    qint64 maskBytes = -1;
    pdfBitmapsToStencilMasks(pdf, &rewritten, &maskBytes);
    EXPECT_EQ(rewritten, 2);
    EXPECT_EQ(maskBytes, expected);
}
