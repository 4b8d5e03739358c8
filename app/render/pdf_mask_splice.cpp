// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/pdf_mask_splice.h"

#include "core/error.h"

#include <QList>

#include <algorithm>
#include <map>

namespace riskatlas::render {

QImage stencilMaskPlaceholder()
{
    // Black and white: the only one-bit image Qt 6.4 writes as one bit (pdf_stencil_masks.h).
    QImage image(1, 1, QImage::Format_Mono);
    image.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    image.fill(1);
    return image;
}

namespace {

struct Object
{
    int number = 0;
    qsizetype offset = 0;
    qsizetype end = 0;     ///< the next object's offset, or the cross-reference table's
    int lengthObject = -1; ///< a placeholder's indirect /Length
    int mask = -1;         ///< index of the mask that replaces this placeholder
};

// The dictionary lines of a placeholder as QPdfEnginePrivate::writeImage() writes them; the
// filter line is there when Qt compressed the dot (it always does unless built without zlib).
bool isPlaceholder(const QList<QByteArray> &lines, int *lengthObject)
{
    static const QList<QByteArray> fixed = {
        "/Type /XObject", "/Subtype /Image",     "/Width 1",
        "/Height 1",      "/BitsPerComponent 1", "/ColorSpace /DeviceGray"};
    if (lines.size() < fixed.size() + 1 || lines.size() > fixed.size() + 2)
        return false;
    for (qsizetype i = 0; i < fixed.size(); ++i) {
        if (lines[i] != fixed[i])
            return false;
    }
    bool filter = false;
    *lengthObject = -1;
    for (qsizetype i = fixed.size(); i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line == "/Filter /FlateDecode" && !filter) {
            filter = true;
        } else if (line.startsWith("/Length ") && line.endsWith(" 0 R") && *lengthObject < 0) {
            bool ok = false;
            *lengthObject = line.mid(8, line.size() - 12).toInt(&ok);
            if (!ok)
                return false;
        } else {
            return false;
        }
    }
    return *lengthObject > 0;
}

} // namespace

QByteArray spliceStencilMasks(const QByteArray &pdf, const std::vector<EncodedStencilMask> &masks,
                              const QString &path)
{
    auto fail = [&](const QString &what) {
        return ProcessingError({path}, QStringLiteral("PDF map images: %1").arg(what));
    };

    // The classic cross-reference table Qt writes: one subsection from object 0.
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    if (startxref < 0)
        throw fail(QStringLiteral("no startxref"));
    bool ok = false;
    const qsizetype xref =
        pdf.mid(startxref + 9, 24).trimmed().split('\n').value(0).trimmed().toLongLong(&ok);
    if (!ok || xref <= 0 || xref >= startxref || !pdf.mid(xref).startsWith("xref\n0 "))
        throw fail(QStringLiteral("no cross-reference table where startxref says"));
    const qsizetype countEnd = pdf.indexOf('\n', xref + 7);
    const int count = pdf.mid(xref + 7, countEnd - xref - 7).trimmed().toInt(&ok);
    const qsizetype entries = countEnd + 1;
    const qsizetype trailer = entries + qsizetype(count) * 20;
    if (!ok || count < 1 || trailer > startxref || !pdf.mid(trailer).startsWith("trailer"))
        throw fail(QStringLiteral("the cross-reference table is not Qt's"));

    std::vector<Object> objects;
    for (int i = 1; i < count; ++i) {
        const QByteArray entry = pdf.mid(entries + qsizetype(i) * 20, 20);
        if (entry.at(17) != 'n')
            continue;
        objects.push_back({i, qsizetype(entry.left(10).toLongLong()), 0});
    }
    std::sort(objects.begin(), objects.end(),
              [](const Object &a, const Object &b) { return a.offset < b.offset; });
    for (std::size_t k = 0; k < objects.size(); ++k)
        objects[k].end = k + 1 < objects.size() ? objects[k + 1].offset : xref;

    // The placeholders in file order, which is drawing order.
    std::map<int, qsizetype> newLengths; // length object → the mask's size
    int found = 0;
    for (Object &object : objects) {
        const QByteArray head = QByteArray::number(object.number) + " 0 obj\n";
        if (pdf.mid(object.offset, head.size()) != head)
            throw fail(QStringLiteral("object %1 is not where the table says").arg(object.number));
        if (pdf.mid(object.offset + head.size(), 3) != "<<\n")
            continue;
        const qsizetype dictionary = object.offset + head.size() + 3;
        // A placeholder's dictionary is a few short lines: look no further than that.
        const qsizetype window = std::min<qsizetype>(object.end - dictionary, 400);
        const qsizetype at = QByteArrayView(pdf)
                                 .sliced(dictionary, std::max<qsizetype>(window, 0))
                                 .indexOf(QByteArrayView("\n>>\nstream\n"));
        if (at < 0)
            continue;
        const qsizetype close = dictionary + at;
        int lengthObject = -1;
        if (!isPlaceholder(pdf.mid(dictionary, close - dictionary).split('\n'), &lengthObject))
            continue;
        if (std::size_t(found) >= masks.size())
            throw fail(
                QStringLiteral("more placeholders than the %1 map images drawn").arg(masks.size()));
        object.lengthObject = lengthObject;
        object.mask = found;
        newLengths[lengthObject] = masks[std::size_t(found)].data.size();
        ++found;
    }
    if (std::size_t(found) != masks.size())
        throw fail(
            QStringLiteral("%1 placeholders for %2 map images drawn").arg(found).arg(masks.size()));

    qsizetype size = pdf.size();
    for (const EncodedStencilMask &mask : masks)
        size += mask.data.size() + mask.filter.size() + 64;
    QByteArray out;
    out.reserve(size);
    out.append(pdf.constData(), objects.empty() ? xref : objects.front().offset);
    std::vector<qsizetype> offsets(std::size_t(count), -1);
    for (const Object &object : objects) {
        offsets[std::size_t(object.number)] = out.size();
        const QByteArray number = QByteArray::number(object.number);
        if (object.mask >= 0) {
            const EncodedStencilMask &mask = masks[std::size_t(object.mask)];
            out.append(number + " 0 obj\n<<\n/Type /XObject\n/Subtype /Image\n/Width " +
                       QByteArray::number(mask.width) + "\n/Height " +
                       QByteArray::number(mask.height) + "\n/ImageMask true\n/Length " +
                       QByteArray::number(object.lengthObject) + " 0 R\n" + mask.filter +
                       "\n>>\nstream\n");
            out.append(mask.data);
            out.append("\nendstream\nendobj\n");
            continue;
        }
        const auto length = newLengths.find(object.number);
        if (length != newLengths.end()) {
            out.append(number + " 0 obj\n" + QByteArray::number(length->second) + "\nendobj\n");
            continue;
        }
        out.append(pdf.constData() + object.offset, object.end - object.offset);
    }
    for (const auto &[lengthObject, bytes] : newLengths) {
        if (offsets[std::size_t(lengthObject)] < 0)
            throw fail(QStringLiteral("the length object %1 of a placeholder is missing")
                           .arg(lengthObject));
    }

    const qsizetype newXref = out.size();
    out.append("xref\n0 " + QByteArray::number(count) + "\n");
    out.append(pdf.constData() + entries, 20); // object 0, the head of the free list
    for (int i = 1; i < count; ++i) {
        const qsizetype offset = offsets[std::size_t(i)];
        if (offset < 0)
            out.append(pdf.constData() + entries + qsizetype(i) * 20, 20);
        else
            out.append(QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n");
    }
    out.append(pdf.constData() + trailer, startxref - trailer);
    out.append("startxref\n" + QByteArray::number(newXref) + "\n%%EOF\n");
    return out;
}

} // namespace riskatlas::render
