// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/feedback.h"
#include "core/overlay/parallel_chunks.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace riskatlas::overlay {

/// Tasks run on worker threads, the costliest waiting task first, where a task may add the
/// tasks that its result makes possible (the next stage of the same piece of work). Work in
/// stages then needs no barrier between the stages: a thread that has nothing left of one
/// stage takes up what is ready of the next, instead of waiting for the slowest task of the
/// stage; on a virtual machine each barrier also costs the wake-up of an idle core.
///
/// `State` is made once per thread by the factory given to run() (e.g. a geos::Context
/// behind a unique_ptr, which must never be shared between threads) and handed to every
/// task on that thread.
/// Tasks must write their results to places of their own; the queue's lock orders a task's
/// writes before the tasks it adds. Results therefore do not depend on which thread ran what.
template<typename State>
class TaskQueue
{
public:
    using Task = std::function<void(State &state)>;

    /// Adds a task of `cost` (any unit, larger first). Safe from within a running task.
    void add(double cost, Task task)
    {
        {
            std::lock_guard lock(m_mutex);
            m_waiting.push_back({cost, m_sequence++, std::move(task)});
            std::push_heap(m_waiting.begin(), m_waiting.end());
        }
        m_wake.notify_one();
    }

    /// Runs the tasks added before and during the run on `threads` threads (0 = all cores;
    /// on the calling thread when 1) until none is left. The first exception a task throws
    /// stops the others (tasks already running finish) and is rethrown here; cancellation
    /// through `feedback` (may be null), checked before each task, throws CancelledError.
    template<typename MakeState>
    void run(int threads, MakeState makeState, const Feedback *feedback = nullptr)
    {
        std::atomic<bool> failed{false}; // runWorkers' flag; m_stopped is what the workers read
        detail::runWorkers(std::size_t(effectiveThreadCount(threads)), failed, [&](std::size_t) {
            State state = makeState();
            try {
                work(state, feedback);
            } catch (...) {
                {
                    std::lock_guard lock(m_mutex);
                    m_stopped = true;
                }
                m_wake.notify_all();
                throw;
            }
        });
    }

private:
    struct Entry
    {
        double cost;
        std::uint64_t sequence;
        Task task;
        // The heap's top is its largest: the costliest, then the earliest added.
        bool operator<(const Entry &other) const
        {
            return cost != other.cost ? cost < other.cost : sequence > other.sequence;
        }
    };

    void work(State &state, const Feedback *feedback)
    {
        for (;;) {
            Task task;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock,
                            [&] { return m_stopped || !m_waiting.empty() || m_running == 0; });
                if (m_stopped || m_waiting.empty())
                    return; // stopped, or nothing waiting and nothing running to add more
                std::pop_heap(m_waiting.begin(), m_waiting.end());
                task = std::move(m_waiting.back().task);
                m_waiting.pop_back();
                ++m_running;
            }
            if (feedback)
                feedback->throwIfCanceled();
            task(state);
            bool finished = false;
            {
                std::lock_guard lock(m_mutex);
                --m_running;
                finished = m_running == 0 && m_waiting.empty();
            }
            if (finished)
                m_wake.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Entry> m_waiting; ///< a heap
    std::uint64_t m_sequence = 0;
    std::size_t m_running = 0;
    bool m_stopped = false;
};

} // namespace riskatlas::overlay
