// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <cstddef>
#include <functional>

namespace riskatlas::overlay {

/// The process's worker threads, kept between parallel steps. After 50 ms idle, a thread
/// created while its creator works on started a median 2.3 ms later on the machine of
/// docs/performance.md, a pool thread woken from waiting 0.03 ms later
/// (bench/thread_start_benchmark). A run of short steps would otherwise pay the first figure
/// at every step.
class WorkerPool
{
public:
    /// The one pool of the process; its threads are joined at exit.
    static WorkerPool &instance();

    /// Runs `job` on a pool thread, starting one if none is waiting. Jobs run in the order
    /// posted; a job may post further jobs. The caller learns of the end of a job only
    /// through the job itself.
    void post(std::function<void()> job);

    /// Starts threads until `threads` are waiting or busy, so that the first parallel step
    /// does not wait for a thread to be created; e.g. called before reading the input.
    void reserve(std::size_t threads);

    /// Threads started so far.
    std::size_t size() const;

    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

private:
    WorkerPool();
    ~WorkerPool();
    struct Private;
    Private *d;
};

} // namespace riskatlas::overlay
