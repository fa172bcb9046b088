// ExportTool: source and result layers, with styles and provenance, to one GeoPackage (or per-layer files).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "atlas/atlas_data.h"
#include "core/data_paths.h"
#include "core/layer.h"
#include "core/progress.h"
#include "io/export_writer.h"
#include "render/style.h"

namespace circatlas::tools {

/// One layer to export and where it came from. Result layers carry the parameters that made them.
struct ExportItem {
  core::Layer layer;                   ///< written under layer.name(); any CRS PROJ knows
  render::LocalizedText title;         ///< what the layer is, for gpkg_contents.identifier/description
  std::optional<render::Style> style;  ///< drawn as in the viewer; unset: a plain style by geometry
  std::string source;                  ///< data source ("basemap.gpkg, layer counties", "catalogue: flows.csv")
  std::string credit;                  ///< sources and licences, as printed on figures
  std::string producedBy;              ///< result layers: the analysis ("circatlas cluster")
  std::string parameters;              ///< result layers: the parameters that made them
  render::LocalizedText group;         ///< legend group in the QGIS project ("底图" / "Base map")
  bool visible = true;                 ///< checked in the QGIS project (layers/atlas.json `visible`)
};

struct ExportParams {
  std::string out;                    ///< a .gpkg file, a folder for per-layer formats, or PG:… (PostGIS)
  std::optional<std::string> format;  ///< GDAL driver; by default from the extension of `out`
  io::ExistingTarget existing = io::ExistingTarget::Refuse;
  std::string crs = "EPSG:4326";                     ///< every layer is transformed into this CRS (PROJ)
  render::Language language = render::Language::Zh;  ///< of style legends and labels
  std::string toolVersion;                           ///< "circatlas 0.1.0"
  std::string exportTime;                            ///< ISO 8601 UTC; empty: now
  std::size_t featuresPerTransaction = 100000;
  bool strict = false;  ///< refuse what the format would lose (io::ExportWriteOptions::strict)
  std::string schema;   ///< PostgreSQL targets: the schema of the tables (empty: public)
  /// A QGIS project (.qgz) of the exported layers written here (any format but PostgreSQL);
  /// a GeoPackage always embeds one in its qgis_projects table.
  std::string qgisProjectFile;
  /// Where the figure presets are (layersDir()/figures): the embedded project gets one print layout
  /// per preset. None: the project has no print layouts.
  std::optional<core::DataPaths> presets;
};

/// What was written.
struct ExportSummary {
  io::ExportReport report;
  std::size_t styledLayers = 0;
};

/// Items for the layers of a loaded layer set, in draw order: each under its id, with its title,
/// style, source and credit. `ids` selects and orders layers (empty: all); an unknown id is a
/// core::ParameterError listing the ids there are.
[[nodiscard]] std::vector<ExportItem> atlasItems(const atlas::AtlasData& data, const std::vector<std::string>& ids);

/// A copy of the layer under another name (GeoPackage table names are the layer names).
[[nodiscard]] core::Layer renamedLayer(const core::Layer& layer, const std::string& name);

/// The style for a layer without one: a single symbol of its geometry (grey), no labels.
[[nodiscard]] render::Style plainStyle(const core::Layer& layer);

/// The legend groups of the QGIS project, in legend order.
[[nodiscard]] render::LocalizedText baseMapGroup();
[[nodiscard]] render::LocalizedText catalogueGroup();
[[nodiscard]] render::LocalizedText resultsGroup();
[[nodiscard]] render::LocalizedText tablesGroup();

/// Transforms the items into params.crs, makes each layer's QML and SLD from its style, records
/// provenance (description, source, licence, parameters, tool version, export time), and writes
/// them with io::writeExport — atomically, honouring params.existing. A GeoPackage embeds a QGIS
/// project (definitions::toQgs) in the analysis projection, framed on the province, with the items in
/// legend order (the reverse of the draw order, in their groups), each under its title in
/// params.language and with its style and labels; params.qgisProjectFile writes the same beside
/// other formats. Errors as io::writeExport,
/// plus core::CrsError for a layer that cannot be transformed. Progress reports the writing and
/// its cancellation throws core::Cancelled, leaving the target untouched.
ExportSummary runExport(std::vector<ExportItem> items, const ExportParams& params, core::Progress& progress);

}  // namespace circatlas::tools
