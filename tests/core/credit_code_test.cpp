// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/credit_code.h"

#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace riskatlas::enterprise;

// 91350100M000100Y4 worked out by hand with GB 32100-2015's values (0-9 = 0-9, A = 10, …,
// M = 21, Y = 30) and weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
// 9·1 + 1·3 + 3·9 + 5·27 + 0 + 1·26 + 0 + 0 + 21·20 + 0 + 0 + 0 + 1·8 + 0 + 0 + 30·30 + 4·28
// = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
TEST(CreditCode, CheckCharacterWorkedByHand)
{
    EXPECT_EQ(creditCodeCheckCharacter(QStringLiteral("91350100M000100Y4")), u'3');
    EXPECT_FALSE(creditCodeProblem(QStringLiteral("91350100M000100Y43")).has_value());
    // Spaces around and lower case are accepted.
    EXPECT_FALSE(creditCodeProblem(QStringLiteral(" 91350100m000100y43 ")).has_value());
}

// A sum that is a multiple of 31 gives 31 − 0 = 31, written as 0: all 17 zeros give Σ = 0.
// 91330324MA2L0000X (M = 21, A = 10, L = 20, X = 29): 9·1 + 1·3 + 3·9 + 3·27 + 0 + 3·26 + 2·16
// + 4·17 + 21·20 + 10·29 + 2·25 + 20·13 + 0 + 0 + 0 + 0 + 29·28
// = 9+3+27+81+78+32+68+420+290+50+260+812 = 2130; 2130 mod 31 = 22; 31 − 22 = 9.
TEST(CreditCode, RemainderZeroGivesCheckZero)
{
    EXPECT_EQ(creditCodeCheckCharacter(QStringLiteral("00000000000000000")), u'0');
    EXPECT_FALSE(creditCodeProblem(QStringLiteral("000000000000000000")).has_value());
    EXPECT_EQ(creditCodeCheckCharacter(QStringLiteral("91330324MA2L0000X")), u'9');
}

TEST(CreditCode, Problems)
{
    EXPECT_TRUE(creditCodeProblem(QStringLiteral("91350100M000100Y44"))->contains(u'3'));
    EXPECT_TRUE(creditCodeProblem(QString()).has_value());
    EXPECT_TRUE(creditCodeProblem(QStringLiteral("91350100M000100Y4")).has_value()); // 17
    // I, O, Z, S, V are not in the alphabet.
    EXPECT_TRUE(creditCodeProblem(QStringLiteral("91350100I000100Y43"))->contains(u'9'));
    EXPECT_TRUE(creditCodeProblem(QStringLiteral("91350100M000100Y4３")).has_value());
}
