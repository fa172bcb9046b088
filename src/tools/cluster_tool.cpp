// Adapts enterprise layers to the DBSCAN kernel and turns its labels into member and hull layers.
#include "tools/cluster_tool.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <unordered_set>

#include "analysis/cluster/dbscan.h"
#include "analysis/cluster/k_distance.h"
#include "core/error.h"
#include "core/parallel.h"
#include "core/parallel_progress.h"
#include "geo/analysis_crs.h"
#include "geo/geodesic.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "geo/transformer.h"
#include "tools/layer_fields.h"
#include "tools/rows_by_text.h"

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
    case analysis::cluster::PointRole::Core:
      return "core";
    case analysis::cluster::PointRole::Border:
      return "border";
    case analysis::cluster::PointRole::Noise:
      return "noise";
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

// Stage 1: the members' points in WGS 84 and, projected once, in a conformal CRS fitted to their
// own extent (Gansu, Denmark or Guangdong alike); clustering in degrees would stretch distances by
// the cosine of the latitude.
struct ProjectedMembers {
  geo::LayerPoints points;
  geo::FittedCrs crs;
  std::vector<core::XY> xy;
};

ProjectedMembers projectMembers(const core::Layer& enterprises) {
  if (enterprises.crs().empty()) {
    core::CrsError e("the layer has no coordinate reference system; clustering needs one to measure metres");
    e.setLayer(enterprises.name());
    throw e;
  }
  ProjectedMembers m;
  m.points = geo::layerPointsWgs84(enterprises);
  m.crs = geo::conformalCrsFor(m.points.lonLat);
  m.xy = geo::projectPoints(m.points.lonLat, m.crs.proj);
  return m;
}

// Stage 2: cluster_id (null for noise) and role (core, border, noise, unlocated) of every input row, with the
// input's features (Points) or its id (Table).
// `consumed`: `enterprises` itself, whose features are moved into a Points layer instead of copied.
core::Layer membersLayer(const core::Layer& enterprises, const std::vector<std::size_t>& rows,
                         const analysis::cluster::DbscanResult& labels, MembersForm form, ClusterResult& counts,
                         core::Layer* consumed) {
  std::vector<std::optional<std::size_t>> clusterOfRow(enterprises.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (const auto c = labels.clusterOf(k)) clusterOfRow[rows[k]] = static_cast<std::size_t>(c->value());
  }
  // A row without a location (a registry row the reader could not place) is kept, in no cluster
  // and not noise either: it was never clustered.
  std::vector<std::string_view> roleOfRow(enterprises.size(), "unlocated");
  for (std::size_t k = 0; k < rows.size(); ++k) roleOfRow[rows[k]] = roleName(labels.roleOf(k));
  counts.unlocated = enterprises.size() - rows.size();
  counts.noise = static_cast<std::size_t>(std::count(roleOfRow.begin(), roleOfRow.end(), std::string_view("noise")));
  const auto clusterValue = [&](std::size_t i) {
    return clusterOfRow[i] ? core::Value(static_cast<std::int64_t>(*clusterOfRow[i])) : core::Value();
  };

  if (form == MembersForm::None) {
    return core::Layer(std::string(spec::cluster::members.id), enterprises.crs(), enterprises.geometryType(),
                       core::Schema());
  }
  if (form == MembersForm::Table) {
    // The registry's own id (its type as the registry has it), else the feature id.
    const auto idField = enterprises.schema().indexOf("id");
    const core::FieldType idType = idField ? enterprises.schema().fields()[*idField].type : core::FieldType::Integer;
    core::Layer table(
        std::string(spec::cluster::membership.id), "", core::GeometryType::None,
        core::Schema({{"id", idType}, {"cluster_id", core::FieldType::Integer}, {"role", core::FieldType::String}}));
    table.reserve(enterprises.size());
    for (std::size_t i = 0; i < enterprises.size(); ++i) {
      const core::Feature& f = enterprises[i];
      core::Value id = idField ? f.values[*idField] : core::Value(f.id.value());
      table.add({f.id, core::Geometry(), {std::move(id), clusterValue(i), std::string(roleOfRow[i])}});
    }
    return table;
  }
  core::Schema schema = enterprises.schema();
  schema.add({"cluster_id", core::FieldType::Integer});
  schema.add({"role", core::FieldType::String});
  static_assert(kClusterMemberFields == 2, "the fields added here");
  core::Layer members(std::string(spec::cluster::members.id), enterprises.crs(), enterprises.geometryType(),
                      std::move(schema));
  members.reserve(enterprises.size());
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    core::Feature f =
        consumed ? std::move(consumed->mutableFeatures()[i]) : copyWithRoom(enterprises[i], kClusterMemberFields);
    f.values.reserve(f.values.size() + kClusterMemberFields);  // a registry loaded with this room has it
    f.values.push_back(clusterValue(i));
    f.values.emplace_back(std::string(roleOfRow[i]));
    members.add(std::move(f));
  }
  if (consumed) consumed->clearFeatures();
  return members;
}

// Stage 3: per cluster its members, roles, industries, prefectures, metric points and, from the
// flows, tonnes per material (the field names used are gathered in quantityFields).
std::vector<Profile> profileClusters(const core::Layer& enterprises, const core::Layer& flows,
                                     const core::Layer& counties, const ProjectedMembers& m,
                                     const analysis::cluster::DbscanResult& labels,
                                     const std::vector<std::optional<std::size_t>>* enterpriseCounties,
                                     std::set<std::string>& quantityFields) {
  std::vector<Profile> profiles(labels.clusterCount());
  const std::vector<std::size_t>& rows = m.points.rows;
  // Each member's county: as the caller found it for its enterprise row, else located here.
  std::vector<std::optional<std::size_t>> county;
  if (enterpriseCounties) {
    if (enterpriseCounties->size() != enterprises.size()) {
      throw std::logic_error("runCluster: " + std::to_string(enterpriseCounties->size()) + " counties given for " +
                             std::to_string(enterprises.size()) + " enterprises");
    }
    county.reserve(rows.size());
    for (const std::size_t row : rows) county.push_back((*enterpriseCounties)[row]);
  } else {
    std::vector<core::Geometry> countyShapes;
    for (const auto& f : counties.features()) countyShapes.push_back(f.geometry);
    std::vector<core::Coord> lonLat;
    lonLat.reserve(m.points.lonLat.size());
    for (const core::LonLat& p : m.points.lonLat) lonLat.push_back({p.lon, p.lat});
    county = geo::locateAll(countyShapes, lonLat);
  }
  const core::Schema& sites = enterprises.schema();
  const auto industryField = sites.indexOf("industry_code");
  const auto idField = sites.indexOf("id");
  const auto prefectureField = counties.schema().indexOf("prefecture_code");
  RowsByText clusterOfId(idField ? rows.size() : 0);  // the last member of an id wins, as a map assigned
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto c = labels.clusterOf(k);
    if (!c) continue;
    const auto cluster = static_cast<std::size_t>(c->value());
    Profile& p = profiles[cluster];
    const std::vector<core::Value>& site = enterprises[rows[k]].values;
    ++p.members;
    (labels.roleOf(k) == analysis::cluster::PointRole::Core ? p.core : p.border)++;
    if (industryField) ++p.industries[core::toString(site[*industryField])];
    if (county[k]) {
      // Without the field, text() says which field the units lack.
      p.prefectures.insert(prefectureField ? core::toString(counties[*county[k]].values[*prefectureField])
                                           : text(counties, *county[k], "prefecture_code"));
    }
    if (idField) clusterOfId.add(site[*idField], cluster);
    p.points.addPoint({m.xy[k].x, m.xy[k].y});
  }
  if (flows.empty()) return profiles;
  const std::size_t enterpriseField = requireField(flows, "enterprise_id");
  const std::size_t quantityField = requireField(flows, "quantity");
  const std::size_t directionField = requireField(flows, "direction");
  const std::size_t materialField = requireField(flows, "material_code");
  for (const core::Feature& flow : flows.features()) {
    const auto* q = std::get_if<double>(&flow.values[quantityField]);
    if (!q) continue;
    const auto cluster = clusterOfId.find(flow.values[enterpriseField]);
    if (!cluster) continue;
    std::string field =
        (spells(flow.values[directionField], "output") ? "out_" : "in_") + core::toString(flow.values[materialField]);
    quantityFields.insert(field);
    profiles[*cluster].quantities[std::move(field)] += *q;
  }
  return profiles;
}

// Stage 4: convex and concave hulls in the fitted CRS, returned in WGS 84. Hulls of collinear or
// coincident members (common: many registry points sit on a county seat) are lines, points or
// slivers; they get 100 m of width so every cluster has an area.
struct Hulls {
  std::vector<core::Geometry> convex;
  std::vector<core::Geometry> concave;
};

Hulls traceHulls(const std::vector<Profile>& profiles, const geo::FittedCrs& crs, const ClusterParams& params,
                 core::Progress* progress) {
  Hulls h{std::vector<core::Geometry>(profiles.size()), std::vector<core::Geometry>(profiles.size())};
  auto polygonal = [](core::Geometry g) {
    if (!core::isPolygonal(g.type()) || g.isEmpty() || geo::planarArea(g) < 1e4) g = geo::buffer(g, 100.0);
    g.promoteToMulti();
    return g;
  };
  core::ProgressSpan span(progress, 0.4, 1.0);
  core::ParallelProgress done(progress ? &span : nullptr, profiles.size(), "cluster hulls");
  // Clusters are traced side by side (GEOS has a context per thread); a PROJ object serves one thread
  // at a time, so each worker makes its own.
  std::vector<std::unique_ptr<geo::Transformer>> toWgs(core::workerCount(0));
  core::parallelFor(profiles.size(), 0, 1, [&](unsigned worker, std::size_t begin, std::size_t end) {
    if (!toWgs[worker]) toWgs[worker] = std::make_unique<geo::Transformer>(geo::kWgs84, crs.proj);
    for (std::size_t c = begin; c < end; ++c) {
      h.convex[c] = polygonal(geo::convexHull(profiles[c].points));
      const HullSites sites = hullSites(profiles[c].points, params.epsMeters);
      core::Geometry hull = geo::concaveHull(sites.points, params.concaveRatio);
      if (sites.widenMeters > 0) hull = geo::buffer(hull, sites.widenMeters);
      h.concave[c] = polygonal(std::move(hull));
      toWgs[worker]->inverse(h.convex[c].mutableCoords());
      toWgs[worker]->inverse(h.concave[c].mutableCoords());
    }
    done.done(end - begin);
  });
  return h;
}

// The parks whose point lies in a cluster's convex hull (a park in several overlapping hulls goes
// to the lowest id, enough here).
void addParks(const core::Layer* parks, const std::vector<core::Geometry>& convex, std::vector<Profile>& profiles) {
  if (!parks || profiles.empty()) return;
  const geo::PolygonIndex hullIndex(convex);
  for (std::size_t i = 0; i < parks->size(); ++i) {
    if ((*parks)[i].geometry.isEmpty()) continue;
    if (const auto c = hullIndex.locate((*parks)[i].geometry.coords()[0])) {
      profiles[*c].parks.push_back(text(*parks, i, "id") + " " + text(*parks, i, "name_zh"));
    }
  }
}

// Stage 5: the two hull layers, one feature per cluster with its profile.
void writeHullLayers(const std::vector<Profile>& profiles, const std::set<std::string>& quantityFields,
                     const Hulls& hulls, ClusterResult& r) {
  using core::FieldType;
  core::Schema hullSchema({{"cluster_id", FieldType::Integer},
                           {"members", FieldType::Integer},
                           {"core", FieldType::Integer},
                           {"border", FieldType::Integer},
                           {"industries", FieldType::String},
                           {"shannon", FieldType::Real},
                           {"prefectures", FieldType::String},
                           {"parks", FieldType::String},
                           {"area_km2", FieldType::Real}});
  for (const auto& q : quantityFields) hullSchema.add({q, FieldType::Real});
  r.convexHulls = core::Layer("cluster_hulls", std::string(geo::kWgs84), core::GeometryType::MultiPolygon, hullSchema);
  r.concaveHulls =
      core::Layer("cluster_concave_hulls", std::string(geo::kWgs84), core::GeometryType::MultiPolygon, hullSchema);
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
      std::vector<core::Value> v = {static_cast<std::int64_t>(c),
                                    p.members,
                                    p.core,
                                    p.border,
                                    mix,
                                    shannon,
                                    prefectures,
                                    parkList,
                                    geo::geodesicAreaSquareMeters(hull) / 1e6};
      for (const auto& q : quantityFields) v.emplace_back(p.quantities.contains(q) ? p.quantities.at(q) : 0.0);
      return v;
    };
    r.convexHulls.add({core::FeatureId(static_cast<std::int64_t>(c + 1)), hulls.convex[c], values(hulls.convex[c])});
    r.concaveHulls.add({core::FeatureId(static_cast<std::int64_t>(c + 1)), hulls.concave[c], values(hulls.concave[c])});
  }
}

}  // namespace

ClusterResult runCluster(const core::Layer& enterprises, const core::Layer& flows, const core::Layer& counties,
                         const core::Layer* parks, const ClusterParams& params, core::Progress* progress) {
  if (!(params.concaveRatio > 0.0 && params.concaveRatio <= 1.0)) {
    throw core::ParameterError("the concave-hull ratio must lie in (0, 1]");
  }
  core::advance(progress, 0.0, "projecting points");
  const ProjectedMembers m = projectMembers(enterprises);
  core::ProgressSpan clustering(progress, 0.1, params.kDistance ? 0.22 : 0.3);
  const auto labels = analysis::cluster::dbscan(m.xy, {params.epsMeters, params.minPoints, params.borderPointsAsNoise},
                                                progress ? &clustering : nullptr);
  ClusterResult r{core::Layer("x", "", core::GeometryType::None, core::Schema()),
                  core::Layer("x", "", core::GeometryType::None, core::Schema()),
                  core::Layer("x", "", core::GeometryType::None, core::Schema()), "", std::nullopt};
  if (params.consumedEnterprises && params.consumedEnterprises != &enterprises) {
    throw std::logic_error("runCluster: consumedEnterprises is not the enterprises layer given");
  }
  if (params.kDistance) {
    core::ProgressSpan kDistances(progress, 0.22, 0.3);
    r.kDistance = analysis::cluster::kDistanceReport(m.xy, params.minPoints, progress ? &kDistances : nullptr);
  }

  core::advance(progress, 0.3, "cluster profiles");
  std::set<std::string> quantityFields;
  std::vector<Profile> profiles =
      profileClusters(enterprises, flows, counties, m, labels, params.enterpriseCounties, quantityFields);
  const Hulls hulls = traceHulls(profiles, m.crs, params, progress);
  addParks(parks, hulls.convex, profiles);
  writeHullLayers(profiles, quantityFields, hulls, r);
  // Last: the profiles read the enterprises, which the members layer may take over.
  r.members = membersLayer(enterprises, m.points.rows, labels, params.members, r,
                           params.members == MembersForm::Points ? params.consumedEnterprises : nullptr);

  char buf[160];
  std::snprintf(buf, sizeof buf, "eps_m=%g min_points=%d dbscan_star=%s concave_ratio=%g", params.epsMeters,
                params.minPoints, params.borderPointsAsNoise ? "yes" : "no", params.concaveRatio);
  r.parameters = std::string(buf) + " crs=" + m.crs.describe();
  return r;
}

}  // namespace circatlas::tools
