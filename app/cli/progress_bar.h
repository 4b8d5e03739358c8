// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/feedback.h"

#include <QElapsedTimer>
#include <QString>

#include <mutex>

namespace riskatlas::cli {

/// Draws the Feedback's progress as a bar on stderr when stderr is a terminal, and maps
/// Ctrl-C (SIGINT) to Feedback::cancel() while alive. With RISKATLAS_TIMINGS=1 in the
/// environment it also prints `timing: STEP SECONDS` on stderr as each step ends, so that
/// benchmarks can separate the compute part from reading and writing, and `cputime: STEP
/// SECONDS`, the CPU time of all threads in the step: against the wall time it tells how
/// busy the threads kept the cores, whatever the speed of the machine at the time.
class ProgressBar
{
public:
    explicit ProgressBar(Feedback &feedback);
    ~ProgressBar();
    ProgressBar(const ProgressBar &) = delete;
    ProgressBar &operator=(const ProgressBar &) = delete;

private:
    void report(double percent, const QString &step);
    void finishStep();

    Feedback &m_feedback;
    bool m_terminal;
    bool m_timings;
    std::mutex m_mutex;
    QString m_step;
    QElapsedTimer m_stepClock;
    double m_stepCpuStart = 0;
};

} // namespace riskatlas::cli
