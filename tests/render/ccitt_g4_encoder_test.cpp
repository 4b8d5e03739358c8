// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "render/ccitt_g4_encoder.h"

#include <gtest/gtest.h>

using namespace riskatlas::render;

// The expected codes are worked out by hand from ITU-T T.6 (and T.4's run-length tables): each
// row is coded against the row above (an imaginary white row for the first), and the data
// ends with the end-of-facsimile block, two EOL codes 000000000001, padded with 0 bits.
TEST(CcittG4Encoder, WhiteRowIsOneVerticalCode)
{
    // a1 = b1 = 8 (the row's end): V0 = 1; then EOFB. 1 000000000001 000000000001 (0000000).
    const QByteArray code = encodeCcittG4(QByteArray(1, '\0'), 8, 1);
    EXPECT_EQ(code.toHex(' '), QByteArray("80 08 00 80"));
}

TEST(CcittG4Encoder, BlackDotIsHorizontalModeInTheCodecsSense)
{
    // 0001 0000: a 1 bit is black. a1 = 3, a2 = 4, b1 = 8: |a1 - b1| > 3, so horizontal mode
    // H = 001, white run 3 = 1000, black run 1 = 010; then a1 = b1 = 8: V0 = 1; then EOFB.
    // 001 1000 010 1 000000000001 000000000001 (00000).
    const QByteArray code = encodeCcittG4(QByteArray(1, char(0x10)), 8, 1);
    EXPECT_EQ(code.toHex(' '), QByteArray("30 a0 02 00 20"));
    // The same dot as a 0 in a black row would be a different code: the bit sense matters.
    EXPECT_NE(encodeCcittG4(QByteArray(1, char(0xEF)), 8, 1), code);
}

TEST(CcittG4Encoder, PaddingBitsBeyondTheWidthAreIgnored)
{
    // Five dots wide: the three low bits of each row byte are padding.
    EXPECT_EQ(encodeCcittG4(QByteArray(1, char(0x07)), 5, 1),
              encodeCcittG4(QByteArray(1, '\0'), 5, 1));
}

TEST(CcittG4Encoder, BadInputIsAnErrorNotACrash)
{
    QString error;
    EXPECT_TRUE(encodeCcittG4(QByteArray(3, '\0'), 16, 2, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("3 bytes"))) << error.toStdString();
    EXPECT_TRUE(encodeCcittG4(QByteArray(), 0, 1, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("0 × 1"))) << error.toStdString();
    EXPECT_FALSE(encodeCcittG4(QByteArray(4, '\0'), 16, 2, &error).isEmpty());
    EXPECT_TRUE(error.isEmpty());
}
