// DistancesTool: places in, network distance, time and cost per pair (a long table) and route lines out, through a
// Router.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/network/router.h"
#include "core/layer.h"
#include "core/points.h"
#include "core/progress.h"
#include "tools/network_tool.h"

namespace circatlas::tools {

/// An origin or destination: its id in the user's data and where it is (WGS 84).
struct Place {
  std::string id;
  core::LonLat lonLat;
};

/// Counts of pairs per analysis::network::PairStatus, in enum order.
using StatusCounts = std::array<std::size_t, 4>;

struct DistancesResult {
  /// Table (no geometry), one row per pair, origins in order, then destinations: from_id, to_id,
  /// distance_m, time_s, cost_cny_per_t, status ("routed", "fallback: unreachable", …), method
  /// (how the figures were made, e.g. "straight line × 1.3 (no path in the network)").
  core::Layer matrix;
  /// LineString per pair (WGS 84), same fields as the table plus `via` (route numbers or names
  /// travelled); only when asked for.
  std::optional<core::Layer> routes;
  StatusCounts statusCounts{};
  std::string parameters;  ///< router and network parameters, recorded in the output
};

/// Every origin × destination pair through the router (contraction hierarchy, both cores), with the
/// router's flagged fallback for pairs that cannot be routed (never a silent zero or infinity).
/// Route lines, when asked, are computed pair by pair (slower: meant for tens to thousands of pairs).
/// The router must have been built on network.graph(). Throws core::CrsError if a place cannot be
/// projected.
[[nodiscard]] DistancesResult runDistances(const RoadNetwork& network, const analysis::network::Router& router,
                                           std::span<const Place> origins, std::span<const Place> destinations,
                                           bool withRoutes, core::Progress* progress = nullptr);

/// One route with its figures and line.
struct RouteOutcome {
  analysis::network::PairResult figures;
  std::vector<std::string> via;  ///< labels of the lines travelled, in order, repeats merged
  core::Layer line;              ///< one LineString feature (WGS 84) with the table's fields and `via`
};

/// The route between two places (see runDistances).
[[nodiscard]] RouteOutcome runRoute(const RoadNetwork& network, const analysis::network::Router& router,
                                    const Place& origin, const Place& destination);

/// How a pair's figures were made, in words: "network (time-shortest) + access legs straight × 1.3",
/// "straight line × 1.3 (endpoint beyond the 5 km snap limit)", …
[[nodiscard]] std::string methodOf(analysis::network::PairStatus status,
                                   const analysis::network::RouterOptions& options);

}  // namespace circatlas::tools
