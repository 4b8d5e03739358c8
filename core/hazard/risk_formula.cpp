// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#include "core/hazard/risk_formula.h"

#include "core/error.h"

#include <QCoreApplication>

#include <muParser.h>

#include <cmath>

namespace riskatlas::hazard {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(riskatlas::hazard)
};

} // namespace

struct RiskFormula::Private
{
    mu::Parser parser;
    double h = 0;
    double e = 0;
    double v = 0;
    double c = 0;
    QString formula;
    QString modelPath;

    [[noreturn]] void fail(const mu::Parser::exception_type &error) const
    {
        throw InputError({modelPath}, QStringLiteral("combine.formula: ") +
                                          Tr::tr("\"%1\" at position %2: %3")
                                              .arg(formula)
                                              .arg(error.GetPos() + 1)
                                              .arg(QString::fromStdString(error.GetMsg())));
    }
};

RiskFormula::RiskFormula(const QString &formula, const QString &modelPath)
    : d(std::make_unique<Private>())
{
    d->formula = formula;
    d->modelPath = modelPath;
    try {
        d->parser.DefineVar("H", &d->h);
        d->parser.DefineVar("E", &d->e);
        d->parser.DefineVar("V", &d->v);
        d->parser.DefineVar("C", &d->c);
        d->parser.SetExpr(formula.toStdString());
        // muparser parses lazily: evaluate once so that every error shows up here.
        d->parser.Eval();
    } catch (const mu::Parser::exception_type &error) {
        d->fail(error);
    }
}

RiskFormula::~RiskFormula() = default;

double RiskFormula::evaluate(double h, double e, double v, double c)
{
    d->h = h;
    d->e = e;
    d->v = v;
    d->c = c;
    double value = 0;
    try {
        value = d->parser.Eval();
    } catch (const mu::Parser::exception_type &error) {
        d->fail(error);
    }
    if (!std::isfinite(value))
        throw InputError({d->modelPath},
                         QStringLiteral("combine.formula: ") +
                             Tr::tr("\"%1\" is not finite for H = %2, E = %3, V = %4, C = %5")
                                 .arg(d->formula)
                                 .arg(h)
                                 .arg(e)
                                 .arg(v)
                                 .arg(c));
    return value;
}

} // namespace riskatlas::hazard
