// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/classify/jenks_breaks.h"

#include "core/classify/sorted_values.h"
#include "core/error.h"

#include <QCoreApplication>

#include <cstdint>
#include <limits>

namespace riskatlas::classify {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::classify)
};

// Distinct values with their counts, and prefix sums for the O(1) sum of squared
// deviations of any run of them.
class WeightedRuns
{
public:
    explicit WeightedRuns(const std::vector<double> &sorted)
    {
        for (size_t i = 0; i < sorted.size();) {
            size_t j = i;
            while (j < sorted.size() && sorted[j] == sorted[i])
                ++j;
            m_values.push_back(sorted[i]);
            m_counts.push_back(static_cast<double>(j - i));
            i = j;
        }
        // Sums of squares about the mean, not about zero: data far from zero (populations,
        // elevations) would otherwise lose the within-class differences to cancellation.
        double total = 0.0;
        for (double v : sorted)
            total += v;
        const double shift = total / static_cast<double>(sorted.size());
        const size_t d = m_values.size();
        m_w.assign(d + 1, 0.0);
        m_s1.assign(d + 1, 0.0);
        m_s2.assign(d + 1, 0.0);
        for (size_t i = 0; i < d; ++i) {
            const double x = m_values[i] - shift;
            m_w[i + 1] = m_w[i] + m_counts[i];
            m_s1[i + 1] = m_s1[i] + m_counts[i] * x;
            m_s2[i + 1] = m_s2[i] + m_counts[i] * x * x;
        }
    }

    size_t size() const { return m_values.size(); }
    double value(size_t i) const { return m_values[i]; }

    // Sum of squared deviations from their mean of the values of runs [from, to).
    double cost(size_t from, size_t to) const
    {
        const double w = m_w[to] - m_w[from];
        const double s = m_s1[to] - m_s1[from];
        const double c = (m_s2[to] - m_s2[from]) - s * s / w;
        return c > 0.0 ? c : 0.0;
    }

private:
    std::vector<double> m_values;
    std::vector<double> m_counts;
    std::vector<double> m_w;
    std::vector<double> m_s1;
    std::vector<double> m_s2;
};

// One layer of the dynamic programme: best[i] = min over j of previous[j] + cost(j, i), the
// best SDCM of the first i runs in `classes` classes whose last class is runs [j, i). The
// leftmost optimal j is monotone in i (the SSE cost satisfies the quadrangle inequality), so
// the optimum of the middle i bounds the search on either side.
class Layer
{
public:
    Layer(const WeightedRuns &runs, const std::vector<double> &previous, std::vector<double> &best,
          std::uint32_t *split, size_t firstSplit)
        : m_runs(runs)
        , m_previous(previous)
        , m_best(best)
        , m_split(split)
        , m_firstSplit(firstSplit)
    {}

    void solve(size_t lo, size_t hi, size_t splitLo, size_t splitHi)
    {
        const size_t mid = lo + (hi - lo) / 2;
        const size_t from = std::max(splitLo, m_firstSplit);
        const size_t to = std::min(splitHi, mid - 1);
        double best = std::numeric_limits<double>::infinity();
        size_t bestSplit = from;
        for (size_t j = from; j <= to; ++j) {
            const double candidate = m_previous[j] + m_runs.cost(j, mid);
            if (candidate < best) {
                best = candidate;
                bestSplit = j;
            }
        }
        m_best[mid] = best;
        m_split[mid] = static_cast<std::uint32_t>(bestSplit);
        if (lo < mid)
            solve(lo, mid - 1, splitLo, bestSplit);
        if (mid < hi)
            solve(mid + 1, hi, bestSplit, splitHi);
    }

private:
    const WeightedRuns &m_runs;
    const std::vector<double> &m_previous;
    std::vector<double> &m_best;
    std::uint32_t *m_split;
    size_t m_firstSplit;
};

// Upper breaks of the optimal partition of all runs into `classes` classes, 2 <= classes < d.
std::vector<double> optimalBreaks(const WeightedRuns &runs, int classes)
{
    const size_t d = runs.size();
    const auto k = static_cast<size_t>(classes);
    std::vector<double> previous(d + 1, std::numeric_limits<double>::infinity());
    std::vector<double> current(d + 1, std::numeric_limits<double>::infinity());
    for (size_t i = 1; i <= d; ++i)
        previous[i] = runs.cost(0, i);
    // split[(c - 2) * (d + 1) + i]: where the last of c classes over the first i runs starts.
    std::vector<std::uint32_t> split((k - 1) * (d + 1), 0);
    for (size_t c = 2; c <= k; ++c) {
        std::uint32_t *row = split.data() + (c - 2) * (d + 1);
        Layer layer(runs, previous, current, row, c - 1);
        // The last layer only needs all d runs; the others every i that leaves room.
        if (c == k)
            layer.solve(d, d, c - 1, d - 1);
        else
            layer.solve(c, d, c - 1, d - 1);
        std::swap(previous, current);
    }
    std::vector<double> breaks(k);
    breaks[k - 1] = runs.value(d - 1);
    size_t end = d;
    for (size_t c = k; c >= 2; --c) {
        const size_t start = split[(c - 2) * (d + 1) + end];
        breaks[c - 2] = runs.value(start - 1);
        end = start;
    }
    return breaks;
}

qsizetype distinctCount(const std::vector<double> &sorted)
{
    qsizetype count = 0;
    for (size_t i = 0; i < sorted.size(); ++i) {
        if (i == 0 || sorted[i] != sorted[i - 1])
            ++count;
    }
    return count;
}

// Values at ranks round(i·(n−1)/(s−1)) of the sorted column; sorted itself.
std::vector<double> evenlySpacedSample(const std::vector<double> &sorted, qsizetype sampleSize)
{
    const auto n = static_cast<std::uint64_t>(sorted.size());
    const auto s = static_cast<std::uint64_t>(sampleSize);
    std::vector<double> sample;
    sample.reserve(static_cast<size_t>(s));
    for (std::uint64_t i = 0; i < s; ++i)
        sample.push_back(sorted[static_cast<size_t>((i * (n - 1) + (s - 1) / 2) / (s - 1))]);
    return sample;
}

} // namespace

ClassBreaks jenksBreaks(const std::vector<double> &values, int classes, const JenksOptions &options)
{
    checkClassCount(classes);
    if (options.sampleSize < 2 || options.maxExactDistinctValues < 1) {
        throw InputError({}, Tr::tr("natural breaks options: sample size %1 must be at least 2 "
                                    "and the exact-method threshold %2 at least 1")
                                 .arg(options.sampleSize)
                                 .arg(options.maxExactDistinctValues));
    }
    const SortedValues sorted = sortedFiniteValues(values);
    QStringList notes;

    const bool sample = distinctCount(sorted.values) > options.maxExactDistinctValues &&
                        options.sampleSize < static_cast<qsizetype>(sorted.values.size());
    if (sample) {
        notes.append(Tr::tr("natural breaks computed on an evenly spaced sample of %1 of the %2 "
                            "values (more than %3 distinct values)")
                         .arg(options.sampleSize)
                         .arg(sorted.values.size())
                         .arg(options.maxExactDistinctValues));
    }
    const WeightedRuns runs(sample ? evenlySpacedSample(sorted.values, options.sampleSize)
                                   : sorted.values);

    const auto distinct = static_cast<int>(std::min<size_t>(runs.size(), kMaxClasses + 1));
    std::vector<double> upper;
    if (classes == 1) {
        upper = {sorted.values.back()};
    } else if (distinct <= classes) {
        if (distinct < classes) {
            notes.append(Tr::tr("only %n distinct value(s): that many classes instead of %1",
                                nullptr, distinct)
                             .arg(classes));
        }
        for (size_t i = 0; i < runs.size(); ++i)
            upper.push_back(runs.value(i));
    } else {
        upper = optimalBreaks(runs, classes);
    }

    ClassBreaks breaks = makeClassBreaks(sorted, std::move(upper));
    breaks.notes = notes + breaks.notes;
    return breaks;
}

} // namespace riskatlas::classify
