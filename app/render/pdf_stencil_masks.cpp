// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/pdf_stencil_masks.h"

namespace riskatlas::render {

QByteArray pdfBitmapsToStencilMasks(const QByteArray &pdf, int *rewritten, qint64 *maskBytes)
{
    // Exactly what QPdfEnginePrivate::writeImage() writes for a black-and-white image; it
    // follows the image's /Width and /Height lines.
    static const QByteArray grey("/BitsPerComponent 1\n/ColorSpace /DeviceGray\n");
    static const QByteArray image("/Subtype /Image\n");
    QByteArray stencil("/ImageMask true\n");
    stencil.append(QByteArray(grey.size() - stencil.size() - 1, ' '));
    stencil.append('\n');

    QByteArray result = pdf;
    int count = 0;
    qint64 bytes = 0;
    for (qsizetype at = result.indexOf(grey); at >= 0; at = result.indexOf(grey, at + 1)) {
        // Only inside an image dictionary: the dictionary starts at most a few lines before.
        const qsizetype start = result.lastIndexOf("<<", at);
        if (start < 0 || result.indexOf(">>", start) < at)
            continue;
        const qsizetype type = result.indexOf(image, start);
        if (type < 0 || type > at)
            continue;
        result.replace(at, grey.size(), stencil);
        ++count;
        // Qt writes the stream right after the dictionary, its length as an object after it.
        const qsizetype data = result.indexOf("stream\n", at);
        const qsizetype end = data < 0 ? -1 : result.indexOf("\nendstream", data);
        if (end > data)
            bytes += end - data - 7;
    }
    if (rewritten)
        *rewritten = count;
    if (maskBytes)
        *maskBytes = bytes;
    return result;
}

} // namespace riskatlas::render
