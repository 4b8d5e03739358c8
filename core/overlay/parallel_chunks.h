// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/feedback.h"
#include "core/overlay/worker_pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace riskatlas::overlay {

struct ChunkOptions
{
    int threads = 0; ///< 0 = all cores
    std::size_t chunkSize =
        256; ///< items per chunk; small enough to balance, large enough to amortise
    Feedback *feedback = nullptr; ///< progress 0–100 over the items; cancel checked per chunk
};

/// Number of worker threads `requested` means (0 = hardware concurrency, at least 1).
inline int effectiveThreadCount(int requested)
{
    if (requested > 0)
        return requested;
    return std::max(1, int(std::thread::hardware_concurrency()));
}

namespace detail {

/// Runs `worker(t)` for t in [0, threads), worker 0 on the calling thread and the others on
/// threads of the WorkerPool, and rethrows the first exception any of them threw. `failed` is
/// set at that exception, for the other workers to stop at their next chunk. A worker whose
/// thread has not started by the time worker 0 returns is not run at all, so every worker
/// must be able to finish the whole work alone (the runners here share it out as they go).
template<typename Worker>
void runWorkers(std::size_t threads, std::atomic<bool> &failed, Worker worker)
{
    std::exception_ptr firstError;
    std::mutex errorMutex;
    auto guarded = [&](std::size_t t) {
        try {
            worker(t);
        } catch (...) {
            std::lock_guard lock(errorMutex);
            if (!firstError)
                firstError = std::current_exception();
            failed.store(true);
        }
    };
    // The calling thread is worker 0: it would only wait otherwise, and its core is awake and
    // its caches hold the input. A pool thread may start late (the pool had to create it, or
    // all its threads were busy, e.g. when this runs within a worker): short work is done by
    // then, and is not held up waiting for a worker that would find nothing left. Such a late
    // worker touches only the shared gate, never this frame.
    struct Gate
    {
        std::mutex mutex;
        std::condition_variable idle;
        bool closed = false;
        std::size_t running = 0;
    };
    const auto gate = std::make_shared<Gate>();
    for (std::size_t t = 1; t < threads; ++t) {
        WorkerPool::instance().post([gate, &guarded, t] {
            {
                std::lock_guard lock(gate->mutex);
                if (gate->closed)
                    return;
                ++gate->running;
            }
            guarded(t);
            std::lock_guard lock(gate->mutex);
            if (--gate->running == 0)
                gate->idle.notify_all();
        });
    }
    guarded(0);
    {
        std::unique_lock lock(gate->mutex);
        gate->closed = true;
        gate->idle.wait(lock, [&] { return gate->running == 0; });
    }
    if (firstError)
        std::rethrow_exception(firstError);
}

} // namespace detail

/// Runs `work(state, begin, end, results)` over [0, count) in chunks on worker threads. Each
/// thread makes its own state with `makeState()` (e.g. a geos::Context and a
/// CoordinateTransform, which must never be shared between threads). The results of all
/// chunks are concatenated in chunk order, so the output is the same whatever the number of
/// threads. The first exception thrown by any chunk stops the others and is rethrown here;
/// cancellation through `options.feedback` throws CancelledError.
template<typename Result, typename MakeState, typename Work>
std::vector<Result> runChunked(std::size_t count, const ChunkOptions &options, MakeState makeState,
                               Work work)
{
    const std::size_t chunkSize = std::max<std::size_t>(1, options.chunkSize);
    const std::size_t chunks = (count + chunkSize - 1) / chunkSize;
    const int threads = int(std::min<std::size_t>(
        std::size_t(effectiveThreadCount(options.threads)), std::max<std::size_t>(1, chunks)));
    std::vector<std::vector<Result>> perChunk(chunks);
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> failed{false};

    detail::runWorkers(std::size_t(threads), failed, [&](std::size_t) {
        auto state = makeState();
        for (;;) {
            if (failed.load(std::memory_order_relaxed))
                return;
            if (options.feedback)
                options.feedback->throwIfCanceled();
            const std::size_t chunk = next.fetch_add(1);
            if (chunk >= chunks)
                return;
            const std::size_t begin = chunk * chunkSize;
            const std::size_t end = std::min(count, begin + chunkSize);
            work(state, begin, end, perChunk[chunk]);
            const std::size_t finished = done.fetch_add(end - begin) + (end - begin);
            if (options.feedback)
                options.feedback->setProgress(100.0 * double(finished) / double(count));
        }
    });

    std::size_t total = 0;
    for (const auto &results : perChunk)
        total += results.size();
    std::vector<Result> all;
    all.reserve(total);
    for (auto &results : perChunk)
        std::move(results.begin(), results.end(), std::back_inserter(all));
    return all;
}

/// Runs `work(begin, end)` over [0, count) in chunks on worker threads, for work that needs
/// no per-thread state and writes its results in place (each item its own slot): runChunked()
/// without the state and the gathered results.
template<typename Work>
void runChunkRanges(std::size_t count, const ChunkOptions &options, Work work)
{
    runChunked<char>(
        count, options, [] { return 0; },
        [&](int &, std::size_t begin, std::size_t end, std::vector<char> &) { work(begin, end); });
}

/// Runs `work(state, item)` once for every item of `order` (a permutation of 0…n−1, the order
/// to process them in, e.g. a space-filling curve's) on worker threads, and returns the
/// results by position in `order`: result p is work's answer for item order[p], whatever the
/// number of threads (runInOrder() gives them by item). `Result` must be
/// default-constructible and movable. Throws std::invalid_argument when `order` is not a
/// permutation.
///
/// The order is cut into chunks of `options.chunkSize` and each thread owns one contiguous
/// run of them, which it works through front to back; a thread whose run is finished takes
/// chunks from the far end of the run with the most left. So each thread stays within one
/// stretch of the order (one region, when the order is spatial) and meets what that region
/// needs, while a thread whose region is cheap still ends up helping the others. Each thread
/// makes its own state with `makeState()`. The first exception thrown by `work` stops the
/// others and is rethrown here; cancellation through `options.feedback` (checked per chunk,
/// progress 0–100 over the items) throws CancelledError.
template<typename Result, typename MakeState, typename Work>
std::vector<Result> runInOrderByPosition(const std::vector<std::size_t> &order,
                                         const ChunkOptions &options, MakeState makeState,
                                         Work work)
{
    const std::size_t count = order.size();
    {
        std::vector<bool> seen(count, false);
        for (std::size_t item : order) {
            if (item >= count || seen[item])
                throw std::invalid_argument("runInOrder: the order is not a permutation");
            seen[item] = true;
        }
    }
    const std::size_t chunkSize = std::max<std::size_t>(1, options.chunkSize);
    const std::size_t chunks = (count + chunkSize - 1) / chunkSize;
    const std::size_t threads = std::min<std::size_t>(
        std::size_t(effectiveThreadCount(options.threads)), std::max<std::size_t>(1, chunks));
    // Stored by position first: the threads then write each to its own stretch of memory,
    // where writes by item would put neighbouring items of different threads in one cache
    // line, which the cores would pass back and forth.
    std::vector<Result> byPosition(count);

    // The chunks [next, end) of each thread's run not yet taken. Chunks take milliseconds, so
    // one lock over all runs costs nothing measurable and keeps stealing simple.
    struct Run
    {
        std::size_t next;
        std::size_t end;
    };
    std::vector<Run> runs(threads);
    for (std::size_t t = 0; t < threads; ++t)
        runs[t] = {chunks * t / threads, chunks * (t + 1) / threads};
    std::mutex runsMutex;
    auto take = [&](std::size_t own) -> std::optional<std::size_t> {
        std::lock_guard lock(runsMutex);
        if (runs[own].next < runs[own].end)
            return runs[own].next++;
        std::size_t victim = own;
        std::size_t most = 0;
        for (std::size_t t = 0; t < threads; ++t) {
            const std::size_t left = runs[t].end - runs[t].next;
            if (left > most) {
                most = left;
                victim = t;
            }
        }
        if (most == 0)
            return std::nullopt;
        return --runs[victim].end;
    };

    std::atomic<std::size_t> done{0};
    std::atomic<bool> failed{false};

    detail::runWorkers(threads, failed, [&](std::size_t own) {
        auto state = makeState();
        for (;;) {
            if (failed.load(std::memory_order_relaxed))
                return;
            if (options.feedback)
                options.feedback->throwIfCanceled();
            const std::optional<std::size_t> chunk = take(own);
            if (!chunk)
                return;
            const std::size_t begin = *chunk * chunkSize;
            const std::size_t end = std::min(count, begin + chunkSize);
            for (std::size_t position = begin; position < end; ++position)
                byPosition[position] = work(state, order[position]);
            const std::size_t finished = done.fetch_add(end - begin) + (end - begin);
            if (options.feedback)
                options.feedback->setProgress(100.0 * double(finished) / double(count));
        }
    });
    return byPosition;
}

/// runInOrderByPosition(), with the results then put in item order: result i is work's
/// answer for item i, whatever the order and the number of threads. This last pass runs on
/// the calling thread and jumps about memory; callers that can read the results through
/// the order save it.
template<typename Result, typename MakeState, typename Work>
std::vector<Result> runInOrder(const std::vector<std::size_t> &order, const ChunkOptions &options,
                               MakeState makeState, Work work)
{
    std::vector<Result> byPosition =
        runInOrderByPosition<Result>(order, options, std::move(makeState), std::move(work));
    const std::size_t count = order.size();
    // Into item order in place, along the permutation's cycles, so that the results are
    // never held twice: position p holds item order[p]'s result, which goes to slot order[p],
    // whose result goes to slot order[order[p]], and so on back to p.
    std::vector<bool> placed(count, false);
    for (std::size_t start = 0; start < count; ++start) {
        if (placed[start])
            continue;
        placed[start] = true;
        Result carried = std::move(byPosition[start]);
        for (std::size_t slot = order[start]; slot != start; slot = order[slot]) {
            std::swap(carried, byPosition[slot]);
            placed[slot] = true;
        }
        byPosition[start] = std::move(carried);
    }
    return byPosition;
}

} // namespace riskatlas::overlay
