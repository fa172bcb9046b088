// Writes a set of layers with their styles and provenance: one GeoPackage, or one file per layer.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/layer.h"
#include "core/progress.h"

namespace circatlas::io {

/// What an export does when its target exists.
enum class ExistingTarget {
  Refuse,     ///< error: the user must choose overwrite or append
  Overwrite,  ///< the target is replaced as a whole
  Append,     ///< layers are added; a layer of the same name (and its style) is replaced
};

/// One style of a layer, as the QGIS `layer_styles` table holds it.
struct LayerStyleDocument {
  std::string name;         ///< styleName
  std::string qml;          ///< styleQML: a QGIS .qml document
  std::string sld;          ///< styleSLD: an OGC SLD 1.1 document
  std::string description;  ///< what the style shows
};

/// Key → value pairs recorded as GDAL metadata (GeoPackage: gpkg_metadata rows).
using MetadataItems = std::vector<std::pair<std::string, std::string>>;

/// A layer and what travels with it. The layer is borrowed and must outlive the export.
struct ExportLayer {
  const core::Layer* layer = nullptr;
  /// One line for gpkg_contents.description (GeoJSON: the "description" member).
  std::string description;
  /// Provenance: sources, licences, the parameters that made a result (GeoPackage: gpkg_metadata
  /// referenced from the table).
  MetadataItems metadata;
  /// Default style: a `layer_styles` row in a GeoPackage, NAME.qml and NAME.sld beside per-layer files.
  std::optional<LayerStyleDocument> style;
};

struct ExportWriteOptions {
  /// GDAL driver short name ("GPKG", "GeoJSON", "ESRI Shapefile", "FlatGeobuf", "CSV"); by default
  /// from the target's extension (io::driverForPath).
  std::optional<std::string> format;
  ExistingTarget existing = ExistingTarget::Refuse;
  /// Dataset-level provenance (tool version, export time): gpkg_metadata with scope 'dataset'.
  MetadataItems datasetMetadata;
  /// Features per transaction, as ogr2ogr's -gt.
  std::size_t featuresPerTransaction = 100000;
  /// Optional; reports per chunk of features, and cancellation is honoured between chunks
  /// (core::Cancelled, the target left as it was).
  core::Progress* progress = nullptr;
};

/// What was written: the files (the GeoPackage, or each layer's files) and the layer count.
struct ExportReport {
  std::string driver;
  std::vector<std::string> files;
  std::size_t layers = 0;
};

/// Writes the layers to `path`.
///
/// GeoPackage (one file): every layer with a spatial index, its description in gpkg_contents,
/// its provenance in gpkg_metadata/gpkg_metadata_reference, and its style in `layer_styles` (the
/// table QGIS reads, registered in gpkg_contents as attributes; one default row per styled
/// layer). The file is built in a temporary folder beside the target — in append mode from a copy
/// of the target — checked (application_id 'GPKG', user_version, required tables) and renamed
/// over the target only when complete, so a failure or cancellation leaves any existing target
/// byte-identical.
///
/// Formats of one layer per file (GeoJSON, Shapefile with a .cpg for UTF-8, FlatGeobuf, CSV with
/// WKT or lon/lat columns): `path` is a folder ("out.shp" means the folder "out"), each layer
/// becomes LAYER.ext with its style as LAYER.qml (which QGIS loads with the file) and LAYER.sld.
/// The folder is built beside the target and renamed into place (append: each file moved in).
///
/// Throws core::ParameterError (existing target without a mode, unknown format, duplicate layer
/// names), core::IoError (read-only or missing folder, disk full — naming the file and layer and
/// quoting GDAL), core::CrsError, core::Cancelled.
ExportReport writeExport(std::span<const ExportLayer> layers, const std::string& path, const ExportWriteOptions& options);

/// The folder per-layer formats write into for `path` (its extension removed).
[[nodiscard]] std::string exportFolderFor(const std::string& path);

/// True for drivers whose files hold several layers (GeoPackage).
[[nodiscard]] bool isMultiLayerDriver(const std::string& driver) noexcept;

}  // namespace circatlas::io
