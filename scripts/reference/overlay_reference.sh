#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
#
# Reference values for the overlay tests, computed by QGIS rather than by RiskAtlas.
#
#   scripts/reference/overlay_reference.sh fixture    rebuild tests/data/overlay/overlay_fixture.gpkg
#   scripts/reference/overlay_reference.sh reference  rerun QGIS, rewrite qgis_reference.json
#
# The fixture is cut from sample-data/yongjia: the townships 东城街道, 江北街道 and 黄田街道
# (瓯北, on the Ou), every flood zone touching them (whole, not clipped), 300 of their
# buildings and their shelters, all reprojected to EPSG:4549 so that QGIS and RiskAtlas
# measure in the same CRS without reprojecting.
#
# The reference runs QGIS's processing tools with qgis_process (Debian 12: QGIS 3.22) and
# totals each output with GDAL's SQLite dialect (SpatiaLite ST_Area), per `level` class of
# the flood zones. Debian's /usr/bin/qgis_process wrapper passes --noversioncheck from
# /etc/default/qgis, which qgis_process rejects, so the binary is called directly.
# Needs: qgis, gdal-bin, python3.
set -eu

here=$(cd "$(dirname "$0")/../.." && pwd)
data="$here/tests/data/overlay"
fixture="$data/overlay_fixture.gpkg"
sample="$here/sample-data/yongjia"
towns="'东城街道','江北街道','黄田街道'"

make_fixture() {
    export OGR_CURRENT_DATE=2025-06-30T00:00:00Z
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    ogr2ogr -f GPKG "$work/all.gpkg" "$sample/townships.shp" -nln townships \
        -where "name IN ($towns)"
    for layer in flood_zones buildings shelters; do
        ogr2ogr -update "$work/all.gpkg" "$sample/census.gpkg" "$layer"
    done
    rm -f "$fixture"
    ogr2ogr -f GPKG -t_srs EPSG:4549 -nln townships "$fixture" "$work/all.gpkg" townships
    ogr2ogr -update -t_srs EPSG:4549 -nln flood_zones -nlt POLYGON "$fixture" "$work/all.gpkg" \
        -dialect SQLite -sql "SELECT f.* FROM flood_zones f WHERE EXISTS (SELECT 1 FROM \
townships t WHERE ST_Intersects(f.geom, t.geom)) ORDER BY f.fid"
    ogr2ogr -update -t_srs EPSG:4549 -nln buildings -nlt POLYGON "$fixture" "$work/all.gpkg" \
        -dialect SQLite -sql "SELECT * FROM buildings WHERE township IN ($towns) AND \
fid % 11 = 0 ORDER BY fid LIMIT 300"
    ogr2ogr -update -t_srs EPSG:4549 -nln shelters -nlt POINT "$fixture" "$work/all.gpkg" \
        -dialect SQLite -sql "SELECT * FROM shelters WHERE township IN ($towns) ORDER BY fid"
    ls -l "$fixture"
}

qgis() {
    QT_QPA_PLATFORM=offscreen /usr/bin/qgis_process.bin run "$@" >/dev/null 2>"$work/qgis.log" \
        || { cat "$work/qgis.log" >&2; exit 1; }
}

# Prints `{"name": {"count": N, "area": A, "by_level": {...}}}` for one QGIS output; the
# optional third argument replaces `level` as the class (NULL: one class for a layer
# without it).
totals() {
    name=$1
    file=$2
    class=${3:-level}
    layer=$(ogrinfo -q "$file" | sed -n '1s/^1: \([^ ]*\).*/\1/p')
    ogrinfo -q -dialect SQLite -sql "SELECT CAST($class AS TEXT) AS cls, COUNT(*) AS n, \
SUM(ST_Area(geometry)) AS area FROM \"$layer\" GROUP BY cls ORDER BY cls" "$file" \
        | python3 -c '
import re, sys, json
rows = []
current = {}
for line in sys.stdin:
    m = re.match(r"\s+(\w+) \(\w+\) = (.*)$", line)
    if m:
        current[m.group(1)] = m.group(2)
        if m.group(1) == "area":
            rows.append(current)
            current = {}
by_level = {}
count = 0
area = 0.0
for row in rows:
    cls = row.get("cls", "(null)")
    n = int(row["n"])
    a = float(row["area"]) if row["area"] != "(null)" else 0.0
    by_level["null" if cls == "(null)" else cls] = {"count": n, "area": a}
    count += n
    area += a
print(json.dumps({sys.argv[1]: {"count": count, "area": area, "by_level": by_level}}))
' "$name"
}

make_reference() {
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    f="$fixture"
    qgis native:intersection --INPUT="$f|layername=buildings" --OVERLAY="$f|layername=flood_zones" \
        --OUTPUT="$work/intersection.fgb"
    qgis native:difference --INPUT="$f|layername=buildings" --OVERLAY="$f|layername=flood_zones" \
        --OUTPUT="$work/difference.fgb"
    qgis native:union --INPUT="$f|layername=buildings" --OVERLAY="$f|layername=flood_zones" \
        --OUTPUT="$work/union_buildings.fgb"
    qgis native:union --INPUT="$f|layername=flood_zones" --OVERLAY="$f|layername=townships" \
        --OUTPUT="$work/union_townships.fgb"
    qgis native:clip --INPUT="$f|layername=flood_zones" --OVERLAY="$f|layername=townships" \
        --OUTPUT="$work/clip.fgb"
    qgis native:intersection --INPUT="$f|layername=shelters" --OVERLAY="$f|layername=flood_zones" \
        --OUTPUT="$work/shelters.fgb"
    version=$(QT_QPA_PLATFORM=offscreen /usr/bin/qgis_process.bin --version 2>/dev/null \
        | sed -n 's/^QGIS \(.*\)$/\1/p' | head -1)
    {
        totals "intersection buildings flood_zones" "$work/intersection.fgb"
        totals "difference buildings flood_zones" "$work/difference.fgb" NULL
        totals "union buildings flood_zones" "$work/union_buildings.fgb"
        totals "union flood_zones townships" "$work/union_townships.fgb"
        totals "clip flood_zones townships" "$work/clip.fgb"
        totals "intersection shelters flood_zones" "$work/shelters.fgb"
    } | python3 -c '
import json, sys
cases = {}
for line in sys.stdin:
    cases.update(json.loads(line))
out = {
    "qgis_version": sys.argv[1],
    "produced_by": "scripts/reference/overlay_reference.sh reference",
    "commands": {
        "intersection buildings flood_zones": "qgis_process run native:intersection --INPUT=overlay_fixture.gpkg|layername=buildings --OVERLAY=overlay_fixture.gpkg|layername=flood_zones",
        "difference buildings flood_zones": "qgis_process run native:difference --INPUT=overlay_fixture.gpkg|layername=buildings --OVERLAY=overlay_fixture.gpkg|layername=flood_zones",
        "union buildings flood_zones": "qgis_process run native:union --INPUT=overlay_fixture.gpkg|layername=buildings --OVERLAY=overlay_fixture.gpkg|layername=flood_zones",
        "union flood_zones townships": "qgis_process run native:union --INPUT=overlay_fixture.gpkg|layername=flood_zones --OVERLAY=overlay_fixture.gpkg|layername=townships",
        "clip flood_zones townships": "qgis_process run native:clip --INPUT=overlay_fixture.gpkg|layername=flood_zones --OVERLAY=overlay_fixture.gpkg|layername=townships",
        "intersection shelters flood_zones": "qgis_process run native:intersection --INPUT=overlay_fixture.gpkg|layername=shelters --OVERLAY=overlay_fixture.gpkg|layername=flood_zones",
    },
    "totals": "ogrinfo -dialect SQLite: COUNT(*) and SUM(ST_Area(geometry)) GROUP BY level, areas in m2 (EPSG:4549)",
    "cases": cases,
}
print(json.dumps(out, ensure_ascii=False, indent=2))
' "$version" >"$data/qgis_reference.json"
    cat "$data/qgis_reference.json"
}

case "${1:-}" in
fixture) make_fixture ;;
reference) make_reference ;;
*)
    echo "usage: $0 fixture|reference" >&2
    exit 2
    ;;
esac
