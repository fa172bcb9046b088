// Residue density surface and county Gi* from the catalogue's output flows.
#include "tools/hotspots_tool.h"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "analysis/hotspot/getis_ord.h"
#include "analysis/hotspot/kernel_density.h"
#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "geo/transformer.h"
#include "tools/layer_fields.h"
#include "tools/rows_by_text.h"

namespace circatlas::tools {

namespace {

// The enterprises with a quantified output of `material` and a location, and their output (summed
// per enterprise id in the flows' order).
std::pair<std::vector<core::Coord>, std::vector<double>> outputSites(const core::Layer& enterprises,
                                                                     const core::Layer& flows,
                                                                     const std::string& material) {
  if (flows.empty()) return {};
  const std::size_t materialField = requireField(flows, "material_code");
  const std::size_t directionField = requireField(flows, "direction");
  const std::size_t quantityField = requireField(flows, "quantity");
  const std::size_t enterpriseField = requireField(flows, "enterprise_id");
  RowsByText slotOf;  // enterprise id → its slot in `output`
  std::vector<double> output;
  for (const core::Feature& flow : flows.features()) {
    const auto* q = std::get_if<double>(&flow.values[quantityField]);
    if (!q || !spells(flow.values[materialField], material) || !spells(flow.values[directionField], "output")) {
      continue;
    }
    auto slot = slotOf.find(flow.values[enterpriseField]);
    if (!slot) {
      slot = output.size();
      slotOf.add(flow.values[enterpriseField], *slot);
      output.push_back(0.0);
    }
    output[*slot] += *q;
  }
  if (output.empty()) return {};
  std::vector<core::Coord> lonLat;
  std::vector<double> weights;
  const std::size_t idField = requireField(enterprises, "id");
  for (const core::Feature& site : enterprises.features()) {
    const auto slot = slotOf.find(site.values[idField]);
    if (!slot || site.geometry.isEmpty()) continue;
    lonLat.push_back(site.geometry.coords()[0]);
    weights.push_back(output[*slot]);
  }
  return {std::move(lonLat), std::move(weights)};
}

std::string classify(double z, double p) {
  const char* side = z > 0 ? "hot spot" : "cold spot";
  if (p <= 0.01) return std::string(side) + " 99 %";
  if (p <= 0.05) return std::string(side) + " 95 %";
  if (p <= 0.10) return std::string(side) + " 90 %";
  return "not significant";
}

}  // namespace

bool hasOutputToMap(const core::Layer& enterprises, const core::Layer& flows, const std::string& material) {
  return !outputSites(enterprises, flows, material).second.empty();
}

HotspotsResult runHotspots(const core::Layer& enterprises, const core::Layer& flows, const core::Layer& counties,
                           const HotspotsParams& params, core::Progress* progress) {
  core::advance(progress, 0.0, "reading output flows");
  auto [lonLat, weights] = outputSites(enterprises, flows, params.material);
  if (weights.empty()) {
    throw core::ParameterError("no quantified output flow of " + params.material + " to map");
  }

  core::advance(progress, 0.1, "kernel density");
  HotspotsResult r;
  // Density in metres, projected once: in Gansu's analysis CRS, or for a registry elsewhere in a
  // conformal projection fitted to its sites (a grid in Gansu's conic would be far off scale there).
  std::vector<core::LonLat> points;
  points.reserve(lonLat.size());
  for (const core::Coord& c : lonLat) points.push_back({c.x, c.y});
  const geo::FittedCrs crs = geo::metricCrsFor(points);
  const bool gansu = crs.proj == geo::kAnalysisCrs;
  const std::vector<core::XY> xy = geo::projectPoints(points, crs.proj);
  const auto grid = analysis::hotspot::kernelDensity(xy, weights, {params.bandwidthMeters, params.cellMeters});
  r.west = grid.west;
  r.north = grid.north;
  r.cellMeters = grid.cellMeters;
  r.columns = grid.columns;
  r.rows = grid.rows;
  r.density.reserve(grid.values.size());
  for (const double v : grid.values) r.density.push_back(v * 1e6);  // per m² → per km²
  r.densityCrs = crs.proj;

  core::advance(progress, 0.6, "Getis-Ord Gi* per county");
  // County totals and contiguity.
  std::vector<core::Geometry> shapes;
  for (const auto& f : counties.features()) shapes.push_back(f.geometry);
  const auto where = geo::locateAll(shapes, lonLat);
  std::vector<double> totals(counties.size(), 0.0);
  r.outputSites = where.size();
  for (std::size_t k = 0; k < where.size(); ++k) {
    if (!where[k]) continue;
    totals[*where[k]] += weights[k];
    ++r.sitesInCounties;
  }
  // Gi* needs three units, and output in at least one: otherwise every z-score is 0 (a registry
  // elsewhere on Gansu's counties) and the density surface stands alone.
  r.giStar = counties.size() >= 3 && r.sitesInCounties > 0;
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "material=%s bandwidth_m=%g cell_m=%g kernel=quartic gi_weights=queen permutations=%d seed=%llu",
                params.material.c_str(), params.bandwidthMeters, params.cellMeters, params.permutations,
                static_cast<unsigned long long>(params.seed));
  r.parameters = buf;
  if (!gansu) r.parameters += " grid_crs=" + crs.describe();
  if (!r.giStar) return r;

  const geo::PolygonIndex index(shapes);
  analysis::hotspot::Neighbours neighbours(counties.size());
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    for (const std::size_t j : index.candidates(shapes[i].envelope())) {
      if (j != i && geo::intersects(shapes[i], shapes[j])) neighbours[i].push_back(static_cast<std::uint32_t>(j));
    }
  }
  const auto gi = analysis::hotspot::getisOrdGiStar(totals, neighbours, params.permutations, params.seed);

  using core::FieldType;
  r.counties = core::Layer("hotspots_" + params.material, counties.crs(), core::GeometryType::MultiPolygon,
                           core::Schema({{"code", FieldType::String},
                                         {"name_zh", FieldType::String},
                                         {"name_en", FieldType::String},
                                         {"output", FieldType::Real},
                                         {"gi_z", FieldType::Real},
                                         {"gi_p", FieldType::Real},
                                         {"hotspot", FieldType::String}}));
  for (std::size_t i = 0; i < counties.size(); ++i) {
    core::Geometry g = counties[i].geometry;
    g.promoteToMulti();
    r.counties.add({core::FeatureId(static_cast<std::int64_t>(i + 1)),
                    std::move(g),
                    {counties.value(i, "code"), counties.value(i, "name_zh"), counties.value(i, "name_en"), totals[i],
                     gi[i].z, gi[i].pValue, classify(gi[i].z, gi[i].pValue)}});
  }
  return r;
}

}  // namespace circatlas::tools
