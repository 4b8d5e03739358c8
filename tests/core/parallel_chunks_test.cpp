// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/overlay/parallel_chunks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <numeric>
#include <random>
#include <stdexcept>

using namespace riskatlas;
using namespace riskatlas::overlay;

namespace {

// Emits i*i for even i: uneven output per chunk, so ordering mistakes would show.
std::vector<std::size_t> squaresOfEvens(std::size_t count, int threads, std::size_t chunk)
{
    ChunkOptions options;
    options.threads = threads;
    options.chunkSize = chunk;
    return runChunked<std::size_t>(
        count, options, [] { return 0; },
        [](int &, std::size_t begin, std::size_t end, std::vector<std::size_t> &out) {
            for (std::size_t i = begin; i < end; ++i) {
                if (i % 2 == 0)
                    out.push_back(i * i);
            }
        });
}

} // namespace

TEST(ParallelChunks, ResultsAreInItemOrderWhateverTheThreadCount)
{
    const auto reference = squaresOfEvens(10007, 1, 10007);
    ASSERT_EQ(reference.size(), 5004u);
    for (int threads : {1, 2, 3, 8}) {
        for (std::size_t chunk : {1u, 7u, 256u}) {
            EXPECT_EQ(squaresOfEvens(10007, threads, chunk), reference)
                << threads << " threads, chunk " << chunk;
        }
    }
    EXPECT_TRUE(squaresOfEvens(0, 4, 16).empty());
}

TEST(ParallelChunks, EachThreadGetsItsOwnState)
{
    ChunkOptions options;
    options.threads = 4;
    options.chunkSize = 10;
    std::atomic<int> states{0};
    const auto ids = runChunked<int>(
        1000, options, [&] { return states.fetch_add(1); },
        [](int &state, std::size_t begin, std::size_t end, std::vector<int> &out) {
            out.push_back(state);
        });
    EXPECT_EQ(ids.size(), 100u);
    EXPECT_LE(states.load(), 4);
}

TEST(ParallelChunks, FirstErrorIsRethrownAndCancelStops)
{
    ChunkOptions options;
    options.threads = 2;
    options.chunkSize = 10;
    EXPECT_THROW(runChunked<int>(
                     1000, options, [] { return 0; },
                     [](int &, std::size_t begin, std::size_t, std::vector<int> &) {
                         if (begin == 500)
                             throw std::runtime_error("bad feature");
                     }),
                 std::runtime_error);
    Feedback feedback;
    feedback.cancel();
    options.feedback = &feedback;
    EXPECT_THROW(runChunked<int>(
                     1000, options, [] { return 0; },
                     [](int &, std::size_t, std::size_t, std::vector<int> &) {}),
                 CancelledError);
}

namespace {

// A permutation of 0…count−1 that no chunking would keep together.
std::vector<std::size_t> scrambled(std::size_t count)
{
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::mt19937_64 engine(20261129);
    for (std::size_t i = count; i > 1; --i)
        std::swap(order[i - 1], order[std::size_t(engine() % i)]);
    return order;
}

} // namespace

TEST(ParallelChunksInOrder, ResultsAreIndexedByItemAndEachItemRunsOnce)
{
    const std::vector<std::size_t> order = scrambled(10007);
    for (int threads : {1, 2, 3, 8}) {
        for (std::size_t chunk : {1u, 7u, 256u}) {
            ChunkOptions options;
            options.threads = threads;
            options.chunkSize = chunk;
            std::vector<std::atomic<int>> runs(order.size());
            const std::vector<std::size_t> results = runInOrder<std::size_t>(
                order, options, [] { return 0; },
                [&](int &, std::size_t item) {
                    runs[item].fetch_add(1);
                    return item * item;
                });
            ASSERT_EQ(results.size(), order.size());
            for (std::size_t i = 0; i < results.size(); ++i) {
                ASSERT_EQ(results[i], i * i) << threads << " threads, chunk " << chunk;
                ASSERT_EQ(runs[i].load(), 1) << threads << " threads, chunk " << chunk;
            }
        }
    }
    EXPECT_TRUE(runInOrder<int>(
                    {}, ChunkOptions{}, [] { return 0; }, [](int &, std::size_t) { return 1; })
                    .empty());
}

TEST(ParallelChunksInOrder, OneThreadFollowsTheOrder)
{
    const std::vector<std::size_t> order = scrambled(1000);
    ChunkOptions options;
    options.threads = 1;
    options.chunkSize = 7;
    std::vector<std::size_t> seen;
    runInOrder<int>(
        order, options, [] { return 0; },
        [&](int &, std::size_t item) {
            seen.push_back(item);
            return 0;
        });
    EXPECT_EQ(seen, order);
}

// Thread 0's first chunk blocks until every other chunk is done: the other thread must then
// finish its own run front to back and take thread 0's remaining chunks from the far end.
TEST(ParallelChunksInOrder, AThreadThatIsDoneTakesTheFarEndOfAnotherRun)
{
    constexpr std::size_t kItems = 1000;
    constexpr std::size_t kChunk = 10;
    std::vector<std::size_t> order(kItems);
    std::iota(order.begin(), order.end(), std::size_t(0));
    ChunkOptions options;
    options.threads = 2;
    options.chunkSize = kChunk;

    std::mutex mutex;
    std::condition_variable othersDone;
    std::size_t done = 0; // items outside chunk 0
    bool gaveUp = false;
    std::vector<std::shared_ptr<std::vector<std::size_t>>> sequences;
    runInOrder<int>(
        order, options,
        [&] {
            std::lock_guard lock(mutex);
            sequences.push_back(std::make_shared<std::vector<std::size_t>>());
            return sequences.back();
        },
        [&](std::shared_ptr<std::vector<std::size_t>> &sequence, std::size_t item) {
            std::unique_lock lock(mutex);
            if (item % kChunk == 0)
                sequence->push_back(item / kChunk);
            if (item == 0) {
                // A guard against a hang, not a timing assertion: with stealing this wait
                // ends as soon as the other thread is through.
                gaveUp = !othersDone.wait_for(lock, std::chrono::seconds(60),
                                              [&] { return done == kItems - kChunk; });
            } else if (item >= kChunk && ++done == kItems - kChunk) {
                othersDone.notify_all();
            }
            return 0;
        });
    ASSERT_FALSE(gaveUp);
    ASSERT_EQ(sequences.size(), 2u);

    // The thread that did chunk 50 (the start of the second run) did all the others but
    // chunk 0, unless it also took chunk 0 before the first thread started.
    const auto other = std::find_if(sequences.begin(), sequences.end(),
                                    [](const auto &s) { return !s->empty() && s->front() == 50; });
    ASSERT_NE(other, sequences.end());
    std::vector<std::size_t> expected;
    for (std::size_t chunk = 50; chunk < 100; ++chunk)
        expected.push_back(chunk);
    for (std::size_t chunk = 49; chunk >= 1; --chunk)
        expected.push_back(chunk);
    std::vector<std::size_t> seen = **other;
    if (seen.size() == expected.size() + 1 && seen.back() == 0)
        seen.pop_back();
    EXPECT_EQ(seen, expected);
}

TEST(ParallelChunksInOrder, FirstErrorIsRethrownAndCancelStops)
{
    const std::vector<std::size_t> order = scrambled(1000);
    ChunkOptions options;
    options.threads = 2;
    options.chunkSize = 10;
    EXPECT_THROW(runInOrder<int>(
                     order, options, [] { return 0; },
                     [](int &, std::size_t item) -> int {
                         if (item == 500)
                             throw std::runtime_error("bad feature");
                         return 0;
                     }),
                 std::runtime_error);
    Feedback feedback;
    feedback.cancel();
    options.feedback = &feedback;
    EXPECT_THROW(runInOrder<int>(
                     order, options, [] { return 0; }, [](int &, std::size_t) { return 0; }),
                 CancelledError);
}

TEST(ParallelChunksInOrder, AnOrderThatIsNotAPermutationIsRefused)
{
    auto run = [](const std::vector<std::size_t> &order) {
        return runInOrder<int>(
            order, ChunkOptions{}, [] { return 0; }, [](int &, std::size_t) { return 0; });
    };
    EXPECT_THROW(run({0, 1, 1}), std::invalid_argument);
    EXPECT_THROW(run({0, 3, 1}), std::invalid_argument);
    EXPECT_EQ(run({2, 0, 1}).size(), 3u);
}
