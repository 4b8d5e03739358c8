// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/feedback.h"
#include "core/overlay/task_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <thread>

using namespace riskatlas;
using namespace riskatlas::overlay;

namespace {

struct Counter
{
    int tasks = 0;
};
using CounterPtr = std::unique_ptr<Counter>;

} // namespace

TEST(TaskQueue, TasksAddedByTasksAllRunOnce)
{
    // A binary tree of 2^12 − 1 tasks: each of the first 2^11 − 1 adds its two children.
    constexpr std::size_t kTasks = (1u << 12) - 1;
    for (int threads : {1, 2, 4}) {
        TaskQueue<CounterPtr> queue;
        std::vector<std::atomic<int>> runs(kTasks);
        std::atomic<int> states{0};
        std::function<void(std::size_t)> addNode = [&](std::size_t node) {
            queue.add(double(node % 7), [&, node](CounterPtr &counter) {
                ++counter->tasks;
                runs[node].fetch_add(1);
                for (std::size_t child : {2 * node + 1, 2 * node + 2}) {
                    if (child < kTasks)
                        addNode(child);
                }
            });
        };
        addNode(0);
        queue.run(threads, [&] {
            states.fetch_add(1);
            return std::make_unique<Counter>();
        });
        for (std::size_t node = 0; node < kTasks; ++node)
            ASSERT_EQ(runs[node].load(), 1) << "task " << node << ", " << threads << " threads";
        // One state per thread that ran; a thread that starts when all is done does not.
        EXPECT_GE(states.load(), 1);
        EXPECT_LE(states.load(), threads);
    }
}

TEST(TaskQueue, CostliestFirstTiesInTheOrderAdded)
{
    TaskQueue<int> queue;
    std::vector<int> order;
    for (int task : {0, 1, 2, 3, 4}) {
        const double cost = task == 2 ? 9 : task == 4 ? 5 : 1;
        queue.add(cost, [&order, task](int &) { order.push_back(task); });
    }
    queue.run(1, [] { return 0; });
    EXPECT_EQ(order, (std::vector<int>{2, 4, 0, 1, 3}));
}

TEST(TaskQueue, AnErrorStopsTheRunAndIsRethrown)
{
    for (int threads : {1, 2}) {
        TaskQueue<int> queue;
        std::atomic<int> ran{0};
        for (int task = 0; task < 200; ++task) {
            queue.add(200 - task, [&ran, task](int &) {
                if (task == 3)
                    throw std::runtime_error("task 3 failed");
                ran.fetch_add(1);
            });
        }
        try {
            queue.run(threads, [] { return 0; });
            ADD_FAILURE() << "no exception";
        } catch (const std::runtime_error &error) {
            EXPECT_STREQ(error.what(), "task 3 failed");
        }
        // Tasks are taken costliest first, so most were never started.
        EXPECT_LT(ran.load(), 100) << threads << " threads";
    }
}

TEST(TaskQueue, CancelThrowsCancelledError)
{
    Feedback feedback;
    TaskQueue<int> queue;
    std::atomic<int> ran{0};
    for (int task = 0; task < 100; ++task) {
        queue.add(1, [&](int &) {
            if (ran.fetch_add(1) == 10)
                feedback.cancel();
        });
    }
    EXPECT_THROW(queue.run(
                     2, [] { return 0; }, &feedback),
                 CancelledError);
    EXPECT_LT(ran.load(), 100);
}

TEST(TaskQueue, NothingToDoReturns)
{
    TaskQueue<int> queue;
    queue.run(4, [] { return 0; });
    SUCCEED();
}
