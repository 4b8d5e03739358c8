#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
#
# Writes tests/data/zonal/qgis_reference.json: QGIS's own answers for the zonal summaries of
# the sample county (sample-data/yongjia), which tests/core/zonal_summary_test.cpp and
# tests/core/raster_zonal_test.cpp compare RiskAtlas with.
#
#   shelters per township      native:countpointsinpolygon (count, and capacity as WEIGHT)
#   population per township    native:zonalstatisticsfb on population_250m.tif
#                              (count, sum, mean, max)
#   hazard class areas         native:reprojectlayer (both to EPSG:4549), native:intersection,
#                              then the area of every piece of QGIS's output summed per
#                              township and level, by OGR (planar area in EPSG:4549)
#
# Run from anywhere on Debian 12 with QGIS 3.22 installed:
#   sh scripts/reference/zonal_reference.sh
# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which QGIS 3.22's
# qgis_process does not know, so the binary behind it is called directly.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA="$ROOT/sample-data/yongjia"
OUT="$ROOT/tests/data/zonal/qgis_reference.json"
QGIS=${QGIS_PROCESS:-/usr/bin/qgis_process.bin}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen

run() {
    echo "$QGIS run $*" >>"$WORK/commands.txt"
    "$QGIS" run "$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
}

run native:countpointsinpolygon --POLYGONS="$DATA/townships.shp" \
    --POINTS="$DATA/census.gpkg|layername=shelters" --FIELD=NUMPOINTS \
    --OUTPUT="$WORK/shelter_count.gpkg"
run native:countpointsinpolygon --POLYGONS="$DATA/townships.shp" \
    --POINTS="$DATA/census.gpkg|layername=shelters" --WEIGHT=capacity --FIELD=CAPACITY \
    --OUTPUT="$WORK/shelter_capacity.gpkg"
run native:zonalstatisticsfb --INPUT="$DATA/townships.shp" \
    --INPUT_RASTER="$DATA/population_250m.tif" --RASTER_BAND=1 --COLUMN_PREFIX=pop_ \
    --STATISTICS=0,1,2,6 --OUTPUT="$WORK/population.gpkg"
run native:reprojectlayer --INPUT="$DATA/townships.shp" --TARGET_CRS=EPSG:4549 \
    --OUTPUT="$WORK/townships_4549.gpkg"
for hazard in flood_zones geohazard_susceptibility; do
    run native:reprojectlayer --INPUT="$DATA/census.gpkg|layername=$hazard" \
        --TARGET_CRS=EPSG:4549 --OUTPUT="$WORK/${hazard}_4549.gpkg"
    run native:intersection --INPUT="$WORK/${hazard}_4549.gpkg" \
        --OVERLAY="$WORK/townships_4549.gpkg" --INPUT_FIELDS=level --OVERLAY_FIELDS=code \
        --OUTPUT="$WORK/${hazard}_by_township.gpkg"
done

VERSION=$("$QGIS" --version 2>/dev/null | grep '^QGIS' | head -n 1)
/usr/bin/python3 - "$WORK" "$OUT" "$VERSION" "$ROOT" <<'PY'
import json
import sys

from osgeo import ogr

work, out, version, root = sys.argv[1:5]
ogr.UseExceptions()


def rows(path):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    for feature in layer:
        yield feature


shelters = {}
for f in rows(f"{work}/shelter_count.gpkg"):
    shelters[f["code"]] = {"count": int(f["NUMPOINTS"])}
for f in rows(f"{work}/shelter_capacity.gpkg"):
    shelters[f["code"]]["capacity_sum"] = f["CAPACITY"]

population = {}
for f in rows(f"{work}/population.gpkg"):
    population[f["code"]] = {"count": f["pop_count"], "sum": f["pop_sum"],
                             "mean": f["pop_mean"], "max": f["pop_max"]}

class_area = {}
for hazard in ("flood_zones", "geohazard_susceptibility"):
    areas = {}
    for f in rows(f"{work}/{hazard}_by_township.gpkg"):
        geometry = f.GetGeometryRef()
        per_unit = areas.setdefault(f["code"], {})
        key = str(int(f["level"]))
        per_unit[key] = per_unit.get(key, 0.0) + geometry.GetArea()
    class_area[hazard] = areas

with open(f"{work}/commands.txt") as commands:
    command_lines = [line.rstrip("\n").replace(work, "$WORK").replace(root, "$ROOT")
                     for line in commands]
reference = {
    "generated_by": "scripts/reference/zonal_reference.sh",
    "qgis_version": version,
    "commands": command_lines,
    "notes": "units keyed by the township field 'code'; class areas in m² (EPSG:4549) of "
             "QGIS's native:intersection pieces, summed per township and level by OGR",
    "shelters_per_township": shelters,
    "population_per_township": population,
    "class_area_m2": class_area,
}
with open(out, "w", encoding="utf-8") as handle:
    json.dump(reference, handle, ensure_ascii=False, indent=1, sort_keys=True)
    handle.write("\n")
PY
echo "wrote $OUT"
