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

/// A QGIS project to embed: its name and its .qgs XML (render::toQgs).
struct QgisProjectDocument {
  std::string name;  ///< the project's name in QGIS's browser ("circatlas")
  std::string qgs;   ///< the .qgs document; layer sources relative to the GeoPackage ("./atlas.gpkg|layername=…")
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
  /// Refuse what a format would lose (Shapefile: text over 254 bytes) instead of warning.
  bool strict = false;
  /// PostgreSQL targets: the schema the tables go to (created if missing); empty: public.
  std::string schema;
  /// GeoPackage: a QGIS project stored in the file's `qgis_projects` table, as QGIS itself stores
  /// one (name, metadata JSON, content = the zipped .qgz bytes as hex text), so a planner opens
  /// the file's project in QGIS and sees the atlas. Append replaces a project of the same name.
  std::optional<QgisProjectDocument> qgisProject;
};

/// What was written: the files (the GeoPackage, or each layer's data file as it exists on disk)
/// and the layer count, with what the user should know about the format's limits.
struct ExportReport {
  std::string driver;
  std::vector<std::string> files;
  std::size_t layers = 0;
  /// What the format changed without losing data (tables written as CSV, shortened field names).
  std::vector<std::string> notes;
  /// What the format lost (Shapefile: text cut to 254 bytes), one line per field and record.
  std::vector<std::string> warnings;
};

/// The GDAL driver an export to `path` uses: `format` when given, "PostgreSQL" for a "PG:…"
/// connection string, else by the extension (io::driverForPath).
[[nodiscard]] std::string exportDriverFor(const std::string& path, const std::optional<std::string>& format);

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
/// WKT or lon/lat columns): `path` is a folder named exactly as given ("out.shp" is the folder
/// "out.shp", so exports in several formats never share or replace each other's files), each
/// layer becomes LAYER.ext with its style as LAYER.qml (which QGIS loads with the file) and
/// LAYER.sld. The folder is built beside the target and renamed into place (append: each file
/// moved in).
/// - GeoJSON follows RFC 7946: WGS 84 longitude/latitude only (a layer in another CRS is a
///   core::ParameterError), no "crs" member, counter-clockwise outer rings, 7 decimals.
/// - FlatGeobuf and Shapefile cannot hold a table without geometry: such a layer is written as
///   LAYER.csv beside the others, and a note says so.
/// - Shapefile keeps at most 254 bytes of text per value: longer text is cut at a UTF-8 character
///   boundary with a warning naming layer, feature and field, or refused (core::InputError
///   listing them) when options.strict.
///
/// PostgreSQL ("PG:dbname=… host=…", or format "PostgreSQL"): tables in options.schema, written in
/// one transaction with GiST indexes and their styles in public.layer_styles for QGIS; tables that
/// exist are replaced only in Overwrite/Append mode (see detail::writePostgis).
///
/// Throws core::ParameterError (existing target without a mode, unknown format, duplicate layer
/// names), core::IoError (read-only or missing folder, disk full — naming the file and layer and
/// quoting GDAL), core::CrsError, core::Cancelled.
ExportReport writeExport(std::span<const ExportLayer> layers, const std::string& path,
                         const ExportWriteOptions& options);

/// Writes a QGIS project as a .qgz file (the .qgs zipped, as QGIS saves it), atomically; an
/// existing file is replaced only when `overwrite`. Throws core::ParameterError, core::IoError.
void writeQgisProjectFile(const QgisProjectDocument& project, const std::string& path, bool overwrite);

/// The folder per-layer formats write into for `path`: the path as given, extension included.
[[nodiscard]] std::string exportFolderFor(const std::string& path);

/// The names the fields of `schema` get when `driver` writes them, in schema order: Shapefile
/// cuts them to 10 characters and numbers clashes (industry_code → industry_c); the other
/// formats keep them. Found by letting GDAL create the fields in a scratch dataset in memory, so
/// the names are exactly those a write produces. Styles refer to fields by these names.
[[nodiscard]] std::vector<std::string> writtenFieldNames(const std::string& driver, const core::Schema& schema);

/// True for drivers whose files hold several layers (GeoPackage).
[[nodiscard]] bool isMultiLayerDriver(const std::string& driver) noexcept;

}  // namespace circatlas::io
