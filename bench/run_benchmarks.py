#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Runs RiskAtlas and QGIS's qgis_process on the same inputs in the same run and prints a
Markdown report: median wall time of each, the ratio QGIS / RiskAtlas, RiskAtlas's 1-thread /
N-thread ratio for the compute steps (all but reading, checking and writing), how busy the N
threads kept the cores in those steps (CPU time / (N × wall time)), and peak memory.

  /usr/bin/python3 bench/generate_bench_data.py [--large]   # inputs into bench/data/
  /usr/bin/python3 bench/run_benchmarks.py [--repeat 3] [--speedup-runs 5] [--large] [--out report.md]

Timings come from /usr/bin/time (wall clock and maximum resident set size); RiskAtlas's step
times from RISKATLAS_TIMINGS=1. No timing is asserted anywhere: these are measurements.
"""
import argparse
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "bench", "data")
CLI = os.path.join(ROOT, "build", "app", "cli", "riskatlas-cli")
QGIS = "/usr/bin/qgis_process.bin"


def d(name):
    return os.path.join(DATA, name)


# name, RiskAtlas arguments (OUT replaced), QGIS algorithm and parameters (OUT replaced); no
# QGIS algorithm for the 1 M case, which would take QGIS many minutes.
CASES = [
    ("intersection: 200k buildings × flood zones (1 186 polygons)",
     ["overlay", "intersection", d("buildings_200k.gpkg"), d("flood_split.gpkg"), "-o", "OUT"],
     "native:intersection",
     ["INPUT=" + d("buildings_200k.gpkg"), "OVERLAY=" + d("flood_split.gpkg"), "OUTPUT=OUT"]),
    ("intersection: 200k buildings × unsplit flood zones (99 large polygons)",
     ["overlay", "intersection", d("buildings_200k.gpkg"), d("flood_unsplit.gpkg"), "-o", "OUT"],
     "native:intersection",
     ["INPUT=" + d("buildings_200k.gpkg"), "OVERLAY=" + d("flood_unsplit.gpkg"), "OUTPUT=OUT"]),
    ("union: 250 m grid (43 658 cells) × townships",
     ["overlay", "union", d("grid_250m.gpkg"), d("townships.gpkg"), "-o", "OUT"],
     "native:union",
     ["INPUT=" + d("grid_250m.gpkg"), "OVERLAY=" + d("townships.gpkg"), "OUTPUT=OUT"]),
    ("dissolve: flood zones by level",
     ["dissolve", d("flood_split.gpkg"), "-o", "OUT", "--by", "level"],
     "native:dissolve",
     ["INPUT=" + d("flood_split.gpkg"), "FIELD=level", "OUTPUT=OUT"]),
    ("dissolve: 250 m risk grid (43 658 cells) by level",
     ["dissolve", d("grid_levels.gpkg"), "-o", "OUT", "--by", "level"],
     "native:dissolve",
     ["INPUT=" + d("grid_levels.gpkg"), "FIELD=level", "OUTPUT=OUT"]),
    ("count points: 200k building centroids per township",
     ["zonal", d("townships.gpkg"), d("points_200k.gpkg"), "-o", "OUT", "--stat", "count"],
     "native:countpointsinpolygon",
     ["POLYGONS=" + d("townships.gpkg"), "POINTS=" + d("points_200k.gpkg"),
      "FIELD=NUMPOINTS", "OUTPUT=OUT"]),
]
LARGE = ("intersection: 1 M buildings × flood zones",
         ["overlay", "intersection", d("buildings_1m.gpkg"), d("flood_split.gpkg"), "-o", "OUT"],
         None, None)


# The speed-up's runs: at least --speedup-runs on each side, and for a short compute step
# as many as give SPEEDUP_COMPUTE_S seconds of 1-thread compute in all, at most
# SPEEDUP_MAX_RUNS. A step of tens of milliseconds moves by more than its speed-up's margin
# from one run to the next on a virtual machine.
SPEEDUP_COMPUTE_S = 2.0
SPEEDUP_MAX_RUNS = 41


def seconds(value):
    return f"{value:.3f}" if value < 0.1 else f"{value:.2f}"


def timed(command, env=None):
    """Runs command under /usr/bin/time; returns (seconds, peak MiB, stderr)."""
    result = subprocess.run(["/usr/bin/time", "-f", "@@time %e %M"] + command,
                            capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    match = re.search(r"@@time ([\d.]+) (\d+)", result.stderr)
    return float(match.group(1)), int(match.group(2)) / 1024.0, result.stderr


def step_times(stderr, kind="timing"):
    return {m.group(1): float(m.group(2))
            for m in re.finditer(rf"^{kind}: (.+) ([\d.]+)$", stderr, re.M)}


def run_riskatlas(arguments, threads, workdir):
    out = os.path.join(workdir, "riskatlas.gpkg")
    if os.path.exists(out):
        os.remove(out)
    env = dict(os.environ, RISKATLAS_TIMINGS="1")
    command = [CLI] + [out if a == "OUT" else a for a in arguments] + ["--threads", str(threads)]
    seconds, mib, stderr = timed(command, env)
    return seconds, mib, step_times(stderr), step_times(stderr, "cputime")


def run_qgis(algorithm, parameters, workdir):
    out = os.path.join(workdir, "qgis.gpkg")
    if os.path.exists(out):
        os.remove(out)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [QGIS, "run", algorithm, "--"] + [p.replace("=OUT", "=" + out) for p in parameters]
    seconds, mib, _ = timed(command, env)
    return seconds, mib


def compute_step(steps):
    """The steps that are not reading, checking, reprojecting or writing, added up (an
    operation in several steps, such as measuring then dissolving, is timed whole)."""
    io = ("reading", "checking geometries", "writing")
    compute = {k: v for k, v in steps.items() if not k.startswith(io) and not k.startswith("reprojecting")}
    return sum(compute.values()) if compute else float("nan")


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        memory = int(f.readline().split()[1]) / 1024 / 1024
    qgis = subprocess.run([QGIS, "--version"], capture_output=True, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen")).stdout
    qgis_version = next((l for l in qgis.splitlines() if l.startswith("QGIS")), "QGIS ?")
    return (f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB RAM, {platform.platform()}; "
            f"{qgis_version.strip()}")


def run_cases(args, cases, threads, lines, notes):
    """Runs each case and adds its row to `lines` and what to say of it to `notes`."""
    with tempfile.TemporaryDirectory() as workdir:
        for name, ours, algorithm, theirs in cases:
            print(f"== {name}", file=sys.stderr, flush=True)
            # N and 1 threads in turn, so that the machine's drift (its speed moves by ±15 %
            # over minutes here) falls on both alike.
            ra, single = [], []
            for _ in range(args.repeat):
                ra.append(run_riskatlas(ours, threads, workdir))
                single.append(run_riskatlas(ours, 1, workdir))
            # QGIS takes minutes on the unsplit zones: one run there, said in the row.
            qgis_runs = 1 if "unsplit" in name else args.repeat
            qg = [run_qgis(algorithm, theirs, workdir) for _ in range(qgis_runs)] if algorithm else []
            if algorithm and qgis_runs != args.repeat:
                name += f" (QGIS: {qgis_runs} run)"
            ra_s = statistics.median(r[0] for r in ra)
            computes_n = [compute_step(r[2]) for r in ra]
            computes_1 = [compute_step(r[2]) for r in single]
            # CPU time over N × wall time of the compute steps: how much of the cores the
            # threads used, which the machine's speed at the moment does not move.
            def cpu_use(run):
                return compute_step(run[3]) / (threads * compute_step(run[2]))
            uses_n = [cpu_use(r) for r in ra]
            wanted = max(args.speedup_runs,
                         min(SPEEDUP_MAX_RUNS,
                             math.ceil(SPEEDUP_COMPUTE_S / statistics.median(computes_1))))
            while len(computes_n) < wanted:
                run_n = run_riskatlas(ours, threads, workdir)
                computes_n.append(compute_step(run_n[2]))
                uses_n.append(cpu_use(run_n))
                computes_1.append(compute_step(run_riskatlas(ours, 1, workdir)[2]))
            notes.append(f"{name}: speed-up and CPU use from {wanted} runs each.")
            c_n = statistics.median(computes_n)
            c_1 = statistics.median(computes_1)
            use_n = statistics.median(uses_n)
            ra_mem = max(r[1] for r in ra)
            if qg:
                qg_s = statistics.median(q[0] for q in qg)
                qg_mem = max(q[1] for q in qg)
                ratio = f"{qg_s / ra_s:.1f}×"
                qg_cells = (f"{qg_s:.2f}", f"{qg_mem:.0f}")
            else:
                ratio = "—"
                qg_cells = ("not run", "—")
            lines.append(f"| {name} | {qg_cells[0]} | {ra_s:.2f} | {ratio} | {seconds(c_1)} | {seconds(c_n)} | "
                         f"{c_1 / c_n:.2f} | {100 * use_n:.0f} % | {ra_mem:.0f} | {qg_cells[1]} |")
            print(lines[-1], file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--speedup-runs", type=int, default=5,
                        help="runs on 1 and on N threads each for the speed-up (at least --repeat)")
    parser.add_argument("--large", action="store_true")
    parser.add_argument("--only", help="run only cases whose name contains this")
    parser.add_argument("--out", help="also write the report to this file")
    args = parser.parse_args()
    threads = os.cpu_count()
    cases = CASES + ([LARGE] if args.large else [])
    if args.only:
        cases = [c for c in cases if args.only in c[0]]
    lines = [f"Machine: {machine()}.", "",
             f"Median of {args.repeat} runs, wall clock including reading and writing "
             f"GeoPackages; RiskAtlas with {threads} threads unless said.", "",
             "| operation | QGIS s | RiskAtlas s | QGIS / RiskAtlas | compute 1 thread s | "
             f"compute {threads} threads s | speed-up | CPU use, {threads} threads | "
             "peak MiB RiskAtlas | peak MiB QGIS |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    notes = []
    run_cases(args, cases, threads, lines, notes)
    if notes:
        lines += [""] + [f"- {note}" for note in notes]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        with open(args.out, "w") as f:
            f.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
