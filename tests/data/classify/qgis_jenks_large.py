#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""What QGIS 3.22.16's Jenks gives on the 50 000 values of jenks_breaks_test.cpp's
SampledAgainstExactOnFiftyThousandValues (same generator and seed), and its GVF.

Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_jenks_large.py
The numbers are quoted in docs/classification.md.
"""
import math

from qgis.core import Qgis, QgsClassificationJenks

from make_datasets import splitmix64, uniform


def clustered(seed, count):
    gen = splitmix64(seed)
    out = []
    for _ in range(count):
        u = uniform(gen)
        centre, scale = (10.0, 2.0) if u < 0.5 else (30.0, 4.0) if u < 0.85 else (70.0, 10.0)
        out.append(centre + scale * -math.log(uniform(gen)))
    return out


def gvf(values, upper):
    values = sorted(values)
    mean = sum(values) / len(values)
    sdam = sum((v - mean) ** 2 for v in values)
    sdcm, start = 0.0, 0
    for b in upper:
        end = start
        while end < len(values) and values[end] <= b:
            end += 1
        cls = values[start:end]
        if cls:
            m = sum(cls) / len(cls)
            sdcm += sum((v - m) ** 2 for v in cls)
        start = end
    return 1 - sdcm / sdam


values = clustered(20240602, 50000)
print("QGIS", Qgis.QGIS_VERSION)
print("sum of values %.6f" % sum(values))
upper = [r.upperBound() for r in QgsClassificationJenks().classes(values, 5)]
print("QGIS Jenks breaks", " ".join("%.6f" % b for b in upper), "GVF %.8f" % gvf(values, upper))
print("values below the first QGIS break:", sum(v <= upper[0] for v in values))
# jenksBreaks(values, 5) in RiskAtlas, printed with %.17g.
exact = [22.121708219987525, 36.258830372335936, 57.677875521150007, 85.776635668937999,
         158.11285323879093]
print("RiskAtlas exact breaks", " ".join("%.6f" % b for b in exact), "GVF %.8f" % gvf(values, exact))
