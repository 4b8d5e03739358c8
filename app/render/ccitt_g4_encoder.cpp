// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/ccitt_g4_encoder.h"

#include <tiffio.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>

namespace riskatlas::render {

namespace {

// The TIFF file libtiff writes, in memory: the codec is only reachable through a TIFF handle,
// and a temporary file per image would cost a disk round trip for a few hundred bytes.
struct MemoryFile
{
    QByteArray data;
    qint64 position = 0;
};

tmsize_t readMemory(thandle_t handle, void *buffer, tmsize_t size)
{
    auto *file = static_cast<MemoryFile *>(handle);
    const qint64 available = std::max<qint64>(0, file->data.size() - file->position);
    const qint64 count = std::min<qint64>(size, available);
    if (count > 0)
        std::memcpy(buffer, file->data.constData() + file->position, std::size_t(count));
    file->position += count;
    return tmsize_t(count);
}

tmsize_t writeMemory(thandle_t handle, void *buffer, tmsize_t size)
{
    auto *file = static_cast<MemoryFile *>(handle);
    if (size <= 0)
        return 0;
    if (file->position + size > file->data.size())
        file->data.resize(file->position + size);
    std::memcpy(file->data.data() + file->position, buffer, std::size_t(size));
    file->position += size;
    return size;
}

toff_t seekMemory(thandle_t handle, toff_t offset, int whence)
{
    auto *file = static_cast<MemoryFile *>(handle);
    qint64 base = 0;
    if (whence == SEEK_CUR)
        base = file->position;
    else if (whence == SEEK_END)
        base = file->data.size();
    // libtiff passes negative relative offsets as wrapped unsigned values.
    file->position = base + qint64(offset);
    if (file->position < 0)
        return toff_t(-1);
    return toff_t(file->position);
}

int closeMemory(thandle_t)
{
    return 0;
}

toff_t memorySize(thandle_t handle)
{
    return toff_t(static_cast<MemoryFile *>(handle)->data.size());
}

int mapMemory(thandle_t, void **, toff_t *)
{
    return 0; // not mappable: libtiff reads through readMemory
}

void unmapMemory(thandle_t, void *, toff_t) {}

// libtiff's messages for this call only, instead of its global handler's stderr.
int collectMessage(TIFF *, void *userData, const char *module, const char *format, va_list args)
{
    char text[512];
    std::vsnprintf(text, sizeof text, format, args);
    auto *messages = static_cast<QString *>(userData);
    if (!messages->isEmpty())
        messages->append(QStringLiteral("; "));
    if (module && *module)
        messages->append(QString::fromUtf8(module) + QStringLiteral(": "));
    messages->append(QString::fromUtf8(text));
    return 1; // handled: the global handler is not called
}

int ignoreMessage(TIFF *, void *, const char *, const char *, va_list)
{
    return 1;
}

struct OptionsDeleter
{
    void operator()(TIFFOpenOptions *options) const { TIFFOpenOptionsFree(options); }
};

struct TiffCloser
{
    void operator()(TIFF *tiff) const { TIFFClose(tiff); }
};

} // namespace

QByteArray encodeCcittG4(const QByteArray &bits, int width, int height, QString *error)
{
    QString messages;
    auto fail = [&](const QString &what) {
        if (error)
            *error = messages.isEmpty() ? what : what + QStringLiteral(": ") + messages;
        return QByteArray();
    };
    if (width <= 0 || height <= 0)
        return fail(QStringLiteral("image of %1 × %2 dots").arg(width).arg(height));
    const qint64 rowBytes = (qint64(width) + 7) / 8;
    if (bits.size() < rowBytes * height)
        return fail(QStringLiteral("%1 bytes for an image of %2 × %3 dots (%4 needed)")
                        .arg(bits.size())
                        .arg(width)
                        .arg(height)
                        .arg(rowBytes * height));

    std::unique_ptr<TIFFOpenOptions, OptionsDeleter> options(TIFFOpenOptionsAlloc());
    if (!options)
        return fail(QStringLiteral("libtiff: out of memory"));
    TIFFOpenOptionsSetErrorHandlerExtR(options.get(), collectMessage, &messages);
    TIFFOpenOptionsSetWarningHandlerExtR(options.get(), ignoreMessage, nullptr);
    MemoryFile file;
    std::unique_ptr<TIFF, TiffCloser> tiff(
        TIFFClientOpenExt("g4", "w", &file, readMemory, writeMemory, seekMemory, closeMemory,
                          memorySize, mapMemory, unmapMemory, options.get()));
    if (!tiff)
        return fail(QStringLiteral("libtiff cannot open an image in memory"));
    // One strip of the whole image, most significant bit first as PDF reads it; the fax codec
    // codes a 0 bit as white and a 1 bit as black whatever the photometric tag says, and
    // min-is-white is what that means in TIFF terms.
    const bool tagged = TIFFSetField(tiff.get(), TIFFTAG_IMAGEWIDTH, uint32_t(width)) &&
                        TIFFSetField(tiff.get(), TIFFTAG_IMAGELENGTH, uint32_t(height)) &&
                        TIFFSetField(tiff.get(), TIFFTAG_BITSPERSAMPLE, 1) &&
                        TIFFSetField(tiff.get(), TIFFTAG_SAMPLESPERPIXEL, 1) &&
                        TIFFSetField(tiff.get(), TIFFTAG_ROWSPERSTRIP, uint32_t(height)) &&
                        TIFFSetField(tiff.get(), TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG) &&
                        TIFFSetField(tiff.get(), TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISWHITE) &&
                        TIFFSetField(tiff.get(), TIFFTAG_FILLORDER, FILLORDER_MSB2LSB) &&
                        TIFFSetField(tiff.get(), TIFFTAG_COMPRESSION, COMPRESSION_CCITTFAX4) &&
                        TIFFSetField(tiff.get(), TIFFTAG_GROUP4OPTIONS, 0);
    if (!tagged)
        return fail(QStringLiteral("libtiff cannot set up a CCITT G4 image"));
    // libtiff's encoder takes a non-const buffer (it may reverse bits in place for another fill
    // order); a copy keeps the caller's data untouched.
    QByteArray rows = bits.left(rowBytes * height);
    if (TIFFWriteEncodedStrip(tiff.get(), 0, rows.data(), tmsize_t(rows.size())) < 0)
        return fail(QStringLiteral("libtiff cannot encode the image"));
    // The strip is in the file once the call returns; where, libtiff records.
    uint64_t *offsets = nullptr;
    uint64_t *counts = nullptr;
    if (!TIFFGetField(tiff.get(), TIFFTAG_STRIPOFFSETS, &offsets) ||
        !TIFFGetField(tiff.get(), TIFFTAG_STRIPBYTECOUNTS, &counts) || !offsets || !counts)
        return fail(QStringLiteral("libtiff wrote no strip"));
    const qint64 offset = qint64(offsets[0]);
    const qint64 count = qint64(counts[0]);
    tiff.reset();
    if (count <= 0 || offset < 0 || offset + count > file.data.size())
        return fail(QStringLiteral("libtiff's strip lies outside the file it wrote"));
    if (error)
        error->clear();
    return file.data.mid(offset, count);
}

} // namespace riskatlas::render
