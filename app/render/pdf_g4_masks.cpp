// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/pdf_g4_masks.h"

#include "core/overlay/parallel_chunks.h"
#include "render/ccitt_g4_encoder.h"
#include "render/jbig2_generic_encoder.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cmath>
#include <exception>
#include <vector>

namespace riskatlas::render {

namespace {

struct Mask
{
    QPDFObjectHandle stream;
    int width = 0;
    int height = 0;
    qint64 rawSize = 0; ///< stream data as found (Flate)
    QByteArray bits;    ///< decoded, then inverted: 1 = painted, the codecs' black
    QByteArray g4;
    QByteArray jbig2;   ///< left empty with MaskCodecs::G4
    QString error;      ///< why G4 failed
    QString jbig2Error; ///< why JBIG2 failed
};

// A one-bit stencil mask whose samples qpdf can decode (Qt's are Flate without predictor).
bool isStencilMask(QPDFObjectHandle &stream)
{
    if (!stream.isStream())
        return false;
    QPDFObjectHandle dict = stream.getDict();
    QPDFObjectHandle mask = dict.getKey("/ImageMask");
    if (!dict.getKey("/Subtype").isNameAndEquals("/Image") || !mask.isBool() ||
        !mask.getBoolValue())
        return false;
    QPDFObjectHandle bits = dict.getKey("/BitsPerComponent");
    if (!bits.isNull() && !(bits.isInteger() && bits.getIntValue() == 1))
        return false;
    return dict.getKey("/Width").isInteger() && dict.getKey("/Height").isInteger();
}

QString objectName(const QPDFObjectHandle &stream)
{
    return QStringLiteral("object %1").arg(stream.getObjectID());
}

// Encodes masks [from, to) on the calling thread, in G4 and, if asked, in JBIG2.
void encodeRange(std::vector<Mask> &masks, std::size_t from, std::size_t to, MaskCodecs codecs)
{
    for (std::size_t i = from; i < to; ++i) {
        Mask &mask = masks[i];
        mask.g4 = encodeCcittG4(mask.bits, mask.width, mask.height, &mask.error);
        if (codecs == MaskCodecs::G4AndJbig2)
            mask.jbig2 = encodeJbig2Generic(mask.bits, mask.width, mask.height, &mask.jbig2Error);
        mask.bits = QByteArray();
    }
}

// Rewrites the real operands of path construction operators (m l c v y re) to the fewest
// decimals that keep every vertex within 0.005 pt of where it was, given the scale of the
// current transformation matrix (Qt writes `24.0199999` for 24.02). Everything else — integers,
// colours, matrices, text (BT … ET), strings, inline images, the spaces between tokens — is
// written back byte for byte: qpdf's tokenizer splits the stream, so nothing inside a string
// or an image can be mistaken for a number.
class PathNumberRounder final : public QPDFObjectHandle::TokenFilter
{
public:
    void handleToken(const QPDFTokenizer::Token &token) override
    {
        if (token.getType() != QPDFTokenizer::tt_word) {
            if (m_operands.empty() && (token.getType() == QPDFTokenizer::tt_space ||
                                       token.getType() == QPDFTokenizer::tt_comment))
                writeToken(token);
            else
                m_operands.push_back(token);
            return;
        }
        const std::string &op = token.getValue();
        const bool path = !m_inText && (op == "m" || op == "l" || op == "c" || op == "v" ||
                                        op == "y" || op == "re");
        const int decimals = path ? decimalsForScale() : 0;
        for (const QPDFTokenizer::Token &operand : m_operands) {
            if (path && operand.getType() == QPDFTokenizer::tt_real) {
                write(rounded(operand.getValue(), decimals));
                ++m_rounded;
            } else {
                writeToken(operand);
            }
        }
        writeToken(token);
        if (op == "q") {
            m_saved.push_back(m_ctm);
        } else if (op == "Q") {
            if (!m_saved.empty()) {
                m_ctm = m_saved.back();
                m_saved.pop_back();
            }
        } else if (op == "cm") {
            concat();
        } else if (op == "BT") {
            m_inText = true;
        } else if (op == "ET") {
            m_inText = false;
        }
        m_operands.clear();
    }

    void handleEOF() override
    {
        for (const QPDFTokenizer::Token &operand : m_operands)
            writeToken(operand);
        m_operands.clear();
    }

    qint64 rounded() const { return m_rounded; }

private:
    // The linear part of a PDF matrix [a b c d e f]; translation does not scale an error.
    struct Linear
    {
        double a = 1, b = 0, c = 0, d = 1;
    };

    void concat()
    {
        std::vector<double> values;
        for (const QPDFTokenizer::Token &operand : m_operands) {
            const auto type = operand.getType();
            if (type == QPDFTokenizer::tt_integer || type == QPDFTokenizer::tt_real)
                values.push_back(QByteArray::fromStdString(operand.getValue()).toDouble());
            else if (type != QPDFTokenizer::tt_space && type != QPDFTokenizer::tt_comment)
                return;
        }
        if (values.size() != 6)
            return;
        const Linear m{values[0], values[1], values[2], values[3]};
        m_ctm = Linear{m.a * m_ctm.a + m.b * m_ctm.c, m.a * m_ctm.b + m.b * m_ctm.d,
                       m.c * m_ctm.a + m.d * m_ctm.c, m.c * m_ctm.b + m.d * m_ctm.d};
    }

    // A step of 10^-k user units moves a vertex by at most 10^-k times the longer of the
    // matrix's rows in page units; k is the least that keeps half a step within 0.005 pt.
    int decimalsForScale() const
    {
        const double scale = std::max(std::hypot(m_ctm.a, m_ctm.b), std::hypot(m_ctm.c, m_ctm.d));
        if (!std::isfinite(scale) || scale <= 0)
            return 6;
        return std::clamp(int(std::ceil(std::log10(scale * 100.0) - 1e-9)), 0, 6);
    }

    // `value` with `decimals` decimals, without trailing zeros, a trailing point, a leading
    // zero before the point (PDF reals may start with it: `.5`, `-.25`) or a negative zero.
    static std::string rounded(const std::string &value, int decimals)
    {
        bool ok = false;
        const double number = QByteArray::fromStdString(value).toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return value;
        QByteArray text = QByteArray::number(number, 'f', decimals);
        if (text.contains('.')) {
            while (text.endsWith('0'))
                text.chop(1);
            if (text.endsWith('.'))
                text.chop(1);
        }
        if (text == "-0" || text.isEmpty())
            return "0";
        if (text.startsWith("0."))
            text.remove(0, 1);
        else if (text.startsWith("-0."))
            text.remove(1, 1);
        return text.toStdString();
    }

    std::vector<QPDFTokenizer::Token> m_operands; ///< since the last operator, with spaces
    std::vector<Linear> m_saved;
    Linear m_ctm;
    bool m_inText = false;
    qint64 m_rounded = 0;
};

struct PageContent
{
    QPDFObjectHandle page;
    qint64 rawSize = 0; ///< of the page's content streams, as found
    QByteArray data;    ///< decoded; then rewritten and compressed with Flate at level 9
    qint64 rounded = 0; ///< numbers rewritten
    QString error;      ///< why the page's content stays as it was
};

// Tokenizes, rewrites and compresses pages [from, to) on the calling thread. Only their bytes
// are touched here, never a qpdf object: a tokenizer pipeline needs no QPDF.
void roundRange(std::vector<PageContent> &pages, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i) {
        PageContent &content = pages[i];
        try {
            Pl_Buffer buffer("page content");
            PathNumberRounder rounder;
            Pl_QPDFTokenizer tokenizer("page content", &rounder, &buffer);
            tokenizer.write(reinterpret_cast<const unsigned char *>(content.data.constData()),
                            std::size_t(content.data.size()));
            tokenizer.finish();
            const std::unique_ptr<Buffer> data(buffer.getBuffer());
            // qCompress() writes a four-byte length and then a zlib stream, which is
            // FlateDecode.
            content.data = qCompress(data->getBuffer(), qsizetype(data->getSize()), 9).mid(4);
            content.rounded = rounder.rounded();
        } catch (const std::exception &error) {
            content.error = QString::fromUtf8(error.what());
            content.data = QByteArray();
        }
    }
}

// Runs `work(from, to)` over [0, count) on all cores, an item at a time (pages and masks differ
// in size). Neither kind of work touches a qpdf object.
template<typename Work>
void inParallel(std::size_t count, Work work)
{
    overlay::ChunkOptions options;
    options.chunkSize = 1;
    overlay::runChunked<int>(
        count, options, [] { return 0; },
        [&work](int, std::size_t from, std::size_t to, std::vector<int> &) { work(from, to); });
}

// Rounds the path numbers of every page's content (see PathNumberRounder) and writes each page's
// content as one new Flate stream when that is smaller than what it had.
void roundPageContents(QPDF &qpdf, G4MaskReport &result)
{
    std::vector<PageContent> pages;
    for (QPDFObjectHandle page : qpdf.getAllPages()) {
        PageContent content;
        content.page = page;
        QPDFObjectHandle contents = page.getKey("/Contents");
        std::vector<QPDFObjectHandle> streams =
            contents.isArray() ? contents.getArrayAsVector() : std::vector{contents};
        for (QPDFObjectHandle &stream : streams) {
            if (stream.isStream())
                content.rawSize += qint64(stream.getRawStreamData()->getSize());
        }
        result.contentBytesBefore += content.rawSize;
        Pl_Buffer buffer("page content");
        try {
            QPDFPageObjectHelper(page).pipeContents(&buffer);
        } catch (const std::exception &error) {
            result.contentBytesAfter += content.rawSize;
            result.notes.append(QStringLiteral("page object %1: content kept: %2")
                                    .arg(page.getObjectID())
                                    .arg(QString::fromUtf8(error.what())));
            continue;
        }
        const std::unique_ptr<Buffer> data(buffer.getBuffer());
        content.data = QByteArray(reinterpret_cast<const char *>(data->getBuffer()),
                                  qsizetype(data->getSize()));
        pages.push_back(std::move(content));
    }
    inParallel(pages.size(),
               [&pages](std::size_t from, std::size_t to) { roundRange(pages, from, to); });
    for (PageContent &content : pages) {
        if (!content.error.isEmpty() || content.data.size() >= content.rawSize) {
            result.contentBytesAfter += content.rawSize;
            if (!content.error.isEmpty())
                result.notes.append(QStringLiteral("page object %1: content kept: %2")
                                        .arg(content.page.getObjectID())
                                        .arg(content.error));
            continue;
        }
        QPDFObjectHandle stream = QPDFObjectHandle::newStream(&qpdf);
        stream.replaceStreamData(
            std::string(content.data.constData(), std::size_t(content.data.size())),
            QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
        content.page.replaceKey("/Contents", stream);
        result.contentBytesAfter += content.data.size();
        result.numbersRounded += content.rounded;
    }
}

} // namespace

QByteArray pdfStencilMasksToG4(const QByteArray &pdf, G4MaskReport *report,
                               ContentNumbers contentNumbers, MaskCodecs codecs)
{
    G4MaskReport scratch;
    G4MaskReport &result = report ? *report : scratch;
    result = G4MaskReport();
    auto unchanged = [&](const QString &why) {
        result.error = why;
        result.encoded = 0;
        result.g4 = 0;
        result.jbig2 = 0;
        result.bytesG4 = 0;
        result.bytesJbig2 = 0;
        result.kept = result.masks;
        result.bytesAfter = result.bytesBefore;
        result.contentBytesAfter = result.contentBytesBefore;
        result.numbersRounded = 0;
        return pdf;
    };
    try {
        QPDF qpdf;
        qpdf.setSuppressWarnings(true);
        qpdf.processMemoryFile("atlas.pdf", pdf.constData(), std::size_t(pdf.size()));

        // qpdf is not thread-safe: its objects are read and decoded here, one by one.
        std::vector<Mask> masks;
        for (QPDFObjectHandle &object : qpdf.getAllObjects()) {
            if (!isStencilMask(object))
                continue;
            ++result.masks;
            Mask mask;
            mask.stream = object;
            QPDFObjectHandle dict = object.getDict();
            mask.width = dict.getKey("/Width").getIntValueAsInt();
            mask.height = dict.getKey("/Height").getIntValueAsInt();
            mask.rawSize = qint64(object.getRawStreamData()->getSize());
            result.bytesBefore += mask.rawSize;
            std::shared_ptr<Buffer> decoded;
            try {
                decoded = object.getStreamData(qpdf_dl_generalized);
            } catch (const std::exception &error) {
                // A filter qpdf cannot undo (none of Qt's): the stream stays as it is.
                ++result.kept;
                result.bytesAfter += mask.rawSize;
                result.notes.append(objectName(object) + QStringLiteral(": ") +
                                    QString::fromUtf8(error.what()));
                continue;
            }
            mask.bits = QByteArray(reinterpret_cast<const char *>(decoded->getBuffer()),
                                   qsizetype(decoded->getSize()));
            // A stencil mask paints its 0 samples. The black of both codecs is a 1 bit, and a
            // reader decodes it to 0: G4 under /BlackIs1 false, JBIG2 always (ISO 32000-1
            // §7.4.7: "1 bits shall be interpreted as black pixels"; the filter's output is
            // 0 for black, as DeviceGray has it).
            for (char &byte : mask.bits)
                byte = char(~byte);
            masks.push_back(std::move(mask));
        }

        // libtiff and our JBIG2 encoder, unlike qpdf, may run on several threads.
        inParallel(masks.size(), [&masks, codecs](std::size_t from, std::size_t to) {
            encodeRange(masks, from, to, codecs);
        });

        for (Mask &mask : masks) {
            const bool g4Smaller = !mask.g4.isEmpty() && mask.g4.size() < mask.rawSize;
            const qint64 bestSoFar = g4Smaller ? mask.g4.size() : mask.rawSize;
            const bool jbig2Smaller = !mask.jbig2.isEmpty() && mask.jbig2.size() < bestSoFar;
            if (jbig2Smaller) {
                // No /DecodeParms: the stream needs no /JBIG2Globals.
                mask.stream.replaceStreamData(
                    std::string(mask.jbig2.constData(), std::size_t(mask.jbig2.size())),
                    QPDFObjectHandle::newName("/JBIG2Decode"), QPDFObjectHandle::newNull());
                ++result.encoded;
                ++result.jbig2;
                result.bytesAfter += mask.jbig2.size();
                result.bytesJbig2 += mask.jbig2.size();
                continue;
            }
            if (!g4Smaller) {
                ++result.kept;
                result.bytesAfter += mask.rawSize;
                QStringList why;
                why.append(mask.g4.isEmpty() ? mask.error : QStringLiteral("G4 not smaller"));
                if (codecs == MaskCodecs::G4AndJbig2)
                    why.append(mask.jbig2.isEmpty() ? mask.jbig2Error
                                                    : QStringLiteral("JBIG2 not smaller"));
                result.notes.append(objectName(mask.stream) + QStringLiteral(": ") +
                                    why.join(QStringLiteral(", ")));
                continue;
            }
            QPDFObjectHandle parameters = QPDFObjectHandle::newDictionary();
            parameters.replaceKey("/K", QPDFObjectHandle::newInteger(-1));
            parameters.replaceKey("/Columns", QPDFObjectHandle::newInteger(mask.width));
            parameters.replaceKey("/Rows", QPDFObjectHandle::newInteger(mask.height));
            mask.stream.replaceStreamData(
                std::string(mask.g4.constData(), std::size_t(mask.g4.size())),
                QPDFObjectHandle::newName("/CCITTFaxDecode"), parameters);
            ++result.encoded;
            ++result.g4;
            result.bytesAfter += mask.g4.size();
            result.bytesG4 += mask.g4.size();
        }

        if (contentNumbers == ContentNumbers::Round)
            roundPageContents(qpdf, result);

        QPDFWriter writer(qpdf);
        writer.setOutputMemory();
        // Qt's Flate streams are copied as they are: decoding and compressing them again would
        // cost more time than the masks and gain little.
        writer.setDecodeLevel(qpdf_dl_none);
        writer.setCompressStreams(true);
        writer.setObjectStreamMode(qpdf_o_generate);
        writer.setDeterministicID(true);
        writer.write();
        if (qpdf.anyWarnings()) {
            const std::vector<QPDFExc> warnings = qpdf.getWarnings();
            return unchanged(QStringLiteral("qpdf: %1 warning(s), the first: %2")
                                 .arg(warnings.size())
                                 .arg(QString::fromUtf8(warnings.front().what())));
        }
        const std::shared_ptr<Buffer> written = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char *>(written->getBuffer()),
                          qsizetype(written->getSize()));
    } catch (const std::exception &error) {
        return unchanged(QStringLiteral("qpdf: ") + QString::fromUtf8(error.what()));
    }
}

} // namespace riskatlas::render
