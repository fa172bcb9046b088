// Router facade: points snapped to the network, routed through a contraction hierarchy, straight-line fallback.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/network/anchor.h"
#include "analysis/network/contraction_hierarchy.h"
#include "analysis/network/dijkstra.h"
#include "analysis/network/edge_snapper.h"
#include "core/points.h"
#include "core/progress.h"

namespace circatlas::analysis::network {

/// How a pair's figures were obtained.
enum class PairStatus : std::uint8_t {
  Routed,               ///< along the network, plus access legs at both ends
  FallbackNotSnapped,   ///< an endpoint is farther than maxSnapDistance from any road: straight line × detour
  FallbackUnreachable,  ///< both snapped, but no path (other component, one-way trap): straight line × detour
  FallbackNoNetwork,    ///< the network has no roads at all: straight line × detour
};

/// "routed", "fallback: not snapped", …
[[nodiscard]] std::string_view toString(PairStatus status) noexcept;

/// Router configuration. validate() is called by the Router constructor.
struct RouterOptions {
  Metric metric = Metric::Time;                    ///< what routes minimise; the other two are reported along them
  Meters maxSnapDistance{5000.0};                  ///< farther from every road: the endpoint is not snapped
  double detourFactor = 1.3;                       ///< straight line × this for access legs and fallbacks, ≥ 1
  double accessSpeedMetersPerSecond = 30.0 / 3.6;  ///< speed on access legs and fallbacks, > 0
  double accessCostYuanPerTonneKm = 0.6;           ///< cost on access legs and fallbacks, ≥ 0
  unsigned threads = 0;                            ///< for matrices; 0 = all cores
  /// A matrix with fewer sources than this (or fewer targets) runs one Dijkstra search per source (or
  /// target), on the road graph or on its junction graph (see MatrixMethod), never the hierarchy; single
  /// routes run one search on the road graph until a hierarchy exists. 0: always the hierarchy (and
  /// contractionCostFactor is ignored).
  std::size_t fewEndpoints = 50;
  /// Past fewEndpoints, searches are still chosen while there are fewer of them (the smaller side) than
  /// contracting is estimated to cost: this × √J × J / N road-graph searches, for J junctions (nodes
  /// with more than two neighbours) among N nodes. Contracting costs about this × √J searches of the
  /// junction graph: on grid-like networks it grows faster than the graph (its last tenth, hundreds of
  /// neighbours per node, takes most of the time). Measured with bench/network/contraction_probe on the
  /// anchor grids (N ≈ J): 1,450 searches at 32 k nodes, 1,100–1,300 at 128 k and 5,300 at 400 k, i.e.
  /// about 4–8 × √J. Degree-2 shape points cost the contraction almost nothing (chains are compressed
  /// first) but every road-graph search visits them, hence J / N: on bench/compare's OSM-like network
  /// (1.65 M nodes, 161 k junctions) the estimate says 240 searches and contracting cost about 70.
  /// That caution is kept even where junction-graph searches (MatrixMethod) would undercut the road-graph
  /// ones: it is about what they save. 0: fewEndpoints alone decides.
  double contractionCostFactor = 6.0;
  ContractionOptions contraction;

  /// Throws core::ParameterError naming the first bad option.
  void validate() const;
};

/// How Router::matrix finds the network part of its figures.
enum class MatrixMethod : std::uint8_t {
  /// One Dijkstra search per source (or per target, when they are fewer) on the road graph.
  RoadSearches,
  /// The same on the junction graph (JunctionGraph): runs of shape points between junctions, dead ends
  /// and the endpoints' anchor nodes are first compressed into single arcs, in one linear pass for each
  /// matrix (0.1 s for 1.65 M nodes), so each search visits the J junctions instead of all N nodes.
  /// Chosen for a few endpoints or more when the road graph has many more nodes than junctions.
  JunctionSearches,
  /// The contraction hierarchy, built first unless it exists.
  Hierarchy,
};

/// Figures for one origin–destination pair.
struct PairResult {
  Totals totals;
  PairStatus status = PairStatus::Routed;
};

/// Figures for every (source, target) pair, row-major.
struct RouteMatrix {
  std::size_t rows = 0;
  std::size_t columns = 0;
  std::vector<Meters> distances;
  std::vector<Seconds> times;
  std::vector<YuanPerTonne> costs;
  std::vector<PairStatus> statuses;

  [[nodiscard]] PairResult at(std::size_t row, std::size_t column) const {
    const std::size_t i = row * columns + column;
    return {{distances[i], times[i], costs[i]}, statuses[i]};
  }
};

/// One route with its geometry.
struct RouteResult {
  PairResult figures;
  std::vector<core::XY> geometry;  ///< metres, analysis CRS: from, [snapped from, nodes…, snapped to,] to
  std::vector<EdgeId> edges;       ///< builder edges travelled, in order (partial edges at the ends included)
};

/// Routes between arbitrary points (metres, analysis CRS) on a road graph. Builds a snapping index at
/// construction, and a contraction hierarchy for options.metric only when a matrix has so many sources
/// and targets that contracting costs less than the searches (see matrixMethod); it is then kept for
/// every later query. The junction graph, when a matrix chooses it, is compressed for that matrix only
/// (its endpoints' anchor nodes stay nodes), so nothing but the hierarchy is kept between queries.
/// Access legs from a point to its snapped position, and fallbacks, are the straight line × detourFactor
/// at the access speed and cost. Never throws for an unroutable pair: the pair is flagged and falls back.
/// Keeps a reference to the graph, which must outlive it. Const member functions may be called from
/// several threads.
class Router {
 public:
  /// Throws core::ParameterError for bad options. The progress object, if any, must outlive the
  /// router: it reports the contraction when that happens.
  Router(const RoadGraph& graph, const RouterOptions& options, core::Progress* progress = nullptr);

  [[nodiscard]] const RouterOptions& options() const noexcept { return options_; }
  [[nodiscard]] const RoadGraph& graph() const noexcept { return *graph_; }
  /// How a matrix of this shape is computed: the cheapest by the estimates below and those of
  /// RouterOptions::fewEndpoints and contractionCostFactor. Always the hierarchy once it exists.
  [[nodiscard]] MatrixMethod matrixMethod(std::size_t sources, std::size_t targets) const;
  /// What compressing the chains costs, in searches of the road graph; and what a search of the
  /// junction graph costs, in J / N road-graph searches (J junctions, N nodes): a little more than one,
  /// because dead ends and the endpoints' anchors are kept too. Measured on bench/compare's OSM-like
  /// network (1.65 M nodes, 161 k junctions; the junction graph 166 k nodes, 587 k arcs): compressing
  /// 0.10 s against 0.15–0.28 s for one road-graph search; a junction-graph search 0.031 s against
  /// 0.28 s (0.11 of a road search, J / N = 0.098).
  static constexpr double kChainCompressionSearches = 1.0;
  static constexpr double kJunctionSearchLocality = 1.2;
  /// The contraction hierarchy, built now if it was not yet.
  [[nodiscard]] const ContractionHierarchy& hierarchy() const;
  /// Whether the hierarchy has been built (by a large matrix or hierarchy()) or given (useHierarchy).
  [[nodiscard]] bool hasHierarchy() const;
  /// Routes through a hierarchy made before (read back from a --network-cache file) from now on, for every
  /// matrix and route. It must be of this router's graph object and metric, and none may exist yet:
  /// core::ParameterError otherwise.
  void useHierarchy(ContractionHierarchy hierarchy);

  /// Every pair of sources × targets.
  [[nodiscard]] RouteMatrix matrix(std::span<const core::XY> sources, std::span<const core::XY> targets) const;
  /// One pair with its geometry: through the hierarchy when it exists, else one Dijkstra search.
  /// Allocates query workspaces sized to the graph on every call, so for many pairs prefer matrix().
  [[nodiscard]] RouteResult route(core::XY from, core::XY to) const;

 private:
  struct Endpoint {
    core::XY point;
    std::optional<Snap> snap;
    std::vector<Anchor> anchors;
    Totals access;  // from the point to its snapped position (or back)
  };
  // The endpoint at point, snapped (or not) as snap says.
  [[nodiscard]] Endpoint prepare(core::XY point, const std::optional<Snap>& snap, bool isSource) const;
  [[nodiscard]] Totals straightLine(core::XY a, core::XY b) const;
  [[nodiscard]] std::optional<Totals> alongSameSegment(const Endpoint& from, const Endpoint& to) const;
  [[nodiscard]] PairResult fallback(const Endpoint& from, const Endpoint& to, std::optional<Totals> network) const;
  // Nodes with more than two distinct neighbours, counted when a matrix first needs them.
  [[nodiscard]] double junctions() const;
  // The graph's forward arcs laid out for plain searches in the metric, once, when a route first needs them
  // (a route per pair of a matrix would otherwise lay them out again each time).
  [[nodiscard]] const SearchArcs& forwardArcs() const;

  const RoadGraph* graph_;
  RouterOptions options_;
  EdgeSnapper snapper_;
  core::Progress* progress_;
  mutable std::once_flag junctionsCounted_;
  mutable double junctions_ = 0;  // set once, by junctions()
  mutable std::once_flag forwardArcsLaidOut_;
  mutable std::unique_ptr<SearchArcs> forwardArcs_;  // set once, by forwardArcs()
  mutable std::mutex building_;
  mutable std::unique_ptr<ContractionHierarchy> hierarchy_;          // guarded by building_
  mutable std::atomic<const ContractionHierarchy*> ready_{nullptr};  // hierarchy_ once complete
};

}  // namespace circatlas::analysis::network
