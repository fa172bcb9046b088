// Adapts enterprise layers to the DBSCAN kernel and turns its labels into member and hull layers.
#include "tools/cluster_tool.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_set>

#include "analysis/cluster/dbscan.h"
#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/geodesic.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "geo/transformer.h"
#include "tools/layer_fields.h"

namespace circatlas::tools {

namespace {


// GEOS's concave hull is one call that cannot be interrupted: a Delaunay triangulation of every
// point (about 9 s for one cluster of 1 M members, so Cancel would wait that long). Above this many
// members the hull is traced through one member per grid cell instead, and widened by the cell's
// diagonal so it still holds every member; its outline then lies within one diagonal outside the
// exact hull's (cells start at eps/4, doubled until at most kHullSites cells remain).
constexpr std::size_t kHullExactMembers = 20000;
constexpr std::size_t kHullSites = 50000;

struct HullSites {
  core::Geometry points{core::GeometryType::MultiPoint};
  double widenMeters = 0.0;  ///< 0 when the members themselves are used
};

HullSites hullSites(const core::Geometry& members, double epsMeters) {
  if (members.coords().size() <= kHullExactMembers) return {members, 0.0};
  for (double cell = epsMeters / 4;; cell *= 2) {
    std::unordered_set<std::uint64_t> seen;
    HullSites sites;
    for (const core::Coord& c : members.coords()) {
      const auto ix = static_cast<std::uint32_t>(static_cast<std::int32_t>(std::floor(c.x / cell)));
      const auto iy = static_cast<std::uint32_t>(static_cast<std::int32_t>(std::floor(c.y / cell)));
      if (seen.insert((static_cast<std::uint64_t>(ix) << 32) | iy).second) sites.points.addPoint(c);
      if (seen.size() > kHullSites) break;
    }
    if (seen.size() > kHullSites) continue;
    sites.widenMeters = cell * std::sqrt(2.0);
    return sites;
  }
}

const char* roleName(analysis::cluster::PointRole role) {
  switch (role) {
    case analysis::cluster::PointRole::Core: return "core";
    case analysis::cluster::PointRole::Border: return "border";
    case analysis::cluster::PointRole::Noise: return "noise";
  }
  return "noise";
}

struct Profile {
  std::int64_t members = 0, core = 0, border = 0;
  std::map<std::string, std::int64_t> industries;
  std::map<std::string, double> quantities;
  std::set<std::string> prefectures;
  std::vector<std::string> parks;
  core::Geometry points{core::GeometryType::MultiPoint};  // metric
};

}  // namespace

ClusterResult runCluster(const core::Layer& enterprises, const core::Layer& flows, const core::Layer& counties,
                         const core::Layer* parks, const ClusterParams& params, core::Progress* progress) {
  if (!(params.concaveRatio > 0.0 && params.concaveRatio <= 1.0)) {
    throw core::ParameterError("the concave-hull ratio must lie in (0, 1]");
  }
  core::advance(progress, 0.0, "projecting points");
  // Project once; clustering in degrees would stretch distances by the cosine of the latitude.
  std::vector<core::Coord> metric;
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    if (enterprises[i].geometry.isEmpty()) continue;
    metric.push_back(enterprises[i].geometry.coords()[0]);
    rows.push_back(i);
  }
  std::vector<core::Coord> lonLat = metric;
  if (enterprises.crs().empty()) {
    core::CrsError e("the layer has no coordinate reference system; clustering needs one to measure metres");
    e.setLayer(enterprises.name());
    throw e;
  }
  if (enterprises.crs() != geo::kWgs84) geo::Transformer(enterprises.crs(), geo::kWgs84).forward(lonLat);
  // A conformal projection fitted to the points' own extent (Gansu, Denmark or Guangdong alike),
  // its scale error stated in the parameters.
  std::vector<core::LonLat> points;
  points.reserve(lonLat.size());
  for (const auto& c : lonLat) points.push_back({c.x, c.y});
  const geo::FittedCrs crs = geo::conformalCrsFor(points);
  metric = lonLat;
  geo::Transformer(geo::kWgs84, crs.proj).forward(metric);
  std::vector<core::XY> xy;
  xy.reserve(metric.size());
  for (const auto& c : metric) xy.push_back({c.x, c.y});
  core::advance(progress, 0.1, "clustering");
  const auto labels = analysis::cluster::dbscan(
      xy, {params.epsMeters, params.minPoints, params.borderPointsAsNoise});

  // Members layer: the input plus cluster fields.
  core::Schema schema = enterprises.schema();
  schema.add({"cluster_id", core::FieldType::Integer});
  schema.add({"role", core::FieldType::String});
  ClusterResult r{core::Layer("cluster_members", enterprises.crs(), enterprises.geometryType(), std::move(schema)),
                  core::Layer("x", "", core::GeometryType::None, core::Schema()),
                  core::Layer("x", "", core::GeometryType::None, core::Schema()), ""};
  std::vector<std::optional<std::size_t>> clusterOfRow(enterprises.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (const auto c = labels.clusterOf(k)) clusterOfRow[rows[k]] = static_cast<std::size_t>(c->value());
  }
  std::vector<std::string> roleOfRow(enterprises.size(), "noise");
  for (std::size_t k = 0; k < rows.size(); ++k) roleOfRow[rows[k]] = roleName(labels.roleOf(k));
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    core::Feature f = enterprises[i];
    f.values.push_back(clusterOfRow[i] ? core::Value(static_cast<std::int64_t>(*clusterOfRow[i])) : core::Value());
    f.values.emplace_back(roleOfRow[i]);
    r.members.add(std::move(f));
  }

  core::advance(progress, 0.3, "cluster profiles");
  // Profiles.
  std::vector<Profile> profiles(labels.clusterCount());
  std::vector<core::Geometry> countyShapes;
  for (const auto& f : counties.features()) countyShapes.push_back(f.geometry);
  const auto county = geo::locateAll(countyShapes, lonLat);
  std::map<std::string, std::size_t> clusterOfId;
  const bool hasIndustry = enterprises.schema().indexOf("industry_code").has_value();
  const bool hasId = enterprises.schema().indexOf("id").has_value();
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto c = labels.clusterOf(k);
    if (!c) continue;
    Profile& p = profiles[static_cast<std::size_t>(c->value())];
    ++p.members;
    (labels.roleOf(k) == analysis::cluster::PointRole::Core ? p.core : p.border)++;
    if (hasIndustry) ++p.industries[text(enterprises, rows[k], "industry_code")];
    if (county[k]) p.prefectures.insert(text(counties, *county[k], "prefecture_code"));
    if (hasId) clusterOfId[text(enterprises, rows[k], "id")] = static_cast<std::size_t>(c->value());
    p.points.addPoint(metric[k]);
  }
  std::set<std::string> quantityFields;
  for (std::size_t i = 0; i < flows.size(); ++i) {
    const auto it = clusterOfId.find(text(flows, i, "enterprise_id"));
    const auto* q = std::get_if<double>(&flows.value(i, "quantity"));
    if (it == clusterOfId.end() || !q) continue;
    const std::string field = (text(flows, i, "direction") == "output" ? "out_" : "in_") + text(flows, i, "material_code");
    quantityFields.insert(field);
    profiles[it->second].quantities[field] += *q;
  }

  // Hulls in the analysis CRS, then back to the layer's lon/lat.
  const geo::Transformer toWgs(geo::kWgs84, crs.proj);
  std::vector<core::Geometry> convex(profiles.size());
  std::vector<core::Geometry> concave(profiles.size());
  // Hulls of collinear or coincident members (common: many registry points sit on a county
  // seat) are lines, points or slivers; they get 100 m of width so every cluster has an area.
  auto polygonal = [](core::Geometry g) {
    if (!core::isPolygonal(g.type()) || g.isEmpty() || geo::planarArea(g) < 1e4) g = geo::buffer(g, 100.0);
    g.promoteToMulti();
    return g;
  };
  for (std::size_t c = 0; c < profiles.size(); ++c) {
    const double done = static_cast<double>(c) / static_cast<double>(profiles.size());
    core::advance(progress, 0.4 + 0.6 * done, "cluster hulls");
    convex[c] = polygonal(geo::convexHull(profiles[c].points));
    const HullSites sites = hullSites(profiles[c].points, params.epsMeters);
    core::Geometry hull = geo::concaveHull(sites.points, params.concaveRatio);
    if (sites.widenMeters > 0) hull = geo::buffer(hull, sites.widenMeters);
    concave[c] = polygonal(std::move(hull));
    toWgs.inverse(convex[c].mutableCoords());
    toWgs.inverse(concave[c].mutableCoords());
  }
  if (parks && !profiles.empty()) {
    const geo::PolygonIndex hullIndex(convex);
    for (std::size_t i = 0; i < parks->size(); ++i) {
      if ((*parks)[i].geometry.isEmpty()) continue;
      // A park may lie in several overlapping hulls; the index gives the lowest id, enough here.
      if (const auto c = hullIndex.locate((*parks)[i].geometry.coords()[0])) {
        profiles[*c].parks.push_back(text(*parks, i, "id") + " " + text(*parks, i, "name_zh"));
      }
    }
  }

  using core::FieldType;
  core::Schema hullSchema({{"cluster_id", FieldType::Integer}, {"members", FieldType::Integer},
                           {"core", FieldType::Integer}, {"border", FieldType::Integer},
                           {"industries", FieldType::String}, {"shannon", FieldType::Real},
                           {"prefectures", FieldType::String}, {"parks", FieldType::String},
                           {"area_km2", FieldType::Real}});
  for (const auto& q : quantityFields) hullSchema.add({q, FieldType::Real});
  r.convexHulls = core::Layer("cluster_hulls", std::string(geo::kWgs84), core::GeometryType::MultiPolygon, hullSchema);
  r.concaveHulls = core::Layer("cluster_concave_hulls", std::string(geo::kWgs84), core::GeometryType::MultiPolygon,
                               hullSchema);
  for (std::size_t c = 0; c < profiles.size(); ++c) {
    const Profile& p = profiles[c];
    std::string mix;
    double shannon = 0.0;
    for (const auto& [code, n] : p.industries) {
      mix += (mix.empty() ? "" : ";") + code + ":" + std::to_string(n);
      const double share = static_cast<double>(n) / static_cast<double>(p.members);
      shannon -= share * std::log(share);
    }
    std::string prefectures;
    for (const auto& code : p.prefectures) prefectures += (prefectures.empty() ? "" : ";") + code;
    std::string parkList;
    for (const auto& park : p.parks) parkList += (parkList.empty() ? "" : ";") + park;
    auto values = [&](const core::Geometry& hull) {
      std::vector<core::Value> v = {static_cast<std::int64_t>(c), p.members, p.core, p.border, mix, shannon,
                                    prefectures, parkList, geo::geodesicAreaSquareMeters(hull) / 1e6};
      for (const auto& q : quantityFields) v.emplace_back(p.quantities.contains(q) ? p.quantities.at(q) : 0.0);
      return v;
    };
    r.convexHulls.add({core::FeatureId(static_cast<std::int64_t>(c + 1)), convex[c], values(convex[c])});
    r.concaveHulls.add({core::FeatureId(static_cast<std::int64_t>(c + 1)), concave[c], values(concave[c])});
  }
  char buf[160];
  std::snprintf(buf, sizeof buf, "eps_m=%g min_points=%d dbscan_star=%s concave_ratio=%g", params.epsMeters,
                params.minPoints, params.borderPointsAsNoise ? "yes" : "no", params.concaveRatio);
  r.parameters = std::string(buf) + " crs=" + crs.describe();
  return r;
}

}  // namespace circatlas::tools
