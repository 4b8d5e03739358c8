// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/error.h"
#include "core/weights/ahp.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace riskatlas::weights;

namespace {

QString messageOf(const DecisionMatrix &matrix)
{
    try {
        ahpWeights(matrix);
    } catch (const riskatlas::InputError &e) {
        return e.message();
    }
    return QStringLiteral("<no InputError>");
}

// Saaty, T. L. (1977), "A scaling method for priorities in hierarchical structures", J. Math.
// Psychology 15, 234–281, and The Analytic Hierarchy Process (1980), ch. 2: relative
// brightness of four chairs at increasing distances from a light, judged by eye. Printed:
// eigenvector (0.61, 0.24, 0.10, 0.05), λmax = 4.39, C.I. = 0.13 (inverse-square law:
// 0.61, 0.22, 0.11, 0.06).
const DecisionMatrix kChairs = {
    {1, 5, 6, 7}, {1.0 / 5, 1, 4, 6}, {1.0 / 6, 1.0 / 4, 1, 4}, {1.0 / 7, 1.0 / 6, 1.0 / 4, 1}};

// Same sources: relative wealth (GNP) of nations, US, USSR, China, France, UK, Japan,
// W. Germany. Printed: eigenvector (.427, .230, .021, .052, .052, .123, .094), λmax = 7.61,
// C.I. = .10, C.R. = .08.
const DecisionMatrix kWealth = {{1, 4, 9, 6, 6, 5, 5},
                                {1.0 / 4, 1, 7, 5, 5, 3, 4},
                                {1.0 / 9, 1.0 / 7, 1, 1.0 / 5, 1.0 / 5, 1.0 / 7, 1.0 / 5},
                                {1.0 / 6, 1.0 / 5, 5, 1, 1, 1.0 / 3, 1.0 / 3},
                                {1.0 / 6, 1.0 / 5, 5, 1, 1, 1.0 / 3, 1.0 / 3},
                                {1.0 / 5, 1.0 / 3, 7, 3, 3, 1, 2},
                                {1.0 / 5, 1.0 / 4, 5, 3, 3, 1.0 / 2, 1}};

TEST(AhpTest, SaatyChairsToPrintedPrecision)
{
    // The sources computed by hand with rounded intermediates, so agreement is to one unit of
    // the last printed digit (the full-precision check is AgreesWithLapackEigenvectors).
    const AhpResult r = analyseAhp(kChairs);
    const double printed[] = {0.61, 0.24, 0.10, 0.05};
    for (size_t i = 0; i < 4; ++i)
        EXPECT_NEAR(r.weights[i], printed[i], 0.01) << i;
    EXPECT_NEAR(r.lambdaMax, 4.39, 0.01);
    EXPECT_NEAR(r.consistencyIndex, 0.13, 0.01);
    EXPECT_DOUBLE_EQ(r.randomIndex, 0.90);
    // CR = 0.130/0.90 = 0.145: Saaty's own example fails his 0.1 rule.
    EXPECT_NEAR(r.consistencyRatio, 0.145, 0.0005);
    const QString message = messageOf(kChairs);
    EXPECT_TRUE(message.contains(QStringLiteral("CR = 0.145"))) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("RI = 0.90 for 4 criteria")))
        << message.toStdString();
}

TEST(AhpTest, SaatyWealthOfNationsToPrintedPrecision)
{
    const AhpResult r = ahpWeights(kWealth); // CR 0.08 < 0.1: accepted
    const double printed[] = {0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094};
    for (size_t i = 0; i < 7; ++i)
        EXPECT_NEAR(r.weights[i], printed[i], 0.001) << i;
    EXPECT_NEAR(r.lambdaMax, 7.61, 0.01);
    EXPECT_NEAR(r.consistencyIndex, 0.10, 0.01);
    EXPECT_NEAR(r.consistencyRatio, 0.08, 0.01);
}

TEST(AhpTest, AgreesWithLapackEigenvectors)
{
    // tests/data/classify/weights_reference.py (numpy 1.24.2, numpy.linalg.eig).
    const AhpResult chairs = analyseAhp(kChairs);
    const double chairsW[] = {0.6186687796321189, 0.2353228216445599, 0.10093397289776256,
                              0.0450744258255588};
    for (size_t i = 0; i < 4; ++i)
        EXPECT_NEAR(chairs.weights[i], chairsW[i], 1e-11) << i;
    EXPECT_NEAR(chairs.lambdaMax, 4.3907302185762, 1e-10);
    EXPECT_GT(chairs.iterations, 0);

    const AhpResult wealth = analyseAhp(kWealth);
    const double wealthW[] = {0.427115021746627,   0.2302931902615256,  0.02083841089648017,
                              0.05238562086916693, 0.05238562086916693, 0.12271940076039975,
                              0.09426273459663366};
    for (size_t i = 0; i < 7; ++i)
        EXPECT_NEAR(wealth.weights[i], wealthW[i], 1e-11) << i;
    EXPECT_NEAR(wealth.lambdaMax, 7.6077202688596035, 1e-10);
    EXPECT_NEAR(wealth.consistencyIndex, 0.10128671147660058, 1e-10);
}

TEST(AhpTest, GeometricMeanApproximation)
{
    const AhpResult r = analyseAhp(kWealth, AhpMethod::GeometricMean);
    const double expected[] = {0.41715725573822926, 0.23148902999319165, 0.01988843976160123,
                               0.05351202749360526, 0.05351202749360526, 0.1282260095136379,
                               0.09621521000612952};
    for (size_t i = 0; i < 7; ++i)
        EXPECT_NEAR(r.weights[i], expected[i], 1e-14) << i;
    EXPECT_NEAR(r.lambdaMax, 7.602038440054211, 1e-12);
    EXPECT_EQ(r.iterations, 0);
}

TEST(AhpTest, ConsistentMatrixAndSmallCases)
{
    // a_ij = w_i / w_j for w = (4, 2, 1): λmax = n, CI = CR = 0.
    const DecisionMatrix consistent = {{1, 2, 4}, {0.5, 1, 2}, {0.25, 0.5, 1}};
    for (const AhpMethod method : {AhpMethod::PrincipalEigenvector, AhpMethod::GeometricMean}) {
        const AhpResult r = ahpWeights(consistent, method);
        EXPECT_NEAR(r.weights[0], 4.0 / 7, 1e-12);
        EXPECT_NEAR(r.weights[1], 2.0 / 7, 1e-12);
        EXPECT_NEAR(r.weights[2], 1.0 / 7, 1e-12);
        EXPECT_NEAR(r.lambdaMax, 3.0, 1e-12);
        EXPECT_NEAR(r.consistencyRatio, 0.0, 1e-12);
    }
    EXPECT_EQ(ahpWeights({{1}}).weights, (std::vector<double>{1.0}));
    const AhpResult two = ahpWeights({{1, 3}, {1.0 / 3, 1}});
    EXPECT_NEAR(two.weights[0], 0.75, 1e-12);
    EXPECT_EQ(two.consistencyRatio, 0.0);
}

TEST(AhpTest, RandomIndexTable)
{
    const double saaty[] = {0,    0,    0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                            1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
    for (int n = 1; n <= 15; ++n)
        EXPECT_DOUBLE_EQ(saatyRandomIndex(n), saaty[n - 1]) << n;
    EXPECT_THROW(saatyRandomIndex(0), riskatlas::InputError);
    EXPECT_THROW(saatyRandomIndex(16), riskatlas::InputError);
}

TEST(AhpTest, InvalidMatricesNameTheCell)
{
    QString message = messageOf({{1, 3, 5}, {1.0 / 3, 1, 2}, {0.2, 0.333, 1}});
    EXPECT_TRUE(message.contains(QStringLiteral("cell (row 3, column 2) is 0.333, not the "
                                                "reciprocal 1/2 = 0.5 of cell (row 2, column 3)")))
        << message.toStdString();
    message = messageOf({{1, 2}, {0.5, 2}});
    EXPECT_TRUE(message.contains(QStringLiteral("diagonal cell (row 2, column 2) is 2")))
        << message.toStdString();
    message = messageOf({{1, -2}, {-0.5, 1}});
    EXPECT_TRUE(message.contains(QStringLiteral("cell (row 1, column 2) is -2")))
        << message.toStdString();
    message = messageOf({{1, 2, 3}, {0.5, 1, 2}});
    EXPECT_TRUE(message.contains(QStringLiteral("square"))) << message.toStdString();
    message = messageOf({{1, 2}, {0.5}});
    EXPECT_TRUE(message.contains(QStringLiteral("row 2 has 1 value"))) << message.toStdString();
    message = messageOf({{1, std::nan("")}, {0.5, 1}});
    EXPECT_TRUE(message.contains(QStringLiteral("row 1, column 2"))) << message.toStdString();
    EXPECT_THROW(ahpWeights({}), riskatlas::InputError);
    EXPECT_THROW(ahpWeights(DecisionMatrix(16, std::vector<double>(16, 1.0))),
                 riskatlas::InputError);
}

} // namespace
