// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/ahp_matrix_dialog.h"

#include "core/error.h"
#include "core/weights/ahp.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace riskatlas::desktop {

namespace {

// Judgements are shown as the user would write them: 3, 1/3, 0.75.
QString judgementText(double value)
{
    if (value >= 1 || value <= 0)
        return QString::number(value, 'g', 6);
    const double inverse = 1.0 / value;
    if (std::abs(inverse - std::round(inverse)) < 1e-9)
        return QStringLiteral("1/%1").arg(qint64(std::round(inverse)));
    return QString::number(value, 'g', 6);
}

} // namespace

AhpMatrixDialog::AhpMatrixDialog(const QStringList &labels,
                                 const std::vector<std::vector<double>> &matrix, QWidget *parent)
    : QDialog(parent)
    , m_labels(labels)
    , m_table(new QTableWidget(int(labels.size()), int(labels.size()), this))
    , m_summary(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("AHP pairwise comparison"));
    const auto n = std::size_t(labels.size());
    m_matrix.assign(n, std::vector<double>(n, 1.0));
    if (matrix.size() == n) {
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n && j < matrix[i].size(); ++j)
                m_matrix[i][j] = matrix[i][j];
        }
    }
    // The lower triangle always follows the upper one, whatever the file held.
    for (std::size_t i = 0; i < n; ++i) {
        m_matrix[i][i] = 1.0;
        for (std::size_t j = i + 1; j < n; ++j)
            m_matrix[j][i] = m_matrix[i][j] > 0 ? 1.0 / m_matrix[i][j] : 0.0;
    }

    m_table->setHorizontalHeaderLabels(labels);
    m_table->setVerticalHeaderLabels(labels);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (int i = 0; i < int(n); ++i) {
        for (int j = 0; j < int(n); ++j) {
            auto *item = new QTableWidgetItem(judgementText(m_matrix[i][j]));
            item->setTextAlignment(Qt::AlignCenter);
            if (j <= i) {
                item->setFlags(Qt::ItemIsEnabled);
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            }
            m_table->setItem(i, j, item);
        }
    }
    connect(m_table, &QTableWidget::itemChanged, this, &AhpMatrixDialog::cellEdited);

    auto *help = new QLabel(tr("Row against column on Saaty's 1–9 scale: 3 = the row matters "
                               "moderately more, 1/3 = moderately less. The lower triangle "
                               "holds the reciprocals. OK needs a consistency ratio below 0.1."),
                            this);
    help->setWordWrap(true);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(m_table);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

std::optional<double> AhpMatrixDialog::parseJudgement(const QString &text)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    double value = 0;
    if (const qsizetype slash = trimmed.indexOf(u'/'); slash >= 0) {
        bool okNumerator = false;
        bool okDenominator = false;
        const double numerator = trimmed.left(slash).trimmed().toDouble(&okNumerator);
        const double denominator = trimmed.mid(slash + 1).trimmed().toDouble(&okDenominator);
        ok = okNumerator && okDenominator && denominator != 0;
        if (ok)
            value = numerator / denominator;
    } else {
        value = trimmed.toDouble(&ok);
    }
    if (!ok || !std::isfinite(value) || value <= 0)
        return std::nullopt;
    return value;
}

void AhpMatrixDialog::setJudgement(int row, int column, const QString &text)
{
    if (QTableWidgetItem *item = m_table->item(row, column))
        item->setText(text);
}

void AhpMatrixDialog::cellEdited(QTableWidgetItem *item)
{
    if (m_updating)
        return;
    const int i = item->row();
    const int j = item->column();
    if (j <= i)
        return;
    const std::optional<double> value = parseJudgement(item->text());
    m_updating = true;
    if (value) {
        m_matrix[i][j] = *value;
        m_matrix[j][i] = 1.0 / *value;
        m_table->item(j, i)->setText(judgementText(1.0 / *value));
        item->setBackground({});
    } else {
        m_matrix[i][j] = 0;
        m_matrix[j][i] = 0;
        m_table->item(j, i)->setText(QStringLiteral("?"));
        item->setBackground(QColor(255, 200, 200));
    }
    m_updating = false;
    refresh();
}

void AhpMatrixDialog::refresh()
{
    m_cr.reset();
    m_weights.clear();
    QString text;
    try {
        const weights::AhpResult result = weights::analyseAhp(m_matrix);
        m_cr = result.consistencyRatio;
        m_weights = result.weights;
        QStringList parts;
        for (int i = 0; i < m_labels.size(); ++i)
            parts << QStringLiteral("%1 %2").arg(m_labels.at(i)).arg(result.weights[i], 0, 'f', 4);
        const bool ok = result.consistencyRatio < weights::kAhpMaxConsistencyRatio;
        text = tr("Weights: %1<br>λmax = %2, CI = %3, RI = %4<br><b style=\"color:%5\">CR = %6 "
                  "%7</b>")
                   .arg(parts.join(QStringLiteral(", ")).toHtmlEscaped())
                   .arg(result.lambdaMax, 0, 'f', 4)
                   .arg(result.consistencyIndex, 0, 'f', 4)
                   .arg(result.randomIndex, 0, 'f', 2)
                   .arg(ok ? QStringLiteral("#1a7f37") : QStringLiteral("#c62828"))
                   .arg(result.consistencyRatio, 0, 'f', 4)
                   .arg(ok ? tr("(consistent)")
                           : tr("(inconsistent: 0.1 or more, revise the judgements)"));
    } catch (const Error &error) {
        text = QStringLiteral("<b style=\"color:#c62828\">%1</b>")
                   .arg(error.message().toHtmlEscaped());
    }
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(isAcceptable());
}

bool AhpMatrixDialog::isAcceptable() const
{
    return m_cr && *m_cr < weights::kAhpMaxConsistencyRatio;
}

QString AhpMatrixDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace riskatlas::desktop
