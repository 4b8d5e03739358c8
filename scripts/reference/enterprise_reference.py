#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Writes tests/data/enterprise/qgis_reference.json: the spatial figures of the enterprise
job on the sample's newer survey (2025H2), computed with QGIS 3.22 (PyQGIS) and code that does
not share anything with core/enterprise:
- each row's GCJ-02/BD-09 position inverted to WGS84 by iterating the public forward formulas
  (as given in sample-data/README.md);
- township membership by QgsGeometry.contains;
- LEC level plus the dynamic adjustment;
- control-line buffers in EPSG:4549 (QgsCoordinateTransform) and the sensitive sites within
  the buffer distance (QgsGeometry.distance), by the sample configuration's distances.

Run from the repository root (Debian's interpreter, python3-qgis):
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/reference/enterprise_reference.py \
        > tests/data/enterprise/qgis_reference.json
"""
import csv
import json
import math
import os
import sys

from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform,
                       QgsGeometry, QgsPointXY, QgsProject, QgsSpatialIndex, QgsVectorLayer)

A = 6378245.0
EE = 0.00669342162296594323
X_PI = math.pi * 3000.0 / 180.0


def _lat(x, y):
    r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    r += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return r


def _lon(x, y):
    r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    r += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    r += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    r += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return r


def wgs_to_gcj(lon, lat):
    dlat = _lat(lon - 105.0, lat - 35.0)
    dlon = _lon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (A / sqrtmagic * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat


def gcj_to_bd(lon, lat):
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def invert(forward, lon, lat):
    x, y = lon, lat
    for _ in range(50):
        fx, fy = forward(x, y)
        dx, dy = lon - fx, lat - fy
        x, y = x + dx, y + dy
        if abs(dx) < 1e-11 and abs(dy) < 1e-11:
            break
    return x, y


def to_wgs(lon, lat, system):
    if system == "GCJ-02":
        return invert(wgs_to_gcj, lon, lat)
    if system == "BD-09":
        return invert(wgs_to_gcj, *invert(gcj_to_bd, lon, lat))
    return lon, lat


def level(row):
    d = float(row["L"]) * float(row["E"]) * float(row["C"])
    k = 4 if d > 320 else 3 if d > 160 else 2 if d > 70 else 1
    if int(row["重大隐患未整改数"]) > 0:
        return 4
    if int(row["一般隐患未整改数"]) >= 5:
        return min(4, k + 1)
    return k


DISTANCES = {4: 500.0, 3: 300.0}
BY_SECTOR = {"危险化学品": {4: 1000.0, 3: 500.0}, "烟花爆竹": {4: 1000.0, 3: 500.0},
             "涉氨制冷": {4: 800.0, 3: 400.0}}

app = QgsApplication([], False)
app.initQgis()
data = "sample-data/yongjia/"
townships = QgsVectorLayer(data + "townships.shp", "townships", "ogr")
units = [(f["name"], QgsGeometry(f.geometry())) for f in townships.getFeatures()]
rows = list(csv.DictReader(open(data + "enterprises_2025H2.csv", encoding="gbk")))
per_unit = {name: [0, 0, 0, 0] for name, _ in units}
outside = 0
firms = []
for row in rows:
    lon, lat = to_wgs(float(row["经度"]), float(row["纬度"]), row["坐标系"])
    point = QgsGeometry.fromPointXY(QgsPointXY(lon, lat))
    k = level(row)
    firms.append((row, lon, lat, k))
    for name, geometry in units:
        if geometry.contains(point):
            per_unit[name][k - 1] += 1
            break
    else:
        outside += 1

wgs = QgsCoordinateReferenceSystem("EPSG:4490")
metric = QgsCoordinateReferenceSystem("EPSG:4549")
transform = QgsCoordinateTransform(wgs, metric, QgsProject.instance())
census = data + "census.gpkg|layername="
kinds = [("避灾安置场所", "shelters", None), ("住宅", "buildings", "住宅"), ("公共建筑", "buildings", "公共")]
sites = []
for kind, layer_name, use in kinds:
    layer = QgsVectorLayer(census + layer_name, layer_name, "ogr")
    for feature in layer.getFeatures():
        if use is not None and feature["use"] != use:
            continue
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        sites.append((kind, geometry))
index = QgsSpatialIndex()
for i, (_, geometry) in enumerate(sites):
    index.addFeature(i, geometry.boundingBox())

lines = 0
site_counts = {kind: 0 for kind, _, _ in kinds}
per_firm = {}
for row, lon, lat, k in firms:
    distance = BY_SECTOR.get(row["行业类别"], DISTANCES).get(k, 0.0)
    if distance <= 0:
        continue
    lines += 1
    point = QgsGeometry.fromPointXY(QgsPointXY(lon, lat))
    point.transform(transform)
    box = point.buffer(distance, 32).boundingBox()
    inside = 0
    for i in index.intersects(box):
        kind, geometry = sites[i]
        if point.distance(geometry) <= distance:
            site_counts[kind] += 1
            inside += 1
    per_firm[row["统一社会信用代码"]] = inside

json.dump({
    "command": "QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/reference/enterprise_reference.py",
    "qgis": Qgis.QGIS_VERSION,
    "inventory": "enterprises_2025H2.csv",
    "level_order": ["低", "一般", "较大", "重大"],
    "outside_townships": outside,
    "townships": per_unit,
    "control_lines": lines,
    "sites_by_kind": site_counts,
    "sites_per_firm": per_firm,
}, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
print()
sys.stdout.flush()
# PyQGIS 3.22 may crash tearing down layers in exitQgis(); the output is complete by now.
os._exit(0)
