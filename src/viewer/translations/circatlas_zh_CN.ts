<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Replace the file?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <source>Cannot write there</source>
        <translation>无法写入该位置</translation>
    </message>
    <message>
        <source>Cannot open the registry %1</source>
        <translation>无法打开登记表 %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Open %1 as the registry the analyses run on, or add it to the map as a layer?</source>
        <translation>将 %1 作为分析所用的登记表打开，还是作为图层添加到地图？</translation>
    </message>
    <message>
        <source>Registry (analysis input)…</source>
        <translation>登记表（分析输入）…</translation>
    </message>
    <message>
        <source>Layer on the map</source>
        <translation>地图图层</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::AllocationPanel</name>
    <message>
        <source>reached</source>
        <translation>已达到</translation>
    </message>
    <message>
        <source>below the figure</source>
        <translation>低于该指标</translation>
    </message>
    <message>
        <source>no supply of these materials in the home province</source>
        <translation>本省无此类物料的供给</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Prefectures</source>
        <translation>市州</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Figure %</source>
        <translation>指标 %</translation>
    </message>
    <message>
        <source>Reached %</source>
        <translation>实际 %</translation>
    </message>
    <message>
        <source>Reached: the home province&apos;s own residues matched by the allocation</source>
        <translation>实际：本省自身废弃物在分配中被匹配的比例</translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation>市州</translation>
    </message>
    <message>
        <source>Supplied t</source>
        <translation>供给 吨</translation>
    </message>
    <message>
        <source>Matched t</source>
        <translation>匹配 吨</translation>
    </message>
    <message>
        <source>Received t</source>
        <translation>接收 吨</translation>
    </message>
    <message>
        <source>Transport CNY</source>
        <translation>运输费用 元</translation>
    </message>
    <message>
        <source>Cancelled; the map shows the last finished allocation.</source>
        <translation>已取消；地图显示上一次完成的分配结果。</translation>
    </message>
    <message>
        <source>Allocation failed</source>
        <translation>分配计算失败</translation>
    </message>
    <message>
        <source>What-if cancelled.</source>
        <translation>情景分析已取消。</translation>
    </message>
    <message>
        <source>What-if failed</source>
        <translation>情景分析失败</translation>
    </message>
    <message numerus="yes">
        <source>Materials in tonnes: %1 t/yr supplied; matched %2 t/yr optimal vs %3 t/yr greedy (utilisation %4 %); %5 t·km, transport %6 CNY/yr; %n exchange(s) on the map.</source>
        <translation>
            <numerusform>以吨计的物料：供给 %1 吨/年；最优分配匹配 %2 吨/年，贪心分配匹配 %3 吨/年（利用率 %4%）；%5 吨·公里，运输费用 %6 元/年；地图上显示 %n 条交换流。</numerusform>
        </translation>
    </message>
    <message>
        <source>takes in</source>
        <translation>消纳</translation>
    </message>
    <message>
        <source>puts out</source>
        <translation>产出</translation>
    </message>
    <message numerus="yes">
        <source>%1 adds %2 t/yr of matched residue (%n material(s)).</source>
        <translation>
            <numerusform>%1 可使匹配的废弃物增加 %2 吨/年（涉及 %n 种物料）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Material:</source>
        <translation>物料：</translation>
    </message>
    <message>
        <source>all residues</source>
        <translation>全部废弃物</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>计算分配</translation>
    </message>
    <message>
        <source>Min-cost max-flow allocation beside greedy nearest-first (straight line × %1)</source>
        <translation>最小费用最大流分配，并与贪心就近分配对比（直线距离 × %1）</translation>
    </message>
    <message>
        <source>Proposed project:</source>
        <translation>拟建项目：</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>情景分析</translation>
    </message>
    <message>
        <source>The allocation with and without this project</source>
        <translation>对比有无此项目时的分配结果</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Supplied /yr</source>
        <translation>供给量/年</translation>
    </message>
    <message>
        <source>Matched (optimal)</source>
        <translation>匹配量（最优）</translation>
    </message>
    <message>
        <source>Matched (greedy)</source>
        <translation>匹配量（贪心）</translation>
    </message>
    <message>
        <source>Utilisation %</source>
        <translation>利用率 %</translation>
    </message>
    <message>
        <source>t·km</source>
        <translation>吨·公里</translation>
    </message>
    <message>
        <source>Transport CNY/yr</source>
        <translation>运输费用（元/年）</translation>
    </message>
    <message>
        <source>Project /yr</source>
        <translation>项目规模/年</translation>
    </message>
    <message>
        <source>Matched without</source>
        <translation>无项目时匹配量</translation>
    </message>
    <message>
        <source>Matched with</source>
        <translation>有项目时匹配量</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Utilisation with %</source>
        <translation>有项目时利用率 %</translation>
    </message>
    <message>
        <source>Transport CNY/yr with</source>
        <translation>有项目时运输费用（元/年）</translation>
    </message>
    <message>
        <source>Choose a material (or all) and press Allocate.</source>
        <translation>选择一种物料（或全部），然后点击“计算分配”。</translation>
    </message>
    <message>
        <source>Choose a proposed project and press What if.</source>
        <translation>选择一个拟建项目，然后点击“情景分析”。</translation>
    </message>
    <message>
        <source>Gansu&apos;s %1 (%2) are not applied: the registry lies outside Gansu.</source>
        <translation>甘肃省%1（%2）不适用：分析数据位于甘肃省以外。</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::AttributeTablePanel</name>
    <message>
        <source>Filter rows…</source>
        <translation>筛选行…</translation>
    </message>
    <message>
        <source>Copy as TSV</source>
        <translation>复制为 TSV</translation>
    </message>
    <message>
        <source>Copy the visible rows to the clipboard as tab-separated text</source>
        <translation>将可见行以制表符分隔文本复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::ClusterPanel</name>
    <message>
        <source>Clustering failed</source>
        <translation>聚类失败</translation>
    </message>
    <message>
        <source>%1 cluster(s); %2 of %3 enterprises are noise.</source>
        <translation>%1 个集聚区；%3 家企业中 %2 家为噪声点。</translation>
    </message>
    <message>
        <source>Radius (eps):</source>
        <translation>半径 (eps)：</translation>
    </message>
    <message>
        <source>Minimum points:</source>
        <translation>最少点数：</translation>
    </message>
    <message>
        <source>Enterprises within eps, the enterprise itself included</source>
        <translation>eps 范围内的企业数（含企业自身）</translation>
    </message>
    <message>
        <source>DBSCAN* (border points are noise)</source>
        <translation>DBSCAN*（边界点视为噪声）</translation>
    </message>
    <message>
        <source>Cancelled; the map shows the last finished clusters.</source>
        <translation>已取消；地图显示上次完成的集聚区。</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>聚类</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>企业数</translation>
    </message>
    <message>
        <source>Largest industries (GB/T 4754)</source>
        <translation>主要行业（GB/T 4754）</translation>
    </message>
    <message>
        <source>Diversity (Shannon)</source>
        <translation>多样性（香农指数）</translation>
    </message>
    <message>
        <source>Residues t/yr</source>
        <translation>固废（吨/年）</translation>
    </message>
    <message>
        <source>Prefectures</source>
        <translation>地级行政区</translation>
    </message>
    <message>
        <source>Click a cluster to zoom to it</source>
        <translation>单击聚类以缩放至该处</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::FigureExportDialog</name>
    <message>
        <source>Export a figure</source>
        <translation>导出专题图</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>图幅模板</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>File (.png, .pdf, .svg)</source>
        <translation>文件（.png、.pdf、.svg）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cannot export the figure</source>
        <translation>无法导出专题图</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)</source>
        <translation>PDF (*.pdf);;PNG 图像 (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>Drawing %1…</source>
        <translation>正在绘制 %1…</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::IdentifyPanel</name>
    <message>
        <source>Feature / field</source>
        <translation>要素 / 字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Click the map to list the features under the cursor.</source>
        <translation>单击地图，列出光标下的要素。</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::LayerPanel</name>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n 个要素</numerusform>
        </translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Move the layer up</source>
        <translation>上移图层</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>下移图层</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放至</translation>
    </message>
    <message>
        <source>Open the attribute table of the layer</source>
        <translation>打开图层属性表</translation>
    </message>
    <message>
        <source>Zoom to the layer</source>
        <translation>缩放至图层</translation>
    </message>
    <message>
        <source>Plain</source>
        <translation>简单样式</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>样式</translation>
    </message>
    <message>
        <source>Draw the layer with another style from the styles folder</source>
        <translation>用 styles 文件夹中的其他样式绘制该图层</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>属性…</translation>
    </message>
    <message>
        <source>Colour, size, labels and legend name of a layer you added</source>
        <translation>您添加的图层的颜色、大小、标注和图例名称</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::LayerStyleDialog</name>
    <message>
        <source>Layer properties: %1</source>
        <translation>图层属性：%1</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>方形</translation>
    </message>
    <message>
        <source>Triangle</source>
        <translation>三角形</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>菱形</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>星形</translation>
    </message>
    <message>
        <source>Cross</source>
        <translation>十字</translation>
    </message>
    <message>
        <source>Hexagon</source>
        <translation>六边形</translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation>（不标注）</translation>
    </message>
    <message>
        <source>Choose the colour of the symbol</source>
        <translation>选择符号颜色</translation>
    </message>
    <message>
        <source>Legend name</source>
        <translation>图例名称</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>符号形状</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Line width</source>
        <translation>线宽</translation>
    </message>
    <message>
        <source>Labels from</source>
        <translation>标注字段</translation>
    </message>
    <message>
        <source>The symbol as it will be drawn</source>
        <translation>符号在地图上的样子</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::MainWindow</name>
    <message>
        <source>Reading the registry %1 was cancelled; the analyses stay on %2.</source>
        <translation>已取消读取企业名录 %1；分析仍使用 %2。</translation>
    </message>
    <message>
        <source>drawn in %1 ms</source>
        <translation>绘制用时 %1 毫秒</translation>
    </message>
    <message>
        <source>Cannot load the built-in atlas</source>
        <translation>无法加载内置图集</translation>
    </message>
    <message>
        <source>The analysis panels are unavailable</source>
        <translation>分析面板不可用</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Cannot export the view</source>
        <translation>无法导出视图</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Add a layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <source>GIS files (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.sqlite *.fgb *.osm *.pbf);;All files (*)</source>
        <translation>GIS 文件 (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.sqlite *.fgb *.osm *.pbf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF (*.pdf);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>circatlas — Gansu circular-economy atlas</source>
        <translation>circatlas — 甘肃循环经济地图集</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Add layer…</source>
        <translation>添加图层(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export view (PNG, PDF, SVG)…</source>
        <translation>导出视图(&amp;E)（PNG、PDF、SVG）…</translation>
    </message>
    <message>
        <source>&amp;Copy attribute table as TSV</source>
        <translation>将属性表复制为 TSV(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>缩放至全图(&amp;F)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>集聚分析</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>交换伙伴</translation>
    </message>
    <message>
        <source>Cursor position (WGS 84)</source>
        <translation>光标位置（WGS 84）</translation>
    </message>
    <message>
        <source>Map scale at 96 dpi</source>
        <translation>地图比例尺（按 96 dpi）</translation>
    </message>
    <message>
        <source>Cannot export the layers</source>
        <translation>无法导出图层</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Export GeoPackage</source>
        <translation>导出 GeoPackage</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Export layers and results (GeoPackage)…</source>
        <translation>导出图层和结果（GeoPackage）…</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>缩放至所选(&amp;S)</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Measure: click points; double-click or Esc ends, right-click clears.</source>
        <translation>测量：单击添加点；双击或按 Esc 结束，右键清除。</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>分配与情景</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>&amp;Measure distance</source>
        <translation>测量距离(&amp;M)</translation>
    </message>
    <message>
        <source>Measure distance: geodesic and by road (Ctrl+M)</source>
        <translation>测量距离：椭球面距离与公路距离（Ctrl+M）</translation>
    </message>
    <message>
        <source>Export a planning figure (preset)…</source>
        <translation>导出规划专题图（模板）…</translation>
    </message>
    <message>
        <source>Reading the registry %1…</source>
        <translation>正在读取登记表 %1…</translation>
    </message>
    <message>
        <source>Cannot open the registry %1</source>
        <translation>无法打开登记表 %1</translation>
    </message>
    <message>
        <source>The registry&apos;s enterprises cannot be drawn</source>
        <translation>无法绘制登记表中的企业</translation>
    </message>
    <message>
        <source>Analyses now run on %1</source>
        <translation>分析现基于 %1 运行</translation>
    </message>
    <message>
        <source>built-in catalogue</source>
        <translation>内置目录</translation>
    </message>
    <message>
        <source>Analysis registry: %1</source>
        <translation>分析数据：%1</translation>
    </message>
    <message>
        <source>The built-in Gansu catalogue (data/catalogue)</source>
        <translation>内置甘肃目录（data/catalogue）</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Cannot open the project %1</source>
        <translation>无法打开项目 %1</translation>
    </message>
    <message>
        <source>registry %1 not opened</source>
        <translation>未能打开登记表 %1</translation>
    </message>
    <message>
        <source>%1 not opened</source>
        <translation>未能打开 %1</translation>
    </message>
    <message>
        <source>style %1 does not fit layer %2</source>
        <translation>样式 %1 不适用于图层 %2</translation>
    </message>
    <message>
        <source>Parts of the project could not be restored</source>
        <translation>项目的部分内容无法恢复</translation>
    </message>
    <message>
        <source>The last session could not be restored: %1</source>
        <translation>无法恢复上次会话：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>circatlas projects (*.circatlas);;All files (*)</source>
        <translation>circatlas 项目 (*.circatlas);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>circatlas projects (*.circatlas)</source>
        <translation>circatlas 项目 (*.circatlas)</translation>
    </message>
    <message>
        <source>Open a registry for the analyses</source>
        <translation>打开用于分析的企业登记表</translation>
    </message>
    <message>
        <source>Registries (*.csv *.xlsx *.xls *.ods *.gpkg *.shp *.geojson *.json *.sqlite);;All files (*)</source>
        <translation>登记表 (*.csv *.xlsx *.xls *.ods *.gpkg *.shp *.geojson *.json *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>保存项目(&amp;S)</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>项目另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>Open &amp;registry for the analyses…</source>
        <translation>打开分析用登记表(&amp;R)…</translation>
    </message>
    <message>
        <source>A catalogue folder or one CSV/XLSX/GeoPackage file of enterprises; every analysis dock runs on it</source>
        <translation>目录文件夹，或一个企业 CSV/XLSX/GeoPackage 文件；所有分析面板都基于它运行</translation>
    </message>
    <message>
        <source>Analyse the &amp;built-in catalogue</source>
        <translation>分析内置目录(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Reset the panel layout</source>
        <translation>重置面板布局(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>清除选择(&amp;C)</translation>
    </message>
    <message>
        <source>Clear the selection (Esc on the map)</source>
        <translation>清除选择（在地图上按 Esc）</translation>
    </message>
    <message>
        <source>Registry: %1</source>
        <translation>分析数据：%1</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::MeasurePanel</name>
    <message>
        <source>Click points on the map; double-click or Esc ends, right-click clears. Distances on the WGS 84 ellipsoid; road distances on the schematic trunk network.</source>
        <translation>在地图上单击添加点；双击或按 Esc 结束，右键清除。距离按 WGS 84 椭球面计算；公路距离基于示意性干线交通网。</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>段</translation>
    </message>
    <message>
        <source>Geodesic</source>
        <translation>椭球面距离</translation>
    </message>
    <message>
        <source>By road</source>
        <translation>公路距离</translation>
    </message>
    <message>
        <source>Road basis</source>
        <translation>公路距离依据</translation>
    </message>
    <message>
        <source>along the network</source>
        <translation>沿路网</translation>
    </message>
    <message>
        <source>straight line × %1: a point is over %2 km from the network</source>
        <translation>直线 × %1：有点距路网超过 %2 公里</translation>
    </message>
    <message>
        <source>straight line × %1: no path in the network</source>
        <translation>直线 × %1：路网中无连通路径</translation>
    </message>
    <message>
        <source>straight line × %1: no network</source>
        <translation>直线 × %1：无路网</translation>
    </message>
    <message>
        <source>No points yet.</source>
        <translation>尚未添加点。</translation>
    </message>
    <message>
        <source>1 point; click the next.</source>
        <translation>已有 1 个点；请单击下一个点。</translation>
    </message>
    <message numerus="yes">
        <source>Total %1 geodesic over %n leg(s).</source>
        <translation>
            <numerusform>共 %n 段，椭球面总距离 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>No road distance: %1</source>
        <translation>无公路距离：%1</translation>
    </message>
    <message>
        <source>By road, first to last point: %1 (%2).</source>
        <translation>首点至末点公路距离：%1（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s) fell back to a straight line.</source>
        <translation>
            <numerusform>其中 %n 段改用直线距离估算。</numerusform>
        </translation>
    </message>
    <message>
        <source>Routing on the road network…</source>
        <translation>正在路网上计算路线…</translation>
    </message>
    <message>
        <source>Double-click or Esc to end and get the road distance.</source>
        <translation>双击或按 Esc 结束，并计算公路距离。</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::MeasureTool</name>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n 个点</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::PartnersPanel</name>
    <message>
        <source>Partner search failed</source>
        <translation>伙伴查找失败</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s)</source>
        <translation>
            <numerusform>%n 个候选</numerusform>
        </translation>
    </message>
    <message>
        <source>Enterprise:</source>
        <translation>企业：</translation>
    </message>
    <message>
        <source>Material:</source>
        <translation>物料：</translation>
    </message>
    <message>
        <source>all residues</source>
        <translation>全部废弃物</translation>
    </message>
    <message>
        <source>Find partners</source>
        <translation>查找伙伴</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Choose an enterprise, or click one on the map.</source>
        <translation>请选择企业，或在地图上单击企业。</translation>
    </message>
    <message>
        <source>Cancelled; the map shows the last candidates found.</source>
        <translation>已取消；地图显示上一次找到的候选。</translation>
    </message>
    <message>
        <source>Negative: carrying it costs more than disposal and the material it replaces save, so this exchange loses money (CNY per year).</source>
        <translation>负值：运输费用高于节省的处置费和所替代原料的价值，此交换亏损（元/年）。</translation>
    </message>
    <message>
        <source>Net benefit in CNY per year: disposal and material saved minus transport.</source>
        <translation>年净效益（元）：节省的处置费和原料价值减去运输费用。</translation>
    </message>
    <message>
        <source>Transport CNY/yr</source>
        <translation>运输费用（元/年）</translation>
    </message>
    <message>
        <source>Net benefit: CNY per year where the supply&apos;s quantity is known, else a ranking figure per unit of supply (each cell names its unit); negative when transport costs more than it saves.</source>
        <translation>净效益：供给量已知时为元/年，否则为每单位供给的排序值（单位见各单元格）；运输费用高于所节省时为负值。</translation>
    </message>
    <message>
        <source>Ranking figure in %1 of supply, not a yearly value: the supply&apos;s quantity is unknown.</source>
        <translation>排序值（%1，按每单位供给计），非年值：供给量未知。</translation>
    </message>
    <message>
        <source>Negative: carrying it costs more than it saves, so this exchange loses money. Ranking figure in %1 of supply, not a yearly value: the supply&apos;s quantity is unknown.</source>
        <translation>负值：运输费用高于所节省，此交换亏损。排序值（%1，按每单位供给计），非年值：供给量未知。</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::RegistryMappingDialog</name>
    <message>
        <source>Columns of the registry %1</source>
        <translation>登记表 %1 的列</translation>
    </message>
    <message>
        <source>Which column holds what: recognised headers are filled in; change a column&apos;s field or leave it unused. Rows are never dropped; what the sheet lacks is derived.</source>
        <translation>每列对应什么：已识别的表头已填好；可更改某列对应的字段，或不使用该列。不会丢弃任何行；表中缺少的内容将自动推导。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>(none: placed by address, township or county)</source>
        <translation>（无：按地址、乡镇或区县定位）</translation>
    </message>
    <message>
        <source>Longitude column</source>
        <translation>经度列</translation>
    </message>
    <message>
        <source>Latitude column</source>
        <translation>纬度列</translation>
    </message>
    <message>
        <source>WGS 84 (GPS, most GIS files)</source>
        <translation>WGS 84（GPS，多数 GIS 文件）</translation>
    </message>
    <message>
        <source>CGCS2000 (China Geodetic Coordinate System 2000)</source>
        <translation>CGCS2000（2000 国家大地坐标系）</translation>
    </message>
    <message>
        <source>GCJ-02 (AMap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <source>Open registry</source>
        <translation>打开登记表</translation>
    </message>
    <message>
        <source>Recognised headers only</source>
        <translation>仅按识别的表头</translation>
    </message>
    <message>
        <source>Forget the changes and the remembered mapping: every column as its header is recognised</source>
        <translation>放弃更改和记住的对应关系：每列按其表头识别</translation>
    </message>
    <message>
        <source>Save mapping file…</source>
        <translation>保存列对应文件…</translation>
    </message>
    <message>
        <source>Write the mapping as a file circatlas reads with --mapping FILE</source>
        <translation>将列对应关系写入文件，circatlas 可用 --mapping FILE 读取</translation>
    </message>
    <message>
        <source>The mapping chosen last time for this file is filled in.</source>
        <translation>已填入上次为此文件选择的列对应关系。</translation>
    </message>
    <message>
        <source>Not applied: %1 (the file has no such column now).</source>
        <translation>未应用：%1（文件中已无此列）。</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>（不使用）</translation>
    </message>
    <message>
        <source>Derived by the reader: %1</source>
        <translation>读取时推导：%1</translation>
    </message>
    <message>
        <source>a column of names (choose the field Name for it)</source>
        <translation>名称列（请为其选择字段“名称”）</translation>
    </message>
    <message>
        <source>the longitude column (a latitude column is chosen)</source>
        <translation>经度列（已选择纬度列）</translation>
    </message>
    <message>
        <source>the latitude column (a longitude column is chosen)</source>
        <translation>纬度列（已选择经度列）</translation>
    </message>
    <message>
        <source>a location: longitude and latitude columns, or an address, township or county column</source>
        <translation>位置：经度和纬度列，或地址、乡镇、区县列</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>仍缺少：%1</translation>
    </message>
    <message>
        <source>Save the column mapping</source>
        <translation>保存列对应关系</translation>
    </message>
    <message>
        <source>Mapping files (*.mapping *.txt)</source>
        <translation>列对应文件 (*.mapping *.txt)</translation>
    </message>
    <message>
        <source>Cannot save the mapping</source>
        <translation>无法保存列对应关系</translation>
    </message>
    <message>
        <source>%1 is the registry itself.</source>
        <translation>%1 就是登记表本身。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::SearchBox</name>
    <message>
        <source>Search names: 兰州, Lanzhou, lanzhou…</source>
        <translation>搜索名称：兰州、Lanzhou、lanzhou…</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::WorkerRun</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
