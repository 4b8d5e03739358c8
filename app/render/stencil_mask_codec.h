// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QImage>

namespace riskatlas::render {

/// One tile of a dense layer as the stream of a PDF stencil mask (`/ImageMask true`), encoded
/// ahead of time on the thread that rasterised it, so that Qt's PDF engine, which compresses
/// every image it is given on the painting thread, never sees the dots (see
/// spliceStencilMasks()).
struct EncodedStencilMask
{
    enum class Codec {
        Flate,   ///< the rows as they are, zlib
        CcittG4, ///< ITU-T T.6, `/K -1` (encodeCcittG4())
        Jbig2,   ///< ITU-T T.88 generic region (encodeJbig2Generic())
    };
    int width = 0;  ///< dots
    int height = 0; ///< dots
    Codec codec = Codec::Flate;
    /// The dictionary entries that name the filter and its parameters, e.g.
    /// `/Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 128 /Rows 64 >>`.
    QByteArray filter;
    QByteArray data; ///< the stream's bytes; empty: nothing encoded
};

/// Which codecs encodeStencilMask() may choose besides Flate (AtlasConfig::jbig2Masks).
enum class StencilMaskCodecs {
    G4,         ///< CCITT G4 (`/CCITTFaxDecode`, PDF 1.0)
    G4AndJbig2, ///< and JBIG2 (`/JBIG2Decode`, PDF 1.4)
};

/// Encodes `tile`, a one-bit image (QImage::Format_Mono) whose 0 bits are the dots to paint
/// and 1 bits clear — what a PDF `/ImageMask` with the default `/Decode [0 1]` means by its
/// samples — with each codec allowed and keeps the smallest stream (G4 wins a tie with
/// JBIG2; JBIG2 is tried only where G4 takes more than 1 KiB). Thread-safe; nothing is thrown (a
/// codec that fails is skipped; Flate always works). Returns an empty mask for an empty or not
/// one-bit image.
EncodedStencilMask encodeStencilMask(const QImage &tile,
                                     StencilMaskCodecs codecs = StencilMaskCodecs::G4AndJbig2);

} // namespace riskatlas::render
