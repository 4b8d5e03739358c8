// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QString>

#include <optional>

namespace riskatlas::enterprise {

/// Checks a unified social credit code (统一社会信用代码) against GB 32100-2015: 18 characters
/// from 0-9 and the capital letters without I, O, Z, S and V, the 18th being the check
/// character of the first 17 (weights 3^i mod 31, check = 31 − Σ mod 31, 31 written as 0).
/// Leading and trailing spaces are ignored; lower-case letters are accepted as capitals.
/// Returns nullopt for a valid code, else the reason in Chinese and English (e.g.
/// "校验位错误 (check character): 应为 X"). Pure function, thread-safe.
std::optional<QString> creditCodeProblem(const QString &code);

/// The GB 32100-2015 check character of the first 17 characters of `code`, or a null QChar
/// when they are not 17 valid characters.
QChar creditCodeCheckCharacter(const QString &first17);

} // namespace riskatlas::enterprise
