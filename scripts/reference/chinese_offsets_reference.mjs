// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
//
// Writes tests/data/crs/chinese_offsets_reference.csv: WGS84 -> GCJ-02 -> BD-09 -> WGS84 for
// points across China and a few outside it, computed by the npm package gcoord, an
// implementation independent of core/crs/chinese_offsets.cpp. coordtransform, a second
// package, cross-checks gcoord's forward formulas; the script fails if the two disagree.
//
// Neither package belongs to the repository. Install them outside it and name the folder:
//   mkdir -p /tmp/offsets-ref && cd /tmp/offsets-ref && npm init -y && \
//       npm install gcoord@1.0.7 coordtransform@2.1.2
//   node scripts/reference/chinese_offsets_reference.mjs /tmp/offsets-ref/node_modules \
//       > tests/data/crs/chinese_offsets_reference.csv
import { createRequire } from 'node:module';
import path from 'node:path';

if (process.argv.length < 3) {
    console.error('usage: node chinese_offsets_reference.mjs NODE_MODULES_DIR > out.csv');
    process.exit(2);
}
const modules = path.resolve(process.argv[2]);
const require = createRequire(path.join(modules, 'noop.js'));
const gcoord = require('gcoord');
const coordtransform = require('coordtransform');
const versionOf = (name) => require(`${name}/package.json`).version;

// WGS84 longitude, latitude (degrees). Tokyo and Sydney lie outside the rough China box the
// offset applies to; Seoul lies inside it, so gcoord offsets it like a Chinese point.
const points = [
    ['Yongjia', 120.6908, 28.1531],
    ['Beijing', 116.3912, 39.9073],
    ['Urumqi', 87.6168, 43.8256],
    ['Sanya', 109.5119, 18.2528],
    ['Harbin', 126.5349, 45.8038],
    ['Lhasa', 91.1172, 29.6469],
    ['Shanghai', 121.4737, 31.2304],
    ['Guangzhou', 113.2644, 23.1291],
    ['Chengdu', 104.0657, 30.6595],
    ['Kashgar', 75.9897, 39.4704],
    ['Mohe', 122.5364, 52.9726],
    ['Fuyuan', 134.2946, 48.3646],
    ['Seoul', 126.978, 37.5665],
    ['Tokyo', 139.6917, 35.6895],
    ['Sydney', 151.2093, -33.8688],
];

// coordtransform applies the offset only inside its own, smaller box.
const insideCoordtransformBox = (lon, lat) => lon > 73.66 && lon < 135.05 && lat > 3.86 && lat < 53.55;

let worst = 0;
const rows = [];
for (const [name, lon, lat] of points) {
    const gcj = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02);
    const bd = gcoord.transform(gcj, gcoord.GCJ02, gcoord.BD09);
    const back = gcoord.transform(bd, gcoord.BD09, gcoord.WGS84);
    if (insideCoordtransformBox(lon, lat)) {
        const gcj2 = coordtransform.wgs84togcj02(lon, lat);
        const bd2 = coordtransform.gcj02tobd09(gcj[0], gcj[1]);
        for (const d of [gcj2[0] - gcj[0], gcj2[1] - gcj[1], bd2[0] - bd[0], bd2[1] - bd[1]])
            worst = Math.max(worst, Math.abs(d));
    }
    rows.push([name, lon, lat, gcj[0], gcj[1], bd[0], bd[1], back[0], back[1]].join(','));
}
if (worst > 1e-12) {
    console.error(`gcoord and coordtransform disagree by ${worst} degrees`);
    process.exit(1);
}

const out = [
    '# WGS84 -> GCJ-02 -> BD-09 -> WGS84 reference values, degrees, computed independently of RiskAtlas.',
    `# Produced by: node scripts/reference/chinese_offsets_reference.mjs /tmp/offsets-ref/node_modules`,
    `# with gcoord ${versionOf('gcoord')} (values) and coordtransform ${versionOf('coordtransform')} (forward cross-check, max difference ${worst}),`,
    `# node ${process.version}. bd_to_wgs is gcoord's own inverse (approximate BD-09 inverse, GCJ-02 iterated to 1e-6 degrees).`,
    'name,wgs_lon,wgs_lat,gcj_lon,gcj_lat,bd_lon,bd_lat,bd_to_wgs_lon,bd_to_wgs_lat',
    ...rows,
];
process.stdout.write(out.join('\n') + '\n');
