// Reads a layer set's sources (GDAL files and the catalogue folder), filters, styles and projects them.
#include "atlas/atlas_data.h"

#include <algorithm>
#include <map>
#include <memory>

#include "catalogue/catalogue_layers.h"
#include "core/error.h"
#include "definitions/definition_paths.h"
#include "definitions/style_parser.h"
#include "geo/transformer.h"
#include "io/catalogue_reader.h"
#include "io/layer_reader.h"
#include "render/map_settings.h"

namespace circatlas::atlas {

namespace {

// The catalogue folder read once per load, however many layers draw on it.
class SourceCache {
 public:
  explicit SourceCache(const core::DataPaths& paths) : paths_(paths) {}

  core::Layer read(const definitions::LayerDefinition& d) {
    const auto path = definitions::resolveDataPath(paths_.dataDir(), d.source);
    if (!std::filesystem::is_directory(path)) {
      return io::readLayer(path.string(), {.layer = d.layer, .sql = std::nullopt});
    }
    auto& tables = catalogue_[path.string()];
    if (tables.empty()) tables = io::readCatalogueTables(path);
    auto table = [&](std::string_view name) -> core::Layer {
      for (const auto& t : tables) {
        if (t.spec && t.spec->name == name) return catalogue::toLayer(t);
      }
      std::string names;
      for (const auto& t : tables) names += (names.empty() ? "" : ", ") + std::string(t.spec->name);
      throw core::ParameterError(path.string() + ": no catalogue table '" + std::string(name) + "' (tables: " + names +
                                 ", and mining_base_areas)");
    };
    if (d.layer == "mining_base_areas")
      return catalogue::miningBaseAreas(table("mining_bases"), table("mining_base_members"));
    return table(d.layer);
  }

 private:
  const core::DataPaths& paths_;
  std::map<std::string, std::vector<catalogue::TableInput>> catalogue_;
};

core::Layer renamedAndFiltered(core::Layer in, const definitions::LayerDefinition& d) {
  core::Layer out(d.id, in.crs(), in.geometryType(), in.schema());
  std::optional<std::size_t> field;
  if (d.filter) {
    field = in.schema().indexOf(d.filter->field);
    if (!field) {
      throw core::ParameterError("filter field '" + d.filter->field + "' is not a field of layer '" + d.layer + "'");
    }
  }
  out.reserve(in.size());
  for (auto& f : in.mutableFeatures()) {
    if (field) {
      if (!d.filter->keeps(core::toString(f.values[*field]))) continue;
    }
    out.add(std::move(f));
  }
  return out;
}

}  // namespace

AtlasData AtlasData::load(const definitions::LayerSet& set, const core::DataPaths& paths, core::Progress& progress) {
  AtlasData data;
  SourceCache cache(paths);
  std::map<std::string, render::Style> styles;
  const std::size_t total = set.layers.size() + set.locator.size() + set.world.size();
  std::size_t done = 0;
  // The main map in the display CRS, China's locator in its own; the world stays in WGS 84 (a
  // figure projects it for the region it shows).
  enum class Group { Main, Locator, World };
  for (const Group group : {Group::Main, Group::Locator, Group::World}) {
    const auto& defs = group == Group::Main ? set.layers : group == Group::Locator ? set.locator : set.world;
    const std::string crs = group == Group::Main      ? std::string(render::displayCrs())
                            : group == Group::Locator ? std::string(render::kLocatorCrs)
                                                      : std::string();
    for (const definitions::LayerDefinition& d : defs) {
      progress.report(static_cast<double>(done++) / static_cast<double>(total), "reading " + d.id);
      try {
        core::Layer source = renamedAndFiltered(cache.read(d), d);
        auto it = styles.find(d.style);
        if (it == styles.end())
          it = styles.emplace(d.style, definitions::parseStyleFile(paths.stylesDir() / (d.style + ".json"))).first;
        core::Layer display = source;
        if (!crs.empty()) geo::transformLayer(display, crs);
        auto& out = group == Group::Main ? data.layers_ : group == Group::Locator ? data.locator_ : data.world_;
        out.push_back({d, std::move(source), std::move(display), it->second});
      } catch (core::Error& e) {
        e.setLayer(d.id);
        throw;
      }
    }
  }
  progress.report(1.0, "layers read");
  return data;
}

const LoadedLayer* AtlasData::find(const std::string& id) const noexcept {
  for (const auto& l : layers_) {
    if (l.definition.id == id) return &l;
  }
  return nullptr;
}

std::vector<std::string> AtlasData::prefectureCodes() const {
  std::vector<std::string> codes;
  if (const auto* p = find("prefectures")) {
    const auto code = p->display.schema().require("code");
    for (const auto& f : p->display.features()) codes.push_back(core::toString(f.values[code]));
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

Region AtlasData::region(const std::string& code) const {
  const bool province = code == "province" || code == "620000";
  const LoadedLayer* layer = find(province ? "province" : "prefectures");
  if (!layer) {
    throw core::ParameterError(std::string("the layer set has no '") + (province ? "province" : "prefectures") +
                               "' layer to frame figures on");
  }
  const auto& schema = layer->display.schema();
  const auto codeField = schema.require("code");
  const auto zh = schema.require("name_zh");
  const auto en = schema.require("name_en");
  for (const auto& f : layer->display.features()) {
    if (!province && core::toString(f.values[codeField]) != code) continue;
    Region r{core::toString(f.values[codeField]),
             {core::toString(f.values[zh]), core::toString(f.values[en])},
             f.geometry,
             f.geometry.envelope()};
    return r;
  }
  std::string list;
  for (const auto& c : prefectureCodes()) list += (list.empty() ? "" : ", ") + c;
  throw core::ParameterError("unknown prefecture code '" + code + "' (codes: " + list + ")");
}

}  // namespace circatlas::atlas
