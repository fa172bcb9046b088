// Router: endpoint preparation (snap, anchors, access legs), matrix and single routes, fallbacks.
#include "analysis/network/router.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "analysis/network/ch_query.h"
#include "analysis/network/dijkstra.h"
#include "analysis/network/distance_matrix.h"
#include "analysis/network/junction_graph.h"
#include "core/error.h"

namespace circatlas::analysis::network {
namespace {

// Within this fraction of a segment's end, a snapped point counts as standing on the end node, so
// it may leave by any arc of that node (not only along a one-way segment it happens to touch).
constexpr double kAtNode = 1e-9;

const RouterOptions& validated(const RouterOptions& options) {
  options.validate();
  return options;
}

}  // namespace

std::string_view toString(PairStatus status) noexcept {
  switch (status) {
    case PairStatus::Routed:
      return "routed";
    case PairStatus::FallbackNotSnapped:
      return "fallback: not snapped";
    case PairStatus::FallbackUnreachable:
      return "fallback: unreachable";
    case PairStatus::FallbackNoNetwork:
      return "fallback: no network";
  }
  return "?";
}

void RouterOptions::validate() const {
  auto fail = [](const std::string& what) { throw core::ParameterError("router: " + what); };
  if (!std::isfinite(maxSnapDistance.value()) || maxSnapDistance.value() < 0) {
    fail("maximum snap distance must be ≥ 0 m, got " + std::to_string(maxSnapDistance.value()));
  }
  if (!std::isfinite(detourFactor) || detourFactor < 1.0) {
    fail("detour factor must be ≥ 1, got " + std::to_string(detourFactor));
  }
  if (!std::isfinite(accessSpeedMetersPerSecond) || accessSpeedMetersPerSecond <= 0) {
    fail("access speed must be > 0 m/s, got " + std::to_string(accessSpeedMetersPerSecond));
  }
  if (!std::isfinite(accessCostYuanPerTonneKm) || accessCostYuanPerTonneKm < 0) {
    fail("access cost must be ≥ 0 CNY/t·km, got " + std::to_string(accessCostYuanPerTonneKm));
  }
  if (!std::isfinite(contractionCostFactor) || contractionCostFactor < 0) {
    fail("contraction cost factor must be ≥ 0, got " + std::to_string(contractionCostFactor));
  }
}

Router::Router(const RoadGraph& graph, const RouterOptions& options, core::Progress* progress)
    : graph_(&graph), options_(validated(options)), snapper_(graph), progress_(progress) {}

double Router::junctions() const {
  std::call_once(junctionsCounted_, [&] {
    // Junctions: nodes with more than two distinct neighbours either way.
    const RoadGraph& graph = *graph_;
    std::uint32_t junctions = 0;
    for (std::uint32_t v = 0; v < graph.nodeCount(); ++v)
      junctions += graph.distinctNeighbours(NodeId(v), 2) > 2 ? 1 : 0;
    junctions_ = junctions;
  });
  return junctions_;
}

const SearchArcs& Router::forwardArcs() const {
  std::call_once(forwardArcsLaidOut_,
                 [&] { forwardArcs_ = std::make_unique<SearchArcs>(*graph_, options_.metric, false); });
  return *forwardArcs_;
}

MatrixMethod Router::matrixMethod(std::size_t sources, std::size_t targets) const {
  if (hasHierarchy() || options_.fewEndpoints == 0) return MatrixMethod::Hierarchy;
  // Costs in searches of the road graph, which visit its N nodes, shape points included.
  const auto searches = static_cast<double>(std::min(sources, targets));
  const double junctions = std::max(this->junctions(), 1.0);
  const double junctionShare = junctions / std::max<double>(graph_->nodeCount(), 1.0);  // J / N
  // The contraction estimate is held against the road-graph searches even where junction-graph searches
  // would be cheaper (see RouterOptions::contractionCostFactor).
  if (searches >= static_cast<double>(options_.fewEndpoints) &&
      options_.contractionCostFactor * std::sqrt(junctions) * junctionShare <= searches) {
    return MatrixMethod::Hierarchy;
  }
  const double onJunctions =
      kChainCompressionSearches + searches * std::min(1.0, kJunctionSearchLocality * junctionShare);
  return onJunctions < searches ? MatrixMethod::JunctionSearches : MatrixMethod::RoadSearches;
}

const ContractionHierarchy& Router::hierarchy() const {
  if (const ContractionHierarchy* ready = ready_.load(std::memory_order_acquire)) return *ready;
  const std::lock_guard lock(building_);
  if (!hierarchy_) {
    hierarchy_ = std::make_unique<ContractionHierarchy>(
        ContractionHierarchy::build(*graph_, options_.metric, options_.contraction, progress_));
    ready_.store(hierarchy_.get(), std::memory_order_release);
  }
  return *hierarchy_;
}

bool Router::hasHierarchy() const { return ready_.load(std::memory_order_acquire) != nullptr; }

void Router::useHierarchy(ContractionHierarchy hierarchy) {
  if (&hierarchy.graph() != graph_ || hierarchy.metric() != options_.metric || hierarchy.empty()) {
    throw core::ParameterError("a contraction hierarchy of another road graph or metric cannot route this one");
  }
  const std::lock_guard lock(building_);
  if (hierarchy_) throw core::ParameterError("the router already has its contraction hierarchy");
  hierarchy_ = std::make_unique<ContractionHierarchy>(std::move(hierarchy));
  ready_.store(hierarchy_.get(), std::memory_order_release);
}

Totals Router::straightLine(core::XY a, core::XY b) const {
  const double meters = std::hypot(b.x - a.x, b.y - a.y) * options_.detourFactor;
  return {Meters(meters), Seconds(meters / options_.accessSpeedMetersPerSecond),
          YuanPerTonne(meters / 1000.0 * options_.accessCostYuanPerTonneKm)};
}

Router::Endpoint Router::prepare(core::XY point, const std::optional<Snap>& snap, bool isSource) const {
  Endpoint end{point, snap, {}, {}};
  if (!end.snap) return end;
  const Snap& s = *end.snap;
  end.access = straightLine(point, s.point);
  const auto forward = graph_->cheapestArc(s.from, s.to, options_.metric);   // from → to
  const auto backward = graph_->cheapestArc(s.to, s.from, options_.metric);  // to → from
  const double f = s.fraction;
  if (isSource) {
    // Leave the snapped point towards `to` along from → to, or towards `from` along to → from.
    if (forward) end.anchors.push_back({s.to, graph_->totals(*forward).scaled(1.0 - f)});
    if (backward) end.anchors.push_back({s.from, graph_->totals(*backward).scaled(f)});
  } else {
    // Arrive at the snapped point from `from` along from → to, or from `to` along to → from.
    if (forward) end.anchors.push_back({s.from, graph_->totals(*forward).scaled(f)});
    if (backward) end.anchors.push_back({s.to, graph_->totals(*backward).scaled(1.0 - f)});
  }
  if (f <= kAtNode) end.anchors.push_back({s.from, {}});
  if (f >= 1.0 - kAtNode) end.anchors.push_back({s.to, {}});
  return end;
}

std::optional<Totals> Router::alongSameSegment(const Endpoint& from, const Endpoint& to) const {
  if (!from.snap || !to.snap) return std::nullopt;
  const Snap& a = *from.snap;
  const Snap& b = *to.snap;
  double toFraction = 0;
  if (a.from == b.from && a.to == b.to) {
    toFraction = b.fraction;
  } else if (a.from == b.to && a.to == b.from) {
    toFraction = 1.0 - b.fraction;
  } else {
    return std::nullopt;
  }
  std::optional<Totals> best;
  const Metric m = options_.metric;
  if (toFraction >= a.fraction) {
    if (const auto arc = graph_->cheapestArc(a.from, a.to, m))
      best = graph_->totals(*arc).scaled(toFraction - a.fraction);
  } else {
    if (const auto arc = graph_->cheapestArc(a.to, a.from, m))
      best = graph_->totals(*arc).scaled(a.fraction - toFraction);
  }
  return best;
}

PairResult Router::fallback(const Endpoint& from, const Endpoint& to, std::optional<Totals> network) const {
  if (const auto direct = alongSameSegment(from, to)) {
    if (!network || direct->in(options_.metric) < network->in(options_.metric)) network = direct;
  }
  if (network) return {from.access + *network + to.access, PairStatus::Routed};
  PairStatus status = PairStatus::FallbackUnreachable;
  if (snapper_.empty()) {
    status = PairStatus::FallbackNoNetwork;
  } else if (!from.snap || !to.snap) {
    status = PairStatus::FallbackNotSnapped;
  }
  return {straightLine(from.point, to.point), status};
}

RouteMatrix Router::matrix(std::span<const core::XY> sources, std::span<const core::XY> targets) const {
  std::vector<Endpoint> from;
  std::vector<Endpoint> to;
  std::vector<std::vector<Anchor>> sourceAnchors;
  std::vector<std::vector<Anchor>> targetAnchors;
  // One batch: a few dozen sites are snapped without indexing the whole network.
  std::vector<core::XY> points(sources.begin(), sources.end());
  points.insert(points.end(), targets.begin(), targets.end());
  const std::vector<std::optional<Snap>> snaps = snapper_.snapAll(points, options_.maxSnapDistance);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    from.push_back(prepare(sources[i], snaps[i], true));
    sourceAnchors.push_back(from.back().anchors);
  }
  for (std::size_t i = 0; i < targets.size(); ++i) {
    to.push_back(prepare(targets[i], snaps[sources.size() + i], false));
    targetAnchors.push_back(to.back().anchors);
  }
  const DistanceMatrix network = [&] {
    switch (matrixMethod(sources.size(), targets.size())) {
      case MatrixMethod::RoadSearches:
        return computeDistanceMatrix(*graph_, options_.metric, sourceAnchors, targetAnchors, options_.threads);
      case MatrixMethod::JunctionSearches: {
        // Compressed anew for each matrix, so that every endpoint's anchor nodes stay nodes.
        std::vector<NodeId> ends;
        for (const auto* side : {&sourceAnchors, &targetAnchors}) {
          for (const auto& anchors : *side) {
            for (const Anchor& a : anchors) ends.push_back(a.node);
          }
        }
        const JunctionGraph junctions(*graph_, ends);
        return computeDistanceMatrix(junctions.graph(), options_.metric, junctions.translate(sourceAnchors),
                                     junctions.translate(targetAnchors), options_.threads);
      }
      case MatrixMethod::Hierarchy:
        break;
    }
    return computeDistanceMatrix(hierarchy(), sourceAnchors, targetAnchors, options_.threads);
  }();

  RouteMatrix result;
  result.rows = sources.size();
  result.columns = targets.size();
  const std::size_t cells = result.rows * result.columns;
  result.distances.reserve(cells);
  result.times.reserve(cells);
  result.costs.reserve(cells);
  result.statuses.reserve(cells);
  for (std::size_t r = 0; r < result.rows; ++r) {
    for (std::size_t c = 0; c < result.columns; ++c) {
      const PairResult pair = fallback(from[r], to[c], network.at(r, c));
      result.distances.push_back(pair.totals.length);
      result.times.push_back(pair.totals.time);
      result.costs.push_back(pair.totals.cost);
      result.statuses.push_back(pair.status);
    }
  }
  return result;
}

RouteResult Router::route(core::XY from, core::XY to) const {
  const Endpoint a = prepare(from, snapper_.snap(from, options_.maxSnapDistance), true);
  const Endpoint b = prepare(to, snapper_.snap(to, options_.maxSnapDistance), false);
  std::optional<ChRoute> found;
  if (a.snap && b.snap) {
    found = hasHierarchy() ? ChQuery(hierarchy()).route(a.anchors, b.anchors)
                           : Dijkstra(*graph_, options_.metric, &forwardArcs()).route(a.anchors, b.anchors);
  }

  RouteResult result;
  const Metric m = options_.metric;
  const auto direct = alongSameSegment(a, b);
  if (direct && (!found || direct->in(m) <= found->totals.in(m))) {
    result.figures = {a.access + *direct + b.access, PairStatus::Routed};
    result.geometry = {from, a.snap->point, b.snap->point, to};
    result.edges = {a.snap->edge};
    return result;
  }
  if (!found) {
    result.figures = fallback(a, b, std::nullopt);
    result.geometry = {from, to};
    return result;
  }
  result.figures = {a.access + found->totals + b.access, PairStatus::Routed};
  result.geometry = {from, a.snap->point};
  // A partial edge at each end unless the route starts (ends) right on the anchor node. The edge is
  // that of the arc actually travelled: towards `to` along from → to, or towards `from` along to → from.
  auto partialEdge = [&](const Endpoint& end, NodeId node, bool leaving) -> std::optional<EdgeId> {
    const Snap& s = *end.snap;
    const bool alongForward = leaving ? node == s.to : node == s.from;
    const double share = alongForward == leaving ? 1.0 - s.fraction : s.fraction;
    if (share <= kAtNode) return std::nullopt;
    const auto arc = alongForward ? graph_->cheapestArc(s.from, s.to, m) : graph_->cheapestArc(s.to, s.from, m);
    return arc ? std::optional<EdgeId>(graph_->edge(*arc)) : std::nullopt;
  };
  if (const auto edge = partialEdge(a, found->sourceNode, true)) result.edges.push_back(*edge);
  result.geometry.push_back(graph_->position(found->sourceNode));
  for (ArcId arc : found->arcs) {
    result.edges.push_back(graph_->edge(arc));
    result.geometry.push_back(graph_->position(graph_->head(arc)));
  }
  if (const auto edge = partialEdge(b, found->targetNode, false)) result.edges.push_back(*edge);
  result.geometry.push_back(b.snap->point);
  result.geometry.push_back(to);
  return result;
}

}  // namespace circatlas::analysis::network
