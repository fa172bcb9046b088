// The viewer's ordered layers and selection, with change signals for the canvas and panels.
#include "viewer/layer_stack.h"

#include <algorithm>

#include "atlas/atlas_data.h"

namespace circatlas::viewer {

LayerStack::LayerStack(QObject* parent) : QObject(parent) {}

void LayerStack::setAtlas(const atlas::AtlasData& atlas) {
  layers_.clear();
  for (const auto& l : atlas.layers()) {
    ViewerLayer v;
    v.id = l.definition.id;
    v.title = l.definition.title;
    v.source = std::make_shared<const core::Layer>(l.source);
    v.display = std::make_shared<const core::Layer>(l.display);
    v.style = std::make_shared<const render::Style>(l.style);
    v.visible = l.definition.visible;
    v.labels = l.definition.labels;
    v.origin = l.definition.source + ", layer " + l.definition.layer;
    v.credit = l.definition.credit;
    layers_.push_back(std::move(v));
  }
  selection_ = {};
  emit structureChanged();
  emit appearanceChanged();
  emit selectionChanged();
}

std::optional<std::size_t> LayerStack::indexOf(std::string_view id) const noexcept {
  for (std::size_t i = 0; i < layers_.size(); ++i) {
    if (layers_[i].id == id) return i;
  }
  return std::nullopt;
}

const ViewerLayer* LayerStack::find(std::string_view id) const noexcept {
  const auto i = indexOf(id);
  return i ? &layers_[*i] : nullptr;
}

void LayerStack::put(ViewerLayer layer) {
  if (const auto i = indexOf(layer.id)) {
    layer.visible = layers_[*i].visible;
    layer.opacity = layers_[*i].opacity;
    layers_[*i] = std::move(layer);
    if (selection_.layerId == layers_[*i].id) setSelection({});
  } else {
    layers_.push_back(std::move(layer));
  }
  emit structureChanged();
  emit appearanceChanged();
}

void LayerStack::remove(std::size_t i) {
  if (i >= layers_.size()) return;
  const bool selected = selection_.layerId == layers_[i].id;
  layers_.erase(layers_.begin() + static_cast<std::ptrdiff_t>(i));
  if (selected) setSelection({});
  emit structureChanged();
  emit appearanceChanged();
}

void LayerStack::setVisible(std::size_t i, bool visible) {
  if (i >= layers_.size() || layers_[i].visible == visible) return;
  layers_[i].visible = visible;
  emit appearanceChanged();
}

void LayerStack::setLabels(std::size_t i, bool labels) {
  if (i >= layers_.size() || layers_[i].labels == labels) return;
  layers_[i].labels = labels;
  emit appearanceChanged();
}

void LayerStack::setOpacity(std::size_t i, double opacity) {
  opacity = std::clamp(opacity, 0.0, 1.0);
  if (i >= layers_.size() || layers_[i].opacity == opacity) return;
  layers_[i].opacity = opacity;
  emit appearanceChanged();
}

void LayerStack::setStyle(std::size_t i, std::shared_ptr<const render::Style> style) {
  if (i >= layers_.size() || !style || layers_[i].style == style) return;
  layers_[i].style = std::move(style);
  emit appearanceChanged();
}

void LayerStack::setLook(std::size_t i, LayerLook look) {
  if (i >= layers_.size()) return;
  ViewerLayer& l = layers_[i];
  if (look.legendName.empty()) look.legendName = l.title.in(render::Language::Zh);
  l.style = std::make_shared<const render::Style>(styleFromLook(look, l.source->geometryType()));
  l.title = {look.legendName, look.legendName};
  l.labels = !look.labelField.empty();
  l.look = std::move(look);
  emit structureChanged();  // the name in the layer list
  emit appearanceChanged();
}

void LayerStack::move(std::size_t from, std::size_t to) {
  if (from >= layers_.size() || to >= layers_.size() || from == to) return;
  ViewerLayer l = std::move(layers_[from]);
  layers_.erase(layers_.begin() + static_cast<std::ptrdiff_t>(from));
  layers_.insert(layers_.begin() + static_cast<std::ptrdiff_t>(to), std::move(l));
  emit structureChanged();
  emit appearanceChanged();
}

core::Extent LayerStack::homeExtent() const {
  if (const auto* province = find("province"); province && !province->display->empty()) {
    return province->display->extent();
  }
  core::Extent e;
  for (const auto& l : layers_) e.expand(l.display->extent());
  return e;
}

void LayerStack::setSelection(Selection selection) {
  if (selection == selection_) return;
  selection_ = std::move(selection);
  emit selectionChanged();
}

}  // namespace circatlas::viewer
