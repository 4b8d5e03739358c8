#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Independent reference numbers for tests/core/{ahp,entropy_weights,topsis}_test.cpp.

Run: /usr/bin/python3 weights_reference.py   (Debian 12 python3-numpy 1.24.2)
Eigenvectors by LAPACK (numpy.linalg.eig), not by power iteration; the rest written from the
textbook formulas in docs/classification.md.
"""
import numpy as np

np.set_printoptions(precision=17)


def ahp(a):
    a = np.array(a, float)
    n = len(a)
    values, vectors = np.linalg.eig(a)
    i = np.argmax(values.real)
    w = np.abs(vectors[:, i].real)
    w /= w.sum()
    lam = values[i].real
    ci = (lam - n) / (n - 1)
    g = np.exp(np.log(a).mean(axis=1))
    g /= g.sum()
    lam_g = np.mean(a @ g / g)
    return w, lam, ci, g, lam_g


print("== AHP, Saaty (1977) chairs/light intensity")
print(*ahp([[1, 5, 6, 7], [1 / 5, 1, 4, 6], [1 / 6, 1 / 4, 1, 4], [1 / 7, 1 / 6, 1 / 4, 1]]), sep="\n")
print("== AHP, Saaty (1977) wealth of nations")
print(*ahp([[1, 4, 9, 6, 6, 5, 5], [1 / 4, 1, 7, 5, 5, 3, 4], [1 / 9, 1 / 7, 1, 1 / 5, 1 / 5, 1 / 7, 1 / 5],
            [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3], [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
            [1 / 5, 1 / 3, 7, 3, 3, 1, 2], [1 / 5, 1 / 4, 5, 3, 3, 1 / 2, 1]]), sep="\n")

# Five counties, four capacity indicators: shelters per 10 000 people (benefit), rescue staff
# per 10 000 (benefit), mean response time in minutes (cost), share of residents over 65 in %
# (cost). Made-up numbers for a worked example.
X = np.array([[12, 8.5, 25, 18.2],
              [7, 6.0, 40, 22.5],
              [15, 9.1, 18, 15.1],
              [4, 3.2, 55, 27.8],
              [9, 7.7, 30, 20.0]], float)
benefit = np.array([True, True, False, False])


def entropy(x, benefit):
    lo, hi = x.min(0), x.max(0)
    y = np.where(benefit, (x - lo) / (hi - lo), (hi - x) / (hi - lo))
    p = y / y.sum(0)
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    e = -plogp.sum(0) / np.log(len(x))
    d = 1 - e
    return e, d, d / d.sum()


print("== entropy weights of the five-county example: e, d, w")
print(*entropy(X, benefit), sep="\n")


def topsis(x, w, benefit):
    r = x / np.sqrt((x ** 2).sum(0))
    v = r * (w / w.sum())
    best = np.where(benefit, v.max(0), v.min(0))
    worst = np.where(benefit, v.min(0), v.max(0))
    dp = np.sqrt(((v - best) ** 2).sum(1))
    dm = np.sqrt(((v - worst) ** 2).sum(1))
    return dp, dm, dm / (dp + dm)


print("== TOPSIS, Hwang & Yoon (1981) fighter aircraft: D+, D-, C")
A = np.array([[2.0, 1500, 20000, 5.5, 5, 9], [2.5, 2700, 18000, 6.5, 3, 5],
              [1.8, 2000, 21000, 4.5, 7, 7], [2.2, 1800, 20000, 5.0, 5, 5]], float)
print(*topsis(A, np.array([0.2, 0.1, 0.1, 0.1, 0.2, 0.3]),
              np.array([True, True, True, False, True, True])), sep="\n")
print("== TOPSIS of the five-county example with its entropy weights: D+, D-, C")
_, _, w = entropy(X, benefit)
dp, dm, c = topsis(X, w, benefit)
print(dp, dm, c, sep="\n")
print("mean, population sd of C:", c.mean(), c.std())
print("z of C:", (c - c.mean()) / c.std())
