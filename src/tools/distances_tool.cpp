// DistancesTool: projects places once, asks the Router for the matrix or single routes, and turns the answers into
// layers.
#include "tools/distances_tool.h"

#include <cstdio>

#include "geo/analysis_crs.h"
#include "geo/transformer.h"

namespace circatlas::tools {
namespace {

namespace net = analysis::network;

// Reports a stage when someone listens (the router's preprocessing has its own progress and cancellation).
void step(core::Progress* progress, double fraction, std::string_view stage) {
  if (progress) progress->report(fraction, stage);
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

core::Schema pairSchema(bool withVia) {
  core::Schema s({{"from_id", core::FieldType::String},
                  {"to_id", core::FieldType::String},
                  {"distance_m", core::FieldType::Real},
                  {"time_s", core::FieldType::Real},
                  {"cost_cny_per_t", core::FieldType::Real},
                  {"status", core::FieldType::String},
                  {"method", core::FieldType::String}});
  if (withVia) s.add({"via", core::FieldType::String});
  return s;
}

std::vector<core::Value> pairValues(const Place& a, const Place& b, const net::PairResult& r,
                                    const net::RouterOptions& o) {
  return {a.id,
          b.id,
          r.totals.length.value(),
          r.totals.time.value(),
          r.totals.cost.value(),
          std::string(net::toString(r.status)),
          methodOf(r.status, o)};
}

std::vector<core::XY> project(std::span<const Place> places) {
  std::vector<core::LonLat> lonLat;
  lonLat.reserve(places.size());
  for (const Place& p : places) lonLat.push_back(p.lonLat);
  return geo::projectPoints(lonLat, geo::kAnalysisCrs);
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " – ") + p;
  return out;
}

// The route's line in WGS 84 and the labels of the lines it travels.
std::pair<core::Geometry, std::vector<std::string>> describe(const RoadNetwork& network, const net::RouteResult& r,
                                                             const geo::Transformer& toLonLat) {
  std::vector<core::Coord> c;
  for (const core::XY& p : r.geometry) {
    if (c.empty() || c.back().x != p.x || c.back().y != p.y) c.push_back({p.x, p.y});
  }
  if (c.size() == 1) c.push_back(c.front());
  toLonLat.forward(c);
  std::vector<std::string> via;
  for (net::EdgeId e : r.edges) {
    const std::string& label = network.edgeLabel(e);
    if (!label.empty() && (via.empty() || via.back() != label)) via.push_back(label);
  }
  return {core::Geometry::lineString(c), std::move(via)};
}

std::string parametersOf(const RoadNetwork& network, const net::RouterOptions& o) {
  return "metric=" + std::string(net::toString(o.metric)) + " snap_limit_m=" + fmt(o.maxSnapDistance.value()) +
         " detour=" + fmt(o.detourFactor) + " access_kmh=" + fmt(o.accessSpeedMetersPerSecond * 3.6) +
         " access_cny_per_tkm=" + fmt(o.accessCostYuanPerTonneKm) + " " + network.parameters();
}

}  // namespace

std::string methodOf(net::PairStatus status, const net::RouterOptions& o) {
  std::string straight = "straight line × " + fmt(o.detourFactor);
  switch (status) {
    case net::PairStatus::Routed:
      return "network (" + std::string(net::toString(o.metric)) + "-shortest) + access legs " + straight;
    case net::PairStatus::FallbackNotSnapped:
      return straight + " (an endpoint is beyond the " + fmt(o.maxSnapDistance.value() / 1000.0) + " km snap limit)";
    case net::PairStatus::FallbackUnreachable:
      return straight + " (no path in the network: other component or one-way trap)";
    case net::PairStatus::FallbackNoNetwork:
      return straight + " (no network)";
  }
  return straight;
}

DistancesResult runDistances(const RoadNetwork& network, const net::Router& router, std::span<const Place> origins,
                             std::span<const Place> destinations, bool withRoutes, core::Progress* progress) {
  const net::RouterOptions& o = router.options();
  step(progress, 0.0, "projecting places");
  const std::vector<core::XY> from = project(origins);
  const std::vector<core::XY> to = project(destinations);

  step(progress, 0.05, "computing the matrix");
  const net::RouteMatrix m = router.matrix(from, to);

  DistancesResult result{core::Layer("distances", "", core::GeometryType::None, pairSchema(false)),
                         std::nullopt,
                         {},
                         parametersOf(network, o)};
  result.matrix.reserve(m.rows * m.columns);
  for (std::size_t r = 0; r < m.rows; ++r) {
    for (std::size_t c = 0; c < m.columns; ++c) {
      const net::PairResult pair = m.at(r, c);
      ++result.statusCounts[static_cast<std::size_t>(pair.status)];
      result.matrix.add({core::FeatureId(static_cast<std::int64_t>(r * m.columns + c)), core::Geometry(),
                         pairValues(origins[r], destinations[c], pair, o)});
    }
  }
  if (withRoutes) {
    core::Layer routes("routes", std::string(geo::kWgs84), core::GeometryType::LineString, pairSchema(true));
    const geo::Transformer toLonLat(geo::kAnalysisCrs, geo::kWgs84);
    const std::size_t total = m.rows * m.columns;
    for (std::size_t r = 0; r < m.rows; ++r) {
      step(progress,
           0.5 + 0.5 * static_cast<double>(r * m.columns) / static_cast<double>(std::max<std::size_t>(total, 1)),
           "tracing route lines");
      for (std::size_t c = 0; c < m.columns; ++c) {
        const net::RouteResult route = router.route(from[r], to[c]);
        auto [geometry, via] = describe(network, route, toLonLat);
        auto values = pairValues(origins[r], destinations[c], route.figures, o);
        values.emplace_back(joined(via));
        routes.add(
            {core::FeatureId(static_cast<std::int64_t>(r * m.columns + c)), std::move(geometry), std::move(values)});
      }
    }
    result.routes = std::move(routes);
  }
  step(progress, 1.0, "done");
  return result;
}

RouteOutcome runRoute(const RoadNetwork& network, const net::Router& router, const Place& origin,
                      const Place& destination) {
  const Place both[] = {origin, destination};
  const std::vector<core::XY> xy = project(both);
  const net::RouteResult route = router.route(xy[0], xy[1]);
  auto [geometry, via] = describe(network, route, geo::Transformer(geo::kAnalysisCrs, geo::kWgs84));
  RouteOutcome out{route.figures, via,
                   core::Layer("route", std::string(geo::kWgs84), core::GeometryType::LineString, pairSchema(true))};
  auto values = pairValues(origin, destination, route.figures, router.options());
  values.emplace_back(joined(via));
  out.line.add({core::FeatureId(0), std::move(geometry), std::move(values)});
  return out;
}

}  // namespace circatlas::tools
