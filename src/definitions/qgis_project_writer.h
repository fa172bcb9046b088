// A QGIS project document (.qgs) that opens exported layers as the atlas: projection, layer order and visibility,
// groups, styles and labels.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace circatlas::render {

/// One layer of the project, with everything QGIS needs to show it as circatlas does.
struct QgisProjectLayer {
  std::string id;        ///< unique layer id in the project (the table name will do)
  std::string source;    ///< QGIS data source, e.g. "./atlas.gpkg|layername=parks" (relative to the project)
  std::string title;     ///< layer name in the legend, in the chosen language ("省界", not "province")
  std::string group;     ///< legend group it belongs to, in the chosen language
  bool visible = true;   ///< checked in the legend
  std::string geometry;  ///< "Point", "Line" or "Polygon"; empty for a table without geometry
  std::string crsWkt;    ///< CRS of the layer's data (WKT); empty for tables
  std::string qml;       ///< its style (render::toQml), embedded in the project; empty for tables
};

/// A whole project: the map's projection and extent, and the layers in legend order.
struct QgisProject {
  std::string title;
  std::string crsWkt;   ///< projection of the map canvas (the analysis CRS)
  std::string crsProj;  ///< the same as a PROJ string, shown in QGIS's CRS dialog
  /// xmin, ymin, xmax, ymax of the initial view in the map's projection; unset: QGIS zooms to the layers
  std::optional<std::array<double, 4>> extent;
  std::vector<QgisProjectLayer> layers;  ///< legend order, top first
  /// Layer ids in drawing order, bottom first (the atlas's order, across the legend's groups);
  /// empty: the legend order. Written as the layer tree's custom order.
  std::vector<std::string> drawOrder;
};

/// The .qgs XML document (QGIS 3.22 reads it; written with QXmlStreamWriter). Groups appear in the
/// order their first layer does; drawOrder becomes the layer tree's custom drawing order. A layer's QML (renderer,
/// labels, scale range) is copied into its <maplayer> element, as QGIS itself stores a layer's style in a project.
[[nodiscard]] std::string toQgs(const QgisProject& project);

}  // namespace circatlas::render
