// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QProgressDialog>

#include <functional>
#include <memory>

class QTimer;
class QWidget;

namespace riskatlas {
class Feedback;
}

namespace riskatlas::desktop {

/// Runs one long core call (a five-colour model, an enterprise job) on a worker thread behind
/// a modal progress dialog whose Cancel cancels the core Feedback. The work function runs on
/// the worker and must only touch what it captured by value; finished() is emitted on the UI
/// thread. One job at a time per runner. UI thread only.
class WorkflowJob : public QObject
{
    Q_OBJECT

public:
    /// `dialogParent` parents the progress dialog; it must outlive the runner.
    explicit WorkflowJob(QWidget *dialogParent);
    ~WorkflowJob() override;

    /// Starts `work` with a fresh Feedback; `title` labels the progress dialog. Returns false
    /// (and starts nothing) while another job is running.
    bool start(const QString &title, std::function<void(Feedback &)> work);
    bool isRunning() const;
    /// Cancels the running job (what the dialog's Cancel does).
    void cancel();
    /// Blocks until the running job, if any, has stopped (tests, shutdown).
    void waitForFinished();
    /// Whether the progress dialog is shown (only while running); for tests.
    QProgressDialog *progressDialog() const { return m_dialog; }

Q_SIGNALS:
    /// `ok` false: `message` is the error as the CLI prints it, or empty when cancelled.
    void finished(bool ok, bool cancelled, const QString &message);

private:
    struct Outcome;
    void jobDone();
    void updateProgress();

    QWidget *m_dialogParent;
    std::shared_ptr<Feedback> m_feedback;
    QFutureWatcher<std::shared_ptr<Outcome>> m_watcher;
    QPointer<QProgressDialog> m_dialog;
    QTimer *m_timer;
};

} // namespace riskatlas::desktop
