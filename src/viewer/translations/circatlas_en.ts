<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Replace the file?</source>
        <translation>Replace the file?</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 exists. Replace it?</translation>
    </message>
    <message>
        <source>Cannot write there</source>
        <translation>Cannot write there</translation>
    </message>
    <message>
        <source>Cannot open the registry %1</source>
        <translation>Cannot open the registry %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>Open %1 as the registry the analyses run on, or add it to the map as a layer?</source>
        <translation>Open %1 as the registry the analyses run on, or add it to the map as a layer?</translation>
    </message>
    <message>
        <source>Registry (analysis input)…</source>
        <translation>Registry (analysis input)…</translation>
    </message>
    <message>
        <source>Layer on the map</source>
        <translation>Layer on the map</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::AllocationPanel</name>
    <message>
        <source>Cancelled; the map shows the last finished allocation.</source>
        <translation>Cancelled; the map shows the last finished allocation.</translation>
    </message>
    <message>
        <source>Allocation failed</source>
        <translation>Allocation failed</translation>
    </message>
    <message>
        <source>What-if cancelled.</source>
        <translation>What-if cancelled.</translation>
    </message>
    <message>
        <source>What-if failed</source>
        <translation>What-if failed</translation>
    </message>
    <message numerus="yes">
        <source>Materials in tonnes: %1 t/yr supplied; matched %2 t/yr optimal vs %3 t/yr greedy (utilisation %4 %); %5 t·km, transport %6 CNY/yr; %n exchange(s) on the map.</source>
        <translation>
            <numerusform>Materials in tonnes: %1 t/yr supplied; matched %2 t/yr optimal vs %3 t/yr greedy (utilisation %4 %); %5 t·km, transport %6 CNY/yr; %n exchange on the map.</numerusform>
            <numerusform>Materials in tonnes: %1 t/yr supplied; matched %2 t/yr optimal vs %3 t/yr greedy (utilisation %4 %); %5 t·km, transport %6 CNY/yr; %n exchanges on the map.</numerusform>
        </translation>
    </message>
    <message>
        <source>takes in</source>
        <translation>takes in</translation>
    </message>
    <message>
        <source>puts out</source>
        <translation>puts out</translation>
    </message>
    <message numerus="yes">
        <source>%1 adds %2 t/yr of matched residue (%n material(s)).</source>
        <translation>
            <numerusform>%1 adds %2 t/yr of matched residue (%n material).</numerusform>
            <numerusform>%1 adds %2 t/yr of matched residue (%n materials).</numerusform>
        </translation>
    </message>
    <message>
        <source>Material:</source>
        <translation>Material:</translation>
    </message>
    <message>
        <source>all residues</source>
        <translation>all residues</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Allocate</translation>
    </message>
    <message>
        <source>Min-cost max-flow allocation beside greedy nearest-first (straight line × %1)</source>
        <translation>Min-cost max-flow allocation beside greedy nearest-first (straight line × %1)</translation>
    </message>
    <message>
        <source>Proposed project:</source>
        <translation>Proposed project:</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>What if</translation>
    </message>
    <message>
        <source>The allocation with and without this project</source>
        <translation>The allocation with and without this project</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Supplied /yr</source>
        <translation>Supplied /yr</translation>
    </message>
    <message>
        <source>Matched (optimal)</source>
        <translation>Matched (optimal)</translation>
    </message>
    <message>
        <source>Matched (greedy)</source>
        <translation>Matched (greedy)</translation>
    </message>
    <message>
        <source>Utilisation %</source>
        <translation>Utilisation %</translation>
    </message>
    <message>
        <source>t·km</source>
        <translation>t·km</translation>
    </message>
    <message>
        <source>Transport CNY/yr</source>
        <translation>Transport CNY/yr</translation>
    </message>
    <message>
        <source>Project /yr</source>
        <translation>Project /yr</translation>
    </message>
    <message>
        <source>Matched without</source>
        <translation>Matched without</translation>
    </message>
    <message>
        <source>Matched with</source>
        <translation>Matched with</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Utilisation with %</source>
        <translation>Utilisation with %</translation>
    </message>
    <message>
        <source>Transport CNY/yr with</source>
        <translation>Transport CNY/yr with</translation>
    </message>
    <message>
        <source>Choose a material (or all) and press Allocate.</source>
        <translation>Choose a material (or all) and press Allocate.</translation>
    </message>
    <message>
        <source>Choose a proposed project and press What if.</source>
        <translation>Choose a proposed project and press What if.</translation>
    </message>
    <message>
        <source>reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>below the figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no supply of these materials in the home province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gansu&apos;s %1 (%2) are not applied: the registry lies outside Gansu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefectures</source>
        <translation type="unfinished">Prefectures</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figure %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reached: the home province&apos;s own residues matched by the allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supplied t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matched t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport CNY</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::AttributeTablePanel</name>
    <message>
        <source>Filter rows…</source>
        <translation>Filter rows…</translation>
    </message>
    <message>
        <source>Copy as TSV</source>
        <translation>Copy as TSV</translation>
    </message>
    <message>
        <source>Copy the visible rows to the clipboard as tab-separated text</source>
        <translation>Copy the visible rows to the clipboard as tab-separated text</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::ClusterPanel</name>
    <message>
        <source>Clustering failed</source>
        <translation>Clustering failed</translation>
    </message>
    <message>
        <source>%1 cluster(s); %2 of %3 enterprises are noise.</source>
        <translation>%1 cluster(s); %2 of %3 enterprises are noise.</translation>
    </message>
    <message>
        <source>Radius (eps):</source>
        <translation>Radius (eps):</translation>
    </message>
    <message>
        <source>Minimum points:</source>
        <translation>Minimum points:</translation>
    </message>
    <message>
        <source>Enterprises within eps, the enterprise itself included</source>
        <translation>Enterprises within eps, the enterprise itself included</translation>
    </message>
    <message>
        <source>DBSCAN* (border points are noise)</source>
        <translation>DBSCAN* (border points are noise)</translation>
    </message>
    <message>
        <source>Cancelled; the map shows the last finished clusters.</source>
        <translation>Cancelled; the map shows the last finished clusters.</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Largest industries (GB/T 4754)</source>
        <translation>Largest industries (GB/T 4754)</translation>
    </message>
    <message>
        <source>Diversity (Shannon)</source>
        <translation>Diversity (Shannon)</translation>
    </message>
    <message>
        <source>Residues t/yr</source>
        <translation>Residues t/yr</translation>
    </message>
    <message>
        <source>Prefectures</source>
        <translation>Prefectures</translation>
    </message>
    <message>
        <source>Click a cluster to zoom to it</source>
        <translation>Click a cluster to zoom to it</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::FigureExportDialog</name>
    <message>
        <source>Export a figure</source>
        <translation>Export a figure</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>File (.png, .pdf, .svg)</source>
        <translation>File (.png, .pdf, .svg)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cannot export the figure</source>
        <translation>Cannot export the figure</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)</source>
        <translation>PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>Drawing %1…</source>
        <translation>Drawing %1…</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::IdentifyPanel</name>
    <message>
        <source>Feature / field</source>
        <translation>Feature / field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Click the map to list the features under the cursor.</source>
        <translation>Click the map to list the features under the cursor.</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::LayerPanel</name>
    <message numerus="yes">
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>Move the layer up</source>
        <translation>Move the layer up</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>Move the layer down</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Open the attribute table of the layer</source>
        <translation>Open the attribute table of the layer</translation>
    </message>
    <message>
        <source>Zoom to the layer</source>
        <translation>Zoom to the layer</translation>
    </message>
    <message>
        <source>Plain</source>
        <translation>Plain</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>Draw the layer with another style from the styles folder</source>
        <translation>Draw the layer with another style from the styles folder</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour, size, labels and legend name of a layer you added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::LayerStyleDialog</name>
    <message>
        <source>Layer properties: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triangle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hexagon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no labels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the colour of the symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The symbol as it will be drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::MainWindow</name>
    <message>
        <source>drawn in %1 ms</source>
        <translation>drawn in %1 ms</translation>
    </message>
    <message>
        <source>Cannot load the built-in atlas</source>
        <translation>Cannot load the built-in atlas</translation>
    </message>
    <message>
        <source>The analysis panels are unavailable</source>
        <translation>The analysis panels are unavailable</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Cannot open %1</translation>
    </message>
    <message>
        <source>Cannot export the view</source>
        <translation>Cannot export the view</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>Wrote %1</translation>
    </message>
    <message>
        <source>Add a layer</source>
        <translation>Add a layer</translation>
    </message>
    <message>
        <source>GIS files (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.sqlite *.fgb *.osm *.pbf);;All files (*)</source>
        <translation>GIS files (*.gpkg *.shp *.geojson *.json *.kml *.gml *.csv *.sqlite *.fgb *.osm *.pbf);;All files (*)</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>Export the view</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</source>
        <translation>PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>circatlas — Gansu circular-economy atlas</source>
        <translation>circatlas — Gansu circular-economy atlas</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Add layer…</source>
        <translation>&amp;Add layer…</translation>
    </message>
    <message>
        <source>&amp;Export view (PNG, PDF, SVG)…</source>
        <translation>&amp;Export view (PNG, PDF, SVG)…</translation>
    </message>
    <message>
        <source>&amp;Copy attribute table as TSV</source>
        <translation>&amp;Copy attribute table as TSV</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Zoom to &amp;full extent</source>
        <translation>Zoom to &amp;full extent</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Identify</source>
        <translation>Identify</translation>
    </message>
    <message>
        <source>Attribute table</source>
        <translation>Attribute table</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Clusters</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Cursor position (WGS 84)</source>
        <translation>Cursor position (WGS 84)</translation>
    </message>
    <message>
        <source>Map scale at 96 dpi</source>
        <translation>Map scale at 96 dpi</translation>
    </message>
    <message>
        <source>Cannot export the layers</source>
        <translation>Cannot export the layers</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Writing %1…</translation>
    </message>
    <message>
        <source>Export GeoPackage</source>
        <translation>Export GeoPackage</translation>
    </message>
    <message>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <source>Export layers and results (GeoPackage)…</source>
        <translation>Export layers and results (GeoPackage)…</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoom to &amp;selection</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legend</translation>
    </message>
    <message>
        <source>Measure: click points; double-click or Esc ends, right-click clears.</source>
        <translation>Measure: click points; double-click or Esc ends, right-click clears.</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Allocation</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>&amp;Measure distance</source>
        <translation>&amp;Measure distance</translation>
    </message>
    <message>
        <source>Measure distance: geodesic and by road (Ctrl+M)</source>
        <translation>Measure distance: geodesic and by road (Ctrl+M)</translation>
    </message>
    <message>
        <source>Export a planning figure (preset)…</source>
        <translation>Export a planning figure (preset)…</translation>
    </message>
    <message>
        <source>Reading the registry %1…</source>
        <translation>Reading the registry %1…</translation>
    </message>
    <message>
        <source>Cannot open the registry %1</source>
        <translation>Cannot open the registry %1</translation>
    </message>
    <message>
        <source>The registry&apos;s enterprises cannot be drawn</source>
        <translation>The registry&apos;s enterprises cannot be drawn</translation>
    </message>
    <message>
        <source>Analyses now run on %1</source>
        <translation>Analyses now run on %1</translation>
    </message>
    <message>
        <source>built-in catalogue</source>
        <translation>built-in catalogue</translation>
    </message>
    <message>
        <source>Analysis registry: %1</source>
        <translation>Analysis registry: %1</translation>
    </message>
    <message>
        <source>The built-in Gansu catalogue (data/catalogue)</source>
        <translation>The built-in Gansu catalogue (data/catalogue)</translation>
    </message>
    <message>
        <source>Cannot save the project</source>
        <translation>Cannot save the project</translation>
    </message>
    <message>
        <source>Cannot open the project %1</source>
        <translation>Cannot open the project %1</translation>
    </message>
    <message>
        <source>registry %1 not opened</source>
        <translation>registry %1 not opened</translation>
    </message>
    <message>
        <source>%1 not opened</source>
        <translation>%1 not opened</translation>
    </message>
    <message>
        <source>style %1 does not fit layer %2</source>
        <translation>style %1 does not fit layer %2</translation>
    </message>
    <message>
        <source>Parts of the project could not be restored</source>
        <translation>Parts of the project could not be restored</translation>
    </message>
    <message>
        <source>The last session could not be restored: %1</source>
        <translation>The last session could not be restored: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Open a project</translation>
    </message>
    <message>
        <source>circatlas projects (*.circatlas);;All files (*)</source>
        <translation>circatlas projects (*.circatlas);;All files (*)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>Save the project</translation>
    </message>
    <message>
        <source>circatlas projects (*.circatlas)</source>
        <translation>circatlas projects (*.circatlas)</translation>
    </message>
    <message>
        <source>Open a registry for the analyses</source>
        <translation>Open a registry for the analyses</translation>
    </message>
    <message>
        <source>Registries (*.csv *.xlsx *.xls *.ods *.gpkg *.shp *.geojson *.json *.sqlite);;All files (*)</source>
        <translation>Registries (*.csv *.xlsx *.xls *.ods *.gpkg *.shp *.geojson *.json *.sqlite);;All files (*)</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Open project…</translation>
    </message>
    <message>
        <source>&amp;Save project</source>
        <translation>&amp;Save project</translation>
    </message>
    <message>
        <source>Save project &amp;as…</source>
        <translation>Save project &amp;as…</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Recent projects</translation>
    </message>
    <message>
        <source>Open &amp;registry for the analyses…</source>
        <translation>Open &amp;registry for the analyses…</translation>
    </message>
    <message>
        <source>A catalogue folder or one CSV/XLSX/GeoPackage file of enterprises; every analysis dock runs on it</source>
        <translation>A catalogue folder or one CSV/XLSX/GeoPackage file of enterprises; every analysis dock runs on it</translation>
    </message>
    <message>
        <source>Analyse the &amp;built-in catalogue</source>
        <translation>Analyse the &amp;built-in catalogue</translation>
    </message>
    <message>
        <source>&amp;Reset the panel layout</source>
        <translation>&amp;Reset the panel layout</translation>
    </message>
    <message>
        <source>&amp;Clear selection</source>
        <translation>&amp;Clear selection</translation>
    </message>
    <message>
        <source>Clear the selection (Esc on the map)</source>
        <translation>Clear the selection (Esc on the map)</translation>
    </message>
    <message>
        <source>Registry: %1</source>
        <translation>Registry: %1</translation>
    </message>
    <message>
        <source>Reading the registry %1 was cancelled; the analyses stay on %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::MeasurePanel</name>
    <message>
        <source>Click points on the map; double-click or Esc ends, right-click clears. Distances on the WGS 84 ellipsoid; road distances on the schematic trunk network.</source>
        <translation>Click points on the map; double-click or Esc ends, right-click clears. Distances on the WGS 84 ellipsoid; road distances on the schematic trunk network.</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>Leg</translation>
    </message>
    <message>
        <source>Geodesic</source>
        <translation>Geodesic</translation>
    </message>
    <message>
        <source>By road</source>
        <translation>By road</translation>
    </message>
    <message>
        <source>Road basis</source>
        <translation>Road basis</translation>
    </message>
    <message>
        <source>along the network</source>
        <translation>along the network</translation>
    </message>
    <message>
        <source>straight line × %1: a point is over %2 km from the network</source>
        <translation>straight line × %1: a point is over %2 km from the network</translation>
    </message>
    <message>
        <source>straight line × %1: no path in the network</source>
        <translation>straight line × %1: no path in the network</translation>
    </message>
    <message>
        <source>straight line × %1: no network</source>
        <translation>straight line × %1: no network</translation>
    </message>
    <message>
        <source>No points yet.</source>
        <translation>No points yet.</translation>
    </message>
    <message>
        <source>1 point; click the next.</source>
        <translation>1 point; click the next.</translation>
    </message>
    <message numerus="yes">
        <source>Total %1 geodesic over %n leg(s).</source>
        <translation>
            <numerusform>Total %1 geodesic over %n leg.</numerusform>
            <numerusform>Total %1 geodesic over %n legs.</numerusform>
        </translation>
    </message>
    <message>
        <source>No road distance: %1</source>
        <translation>No road distance: %1</translation>
    </message>
    <message>
        <source>By road, first to last point: %1 (%2).</source>
        <translation>By road, first to last point: %1 (%2).</translation>
    </message>
    <message numerus="yes">
        <source>%n leg(s) fell back to a straight line.</source>
        <translation>
            <numerusform>%n leg fell back to a straight line.</numerusform>
            <numerusform>%n legs fell back to a straight line.</numerusform>
        </translation>
    </message>
    <message>
        <source>Routing on the road network…</source>
        <translation>Routing on the road network…</translation>
    </message>
    <message>
        <source>Double-click or Esc to end and get the road distance.</source>
        <translation>Double-click or Esc to end and get the road distance.</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::MeasureTool</name>
    <message numerus="yes">
        <source>%n point(s)</source>
        <translation>
            <numerusform>%n point</numerusform>
            <numerusform>%n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::PartnersPanel</name>
    <message>
        <source>Partner search failed</source>
        <translation>Partner search failed</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s)</source>
        <translation>
            <numerusform>%n candidate</numerusform>
            <numerusform>%n candidates</numerusform>
        </translation>
    </message>
    <message>
        <source>Enterprise:</source>
        <translation>Enterprise:</translation>
    </message>
    <message>
        <source>Material:</source>
        <translation>Material:</translation>
    </message>
    <message>
        <source>all residues</source>
        <translation>all residues</translation>
    </message>
    <message>
        <source>Find partners</source>
        <translation>Find partners</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Choose an enterprise, or click one on the map.</source>
        <translation>Choose an enterprise, or click one on the map.</translation>
    </message>
    <message>
        <source>Cancelled; the map shows the last candidates found.</source>
        <translation>Cancelled; the map shows the last candidates found.</translation>
    </message>
    <message>
        <source>Negative: carrying it costs more than disposal and the material it replaces save, so this exchange loses money (CNY per year).</source>
        <translation>Negative: carrying it costs more than disposal and the material it replaces save, so this exchange loses money (CNY per year).</translation>
    </message>
    <message>
        <source>Net benefit in CNY per year: disposal and material saved minus transport.</source>
        <translation>Net benefit in CNY per year: disposal and material saved minus transport.</translation>
    </message>
    <message>
        <source>Transport CNY/yr</source>
        <translation>Transport CNY/yr</translation>
    </message>
    <message>
        <source>Net benefit: CNY per year where the supply&apos;s quantity is known, else a ranking figure per unit of supply (each cell names its unit); negative when transport costs more than it saves.</source>
        <translation>Net benefit: CNY per year where the supply&apos;s quantity is known, else a ranking figure per unit of supply (each cell names its unit); negative when transport costs more than it saves.</translation>
    </message>
    <message>
        <source>Ranking figure in %1 of supply, not a yearly value: the supply&apos;s quantity is unknown.</source>
        <translation>Ranking figure in %1 of supply, not a yearly value: the supply&apos;s quantity is unknown.</translation>
    </message>
    <message>
        <source>Negative: carrying it costs more than it saves, so this exchange loses money. Ranking figure in %1 of supply, not a yearly value: the supply&apos;s quantity is unknown.</source>
        <translation>Negative: carrying it costs more than it saves, so this exchange loses money. Ranking figure in %1 of supply, not a yearly value: the supply&apos;s quantity is unknown.</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::RegistryMappingDialog</name>
    <message>
        <source>Columns of the registry %1</source>
        <translation>Columns of the registry %1</translation>
    </message>
    <message>
        <source>Which column holds what: recognised headers are filled in; change a column&apos;s field or leave it unused. Rows are never dropped; what the sheet lacks is derived.</source>
        <translation>Which column holds what: recognised headers are filled in; change a column&apos;s field or leave it unused. Rows are never dropped; what the sheet lacks is derived.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>(none: placed by address, township or county)</source>
        <translation>(none: placed by address, township or county)</translation>
    </message>
    <message>
        <source>Longitude column</source>
        <translation>Longitude column</translation>
    </message>
    <message>
        <source>Latitude column</source>
        <translation>Latitude column</translation>
    </message>
    <message>
        <source>WGS 84 (GPS, most GIS files)</source>
        <translation>WGS 84 (GPS, most GIS files)</translation>
    </message>
    <message>
        <source>CGCS2000 (China Geodetic Coordinate System 2000)</source>
        <translation>CGCS2000 (China Geodetic Coordinate System 2000)</translation>
    </message>
    <message>
        <source>GCJ-02 (AMap, Tencent)</source>
        <translation>GCJ-02 (AMap, Tencent)</translation>
    </message>
    <message>
        <source>BD-09 (Baidu)</source>
        <translation>BD-09 (Baidu)</translation>
    </message>
    <message>
        <source>Coordinate system</source>
        <translation>Coordinate system</translation>
    </message>
    <message>
        <source>Open registry</source>
        <translation>Open registry</translation>
    </message>
    <message>
        <source>Recognised headers only</source>
        <translation>Recognised headers only</translation>
    </message>
    <message>
        <source>Forget the changes and the remembered mapping: every column as its header is recognised</source>
        <translation>Forget the changes and the remembered mapping: every column as its header is recognised</translation>
    </message>
    <message>
        <source>Save mapping file…</source>
        <translation>Save mapping file…</translation>
    </message>
    <message>
        <source>Write the mapping as a file circatlas reads with --mapping FILE</source>
        <translation>Write the mapping as a file circatlas reads with --mapping FILE</translation>
    </message>
    <message>
        <source>The mapping chosen last time for this file is filled in.</source>
        <translation>The mapping chosen last time for this file is filled in.</translation>
    </message>
    <message>
        <source>Not applied: %1 (the file has no such column now).</source>
        <translation>Not applied: %1 (the file has no such column now).</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <source>Derived by the reader: %1</source>
        <translation>Derived by the reader: %1</translation>
    </message>
    <message>
        <source>a column of names (choose the field Name for it)</source>
        <translation>a column of names (choose the field Name for it)</translation>
    </message>
    <message>
        <source>the longitude column (a latitude column is chosen)</source>
        <translation>the longitude column (a latitude column is chosen)</translation>
    </message>
    <message>
        <source>the latitude column (a longitude column is chosen)</source>
        <translation>the latitude column (a longitude column is chosen)</translation>
    </message>
    <message>
        <source>a location: longitude and latitude columns, or an address, township or county column</source>
        <translation>a location: longitude and latitude columns, or an address, township or county column</translation>
    </message>
    <message>
        <source>Still missing: %1</source>
        <translation>Still missing: %1</translation>
    </message>
    <message>
        <source>Save the column mapping</source>
        <translation>Save the column mapping</translation>
    </message>
    <message>
        <source>Mapping files (*.mapping *.txt)</source>
        <translation>Mapping files (*.mapping *.txt)</translation>
    </message>
    <message>
        <source>Cannot save the mapping</source>
        <translation>Cannot save the mapping</translation>
    </message>
    <message>
        <source>%1 is the registry itself.</source>
        <translation>%1 is the registry itself.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::SearchBox</name>
    <message>
        <source>Search names: 兰州, Lanzhou, lanzhou…</source>
        <translation>Search names: 兰州, Lanzhou, lanzhou…</translation>
    </message>
</context>
<context>
    <name>circatlas::viewer::WorkerRun</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
