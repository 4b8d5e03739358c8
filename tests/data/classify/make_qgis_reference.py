#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""QGIS's own breaks for the datasets of this folder, through PyQGIS.

Run from this folder with Debian 12's QGIS 3.22.16 (python3-qgis 3.22.16+dfsg-1):
  QT_QPA_PLATFORM=offscreen /usr/bin/python3 make_qgis_reference.py > qgis_reference.csv
Quantile and EqualInterval are references for RiskAtlas's methods of the same name. QGIS's
Jenks column is recorded for comparison only: RiskAtlas computes the exact optimum, which QGIS
3.22 does not always reach (see docs/classification.md).
"""
import csv
import sys

from qgis.core import (Qgis, QgsClassificationEqualInterval, QgsClassificationJenks,
                       QgsClassificationQuantile)

DATASETS = ["small_hand.csv", "iris_petal_length.csv", "gapminder_2007_life_expectancy.csv",
            "random_seed20240601.csv"]

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["dataset", "classes", "method", "upper_breaks", "qgis"])
for name in DATASETS:
    with open(name, newline="") as f:
        values = [float(row[-1]) for row in list(csv.reader(f))[1:]]
    for k in (2, 3, 4, 5, 6, 7):
        for method in (QgsClassificationQuantile(), QgsClassificationEqualInterval(),
                       QgsClassificationJenks()):
            ranges = method.classes(values, k)
            out.writerow([name, k, method.id(), " ".join(repr(r.upperBound()) for r in ranges),
                          Qgis.QGIS_VERSION])
