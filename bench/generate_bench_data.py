#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Generates the overlay benchmark inputs on the sample county (deterministic, seed 20261124).

Writes into bench/data/ (not committed), all in EPSG:4549 (CGCS2000 3-degree GK CM 120E):
  buildings_200k.gpkg   ~200 000 building footprints (8-40 m rotated rectangles)
  buildings_200k_real.gpkg  200 000 footprints in villages and town blocks, in rows along
                        streets, rectangles, L, T, U, chamfered and stepped outlines (seed
                        20261129, see real_buildings())
  buildings_1m.gpkg     ~1 000 000 footprints (with --large)
  flood_split.gpkg      the sample flood zones as shipped (~1 200 polygons)
  flood_unsplit.gpkg    the same zones dissolved per level and township (~100 big polygons)
  points_200k.gpkg      the centroids of buildings_200k (for point counts)
  grid_250m.gpkg        a 250 m square grid over the county (~43 000 cells)
  grid_levels.gpkg      the same cells with a made-up risk level 1-5 in patches (see risk_level())
  townships.gpkg        the 22 townships
Run with Debian's python3 (python3-gdal, python3-shapely, python3-numpy):
  /usr/bin/python3 bench/generate_bench_data.py [--large] [--real-only] [--grids-only]
"""
import argparse
import math
import os
import sys

import numpy as np
from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb
from shapely.geometry import Point, Polygon, box
from shapely.ops import unary_union
from shapely.prepared import prep
import shapely.vectorized

gdal.UseExceptions()
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "sample-data", "yongjia")
OUT = os.path.join(ROOT, "bench", "data")
GK = osr.SpatialReference()
GK.ImportFromEPSG(4549)
GK.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)


def read_layer(path, layer=None):
    """Returns [(shapely geometry in EPSG:4549, {field: value})]."""
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    src = lyr.GetSpatialRef()
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(src, GK)
    rows = []
    for feature in lyr:
        geometry = feature.GetGeometryRef().Clone()
        geometry.Transform(transform)
        rows.append((shapely_wkb.loads(bytes(geometry.ExportToWkb())), feature.items()))
    return rows


def write_layer(path, name, rows, fields):
    if os.path.exists(path):
        os.remove(path)
    gdal.SetConfigOption("OGR_CURRENT_DATE", "2026-11-24T00:00:00Z")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = ds.CreateLayer(name, GK, ogr.wkbMultiPolygon)
    for field, kind in fields:
        lyr.CreateField(ogr.FieldDefn(field, kind))
    definition = lyr.GetLayerDefn()
    lyr.StartTransaction()
    for geometry, values in rows:
        feature = ogr.Feature(definition)
        for field, _ in fields:
            feature.SetField(field, values[field])
        ogr_geometry = ogr.CreateGeometryFromWkb(geometry.wkb)
        feature.SetGeometry(ogr.ForceToMultiPolygon(ogr_geometry))
        lyr.CreateFeature(feature)
    lyr.CommitTransaction()
    ds = None
    print(f"{os.path.relpath(path, ROOT)}: {len(rows)} features", flush=True)


def write_points(path, name, rows):
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    lyr = ds.CreateLayer(name, GK, ogr.wkbPoint)
    for field in ("id", "floors"):
        lyr.CreateField(ogr.FieldDefn(field, ogr.OFTInteger))
    definition = lyr.GetLayerDefn()
    lyr.StartTransaction()
    for point, values in rows:
        feature = ogr.Feature(definition)
        feature.SetField("id", values["id"])
        feature.SetField("floors", values["floors"])
        feature.SetGeometry(ogr.CreateGeometryFromWkb(point.wkb))
        lyr.CreateFeature(feature)
    lyr.CommitTransaction()
    ds = None
    print(f"{os.path.relpath(path, ROOT)}: {len(rows)} features", flush=True)


def buildings(county, count, rng):
    minx, miny, maxx, maxy = county.bounds
    xs = []
    ys = []
    # Denser in the south (the towns), as in the sample data: half the draws from the
    # southern third.
    while sum(len(x) for x in xs) < count:
        n = count
        x = rng.uniform(minx, maxx, n)
        south = rng.random(n) < 0.5
        y = np.where(south, rng.uniform(miny, miny + (maxy - miny) / 3, n), rng.uniform(miny, maxy, n))
        inside = shapely.vectorized.contains(county, x, y)
        xs.append(x[inside])
        ys.append(y[inside])
    x = np.concatenate(xs)[:count]
    y = np.concatenate(ys)[:count]
    width = rng.uniform(8, 40, count)
    depth = rng.uniform(8, 25, count)
    angle = rng.uniform(0, math.pi, count)
    floors = rng.integers(1, 12, count)
    rows = []
    for i in range(count):
        c, s = math.cos(angle[i]), math.sin(angle[i])
        corners = []
        for dx, dy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
            px, py = dx * width[i] / 2, dy * depth[i] / 2
            corners.append((x[i] + px * c - py * s, y[i] + px * s + py * c))
        rows.append((Polygon(corners), {"id": i + 1, "floors": int(floors[i])}))
    return rows


# Footprint outlines in a building's own frame: x along the street (width w), y away from it
# (depth d), centred on (0, 0), counter-clockwise, without the closing vertex.
def rectangle(w, d, rng):
    return [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)]


def l_shape(w, d, rng):
    a = w * rng.uniform(0.35, 0.65)   # the wing's width
    b = d * rng.uniform(0.35, 0.65)   # the main block's depth
    outline = [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, -d / 2 + b), (-w / 2 + a, -d / 2 + b),
               (-w / 2 + a, d / 2), (-w / 2, d / 2)]
    return outline if rng.random() < 0.5 else [(-x, y) for x, y in reversed(outline)]


def t_shape(w, d, rng):
    b = d * rng.uniform(0.35, 0.6)    # the bar along the street
    s = w * rng.uniform(0.25, 0.5)    # the stem's width
    c = rng.uniform(-(w - s) / 4, (w - s) / 4)
    return [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, -d / 2 + b), (c + s / 2, -d / 2 + b),
            (c + s / 2, d / 2), (c - s / 2, d / 2), (c - s / 2, -d / 2 + b), (-w / 2, -d / 2 + b)]


def u_shape(w, d, rng):
    b = d * rng.uniform(0.3, 0.5)     # the block along the street
    a = w * rng.uniform(0.2, 0.35)    # each wing's width
    return [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (w / 2 - a, d / 2),
            (w / 2 - a, -d / 2 + b), (-w / 2 + a, -d / 2 + b), (-w / 2 + a, d / 2), (-w / 2, d / 2)]


def chamfered(w, d, rng):
    """A rectangle with one to four corners cut at 45 degrees (5 to 8 vertices)."""
    cut = min(w, d) * rng.uniform(0.08, 0.25)
    corners = [(-w / 2, -d / 2, 1, 1), (w / 2, -d / 2, -1, 1), (w / 2, d / 2, -1, -1),
               (-w / 2, d / 2, 1, -1)]
    chosen = set(rng.choice(4, size=int(rng.integers(1, 5)), replace=False).tolist())
    outline = []
    for i, (x, y, sx, sy) in enumerate(corners):
        if i not in chosen:
            outline.append((x, y))
        elif i % 2 == 0:
            outline += [(x, y + sy * cut), (x + sx * cut, y)]
        else:
            outline += [(x + sx * cut, y), (x, y + sy * cut)]
    return outline


def irregular(w, d, rng):
    """A rectangle with one to three corner notches and up to two edge notches: the stepped
    outlines of extended rural houses (6 to 18 vertices)."""
    polygon = Polygon(rectangle(w, d, rng))
    corners = rng.choice(4, size=int(rng.integers(1, 4)), replace=False)
    for i in corners:
        nx, ny = w * rng.uniform(0.1, 0.3), d * rng.uniform(0.1, 0.3)
        x = -w / 2 if i in (0, 3) else w / 2 - nx
        y = -d / 2 if i in (0, 1) else d / 2 - ny
        polygon = polygon.difference(box(x, y, x + nx, y + ny))
    for _ in range(int(rng.integers(0, 3))):
        if rng.random() < 0.5:   # a recess in the back or front edge
            nx, ny = w * rng.uniform(0.1, 0.25), d * rng.uniform(0.05, 0.15)
            x = rng.uniform(-w / 4, w / 4 - nx)
            y = d / 2 - ny if rng.random() < 0.5 else -d / 2
        else:                    # a recess in a side edge
            nx, ny = w * rng.uniform(0.05, 0.15), d * rng.uniform(0.1, 0.25)
            x = w / 2 - nx if rng.random() < 0.5 else -w / 2
            y = rng.uniform(-d / 4, d / 4 - ny)
        polygon = polygon.difference(box(x, y, x + nx, y + ny))
    if polygon.geom_type != "Polygon":
        polygon = max(polygon.geoms, key=lambda part: part.area)
    return list(polygon.simplify(0).exterior.coords)[:-1]


# Shares of the outline kinds (sum 1) and the builders.
SHAPES = ((0.18, rectangle), (0.20, l_shape), (0.12, t_shape), (0.08, u_shape),
          (0.13, chamfered), (0.29, irregular))


def digitised(outline, rng):
    """Half the outlines get one or two extra vertices on an edge, off the line
    by 0.1-0.4 m, as hand-digitised outlines have."""
    if rng.random() >= 0.5:
        return outline
    outline = list(outline)
    for _ in range(int(rng.integers(1, 3))):
        i = int(rng.integers(len(outline)))
        (x0, y0), (x1, y1) = outline[i], outline[(i + 1) % len(outline)]
        length = math.hypot(x1 - x0, y1 - y0)
        if length < 2:
            continue
        t, off = rng.uniform(0.3, 0.7), rng.uniform(0.1, 0.4) * rng.choice((-1, 1))
        nx, ny = -(y1 - y0) / length, (x1 - x0) / length
        outline.insert(i + 1, (x0 + t * (x1 - x0) + off * nx, y0 + t * (y1 - y0) + off * ny))
    return outline


def settlement(cx, cy, town, rng):
    """One cluster's footprints in metres around (cx, cy): parallel streets sharing one
    orientation, buildings in rows on both sides of each street, facing it."""
    theta = rng.uniform(0, math.pi)
    if town:   # a town block: a grid of 4-10 streets, 150-500 m long
        streets, length = int(rng.integers(4, 11)), rng.uniform(150, 500)
        spacing, depths = rng.uniform(55, 70), (10, 22)
    else:      # a village: 1-4 short lanes, 50-250 m
        streets, length = int(rng.integers(1, 5)), rng.uniform(50, 250)
        spacing, depths = rng.uniform(38, 48), (8, 15)
    c, s = math.cos(theta), math.sin(theta)
    shapes = [kind for _, kind in SHAPES]
    shares = [share for share, _ in SHAPES]
    footprints = []
    for k in range(streets):
        street_y = (k - (streets - 1) / 2) * spacing
        # Lanes in a village are not all equally long nor aligned at one end.
        start = -length / 2 + (0 if town else rng.uniform(0, length / 3))
        end = length / 2 - (0 if town else rng.uniform(0, length / 3))
        for side in (-1, 1):
            x = start + rng.uniform(0, 4)
            while True:
                # Widths 8-40 m, most of them small (lognormal, median 13 m).
                w = float(np.clip(rng.lognormal(math.log(13), 0.4), 8, 40))
                if x + w > end:
                    break
                d = rng.uniform(*depths)
                if rng.random() < 0.08:   # a gap: a yard, a field, a side lane
                    x += rng.uniform(8, 30)
                    continue
                kind = shapes[int(rng.choice(len(shapes), p=shares))]
                outline = digitised(kind(w, d, rng), rng)
                setback = rng.uniform(4, 7)
                # The building's own centre, its orientation the street's within 2 degrees.
                bx = x + w / 2 + rng.normal(0, 0.3)
                by = street_y + side * (setback + d / 2)
                turn = theta + rng.normal(0, math.radians(1.5))
                tc, ts = math.cos(turn), math.sin(turn)
                if side < 0:   # the far side faces the street too: its outline turned round
                    outline = [(-px, -py) for px, py in outline]
                gx, gy = cx + bx * c - by * s, cy + bx * s + by * c
                footprints.append(Polygon([(gx + px * tc - py * ts, gy + px * ts + py * tc)
                                           for px, py in outline]))
                x += w + rng.uniform(1.5, 5)
    return footprints


def real_buildings(county, count, rng):
    """About `count` footprints in settlements (see settlement()): 4 % of the clusters are
    town blocks, the rest villages; half the cluster centres in the southern third of the
    county, as the towns are there. Buildings whose centre falls outside the county are
    dropped; the last cluster is cut to reach `count` exactly."""
    minx, miny, maxx, maxy = county.bounds
    prepared = prep(county)
    rows = []
    floors = []
    while len(rows) < count:
        x = rng.uniform(minx, maxx)
        y = rng.uniform(miny, miny + (maxy - miny) / 3) if rng.random() < 0.5 else \
            rng.uniform(miny, maxy)
        if not prepared.contains(Point(x, y)):
            continue
        town = rng.random() < 0.04
        for footprint in settlement(x, y, town, rng):
            centre = footprint.centroid
            if prepared.contains(centre) and footprint.is_valid:
                rows.append(footprint)
                floors.append(int(rng.integers(3, 12) if town else rng.integers(1, 5)))
    return [(g, {"id": i + 1, "floors": floors[i]}) for i, g in enumerate(rows[:count])]


def risk_level(cell):
    """A made-up graded risk level 1-5 of a grid cell: a smooth field over the county and a
    finer ripple, so that the levels form patches with ragged borders, as graded census grids
    do (the assessment grid dissolved by level is the risk zoning map)."""
    c = cell.centroid
    value = (2.5 + 2.5 * math.sin(c.x / 2300) * math.cos(c.y / 3100)
             + 0.8 * math.sin(c.x / 700 + c.y / 900))
    return min(5, max(1, 1 + int(value)))


def write_grids(county):
    minx, miny, maxx, maxy = county.bounds
    prepared = prep(county)
    grid = []
    x0 = math.floor(minx / 250) * 250
    y0 = math.floor(miny / 250) * 250
    for ix in range(int((maxx - x0) / 250) + 1):
        for iy in range(int((maxy - y0) / 250) + 1):
            cell = box(x0 + ix * 250, y0 + iy * 250, x0 + (ix + 1) * 250, y0 + (iy + 1) * 250)
            if prepared.intersects(cell):
                grid.append((cell.intersection(county) if not prepared.contains(cell) else cell,
                             {"cell": len(grid) + 1}))
    write_layer(os.path.join(OUT, "grid_250m.gpkg"), "grid_250m", grid, [("cell", ogr.OFTInteger)])
    write_layer(os.path.join(OUT, "grid_levels.gpkg"), "grid_levels",
                [(g, {"cell": v["cell"], "level": risk_level(g)}) for g, v in grid],
                [("cell", ogr.OFTInteger), ("level", ogr.OFTInteger)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also write the 1 M building case")
    parser.add_argument("--real-only", action="store_true",
                        help="write only buildings_200k_real.gpkg (the other sets are unchanged)")
    parser.add_argument("--grids-only", action="store_true",
                        help="write only grid_250m.gpkg and grid_levels.gpkg")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261124)

    townships = read_layer(os.path.join(SAMPLE, "townships.shp"))
    county = unary_union([g for g, _ in townships])
    if args.grids_only:
        write_grids(county)
        return 0
    # Its own seed, so that the sets above and below stay as they were.
    real = real_buildings(county, 200_000, np.random.default_rng(20261129))
    write_layer(os.path.join(OUT, "buildings_200k_real.gpkg"), "buildings", real,
                [("id", ogr.OFTInteger), ("floors", ogr.OFTInteger)])
    vertices = np.array([len(g.exterior.coords) - 1 for g, _ in real])
    print("buildings_200k_real: vertices per outline mean %.2f, median %d, 5-95 %% %d-%d, "
          "max %d" % (vertices.mean(), np.median(vertices), np.percentile(vertices, 5),
                      np.percentile(vertices, 95), vertices.max()), flush=True)
    if args.real_only:
        return 0
    write_layer(os.path.join(OUT, "townships.gpkg"), "townships",
                [(g, {"name": v["name"]}) for g, v in townships], [("name", ogr.OFTString)])

    flood = read_layer(os.path.join(SAMPLE, "census.gpkg"), "flood_zones")
    write_layer(os.path.join(OUT, "flood_split.gpkg"), "flood_split",
                [(g, {"level": v["level"]}) for g, v in flood], [("level", ogr.OFTInteger)])
    unsplit = []
    for level in range(1, 6):
        zone = unary_union([g for g, v in flood if v["level"] == level])
        for township, _ in townships:
            piece = zone.intersection(township)
            if not piece.is_empty and piece.area > 0:
                unsplit.append((piece, {"level": level}))
    write_layer(os.path.join(OUT, "flood_unsplit.gpkg"), "flood_unsplit", unsplit,
                [("level", ogr.OFTInteger)])

    write_grids(county)

    houses = buildings(county, 200_000, rng)
    write_layer(os.path.join(OUT, "buildings_200k.gpkg"), "buildings", houses,
                [("id", ogr.OFTInteger), ("floors", ogr.OFTInteger)])
    write_points(os.path.join(OUT, "points_200k.gpkg"), "building_points",
                 [(g.centroid, v) for g, v in houses])
    if args.large:
        write_layer(os.path.join(OUT, "buildings_1m.gpkg"), "buildings",
                    buildings(county, 1_000_000, rng), [("id", ogr.OFTInteger), ("floors", ogr.OFTInteger)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
