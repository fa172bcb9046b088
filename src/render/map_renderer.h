// MapRenderer: draws styled layers into any QPainter — image, PDF, SVG or a widget — by one code path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/layer.h"
#include "render/map_settings.h"
#include "render/style.h"

class QPainter;

namespace circatlas::render {

/// A layer to draw with its style. Neither pointer is owned; both must outlive render().
/// The layer's coordinates must be in the settings' CRS (project once, draw many times).
struct RenderLayer {
  std::string id;
  const core::Layer* layer = nullptr;
  const Style* style = nullptr;
  bool labels = true;
};

/// A feature that could not be drawn, and why. Rendering goes on without it.
struct RenderProblem {
  std::string layer;
  std::int64_t feature = -1;
  std::string message;
};

/// What a render drew: problems, and per layer how many features of each class fell in the frame
/// and, when the map has a focus region, touch it (index classes.size() counts `other`), which
/// the legend uses to list only classes a reader can see.
struct RenderResult {
  std::vector<RenderProblem> problems;
  std::vector<std::vector<std::size_t>> classCounts;
  std::size_t labelsPlaced = 0;
  std::size_t labelsDropped = 0;
};

/// Draws layers in order (first at the bottom), then places labels over all of them. Draws into
/// the rectangle (0, 0)–(widthPx, heightPx) of the painter's current coordinates, clipped to it;
/// the caller translates the painter to place the map on a page. Never throws for bad features:
/// they are reported in RenderResult::problems.
class MapRenderer {
 public:
  explicit MapRenderer(MapSettings settings);

  [[nodiscard]] const MapSettings& settings() const noexcept { return settings_; }

  RenderResult render(QPainter& painter, std::span<const RenderLayer> layers) const;

 private:
  MapSettings settings_;
};

}  // namespace circatlas::render
