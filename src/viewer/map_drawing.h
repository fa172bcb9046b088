// Drawing the viewer's visible layers with the shared MapRenderer, on any thread, into any QPainter.
#pragma once

#include <QImage>

#include <memory>
#include <string>
#include <vector>

#include "render/map_renderer.h"
#include "viewer/layer_stack.h"

namespace circatlas::viewer {

/// What one render needs of a layer, holding its data alive: a snapshot taken on the UI thread
/// and handed to a worker thread.
struct DrawItem {
  std::string id;
  std::shared_ptr<const core::Layer> layer;
  std::shared_ptr<const render::Style> style;
  bool labels = true;
  double opacity = 1.0;
  double minFeatureMm = 0.0;  ///< see ViewerLayer::minFeatureMm
};

/// The visible layers of the stack, bottom first.
[[nodiscard]] std::vector<DrawItem> drawItems(const LayerStack& stack);

/// Draws the items with MapRenderer into (0,0)–(width,height) of the painter. Consecutive layers
/// of equal opacity are drawn in one pass (so their labels avoid each other); a layer with its own
/// opacity gets its own pass. Polygons of a layer with a minFeatureMm smaller than that on screen
/// get a ring of that diameter in the layer's colour (drawMinimumSizes). Thread-safe for distinct
/// painters.
render::RenderResult drawMap(QPainter& painter, const std::vector<DrawItem>& items,
                             const render::MapSettings& settings);

/// Rings of `minFeatureMm` around the polygons of `item` drawn smaller than that, in the stroke
/// (else fill) colour of the style's first class; returns how many were drawn.
std::size_t drawMinimumSizes(QPainter& painter, const DrawItem& item, const render::MapSettings& settings);

/// A finished render of the canvas: the image and the settings it was drawn with.
struct RenderedMap {
  QImage image;
  render::MapSettings settings;
  double milliseconds = 0.0;
  /// What was drawn (the items hold their layers alive) and how many features per class, for the legend.
  std::vector<DrawItem> items;
  render::RenderResult result;
};

/// The paper colour behind the map.
[[nodiscard]] QColor mapBackground();

/// Renders into a new ARGB image of the settings' size (runs in a worker thread).
[[nodiscard]] RenderedMap renderMap(const std::vector<DrawItem>& items, const render::MapSettings& settings);

}  // namespace circatlas::viewer
