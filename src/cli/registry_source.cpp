// Reads a registry from CSV or any GDAL point layer and normalises its coordinates to WGS 84.
#include "cli/registry_source.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>

#include "catalogue/registry_import.h"
#include "core/error.h"
#include "geo/web_map_coords.h"
#include "io/csv_reader.h"
#include "io/layer_reader.h"

namespace circatlas::cli {

namespace {

bool isCsv(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".csv" || ext == ".txt";
}

}  // namespace

io::EncodingPolicy encodingPolicy(const RegistrySource& source) {
  const std::string& name = source.encoding;
  if (name == "utf8" || name == "utf-8") return io::EncodingPolicy::Reject;
  if (name == "gb18030" || name == "gbk") return io::EncodingPolicy::ConvertGb18030;
  throw core::ParameterError("unknown encoding '" + name + "' (expected utf8 or gb18030)");
}

void addRegistryOptions(CLI::App& cmd, RegistrySource& source) {
  cmd.add_option("--layer", source.layer, "Layer of a multi-layer source (GeoPackage …)");
  cmd.add_option("--lon-field", source.lonField, "CSV column with longitudes")->capture_default_str();
  cmd.add_option("--lat-field", source.latField, "CSV column with latitudes")->capture_default_str();
  cmd.add_option("--coords", source.coords,
                 "Coordinate system of the registry: wgs84, cgcs2000, gcj02 (AMap, Tencent) or bd09 (Baidu)")
      ->capture_default_str();
  cmd.add_option("--encoding", source.encoding,
                 "Text encoding of a CSV: utf8 (other encodings are rejected) or gb18030 (GBK files are converted)")
      ->capture_default_str();
}

core::TextTable readRegistry(const RegistrySource& source) {
  const geo::LonLatSystem system = geo::parseLonLatSystem(source.coords);
  const io::EncodingPolicy encoding = encodingPolicy(source);
  if (isCsv(source.path)) {
    core::TextTable table = io::readCsvTable(source.path, encoding);
    if (table.rows.empty()) throw core::InputError(source.path + ": the registry has no rows (only a header or nothing)");
    catalogue::normaliseCoordinates(table, source.lonField, source.latField, system);
    return table;
  }
  const core::Layer layer = io::readLayer(source.path, {.layer = source.layer, .sql = std::nullopt});
  if (layer.size() == 0) {
    core::InputError e("the registry has no features (an empty layer)");
    e.setFile(source.path).setLayer(layer.name());
    throw e;
  }
  core::TextTable table = catalogue::tableFromPointLayer(layer, source.path);
  catalogue::normaliseCoordinates(table, "lon", "lat", system);
  return table;
}

}  // namespace circatlas::cli
