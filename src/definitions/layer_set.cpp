// Layer set files: source, layer, filter, style, labels, visibility, credit; order is draw order.
#include "definitions/layer_set.h"

#include <set>

#include "core/error.h"
#include "definitions/definition_paths.h"
#include "definitions/json_source.h"

namespace circatlas::definitions {

namespace {

LayerDefinition readLayer(JsonObject o, const std::filesystem::path& dataDir) {
  LayerDefinition d;
  d.id = o.string("id");
  if (!isSafeName(d.id)) o.fail("id", "layer ids use a-z, 0-9, '_' and '-' only, got '" + d.id + "'");
  d.title = o.text("title");
  d.source = o.string("source");
  try {
    // Without the data folder (none given, or missing: reported when the layer is read) the path's
    // text alone is checked.
    if (!dataDir.empty() && std::filesystem::is_directory(dataDir)) {
      (void)resolveDataPath(dataDir, d.source);
    } else {
      checkDataPath(d.source);
    }
  } catch (const core::ParameterError& e) {
    o.fail("source", e.detail());
  }
  d.layer = o.string("layer");
  if (o.has("filter")) {
    JsonObject f = o.object("filter");
    LayerFilter filter;
    filter.field = f.string("field");
    filter.values = f.strings("values");
    if (filter.values.empty()) f.fail("values", "a filter needs at least one value");
    filter.exclude = f.boolean("exclude", false);
    f.finish();
    d.filter = std::move(filter);
  } else {
    (void)o.get("filter");
  }
  d.style = o.string("style");
  if (!isSafeName(d.style)) o.fail("style", "style names use a-z, 0-9, '_' and '-' only (styles/<name>.json)");
  d.labels = o.boolean("labels", true);
  d.visible = o.boolean("visible", true);
  d.credit = o.text("credit");
  o.finish();
  return d;
}

}  // namespace

const LayerDefinition* LayerSet::find(const std::string& id) const noexcept {
  for (const auto& l : layers) {
    if (l.id == id) return &l;
  }
  return nullptr;
}

LayerSet parseLayerSet(const std::string& json, const std::string& fileLabel, const std::filesystem::path& dataDir) {
  JsonSource source(json, fileLabel, "layer set");
  JsonObject root(source, source.root(), "");
  LayerSet set;
  set.name = root.string("name");
  source.setWhat("layer set '" + set.name + "'");
  std::set<std::string> ids;
  for (const char* group : {"layers", "locator", "world"}) {
    const std::string g(group);
    auto& out = g == "layers" ? set.layers : g == "locator" ? set.locator : set.world;
    for (const auto& [value, pointer] : root.array(group)) {
      out.push_back(readLayer(JsonObject(source, *value, pointer), dataDir));
      if (!ids.insert(out.back().id).second) source.fail(pointer + "/id", "duplicate layer id '" + out.back().id + "'");
    }
  }
  if (set.layers.empty()) root.fail("layers", "a layer set needs at least one layer");
  root.finish();
  return set;
}

LayerSet parseLayerSetFile(const std::filesystem::path& path, const std::filesystem::path& dataDir) {
  return parseLayerSet(readTextFile(path.string()), path.string(), dataDir);
}

LayerSet loadBuiltinLayerSet(const core::DataPaths& paths) {
  return parseLayerSetFile(paths.layersDir() / "atlas.json", paths.data);
}

}  // namespace circatlas::definitions
