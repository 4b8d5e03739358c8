// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/io/text_table.h"

#include <QString>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::io {

/// What readCsvTable does with a record whose number of values differs from the header's.
enum class RaggedRows {
    Refuse, ///< throw InputError naming the line (the default: a table must be rectangular)
    Report, ///< leave the record out and list it in TextTable::raggedRows; for importers that
            ///< report bad rows one by one (the enterprise inventory)
};

/// Reads a delimited text file (RFC 4180: quoted fields, doubled quotes, delimiters and line
/// breaks inside quotes, CRLF or LF line ends) into a TextTable. The first non-blank line is
/// the header; its names are trimmed and must be non-empty and unique (case-insensitively).
///
/// The delimiter is the most frequent of `,` TAB `;` `|` outside quotes in the header line
/// (`,` when there is none: a one-column file). The encoding is `encodingOverride` when given
/// (any name canonicalEncoding() accepts), else detected on the whole file: UTF-8 (with or
/// without a byte order mark), else GBK.
///
/// Blank lines are skipped. Everything else is strict: each of these throws InputError naming
/// the file and, for a record, its line (`FILE:row N: message`): an unreadable or empty file,
/// undecodable bytes (with the byte's offset and line), a bad or duplicate header name, an
/// unterminated quoted field, a quote inside an unquoted field ("stray quote"), text after a
/// closing quote, or a record whose number of values differs from the header's (unless
/// `ragged` is RaggedRows::Report).
///
/// `feedback` (optional, not owned) receives progress and is polled for cancellation
/// (CancelledError). Thread-safe for distinct calls.
TextTable readCsvTable(const QString &path, const QString &encodingOverride = {},
                       Feedback *feedback = nullptr, RaggedRows ragged = RaggedRows::Refuse);

} // namespace riskatlas::io
