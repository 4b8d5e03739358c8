#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Times the atlas: RiskAtlas (`riskatlas-cli atlas`) against QGIS's `native:atlaslayouttopdf`
on the same coverage and layers, in the same run, and prints a Markdown table: median wall time
and CPU time of each, the ratios, PDF sizes and page counts.

  /usr/bin/python3 bench/atlas_benchmark.py [--repeat 3]
      [--cases sample,grid100,buildings200k,buildings200k_real]
                                            [--out report.md] [--keep DIR]

Cases:
  sample         the sample county's 22 townships (bench/atlas_benchmark_config.json)
  grid100        about 100 square cells over the county (generated here, clipped to it)
  buildings200k  20 townships with the 200 000 buildings of bench/data/buildings_200k.gpkg
                 (bench/generate_bench_data.py; `ln -s /work/benchdata bench/data`)
  buildings200k_real  the same with bench/data/buildings_200k_real.gpkg: footprints of 4-23
                 vertices (mean 8.4) in villages and town blocks, in rows along streets

The QGIS projects are generated here with PyQGIS: an A4 portrait layout with an atlas-driven
map (flood zones categorised by level in the five-colour palette, buildings, shelters, the
coverage's outlines with name labels), a legend, a scale bar, a north arrow and a title. QGIS
draws every building as a vector path; RiskAtlas draws them as a one-bit image at print
resolution (docs/atlas.md). The pages are not identical: RiskAtlas's also hold a cover,
contents, an overview, graticule ticks, a statistics table and notes. With --keep DIR the PDFs
of the last run and, for buildings200k, one page of each at 200 dpi are kept in DIR. No timing
is asserted anywhere.
"""
import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "sample-data", "yongjia")
CLI = os.path.join(ROOT, "build", "app", "cli", "riskatlas-cli")
QGIS = "/usr/bin/qgis_process.bin"
# The layers of the QGIS project below (flood zones as the zoning), not the sample atlas, which
# draws the results of the sample job.
CONFIG = os.path.join(ROOT, "bench", "atlas_benchmark_config.json")
BUILDINGS_200K = os.path.join(ROOT, "bench", "data", "buildings_200k.gpkg")
BUILDINGS_200K_REAL = os.path.join(ROOT, "bench", "data", "buildings_200k_real.gpkg")
TOWNSHIPS_GK = os.path.join(ROOT, "bench", "data", "townships.gpkg")

FIVE_COLOUR = [(5, "高", "#E60000"), (4, "较高", "#FF9900"), (3, "中", "#FFEB00"),
               (2, "较低", "#3C8CDC"), (1, "低", "#38A800")]


def make_project(path, coverage, buildings_source):
    """Writes a .qgs with a layout "atlas" over `coverage` (an OGR source with a name field)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer,
                           QgsCoordinateReferenceSystem, QgsFillSymbol, QgsLayoutItemLabel,
                           QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPage,
                           QgsLayoutItemPicture, QgsLayoutItemScaleBar, QgsLayoutPoint,
                           QgsLayoutSize, QgsMarkerSymbol, QgsPalLayerSettings, QgsPrintLayout,
                           QgsProject, QgsRendererCategory, QgsSingleSymbolRenderer,
                           QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
    from qgis.PyQt.QtCore import QRectF
    from qgis.PyQt.QtGui import QColor, QFont

    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4549"))
    census = os.path.join(DATA, "census.gpkg")
    flood = QgsVectorLayer(census + "|layername=flood_zones", "洪水风险等级", "ogr")
    buildings = QgsVectorLayer(buildings_source, "建筑物", "ogr")
    shelters = QgsVectorLayer(census + "|layername=shelters", "避难场所", "ogr")
    towns = QgsVectorLayer(coverage, "乡镇（街道）界", "ogr")
    for layer in (flood, buildings, shelters, towns):
        if not layer.isValid():
            sys.exit("cannot read " + layer.source())
    categories = []
    for level, name, colour in FIVE_COLOUR:
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"})
        symbol.setOpacity(0.85)
        categories.append(QgsRendererCategory(level, symbol, name))
    flood.setRenderer(QgsCategorizedSymbolRenderer("level", categories))
    buildings.setRenderer(QgsSingleSymbolRenderer(
        QgsFillSymbol.createSimple({"color": "#4D4D4D", "outline_style": "no"})))
    shelters.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "#1F4E9E", "outline_color": "#FFFFFF", "size": "1.8"})))
    towns.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#3A3A3A", "outline_width": "0.3"})))
    labels = QgsPalLayerSettings()
    labels.fieldName = "name"
    text = QgsTextFormat()
    text.setFont(QFont("Noto Sans CJK SC"))
    text.setSize(7.5)
    buffer = text.buffer()
    buffer.setEnabled(True)
    buffer.setSize(0.6)
    text.setBuffer(buffer)
    labels.setFormat(text)
    towns.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    towns.setLabelsEnabled(True)
    project.addMapLayers([flood, buildings, shelters, towns])

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("atlas")
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)
    title = QgsLayoutItemLabel(layout)
    title.setText('[% "name" %] · 洪水风险区划图')
    title.setFont(QFont("Noto Sans CJK SC", 15))
    title.attemptSetSceneRect(QRectF(12, 10, 186, 12))
    layout.addLayoutItem(title)
    frame = QgsLayoutItemMap(layout)
    frame.attemptSetSceneRect(QRectF(12, 24, 186, 180))
    frame.setCrs(QgsCoordinateReferenceSystem("EPSG:4549"))
    frame.setLayers([towns, shelters, buildings, flood])
    frame.setExtent(towns.extent())
    frame.setAtlasDriven(True)
    frame.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    frame.setAtlasMargin(0.06)
    frame.setFrameEnabled(True)
    layout.addLayoutItem(frame)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("图例")
    legend.setLinkedMap(frame)
    legend.attemptMove(QgsLayoutPoint(12, 208))
    layout.addLayoutItem(legend)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(frame)
    bar.applyDefaultSize()
    bar.attemptMove(QgsLayoutPoint(17, 190))
    layout.addLayoutItem(bar)
    arrow = QgsLayoutItemPicture(layout)
    arrow.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    arrow.attemptSetSceneRect(QRectF(183, 28, 12, 12))
    layout.addLayoutItem(arrow)
    atlas = layout.atlas()
    atlas.setCoverageLayer(towns)
    atlas.setPageNameExpression('"name"')
    atlas.setEnabled(True)
    project.layoutManager().addLayout(layout)
    if not project.write(path):
        sys.exit("cannot write " + path)
    app.exitQgis()


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def timed(command, env, output):
    """(wall seconds, CPU seconds: user + system of the command and its threads)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # qgis_process 3.22 writes the whole atlas and then may crash while shutting down
    # ("double free or corruption" after GDAL's driver teardown); the PDF is complete then.
    if result.returncode != 0 and not (os.path.exists(output) and pages(output) > 0):
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr[-2000:]))
    return seconds, cpu


def absolute_config(path):
    """The configuration at `path` with every source and raster made absolute."""
    with open(path, encoding="utf-8") as f:
        config = json.load(f)
    base = os.path.dirname(os.path.abspath(path))

    def resolve(source):
        file, _, rest = source.partition("|")
        return os.path.normpath(os.path.join(base, file)) + ("|" + rest if rest else "")

    for layer in config["layers"]:
        layer["source"] = resolve(layer["source"])
    for statistic in config.get("statistics", []):
        if "raster" in statistic:
            statistic["raster"] = resolve(statistic["raster"])
    return config


def county_gk():
    """The sample county's outline in EPSG:4549 (shapely)."""
    from shapely.ops import unary_union
    from generate_bench_data import GK, read_layer
    townships = read_layer(os.path.join(DATA, "townships.shp"))
    return unary_union([geometry for geometry, _ in townships]), GK


def write_polygons(path, layer_name, srs, rows):
    """Writes [(name, shapely polygon)] as a GeoPackage layer with a `name` field."""
    from osgeo import ogr
    driver = ogr.GetDriverByName("GPKG")
    if os.path.exists(path):
        driver.DeleteDataSource(path)
    dataset = driver.CreateDataSource(path)
    layer = dataset.CreateLayer(layer_name, srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, polygon in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("name", name)
        geometry = ogr.CreateGeometryFromWkb(polygon.wkb)
        feature.SetGeometry(ogr.ForceToMultiPolygon(geometry))
        layer.CreateFeature(feature)
    dataset = None


def make_grid(path, target=100):
    """About `target` square cells over the county, clipped to it, named 网格 RR-CC."""
    from shapely.geometry import box
    county, gk = county_gk()
    minx, miny, maxx, maxy = county.bounds
    for size in range(4000, 12000, 100):
        rows = []
        for r in range(int((maxy - miny) // size) + 1):
            for c in range(int((maxx - minx) // size) + 1):
                x, y = minx + c * size, maxy - (r + 1) * size
                cell = box(x, y, x + size, y + size).intersection(county)
                if cell.area > 0.05 * size * size:
                    rows.append(("网格 %02d-%02d" % (r + 1, c + 1), cell))
        if len(rows) <= target:
            break
    write_polygons(path, "grid", gk, rows)
    return len(rows), size


def first_townships(path, count=20):
    """The first `count` townships of bench/data/townships.gpkg (EPSG:4549)."""
    from generate_bench_data import GK, read_layer
    rows = [(values["name"], geometry) for geometry, values in read_layer(TOWNSHIPS_GK)[:count]]
    write_polygons(path, "townships", GK, rows)


def prepare(case, work):
    """Writes the case's configuration and data into `work`; returns what the runs need."""
    config = absolute_config(CONFIG)
    layers = {layer["id"]: layer for layer in config["layers"]}
    coverage = layers["townships"]
    buildings = layers["buildings"]
    note = "22 townships"
    if case == "grid100":
        grid = os.path.join(work, "grid.gpkg")
        cells, size = make_grid(grid)
        coverage["source"] = grid
        coverage["title"] = "网格"
        config["subtitle"] = "洪水风险区划图（基准测试：%d 个网格）" % cells
        note = "%d cells of %.1f km clipped to the county" % (cells, size / 1000)
    elif case in ("buildings200k", "buildings200k_real"):
        source = BUILDINGS_200K if case == "buildings200k" else BUILDINGS_200K_REAL
        if not os.path.exists(source):
            sys.exit("%s is missing: ln -s /work/benchdata bench/data, or run "
                     "bench/generate_bench_data.py" % source)
        towns = os.path.join(work, "townships20.gpkg")
        first_townships(towns)
        coverage["source"] = towns
        buildings["source"] = source
        config["subtitle"] = "洪水风险区划图（基准测试：20 万栋建筑物）"
        note = ("20 townships, 200 000 buildings" if case == "buildings200k" else
                "20 townships, 200 000 clustered footprints")
    path = os.path.join(work, case + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(config, f, ensure_ascii=False, indent=1)
    qgs = os.path.join(work, case + ".qgs")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, __file__, "--make-project", qgs, coverage["source"],
                    buildings["source"]], check=True, env=env)
    return {"config": path, "qgs": qgs, "note": note}


def render_crop(pdf, page, png):
    """Page `page` at 200 dpi, the middle of the map frame (600 × 450 px), as PNG."""
    base = png[:-4]
    subprocess.run(["pdftoppm", "-r", "200", "-f", str(page), "-l", str(page), "-x", "526",
                    "-y", "673", "-W", "600", "-H", "450", "-png", "-singlefile", pdf, base],
                   check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cases", default="sample,grid100,buildings200k,buildings200k_real")
    parser.add_argument("--out")
    parser.add_argument("--keep", help="keep the last PDFs (and page crops) in this folder")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    rows = [
        "| case | pages RiskAtlas / QGIS | RiskAtlas s | QGIS s | QGIS / RiskAtlas | "
        "RiskAtlas CPU s | QGIS CPU s | CPU ratio | RiskAtlas PDF MB | QGIS PDF MB | "
        "size ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    notes = []
    with tempfile.TemporaryDirectory() as work:
        for case in args.cases.split(","):
            setup = prepare(case, work)
            ours = os.path.join(work, case + "_riskatlas.pdf")
            theirs = os.path.join(work, case + "_qgis.pdf")
            ra, qg = [], []
            for _ in range(args.repeat):
                ra.append(timed([CLI, "atlas", setup["config"], "-o", ours, "--overwrite"], env,
                                ours))
                if os.path.exists(theirs):
                    os.remove(theirs)
                qg.append(timed([QGIS, "run", "native:atlaslayouttopdf",
                                 "--project_path=" + setup["qgs"], "--", "LAYOUT=atlas",
                                 "DPI=300", "OUTPUT=" + theirs], env, theirs))
                print("%s: RiskAtlas %.2f s (CPU %.2f s), QGIS %.2f s (CPU %.2f s)"
                      % (case, ra[-1][0], ra[-1][1], qg[-1][0], qg[-1][1]), file=sys.stderr)
            r = statistics.median(t for t, _ in ra)
            q = statistics.median(t for t, _ in qg)
            rc = statistics.median(c for _, c in ra)
            qc = statistics.median(c for _, c in qg)
            rs, qs = os.path.getsize(ours), os.path.getsize(theirs)
            rows.append("| %s (%s) | %d / %d | %.2f | %.2f | %.1f× | %.2f | %.2f | %.1f× | "
                        "%.2f | %.2f | %.1f× |"
                        % (case, setup["note"], pages(ours), pages(theirs), r, q, q / r, rc, qc,
                           qc / rc, rs / 1e6, qs / 1e6, qs / rs))
            notes.append("%s runs (wall/CPU s): RiskAtlas %s; QGIS %s" % (
                case, ", ".join("%.2f/%.2f" % t for t in ra),
                ", ".join("%.2f/%.2f" % t for t in qg)))
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                shutil.copy(ours, args.keep)
                shutil.copy(theirs, args.keep)
                if case.startswith("buildings200k"):
                    # RiskAtlas's first unit page follows the cover, contents and overview.
                    render_crop(ours, 4, os.path.join(args.keep, case + "_riskatlas_p4.png"))
                    render_crop(theirs, 1, os.path.join(args.keep, case + "_qgis_p1.png"))
    report = "\n".join(rows) + (
        "\n\nMedians of %d runs each, both in the same run; CPU is user + system time of the "
        "process and its threads; load average at the end %.1f, %.1f, %.1f.\n\n"
        % ((args.repeat,) + os.getloadavg())) + "\n".join(
        "- " + n for n in notes) + "\n"
    print(report)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--make-project":
        make_project(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        main()
