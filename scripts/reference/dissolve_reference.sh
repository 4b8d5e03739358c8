#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
#
# Writes tests/data/dissolve/qgis_reference.json: QGIS's own answers for dissolving and
# eliminating the sample county's flood zones (sample-data/yongjia/census.gpkg, flood_zones),
# which tests/core/dissolve_test.cpp and tests/core/eliminate_test.cpp compare RiskAtlas with.
#
#   dissolve            native:reprojectlayer to EPSG:4549, native:dissolve by level
#   eliminate           the reprojected layer; features with area($geometry) < T selected;
#                       qgis:eliminateselectedpolygons, mode 2 (largest common boundary)
#   dissolve+eliminate  native:dissolve by level, native:multiparttosingleparts, parts with
#                       area < T selected and eliminated as above, native:dissolve by level
#
# For each result: features, parts and planar area (EPSG:4549, m²) per level, summed by OGR.
# qgis:eliminateselectedpolygons needs a selection, which qgis_process cannot make, so those
# steps run in QGIS's Python (python3-qgis) with the same processing registry.
#
# Run from anywhere on Debian 12 with QGIS 3.22 installed:
#   sh scripts/reference/dissolve_reference.sh
# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which QGIS 3.22's
# qgis_process does not know, so the binary behind it is called directly.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DATA="$ROOT/sample-data/yongjia"
OUT="$ROOT/tests/data/dissolve/qgis_reference.json"
QGIS=${QGIS_PROCESS:-/usr/bin/qgis_process.bin}
# Thresholds in m², each its own run. At the larger ones some small polygons touch only small
# ones, so QGIS takes several passes and the order of its passes shows in the result:
#   features: 100 000 (113 of 1 186 under it), 600 000 (747), 3 000 000 (1 172);
#   parts of the dissolved levels: 200 000 (25 of 161), 2 000 000 (104).
ELIMINATE_BELOW=${ELIMINATE_BELOW:-100000 600000 3000000}
PARTS_BELOW=${PARTS_BELOW:-200000 2000000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen

run() {
    echo "qgis_process run $*" | sed "s|$ROOT/||g; s|$WORK/||g" >>"$WORK/commands.txt"
    "$QGIS" run "$@" >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
}

run native:reprojectlayer --INPUT="$DATA/census.gpkg|layername=flood_zones" \
    --TARGET_CRS=EPSG:4549 --OUTPUT="$WORK/flood_4549.gpkg"
run native:dissolve --INPUT="$WORK/flood_4549.gpkg" --FIELD=level \
    --OUTPUT="$WORK/dissolved.gpkg"
run native:multiparttosingleparts --INPUT="$WORK/dissolved.gpkg" \
    --OUTPUT="$WORK/dissolved_parts.gpkg"

VERSION=$("$QGIS" --version 2>/dev/null | grep '^QGIS' | head -n 1)
/usr/bin/python3 - "$WORK" "$OUT" "$VERSION" "$ELIMINATE_BELOW" "$PARTS_BELOW" <<'PY'
import json
import sys

work, out, version, eliminate_below, parts_below = sys.argv[1:6]
eliminate_below = [float(value) for value in eliminate_below.split()]
parts_below = [float(value) for value in parts_below.split()]

sys.path.append('/usr/share/qgis/python/plugins')
from qgis.core import QgsApplication, QgsVectorLayer  # noqa: E402

QgsApplication.setPrefixPath('/usr', True)
app = QgsApplication([], False)
app.initQgis()
from processing.core.Processing import Processing  # noqa: E402
import processing  # noqa: E402
Processing.initialize()

with open(f'{work}/commands.txt', encoding='utf-8') as stream:
    commands = stream.read().splitlines()


def eliminate(source, threshold, output):
    layer = QgsVectorLayer(source, 'input', 'ogr')
    assert layer.isValid(), source
    # area($geometry) is planar in the layer CRS; $area would be ellipsoidal.
    expression = f'area($geometry) < {threshold:g}'
    layer.selectByExpression(expression)
    selected = layer.selectedFeatureCount()
    processing.run('qgis:eliminateselectedpolygons',
                   {'INPUT': layer, 'MODE': 2, 'OUTPUT': output})
    commands.append(f'QgsVectorLayer({source.replace(work + "/", "")}).selectByExpression'
                    f"('{expression}'); processing.run('qgis:eliminateselectedpolygons', "
                    f"{{'INPUT': layer, 'MODE': 2, 'OUTPUT': '{output.replace(work + '/', '')}'}})")
    return selected


def per_level(path):
    from osgeo import ogr
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    levels = {}
    total = 0.0
    for feature in layer:
        geometry = feature.GetGeometryRef()
        level = str(feature.GetField('level'))
        entry = levels.setdefault(level, {'features': 0, 'parts': 0, 'area_m2': 0.0})
        entry['features'] += 1
        if geometry is None or geometry.IsEmpty():
            continue
        if geometry.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbMultiPolygon25D):
            entry['parts'] += geometry.GetGeometryCount()
        else:
            entry['parts'] += 1
        entry['area_m2'] += geometry.GetArea()
        total += geometry.GetArea()
    return {'features': layer.GetFeatureCount(), 'total_area_m2': total,
            'levels': dict(sorted(levels.items()))}


eliminated = []
for threshold in eliminate_below:
    output = f'{work}/eliminated_{threshold:.0f}.gpkg'
    selected = eliminate(f'{work}/flood_4549.gpkg', threshold, output)
    eliminated.append(dict(threshold_m2=threshold, selected=selected,
                           mode='largest common boundary', **per_level(output)))

cleaned = []
for threshold in parts_below:
    output = f'{work}/parts_eliminated_{threshold:.0f}.gpkg'
    selected = eliminate(f'{work}/dissolved_parts.gpkg', threshold, output)
    final = f'{work}/cleaned_{threshold:.0f}.gpkg'
    processing.run('native:dissolve', {'INPUT': output, 'FIELD': ['level'], 'OUTPUT': final})
    commands.append(f"processing.run('native:dissolve', {{'INPUT': '{output.replace(work + '/', '')}', "
                    f"'FIELD': ['level'], 'OUTPUT': '{final.replace(work + '/', '')}'}})")
    cleaned.append(dict(by='level', threshold_m2=threshold,
                        parts=per_level(f'{work}/dissolved_parts.gpkg')['features'],
                        selected=selected, mode='largest common boundary', **per_level(final)))

reference = {
    'generated_by': 'scripts/reference/dissolve_reference.sh',
    'qgis': version,
    'source': 'sample-data/yongjia/census.gpkg|layername=flood_zones',
    'crs': 'EPSG:4549',
    'area': 'planar, EPSG:4549, m², summed by OGR over the output features',
    'commands': commands,
    'python': 'the QgsVectorLayer and processing.run lines ran in /usr/bin/python3 with '
              'python3-qgis and the processing plugin of the same QGIS',
    'input': per_level(f'{work}/flood_4549.gpkg'),
    'dissolve': dict(by='level', **per_level(f'{work}/dissolved.gpkg')),
    'eliminate': eliminated,
    'dissolve_eliminate': cleaned,
}
with open(out, 'w', encoding='utf-8') as stream:
    json.dump(reference, stream, ensure_ascii=False, indent=2)
    stream.write('\n')
app.exitQgis()
PY
echo "wrote $OUT"
