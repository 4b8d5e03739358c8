// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QString>

namespace riskatlas::render {

/// Encodes a one-bit image as CCITT Group 4 (ITU-T T.6) with libtiff's fax codec, as a PDF's
/// `/CCITTFaxDecode` filter with `/K -1` reads it.
///
/// The input is `height` rows of `(width + 7) / 8` bytes each (no row padding beyond the last
/// byte), most significant bit first, a 1 bit black and a 0 bit white in the codec's terms.
/// A PDF reader with the default `/BlackIs1 false` therefore decodes a black dot (a 1 here) as
/// 0 and a white dot as 1: for an `/ImageMask`, where 0 is painted, the caller passes the
/// dots to paint as 1. The output ends with the end-of-facsimile-block code (`/EndOfBlock
/// true`, the default) and is not byte-aligned per row (`/EncodedByteAlign false`).
///
/// Thread-safe: each call opens its own in-memory TIFF with its own error handler. Nothing is
/// thrown; on failure (libtiff's error, `bits` shorter than the image, a size not positive) the
/// result is empty and `error`, if given, says why.
QByteArray encodeCcittG4(const QByteArray &bits, int width, int height, QString *error = nullptr);

} // namespace riskatlas::render
