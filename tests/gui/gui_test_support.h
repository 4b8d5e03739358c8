// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

// Small helpers shared by the GUI tests: hand-built layers (WKB written here from the
// specification, not by the code under test) and colour checks.

#include "core/crs/crs.h"
#include "core/model/vector_layer.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QRectF>
#include <QtEndian>

#include <cstring>
#include <memory>

namespace riskatlas::guitest {

inline void appendUint32(QByteArray &data, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    data.append(bytes, 4);
}

inline void appendDouble(QByteArray &data, double value)
{
    quint64 bits;
    std::memcpy(&bits, &value, sizeof bits);
    char bytes[8];
    qToLittleEndian(bits, bytes);
    data.append(bytes, 8);
}

/// ISO WKB of the axis-aligned rectangle `rect` (x right, y up), little-endian.
inline QByteArray rectangleWkb(const QRectF &rect)
{
    QByteArray wkb;
    wkb.append(char(1));
    appendUint32(wkb, 3); // Polygon
    appendUint32(wkb, 1); // one ring
    appendUint32(wkb, 5);
    const double xs[] = {rect.left(), rect.right(), rect.right(), rect.left(), rect.left()};
    const double ys[] = {rect.top(), rect.top(), rect.bottom(), rect.bottom(), rect.top()};
    for (int i = 0; i < 5; ++i) {
        appendDouble(wkb, xs[i]);
        appendDouble(wkb, ys[i]);
    }
    return wkb;
}

/// A layer of rectangles in `crs` with an integer `level` and a text `name` field.
inline std::shared_ptr<model::VectorLayer> rectangles(const QList<QRectF> &rects,
                                                      const QList<int> &levels,
                                                      const QStringList &names, const crs::Crs &crs)
{
    auto layer = std::make_shared<model::VectorLayer>();
    layer->name = QStringLiteral("rectangles");
    layer->crs = crs;
    layer->fields = {{QStringLiteral("level"), model::FieldType::Integer, 0, 0},
                     {QStringLiteral("name"), model::FieldType::String, 0, 0}};
    for (int i = 0; i < rects.size(); ++i) {
        model::Feature feature;
        feature.fid = i + 1;
        feature.attributes = {levels.value(i), names.value(i)};
        feature.wkb = rectangleWkb(rects[i]);
        layer->features.push_back(feature);
    }
    return layer;
}

/// Colours equal within `tolerance` per channel (anti-aliasing and premultiplication).
inline bool near(const QColor &a, const QColor &b, int tolerance = 3)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

/// `top` with its alpha painted over an opaque `bottom`.
inline QColor blended(const QColor &top, const QColor &bottom, double opacity = 1.0)
{
    const double a = top.alphaF() * opacity;
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

/// The pixel of `image` at device-independent point `point`.
inline QColor pixelAt(const QImage &image, const QPointF &point)
{
    return image.pixelColor((point * image.devicePixelRatio()).toPoint());
}

} // namespace riskatlas::guitest
