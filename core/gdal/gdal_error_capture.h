// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QStringList>

namespace riskatlas::gdal {

/// While alive, GDAL/CPL errors raised on this thread are stored here instead of printed.
/// The handler only stores (never throws through GDAL); callers check return values and
/// turn the stored messages into a typed error naming the file, layer and feature.
class ErrorCapture
{
public:
    ErrorCapture();
    ~ErrorCapture();
    ErrorCapture(const ErrorCapture &) = delete;
    ErrorCapture &operator=(const ErrorCapture &) = delete;

    bool hasFailure() const { return !m_failures.isEmpty(); }
    QStringList failures() const { return m_failures; }
    QStringList warnings() const { return m_warnings; }
    /// The last failure (or warning, if none) for messages; empty when GDAL said nothing.
    QString lastMessage() const;
    void clear();

private:
    static void handler(int errorClass, int errorNumber, const char *message);
    QStringList m_failures;
    QStringList m_warnings;
};

} // namespace riskatlas::gdal
