// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/progress_bar.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unistd.h>

namespace riskatlas::cli {

namespace {

// CPU time of all the process's threads.
double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// The signal handler may only touch a lock-free atomic; Feedback's cancel flag is one.
Feedback *g_interruptTarget = nullptr;

extern "C" void onInterrupt(int)
{
    if (g_interruptTarget)
        g_interruptTarget->cancel();
}

} // namespace

ProgressBar::ProgressBar(Feedback &feedback)
    : m_feedback(feedback)
    , m_terminal(isatty(STDERR_FILENO) == 1)
    , m_timings(qEnvironmentVariableIntValue("RISKATLAS_TIMINGS") == 1)
{
    g_interruptTarget = &feedback;
    std::signal(SIGINT, onInterrupt);
    if (m_terminal || m_timings)
        feedback.setProgressCallback(
            [this](double percent, const QString &step) { report(percent, step); });
}

ProgressBar::~ProgressBar()
{
    m_feedback.setProgressCallback({});
    std::signal(SIGINT, SIG_DFL);
    g_interruptTarget = nullptr;
    finishStep();
    if (m_terminal) {
        std::fprintf(stderr, "\r%*s\r", 64, "");
        std::fflush(stderr);
    }
}

void ProgressBar::finishStep()
{
    if (m_timings && !m_step.isEmpty()) {
        const QByteArray step = m_step.toUtf8();
        std::fprintf(stderr, "timing: %s %.4f\n", step.constData(),
                     double(m_stepClock.nsecsElapsed()) / 1e9);
        std::fprintf(stderr, "cputime: %s %.4f\n", step.constData(),
                     processCpuSeconds() - m_stepCpuStart);
    }
    m_step.clear();
}

void ProgressBar::report(double percent, const QString &step)
{
    // Called from worker threads too.
    std::lock_guard lock(m_mutex);
    if (step != m_step) {
        finishStep();
        m_step = step;
        m_stepClock.start();
        m_stepCpuStart = processCpuSeconds();
    }
    if (!m_terminal)
        return;
    constexpr int width = 30;
    const int filled = int(percent / 100.0 * width);
    char bar[width + 1];
    for (int i = 0; i < width; ++i)
        bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    std::fprintf(stderr, "\r[%s] %3d%% %-24s", bar, int(percent),
                 step.toLocal8Bit().left(24).constData());
    std::fflush(stderr);
}

} // namespace riskatlas::cli
