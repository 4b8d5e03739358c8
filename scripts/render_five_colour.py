#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: RiskAtlas developers
"""Renders a five-colour risk map written by `riskatlas-cli zone` to a PNG, for the docs.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/render_five_colour.py OUTDIR PNG [LAYER]

Uses QGIS's Python bindings (python3-qgis; Debian's /usr/bin/python3, not a virtualenv).
Draws OUTDIR/LAYER.gpkg (default risk_map) filled with each feature's `color` field, the
risk zoning's borders, the unit names, and a legend of the five levels from the `level`,
`level_name` and `color` fields. Nothing here computes a result: it only draws the file.
"""
import os
import sys

from qgis.core import (QgsApplication, QgsFillSymbol, QgsMapRendererCustomPainterJob,
                       QgsMapSettings, QgsPalLayerSettings, QgsProperty, QgsSymbolLayer,
                       QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out_dir, png = sys.argv[1], sys.argv[2]
    layer_name = sys.argv[3] if len(sys.argv) > 3 else "risk_map"
    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer(os.path.join(out_dir, layer_name + ".gpkg"), layer_name, "ogr")
    if not layer.isValid():
        sys.exit("cannot open " + layer_name)
    fill = QgsFillSymbol.createSimple({"outline_color": "#ffffff", "outline_width": "0.3"})
    fill.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor,
                                               QgsProperty.fromField("color"))
    layer.renderer().setSymbol(fill)
    labels = QgsPalLayerSettings()
    labels.fieldName = "unit_name"
    text = QgsTextFormat()
    text.setFont(QFont("Noto Sans CJK SC"))
    text.setSize(8)
    labels.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)
    layers = [layer]
    zoning = QgsVectorLayer(os.path.join(out_dir, "risk_zoning.gpkg"), "zoning", "ogr")
    if zoning.isValid() and layer_name == "risk_map":
        zoning.renderer().setSymbol(QgsFillSymbol.createSimple(
            {"style": "no", "outline_color": "#333333", "outline_width": "0.5"}))
        layers.insert(0, zoning)

    size = QSize(900, 860)
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(layer.crs())
    extent = layer.extent()
    extent.scale(1.05)
    settings.setExtent(extent)
    settings.setOutputSize(size)
    settings.setBackgroundColor(QColor("white"))
    image = QImage(size, QImage.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()

    legend = {}
    for feature in layer.getFeatures():
        legend[feature["level"]] = (feature["level_name"], feature["color"])
    painter.setFont(QFont("Noto Sans CJK SC", 11))
    x, y = 20, size.height() - 30 * len(legend) - 20
    for level in sorted(legend, reverse=True):
        name, color = legend[level]
        painter.fillRect(QRectF(x, y, 26, 18), QColor(color))
        painter.setPen(QColor("#333333"))
        painter.drawRect(QRectF(x, y, 26, 18))
        painter.drawText(QRectF(x + 34, y - 2, 200, 22), Qt.AlignVCenter, "%d %s" % (level, name))
        y += 30
    painter.end()
    image.save(png)
    app.exitQgis()


if __name__ == "__main__":
    main()
