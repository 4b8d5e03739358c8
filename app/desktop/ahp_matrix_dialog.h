// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QDialog>
#include <QStringList>

#include <optional>
#include <vector>

class QDialogButtonBox;
class QLabel;
class QTableWidget;
class QTableWidgetItem;

namespace riskatlas::desktop {

/// Editor of an AHP pairwise comparison matrix (weights.*.matrix of the five-colour model).
/// The user types the upper triangle as a number or a fraction ("3", "1/3", Saaty's 1/9…9);
/// the diagonal is 1 and the lower triangle is filled with the reciprocals. Weights, λmax and
/// the consistency ratio come from core (weights::analyseAhp) after every edit; the CR is
/// shown green below 0.1 and red from 0.1 on, where OK is disabled, as core's ahpWeights()
/// refuses such a matrix.
class AhpMatrixDialog : public QDialog
{
    Q_OBJECT

public:
    /// `labels` name the criteria in matrix order; `matrix` is n×n or empty (all 1).
    AhpMatrixDialog(const QStringList &labels, const std::vector<std::vector<double>> &matrix,
                    QWidget *parent = nullptr);

    /// The full reciprocal matrix as edited (reciprocals as exact 1/x).
    std::vector<std::vector<double>> matrix() const { return m_matrix; }
    /// CR of the current matrix, or nullopt when a cell is not a positive number.
    std::optional<double> consistencyRatio() const { return m_cr; }
    std::vector<double> weights() const { return m_weights; }
    /// Sets cell (row, column) of the upper triangle (row < column) as if typed.
    void setJudgement(int row, int column, const QString &text);
    /// The text shown under the matrix: weights, λmax and CR.
    QString summaryText() const;
    bool isAcceptable() const;

    /// Parses "3", "0.5", "1/3"; nullopt unless positive and finite.
    static std::optional<double> parseJudgement(const QString &text);

private:
    void cellEdited(QTableWidgetItem *item);
    void refresh();

    QStringList m_labels;
    std::vector<std::vector<double>> m_matrix;
    std::vector<double> m_weights;
    std::optional<double> m_cr;
    QTableWidget *m_table;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    bool m_updating = false;
};

} // namespace riskatlas::desktop
