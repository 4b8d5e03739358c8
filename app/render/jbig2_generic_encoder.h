// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace riskatlas::render {

/// The MQ arithmetic encoder of ITU-T T.88 (JBIG2) Annex E, the adaptive binary coder that
/// JBIG2's generic regions are coded with (the same coder as JPEG 2000's).
///
/// A context is one byte owned by the caller: its probability-state index (Table E.1) in the
/// low seven bits and its more probable symbol in the top bit; zero is the initial state
/// (index 0, MPS 0) the standard prescribes. Not thread-safe; one encoder per stream.
class Jbig2ArithmeticEncoder
{
public:
    Jbig2ArithmeticEncoder();

    /// Codes `bit` (0 or 1, anything else counts as 1) in `context` and updates the context.
    void encode(std::uint8_t &context, int bit);

    /// Codes `count` equal decisions `bit` in `context`: the same bytes as `count` calls of
    /// encode(), but a run of more probable symbols that needs no renormalisation is one step
    /// (the blank space around the atlas's buildings is most of every mask).
    void encodeRun(std::uint8_t &context, int bit, qint64 count);

    /// Ends the code (FLUSH, E.2.9: C set to the value in the final interval with the most
    /// trailing 1 bits, its last two bytes written, then the marker 0xFF 0xAC) and returns all
    /// bytes coded. The encoder is then spent.
    QByteArray finish();

private:
    void renormalise();
    void byteOut();
    void putByte();

    std::uint32_t m_a = 0x8000; ///< interval size, register A
    std::uint32_t m_c = 0;      ///< code register C
    int m_ct = 12;              ///< shifts until the next byte is ready
    std::uint8_t m_b = 0;       ///< the byte that a carry may still change, not yet written
    bool m_started = false;     ///< false while m_b is the placeholder before the first byte
    QByteArray m_out;
};

/// The context templates of JBIG2's generic region coding (T.88 §6.2.5.3): how many dots
/// around the one being coded form its context. More dots model more shapes but take longer to
/// learn, and every stream learns from scratch.
enum class Jbig2Template {
    Template0, ///< 16 dots over three rows
    Template1, ///< 13 dots over three rows
    Template2, ///< 10 dots over three rows: smallest on the atlas's mask tiles
    Template3, ///< 10 dots over two rows
};

/// Encodes a one-bit image as a JBIG2 generic region (ITU-T T.88 §6.2, arithmetic coding,
/// `gbTemplate` with its nominal adaptive pixels, typical prediction TPGDON) and returns it as
/// the embedded stream a PDF's `/JBIG2Decode` filter reads (ISO 32000-1 §7.4.7): a page
/// information segment and an immediate lossless generic region segment covering the page,
/// both on page 1, without the file header, the end-of-page and the end-of-file segments the
/// PDF rules exclude, and with no global segments (no `/JBIG2Globals`).
///
/// The input is laid out as encodeCcittG4() takes it: `height` rows of `(width + 7) / 8` bytes,
/// most significant bit first, the bits beyond `width` in each row's last byte ignored; a 1 bit
/// is black. A PDF reader decodes JBIG2's black to sample 0, so for an `/ImageMask`, where 0 is
/// painted, the caller passes the dots to paint as 1 — the same bits as for G4.
///
/// Time and memory are linear in the number of dots (one pass, three unpacked rows). Thread-safe
/// (no shared state). Nothing is thrown: if `bits` is shorter than the image or a size is not
/// positive, the result is empty and `error`, if given, says why.
QByteArray encodeJbig2Generic(const QByteArray &bits, int width, int height,
                              QString *error = nullptr,
                              Jbig2Template gbTemplate = Jbig2Template::Template2);

/// Wraps an embedded stream from encodeJbig2Generic() as a stand-alone JBIG2 file (T.88 Annex
/// D.1, sequential organisation, one page): file header, the segments, end of page, end of file.
/// For decoders that read files rather than PDF streams, such as `jbig2dec`; not for a PDF.
QByteArray jbig2FileFromEmbedded(const QByteArray &embedded);

} // namespace riskatlas::render
