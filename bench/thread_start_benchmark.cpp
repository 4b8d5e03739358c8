// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
//
// How long after a parallel step hands work to another thread that thread starts, while the
// handing thread goes on working (as runWorkers' worker 0 does) after the machine has been
// idle for a while (as between two short steps, or after reading the input): a thread
// created for the step, against a WorkerPool thread woken from waiting. The pause before
// each handing is not timed.
//
//   build/bench/thread_start_benchmark --benchmark_counters_tabular=true

#include "core/overlay/worker_pool.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

void workFor(std::chrono::microseconds duration)
{
    const Clock::time_point end = Clock::now() + duration;
    while (Clock::now() < end) {
    }
}

// Times each start itself, and reports the median and 90th percentile as counters in ms:
// the starts are few and their spread is wide, which a mean hides.
template<typename Start>
void measureStarts(benchmark::State &state, Start start)
{
    const auto idle = std::chrono::milliseconds(state.range(0));
    std::vector<double> latencies;
    for (auto _ : state) {
        std::this_thread::sleep_for(idle);
        workFor(std::chrono::microseconds(500)); // the caller's core is busy, the other idle
        std::atomic<std::int64_t> started{0};
        const Clock::time_point handed = Clock::now();
        auto wait = start([&] { started.store(Clock::now().time_since_epoch().count()); });
        workFor(std::chrono::microseconds(6000));
        wait();
        const double seconds = std::chrono::duration<double>(
                                   Clock::time_point(Clock::duration(started.load())) - handed)
                                   .count();
        state.SetIterationTime(seconds);
        latencies.push_back(seconds * 1e3);
    }
    std::sort(latencies.begin(), latencies.end());
    state.counters["median_ms"] = latencies[latencies.size() / 2];
    state.counters["p90_ms"] = latencies[latencies.size() * 9 / 10];
}

void NewThread(benchmark::State &state)
{
    measureStarts(state, [](auto job) {
        auto thread = std::make_shared<std::thread>(job);
        return [thread] {
            thread->join();
        };
    });
}

void PoolThread(benchmark::State &state)
{
    riskatlas::overlay::WorkerPool::instance().reserve(1);
    measureStarts(state, [](auto job) {
        auto done = std::make_shared<std::atomic<bool>>(false);
        riskatlas::overlay::WorkerPool::instance().post([job, done] {
            job();
            done->store(true);
        });
        return [done] {
            while (!done->load()) {
            }
        };
    });
}

} // namespace

// Argument: idle milliseconds before each start.
BENCHMARK(NewThread)->Arg(2)->Arg(50)->Iterations(40)->UseManualTime()->Unit(
    benchmark::kMillisecond);
BENCHMARK(PoolThread)
    ->Arg(2)
    ->Arg(50)
    ->Iterations(40)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
