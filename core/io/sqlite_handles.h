// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

// RAII owners for SQLite C handles. Include only from .cpp files: SQLite is a private
// dependency of riskatlas_core.

#include <sqlite3.h>

#include <memory>

namespace riskatlas::sqlite {

struct DatabaseCloser
{
    void operator()(sqlite3 *database) const { sqlite3_close_v2(database); }
};
struct StatementFinalizer
{
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};

using DatabasePtr = std::unique_ptr<sqlite3, DatabaseCloser>;
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

} // namespace riskatlas::sqlite
