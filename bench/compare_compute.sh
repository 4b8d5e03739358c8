#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
# Runs two riskatlas-cli binaries N times each, taking turns, on 1 and on 2 threads, and
# prints per binary the medians of the compute steps (all RISKATLAS_TIMINGS steps but reading,
# checking geometries, reprojecting and writing, added up) and their ratio. Taking turns puts
# the machine's drift on both binaries alike.
#
#   bench/compare_compute.sh N BINARY_A BINARY_B -- riskatlas-cli arguments (without --threads)
#   bench/compare_compute.sh 11 /tmp/cli_before build/app/cli/riskatlas-cli -- \
#       dissolve bench/data/flood_split.gpkg -o /tmp/out.gpkg --by level --overwrite
set -euo pipefail
if [ $# -lt 5 ] || [ "$4" != "--" ]; then
    sed -n '4,10p' "$0" >&2
    exit 2
fi
n=$1; a=$2; b=$3; shift 4
declare -A runs
for _ in $(seq "$n"); do
    for bin in "$a" "$b"; do
        for threads in 1 2; do
            seconds=$(RISKATLAS_TIMINGS=1 "$bin" "$@" --threads "$threads" 2>&1 |
                awk '/^timing:/ && !/reading|checking geometries|writing|reprojecting/ {s += $NF} END {print s + 0}')
            runs[$bin-$threads]+="$seconds "
        done
    done
done
median() { printf '%s\n' $1 | sort -g | awk '{x[NR] = $1} END {print x[int((NR + 1) / 2)]}'; }
for bin in "$a" "$b"; do
    one=$(median "${runs[$bin-1]}")
    two=$(median "${runs[$bin-2]}")
    echo "$bin: 1 thread $one s, 2 threads $two s, speed-up $(awk -v x="$one" -v y="$two" 'BEGIN {printf "%.2f", x / y}')"
done
