// NetworkTool: a road/rail line layer (any GDAL line layer or OSM `lines`) in, a routable RoadGraph and its component
// report out.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/network/graph_builder.h"
#include "analysis/network/road_graph.h"
#include "core/layer.h"
#include "core/points.h"
#include "core/progress.h"
#include "tools/network_attributes.h"

namespace circatlas::tools {

/// The version of what buildNetwork makes of a line layer: raise it whenever the same file and NetworkParams
/// would give another graph, labels or report (classes, speeds, lengths, joining), so that network caches made
/// by earlier code are refused instead of used (tools/network_cache.h).
inline constexpr std::uint32_t kNetworkBuildVersion = 1;

/// How lines become a graph. validate() is called by buildNetwork.
struct NetworkParams {
  /// Line ends closer than this join each other, or the nearest vertex of another line (T-junctions
  /// digitised a little short or long). Vertices that coincide exactly always join, whatever the
  /// tolerance; lines that merely cross (bridges) never do. Metres, ≥ 0.
  double snapToleranceMeters = 1.0;
  bool includeRoad = true;  ///< keep lines of mode road
  bool includeRail =
      false;  ///< keep lines of mode rail (a graph with both lets freight change mode at shared nodes for free)
  double roadCostYuanPerTonneKm = 0.5;   ///< assumption: no sourced Chinese road-freight rate (as data/catalogue)
  double railCostYuanPerTonneKm = 0.15;  ///< assumption: no sourced rate; rail bulk freight is cheaper per t·km
  /// Plain line layers: the fields read when present. A class not in builtinLineClasses() is a road at
  /// unknownClassSpeedKmh unless the mode field says rail.
  std::string classField = "class";
  std::string modeField = "mode";
  std::string speedField = "speed_kmh";    ///< km/h; overrides the class speed where set
  std::string onewayField = "oneway";      ///< yes/no/1/0/-1
  std::optional<std::string> lengthField;  ///< published length in metres, spread over the line's segments
  double unknownClassSpeedKmh = 30.0;

  /// Throws core::ParameterError naming the first bad value.
  void validate() const;
};

/// One weakly connected part of the network.
struct NetworkComponent {
  std::size_t nodes = 0;
  std::size_t edges = 0;
  double lengthMeters = 0;                 ///< sum of the edges' lengths
  core::LonLat where;                      ///< one node of it, WGS 84
  std::vector<std::int64_t> someFeatures;  ///< up to five source feature ids, to find it in the data
};

/// What was read and built, for the run log and the CLI.
struct NetworkReport {
  std::string flavour;  ///< "OpenStreetMap lines" or "line layer"
  std::size_t featuresRead = 0;
  std::size_t featuresUsed = 0;
  std::size_t skippedOtherMode = 0;      ///< lines of a mode not asked for
  std::size_t skippedNotForFreight = 0;  ///< OSM lines that are not lorry roads (footway, track, waterway, …)
  std::size_t skippedEmpty = 0;          ///< null or one-vertex geometries
  std::size_t onewayLines = 0;
  std::size_t publishedLengths = 0;  ///< lines whose length came from lengthField
  std::size_t endsSnapped = 0;       ///< line ends moved (by ≤ tolerance) onto another line's vertex or end
  double totalLengthMeters = 0;
  analysis::network::BuildReport build;
  std::size_t nodes = 0;
  std::size_t arcs = 0;
  std::vector<NetworkComponent> components;  ///< weak components, largest (by nodes) first
  std::size_t strongComponents = 0;          ///< one-way traps show up as more strong than weak components
  /// Share of the network length in the largest weak component, [0, 1].
  [[nodiscard]] double largestShareOfLength() const noexcept;
};

/// A routable network built once from a line layer: the compact graph plus, per graph edge, the source
/// feature's label and mode. Immutable; the graph stays at the same address for the network's lifetime
/// (routers keep a reference to it).
class RoadNetwork {
 public:
  [[nodiscard]] const analysis::network::RoadGraph& graph() const noexcept { return *graph_; }
  [[nodiscard]] const NetworkReport& report() const noexcept { return report_; }
  /// "G30", a name or the class of the line an edge was read from (for "via …" lists).
  [[nodiscard]] const std::string& edgeLabel(analysis::network::EdgeId edge) const;
  [[nodiscard]] TravelMode edgeMode(analysis::network::EdgeId edge) const { return edgeModes_[edge.value()]; }
  /// What the network was made from and how: "source=… snap_m=1 modes=road …".
  [[nodiscard]] const std::string& parameters() const noexcept { return parameters_; }

  /// What a network is made of, to be kept in a file and read back (tools/network_cache.h).
  struct Parts {
    analysis::network::RoadGraph graph;
    NetworkReport report;
    std::vector<std::string> labels;        ///< distinct labels
    std::vector<std::uint32_t> edgeLabels;  ///< per graph edge: index into labels
    std::vector<TravelMode> edgeModes;      ///< per graph edge
    std::string parameters;
  };
  [[nodiscard]] std::span<const std::string> labels() const noexcept { return labels_; }
  [[nodiscard]] std::span<const std::uint32_t> edgeLabelIndices() const noexcept { return edgeLabels_; }
  [[nodiscard]] std::span<const TravelMode> edgeModes() const noexcept { return edgeModes_; }
  /// A network from parts kept elsewhere; core::InputError unless there is a label index into `labels` and a
  /// known mode for every edge of the graph.
  [[nodiscard]] static RoadNetwork fromParts(Parts&& parts);

 private:
  std::unique_ptr<analysis::network::RoadGraph> graph_ = std::make_unique<analysis::network::RoadGraph>();
  NetworkReport report_;
  std::vector<std::string> labels_;        // distinct labels
  std::vector<std::uint32_t> edgeLabels_;  // per edge: index into labels_
  std::vector<TravelMode> edgeModes_;
  std::string parameters_;
};

/// Builds the network from a LineString/MultiLineString layer in any CRS PROJ knows (transformed to
/// WGS 84 for geodesic lengths, then projected once to the analysis CRS). Every vertex becomes a node
/// (arcs are straight between vertices, as RoadGraph wants); vertices that coincide exactly are one node;
/// line ends within params.snapToleranceMeters join (see NetworkParams). Edge length: geodesic on WGS 84
/// (PROJ), or the published length field spread over the segments in proportion; time = length / speed;
/// cost = km × the mode's CNY per t·km.
///
/// OpenStreetMap (`lines` layer of GDAL's OSM driver, recognised by its `osm_id` and `highway` fields):
/// `highway` classes open to lorries with default speeds (builtinLineClasses), `railway=rail` when rail
/// is included; `oneway` and `maxspeed` from their own fields when osmconf.ini makes them columns, else
/// from the `other_tags` hstore; oneway=-1 reverses, motorways and motorway links are one-way unless
/// tagged oneway=no, junction=roundabout is one-way; the speed is min(maxspeed, class speed).
///
/// Throws core::ParameterError (bad params), core::InputError naming layer, feature and field (not a
/// line layer, unreadable oneway, negative published length, no usable line at all) and core::CrsError
/// (no or unknown CRS). Reports progress.
[[nodiscard]] RoadNetwork buildNetwork(const core::Layer& lines, const NetworkParams& params,
                                       core::Progress* progress = nullptr);
/// The same from a layer the caller gives up: it is emptied as soon as its lines are gathered, so that the
/// graph is built in the memory its features held (on bench/compare's OSM-like network, 325 k lines: about
/// 300 MiB of an 860 MiB peak).
[[nodiscard]] RoadNetwork buildNetwork(core::Layer&& lines, const NetworkParams& params,
                                       core::Progress* progress = nullptr);

}  // namespace circatlas::tools
