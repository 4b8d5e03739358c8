// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/weights/decision_matrix.h"

#include "core/error.h"

#include <QCoreApplication>

#include <cmath>

namespace riskatlas::weights {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::weights)
};

} // namespace

void checkDecisionMatrix(const DecisionMatrix &matrix, const QString &what, size_t minRows)
{
    if (matrix.size() < minRows || matrix.empty() || matrix.front().empty()) {
        throw InputError({}, Tr::tr("%1 has %2 row(s) and %3 column(s); it needs at least %4 "
                                    "row(s) and one column")
                                 .arg(what)
                                 .arg(matrix.size())
                                 .arg(matrix.empty() ? 0 : matrix.front().size())
                                 .arg(minRows));
    }
    const size_t columns = matrix.front().size();
    for (size_t r = 0; r < matrix.size(); ++r) {
        if (matrix[r].size() != columns) {
            throw InputError({}, Tr::tr("%1: row %2 has %3 value(s), row 1 has %4")
                                     .arg(what)
                                     .arg(r + 1)
                                     .arg(matrix[r].size())
                                     .arg(columns));
        }
        for (size_t c = 0; c < columns; ++c) {
            if (!std::isfinite(matrix[r][c])) {
                throw InputError({}, Tr::tr("%1: the value at row %2, column %3 is %4, not a "
                                            "finite number")
                                         .arg(what)
                                         .arg(r + 1)
                                         .arg(c + 1)
                                         .arg(matrix[r][c]));
            }
        }
    }
}

} // namespace riskatlas::weights
