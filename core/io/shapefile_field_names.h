// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace riskatlas::io {

/// DBF field names are at most 10 bytes in the file's encoding (a Chinese character is 3
/// bytes in UTF-8, 2 in GBK). Returns, for each name, a unique name that fits, shortened on
/// whole characters and numbered (`名称_1`) on a clash, compared case-insensitively as DBF
/// readers do. Names that already fit are kept.
QStringList shortenDbfFieldNames(const QStringList &names, const QString &encoding,
                                 int maxBytes = 10);

} // namespace riskatlas::io
