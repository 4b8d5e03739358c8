// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "desktop/ahp_matrix_dialog.h"

#include "core/error.h"
#include "core/weights/ahp.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <cmath>

using namespace riskatlas;

namespace {

bool okEnabled(const desktop::AhpMatrixDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}

QString cell(const desktop::AhpMatrixDialog &dialog, int row, int column)
{
    return dialog.findChild<QTableWidget *>()->item(row, column)->text();
}

} // namespace

class AhpMatrixDialogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textbookMatrixIsConsistent();
    void sampleModelMatrix();
    void inconsistentMatrixBlocksOk();
    void badJudgementBlocksOk();
    void parsesFractions();
};

// Saaty's classic three-criteria example, worked by hand: A = [1 3 5; 1/3 1 3; 1/5 1/3 1].
// Principal eigenvector w ≈ (0.6370, 0.2583, 0.1047); λmax ≈ 3.0385, CI = (λmax − 3)/2 ≈ 0.0193,
// RI(3) = 0.58, CR ≈ 0.0332.
void AhpMatrixDialogTest::textbookMatrixIsConsistent()
{
    desktop::AhpMatrixDialog dialog(
        {QStringLiteral("洪涝"), QStringLiteral("地灾"), QStringLiteral("火灾")}, {});
    QVERIFY(okEnabled(dialog)); // all ones: CR 0
    dialog.setJudgement(0, 1, QStringLiteral("3"));
    dialog.setJudgement(0, 2, QStringLiteral("5"));
    dialog.setJudgement(1, 2, QStringLiteral("3"));
    // Reciprocals are filled in by the dialog.
    QCOMPARE(cell(dialog, 1, 0), QStringLiteral("1/3"));
    QCOMPARE(cell(dialog, 2, 0), QStringLiteral("1/5"));
    QCOMPARE(cell(dialog, 2, 1), QStringLiteral("1/3"));
    QCOMPARE(dialog.matrix()[2][0], 1.0 / 5);

    QVERIFY(dialog.consistencyRatio().has_value());
    QVERIFY(std::abs(*dialog.consistencyRatio() - 0.0332) < 5e-4);
    // The displayed CR is core's, to the digit.
    const weights::AhpResult core = weights::analyseAhp(dialog.matrix());
    QCOMPARE(*dialog.consistencyRatio(), core.consistencyRatio);
    QVERIFY(dialog.summaryText().contains(
        QStringLiteral("CR = %1").arg(core.consistencyRatio, 0, 'f', 4)));
    QVERIFY(dialog.summaryText().contains(QStringLiteral("#1a7f37"))); // green
    QVERIFY(std::abs(dialog.weights()[0] - 0.6370) < 5e-4);
    QVERIFY(std::abs(dialog.weights()[1] - 0.2583) < 5e-4);
    QVERIFY(std::abs(dialog.weights()[2] - 0.1047) < 5e-4);
    QVERIFY(okEnabled(dialog));
}

// docs/five-colour.md: the sample's hazard matrix gives λmax = 5.0364 and CR = 0.0081.
void AhpMatrixDialogTest::sampleModelMatrix()
{
    const double third = 1.0 / 3;
    const std::vector<std::vector<double>> matrix = {{1, 1, 2, 3, 4},
                                                     {1, 1, 2, 3, 4},
                                                     {0.5, 0.5, 1, 2, 3},
                                                     {third, third, 0.5, 1, 2},
                                                     {0.25, 0.25, third, 0.5, 1}};
    desktop::AhpMatrixDialog dialog({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                     QStringLiteral("d"), QStringLiteral("e")},
                                    matrix);
    QVERIFY(dialog.consistencyRatio().has_value());
    QVERIFY(std::abs(*dialog.consistencyRatio() - 0.0081) < 1e-4);
    QVERIFY(dialog.summaryText().contains(QStringLiteral("λmax = 5.0364")));
    QVERIFY(std::abs(dialog.weights()[0] - 0.3192) < 1e-4);
    QCOMPARE(cell(dialog, 4, 2), QStringLiteral("1/3"));
    QVERIFY(okEnabled(dialog));
}

// 1 ≫ 2 ≫ 3 but 3 ≫ 1: a circular judgement, [1 9 1/9; 1/9 1 9; 9 1/9 1]. Its λmax is
// 1 + 9 + 1/9 ≈ 10.11 (the matrix is circulant, w = 1/3 each), so CR = 3.56/0.58 ≫ 0.1.
void AhpMatrixDialogTest::inconsistentMatrixBlocksOk()
{
    desktop::AhpMatrixDialog dialog({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")},
                                    {});
    dialog.setJudgement(0, 1, QStringLiteral("9"));
    dialog.setJudgement(1, 2, QStringLiteral("9"));
    dialog.setJudgement(0, 2, QStringLiteral("1/9"));
    QVERIFY(dialog.consistencyRatio().has_value());
    QVERIFY(std::abs(*dialog.consistencyRatio() - (1 + 9 + 1.0 / 9 - 3) / 2 / 0.58) < 1e-6);
    QVERIFY(!dialog.isAcceptable());
    QVERIFY(!okEnabled(dialog));
    QVERIFY(dialog.summaryText().contains(QStringLiteral("#c62828"))); // red
    // Core refuses the same matrix.
    bool refused = false;
    try {
        weights::ahpWeights(dialog.matrix());
    } catch (const InputError &) {
        refused = true;
    }
    QVERIFY(refused);
    // Mending the circle re-enables OK.
    dialog.setJudgement(0, 2, QStringLiteral("9"));
    dialog.setJudgement(1, 2, QStringLiteral("3"));
    dialog.setJudgement(0, 1, QStringLiteral("3"));
    QVERIFY(okEnabled(dialog));
}

void AhpMatrixDialogTest::badJudgementBlocksOk()
{
    desktop::AhpMatrixDialog dialog({QStringLiteral("a"), QStringLiteral("b")}, {});
    dialog.setJudgement(0, 1, QStringLiteral("abc"));
    QVERIFY(!dialog.consistencyRatio().has_value());
    QVERIFY(!okEnabled(dialog));
    dialog.setJudgement(0, 1, QStringLiteral("0"));
    QVERIFY(!okEnabled(dialog));
    dialog.setJudgement(0, 1, QStringLiteral("2"));
    QVERIFY(okEnabled(dialog));
    QCOMPARE(cell(dialog, 1, 0), QStringLiteral("1/2"));
}

void AhpMatrixDialogTest::parsesFractions()
{
    using D = desktop::AhpMatrixDialog;
    QCOMPARE(D::parseJudgement(QStringLiteral(" 1/3 ")).value(), 1.0 / 3);
    QCOMPARE(D::parseJudgement(QStringLiteral("7")).value(), 7.0);
    QCOMPARE(D::parseJudgement(QStringLiteral("0.25")).value(), 0.25);
    QVERIFY(!D::parseJudgement(QStringLiteral("1/0")));
    QVERIFY(!D::parseJudgement(QStringLiteral("-2")));
    QVERIFY(!D::parseJudgement(QString()));
}

QTEST_MAIN(AhpMatrixDialogTest)
#include "ahp_matrix_dialog_test.moc"
