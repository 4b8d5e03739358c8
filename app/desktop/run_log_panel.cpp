// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/run_log_panel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace riskatlas::desktop {

namespace {

QString localTime(const QString &utc)
{
    const QDateTime time = QDateTime::fromString(utc, Qt::ISODateWithMs);
    return time.isValid()
               ? QLocale().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
               : utc;
}

QString statusText(const QString &status)
{
    if (status == QLatin1String("ok"))
        return RunLogPanel::tr("OK");
    if (status == QLatin1String("failed"))
        return RunLogPanel::tr("Failed");
    if (status == QLatin1String("cancelled"))
        return RunLogPanel::tr("Cancelled");
    return status;
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

RunLogPanel::RunLogPanel(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 6, this))
    , m_details(new QPlainTextEdit(this))
{
    m_table->setHorizontalHeaderLabels(
        {tr("Run"), tr("Started"), tr("Version"), tr("Duration"), tr("Status"), tr("Outputs")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a run to see its parameters, outputs and the "
                                     "checksums of its inputs."));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunLogPanel::showDetails);
}

void RunLogPanel::setRuns(const QList<project::RunRecord> &runs)
{
    m_runs = runs;
    // Newest first: the run just made is the one the user looks for.
    std::reverse(m_runs.begin(), m_runs.end());
    m_table->setRowCount(0);
    m_table->setRowCount(int(m_runs.size()));
    for (int row = 0; row < m_runs.size(); ++row) {
        const project::RunRecord &run = m_runs[row];
        const QStringList cells = {QString::number(run.id),
                                   localTime(run.started),
                                   run.softwareVersion,
                                   tr("%1 s").arg(QLocale().toString(run.durationSeconds, 'f', 1)),
                                   statusText(run.status),
                                   QString::number(run.outputs.size())};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column == 4 && run.status != QLatin1String("ok"))
                item->setForeground(QColor(180, 30, 30));
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    if (!m_runs.isEmpty())
        m_table->selectRow(0);
    else
        m_details->clear();
}

QString RunLogPanel::details() const
{
    return m_details->toPlainText();
}

void RunLogPanel::showDetails()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const project::RunRecord &run = m_runs.value(selected.first()->row());
    QStringList text;
    text << tr("Run %1: %2").arg(run.id).arg(statusText(run.status));
    text << tr("Started %1, finished %2 (UTC)").arg(run.started, run.finished);
    if (!run.message.isEmpty())
        text << QString() << tr("Message:") << run.message;
    text << QString() << tr("Input checksums (SHA-256):") << json(run.inputChecksums);
    text << QString() << tr("Outputs:") << json(run.outputs);
    text << QString() << tr("Parameters:") << json(run.parameters);
    m_details->setPlainText(text.join(u'\n'));
}

} // namespace riskatlas::desktop
