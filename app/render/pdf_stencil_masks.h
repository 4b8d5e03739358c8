// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>

namespace riskatlas::render {

/// Turns the one-bit images of a PDF written by Qt 6.4's QPdfWriter into stencil masks.
///
/// A dense layer (20 000 to 200 000 buildings) is drawn as one bit per print dot, but Qt 6.4
/// writes a one-bit image only when its colours are black and white, and then as an opaque
/// DeviceGray image; any other image becomes a colour plane of three bytes per dot plus a mask,
/// which Qt compresses page after page (most of the atlas's time, and no gain in size). Here
/// every `/BitsPerComponent 1 /ColorSpace /DeviceGray` image dictionary becomes
/// `/ImageMask true`: a 0 bit is painted in the fill colour current at its `Do` (which
/// renderMap() sets to the layer's colour), a 1 bit leaves the page as it is.
///
/// Only renderMap()'s dense layers may be drawn as black-and-white one-bit images into a PDF
/// that goes through this function. The replacement is padded with spaces to the same length,
/// so every byte offset and the cross-reference table stay valid. Returns the rewritten PDF and,
/// through `rewritten`, the number of images changed and, through `maskBytes`, the size of
/// their (Flate) streams.
QByteArray pdfBitmapsToStencilMasks(const QByteArray &pdf, int *rewritten = nullptr,
                                    qint64 *maskBytes = nullptr);

} // namespace riskatlas::render
