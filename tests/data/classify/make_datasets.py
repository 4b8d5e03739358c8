#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Writes the classification test datasets of this folder (python3 standard library only).

Run from this folder: /usr/bin/python3 make_datasets.py
Inputs: Debian 12's python3-plotly 5.4.1+dfsg-1 bundled datasets (iris, gapminder).
"""
import csv
import gzip
import io
import math

PLOTLY = "/usr/share/python3-plotly/datasets/"


def write(name, header, rows):
    with open(name, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def plotly_rows(name):
    with gzip.open(PLOTLY + name, "rt", encoding="utf-8") as f:
        return list(csv.DictReader(io.StringIO(f.read())))


def splitmix64(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        yield z ^ (z >> 31)


def uniform(gen):
    # (0, 1]: never 0, so that log() is finite.
    return ((next(gen) >> 11) + 1) * 2.0 ** -53


def main():
    # Fisher (1936) iris petal lengths, cm. plotly ships the UCI copy, whose sample 38 reads
    # 4.9,3.1,1.5,0.1; Fisher's table (and R's datasets::iris) has 4.9,3.6,1.4,0.1 (UCI's own
    # erratum note). Only the petal length 1.5 -> 1.4 matters here.
    iris = plotly_rows("iris.csv.gz")
    assert len(iris) == 150
    petal = [r["petal_length"] for r in iris]
    assert petal[37] == "1.5"
    petal[37] = "1.4"
    write("iris_petal_length.csv", ["sample", "petal_length_cm"],
          [[i + 1, v] for i, v in enumerate(petal)])

    # Gapminder life expectancy at birth, 2007, 142 countries (Gapminder Foundation, as bundled
    # with plotly; Bryan's gapminder R package excerpt).
    gap = [r for r in plotly_rows("gapminder.csv.gz") if r["year"] == "2007"]
    assert len(gap) == 142
    write("gapminder_2007_life_expectancy.csv", ["country", "life_expectancy_years"],
          [[r["country"], r["lifeExp"]] for r in gap])


    # A clustered, skewed sample like a hazard index: splitmix64 (Steele, Lea & Flood 2014) with
    # seed 20240601; each value picks one of three clusters and adds an exponential tail.
    gen = splitmix64(20240601)
    values = []
    for _ in range(2000):
        u = uniform(gen)
        centre, scale = (10.0, 2.0) if u < 0.5 else (30.0, 4.0) if u < 0.85 else (70.0, 10.0)
        values.append(centre + scale * -math.log(uniform(gen)))
    write("random_seed20240601.csv", ["index", "value"],
          [[i + 1, repr(round(v, 6))] for i, v in enumerate(values)])

    write("small_hand.csv", ["index", "value"],
          [[i + 1, v] for i, v in enumerate([1, 2, 3, 10, 11, 12, 20, 21, 22, 40])])


if __name__ == "__main__":
    main()
