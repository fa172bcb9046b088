// Coordinate normalisation of user registries: column renaming, GCJ-02/BD-09 and CRS conversion.
#include "catalogue/registry_import.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/transformer.h"

namespace circatlas::catalogue {

namespace {

std::optional<double> parse(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
  if (ec != std::errc{} || end != s->data() + s->size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string degrees(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.7f", v);
  return buf;
}

std::size_t requireColumn(core::TextTable& table, const std::string& name, const char* what) {
  if (const auto c = table.column(name)) return *c;
  core::InputError e(std::string("no ") + what + " column '" + name + "' (name it with --" +
                     (std::string(what) == "longitude" ? "lon" : "lat") + "-field)");
  e.setFile(table.source);
  throw e;
}

}  // namespace

void normaliseCoordinates(core::TextTable& table, const std::string& lonField, const std::string& latField,
                          geo::LonLatSystem system) {
  const std::size_t lonCol = requireColumn(table, lonField, "longitude");
  const std::size_t latCol = requireColumn(table, latField, "latitude");
  table.header[lonCol] = "lon";
  table.header[latCol] = "lat";
  if (system == geo::LonLatSystem::Wgs84 || system == geo::LonLatSystem::Cgcs2000) return;
  for (auto& row : table.rows) {
    const auto lon = parse(row.cells[lonCol]);
    const auto lat = parse(row.cells[latCol]);
    if (!lon || !lat || std::abs(*lon) > 180 || std::abs(*lat) > 90) continue;
    const core::LonLat wgs = geo::toWgs84({*lon, *lat}, system);
    row.cells[lonCol] = degrees(wgs.lon);
    row.cells[latCol] = degrees(wgs.lat);
  }
}

core::TextTable tableFromPointLayer(const core::Layer& layer, const std::string& source) {
  if (!core::isPuntal(layer.geometryType())) {
    core::InputError e("a registry needs point geometries, this layer holds " +
                       std::string(core::toString(layer.geometryType())));
    e.setFile(source).setLayer(layer.name());
    throw e;
  }
  core::Layer wgs84 = layer;
  if (wgs84.crs().empty()) {
    // No CRS declared (a Shapefile without its .prj): lon/lat degrees are assumed, which only
    // coordinates within ±180/±90 can be; metres from a projected CRS are a CRS problem.
    for (const auto& f : wgs84.features()) {
      if (f.geometry.isEmpty()) continue;
      const core::Coord c = f.geometry.coords()[0];
      if (std::abs(c.x) > 180.0 || std::abs(c.y) > 90.0 || !std::isfinite(c.x) || !std::isfinite(c.y)) {
        core::CrsError e("the layer declares no coordinate system (a Shapefile without its .prj?) and its "
                         "coordinates (" + degrees(c.x) + ", " + degrees(c.y) +
                         ") are not lon/lat degrees; add the .prj or reproject to WGS 84");
        e.setFile(source).setLayer(layer.name()).setFeature(f.id.value());
        throw e;
      }
    }
    wgs84.setCrs(std::string(geo::kWgs84));
  } else if (wgs84.crs() != geo::kWgs84) {
    geo::transformLayer(wgs84, geo::kWgs84);
  }
  core::TextTable table;
  table.source = source;
  for (const auto& f : wgs84.schema().fields()) table.header.push_back(f.name);
  const bool hasLonLat = table.column("lon") || table.column("lat");
  if (!hasLonLat) {
    table.header.emplace_back("lon");
    table.header.emplace_back("lat");
  }
  const auto lonCol = table.column("lon");
  const auto latCol = table.column("lat");
  for (const auto& f : wgs84.features()) {
    core::TextTable::Row row{f.id.value(), {}};
    for (const auto& v : f.values) {
      row.cells.push_back(core::isNull(v) ? std::nullopt : std::optional<std::string>(core::toString(v)));
    }
    row.cells.resize(table.header.size());
    if (!f.geometry.isEmpty()) {
      row.cells[*lonCol] = degrees(f.geometry.coords()[0].x);
      row.cells[*latCol] = degrees(f.geometry.coords()[0].y);
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace circatlas::catalogue
