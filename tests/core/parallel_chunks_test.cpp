// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/overlay/parallel_chunks.h"

#include <gtest/gtest.h>

#include <numeric>
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
