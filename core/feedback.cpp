// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/feedback.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace riskatlas {

void Feedback::throwIfCanceled() const
{
    if (isCanceled())
        throw CancelledError();
}

void Feedback::setProgress(double percent)
{
    percent = std::clamp(percent, 0.0, 100.0);
    m_progress.store(percent, std::memory_order_relaxed);
    // Throttle: listeners repaint or print, and feature loops call this per feature.
    const double last = m_lastReported.load(std::memory_order_relaxed);
    if (std::abs(percent - last) < 0.5 && percent < 100.0)
        return;
    m_lastReported.store(percent, std::memory_order_relaxed);
    ProgressCallback callback;
    QString step;
    {
        std::lock_guard lock(m_mutex);
        callback = m_callback;
        step = m_step;
    }
    if (callback)
        callback(percent, step);
}

void Feedback::setStep(const QString &step)
{
    {
        std::lock_guard lock(m_mutex);
        m_step = step;
    }
    m_lastReported.store(-1.0, std::memory_order_relaxed);
    setProgress(0.0);
}

QString Feedback::step() const
{
    std::lock_guard lock(m_mutex);
    return m_step;
}

void Feedback::pushWarning(const QString &message)
{
    std::lock_guard lock(m_mutex);
    m_warnings.append(message);
}

QStringList Feedback::warnings() const
{
    std::lock_guard lock(m_mutex);
    return m_warnings;
}

void Feedback::setProgressCallback(ProgressCallback callback)
{
    std::lock_guard lock(m_mutex);
    m_callback = std::move(callback);
}

void FeedbackRange::setFraction(double fraction) const
{
    if (m_feedback)
        m_feedback->setProgress(m_from + (m_to - m_from) * std::clamp(fraction, 0.0, 1.0));
}

void FeedbackRange::throwIfCanceled() const
{
    if (m_feedback)
        m_feedback->throwIfCanceled();
}

} // namespace riskatlas
