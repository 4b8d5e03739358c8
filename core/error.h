// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

#include <optional>
#include <stdexcept>

namespace riskatlas {

/// Where a problem is: the file, and optionally the layer and the row or feature id.
/// Formats as `FILE[:LAYER][:ROW-or-FID]`, the prefix of every error the CLI prints.
struct ErrorLocation
{
    QString file;
    QString layer;
    std::optional<qint64> row; ///< 1-based data row (CSV/XLSX) or feature id.
    QString rowLabel;          ///< "row" or "fid"; empty means just the number.

    QString toString() const;
};

/// The kind of failure decides the CLI's exit code: bad input 2, processing 1.
enum class ErrorKind { BadInput, Processing, Cancelled };

/// Every failure inside core is thrown as an Error. Never caught and swallowed in core;
/// the CLI and the app turn it into a message and an exit code or a dialog.
class Error : public std::runtime_error
{
public:
    Error(ErrorKind kind, ErrorLocation where, const QString &message);

    ErrorKind kind() const { return m_kind; }
    const ErrorLocation &location() const { return m_where; }
    const QString &message() const { return m_message; }
    /// `FILE[:LAYER][:ROW]: message`
    QString formatted() const;

private:
    ErrorKind m_kind;
    ErrorLocation m_where;
    QString m_message;
};

/// Bad input: a file, a layer, a row or an option that cannot be used as it is (exit 2).
class InputError : public Error
{
public:
    InputError(ErrorLocation where, const QString &message)
        : Error(ErrorKind::BadInput, std::move(where), message)
    {}
};

/// A failure while processing valid input: a write, a library error (exit 1).
class ProcessingError : public Error
{
public:
    ProcessingError(ErrorLocation where, const QString &message)
        : Error(ErrorKind::Processing, std::move(where), message)
    {}
};

/// The user cancelled through the Feedback object; nothing is written.
class CancelledError : public Error
{
public:
    CancelledError();
};

} // namespace riskatlas
