// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QProgressDialog;
class QTimer;
class QWidget;

namespace riskatlas {
class Feedback;
}

namespace riskatlas::desktop {

/// How a background task ended.
enum class TaskOutcome { Succeeded, Failed, Cancelled };

/// Runs one long job (a project run, an atlas export) on a worker thread behind a window-modal
/// progress dialog with Cancel, which cancels the job's Feedback. The job must check that
/// Feedback in its loops (core functions do) and must not touch widgets. `finished` is emitted
/// on the UI thread with the error as riskatlas::Error::formatted() prints it, and whether the
/// error was bad input. The task deletes itself after `finished`. Destroying the parent while
/// the job runs cancels it and waits for it.
class BackgroundTask : public QObject
{
    Q_OBJECT

public:
    using Job = std::function<void(Feedback &feedback)>;

    /// Starts `job` at once. `title` is the dialog's title; `dialogParent` owns the dialog.
    static BackgroundTask *start(const QString &title, Job job, QWidget *dialogParent);
    ~BackgroundTask() override;

    /// The progress dialog (for tests that press Cancel); null once finished.
    QProgressDialog *progressDialog() const;

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void finished(riskatlas::desktop::TaskOutcome outcome, const QString &message, bool badInput);

private:
    BackgroundTask(const QString &title, QWidget *dialogParent);
    void updateProgress();
    void done();

    std::shared_ptr<Feedback> m_feedback;
    QFutureWatcher<void> m_watcher;
    QPointer<QProgressDialog> m_dialog;
    QTimer *m_timer = nullptr;
    TaskOutcome m_outcome = TaskOutcome::Succeeded;
    QString m_message;
    bool m_badInput = false;
};

} // namespace riskatlas::desktop
