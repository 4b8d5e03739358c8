// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/enterprise/credit_code.h"

#include <QCoreApplication>

namespace riskatlas::enterprise {

namespace {

// Validation messages: zh_CN with the English in brackets as written, translatable by the app
// (context riskatlas::enterprise).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::enterprise)
};

// GB 32100-2015's 31 characters: the digits and the capitals without I, O, Z, S, V, which are
// too easily confused with 1, 0, 2, 5 and U.
const QString &alphabet()
{
    static const QString characters = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    return characters;
}

constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

} // namespace

QChar creditCodeCheckCharacter(const QString &first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const qsizetype value = alphabet().indexOf(first17.at(i).toUpper());
        if (value < 0)
            return {};
        sum += int(value) * kWeights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return alphabet().at(check);
}

std::optional<QString> creditCodeProblem(const QString &code)
{
    const QString text = code.trimmed().toUpper();
    if (text.isEmpty())
        return Tr::tr("统一社会信用代码为空 (empty credit code)");
    if (text.size() != 18) {
        return Tr::tr("统一社会信用代码应为18位，实为%1位 (credit code must have 18 "
                      "characters, has %1)")
            .arg(text.size());
    }
    for (int i = 0; i < 18; ++i) {
        if (!alphabet().contains(text.at(i))) {
            return Tr::tr("第%1位字符“%2”不允许 (character %1 \"%2\" is not allowed)")
                .arg(i + 1)
                .arg(text.at(i));
        }
    }
    const QChar expected = creditCodeCheckCharacter(text.left(17));
    if (expected != text.at(17)) {
        return Tr::tr("校验位错误：应为%1，实为%2 (check character should be %1, is %2)")
            .arg(expected)
            .arg(text.at(17));
    }
    return std::nullopt;
}

} // namespace riskatlas::enterprise
