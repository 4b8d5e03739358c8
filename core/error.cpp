// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"

namespace riskatlas {

QString ErrorLocation::toString() const
{
    QString text = file;
    if (!layer.isEmpty())
        text += QLatin1Char(':') + layer;
    if (row) {
        text += QLatin1Char(':');
        if (!rowLabel.isEmpty())
            text += rowLabel + QLatin1Char(' ');
        text += QString::number(*row);
    }
    return text;
}

Error::Error(ErrorKind kind, ErrorLocation where, const QString &message)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
    , m_where(std::move(where))
    , m_message(message)
{}

QString Error::formatted() const
{
    const QString where = m_where.toString();
    return where.isEmpty() ? m_message : where + QStringLiteral(": ") + m_message;
}

CancelledError::CancelledError()
    : Error(ErrorKind::Cancelled, {}, QStringLiteral("cancelled"))
{}

} // namespace riskatlas
