// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/error.h"

#include <QString>

#include <exception>

namespace riskatlas::desktop {

/// What to show the user for an exception: core's message naming the file, layer and row for
/// our own errors, the library's text for anything else.
inline QString describeError(const std::exception &error)
{
    if (const auto *riskatlasError = dynamic_cast<const Error *>(&error))
        return riskatlasError->formatted();
    return QString::fromLocal8Bit(error.what());
}

} // namespace riskatlas::desktop
