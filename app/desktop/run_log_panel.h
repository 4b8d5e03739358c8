// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include "core/project/run_record.h"

#include <QList>
#include <QWidget>

class QPlainTextEdit;
class QTableWidget;

namespace riskatlas::desktop {

/// The run log of the open project (riskatlas_runs): one row per run, newest first, with its
/// start time (local), software version, duration, status and number of outputs; the details
/// pane shows the selected run's message, parameters, outputs and input checksums.
class RunLogPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RunLogPanel(QWidget *parent = nullptr);

    void setRuns(const QList<project::RunRecord> &runs);
    QTableWidget *table() const { return m_table; }
    QString details() const;

private:
    void showDetails();

    QList<project::RunRecord> m_runs;
    QTableWidget *m_table;
    QPlainTextEdit *m_details;
};

} // namespace riskatlas::desktop
