// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/pdf_g4_masks.h"
#include "render/pdf_stencil_masks.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace riskatlas::render;

namespace {

// 96 pt = 400 dots at 300 dpi: each bit of a 400-dot image is one pixel of pdftoppm -r 300.
constexpr int kDots = 400;
constexpr double kPagePt = 96.0;

// Buildings as the atlas draws them: small rectangles, one bit per dot, 1 (clear) around them,
// at places no symmetry maps onto each other, so a shift or an inversion changes the picture.
QImage buildings(int shift = 0)
{
    QImage image(kDots, kDots, QImage::Format_Mono);
    image.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    image.fill(1);
    QRandomGenerator random(20261129);
    for (int i = 0; i < 900; ++i) {
        const int x = int(random.bounded(kDots - 8)) + shift;
        const int y = int(random.bounded(kDots - 8));
        const int w = 1 + int(random.bounded(6));
        const int h = 1 + int(random.bounded(6));
        for (int row = y; row < y + h; ++row) {
            for (int column = x; column < std::min(kDots, x + w); ++column)
                image.setPixel(column, row, 0);
        }
    }
    return image;
}

// Half the dots set at random: no code compresses it, G4 less than Flate.
QImage noise()
{
    QImage image(64, 64, QImage::Format_Mono);
    image.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    QRandomGenerator random(7);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, random.bounded(2));
    }
    return image;
}

// What the atlas does: black-and-white one-bit images drawn in the layer's colour by Qt's PDF
// engine, then turned into stencil masks in place (the route before G4). A red square under
// part of the map shows that clear dots leave the page as it was.
QByteArray qtPdf(const QImage &map, bool withNoise = true)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setTitle(QStringLiteral("永嘉县图集"));
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(kPagePt, kPagePt), QPageSize::Point),
                                     QPageLayout::Portrait, QMarginsF()));
    QPainter painter(&writer);
    painter.setRenderHint(QPainter::LosslessImageRendering);
    painter.fillRect(QRectF(0, 0, kPagePt / 2, kPagePt / 2), Qt::red);
    painter.setPen(QColor(0, 0, 255));
    painter.setBrush(QColor(0, 0, 255));
    painter.drawImage(QRectF(0, 0, kPagePt, kPagePt), map);
    if (withNoise)
        painter.drawImage(QRectF(kPagePt - 64 * 72.0 / 300, 0, 64 * 72.0 / 300, 64 * 72.0 / 300),
                          noise());
    painter.end();
    return pdfBitmapsToStencilMasks(pdf);
}

QString tool(const char *name)
{
    const QString path = QStandardPaths::findExecutable(QString::fromLatin1(name));
    EXPECT_FALSE(path.isEmpty()) << name << " is missing: run scripts/setup";
    return path;
}

struct Ran
{
    int exitCode = -1;
    QByteArray output;
};

Ran run(const char *program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(tool(program), arguments);
    Ran result;
    if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    result.output = process.readAll();
    return result;
}

// `pdfimages -list` of a file with two images: each must be a stencil mask; "WxH encoding".
void listMasks(const QString &path, QStringList *encodings)
{
    const Ran images = run("pdfimages", {QStringLiteral("-list"), path});
    ASSERT_EQ(images.exitCode, 0) << images.output.toStdString();
    const QStringList lines = QString::fromUtf8(images.output).split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 4) << images.output.toStdString();
    for (qsizetype i = 2; i < lines.size(); ++i) {
        const QStringList columns = lines[i].simplified().split(u' ');
        ASSERT_GE(columns.size(), 9);
        EXPECT_EQ(columns[2], QStringLiteral("stencil"));
        encodings->append(columns[3] + u'x' + columns[4] + u' ' + columns[8]);
    }
}

QString save(const QTemporaryDir &dir, const QString &name, const QByteArray &pdf)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(pdf);
    return path;
}

// The page at 300 dpi in grey levels, as poppler renders it.
QImage render(const QTemporaryDir &dir, const QString &name, const QByteArray &pdf)
{
    const QString path = save(dir, name + QStringLiteral(".pdf"), pdf);
    const Ran ran =
        run("pdftoppm", {QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-gray"),
                         QStringLiteral("-singlefile"), path, dir.filePath(name)});
    EXPECT_EQ(ran.exitCode, 0) << ran.output.toStdString();
    return QImage(dir.filePath(name + QStringLiteral(".pgm")));
}

qint64 differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return -1;
    qint64 count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            count += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    }
    return count;
}

} // namespace

TEST(PdfG4Masks, MasksBecomeG4AndPaintExactlyTheSameDots)
{
    const QByteArray flate = qtPdf(buildings());
    ASSERT_TRUE(flate.contains("/ImageMask true"));
    G4MaskReport report;
    const QByteArray g4 =
        pdfStencilMasksToG4(flate, &report, ContentNumbers::Round, MaskCodecs::G4);
    EXPECT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.masks, 2);
    EXPECT_EQ(report.encoded, 1);
    EXPECT_EQ(report.g4, 1);
    EXPECT_EQ(report.jbig2, 0);
    EXPECT_GT(report.bytesG4, 0);
    EXPECT_LT(report.bytesG4, report.bytesAfter) << "the rest is the noise tile's Flate";
    EXPECT_EQ(report.bytesJbig2, 0);
    EXPECT_EQ(report.kept, 1) << "the noise tile is smaller in Flate and stays so";
    EXPECT_LT(report.bytesAfter, report.bytesBefore);
    EXPECT_LT(g4.size(), flate.size());

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QImage before = render(dir, QStringLiteral("flate"), flate);
    const QImage after = render(dir, QStringLiteral("g4"), g4);
    ASSERT_EQ(before.size(), QSize(kDots, kDots));
    EXPECT_EQ(differingPixels(before, after), 0);

    // Not a blank page that anything would match: blue dots (grey 29 in pdftoppm -gray) on
    // white and on the red square, and both backgrounds between them.
    qint64 painted = 0;
    qint64 clear = 0;
    for (int y = 0; y < after.height(); ++y) {
        for (int x = 0; x < after.width(); ++x) {
            const int grey = qGray(after.pixel(x, y));
            painted += grey < 40 ? 1 : 0;
            clear += grey > 40 ? 1 : 0;
        }
    }
    EXPECT_GT(painted, 10000);
    EXPECT_GT(clear, 100000);
}

TEST(PdfG4Masks, MasksBecomeJbig2WhereSmallerAndPaintExactlyTheSameDots)
{
    const QByteArray flate = qtPdf(buildings());
    G4MaskReport g4Report;
    const QByteArray g4 =
        pdfStencilMasksToG4(flate, &g4Report, ContentNumbers::Round, MaskCodecs::G4);
    G4MaskReport report;
    const QByteArray jbig2 = pdfStencilMasksToG4(flate, &report);
    EXPECT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.masks, 2);
    // The map's mask: JBIG2, smaller than its G4; the noise tile stays in Flate, which neither
    // code beats on random dots.
    EXPECT_EQ(report.jbig2, 1);
    EXPECT_EQ(report.g4, 0);
    EXPECT_EQ(report.encoded, 1);
    EXPECT_EQ(report.kept, 1);
    EXPECT_GT(report.bytesJbig2, 0);
    EXPECT_LT(report.bytesJbig2, g4Report.bytesG4);
    EXPECT_LT(report.bytesAfter, g4Report.bytesAfter);
    EXPECT_LT(jbig2.size(), g4.size());
    ASSERT_EQ(report.notes.size(), 1);
    EXPECT_TRUE(report.notes.front().contains(QStringLiteral("JBIG2 not smaller")))
        << report.notes.front().toStdString();

    // poppler paints the same dots from the Flate, the G4 and the JBIG2 file.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QImage before = render(dir, QStringLiteral("flate"), flate);
    const QImage withoutJbig2 = render(dir, QStringLiteral("g4"), g4);
    const QImage after = render(dir, QStringLiteral("jbig2"), jbig2);
    ASSERT_EQ(before.size(), QSize(kDots, kDots));
    EXPECT_EQ(differingPixels(withoutJbig2, after), 0);
    EXPECT_EQ(differingPixels(before, after), 0);
}

TEST(PdfG4Masks, TheComparisonSeesAOneDotShiftAndAnInversion)
{
    // The pixel comparisons above would fail if the G4 or JBIG2 bits were shifted or inverted:
    // both change the rendered page.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QImage reference = render(dir, QStringLiteral("reference"), qtPdf(buildings()));
    QImage invertedBits = buildings();
    invertedBits.invertPixels();
    for (const MaskCodecs codecs : {MaskCodecs::G4, MaskCodecs::G4AndJbig2}) {
        const auto compact = [codecs](const QByteArray &pdf) {
            return pdfStencilMasksToG4(pdf, nullptr, ContentNumbers::Round, codecs);
        };
        const QImage shifted = render(dir, QStringLiteral("shifted"), compact(qtPdf(buildings(1))));
        const QImage inverted =
            render(dir, QStringLiteral("inverted"), compact(qtPdf(invertedBits)));
        EXPECT_GT(differingPixels(reference, shifted), 1000);
        EXPECT_GT(differingPixels(reference, inverted), 100000);
    }
}

TEST(PdfG4Masks, ImagesAreCcittStencilsInAValidFileWithTheChineseTitle)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = save(
        dir, QStringLiteral("图集.pdf"),
        pdfStencilMasksToG4(qtPdf(buildings()), nullptr, ContentNumbers::Round, MaskCodecs::G4));

    const Ran check = run("qpdf", {QStringLiteral("--check"), path});
    EXPECT_EQ(check.exitCode, 0) << check.output.toStdString();
    EXPECT_TRUE(check.output.contains("No syntax or stream encoding errors"))
        << check.output.toStdString();

    const Ran info = run("pdfinfo", {path});
    EXPECT_EQ(info.exitCode, 0) << info.output.toStdString();
    EXPECT_TRUE(QString::fromUtf8(info.output).contains(QStringLiteral("永嘉县图集")))
        << info.output.toStdString();

    // page num type width height color comp bpc enc …: the map in G4, the noise tile in Flate.
    QStringList encodings;
    ASSERT_NO_FATAL_FAILURE(listMasks(path, &encodings));
    EXPECT_EQ(encodings,
              QStringList({QStringLiteral("400x400 ccitt"), QStringLiteral("64x64 image")}));

    // The dictionary as written: /CCITTFaxDecode with the parameters that make it read right.
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    EXPECT_TRUE(raw.contains("/Filter /CCITTFaxDecode"));
    EXPECT_TRUE(raw.contains("/K -1"));
    EXPECT_TRUE(raw.contains("/Columns 400"));
    EXPECT_FALSE(raw.contains("/BlackIs1 true"));
}

TEST(PdfG4Masks, Jbig2MasksAreStencilsWithoutGlobalsInAValidFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path =
        save(dir, QStringLiteral("图集 JBIG2.pdf"), pdfStencilMasksToG4(qtPdf(buildings())));

    const Ran check = run("qpdf", {QStringLiteral("--check"), path});
    EXPECT_EQ(check.exitCode, 0) << check.output.toStdString();
    EXPECT_TRUE(check.output.contains("No syntax or stream encoding errors"))
        << check.output.toStdString();

    QStringList encodings;
    ASSERT_NO_FATAL_FAILURE(listMasks(path, &encodings));
    EXPECT_EQ(encodings,
              QStringList({QStringLiteral("400x400 jbig2"), QStringLiteral("64x64 image")}));

    // The stream is JBIG2 alone: no /JBIG2Globals, no /DecodeParms left from another filter,
    // in a file whose version allows JBIG2Decode (1.4) and the object streams (1.5).
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    const qsizetype filter = raw.indexOf("/Filter /JBIG2Decode");
    ASSERT_GE(filter, 0);
    // The image's dictionary (a stream's is never inside an object stream).
    const qsizetype start = raw.lastIndexOf(" obj", filter);
    const QByteArray dictionary = raw.mid(start, raw.indexOf("stream", filter) - start);
    EXPECT_TRUE(dictionary.contains("/ImageMask true")) << dictionary.toStdString();
    EXPECT_FALSE(dictionary.contains("/DecodeParms")) << dictionary.toStdString();
    EXPECT_FALSE(raw.contains("/JBIG2Globals"));
    EXPECT_GE(raw.left(8), QByteArray("%PDF-1.5"));
}

TEST(PdfG4Masks, SameInputSameBytes)
{
    const QByteArray flate = qtPdf(buildings());
    EXPECT_EQ(pdfStencilMasksToG4(flate), pdfStencilMasksToG4(flate));
}

TEST(PdfG4Masks, APdfWithoutMasksIsStillWrittenValid)
{
    const QByteArray plain = qtPdf(QImage(), false);
    G4MaskReport report;
    const QByteArray written = pdfStencilMasksToG4(plain, &report);
    EXPECT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_EQ(report.masks, 0);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const Ran check =
        run("qpdf", {QStringLiteral("--check"), save(dir, QStringLiteral("plain.pdf"), written)});
    EXPECT_EQ(check.exitCode, 0) << check.output.toStdString();
}

TEST(PdfG4Masks, WhatQpdfCannotReadIsReturnedUnchanged)
{
    for (const QByteArray &input :
         {QByteArray("not a PDF at all"), QByteArray(), qtPdf(buildings()).left(2000)}) {
        G4MaskReport report;
        EXPECT_EQ(pdfStencilMasksToG4(input, &report), input);
        EXPECT_FALSE(report.error.isEmpty());
        EXPECT_EQ(report.encoded, 0);
    }
}

namespace {

// A page of vector drawing as the atlas's pages hold it: many small filled polygons at
// coordinates with many decimals (Qt writes `24.0199999`), outlines, a scaled group, and
// Chinese text with digits in it, which must not be touched.
QByteArray vectorPdf(double offset = 0)
{
    QByteArray pdf;
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setTitle(QStringLiteral("永嘉县图集"));
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(kPagePt * 2, kPagePt * 2), QPageSize::Point),
                                     QPageLayout::Portrait, QMarginsF()));
    QPainter painter(&writer);
    painter.translate(offset, offset);
    QRandomGenerator random(20261129);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(77, 77, 77));
    for (int i = 0; i < 600; ++i) {
        const QPointF centre(8 + random.generateDouble() * (kPagePt * 2 - 16),
                             8 + random.generateDouble() * (kPagePt * 2 - 40));
        const double angle = random.generateDouble() * 3.14159;
        const double w = 1.5 + random.generateDouble() * 4;
        const double h = 1.5 + random.generateDouble() * 3;
        QPolygonF outline;
        for (const QPointF &corner : {QPointF(-w, -h), QPointF(w, -h), QPointF(w, 0), QPointF(0, 0),
                                      QPointF(0, h), QPointF(-w, h)}) {
            outline << centre +
                           QPointF(corner.x() * std::cos(angle) - corner.y() * std::sin(angle),
                                   corner.x() * std::sin(angle) + corner.y() * std::cos(angle));
        }
        painter.drawPolygon(outline);
    }
    painter.setPen(QPen(QColor(58, 58, 58), 0.6));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QPointF(kPagePt, kPagePt), kPagePt * 0.71, kPagePt * 0.53);
    painter.save();
    painter.scale(3.7, 3.7);
    painter.drawRect(QRectF(1.2345678, 1.3456789, 10.987654, 7.6543219));
    painter.restore();
    painter.setPen(Qt::black);
    painter.setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 9));
    painter.drawText(QPointF(10.123456, kPagePt * 2 - 12.345678),
                     QStringLiteral("岩坦镇 12.3456789 km² 共 1234 栋"));
    painter.end();
    return pdf;
}

// The lines of the page content (qpdf --qdf) that end in one of `operators`.
QStringList contentLines(const QTemporaryDir &dir, const QString &name, const QByteArray &pdf,
                         const QStringList &operators)
{
    const QString path = save(dir, name + QStringLiteral(".pdf"), pdf);
    const QString qdf = dir.filePath(name + QStringLiteral(".qdf"));
    const Ran ran = run(
        "qpdf", {QStringLiteral("--qdf"), QStringLiteral("--object-streams=disable"), path, qdf});
    EXPECT_EQ(ran.exitCode, 0) << ran.output.toStdString();
    QFile file(qdf);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    QStringList lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString text = QString::fromLatin1(line);
        for (const QString &op : operators) {
            if (text.endsWith(u' ' + op))
                lines.append(text);
        }
    }
    return lines;
}

QString pdfText(const QTemporaryDir &dir, const QString &name, const QByteArray &pdf)
{
    const Ran ran =
        run("pdftotext", {save(dir, name + QStringLiteral(".pdf"), pdf), QStringLiteral("-")});
    EXPECT_EQ(ran.exitCode, 0) << ran.output.toStdString();
    return QString::fromUtf8(ran.output);
}

// Pixels of `image` that differ from a 4-neighbour: where the drawing has edges.
qint64 edgePixels(const QImage &image)
{
    qint64 count = 0;
    for (int y = 1; y + 1 < image.height(); ++y) {
        for (int x = 1; x + 1 < image.width(); ++x) {
            const QRgb here = image.pixel(x, y);
            count += (here != image.pixel(x - 1, y) || here != image.pixel(x + 1, y) ||
                      here != image.pixel(x, y - 1) || here != image.pixel(x, y + 1))
                         ? 1
                         : 0;
        }
    }
    return count;
}

} // namespace

TEST(PdfG4Masks, PathNumbersAreRoundedToAHundredthOfAPoint)
{
    const QByteArray qt = vectorPdf();
    G4MaskReport report;
    const QByteArray rounded = pdfStencilMasksToG4(qt, &report);
    const QByteArray kept = pdfStencilMasksToG4(qt, nullptr, ContentNumbers::Keep);
    EXPECT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    EXPECT_GT(report.numbersRounded, 600 * 12);
    EXPECT_LT(report.contentBytesAfter, report.contentBytesBefore);
    EXPECT_LT(rounded.size(), kept.size());

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QStringList path = {QStringLiteral("m"), QStringLiteral("l"), QStringLiteral("c"),
                              QStringLiteral("re")};
    const QStringList keptPath = contentLines(dir, QStringLiteral("kept"), kept, path);
    const QStringList roundedPath = contentLines(dir, QStringLiteral("rounded"), rounded, path);
    ASSERT_EQ(roundedPath.size(), keptPath.size());
    ASSERT_GT(roundedPath.size(), 600 * 6);
    // Each number as written within 0.005 of Qt's, with at most two decimals and no trailing
    // zero; in the rectangle drawn under a 3.7× matrix (`cm`) within 0.0005 with three, for
    // 0.005 pt on the page.
    int longerBefore = 0;
    int scaled = 0;
    for (qsizetype i = 0; i < roundedPath.size(); ++i) {
        const QStringList before = keptPath[i].split(u' ');
        const QStringList after = roundedPath[i].split(u' ');
        ASSERT_EQ(before.size(), after.size()) << roundedPath[i].toStdString();
        EXPECT_EQ(before.last(), after.last());
        const bool underScale =
            after.last() == QStringLiteral("re") && after[0] == QStringLiteral("1.235");
        scaled += underScale ? 1 : 0;
        for (qsizetype j = 0; j + 1 < after.size(); ++j) {
            const QString &number = after[j];
            const qsizetype point = number.indexOf(u'.');
            if (point >= 0) {
                EXPECT_LE(number.size() - point - 1, underScale ? 3 : 2) << number.toStdString();
                EXPECT_FALSE(number.endsWith(u'0')) << number.toStdString();
            }
            EXPECT_NEAR(number.toDouble(), before[j].toDouble(),
                        (underScale ? 0.0005 : 0.005) + 1e-9)
                << before[j].toStdString() << " → " << number.toStdString();
            longerBefore += before[j].size() > number.size() ? 1 : 0;
        }
    }
    EXPECT_EQ(scaled, 1);
    EXPECT_GT(longerBefore, 600 * 6);

    // Text, its matrices and font sizes, colours and the transformation matrices as they were.
    const QStringList untouched = {QStringLiteral("Tm"), QStringLiteral("Tf"), QStringLiteral("Td"),
                                   QStringLiteral("cm"), QStringLiteral("rg"), QStringLiteral("w"),
                                   QStringLiteral("Tj"), QStringLiteral("TJ")};
    EXPECT_EQ(contentLines(dir, QStringLiteral("kept2"), kept, untouched),
              contentLines(dir, QStringLiteral("rounded2"), rounded, untouched));
    const QString text = pdfText(dir, QStringLiteral("rounded3"), rounded);
    EXPECT_TRUE(text.contains(QStringLiteral("岩坦镇 12.3456789 km² 共 1234 栋")))
        << text.toStdString();
    EXPECT_EQ(text, pdfText(dir, QStringLiteral("kept3"), kept));

    const Ran check =
        run("qpdf", {QStringLiteral("--check"), save(dir, QStringLiteral("检查.pdf"), rounded)});
    EXPECT_EQ(check.exitCode, 0) << check.output.toStdString();
    EXPECT_TRUE(check.output.contains("No syntax or stream encoding errors"))
        << check.output.toStdString();
}

TEST(PdfG4Masks, RoundedPathsRenderAsTheOriginalsButForAFewEdgePixels)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QByteArray qt = vectorPdf();
    const QImage kept =
        render(dir, QStringLiteral("kept"), pdfStencilMasksToG4(qt, nullptr, ContentNumbers::Keep));
    const QImage rounded = render(dir, QStringLiteral("rounded"), pdfStencilMasksToG4(qt));
    ASSERT_EQ(kept.size(), QSize(2 * kDots, 2 * kDots));
    const qint64 edges = edgePixels(kept);
    ASSERT_GT(edges, 20000);
    // A vertex moves by at most 0.005 pt in x and in y, 0.021 dots at 300 dpi, so an edge by at
    // most 0.03 dots (0.01 on average): only pixels an edge crosses can change, when one of
    // poppler's 4 × 4 anti-aliasing samples falls between the two edges, a chance of at most
    // 4 × 0.03 = 12 % and about 4 % on average, and then mostly by one sample's 1/16 of
    // black-to-white. Bounds: 8 % of the edge pixels differ (measured 4.3 %), 0.1 % of them by
    // more than 1/8 (measured 0.05 %: where two rounded edges meet in a sliver).
    const qint64 differing = differingPixels(kept, rounded);
    EXPECT_LE(differing, edges * 8 / 100) << differing << " of " << edges << " edge pixels";
    qint64 large = 0;
    for (int y = 0; y < kept.height(); ++y) {
        for (int x = 0; x < kept.width(); ++x)
            large += std::abs(qGray(kept.pixel(x, y)) - qGray(rounded.pixel(x, y))) > 32 ? 1 : 0;
    }
    EXPECT_LE(large, edges / 1000) << large << " of " << edges << " edge pixels";

    // The same comparison sees the whole drawing moved by 0.1 pt (0.4 dots).
    const QImage moved = render(dir, QStringLiteral("moved"),
                                pdfStencilMasksToG4(vectorPdf(0.1), nullptr, ContentNumbers::Keep));
    EXPECT_GT(differingPixels(kept, moved), edges / 3);
}
