// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace riskatlas::io {

/// A record left out of a TextTable because its number of cells differs from the header's
/// (readCsvTable with RaggedRows::Report).
struct RaggedRow
{
    qint64 line = 0;     ///< 1-based line where the record starts, as TextTable::rowNumbers
    qsizetype cells = 0; ///< how many cells it has
};

/// A table of text cells as read from a CSV file or a spreadsheet sheet, before any typing.
/// Every row has exactly `headers.size()` cells (readers reject ragged rows, or set them aside
/// in `raggedRows` when the caller asks); cells are decoded Unicode and kept as written (not
/// trimmed); an empty cell is an empty string.
struct TextTable
{
    QStringList headers; ///< Trimmed, non-empty, unique (case-insensitively).
    QList<QStringList> rows;
    /// For each row, its 1-based line in the file: for CSV the physical line where the record
    /// starts (blank lines and embedded newlines counted), for XLSX the sheet's row number.
    QList<qint64> rowNumbers;
    QString encoding;       ///< "UTF-8", "GBK", … ("UTF-8" for XLSX).
    QString encodingSource; ///< "detected", "user" or "format" (as VectorLayer::encodingSource).
    QString sourcePath;     ///< The path as the caller gave it, for messages.
    QString sheet;          ///< The sheet read (XLSX); empty for CSV.
    QString layerName;      ///< A name for a layer made from it: the file's base name or sheet.
    /// Records with too many or too few cells, in file order; only a reader asked to report
    /// them fills this (they are not in `rows`).
    QList<RaggedRow> raggedRows;
};

/// Where a row of `table` is, for errors: `FILE[:SHEET]:row N` (N from rowNumbers).
inline ErrorLocation rowLocation(const TextTable &table, qint64 rowNumber)
{
    return {table.sourcePath, table.sheet, rowNumber, QStringLiteral("row")};
}

/// Where the table is, for errors about the whole table or a column: `FILE[:SHEET]`.
inline ErrorLocation tableLocation(const TextTable &table)
{
    return {table.sourcePath, table.sheet, std::nullopt, {}};
}

} // namespace riskatlas::io
