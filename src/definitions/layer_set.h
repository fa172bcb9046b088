// Layer sets (layers/*.json): which data are drawn, from where, with which style, in which order.
#pragma once

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/data_paths.h"
#include "render/style.h"

namespace circatlas::definitions {

/// Keeps the features whose field (as text; an empty field is "") is one of the values, or, with
/// `exclude`, is none of them.
struct LayerFilter {
  std::string field;
  std::vector<std::string> values;
  bool exclude = false;

  /// True if a feature whose field reads `value` is kept.
  [[nodiscard]] bool keeps(const std::string& value) const {
    const bool listed = std::find(values.begin(), values.end(), value) != values.end();
    return listed != exclude;
  }
};

/// One layer of a set. `source` is relative to the data folder: a file GDAL opens (with `layer`
/// naming its layer) or the catalogue folder (with `layer` naming a table, or
/// "mining_base_areas" for the mining-base polygons derived from the member sites).
struct LayerDefinition {
  std::string id;
  render::LocalizedText title;
  std::string source;
  std::string layer;
  std::optional<LayerFilter> filter;
  /// Style name: styles/<style>.json.
  std::string style;
  bool labels = true;
  bool visible = true;
  /// Credit line for figures that show this layer ("Boundaries: AMap via …").
  render::LocalizedText credit;
};

/// A named, ordered set of layers: `layers` in draw order (first at the bottom) for the main map,
/// `locator` for the inset of China, `world` for the inset of a region outside China (optional).
struct LayerSet {
  std::string name;
  std::vector<LayerDefinition> layers;
  std::vector<LayerDefinition> locator;
  std::vector<LayerDefinition> world;

  [[nodiscard]] const LayerDefinition* find(const std::string& id) const noexcept;
};

/// Parses a layer set; core::ParameterError with file:line:column for bad JSON, unknown keys,
/// duplicate ids, unsafe style names or data paths that leave the data folder (checkDataPath; when
/// `dataDir` is an existing folder, also a symbolic link in it that leads out: resolveDataPath).
[[nodiscard]] LayerSet parseLayerSet(const std::string& json, const std::string& fileLabel,
                                     const std::filesystem::path& dataDir = {});
[[nodiscard]] LayerSet parseLayerSetFile(const std::filesystem::path& path, const std::filesystem::path& dataDir = {});

/// The built-in atlas: paths.layersDir()/atlas.json, its sources checked against paths.data.
[[nodiscard]] LayerSet loadBuiltinLayerSet(const core::DataPaths& paths);

}  // namespace circatlas::definitions
