// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace riskatlas::model {

enum class FieldType { Integer, Integer64, Real, String, Date, DateTime, Boolean };

/// An attribute column. `width`/`precision` are hints for fixed-width formats (DBF); 0 = any.
struct Field
{
    QString name;
    FieldType type = FieldType::String;
    int width = 0;
    int precision = 0;

    bool operator==(const Field &) const = default;
};

QString fieldTypeName(FieldType type);

using Fields = QList<Field>;

/// Index of `name` in `fields` (exact match), or -1.
int fieldIndex(const Fields &fields, const QString &name);
/// The fields' names, in order (e.g. for an error that lists what a layer has).
QStringList fieldNames(const Fields &fields);

} // namespace riskatlas::model
