// LayerStack: the ordered layers of the viewer's map and the current feature selection.
#pragma once

#include <QObject>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/extent.h"
#include "viewer/viewer_layer.h"

namespace circatlas::atlas {
class AtlasData;
}

namespace circatlas::viewer {

/// Selected features: indices into one layer's features (source and display share the order).
struct Selection {
  std::string layerId;
  std::vector<std::size_t> features;
  [[nodiscard]] bool empty() const noexcept { return features.empty(); }
  friend bool operator==(const Selection&, const Selection&) = default;
};

/// The layers in draw order (index 0 is drawn first, at the bottom) and the one selection. Every
/// panel and the canvas observe this object; none of them owns layers.
class LayerStack : public QObject {
  Q_OBJECT

 public:
  explicit LayerStack(QObject* parent = nullptr);

  /// Replaces the whole stack with the layers of a loaded atlas (data copied into shared layers).
  void setAtlas(const atlas::AtlasData& atlas);

  [[nodiscard]] std::size_t size() const noexcept { return layers_.size(); }
  [[nodiscard]] const ViewerLayer& at(std::size_t i) const { return layers_.at(i); }
  [[nodiscard]] const std::vector<ViewerLayer>& layers() const noexcept { return layers_; }
  [[nodiscard]] std::optional<std::size_t> indexOf(std::string_view id) const noexcept;
  [[nodiscard]] const ViewerLayer* find(std::string_view id) const noexcept;

  /// Adds a layer on top, or replaces the layer of the same id in place (analysis results are
  /// recomputed and replaced this way, keeping the planner's visibility and opacity).
  void put(ViewerLayer layer);
  void remove(std::size_t i);
  void setVisible(std::size_t i, bool visible);
  void setLabels(std::size_t i, bool labels);
  void setOpacity(std::size_t i, double opacity);
  /// Draws layer i with another style (the legend follows the next render). The caller checks
  /// the style fits (style_choice.h); a style that does not fit simply draws nothing.
  void setStyle(std::size_t i, std::shared_ptr<const render::Style> style);
  /// Draws layer i with the planner's look (styleFromLook): its colour, size and labels, and its
  /// legend name as the layer's title in both languages (an empty name keeps the title). Throws
  /// the style parser's core::InputError only for a look no dialog makes (a negative size).
  void setLook(std::size_t i, LayerLook look);
  /// Moves layer `from` to position `to` (both indices into the current order).
  void move(std::size_t from, std::size_t to);

  /// The extent to show at start and for "zoom to full extent": the 'province' layer when there
  /// is one (the neighbours cover half of China), else every layer; in the display CRS.
  [[nodiscard]] core::Extent homeExtent() const;

  [[nodiscard]] const Selection& selection() const noexcept { return selection_; }
  void setSelection(Selection selection);

 signals:
  /// Layers added, removed, reordered or replaced (panels rebuild their lists).
  void structureChanged();
  /// Anything that changes the drawn map (structure, visibility, opacity, labels).
  void appearanceChanged();
  void selectionChanged();

 private:
  std::vector<ViewerLayer> layers_;
  Selection selection_;
};

}  // namespace circatlas::viewer
