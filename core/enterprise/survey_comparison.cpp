// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/survey_comparison.h"

#include <QHash>

#include <cmath>
#include <numbers>

namespace riskatlas::enterprise {

namespace {

// Metres between two nearby CGCS2000 positions (equirectangular; exact enough for the
// matching radius of some hundred metres).
double distanceMetres(const Firm &a, const Firm &b)
{
    constexpr double radius = 6378137.0;
    const double toRad = std::numbers::pi / 180.0;
    const double x = (b.lon - a.lon) * toRad * std::cos((a.lat + b.lat) * 0.5 * toRad);
    const double y = (b.lat - a.lat) * toRad;
    return radius * std::hypot(x, y);
}

} // namespace

std::vector<FirmChange> compareSurveys(const Inventory &older, const Inventory &newer,
                                       double matchDistance)
{
    const std::vector<Firm> &before = older.firms;
    const std::vector<Firm> &after = newer.firms;
    std::vector<int> matchOfNewer(after.size(), -1);
    std::vector<int> matchOfOlder(before.size(), -1);
    std::vector<QString> how(after.size());

    QHash<QString, int> olderByCode;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i].creditCodeValid)
            olderByCode.insert(before[i].creditCode, int(i));
    }
    for (std::size_t j = 0; j < after.size(); ++j) {
        if (!after[j].creditCodeValid)
            continue;
        const auto found = olderByCode.constFind(after[j].creditCode);
        if (found != olderByCode.constEnd() && matchOfOlder[std::size_t(*found)] < 0) {
            matchOfNewer[j] = *found;
            matchOfOlder[std::size_t(*found)] = int(j);
            how[j] = QStringLiteral("credit_code");
        }
    }

    QHash<QString, QList<int>> olderByName;
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (matchOfOlder[i] < 0)
            olderByName[before[i].name.trimmed()].append(int(i));
    }
    for (std::size_t j = 0; j < after.size(); ++j) {
        if (matchOfNewer[j] >= 0)
            continue;
        const auto candidates = olderByName.constFind(after[j].name.trimmed());
        if (candidates == olderByName.constEnd())
            continue;
        int best = -1;
        double bestDistance = matchDistance;
        for (int i : *candidates) {
            const Firm &old = before[std::size_t(i)];
            // Two valid, different codes are two firms, whatever their names.
            if (matchOfOlder[std::size_t(i)] >= 0 ||
                (old.creditCodeValid && after[j].creditCodeValid))
                continue;
            const double distance = distanceMetres(old, after[j]);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        if (best >= 0) {
            matchOfNewer[j] = best;
            matchOfOlder[std::size_t(best)] = int(j);
            how[j] = QStringLiteral("name_location");
        }
    }

    std::vector<FirmChange> changes;
    changes.reserve(after.size() + before.size());
    for (std::size_t j = 0; j < after.size(); ++j) {
        FirmChange change;
        change.newerIndex = int(j);
        change.newerLevel = after[j].level;
        change.newerRawLevel = after[j].rawLevel;
        if (matchOfNewer[j] >= 0) {
            const Firm &old = before[std::size_t(matchOfNewer[j])];
            change.kind = ChangeKind::Continuing;
            change.olderIndex = matchOfNewer[j];
            change.olderLevel = old.level;
            change.olderRawLevel = old.rawLevel;
            change.matchedBy = how[j];
        } else {
            change.kind = ChangeKind::New;
        }
        changes.push_back(change);
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (matchOfOlder[i] >= 0)
            continue;
        FirmChange change;
        change.kind = ChangeKind::Closed;
        change.olderIndex = int(i);
        change.olderLevel = before[i].level;
        change.olderRawLevel = before[i].rawLevel;
        changes.push_back(change);
    }
    return changes;
}

void addChange(ChangeCounts &counts, const FirmChange &change, bool raw, int levelCount)
{
    if (counts.leftLevel.size() != std::size_t(levelCount + 1))
        counts.leftLevel.assign(std::size_t(levelCount + 1), 0);
    switch (change.kind) {
    case ChangeKind::New:
        ++counts.newFirms;
        return;
    case ChangeKind::Closed:
        ++counts.closedFirms;
        return;
    case ChangeKind::Continuing:
        break;
    }
    ++counts.continuing;
    const int before = raw ? change.olderRawLevel : change.olderLevel;
    const int after = raw ? change.newerRawLevel : change.newerLevel;
    if (after < before) {
        ++counts.down;
        if (before >= 1 && before <= levelCount)
            ++counts.leftLevel[std::size_t(before)];
    } else if (after > before) {
        ++counts.up;
    } else {
        ++counts.unchanged;
    }
}

} // namespace riskatlas::enterprise
