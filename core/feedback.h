// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <mutex>

namespace riskatlas {

/// Progress, messages and cancellation for long work, shared by the CLI (progress bar) and
/// the app (progress dialog), as QgsFeedback is. Thread-safe: workers report and poll
/// isCanceled() from any thread; cancel() may be called from any thread (e.g. a signal).
class Feedback
{
public:
    using ProgressCallback = std::function<void(double percent, const QString &step)>;

    Feedback() = default;
    Feedback(const Feedback &) = delete;
    Feedback &operator=(const Feedback &) = delete;

    void cancel() { m_canceled.store(true, std::memory_order_relaxed); }
    bool isCanceled() const { return m_canceled.load(std::memory_order_relaxed); }
    /// Throws CancelledError when cancel() was called; every feature loop calls this.
    void throwIfCanceled() const;

    /// Percent 0–100 of the current step; listeners are called at most every 0.5 %.
    void setProgress(double percent);
    double progress() const { return m_progress.load(std::memory_order_relaxed); }
    /// Names the current step ("reading", "repairing geometries", …).
    void setStep(const QString &step);
    QString step() const;

    /// Non-fatal problems, kept for the report.
    void pushWarning(const QString &message);
    QStringList warnings() const;

    /// Called on the reporting thread; keep it cheap and thread-safe.
    void setProgressCallback(ProgressCallback callback);

private:
    std::atomic<bool> m_canceled{false};
    std::atomic<double> m_progress{0.0};
    std::atomic<double> m_lastReported{-1.0};
    mutable std::mutex m_mutex;
    QString m_step;
    QStringList m_warnings;
    ProgressCallback m_callback;
};

/// Maps a sub-range of a parent's progress (e.g. reading = 0–40 %) for multi-step work.
class FeedbackRange
{
public:
    FeedbackRange(Feedback *feedback, double from, double to)
        : m_feedback(feedback)
        , m_from(from)
        , m_to(to)
    {}
    void setFraction(double fraction) const;
    void throwIfCanceled() const;
    Feedback *feedback() const { return m_feedback; }

private:
    Feedback *m_feedback;
    double m_from;
    double m_to;
};

} // namespace riskatlas
