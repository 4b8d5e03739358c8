// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "app/cli/progress_bar.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace riskatlas::cli {

namespace {

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
{
    g_interruptTarget = &feedback;
    std::signal(SIGINT, onInterrupt);
    if (!m_terminal)
        return;
    feedback.setProgressCallback([](double percent, const QString &step) {
        constexpr int width = 30;
        const int filled = int(percent / 100.0 * width);
        char bar[width + 1];
        for (int i = 0; i < width; ++i)
            bar[i] = i < filled ? '#' : '.';
        bar[width] = '\0';
        std::fprintf(stderr, "\r[%s] %3d%% %-24s", bar, int(percent),
                     step.toLocal8Bit().left(24).constData());
        std::fflush(stderr);
    });
}

ProgressBar::~ProgressBar()
{
    m_feedback.setProgressCallback({});
    std::signal(SIGINT, SIG_DFL);
    g_interruptTarget = nullptr;
    if (m_terminal) {
        std::fprintf(stderr, "\r%*s\r", 64, "");
        std::fflush(stderr);
    }
}

} // namespace riskatlas::cli
