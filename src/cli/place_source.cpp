// Resolves place names, ids and coordinates, and reads point layers into places in WGS 84.
#include "cli/place_source.h"

#include <charconv>
#include <cmath>
#include <filesystem>

#include "core/data_paths.h"
#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/transformer.h"
#include "io/layer_reader.h"

namespace circatlas::cli {
namespace {

std::optional<double> number(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<core::LonLat> lonLatOf(const std::string& text) {
  const auto comma = text.find(',');
  if (comma == std::string::npos) return std::nullopt;
  const auto lon = number(std::string_view(text).substr(0, comma));
  const auto lat = number(std::string_view(text).substr(comma + 1));
  if (!lon || !lat) return std::nullopt;
  if (std::abs(*lon) > 180 || std::abs(*lat) > 90) {
    throw core::ParameterError("'" + text +
                               "': longitude must be within ±180° and latitude within ±90° (lon,lat order)");
  }
  // 0,0 lies in the Gulf of Guinea: it is what a missing coordinate becomes, never a real site.
  if (*lon == 0.0 && *lat == 0.0) {
    throw core::ParameterError("'" + text +
                               "': 0,0 is where missing coordinates end up (the Gulf of Guinea), not a "
                               "place; give the site's lon,lat");
  }
  return core::LonLat{*lon, *lat};
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Point of feature i in the layer's CRS; throws naming the feature when it has none.
core::Coord pointOf(const core::Layer& layer, std::size_t i) {
  const core::Feature& f = layer[i];
  if (!core::isPuntal(f.geometry.type()) || f.geometry.isEmpty()) {
    core::InputError e(f.geometry.isEmpty()
                           ? "has no location"
                           : "expected a point, got a " + std::string(core::toString(f.geometry.type())));
    e.setFeature(f.id.value()).setLayer(layer.name());
    throw e;
  }
  return f.geometry.coords()[0];
}

std::vector<tools::Place> placesOf(const core::Layer& layer, const std::string& idField) {
  if (layer.crs().empty()) {
    core::CrsError e("the layer declares no coordinate system");
    e.setLayer(layer.name());
    throw e;
  }
  std::optional<std::size_t> idIndex;
  if (!idField.empty()) {
    idIndex = layer.schema().indexOf(idField);
    if (!idIndex) throw core::ParameterError("layer '" + layer.name() + "' has no field '" + idField + "'");
  } else {
    idIndex = layer.schema().indexOf("id");
    if (!idIndex) idIndex = layer.schema().indexOf("code");
  }
  std::vector<core::Coord> coords;
  coords.reserve(layer.size());
  for (std::size_t i = 0; i < layer.size(); ++i) coords.push_back(pointOf(layer, i));
  if (layer.crs() != geo::kWgs84) geo::Transformer(layer.crs(), geo::kWgs84).forward(coords);
  std::vector<tools::Place> places;
  places.reserve(layer.size());
  for (std::size_t i = 0; i < layer.size(); ++i) {
    std::string id = idIndex ? core::toString(layer[i].values[*idIndex]) : std::to_string(layer[i].id.value());
    places.push_back({std::move(id), {coords[i].x, coords[i].y}});
  }
  return places;
}

core::Layer seats(const core::DataPaths& paths) {
  return io::readLayer(paths.basemap().string(), {.layer = "seats", .sql = std::nullopt});
}

}  // namespace

tools::Place resolvePlace(const std::string& text, RegistryOnDemand& registry, const core::DataPaths& paths) {
  if (const auto p = lonLatOf(text)) return {text, *p};
  const catalogue::Catalogue& tables = registry.get();
  for (const core::Layer* table : {&tables.enterprises, &tables.parks}) {
    const core::Layer& layer = *table;
    const auto id = layer.schema().indexOf("id");
    for (std::size_t i = 0; id && i < layer.size(); ++i) {
      if (core::toString(layer[i].values[*id]) == text) return placesOf(layer, "id")[i];
    }
  }
  // Seats: exact Chinese or English name, or either without its generic (兰州 for 兰州市, Dunhuang for Dunhuang City);
  // prefecture seats first, so "Jiayuguan" means the city government.
  const core::Layer s = seats(paths);
  const auto zh = s.schema().require("name_zh");
  const auto en = s.schema().require("name_en");
  const auto level = s.schema().require("level");
  const auto code = s.schema().require("code");
  for (const std::string wanted : {"prefecture", "county"}) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (core::toString(s[i].values[level]) != wanted) continue;
      const std::string nameZh = core::toString(s[i].values[zh]);
      const std::string nameEn = lower(core::toString(s[i].values[en]));
      const bool match = nameZh == text || nameEn == lower(text) || nameEn.starts_with(lower(text) + " ") ||
                         (nameZh.size() > 3 && nameZh.substr(0, nameZh.size() - 3) == text &&
                          (nameZh.ends_with("市") || nameZh.ends_with("县") || nameZh.ends_with("区")));
      if (match) {
        const core::Coord c = pointOf(s, i);
        return {core::toString(s[i].values[code]), {c.x, c.y}};
      }
    }
  }
  throw core::ParameterError("unknown place '" + text +
                             "': give lon,lat (WGS 84), an enterprise or park id of the catalogue, or a county or "
                             "prefecture seat name such as Lanzhou or 兰州");
}

std::vector<tools::Place> readPlaces(const std::string& source, const std::string& layerName,
                                     const std::string& idField, RegistryOnDemand& registry,
                                     const core::DataPaths& paths) {
  if (source == "enterprises" || source == "parks") {
    const catalogue::Catalogue& tables = registry.get();
    const core::Layer& layer = source == "enterprises" ? tables.enterprises : tables.parks;
    try {
      return placesOf(layer, idField);
    } catch (core::Error& e) {
      // The file the records came from: a folder's table, the single-file registry, or the built-in one.
      const std::string& given = registry.source().request.source.path;
      if (given.empty() || !tables.isOwn(source)) e.setFile("catalogue/" + source + ".csv");
      else if (std::filesystem::is_directory(given))
        e.setFile((std::filesystem::path(given) / (source + ".csv")).string());
      else e.setFile(given);
      throw;
    }
  }
  if (source == "seats") return placesOf(seats(paths), idField);
  io::ReadOptions read;
  if (!layerName.empty()) read.layer = layerName;
  const core::Layer layer = io::readLayer(source, read);
  try {
    return placesOf(layer, idField);
  } catch (core::Error& e) {
    e.setFile(source);
    throw;
  }
}

}  // namespace circatlas::cli
