// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/io/text_table.h"

#include <QString>

namespace riskatlas {
class Feedback;
}

namespace riskatlas::io {

/// Reads one sheet of an Excel workbook (.xlsx) into a TextTable through GDAL's XLSX driver:
/// `sheetName` (exact, else case-insensitive), or the first sheet when empty.
///
/// Every cell is read as the text stored in the file: numbers keep all their digits as written
/// (e.g. "120.12345600000001"), dates come as GDAL formats them ("2023/01/05"), formula cells
/// give their cached value. The first non-blank row is the header; blank rows are skipped;
/// rowNumbers are the sheet's row numbers (1-based). A column with no header name is dropped
/// when it holds no value, and is an error otherwise. `layerName` is the file's base name for a
/// one-sheet workbook, else the sheet's name; `encoding` is "UTF-8" ("format").
///
/// Throws InputError naming the file and sheet (`FILE:SHEET[:row N]: message`) for a missing or
/// unreadable workbook, an unknown sheet (listing the sheets), an empty sheet, or a bad or
/// duplicate header name; CancelledError when `feedback` (optional, not owned) is cancelled.
/// Thread-safe for distinct calls (GDAL's settings are changed for the calling thread only).
TextTable readXlsxTable(const QString &path, const QString &sheetName = {},
                        Feedback *feedback = nullptr);

} // namespace riskatlas::io
