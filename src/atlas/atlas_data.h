// The data of a layer set, read once and projected once: source layers, display layers, styles, regions.
#pragma once

#include <string>
#include <vector>

#include "core/data_paths.h"
#include "core/layer.h"
#include "core/progress.h"
#include "definitions/layer_set.h"
#include "render/style.h"

namespace circatlas::atlas {

/// One layer of a set: its definition, its features as read (WGS 84), the same projected into
/// the display CRS (the locator CRS for locator layers; WGS 84 still for the world's), and its style.
struct LoadedLayer {
  definitions::LayerDefinition definition;
  core::Layer source;
  core::Layer display;
  render::Style style;
};

/// A framing region: the province (code "620000") or a prefecture, with its outline and extent
/// in the display CRS.
struct Region {
  std::string code;
  render::LocalizedText name;
  core::Geometry outline;
  core::Extent extent;
};

/// Everything a figure of the layer set needs.
class AtlasData {
 public:
  /// Reads every layer of the set (each source once, relative to paths.data), applies filters, loads
  /// styles (from paths.styles) and projects. Errors name the layer definition ("layer 'parks'") and
  /// the file. Progress covers the reading.
  [[nodiscard]] static AtlasData load(const definitions::LayerSet& set, const core::DataPaths& paths,
                                      core::Progress& progress);

  [[nodiscard]] const std::vector<LoadedLayer>& layers() const noexcept { return layers_; }
  [[nodiscard]] const std::vector<LoadedLayer>& locator() const noexcept { return locator_; }
  /// The world's land and borders for the locator of a region outside China (display in WGS 84).
  [[nodiscard]] const std::vector<LoadedLayer>& world() const noexcept { return world_; }
  [[nodiscard]] const LoadedLayer* find(const std::string& id) const noexcept;

  /// "province", "620000" or a prefecture code (layers 'province' and 'prefectures' with fields
  /// code, name_zh, name_en). core::ParameterError listing the codes when unknown.
  [[nodiscard]] Region region(const std::string& code) const;
  /// The prefecture codes, in code order.
  [[nodiscard]] std::vector<std::string> prefectureCodes() const;

 private:
  std::vector<LoadedLayer> layers_;
  std::vector<LoadedLayer> locator_;
  std::vector<LoadedLayer> world_;
};

}  // namespace circatlas::atlas
