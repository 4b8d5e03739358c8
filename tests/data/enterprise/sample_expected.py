#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Expected figures of the enterprise job on the sample county, computed independently of
RiskAtlas with the standard library only: LEC bands, dynamic adjustment (an unrectified major
hidden danger -> 重大; 5 or more unrectified general ones -> one level up), and the survey
comparison matched on the credit code.

Run from the repository root:
    /usr/bin/python3 tests/data/enterprise/sample_expected.py > tests/data/enterprise/sample_expected.json
"""
import csv
import json

GB32100 = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def code_ok(code):
    if len(code) != 18 or any(c not in GB32100 for c in code):
        return False
    total = sum(GB32100.index(c) * w for c, w in zip(code[:17], WEIGHTS))
    return GB32100[(31 - total % 31) % 31] == code[17]


def lec_level(row):
    d = float(row["L"]) * float(row["E"]) * float(row["C"])
    return 4 if d > 320 else 3 if d > 160 else 2 if d > 70 else 1


def final_level(row):
    level = lec_level(row)
    if int(row["重大隐患未整改数"]) > 0:
        return 4
    if int(row["一般隐患未整改数"]) >= 5:
        return min(4, level + 1)
    return level


def counts(rows, grade):
    result = [0, 0, 0, 0]
    for row in rows:
        result[grade(row) - 1] += 1
    return result  # 低, 一般, 较大, 重大


def changes(old, new, grade):
    before = {r["统一社会信用代码"]: r for r in old}
    after = {r["统一社会信用代码"]: r for r in new}
    both = set(before) & set(after)
    down = [k for k in both if grade(after[k]) < grade(before[k])]
    left = {name: sum(1 for k in down if grade(before[k]) == level)
            for level, name in ((4, "left_major"), (3, "left_considerable"), (2, "left_moderate"))}
    return dict(continuing=len(both), down=len(down),
                up=sum(1 for k in both if grade(after[k]) > grade(before[k])),
                new=len(set(after) - set(before)), closed=len(set(before) - set(after)), **left)


h1 = list(csv.DictReader(open("sample-data/yongjia/enterprises_2025H1.csv", encoding="utf-8-sig")))
h2 = list(csv.DictReader(open("sample-data/yongjia/enterprises_2025H2.csv", encoding="gbk")))
print(json.dumps({
    "command": "/usr/bin/python3 tests/data/enterprise/sample_expected.py",
    "level_order": ["低", "一般", "较大", "重大"],
    "H1": {"rows": len(h1), "bad_codes": sum(not code_ok(r["统一社会信用代码"]) for r in h1),
           "lec": counts(h1, lec_level), "adjusted": counts(h1, final_level),
           "raised": sum(final_level(r) != lec_level(r) for r in h1)},
    "H2": {"rows": len(h2), "bad_codes": sum(not code_ok(r["统一社会信用代码"]) for r in h2),
           "lec": counts(h2, lec_level), "adjusted": counts(h2, final_level),
           "raised": sum(final_level(r) != lec_level(r) for r in h2)},
    "H1_to_H2_lec": changes(h1, h2, lec_level),
    "H1_to_H2_adjusted": changes(h1, h2, final_level),
}, ensure_ascii=False, indent=2))
