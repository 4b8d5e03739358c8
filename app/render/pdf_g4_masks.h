// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace riskatlas::render {

/// What pdfStencilMasksToG4() did.
struct G4MaskReport
{
    int masks = 0;                 ///< one-bit `/ImageMask` images found
    int encoded = 0;               ///< of them re-encoded: `g4 + jbig2`
    int g4 = 0;                    ///< of them re-encoded as CCITT G4
    int jbig2 = 0;                 ///< of them re-encoded as JBIG2
    int kept = 0;                  ///< kept as they were: neither code was smaller (see `notes`)
    qint64 bytesBefore = 0;        ///< of the masks' stream data, as found
    qint64 bytesAfter = 0;         ///< of the same streams, as written
    qint64 bytesG4 = 0;            ///< of `bytesAfter`, in the masks written in G4
    qint64 bytesJbig2 = 0;         ///< of `bytesAfter`, in the masks written in JBIG2
    qint64 contentBytesBefore = 0; ///< of the pages' content streams, as found
    qint64 contentBytesAfter = 0;  ///< of the same, as written
    qint64 numbersRounded = 0;     ///< path operands rewritten (ContentNumbers::Round)
    QString error;     ///< why the whole PDF was returned unchanged; empty if it was not
    QStringList notes; ///< per-mask reasons for keeping one (object number and why)
};

/// Which codes pdfStencilMasksToG4() may give a stencil mask besides the Flate it has.
enum class MaskCodecs {
    G4,         ///< CCITT G4 only (`/CCITTFaxDecode`, PDF 1.0)
    G4AndJbig2, ///< G4 or JBIG2 (`/JBIG2Decode`, PDF 1.4), whichever is smaller
};

/// What pdfStencilMasksToG4() does to the numbers of the pages' content streams.
enum class ContentNumbers {
    Keep,  ///< content streams copied as they are
    Round, ///< path coordinates (m l c v y re) to 0.01 pt, then each page's content in Flate 9
};

/// Re-encodes the stencil masks of a PDF as CCITT Group 4 (`/CCITTFaxDecode`, `/K -1`) or as
/// JBIG2 (`/JBIG2Decode`, a generic region without globals), whichever is smallest.
///
/// Meant for the atlas after pdfBitmapsToStencilMasks(): its dense layers are one-bit
/// `/ImageMask` images that Qt 6.4 compressed with Flate; G4, the fax code made for such
/// images, is several times smaller, and JBIG2's context-modelling arithmetic code smaller
/// still on most of them (docs/atlas.md, "Mask codes"). Each mask is decoded (qpdf), encoded
/// with libtiff (encodeCcittG4()) and, with MaskCodecs::G4AndJbig2 (the default), with
/// encodeJbig2Generic() — both on all cores — and its stream replaced by the smallest of the
/// three, Flate as found winning ties with either and G4 ties with JBIG2; the dots decoded from
/// the new stream are exactly those of the old one (0 painted, 1 clear). Every other stream is
/// copied as it is (no decompression), uncompressed streams are compressed with Flate, other
/// objects are packed into compressed object streams (PDF 1.5), and the file gets a
/// cross-reference stream and an /ID computed from its content (the same input, the same
/// bytes). The /Info dictionary and the XMP packet are kept.
///
/// With ContentNumbers::Round (the default) the real operands of the path operators of every
/// page's content are rewritten, through qpdf's content tokenizer, to the fewest decimals that
/// keep each vertex within 0.005 pt (1.8 µm, 1/50 of a dot at 300 dpi) of where it was, given
/// the current transformation matrix; text, colours, matrices, strings and inline images are
/// left as they are. The page's content is then compressed with Flate at level 9 and replaces
/// the old one when smaller.
///
/// Nothing is thrown: if qpdf cannot read or write the PDF, or warns while doing so, the input
/// is returned unchanged and `report->error` says why. Thread-safe (no shared state); not
/// cancellable — a 23-page 200 000-building atlas takes 1–2 s on two cores, of which JBIG2
/// about 0.6 s and the rounding about 0.8 s (docs/performance.md).
QByteArray pdfStencilMasksToG4(const QByteArray &pdf, G4MaskReport *report = nullptr,
                               ContentNumbers contentNumbers = ContentNumbers::Round,
                               MaskCodecs codecs = MaskCodecs::G4AndJbig2);

} // namespace riskatlas::render
