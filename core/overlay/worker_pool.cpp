// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/overlay/worker_pool.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace riskatlas::overlay {

struct WorkerPool::Private
{
    mutable std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::function<void()>> jobs;
    std::vector<std::thread> threads;
    /// Threads without a job: waiting, or started and not yet waiting. Each will take one
    /// of the queued jobs, so a post starts a thread only when the queue outgrows them.
    std::size_t idle = 0;
    bool quitting = false;

    // Called with the lock held.
    void startThread()
    {
        ++idle;
        threads.emplace_back([this] { loop(); });
    }

    void loop()
    {
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait(lock, [&] { return quitting || !jobs.empty(); });
            --idle;
            if (jobs.empty())
                return; // quitting, and every posted job has run
            std::function<void()> job = std::move(jobs.front());
            jobs.pop_front();
            lock.unlock();
            job();
            job = nullptr; // its captures are released before the thread waits again
            lock.lock();
            ++idle;
        }
    }
};

WorkerPool &WorkerPool::instance()
{
    static WorkerPool pool;
    return pool;
}

WorkerPool::WorkerPool()
    : d(new Private)
{}

WorkerPool::~WorkerPool()
{
    {
        std::lock_guard lock(d->mutex);
        d->quitting = true;
    }
    d->wake.notify_all();
    for (std::thread &thread : d->threads)
        thread.join();
    delete d;
}

void WorkerPool::post(std::function<void()> job)
{
    {
        std::lock_guard lock(d->mutex);
        d->jobs.push_back(std::move(job));
        if (d->idle < d->jobs.size())
            d->startThread();
    }
    d->wake.notify_one();
}

void WorkerPool::reserve(std::size_t threads)
{
    std::lock_guard lock(d->mutex);
    while (d->threads.size() < threads)
        d->startThread();
}

std::size_t WorkerPool::size() const
{
    std::lock_guard lock(d->mutex);
    return d->threads.size();
}

} // namespace riskatlas::overlay
