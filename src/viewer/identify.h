// Identify: which features of which layers lie under a map point.
#pragma once

#include <string>
#include <vector>

#include "core/points.h"
#include "viewer/layer_stack.h"

namespace circatlas::viewer {

/// One feature under the cursor: layer id and feature index (same in source and display).
struct IdentifyHit {
  std::string layerId;
  std::size_t feature = 0;
};

/// The features of the visible layers at `map` (display CRS), topmost layer first: polygons that
/// contain the point, points and lines within `tolerance` map units.
[[nodiscard]] std::vector<IdentifyHit> identifyAt(const LayerStack& stack, core::Coord map, double tolerance);

/// A short name for a feature: name_zh / name_en (in that order for Chinese, reversed for
/// English), else name, id or code, else "#<fid>".
[[nodiscard]] std::string featureName(const core::Layer& layer, std::size_t feature, bool chineseFirst);

}  // namespace circatlas::viewer
