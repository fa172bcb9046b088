// Wrapping read layers for the viewer: projection into the display CRS and default styles.
#include "viewer/viewer_layer.h"

#include <filesystem>
#include <vector>

#include "core/error.h"
#include "definitions/style_parser.h"
#include "geo/transformer.h"
#include "io/layer_reader.h"
#include "render/map_settings.h"

namespace circatlas::viewer {

ViewerLayer makeViewerLayer(std::string id, render::LocalizedText title, core::Layer source, render::Style style) {
  core::Layer display = source;
  try {
    if (source.crs().empty()) throw core::CrsError("the layer declares no coordinate system");
    geo::transformLayer(display, render::displayCrs());
  } catch (core::Error& e) {
    e.setLayer(source.name());
    throw;
  }
  ViewerLayer v;
  v.id = std::move(id);
  v.title = std::move(title);
  v.source = std::make_shared<const core::Layer>(std::move(source));
  v.display = std::make_shared<const core::Layer>(std::move(display));
  v.labels = style.label.has_value();
  v.style = std::make_shared<const render::Style>(std::move(style));
  return v;
}

render::Style defaultStyleFor(core::GeometryType type) {
  // Through the style parser, so a user layer's style is exactly what a style file would give.
  const char* json = R"({"name": "user_polygons", "geometry": "polygon",
                         "symbol": {"fill": "#9ecae155", "stroke": "#3182bd", "stroke_width": 0.3}})";
  if (core::isPuntal(type)) {
    json = R"({"name": "user_points", "geometry": "point",
               "symbol": {"fill": "#e6550d", "stroke": "#ffffff", "stroke_width": 0.2, "size": 2.2}})";
  } else if (core::isLinear(type)) {
    json = R"({"name": "user_lines", "geometry": "line", "symbol": {"stroke": "#08519c", "stroke_width": 0.4}})";
  }
  return definitions::parseStyle(json, "default style");
}

std::string userLayerId(const std::string& path, const std::string& layerName) {
  return "file:" + path + "#" + layerName;
}

ViewerLayer readUserLayer(const std::string& path, const std::string& layerName, std::span<const ViewerLayer> others) {
  io::ReadOptions options;
  if (!layerName.empty()) options.layer = layerName;
  core::Layer layer = io::readLayer(path, options);
  if (layer.geometryType() == core::GeometryType::None) {
    throw core::InputError(path + ": layer '" + layer.name() + "' has no geometry to draw");
  }
  const std::string stem = std::filesystem::path(path).stem().string();
  const std::string title = layer.name() == stem ? stem : stem + " / " + layer.name();
  std::vector<LayerLook> taken;
  for (const ViewerLayer& o : others) {
    if (o.look) taken.push_back(*o.look);
  }
  LayerLook look = defaultLook(layer.geometryType(), title, taken);
  render::Style style = styleFromLook(look, layer.geometryType());
  try {
    // The id is built before the call: argument order is unspecified, and the layer is moved.
    const std::string id = userLayerId(path, layer.name());
    ViewerLayer v = makeViewerLayer(id, {title, title}, std::move(layer), std::move(style));
    v.origin = std::filesystem::path(path).filename().string() + ", layer " + v.source->name();
    v.fileLayer = v.source->name();
    v.file = path;
    v.look = std::move(look);
    return v;
  } catch (core::Error& e) {
    e.setFile(path);
    throw;
  }
}

}  // namespace circatlas::viewer
