// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
//
// Independent Jenks (Fisher-Jenks) breaks for the datasets of this folder, from two npm
// implementations installed outside the repository:
//   mkdir -p /tmp/ref && cd /tmp/ref && npm init -y && \
//     npm install geostats@2.1.0 simple-statistics@7.12.1
//   NODE_PATH=/tmp/ref/node_modules node make_jenks_reference.js > jenks_reference.csv
// (node v20.20.2). Each row gives the upper breaks (k values, last = max) and the total
// within-class sum of squares (SDCM) of that partition; both tools must agree.
'use strict';
const fs = require('fs');
const path = require('path');
const Geostats = require('geostats');
const ss = require('simple-statistics');

function readValues(file) {
    const lines = fs.readFileSync(path.join(__dirname, file), 'utf8').trim().split('\n');
    return lines.slice(1).map(line => Number(line.slice(line.lastIndexOf(',') + 1)));
}

function sdcm(sorted, upper) {
    let total = 0;
    let start = 0;
    for (const b of upper) {
        let end = start;
        while (end < sorted.length && sorted[end] <= b)
            ++end;
        const cls = sorted.slice(start, end);
        const mean = cls.reduce((a, x) => a + x, 0) / cls.length;
        total += cls.reduce((a, x) => a + (x - mean) * (x - mean), 0);
        start = end;
    }
    return total;
}

const datasets = ['small_hand.csv', 'iris_petal_length.csv', 'gapminder_2007_life_expectancy.csv',
                  'random_seed20240601.csv'];
console.log('dataset,classes,tool,upper_breaks,sdcm');
for (const file of datasets) {
    const values = readValues(file);
    const sorted = values.slice().sort((a, b) => a - b);
    for (const k of [2, 3, 4, 5, 6, 7]) {
        // geostats: getClassJenks2 returns [min, upper_1, ..., upper_k].
        const g = new Geostats(values.slice());
        const geo = g.getClassJenks2(k).slice(1);
        // simple-statistics: jenks returns [min, lower_2, ..., lower_k, max]; the upper break
        // of class i is the largest value below the lower limit of class i + 1.
        const lower = ss.jenks(values.slice(), k);
        const simple = [];
        for (let i = 1; i < k; ++i)
            simple.push(sorted.filter(x => x < lower[i]).pop());
        simple.push(sorted[sorted.length - 1]);
        for (const [tool, upper] of [['geostats-2.1.0', geo], ['simple-statistics-7.12.1', simple]]) {
            console.log([file, k, tool, upper.join(' '), sdcm(sorted, upper).toPrecision(12)].join(','));
        }
    }
}
