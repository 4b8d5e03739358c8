// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/io/shapefile_field_names.h"

#include "core/io/text_encoding.h"

#include <QSet>

namespace riskatlas::io {

namespace {

int byteLength(const QString &text, const QString &encoding)
{
    const auto bytes = encodeStrict(text, encoding);
    // Unrepresentable text is caught by the writer; count it as UTF-8 here.
    return int(bytes ? bytes->size() : text.toUtf8().size());
}

// Longest prefix on whole characters (surrogate pairs kept together) that fits maxBytes.
QString truncateToBytes(const QString &text, const QString &encoding, int maxBytes)
{
    QString result;
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype length = text[i].isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
        const QString next = result + text.mid(i, length);
        if (byteLength(next, encoding) > maxBytes)
            break;
        result = next;
        i += length - 1;
    }
    return result;
}

} // namespace

QStringList shortenDbfFieldNames(const QStringList &names, const QString &encoding, int maxBytes)
{
    QStringList result;
    QSet<QString> used;
    // Names that already fit keep priority so they are never renamed because of a later one.
    for (const QString &name : names) {
        if (byteLength(name, encoding) <= maxBytes)
            used.insert(name.toLower());
    }
    QSet<QString> assigned;
    for (const QString &name : names) {
        QString candidate = byteLength(name, encoding) <= maxBytes
                                ? name
                                : truncateToBytes(name, encoding, maxBytes);
        if (candidate.isEmpty())
            candidate = QStringLiteral("field");
        const bool keptAsIs = candidate == name;
        if (assigned.contains(candidate.toLower()) ||
            (!keptAsIs && used.contains(candidate.toLower()))) {
            for (int n = 1;; ++n) {
                const QString suffix = QStringLiteral("_%1").arg(n);
                const QString stem = truncateToBytes(name, encoding, maxBytes - int(suffix.size()));
                const QString numbered = stem + suffix;
                if (!assigned.contains(numbered.toLower()) && !used.contains(numbered.toLower())) {
                    candidate = numbered;
                    break;
                }
            }
        }
        assigned.insert(candidate.toLower());
        result.append(candidate);
    }
    return result;
}

} // namespace riskatlas::io
