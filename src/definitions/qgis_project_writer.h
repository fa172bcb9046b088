// A QGIS project document (.qgs) that opens exported layers as the atlas: projection, layer order and visibility,
// groups, styles and labels.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace circatlas::definitions {

/// One layer of the project, with everything QGIS needs to show it as circatlas does.
struct QgisProjectLayer {
  std::string id;        ///< unique layer id in the project (the table name will do)
  std::string source;    ///< QGIS data source, e.g. "./atlas.gpkg|layername=parks" (relative to the project)
  std::string title;     ///< layer name in the legend, in the chosen language ("省界", not "province")
  std::string group;     ///< legend group it belongs to, in the chosen language
  bool visible = true;   ///< checked in the legend
  std::string geometry;  ///< "Point", "Line" or "Polygon"; empty for a table without geometry
  std::string crsWkt;    ///< CRS of the layer's data (WKT); empty for tables
  std::string qml;       ///< its style (definitions::toQml), embedded in the project; empty for tables
};

/// A print layout: one figure preset laid out on the page as circatlas lays out its own figures
/// (render::FigureLayout): title and subtitle in the header, the map framed on `extent`, the legend
/// in the right-hand panel, a scale bar and a north arrow on the map, the credits below it.
struct QgisPrintLayout {
  std::string name;                  ///< in QGIS's layout manager
  std::string title;                 ///< the page's title, in the chosen language
  std::string subtitle;              ///< below the title
  std::string legendTitle;           ///< "图例" / "Legend"
  std::vector<std::string> credits;  ///< lines under the map (sources, projection, use)
  double pageWidthMm = 297.0;
  double pageHeightMm = 210.0;
  double dpi = 200.0;  ///< the layout's export resolution
  /// xmin, ymin, xmax, ymax of the region framed, in the project's CRS; the map shows it whole,
  /// widened to the map frame's aspect.
  std::array<double, 4> extent{};
  /// Ids of the project's layers drawn on the map, top first; ids not in the project are skipped.
  std::vector<std::string> layers;
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
  /// Print layouts (QGIS: Project > Layouts), one per figure preset.
  std::vector<QgisPrintLayout> layouts;
};

/// The .qgs XML document (QGIS 3.22 reads it; written with QXmlStreamWriter). Groups appear in the
/// order their first layer does; drawOrder becomes the layer tree's custom drawing order. A layer's QML (renderer,
/// labels, scale range) is copied into its <maplayer> element, as QGIS itself stores a layer's style in a project.
/// Each print layout becomes a <Layout> of the project's <Layouts>.
[[nodiscard]] std::string toQgs(const QgisProject& project);

}  // namespace circatlas::definitions
