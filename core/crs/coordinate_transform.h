// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/crs/crs.h"

#include <QByteArray>

#include <memory>

namespace riskatlas::crs {

/// A PROJ transformation between two CRSs (through OGR, which calls PROJ), in GIS axis order.
/// Not thread-safe: give each thread its own instance.
class CoordinateTransform
{
public:
    /// Throws InputError when either CRS is invalid or PROJ has no transformation between them.
    CoordinateTransform(const Crs &source, const Crs &target);
    ~CoordinateTransform();
    CoordinateTransform(const CoordinateTransform &) = delete;
    CoordinateTransform &operator=(const CoordinateTransform &) = delete;

    /// No-op transformation (same CRS); transform calls return the input.
    bool isIdentity() const { return m_identity; }

    /// Transforms an ISO WKB geometry; throws ProcessingError when a point fails to transform.
    QByteArray transformWkb(const QByteArray &wkb) const;
    /// Transforms one point in place; returns false when PROJ fails for it.
    bool transformPoint(double &x, double &y) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    bool m_identity = false;
};

} // namespace riskatlas::crs
