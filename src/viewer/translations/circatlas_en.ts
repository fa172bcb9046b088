<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
      <source>Cancel</source>
      <translation>Cancel</translation>
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
      <source>Transport CNY</source>
      <translation>Transport CNY</translation>
    </message>
    <message>
      <source>Score CNY/yr</source>
      <translation>Score CNY/yr</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Choose an enterprise, or click one on the map.</source>
      <translation>Choose an enterprise, or click one on the map.</translation>
    </message>
  </context>
  <context>
    <name>circatlas::viewer::SearchBox</name>
    <message>
      <source>Search names: 兰州, Lanzhou, lanzhou…</source>
      <translation>Search names: 兰州, Lanzhou, lanzhou…</translation>
    </message>
  </context>
</TS>
