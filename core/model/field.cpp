// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/model/field.h"

namespace riskatlas::model {

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Integer:
        return QStringLiteral("Integer");
    case FieldType::Integer64:
        return QStringLiteral("Integer64");
    case FieldType::Real:
        return QStringLiteral("Real");
    case FieldType::String:
        return QStringLiteral("String");
    case FieldType::Date:
        return QStringLiteral("Date");
    case FieldType::DateTime:
        return QStringLiteral("DateTime");
    case FieldType::Boolean:
        return QStringLiteral("Boolean");
    }
    return QStringLiteral("String");
}

int fieldIndex(const Fields &fields, const QString &name)
{
    for (int i = 0; i < fields.size(); ++i) {
        if (fields[i].name == name)
            return i;
    }
    return -1;
}

QStringList fieldNames(const Fields &fields)
{
    QStringList names;
    names.reserve(fields.size());
    for (const Field &field : fields)
        names.append(field.name);
    return names;
}

} // namespace riskatlas::model
