// NetworkTool: line features → classified lines → vertices joined exactly or within the snap tolerance → RoadGraph +
// report.
#include "tools/network_tool.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>

#include "analysis/network/components.h"
#include "analysis/network/line_topology.h"
#include "core/error.h"
#include "core/parallel.h"
#include "geo/analysis_crs.h"
#include "geo/geodesic.h"
#include "geo/geometry_ops.h"
#include "geo/transformer.h"
#include "tools/network_classifier.h"

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

// One path of a used feature: its vertex range in the flat coordinate arrays.
struct Line {
  core::FeatureId feature;   // the layer's id of its feature
  std::uint32_t attributes;  // index into GatheredLines::attributes
  net::LineRange vertices;
};

// Stage 1: the used features' attributes and the vertices of their paths, in the layer's CRS.
struct GatheredLines {
  std::vector<LineAttributes> attributes;
  std::vector<Line> lines;
  std::vector<net::LineRange> ranges;  // per line, as lines[i].vertices
  std::vector<core::Coord> coords;
};

GatheredLines gatherLines(const core::Layer& layer, const NetworkParams& params, NetworkReport& report) {
  const NetworkClassifier classifier(layer, params, report);
  GatheredLines g;
  report.featuresRead = layer.size();
  for (std::uint32_t i = 0; i < layer.size(); ++i) {
    const core::Feature& f = layer[i];
    bool hasLine = false;
    for (std::size_t p = 0; p < f.geometry.pathCount(); ++p) hasLine |= f.geometry.path(p).size() >= 2;
    if (!hasLine) {
      ++report.skippedEmpty;
      continue;
    }
    auto a = classifier.classify(f);
    if (!a) continue;
    ++report.featuresUsed;
    report.onewayLines += a->oneway != Oneway::Both;
    report.publishedLengths += a->publishedLengthMeters.has_value();
    g.attributes.push_back(std::move(*a));
    for (std::size_t p = 0; p < f.geometry.pathCount(); ++p) {
      const auto path = f.geometry.path(p);
      if (path.size() < 2) continue;
      const net::LineRange range{g.coords.size(), g.coords.size() + path.size()};
      g.lines.push_back({f.id, static_cast<std::uint32_t>(g.attributes.size() - 1), range});
      g.ranges.push_back(range);
      g.coords.insert(g.coords.end(), path.begin(), path.end());
    }
  }
  if (g.lines.empty()) {
    throw core::InputError("no usable line among " + std::to_string(report.featuresRead) + " features (" +
                           std::to_string(report.skippedOtherMode) + " of another mode, " +
                           std::to_string(report.skippedNotForFreight) + " not freight roads, " +
                           std::to_string(report.skippedEmpty) + " empty)");
  }
  return g;
}

// Stage 2: the distinct points of the vertices, each projected once to WGS 84 for geodesic lengths and
// to the analysis CRS for the graph (one PROJ call each, on all cores: a network has millions of
// vertices), and the geodesic length of every segment.
struct ProjectedVertices {
  net::VertexPoints points;
  std::vector<core::LonLat> lonLat;  // per point
  std::vector<core::XY> xy;          // per point
  std::vector<double> toPrevious;    // per vertex: geodesic metres from vertex i - 1 to i (0 at a line's start)

  [[nodiscard]] core::LonLat lonLatOfVertex(std::size_t v) const { return lonLat[points.pointOfVertex[v]]; }
  [[nodiscard]] core::XY xyOfVertex(std::size_t v) const { return xy[points.pointOfVertex[v]]; }
};

// Transforms the distinct points `coords` with `t`. When one cannot be, the error names the feature of
// its first vertex and the vertex's coordinates in the layer: the index PROJ's message gives counts the
// distinct points, which the user never sees.
void transformPoints(const geo::Transformer& t, std::vector<core::Coord>& coords, const GatheredLines& g,
                     const net::VertexPoints& points) {
  try {
    t.forwardOnAllCores(coords);
  } catch (const core::CrsError& e) {
    const auto bad = std::find_if(coords.begin(), coords.end(),
                                  [](const core::Coord& c) { return !std::isfinite(c.x) || !std::isfinite(c.y); });
    if (bad == coords.end()) throw;
    const std::uint32_t vertex = points.firstVertex[static_cast<std::size_t>(bad - coords.begin())];
    const auto line = std::partition_point(g.lines.begin(), g.lines.end(),
                                           [vertex](const Line& l) { return l.vertices.last <= vertex; });
    const core::Coord at = g.coords[vertex];
    char where[96];
    std::snprintf(where, sizeof where, "its vertex (%.10g, %.10g)", at.x, at.y);
    core::CrsError named(std::string(where) + " cannot be placed on the map: " + e.detail());
    if (line != g.lines.end()) named.setFeature(line->feature.value());
    throw named;
  }
}

ProjectedVertices projectVertices(std::string_view layerCrs, const GatheredLines& g) {
  ProjectedVertices v;
  v.points = net::distinctVertexPoints(g.coords, g.ranges);
  std::vector<core::Coord> coords;
  coords.reserve(v.points.pointCount());
  for (const std::uint32_t first : v.points.firstVertex) coords.push_back(g.coords[first]);
  // Each from the layer's CRS, not one through the other: a layer already in the analysis CRS (or in WGS 84)
  // is then transformed once, since PROJ makes no-operations of the other transformation.
  std::vector<core::Coord> geographic = coords;
  if (layerCrs != geo::kWgs84) transformPoints(geo::Transformer(layerCrs, geo::kWgs84), geographic, g, v.points);
  v.lonLat.reserve(geographic.size());
  for (const core::Coord& c : geographic) v.lonLat.push_back({c.x, c.y});
  transformPoints(geo::Transformer(layerCrs, geo::kAnalysisCrs), coords, g, v.points);
  v.xy.reserve(coords.size());
  for (const core::Coord& c : coords) v.xy.push_back({c.x, c.y});
  v.toPrevious.assign(g.coords.size(), 0.0);
  core::parallelFor(g.lines.size(), 0, 1 << 14, [&v, &g](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t l = begin; l < end; ++l) {
      const net::LineRange r = g.lines[l].vertices;
      for (std::size_t i = r.first + 1; i < r.last; ++i)
        v.toPrevious[i] = geo::geodesicDistanceMeters(v.lonLatOfVertex(i - 1), v.lonLatOfVertex(i));
    }
  });
  return v;
}

double segmentMeters(const ProjectedVertices& v, std::size_t to) { return v.toPrevious[to]; }

// Stage 4: one edge per segment, with its label and mode, and what the component report needs.
struct NetworkEdges {
  std::vector<std::string> labels;        // distinct
  std::vector<std::uint32_t> edgeLabels;  // per edge: index into labels
  std::vector<TravelMode> edgeModes;
  std::vector<std::uint32_t> edgeFrom;       // per edge: node
  std::vector<double> edgeLength;            // per edge: metres
  std::vector<core::FeatureId> edgeFeature;  // per edge: the layer's id of its feature
  double totalLengthMeters = 0;
};

NetworkEdges addEdges(const GatheredLines& g, const ProjectedVertices& v, const net::LineTopology& topology,
                      const NetworkParams& params, net::GraphBuilder& builder) {
  NetworkEdges out;
  const std::size_t segments = g.coords.size() - g.lines.size();
  out.edgeLabels.reserve(segments);
  out.edgeModes.reserve(segments);
  out.edgeFrom.reserve(segments);
  out.edgeLength.reserve(segments);
  out.edgeFeature.reserve(segments);
  std::unordered_map<std::string, std::uint32_t> labelIndex;
  // Geodesic length of each used feature, to spread a published length over its segments.
  std::vector<double> featureGeodesic(g.attributes.size(), 0.0);
  for (const Line& l : g.lines) {
    for (std::size_t i = l.vertices.first + 1; i < l.vertices.last; ++i)
      featureGeodesic[l.attributes] += segmentMeters(v, i);
  }
  for (const Line& l : g.lines) {
    const LineAttributes& a = g.attributes[l.attributes];
    const auto [labelIt, newLabel] = labelIndex.try_emplace(a.label, static_cast<std::uint32_t>(out.labels.size()));
    if (newLabel) out.labels.push_back(a.label);
    double scale = 1.0;
    if (a.publishedLengthMeters) {
      const double geodesic = featureGeodesic[l.attributes];
      scale = geodesic > 0 ? *a.publishedLengthMeters / geodesic : 0.0;
    }
    const double metresPerSecond = a.speedKmh / 3.6;
    const double yuanPerTonneKm =
        a.mode == TravelMode::Rail ? params.railCostYuanPerTonneKm : params.roadCostYuanPerTonneKm;
    for (std::size_t i = l.vertices.first + 1; i < l.vertices.last; ++i) {
      const double length = segmentMeters(v, i) * scale;
      net::NodeId from(topology.nodeOfVertex[i - 1]);
      net::NodeId to(topology.nodeOfVertex[i]);
      if (a.oneway == Oneway::Backward) std::swap(from, to);
      builder.addEdge({from, to, net::Meters(length), net::Seconds(length / metresPerSecond),
                       net::YuanPerTonne(length / 1000.0 * yuanPerTonneKm), a.oneway != Oneway::Both, l.feature});
      out.edgeLabels.push_back(labelIt->second);
      out.edgeModes.push_back(a.mode);
      out.edgeFrom.push_back(from.value());
      out.edgeLength.push_back(length);
      out.edgeFeature.push_back(l.feature);
      out.totalLengthMeters += length;
    }
  }
  return out;
}

// Stage 3b: a large network's nodes numbered along its lines sorted by the Hilbert code of their middle,
// so that nodes near each other on the ground have numbers near each other whatever the file's
// line order (lines with the same middle keep theirs). A search then finds the labels and arcs of the nodes it reaches
// nearby in memory. In a scattered order (an OpenStreetMap extract in way order, say) it waited for memory at every
// node: searches on bench/compare's grid took 1.5 times as long with its lines shuffled. The Hilbert order also beats
// the grid file's own row order (1000 × 1000: 27.9 against 32.9 s). Small networks fit in the cache whatever their
// order and keep the file's numbering, so their answers stay the same to the last bit.
void orderNodesSpatially(const GatheredLines& g, const ProjectedVertices& v, net::LineTopology& topology) {
  constexpr std::size_t kMinNodes = 20'000;
  if (topology.nodeCount() < kMinNodes) return;
  std::vector<core::XY> middles;
  middles.reserve(g.ranges.size());
  for (const net::LineRange& line : g.ranges) {
    // The middle vertex, or the middle of the middle segment (lines with one point in common differ there).
    const core::XY p = v.xyOfVertex((line.first + line.last - 1) / 2);
    const core::XY q = v.xyOfVertex((line.first + line.last) / 2);
    middles.push_back({(p.x + q.x) / 2, (p.y + q.y) / 2});
  }
  const std::vector<std::uint32_t> codes = geo::hilbertCodes(middles);
  std::vector<std::uint32_t> order(g.ranges.size());
  std::iota(order.begin(), order.end(), 0U);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return codes[a] < codes[b]; });
  net::renumberNodes(topology, g.ranges, order);
}

// Stage 5: weakly connected parts with their length and a few features to find them by.
void reportComponents(const net::RoadGraph& graph, const std::vector<core::LonLat>& nodeLonLat,
                      const NetworkEdges& edges, NetworkReport& report) {
  const net::ComponentsReport components = net::analyseComponents(graph);
  report.strongComponents = components.strong.count();
  report.components.resize(components.weak.count());
  for (std::size_t c = 0; c < components.weak.count(); ++c) report.components[c].nodes = components.weak.sizes[c];
  std::vector<std::uint8_t> placed(components.weak.count(), 0);
  for (std::uint32_t n = 0; n < nodeLonLat.size(); ++n) {
    const std::uint32_t c = components.weak.componentOf[n];
    if (!placed[c]) report.components[c].where = nodeLonLat[n];
    placed[c] = 1;
  }
  for (std::size_t e = 0; e < edges.edgeFrom.size(); ++e) {
    NetworkComponent& c = report.components[components.weak.componentOf[edges.edgeFrom[e]]];
    ++c.edges;
    c.lengthMeters += edges.edgeLength[e];
    const std::int64_t fid = edges.edgeFeature[e].value();
    if (c.someFeatures.size() < 5 &&
        std::find(c.someFeatures.begin(), c.someFeatures.end(), fid) == c.someFeatures.end()) {
      c.someFeatures.push_back(fid);
    }
  }
}

}  // namespace

void NetworkParams::validate() const {
  auto fail = [](const std::string& what) { throw core::ParameterError("network: " + what); };
  if (!std::isfinite(snapToleranceMeters) || snapToleranceMeters < 0)
    fail("snap tolerance must be ≥ 0 m, got " + fmt(snapToleranceMeters));
  if (snapToleranceMeters > 1000)
    fail("snap tolerance above 1 km (" + fmt(snapToleranceMeters) + " m) would merge separate roads");
  if (!includeRoad && !includeRail) fail("no mode chosen: include road, rail or both");
  if (!std::isfinite(roadCostYuanPerTonneKm) || roadCostYuanPerTonneKm < 0) fail("road cost must be ≥ 0 CNY/t·km");
  if (!std::isfinite(railCostYuanPerTonneKm) || railCostYuanPerTonneKm < 0) fail("rail cost must be ≥ 0 CNY/t·km");
  if (!std::isfinite(unknownClassSpeedKmh) || unknownClassSpeedKmh <= 0)
    fail("speed for unknown classes must be > 0 km/h");
}

double NetworkReport::largestShareOfLength() const noexcept {
  if (components.empty() || totalLengthMeters <= 0) return components.empty() ? 0.0 : 1.0;
  return components.front().lengthMeters / totalLengthMeters;
}

const std::string& RoadNetwork::edgeLabel(net::EdgeId edge) const { return labels_[edgeLabels_[edge.value()]]; }

RoadNetwork RoadNetwork::fromParts(Parts&& parts) {
  const std::size_t edges = parts.graph.edgeCount();
  if (parts.edgeLabels.size() != edges || parts.edgeModes.size() != edges) {
    throw core::InputError("road network parts: a label and a mode are not given for each of the " +
                           std::to_string(edges) + " edges");
  }
  for (std::size_t e = 0; e < edges; ++e) {
    if (parts.edgeLabels[e] >= parts.labels.size() || parts.edgeModes[e] > TravelMode::Rail) {
      throw core::InputError("road network parts: edge " + std::to_string(e) + " has no label or no known mode");
    }
  }
  RoadNetwork network;
  *network.graph_ = std::move(parts.graph);
  network.report_ = std::move(parts.report);
  network.labels_ = std::move(parts.labels);
  network.edgeLabels_ = std::move(parts.edgeLabels);
  network.edgeModes_ = std::move(parts.edgeModes);
  network.parameters_ = std::move(parts.parameters);
  return network;
}

namespace {

std::string describe(const NetworkParams& params) {
  return "snap_m=" + fmt(params.snapToleranceMeters) + " modes=" +
         (params.includeRoad && params.includeRail ? "road+rail"
          : params.includeRoad                     ? "road"
                                                   : "rail") +
         " road_cny_per_tkm=" + fmt(params.roadCostYuanPerTonneKm) +
         " rail_cny_per_tkm=" + fmt(params.railCostYuanPerTonneKm) + " lengths=geodesic" +
         (params.lengthField ? "|" + *params.lengthField : std::string());
}

// The network of `layer`. `release`, when given, is the same layer, which the caller gave up: it is emptied
// once its lines are gathered, so that the graph is built in the memory its features held.
RoadNetwork::Parts assemble(const core::Layer& layer, core::Layer* release, const NetworkParams& params,
                            core::Progress* progress) {
  params.validate();
  RoadNetwork::Parts parts;
  NetworkReport& report = parts.report;
  // Copies, not references: `release` may empty the layer below.
  const std::string layerName = layer.name();  // NOLINT(performance-unnecessary-copy-initialization)
  try {
    if (!core::isLinear(layer.geometryType()) && !(layer.geometryType() == core::GeometryType::None && layer.empty())) {
      throw core::InputError("not a line layer: its geometries are " +
                             std::string(core::toString(layer.geometryType())));
    }
    const std::string crs = layer.crs();  // NOLINT(performance-unnecessary-copy-initialization): as layerName
    if (crs.empty()) throw core::CrsError("the layer declares no coordinate system; roads need one to be measured");
    step(progress, 0.0, "classifying lines");
    const GatheredLines gathered = gatherLines(layer, params, report);
    // `layer` is not read from here on.
    if (release != nullptr) *release = core::Layer(layerName, crs, core::GeometryType::None, core::Schema());

    step(progress, 0.2, "projecting vertices");
    const ProjectedVertices vertices = projectVertices(crs, gathered);

    // 3. Line ends joined to the points within the tolerance; one graph node per group.
    step(progress, 0.4, "joining vertices");
    net::LineTopology topology = net::joinLineVertices(vertices.points, vertices.xy, params.snapToleranceMeters);
    report.endsSnapped = topology.endsSnapped;
    orderNodesSpatially(gathered, vertices, topology);
    net::GraphBuilder builder;
    builder.reserve(topology.nodeCount(), gathered.coords.size() - gathered.lines.size());  // one edge per segment
    std::vector<core::LonLat> nodeLonLat;
    nodeLonLat.reserve(topology.nodeCount());
    for (const std::uint32_t anchor : topology.anchorVertex) {
      builder.addNode(vertices.xyOfVertex(anchor));
      nodeLonLat.push_back(vertices.lonLatOfVertex(anchor));
    }

    step(progress, 0.6, "building the graph");
    NetworkEdges edges = addEdges(gathered, vertices, topology, params, builder);
    parts.labels = std::move(edges.labels);
    parts.edgeLabels = std::move(edges.edgeLabels);
    parts.edgeModes = std::move(edges.edgeModes);
    report.totalLengthMeters = edges.totalLengthMeters;
    parts.graph = builder.build();
    report.build = builder.report();
    report.nodes = parts.graph.nodeCount();
    report.arcs = parts.graph.arcCount();

    step(progress, 0.9, "finding connected parts");
    reportComponents(parts.graph, nodeLonLat, edges, report);
    step(progress, 1.0, "network ready");
  } catch (core::Error& e) {
    e.setLayer(layerName);
    throw;
  }
  parts.parameters = describe(params);
  return parts;
}

}  // namespace

RoadNetwork buildNetwork(const core::Layer& lines, const NetworkParams& params, core::Progress* progress) {
  return RoadNetwork::fromParts(assemble(lines, nullptr, params, progress));
}

RoadNetwork buildNetwork(core::Layer&& lines, const NetworkParams& params, core::Progress* progress) {
  return RoadNetwork::fromParts(assemble(lines, &lines, params, progress));
}

}  // namespace circatlas::tools
