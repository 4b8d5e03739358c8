// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/background_task.h"

#include "core/error.h"
#include "core/feedback.h"

#include <QProgressDialog>
#include <QTimer>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace riskatlas::desktop {

namespace {

struct JobResult
{
    TaskOutcome outcome = TaskOutcome::Succeeded;
    QString message;
    bool badInput = false;
};

} // namespace

BackgroundTask::BackgroundTask(const QString &title, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_feedback(std::make_shared<Feedback>())
    , m_dialog(new QProgressDialog(dialogParent))
    , m_timer(new QTimer(this))
{
    m_dialog->setWindowTitle(title);
    m_dialog->setLabelText(title);
    m_dialog->setRange(0, 100);
    m_dialog->setMinimumDuration(300);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setValue(0);
    connect(m_dialog, &QProgressDialog::canceled, this, &BackgroundTask::cancel);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &BackgroundTask::updateProgress);
}

BackgroundTask *BackgroundTask::start(const QString &title, Job job, QWidget *dialogParent)
{
    auto *task = new BackgroundTask(title, dialogParent);
    auto result = std::make_shared<JobResult>();
    std::shared_ptr<Feedback> feedback = task->m_feedback;
    connect(&task->m_watcher, &QFutureWatcher<void>::finished, task, [task, result] {
        task->m_outcome = result->outcome;
        task->m_message = result->message;
        task->m_badInput = result->badInput;
        task->done();
    });
    // The job and its result own shared state only, so a task deleted early (window closed)
    // leaves the worker nothing dangling; the destructor waits for it all the same.
    task->m_watcher.setFuture(QtConcurrent::run([job = std::move(job), feedback, result] {
        try {
            job(*feedback);
            if (feedback->isCanceled())
                result->outcome = TaskOutcome::Cancelled;
        } catch (const Error &error) {
            result->outcome =
                error.kind() == ErrorKind::Cancelled ? TaskOutcome::Cancelled : TaskOutcome::Failed;
            result->message = error.formatted();
            result->badInput = error.kind() == ErrorKind::BadInput;
        } catch (const std::exception &error) {
            result->outcome = TaskOutcome::Failed;
            result->message = QString::fromLocal8Bit(error.what());
        }
    }));
    task->m_timer->start();
    return task;
}

BackgroundTask::~BackgroundTask()
{
    if (m_watcher.isRunning()) {
        m_feedback->cancel();
        m_watcher.waitForFinished();
    }
    if (m_dialog)
        m_dialog->deleteLater();
}

QProgressDialog *BackgroundTask::progressDialog() const
{
    return m_dialog;
}

void BackgroundTask::cancel()
{
    m_feedback->cancel();
    if (m_dialog)
        m_dialog->setLabelText(tr("Cancelling…"));
}

void BackgroundTask::updateProgress()
{
    if (!m_dialog || m_feedback->isCanceled())
        return;
    const QString step = m_feedback->step();
    if (!step.isEmpty())
        m_dialog->setLabelText(m_dialog->windowTitle() + QStringLiteral("\n") + step);
    m_dialog->setValue(int(m_feedback->progress()));
}

void BackgroundTask::done()
{
    m_timer->stop();
    if (m_dialog) {
        // Closing a progress dialog emits canceled(); nothing is left to cancel.
        m_dialog->disconnect(this);
        m_dialog->hide();
        m_dialog->deleteLater();
        m_dialog = nullptr;
    }
    Q_EMIT finished(m_outcome, m_message, m_badInput);
    deleteLater();
}

} // namespace riskatlas::desktop
