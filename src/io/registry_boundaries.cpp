// Reads the administrative units an analysis uses: the base map's, or a user's polygon layer with
// its code, name and parent fields recognised.
#include "io/registry_boundaries.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <vector>

#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/geometry_ops.h"
#include "geo/transformer.h"
#include "io/layer_reader.h"

namespace circatlas::io {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The first field of the layer whose name is one of `names` (case-insensitive), by the order of `names`.
std::optional<std::string> findField(const core::Schema& schema, std::initializer_list<const char*> names) {
  for (const char* wanted : names) {
    for (std::size_t i = 0; i < schema.size(); ++i) {
      if (lower(schema[i].name) == lower(wanted)) return schema[i].name;
    }
  }
  return std::nullopt;
}

// GADM names its levels GID_n/NAME_n: the parent of GID_2 is GID_1, named by NAME_1. 0: not a GADM code.
int gadmLevel(const std::string& field) {
  const std::string f = lower(field);
  if (f.size() == 5 && f.starts_with("gid_") && f[4] >= '1' && f[4] <= '5') return f[4] - '0';
  return 0;
}

struct UnitFields {
  std::optional<std::string> code, name, parentCode, parentName;
};

UnitFields recogniseFields(const core::Schema& schema) {
  UnitFields f;
  f.code = findField(schema, {"code", "county_code", "adcode", "区划代码", "行政区划代码", "ags", "geoid", "nuts_id",
                              "gid_3", "gid_2", "gid_1", "id"});
  const int level = f.code ? gadmLevel(*f.code) : 0;
  const std::string n = level > 0 ? "name_" + std::to_string(level) : "name_zh";
  f.name = findField(schema, {n.c_str(), "name_zh", "name", "name_en", "名称", "gen", "name_latn", "namelsad"});
  if (level > 1) {
    const std::string parentGid = "gid_" + std::to_string(level - 1);
    const std::string parentName = "name_" + std::to_string(level - 1);
    f.parentCode = findField(schema, {parentGid.c_str()});
    f.parentName = findField(schema, {parentName.c_str()});
  } else {
    f.parentCode = findField(schema, {"prefecture_code", "parent_code"});
    f.parentName = findField(schema, {"prefecture", "parent_name"});
  }
  return f;
}

core::Schema unitSchema(bool withParent) {
  core::Schema s(
      {{"code", core::FieldType::String}, {"name_zh", core::FieldType::String}, {"name_en", core::FieldType::String}});
  if (withParent) s.add({"prefecture_code", core::FieldType::String});
  return s;
}

std::string cell(const core::Layer& layer, std::size_t row, const std::optional<std::string>& field) {
  return field ? core::toString(layer.value(row, *field)) : std::string();
}

}  // namespace

Boundaries builtinBoundaries(const std::filesystem::path& basemapFile) {
  const std::string basemap = basemapFile.string();
  return {readLayer(basemap, {.layer = "counties", .sql = std::nullopt}),
          readLayer(basemap, {.layer = "prefectures", .sql = std::nullopt}),
          "Gansu's counties and prefectures (the base map)", true, false};
}

std::pair<std::string, std::optional<std::string>> splitBoundariesSpec(const std::string& spec) {
  std::error_code ec;
  if (std::filesystem::exists(spec, ec)) return {spec, std::nullopt};
  const auto colon = spec.rfind(':');
  if (colon != std::string::npos && colon > 0 && std::filesystem::exists(spec.substr(0, colon), ec)) {
    return {spec.substr(0, colon), spec.substr(colon + 1)};
  }
  throw core::IoError("--boundaries " + spec + ": no such file");
}

Boundaries readBoundaries(const std::string& spec) {
  // Not a structured binding: the lambda below captures the path (clang 14 cannot capture bindings).
  const auto source = splitBoundariesSpec(spec);
  const std::string& path = source.first;
  const std::optional<std::string>& layerName = source.second;
  core::Layer layer = readLayer(path, {.layer = layerName, .sql = std::nullopt});
  auto fail = [&](const std::string& message, std::optional<std::int64_t> feature = std::nullopt) {
    core::InputError e("boundaries: " + message);
    e.setFile(path).setLayer(layer.name());
    if (feature) e.setFeature(*feature);
    throw e;
  };
  if (layer.geometryType() != core::GeometryType::Polygon && layer.geometryType() != core::GeometryType::MultiPolygon) {
    fail("expected polygons (counties, districts …), this layer holds " +
         std::string(core::toString(layer.geometryType())));
  }
  if (layer.size() == 0) fail("the layer has no units");
  if (layer.crs() != geo::kWgs84) geo::transformLayer(layer, geo::kWgs84);

  const UnitFields fields = recogniseFields(layer.schema());
  const bool twoLevels = fields.parentCode.has_value();
  core::Layer units("counties", std::string(geo::kWgs84), core::GeometryType::MultiPolygon, unitSchema(true));
  std::map<std::string, core::FeatureId> seen;
  // Parents in the order they first appear, with their units' polygons.
  std::vector<std::string> parentOrder;
  std::map<std::string, std::pair<std::string, std::vector<core::Geometry>>> parents;
  for (std::size_t i = 0; i < layer.size(); ++i) {
    const core::Feature& f = layer[i];
    std::string code = fields.code ? cell(layer, i, fields.code) : std::to_string(i + 1);
    if (code.empty()) fail("unit without a code in field '" + *fields.code + "'", f.id.value());
    const auto [it, fresh] = seen.emplace(code, f.id);
    if (!fresh) {
      fail("code '" + code + "' names features " + std::to_string(it->second.value()) + " and " +
               std::to_string(f.id.value()) + "; a unit is one feature (dissolve the layer by its code first)",
           f.id.value());
    }
    std::string name = cell(layer, i, fields.name);
    if (name.empty()) name = code;
    std::string parent = twoLevels ? cell(layer, i, fields.parentCode) : code;
    if (parent.empty())
      fail("unit '" + code + "' has no parent code in field '" + *fields.parentCode + "'", f.id.value());
    core::Geometry g = f.geometry;
    g.promoteToMulti();
    units.add({f.id, g, {code, name, name, parent}});
    if (twoLevels) {
      auto [p, added] = parents.try_emplace(parent);
      if (added) {
        parentOrder.push_back(parent);
        p->second.first = cell(layer, i, fields.parentName);
      }
      p->second.second.push_back(f.geometry);
    }
  }
  core::Layer parentLayer("prefectures", std::string(geo::kWgs84), core::GeometryType::MultiPolygon, unitSchema(false));
  if (twoLevels) {
    std::int64_t id = 1;
    for (const auto& code : parentOrder) {
      const auto& [name, shapes] = parents.at(code);
      core::Geometry g = geo::polygonUnion(shapes);
      g.promoteToMulti();
      const std::string label = name.empty() ? code : name;
      parentLayer.add({core::FeatureId(id++), g, {code, label, label}});
    }
  } else {
    for (const auto& u : units.features()) parentLayer.add({u.id, u.geometry, {u.values[0], u.values[1], u.values[2]}});
  }

  std::string label = path + (layerName ? ", layer " + layer.name() : std::string()) + ": " +
                      std::to_string(units.size()) + " units (code ← " +
                      (fields.code ? *fields.code : std::string("numbered 1…N")) + ", name ← " +
                      (fields.name ? *fields.name : std::string("the code")) + ")";
  label +=
      twoLevels ? ", " + std::to_string(parentLayer.size()) + " parents (← " + *fields.parentCode + ")" : ", one level";
  return {std::move(units), std::move(parentLayer), std::move(label), false, !twoLevels};
}

}  // namespace circatlas::io
