// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/feedback.h"

namespace riskatlas::cli {

/// Draws the Feedback's progress as a bar on stderr when stderr is a terminal, and maps
/// Ctrl-C (SIGINT) to Feedback::cancel() while alive.
class ProgressBar
{
public:
    explicit ProgressBar(Feedback &feedback);
    ~ProgressBar();
    ProgressBar(const ProgressBar &) = delete;
    ProgressBar &operator=(const ProgressBar &) = delete;

private:
    Feedback &m_feedback;
    bool m_terminal;
};

} // namespace riskatlas::cli
