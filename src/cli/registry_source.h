// Command-line options and loading for a user's registry, shared by every command that accepts one.
#pragma once

#include <optional>
#include <string>

#include "core/text_table.h"
#include "io/text_encoding.h"

namespace CLI {
class App;
}

namespace circatlas::cli {

/// Where a registry comes from and how to read its coordinates and text.
struct RegistrySource {
  std::string path;
  std::optional<std::string> layer;  ///< for multi-layer GIS sources
  std::string lonField = "lon";      ///< CSV column holding longitudes
  std::string latField = "lat";      ///< CSV column holding latitudes
  std::string coords = "wgs84";      ///< wgs84, cgcs2000, gcj02 or bd09
  std::string encoding = "utf8";     ///< utf8, or gb18030 to convert GBK files
};

/// The encoding policy named by source.encoding; throws core::ParameterError for other names.
[[nodiscard]] io::EncodingPolicy encodingPolicy(const RegistrySource& source);

/// Adds --layer, --lon-field, --lat-field, --coords and --encoding to a subcommand.
void addRegistryOptions(CLI::App& cmd, RegistrySource& source);

/// Reads the registry as a text table with WGS 84 `lon`/`lat` columns: CSV through the CSV
/// reader, anything else GDAL opens as a point layer (reprojected to WGS 84 with PROJ); then
/// GCJ-02/BD-09 coordinates converted. Throws the io/catalogue errors, core::ParameterError for
/// unknown --coords or --encoding values.
[[nodiscard]] core::TextTable readRegistry(const RegistrySource& source);

}  // namespace circatlas::cli
