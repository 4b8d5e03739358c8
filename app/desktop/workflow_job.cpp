// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/workflow_job.h"

#include "core/error.h"
#include "core/feedback.h"

#include <QProgressDialog>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace riskatlas::desktop {

struct WorkflowJob::Outcome
{
    bool ok = false;
    bool cancelled = false;
    QString message;
};

WorkflowJob::WorkflowJob(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &WorkflowJob::updateProgress);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &WorkflowJob::jobDone);
}

WorkflowJob::~WorkflowJob()
{
    cancel();
    waitForFinished();
}

bool WorkflowJob::start(const QString &title, std::function<void(Feedback &)> work)
{
    if (isRunning())
        return false;
    m_feedback = std::make_shared<Feedback>();
    std::shared_ptr<Feedback> feedback = m_feedback;
    m_watcher.setFuture(QtConcurrent::run([feedback, work = std::move(work)] {
        auto outcome = std::make_shared<Outcome>();
        try {
            work(*feedback);
            outcome->ok = true;
        } catch (const CancelledError &) {
            outcome->cancelled = true;
        } catch (const Error &error) {
            outcome->message = error.formatted();
        } catch (const std::exception &error) {
            outcome->message = QString::fromLocal8Bit(error.what());
        }
        return outcome;
    }));

    m_dialog = new QProgressDialog(title, tr("Cancel"), 0, 100, m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(0);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    m_dialog->setValue(0);
    connect(m_dialog, &QProgressDialog::canceled, this, &WorkflowJob::cancel);
    m_dialog->show();
    m_timer->start();
    return true;
}

bool WorkflowJob::isRunning() const
{
    return m_watcher.isRunning();
}

void WorkflowJob::cancel()
{
    if (m_feedback)
        m_feedback->cancel();
    if (m_dialog)
        m_dialog->setLabelText(tr("Cancelling…"));
}

void WorkflowJob::waitForFinished()
{
    m_watcher.waitForFinished();
}

void WorkflowJob::updateProgress()
{
    if (!m_dialog || !m_feedback)
        return;
    if (!m_feedback->isCanceled()) {
        const QString step = m_feedback->step();
        if (!step.isEmpty())
            m_dialog->setLabelText(step);
    }
    m_dialog->setValue(int(m_feedback->progress()));
}

void WorkflowJob::jobDone()
{
    m_timer->stop();
    if (m_dialog)
        m_dialog->close();
    const std::shared_ptr<Outcome> outcome = m_watcher.result();
    Q_EMIT finished(outcome->ok, outcome->cancelled, outcome->message);
}

} // namespace riskatlas::desktop
