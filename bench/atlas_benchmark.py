#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Times the sample county's atlas: RiskAtlas (`riskatlas-cli atlas`) against QGIS's
`native:atlaslayouttopdf` on the same coverage and layers, in the same run, and prints a
Markdown table: median wall time, the ratio, PDF sizes and page counts.

  /usr/bin/python3 bench/atlas_benchmark.py [--repeat 3] [--out report.md]

The QGIS project is generated here with PyQGIS: an A4 portrait layout with an atlas-driven map
(flood zones categorised by level in the five-colour palette, buildings, shelters, township
outlines with name labels), a legend, a scale bar, a north arrow and a title, the atlas over
the townships. QGIS draws every building as a vector path; RiskAtlas draws them as an image at
print resolution (docs/atlas.md). The pages are not identical: RiskAtlas's also hold a cover,
contents, an overview, a statistics table and notes. No timing is asserted anywhere.
"""
import argparse
import os
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

FIVE_COLOUR = [(5, "高", "#E60000"), (4, "较高", "#FF9900"), (3, "中", "#FFEB00"),
               (2, "较低", "#3C8CDC"), (1, "低", "#38A800")]


def make_project(path):
    """Writes a .qgs with a layout "atlas" over the townships."""
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
    buildings = QgsVectorLayer(census + "|layername=buildings", "建筑物", "ogr")
    shelters = QgsVectorLayer(census + "|layername=shelters", "避难场所", "ogr")
    towns = QgsVectorLayer(os.path.join(DATA, "townships.shp"), "乡镇（街道）界", "ogr")
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
    start = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - start
    # qgis_process 3.22 writes the whole atlas and then may crash while shutting down
    # ("double free or corruption" after GDAL's driver teardown); the PDF is complete then.
    if result.returncode != 0 and not (os.path.exists(output) and pages(output) > 0):
        sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr[-2000:]))
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as work:
        qgs = os.path.join(work, "atlas.qgs")
        subprocess.run([sys.executable, __file__, "--make-project", qgs], check=True, env=env)
        ours = os.path.join(work, "riskatlas.pdf")
        theirs = os.path.join(work, "qgis.pdf")
        ra, qg = [], []
        for _ in range(args.repeat):
            ra.append(timed([CLI, "atlas", CONFIG, "-o", ours, "--overwrite"], env, ours))
            if os.path.exists(theirs):
                os.remove(theirs)
            qg.append(timed([QGIS, "run", "native:atlaslayouttopdf", "--project_path=" + qgs,
                             "--", "LAYOUT=atlas", "DPI=300", "OUTPUT=" + theirs], env, theirs))
        r, q = statistics.median(ra), statistics.median(qg)
        rs, qs = os.path.getsize(ours), os.path.getsize(theirs)
        rows = [
            "| atlas | pages | median s | PDF MB |",
            "| --- | ---: | ---: | ---: |",
            "| RiskAtlas `riskatlas-cli atlas` | %d | %.2f | %.2f |" % (pages(ours), r, rs / 1e6),
            "| QGIS `native:atlaslayouttopdf` (300 dpi) | %d | %.2f | %.2f |"
            % (pages(theirs), q, qs / 1e6),
            "",
            "QGIS / RiskAtlas: time %.1f×, PDF size %.1f× (median of %d runs each)."
            % (q / r, qs / rs, args.repeat),
        ]
        report = "\n".join(rows) + "\n"
        print(report)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                f.write(report)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--make-project":
        make_project(sys.argv[2])
    else:
        main()
