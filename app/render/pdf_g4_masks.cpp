// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/pdf_g4_masks.h"

#include "render/ccitt_g4_encoder.h"

#include <QThread>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <exception>
#include <future>
#include <vector>

namespace riskatlas::render {

namespace {

struct Mask
{
    QPDFObjectHandle stream;
    int width = 0;
    int height = 0;
    qint64 rawSize = 0; ///< stream data as found (Flate)
    QByteArray bits;    ///< decoded, then inverted: 1 = painted, the codec's black
    QByteArray g4;
    QString error;
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

// Encodes masks [from, to) on the calling thread.
void encodeRange(std::vector<Mask> &masks, std::size_t from, std::size_t to)
{
    for (std::size_t i = from; i < to; ++i) {
        Mask &mask = masks[i];
        mask.g4 = encodeCcittG4(mask.bits, mask.width, mask.height, &mask.error);
        mask.bits = QByteArray();
    }
}

} // namespace

QByteArray pdfStencilMasksToG4(const QByteArray &pdf, G4MaskReport *report)
{
    G4MaskReport scratch;
    G4MaskReport &result = report ? *report : scratch;
    result = G4MaskReport();
    auto unchanged = [&](const QString &why) {
        result.error = why;
        result.encoded = 0;
        result.kept = result.masks;
        result.bytesAfter = result.bytesBefore;
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
            // A stencil mask paints its 0 samples; the fax codec's black, which a reader
            // decodes to 0 under /BlackIs1 false, is a 1 bit.
            for (char &byte : mask.bits)
                byte = char(~byte);
            masks.push_back(std::move(mask));
        }

        // libtiff, unlike qpdf, may run on several threads: as many as there are cores, each on
        // a contiguous share of the masks (a page's strips, similar in size, follow each other).
        const std::size_t workers = std::max<std::size_t>(
            1, std::min(std::size_t(std::max(1, QThread::idealThreadCount())), masks.size()));
        std::vector<std::future<void>> running;
        const std::size_t share = (masks.size() + workers - 1) / workers;
        for (std::size_t from = share; from < masks.size(); from += share)
            running.push_back(std::async(std::launch::async, encodeRange, std::ref(masks), from,
                                         std::min(masks.size(), from + share)));
        encodeRange(masks, 0, std::min(masks.size(), share));
        for (std::future<void> &worker : running)
            worker.get();

        for (Mask &mask : masks) {
            if (mask.g4.isEmpty() || mask.g4.size() >= mask.rawSize) {
                ++result.kept;
                result.bytesAfter += mask.rawSize;
                result.notes.append(
                    objectName(mask.stream) + QStringLiteral(": ") +
                    (mask.g4.isEmpty() ? mask.error : QStringLiteral("G4 not smaller")));
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
            result.bytesAfter += mask.g4.size();
        }

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
