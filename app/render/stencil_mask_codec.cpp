// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/stencil_mask_codec.h"

#include "render/ccitt_g4_encoder.h"
#include "render/jbig2_generic_encoder.h"

#include <zlib.h>

#include <cstring>

namespace riskatlas::render {

EncodedStencilMask encodeStencilMask(const QImage &tile, StencilMaskCodecs codecs)
{
    EncodedStencilMask mask;
    if (tile.isNull() || tile.format() != QImage::Format_Mono)
        return mask;
    mask.width = tile.width();
    mask.height = tile.height();

    // PDF rows are whole bytes without the padding of QImage's 32-bit scan lines.
    const qsizetype rowBytes = (mask.width + 7) / 8;
    QByteArray rows(rowBytes * mask.height, Qt::Uninitialized);
    for (int y = 0; y < mask.height; ++y)
        std::memcpy(rows.data() + y * rowBytes, tile.constScanLine(y), std::size_t(rowBytes));

    // G4 first: it is smaller than Flate on nearly every tile (840 of the sample atlas's 843);
    // JBIG2, when allowed, is smaller again on most. Flate, which wins on tiles of dense fine
    // texture, is tried only when neither has already reached an eighth of the rows, a size
    // Flate does not beat there.
    QByteArray inverted = rows;
    // The codecs' black (a 1 bit) reads back as 0: the dots to paint.
    for (char &byte : inverted)
        byte = char(~byte);
    const QByteArray g4 = encodeCcittG4(inverted, mask.width, mask.height);
    if (!g4.isEmpty()) {
        mask.codec = EncodedStencilMask::Codec::CcittG4;
        mask.data = g4;
        mask.filter = QByteArrayLiteral("/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns ") +
                      QByteArray::number(mask.width) + QByteArrayLiteral(" /Rows ") +
                      QByteArray::number(mask.height) + QByteArrayLiteral(" >>");
    }
    // JBIG2 only where G4 took more than 1 KiB: its headers alone take 65 bytes, on a smaller
    // tile it saves a few hundred bytes at most, and at about 10 ns a dot it was the largest
    // cost of the rasterising threads, which set the pace of the sample county's pages
    // (docs/performance.md). The 200 000-building atlases come out the same size.
    constexpr qsizetype jbig2AboveG4Bytes = 1024;
    if (codecs == StencilMaskCodecs::G4AndJbig2 &&
        (g4.isEmpty() || g4.size() > jbig2AboveG4Bytes)) {
        const QByteArray jbig2 = encodeJbig2Generic(inverted, mask.width, mask.height);
        if (!jbig2.isEmpty() && (mask.data.isEmpty() || jbig2.size() < mask.data.size())) {
            mask.codec = EncodedStencilMask::Codec::Jbig2;
            mask.data = jbig2;
            mask.filter = QByteArrayLiteral("/Filter /JBIG2Decode");
        }
    }
    if (!mask.data.isEmpty() && mask.data.size() * 8 <= rows.size())
        return mask;

    // Level 6, zlib's default and what Qt's engine used for these images before.
    uLongf flateSize = compressBound(uLong(rows.size()));
    QByteArray flate(qsizetype(flateSize), Qt::Uninitialized);
    if (compress2(reinterpret_cast<Bytef *>(flate.data()), &flateSize,
                  reinterpret_cast<const Bytef *>(rows.constData()), uLong(rows.size()),
                  Z_DEFAULT_COMPRESSION) != Z_OK)
        return mask.data.isEmpty() ? EncodedStencilMask() : mask;
    if (mask.data.isEmpty() || qsizetype(flateSize) < mask.data.size()) {
        flate.truncate(qsizetype(flateSize));
        mask.codec = EncodedStencilMask::Codec::Flate;
        mask.data = flate;
        mask.filter = QByteArrayLiteral("/Filter /FlateDecode");
    }
    return mask;
}

} // namespace riskatlas::render
