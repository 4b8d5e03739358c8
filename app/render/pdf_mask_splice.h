// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "render/stencil_mask_codec.h"

#include <QByteArray>
#include <QImage>
#include <QString>

#include <vector>

namespace riskatlas::render {

/// The image renderMap() hands Qt's PDF engine in place of a dense layer's tile when the
/// tile's mask is already encoded: one black-and-white dot, which Qt writes as a 1 × 1
/// `/DeviceGray` image scaled to the tile's rectangle, so that the engine compresses one byte
/// instead of the tile's dots. spliceStencilMasks() puts the mask in its place afterwards.
QImage stencilMaskPlaceholder();

/// Puts `masks` in place of the placeholders (stencilMaskPlaceholder()) of a PDF written by
/// Qt 6.4's QPdfWriter, the first mask for the first placeholder in the file, and so on: Qt
/// writes an image's object when it is drawn, so the file's order is the drawing order. Each
/// placeholder's dictionary becomes the mask's (`/ImageMask true`, its size and filter), its
/// stream the mask's bytes, its `/Length` object the new length; every other object is copied
/// byte for byte, and the cross-reference table is written anew for the moved offsets.
///
/// Returns the new PDF. Throws ProcessingError naming `path` when the file is not laid out as
/// Qt writes it, or when the number of placeholders is not the number of masks (the dots
/// would be lost; the caller must not write such a file).
QByteArray spliceStencilMasks(const QByteArray &pdf, const std::vector<EncodedStencilMask> &masks,
                              const QString &path);

} // namespace riskatlas::render
