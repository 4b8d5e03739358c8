// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/classify/equal_interval_breaks.h"
#include "core/classify/goodness_of_variance_fit.h"
#include "core/classify/manual_breaks.h"
#include "core/classify/quantile_breaks.h"
#include "core/classify/standard_deviation_breaks.h"
#include "core/error.h"
#include "support/test_support.h"

#include <QFile>
#include <QTextStream>

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <functional>
#include <limits>

using namespace riskatlas::classify;

namespace {

std::vector<double> readDataset(const QString &name)
{
    QFile file(riskatlas::test::testDataPath(QStringLiteral("classify/") + name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly | QIODevice::Text)) << name.toStdString();
    QTextStream in(&file);
    in.readLine();
    std::vector<double> values;
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (!line.isEmpty())
            values.push_back(line.mid(line.lastIndexOf(QLatin1Char(',')) + 1).toDouble());
    }
    return values;
}

QString messageOf(const std::function<void()> &call)
{
    try {
        call();
    } catch (const riskatlas::InputError &e) {
        return e.message();
    }
    return QStringLiteral("<no InputError>");
}

TEST(ClassBreaksTest, ValueOnABreakGoesToTheLowerClass)
{
    // QGIS: ranges [1,3] [3,5] [5,9]; the first range holding the value wins.
    const ClassBreaks breaks = manualBreaks({1, 2, 3, 4, 5, 6, 9}, {3, 5});
    EXPECT_EQ(breaks.classCount(), 3);
    EXPECT_EQ(breaks.classOf(1), 1);
    EXPECT_EQ(breaks.classOf(3), 1);
    EXPECT_EQ(breaks.classOf(std::nextafter(3.0, 4.0)), 2);
    EXPECT_EQ(breaks.classOf(5), 2);
    EXPECT_EQ(breaks.classOf(5.5), 3);
    EXPECT_EQ(breaks.classOf(9), 3);
    EXPECT_EQ(breaks.classCounts, (std::vector<qsizetype>{3, 2, 2}));
}

TEST(ClassBreaksTest, OutsideTheRangeIsNoClass)
{
    const ClassBreaks breaks = manualBreaks({1, 2, 3, 4, 5, 6, 9}, {3, 5});
    EXPECT_EQ(breaks.classOf(0.999), 0);
    EXPECT_EQ(breaks.classOf(9.001), 0);
    EXPECT_EQ(breaks.classOf(std::nan("")), 0);
    EXPECT_EQ(breaks.classOf(std::numeric_limits<double>::infinity()), 0);
    // QGIS's second chance: within 4·DBL_EPSILON of an outer edge.
    EXPECT_EQ(breaks.classOf(1.0 - 2 * DBL_EPSILON), 1);
    EXPECT_EQ(breaks.classOf(9.0 + 4 * DBL_EPSILON), 3);
}

// Reference breaks from QGIS 3.22.16 itself (make_qgis_reference.py, qgis_reference.csv).
void compareWithQgis(const QString &method, ClassBreaks (*ours)(const std::vector<double> &, int),
                     double tolerance)
{
    QFile file(riskatlas::test::testDataPath(QStringLiteral("classify/qgis_reference.csv")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QTextStream in(&file);
    in.readLine();
    int rows = 0;
    while (!in.atEnd()) {
        const QStringList f = in.readLine().split(QLatin1Char(','));
        if (f.size() != 5 || f[2] != method)
            continue;
        ++rows;
        SCOPED_TRACE(QString(f[0] + QLatin1Char(' ') + f[1]).toStdString());
        std::vector<double> expected;
        for (const QString &b : f[3].split(QLatin1Char(' ')))
            expected.push_back(b.toDouble());
        const ClassBreaks breaks = ours(readDataset(f[0]), f[1].toInt());
        ASSERT_EQ(breaks.upperBreaks.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            EXPECT_NEAR(breaks.upperBreaks[i], expected[i],
                        tolerance * std::max(1.0, std::abs(expected[i])))
                << i;
        }
    }
    EXPECT_EQ(rows, 24);
}

TEST(ClassBreaksTest, QuantileMatchesQgis)
{
    compareWithQgis(QStringLiteral("Quantile"), &quantileBreaks, 0.0);
}

TEST(ClassBreaksTest, EqualIntervalMatchesQgis)
{
    compareWithQgis(QStringLiteral("EqualInterval"), &equalIntervalBreaks, 1e-14);
}

TEST(ClassBreaksTest, QuantileByHand)
{
    // n = 10, k = 4: a = 0.25·9 = 2.25 → x[2] + 0.25·(x[3] − x[2]) = 3 + 0.25·7 = 4.75.
    const ClassBreaks breaks = quantileBreaks({40, 1, 2, 3, 10, 11, 12, 20, 21, 22}, 4);
    EXPECT_EQ(breaks.upperBreaks, (std::vector<double>{4.75, 11.5, 20.75, 40}));
    EXPECT_EQ(breaks.classCounts, (std::vector<qsizetype>{3, 2, 2, 3}));
    // Ties make equal breaks and an empty class.
    const ClassBreaks tied = quantileBreaks({1, 1, 1, 1, 1, 1, 1, 2}, 4);
    EXPECT_EQ(tied.upperBreaks, (std::vector<double>{1, 1, 1, 2}));
    EXPECT_EQ(tied.classCounts, (std::vector<qsizetype>{7, 0, 0, 1}));
    EXPECT_TRUE(tied.notes.join(QLatin1Char(' ')).contains(QStringLiteral("2 class")));
    EXPECT_EQ(quantileBreaks({3}, 3).upperBreaks, (std::vector<double>{3, 3, 3}));
}

TEST(ClassBreaksTest, EqualIntervalByHand)
{
    const ClassBreaks breaks = equalIntervalBreaks({0, 1, 2, 10}, 5);
    EXPECT_EQ(breaks.upperBreaks, (std::vector<double>{2, 4, 6, 8, 10}));
    EXPECT_EQ(breaks.classCounts, (std::vector<qsizetype>{3, 0, 0, 0, 1}));
    const ClassBreaks constant = equalIntervalBreaks({7, 7}, 3);
    EXPECT_EQ(constant.upperBreaks, (std::vector<double>{7, 7, 7}));
    EXPECT_EQ(constant.classOf(7), 1);
}

TEST(ClassBreaksTest, StandardDeviationFiveClasses)
{
    // μ = 5, population σ = 2: μ ± 0.5σ = 4, 6 and μ ± 1.5σ = 2, 8.
    const std::vector<double> values{2, 4, 4, 4, 5, 5, 7, 9};
    const ClassBreaks breaks = standardDeviationBreaks(values);
    EXPECT_EQ(breaks.upperBreaks, (std::vector<double>{2, 4, 6, 8, 9}));
    EXPECT_EQ(breaks.classCounts, (std::vector<qsizetype>{1, 3, 2, 1, 1}));
    EXPECT_EQ(breaks.classOf(4), 2); // on μ − 0.5σ: the lower class

    const MeanAndDeviation sample = meanAndStandardDeviation(values, Dispersion::Sample);
    EXPECT_DOUBLE_EQ(sample.standardDeviation, std::sqrt(32.0 / 7.0));
    const ClassBreaks sampleBreaks = standardDeviationBreaks(values, 5, 1.0, Dispersion::Sample);
    EXPECT_DOUBLE_EQ(sampleBreaks.upperBreaks[0], 5 - 1.5 * std::sqrt(32.0 / 7.0));

    // Four classes one σ wide: μ − σ, μ, μ + σ. Half-σ classes: μ ± 0.25σ, μ ± 0.75σ.
    EXPECT_EQ(standardDeviationBreaks(values, 4).upperBreaks, (std::vector<double>{3, 5, 7, 9}));
    EXPECT_EQ(standardDeviationBreaks(values, 5, 0.5).upperBreaks,
              (std::vector<double>{3.5, 4.5, 5.5, 6.5, 9}));
}

TEST(ClassBreaksTest, StandardDeviationBreaksBeyondTheData)
{
    // μ = 1, σ = 3: −3.5, −0.5, 2.5, 5.5 — the two lowest classes are empty.
    const ClassBreaks low = standardDeviationBreaks({0, 0, 0, 0, 0, 0, 0, 0, 0, 10});
    EXPECT_EQ(low.upperBreaks, (std::vector<double>{-3.5, -0.5, 2.5, 5.5, 10}));
    EXPECT_EQ(low.classCounts, (std::vector<qsizetype>{0, 0, 9, 0, 1}));
    EXPECT_EQ(low.classOf(0), 3);
    // μ = 9, σ = 3: 4.5, 7.5, 10.5, 13.5 — above the maximum 10, so classes 4 and 5 are empty.
    const ClassBreaks high = standardDeviationBreaks({0, 10, 10, 10, 10, 10, 10, 10, 10, 10});
    EXPECT_EQ(high.upperBreaks, (std::vector<double>{4.5, 7.5, 10.5, 13.5, 10}));
    EXPECT_EQ(high.classCounts, (std::vector<qsizetype>{1, 0, 9, 0, 0}));
    EXPECT_EQ(high.classOf(10), 3);
    EXPECT_TRUE(high.notes.join(QLatin1Char(' ')).contains(QStringLiteral("3 class")));

    const ClassBreaks constant = standardDeviationBreaks({2, 2, 2});
    EXPECT_EQ(constant.upperBreaks, (std::vector<double>{2, 2, 2, 2, 2}));
    EXPECT_EQ(constant.classOf(2), 1);
    EXPECT_TRUE(constant.notes[0].contains(QStringLiteral("standard deviation 0")));
    EXPECT_THROW(standardDeviationBreaks({1, 2}, 5, 0.0), riskatlas::InputError);
    EXPECT_THROW(standardDeviationBreaks({1, 2}, 5, std::nan("")), riskatlas::InputError);
}

TEST(ClassBreaksTest, ManualBreaksAreValidated)
{
    const std::vector<double> values{1, 2, 3, 4, 5, 6, 9};
    EXPECT_EQ(manualBreaks(values, {}).upperBreaks, (std::vector<double>{9}));
    const ClassBreaks edge = manualBreaks(values, {1, 9});
    EXPECT_EQ(edge.classCounts, (std::vector<qsizetype>{1, 6, 0}));
    EXPECT_TRUE(edge.notes.join(QLatin1Char(' ')).contains(QStringLiteral("1 class")));

    QString message = messageOf([&] { manualBreaks(values, {3, 3}); });
    EXPECT_TRUE(message.contains(QStringLiteral("break 2 (3) is not above break 1")))
        << message.toStdString();
    message = messageOf([&] { manualBreaks(values, {5, 4}); });
    EXPECT_TRUE(message.contains(QStringLiteral("break 2 (4)"))) << message.toStdString();
    message = messageOf([&] { manualBreaks(values, {3, 10}); });
    EXPECT_TRUE(message.contains(QStringLiteral("break 2 (10) lies outside the data's range 1 "
                                                "to 9")))
        << message.toStdString();
    message = messageOf([&] { manualBreaks(values, {0.5}); });
    EXPECT_TRUE(message.contains(QStringLiteral("break 1 (0.5)"))) << message.toStdString();
    message = messageOf([&] { manualBreaks(values, {std::nan("")}); });
    EXPECT_TRUE(message.contains(QStringLiteral("not a finite number"))) << message.toStdString();
    EXPECT_THROW(manualBreaks(values, std::vector<double>(300, 2.0)), riskatlas::InputError);
}

TEST(ClassBreaksTest, NaNIgnoredInfinityRejected)
{
    const double nan = std::nan("");
    const ClassBreaks breaks = equalIntervalBreaks({nan, 0, 10, nan, nan}, 2);
    EXPECT_EQ(breaks.upperBreaks, (std::vector<double>{5, 10}));
    EXPECT_EQ(breaks.ignoredNaNCount, 3);
    EXPECT_EQ(breaks.valueCount, 2);
    EXPECT_TRUE(breaks.notes[0].contains(QStringLiteral("3 NaN")));
    EXPECT_THROW(quantileBreaks({1, -std::numeric_limits<double>::infinity()}, 2),
                 riskatlas::InputError);
    EXPECT_THROW(quantileBreaks({nan, nan}, 2), riskatlas::InputError);
    EXPECT_THROW(equalIntervalBreaks({1, 2}, 0), riskatlas::InputError);
}

TEST(ClassBreaksTest, GoodnessOfVarianceFit)
{
    // SDAM = 3304 − 142²/10 = 1287.6; classes {1,2,3} {10,11,12} {20,21,22,40}:
    // SDCM = 2 + 2 + 272.75.
    const std::vector<double> values{1, 2, 3, 10, 11, 12, 20, 21, 22, 40};
    const ClassBreaks breaks = manualBreaks(values, {3, 12});
    EXPECT_NEAR(goodnessOfVarianceFit(values, breaks), 1.0 - 276.75 / 1287.6, 1e-15);
    // One class: no fit at all; a class per value: a perfect fit.
    EXPECT_NEAR(goodnessOfVarianceFit(values, manualBreaks(values, {})), 0.0, 1e-15);
    EXPECT_NEAR(
        goodnessOfVarianceFit(values, manualBreaks(values, {1, 2, 3, 10, 11, 12, 20, 21, 22})), 1.0,
        1e-15);
    EXPECT_EQ(goodnessOfVarianceFit({5, 5, std::nan("")}, manualBreaks({5, 5}, {})), 1.0);
    const QString message = messageOf([&] { goodnessOfVarianceFit({1, 50}, breaks); });
    EXPECT_TRUE(message.contains(QStringLiteral("value 50"))) << message.toStdString();
}

} // namespace
