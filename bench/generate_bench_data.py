#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Generates the overlay benchmark inputs on the sample county (deterministic, seed 20261124).

Writes into bench/data/ (not committed), all in EPSG:4549 (CGCS2000 3-degree GK CM 120E):
  buildings_200k.gpkg   ~200 000 building footprints (8-40 m rotated rectangles)
  buildings_1m.gpkg     ~1 000 000 footprints (with --large)
  flood_split.gpkg      the sample flood zones as shipped (~1 200 polygons)
  flood_unsplit.gpkg    the same zones dissolved per level and township (~100 big polygons)
  points_200k.gpkg      the centroids of buildings_200k (for point counts)
  grid_250m.gpkg        a 250 m square grid over the county (~43 000 cells)
  townships.gpkg        the 22 townships
Run with Debian's python3 (python3-gdal, python3-shapely, python3-numpy):
  /usr/bin/python3 bench/generate_bench_data.py [--large]
"""
import argparse
import math
import os
import sys

import numpy as np
from osgeo import gdal, ogr, osr
from shapely import wkb as shapely_wkb
from shapely.geometry import Polygon, box
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also write the 1 M building case")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20261124)

    townships = read_layer(os.path.join(SAMPLE, "townships.shp"))
    county = unary_union([g for g, _ in townships])
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
