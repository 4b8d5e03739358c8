// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/jbig2_generic_encoder.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <vector>

namespace riskatlas::render {

namespace {

struct QeState
{
    std::uint16_t qe;     ///< probability estimate of the less probable symbol
    std::uint8_t nmps;    ///< next index after coding the more probable symbol
    std::uint8_t nlps;    ///< next index after coding the less probable symbol
    std::uint8_t swapMps; ///< 1: coding the less probable symbol swaps MPS and LPS
};

// ITU-T T.88 Table E.1, "Qe values and probability estimation process" (the same table as
// ISO/IEC 15444-1 Table C.2): index, Qe, NMPS, NLPS, SWITCH.
constexpr std::array<QeState, 47> kQeTable = {{
    {0x5601, 1, 1, 1},   {0x3401, 2, 6, 0},   {0x1801, 3, 9, 0},   {0x0AC1, 4, 12, 0},
    {0x0521, 5, 29, 0},  {0x0221, 38, 33, 0}, {0x5601, 7, 6, 1},   {0x5401, 8, 14, 0},
    {0x4801, 9, 14, 0},  {0x3801, 10, 14, 0}, {0x3001, 11, 17, 0}, {0x2401, 12, 18, 0},
    {0x1C01, 13, 20, 0}, {0x1601, 29, 21, 0}, {0x5601, 15, 14, 1}, {0x5401, 16, 14, 0},
    {0x5101, 17, 15, 0}, {0x4801, 18, 16, 0}, {0x3801, 19, 17, 0}, {0x3401, 20, 18, 0},
    {0x3001, 21, 19, 0}, {0x2801, 22, 19, 0}, {0x2401, 23, 20, 0}, {0x2201, 24, 21, 0},
    {0x1C01, 25, 22, 0}, {0x1801, 26, 23, 0}, {0x1601, 27, 24, 0}, {0x1401, 28, 25, 0},
    {0x1201, 29, 26, 0}, {0x1101, 30, 27, 0}, {0x0AC1, 31, 28, 0}, {0x09C1, 32, 29, 0},
    {0x08A1, 33, 30, 0}, {0x0521, 34, 31, 0}, {0x0441, 35, 32, 0}, {0x02A1, 36, 33, 0},
    {0x0221, 37, 34, 0}, {0x0141, 38, 35, 0}, {0x0111, 39, 36, 0}, {0x0085, 40, 37, 0},
    {0x0049, 41, 38, 0}, {0x0025, 42, 39, 0}, {0x0015, 43, 40, 0}, {0x0009, 44, 41, 0},
    {0x0005, 45, 42, 0}, {0x0001, 45, 43, 0}, {0x5601, 46, 46, 0},
}};

// Segment types, T.88 §7.3.
constexpr std::uint8_t kImmediateLosslessGenericRegion = 39;
constexpr std::uint8_t kPageInformation = 48;
constexpr std::uint8_t kEndOfPage = 49;
constexpr std::uint8_t kEndOfFile = 51;

// How a template forms its context (T.88 §6.2.5.3, Figures 3-6, with the nominal adaptive
// pixels of §6.2.5.4). The context's bits, from the low bit up: the `here` dots left of x on
// this row (x-1 first), then row y-1 from x+aboveRight down to x-aboveRight-aboveWidth+1, then
// row y-2 likewise. Each window is a shift register whose low bit is the dot that entered last,
// on the right; the adaptive pixels A1 (and A2-A4 of template 0) are the outermost dots of the
// windows, where the nominal positions put them.
struct TemplateShape
{
    int here;        ///< dots of this row
    int aboveRight;  ///< row y-1 reaches x + aboveRight
    int aboveWidth;  ///< dots of row y-1
    int above2Right; ///< row y-2 reaches x + above2Right
    int above2Width; ///< dots of row y-2 (0: none)
    int sltpContext; ///< the context of SLTP, "this row repeats the one above" (§6.2.5.7)
};

constexpr std::array<TemplateShape, 4> kTemplates = {{
    {4, 3, 7, 2, 5, 0x9B25}, // 0: A1 (3,-1), A2 (-3,-1), A3 (2,-2), A4 (-2,-2); 16 dots
    {3, 3, 6, 2, 4, 0x0795}, // 1: A1 (3,-1); 13 dots
    {2, 2, 5, 1, 3, 0x00E5}, // 2: A1 (2,-1); 10 dots
    {4, 2, 6, 0, 0, 0x0195}, // 3: A1 (2,-1), one row above; 10 dots
}};

// The adaptive pixels as the region segment carries them (§7.4.6.3), signed bytes x, y.
QByteArray adaptivePixels(Jbig2Template gbTemplate)
{
    if (gbTemplate == Jbig2Template::Template0)
        return QByteArray("\x03\xFF\xFD\xFF\x02\xFE\xFE\xFE", 8);
    if (gbTemplate == Jbig2Template::Template1)
        return QByteArray("\x03\xFF", 2);
    return QByteArray("\x02\xFF", 2);
}

void appendUint32(QByteArray &out, std::uint32_t value)
{
    out.append(char(value >> 24));
    out.append(char(value >> 16));
    out.append(char(value >> 8));
    out.append(char(value));
}

// A segment header (T.88 §7.2): number, flags (the type; a one-byte page association), no
// referred-to segments and no retention bits, the page, the data length.
void appendSegmentHeader(QByteArray &out, std::uint32_t number, std::uint8_t type,
                         std::uint8_t page, std::uint32_t dataLength)
{
    appendUint32(out, number);
    out.append(char(type));
    out.append('\0');
    out.append(char(page));
    appendUint32(out, dataLength);
}

// Unpacked rows have kPad 0 bytes on each side, the value of every dot outside the image, so
// that the context windows never need a bounds check and the blank-run scan can read eight
// bytes at a time past the right end.
constexpr std::size_t kPad = 16;

// Row `y` of the image, one byte per dot, into `line[kPad .. kPad + width)`.
void unpackRow(const unsigned char *row, int width, std::vector<std::uint8_t> &line)
{
    for (int x = 0; x < width; ++x)
        line[std::size_t(x) + kPad] = (row[x >> 3] >> (7 - (x & 7))) & 1;
}

bool sameRow(const unsigned char *a, const unsigned char *b, int width)
{
    const int full = width / 8;
    for (int i = 0; i < full; ++i) {
        if (a[i] != b[i])
            return false;
    }
    if (width % 8 == 0)
        return true;
    const unsigned char used = static_cast<unsigned char>(0xFF << (8 - width % 8));
    return ((a[full] ^ b[full]) & used) == 0;
}

} // namespace

Jbig2ArithmeticEncoder::Jbig2ArithmeticEncoder() = default;

void Jbig2ArithmeticEncoder::encode(std::uint8_t &context, int bit)
{
    const QeState &state = kQeTable[context & 0x7F];
    const int mps = context >> 7;
    const std::uint32_t qe = state.qe;
    m_a -= qe;
    if ((bit != 0 ? 1 : 0) == mps) {
        // CODEMPS (E.2.4): no renormalisation while A keeps its top bit.
        if (m_a & 0x8000) {
            m_c += qe;
            return;
        }
        // The conditional exchange: the symbol takes the larger sub-interval.
        if (m_a < qe)
            m_a = qe;
        else
            m_c += qe;
        context = std::uint8_t((context & 0x80) | state.nmps);
    } else {
        // CODELPS (E.2.5)
        if (m_a < qe)
            m_c += qe;
        else
            m_a = qe;
        context = std::uint8_t(((mps ^ state.swapMps) << 7) | state.nlps);
    }
    renormalise();
}

void Jbig2ArithmeticEncoder::encodeRun(std::uint8_t &context, int bit, qint64 count)
{
    const int value = bit != 0 ? 1 : 0;
    while (count > 0) {
        const std::uint32_t qe = kQeTable[context & 0x7F].qe;
        // CODEMPS without renormalisation only moves A down and C up by Qe and leaves the
        // context's state as it is, so k of them in a row are one addition — as long as A
        // keeps its top bit after each, that is k <= (A - 0x8000) / Qe.
        if (value == context >> 7 && m_a >= 0x8000 + qe) {
            const qint64 steps = std::min<qint64>(count, (m_a - 0x8000) / qe);
            m_a -= std::uint32_t(steps) * qe;
            m_c += std::uint32_t(steps) * qe;
            count -= steps;
            continue;
        }
        encode(context, value);
        --count;
    }
}

void Jbig2ArithmeticEncoder::renormalise()
{
    // RENORME (E.2.6)
    do {
        m_a <<= 1;
        m_c <<= 1;
        if (--m_ct == 0)
            byteOut();
    } while ((m_a & 0x8000) == 0);
}

void Jbig2ArithmeticEncoder::putByte()
{
    if (m_started)
        m_out.append(char(m_b));
    m_started = true;
}

void Jbig2ArithmeticEncoder::byteOut()
{
    // BYTEOUT (E.2.7). After a 0xFF only seven bits go out (bit stuffing), so that a carry can
    // never turn 0xFF into a marker; a carry into any other byte is added to it here.
    // (A 0xFF byte never takes a carry: the bit stuffed after it holds it.)
    if (m_b != 0xFF && m_c >= 0x8000000) {
        ++m_b;
        m_c &= 0x7FFFFFF;
    }
    if (m_b == 0xFF) {
        putByte();
        m_b = std::uint8_t(m_c >> 20);
        m_c &= 0xFFFFF;
        m_ct = 7;
        return;
    }
    putByte();
    m_b = std::uint8_t(m_c >> 19);
    m_c &= 0x7FFFF;
    m_ct = 8;
}

QByteArray Jbig2ArithmeticEncoder::finish()
{
    // FLUSH (E.2.9) with SETBITS: C set to as many 1 bits as stay inside the interval, so the
    // decoder's reads past the end (it fills with 1 bits after the marker) decode the same.
    const std::uint32_t top = m_c + m_a;
    m_c |= 0xFFFF;
    if (m_c >= top)
        m_c -= 0x8000;
    m_c <<= m_ct;
    byteOut();
    m_c <<= m_ct;
    byteOut();
    if (m_b != 0xFF)
        putByte();
    m_out.append(char(0xFF));
    m_out.append(char(0xAC));
    return std::move(m_out);
}

QByteArray encodeJbig2Generic(const QByteArray &bits, int width, int height, QString *error,
                              Jbig2Template gbTemplate)
{
    if (error)
        error->clear();
    if (width <= 0 || height <= 0) {
        if (error)
            *error =
                QStringLiteral("JBIG2: image size %1 × %2 is not positive").arg(width).arg(height);
        return {};
    }
    const qint64 rowBytes = (qint64(width) + 7) / 8;
    if (qint64(bits.size()) < rowBytes * height) {
        if (error)
            *error = QStringLiteral("JBIG2: %1 bytes for a %2 × %3 image, which needs %4")
                         .arg(bits.size())
                         .arg(width)
                         .arg(height)
                         .arg(rowBytes * height);
        return {};
    }

    const TemplateShape &shape = kTemplates[std::size_t(gbTemplate)];
    const unsigned hereMask = (1u << shape.here) - 1;
    const unsigned aboveMask = (1u << shape.aboveWidth) - 1;
    const unsigned above2Mask = (1u << shape.above2Width) - 1;
    const int aboveShift = shape.here;
    const int above2Shift = shape.here + shape.aboveWidth;
    Jbig2ArithmeticEncoder coder;
    std::vector<std::uint8_t> contexts(65536, 0);
    // The current row and the two above it, unpacked.
    std::vector<std::uint8_t> row0(std::size_t(width) + 2 * kPad, 0);
    std::vector<std::uint8_t> row1(row0.size(), 0);
    std::vector<std::uint8_t> row2(row0.size(), 0);
    const auto *data = reinterpret_cast<const unsigned char *>(bits.constData());
    bool previousRepeated = false; // LTP
    for (int y = 0; y < height; ++y) {
        const unsigned char *row = data + rowBytes * y;
        // Typical prediction codes, per row, whether it repeats the row above, as a change
        // from the previous row's answer; a repeated row costs nothing more. The first row is
        // never called repeated: decoders differ on what lies above it.
        const bool repeated = y > 0 && sameRow(row, row - rowBytes, width);
        coder.encode(contexts[std::size_t(shape.sltpContext)],
                     repeated != previousRepeated ? 1 : 0);
        previousRepeated = repeated;
        std::swap(row2, row1);
        std::swap(row1, row0);
        unpackRow(row, width, row0);
        if (repeated)
            continue;
        const std::uint8_t *above = row1.data() + kPad;
        const std::uint8_t *above2 = row2.data() + kPad;
        const std::uint8_t *here = row0.data() + kPad;
        // The windows as they are for x = 0: the dots from column 0 to their right end (those
        // left of the image are 0).
        unsigned current = 0;
        unsigned previous = 0;
        unsigned previous2 = 0;
        for (int x = 0; x <= shape.aboveRight; ++x)
            previous = (previous << 1) | above[x];
        for (int x = 0; x <= shape.above2Right; ++x)
            previous2 = (previous2 << 1) | above2[x];
        // White dots in an all-white context are coded as runs (encodeRun()).
        qint64 blank = 0;
        for (int x = 0; x < width; ++x) {
            const unsigned context = current | (previous & aboveMask) << aboveShift |
                                     (previous2 & above2Mask) << above2Shift;
            const std::uint8_t dot = here[x];
            if ((context | dot) == 0) {
                // A blank context stays blank up to the first dot set on this row, or entering
                // a window from the rows above: find it eight dots at a time.
                int end = x + 1;
                while (end < width) {
                    std::uint64_t a = 0, b = 0, c = 0;
                    std::memcpy(&a, here + end, 8);
                    std::memcpy(&b, above + end + shape.aboveRight, 8);
                    std::memcpy(&c, above2 + end + shape.above2Right, 8);
                    const std::uint64_t any = a | b | (shape.above2Width > 0 ? c : 0);
                    if (any != 0) {
                        // The unpacked bytes are 0 or 1; the lowest address is the lowest byte
                        // on a little-endian machine, the highest on a big-endian one.
                        if constexpr (std::endian::native == std::endian::little)
                            end += std::countr_zero(any) / 8;
                        else
                            end += std::countl_zero(any) / 8;
                        break;
                    }
                    end += 8;
                }
                end = std::min(end, width);
                blank += end - x;
                // The windows at `end`: all 0 but the dots that entered on their right.
                x = end - 1;
                current = 0;
                previous = above[x + 1 + shape.aboveRight];
                previous2 = above2[x + 1 + shape.above2Right];
                continue;
            }
            if (blank > 0) {
                coder.encodeRun(contexts[0], 0, blank);
                blank = 0;
            }
            coder.encode(contexts[context], dot);
            current = ((current << 1) | dot) & hereMask;
            previous = (previous << 1) | above[x + 1 + shape.aboveRight];
            previous2 = (previous2 << 1) | above2[x + 1 + shape.above2Right];
        }
        if (blank > 0)
            coder.encodeRun(contexts[0], 0, blank);
    }
    const QByteArray coded = coder.finish();

    QByteArray out;
    out.reserve(coded.size() + 64);
    // Page information (T.88 §7.4.8): the size, resolution unknown, flags "eventually
    // lossless" with default pixel 0 and the OR operator, not striped.
    appendSegmentHeader(out, 0, kPageInformation, 1, 19);
    appendUint32(out, std::uint32_t(width));
    appendUint32(out, std::uint32_t(height));
    appendUint32(out, 0);
    appendUint32(out, 0);
    out.append(char(0x01));
    out.append('\0');
    out.append('\0');
    // The generic region (T.88 §7.4.6): region information (size, at 0 0, OR), then its flags
    // (MMR 0, the template, TPGDON 1) and the adaptive pixels, then the code. The data length
    // is known, so the region needs no end-of-stripe or unknown-length marker.
    const QByteArray adaptive = adaptivePixels(gbTemplate);
    const std::uint32_t regionHeader = 17 + 1 + std::uint32_t(adaptive.size());
    appendSegmentHeader(out, 1, kImmediateLosslessGenericRegion, 1,
                        regionHeader + std::uint32_t(coded.size()));
    appendUint32(out, std::uint32_t(width));
    appendUint32(out, std::uint32_t(height));
    appendUint32(out, 0);
    appendUint32(out, 0);
    out.append('\0');
    out.append(char(0x08 | int(gbTemplate) << 1));
    out.append(adaptive);
    out.append(coded);
    return out;
}

QByteArray jbig2FileFromEmbedded(const QByteArray &embedded)
{
    QByteArray out;
    // ID string (T.88 D.4.1), flags: sequential organisation, the number of pages known; 1.
    out.append("\x97\x4A\x42\x32\x0D\x0A\x1A\x0A", 8);
    out.append(char(0x01));
    appendUint32(out, 1);
    out.append(embedded);
    appendSegmentHeader(out, 2, kEndOfPage, 1, 0);
    appendSegmentHeader(out, 3, kEndOfFile, 0, 0);
    return out;
}

} // namespace riskatlas::render
