// NetworkTool: line features → classified lines → vertices joined exactly or within the snap tolerance → RoadGraph + report.
#include "tools/network_tool.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "analysis/network/components.h"
#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/geodesic.h"
#include "geo/transformer.h"

namespace circatlas::tools {
namespace {

namespace net = analysis::network;

// Reports a stage when someone listens (the router's preprocessing has its own progress and cancellation).
void step(core::Progress* progress, double fraction, std::string_view stage) {
  if (progress) progress->report(fraction, stage);
}

struct LineAttributes {
  TravelMode mode = TravelMode::Road;
  double speedKmh = 0;
  Oneway oneway = Oneway::Both;
  std::optional<double> publishedLengthMeters;
  std::string label;
};

// Text of a value, or nullopt for null and empty strings.
std::optional<std::string> textOf(const core::Value& v) {
  if (core::isNull(v)) return std::nullopt;
  std::string s = core::toString(v);
  if (s.empty()) return std::nullopt;
  return s;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// Reads the attributes of one feature; nullopt with the reason counted when the line is not used.
class Classifier {
 public:
  Classifier(const core::Layer& layer, const NetworkParams& p, NetworkReport& report) : schema_(layer.schema()), p_(p), report_(report) {
    osm_ = schema_.indexOf("osm_id") && schema_.indexOf("highway");
    report_.flavour = osm_ ? "OpenStreetMap lines" : "line layer";
    if (p_.lengthField && !schema_.indexOf(*p_.lengthField)) {
      throw core::ParameterError("no length field '" + *p_.lengthField + "' in layer '" + layer.name() + "'");
    }
  }

  std::optional<LineAttributes> classify(const core::Feature& f) const {
    std::optional<LineAttributes> a = osm_ ? classifyOsm(f) : classifyPlain(f);
    if (!a) return a;
    if ((a->mode == TravelMode::Road && !p_.includeRoad) || (a->mode == TravelMode::Rail && !p_.includeRail)) {
      ++report_.skippedOtherMode;
      return std::nullopt;
    }
    return a;
  }

 private:
  std::optional<std::string> field(const core::Feature& f, std::string_view name) const {
    const auto i = schema_.indexOf(name);
    return i ? textOf(f.values[*i]) : std::nullopt;
  }
  // An OSM tag: its own column when osmconf.ini made one, else other_tags.
  std::optional<std::string> tag(const core::Feature& f, std::string_view key) const {
    if (schema_.indexOf(key)) return field(f, key);
    const auto other = field(f, "other_tags");
    return other ? hstoreValue(*other, key) : std::nullopt;
  }

  std::optional<LineAttributes> classifyOsm(const core::Feature& f) const {
    std::optional<LineClass> cls;
    if (const auto highway = field(f, "highway")) {
      cls = findLineClass(*highway);
      if (cls && cls->mode != TravelMode::Road) cls.reset();
    } else if (tag(f, "railway") == "rail") {
      cls = findLineClass("rail");
    }
    if (!cls) {
      ++report_.skippedNotForFreight;
      return std::nullopt;
    }
    LineAttributes a;
    a.mode = cls->mode;
    a.speedKmh = cls->speedKmh;
    if (const auto maxspeed = tag(f, "maxspeed")) {
      if (const auto v = parseSpeedKmh(*maxspeed)) a.speedKmh = std::min(a.speedKmh, *v);
    }
    const auto onewayTag = tag(f, "oneway");
    if (onewayTag) {
      // Time-dependent or garbled values (reversible, alternating, "yes;no"): both ways, as OSRM does.
      a.oneway = parseOneway(*onewayTag).value_or(Oneway::Both);
    } else if (cls->impliedOneway || tag(f, "junction") == "roundabout") {
      a.oneway = Oneway::Forward;
    }
    a.label = tag(f, "ref").value_or(field(f, "name").value_or(std::string(cls->name)));
    return a;
  }

  std::optional<LineAttributes> classifyPlain(const core::Feature& f) const {
    LineAttributes a;
    const auto className = field(f, p_.classField);
    const auto cls = className ? findLineClass(*className) : std::nullopt;
    a.mode = cls ? cls->mode : TravelMode::Road;
    if (const auto mode = field(f, p_.modeField)) {
      const auto m = parseTravelMode(*mode);
      if (!m) fail(f, p_.modeField, "expected 'road' or 'rail', got \"" + *mode + "\"");
      a.mode = *m;
    }
    a.speedKmh = cls && cls->mode == a.mode ? cls->speedKmh
                 : a.mode == TravelMode::Rail ? findLineClass("railway")->speedKmh
                                              : p_.unknownClassSpeedKmh;
    if (const auto speed = field(f, p_.speedField)) {
      const auto v = parseSpeedKmh(*speed);
      if (!v) fail(f, p_.speedField, "expected a speed in km/h above 0, got \"" + *speed + "\"");
      a.speedKmh = *v;
    }
    if (const auto oneway = field(f, p_.onewayField)) {
      const auto o = parseOneway(*oneway);
      if (!o) fail(f, p_.onewayField, "expected yes, no, 1, 0 or -1, got \"" + *oneway + "\"");
      a.oneway = *o;
    }
    if (p_.lengthField) {
      const core::Value& v = f.values[*schema_.indexOf(*p_.lengthField)];
      if (!core::isNull(v)) {
        const double* d = std::get_if<double>(&v);
        const std::int64_t* i = std::get_if<std::int64_t>(&v);
        const double len = d ? *d : i ? static_cast<double>(*i) : -1.0;
        if (!(len >= 0) || !std::isfinite(len)) {
          fail(f, *p_.lengthField, "expected a length in metres ≥ 0, got \"" + core::toString(v) + "\"");
        }
        a.publishedLengthMeters = len;
      }
    }
    a.label = field(f, "ref").value_or(field(f, "name_en").value_or(field(f, "name").value_or(className.value_or(""))));
    return a;
  }

  [[noreturn]] static void fail(const core::Feature& f, std::string_view fieldName, const std::string& detail) {
    core::InputError e(detail);
    e.setFeature(f.id.value()).setField(fieldName);
    throw e;
  }

  const core::Schema& schema_;
  const NetworkParams& p_;
  NetworkReport& report_;
  bool osm_ = false;
};

// One path of a used feature: its vertex range in the flat coordinate arrays.
struct Line {
  std::uint32_t feature;  // index into the layer
  std::uint32_t attributes;
  std::size_t first;
  std::size_t last;  // one past
};

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  bool unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);
    parent_[b] = a;  // the lower index stays the root: deterministic
    return true;
  }

 private:
  std::vector<std::uint32_t> parent_;
};

struct PointKey {
  std::uint64_t x, y;
  friend bool operator==(const PointKey&, const PointKey&) = default;
};
struct PointKeyHash {
  std::size_t operator()(const PointKey& k) const noexcept { return std::hash<std::uint64_t>{}(k.x * 0x9E3779B97F4A7C15ull ^ k.y); }
};

// Joins line ends within tol of another end (all of them) or of the nearest other vertex, through a
// hash grid of tol-sized cells. Returns the number of ends that joined something.
std::size_t snapEnds(const std::vector<core::XY>& xy, const std::vector<std::uint8_t>& isEnd, double tol, UnionFind& groups) {
  if (tol <= 0) return 0;
  auto cell = [tol](double v) { return static_cast<std::int64_t>(std::floor(v / tol)); };
  auto key = [](std::int64_t cx, std::int64_t cy) { return static_cast<std::uint64_t>(cx) * 0x100000001B3ull ^ static_cast<std::uint64_t>(cy); };
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid;
  grid.reserve(xy.size());
  for (std::uint32_t i = 0; i < xy.size(); ++i) grid[key(cell(xy[i].x), cell(xy[i].y))].push_back(i);
  std::size_t snapped = 0;
  for (std::uint32_t e = 0; e < xy.size(); ++e) {
    if (!isEnd[e]) continue;
    bool joined = false;
    std::optional<std::uint32_t> nearest;
    double nearestDistance = tol;
    const std::int64_t cx = cell(xy[e].x);
    const std::int64_t cy = cell(xy[e].y);
    for (std::int64_t dx = -1; dx <= 1; ++dx) {
      for (std::int64_t dy = -1; dy <= 1; ++dy) {
        const auto it = grid.find(key(cx + dx, cy + dy));
        if (it == grid.end()) continue;
        for (std::uint32_t q : it->second) {
          if (q == e) continue;
          const double d = std::hypot(xy[q].x - xy[e].x, xy[q].y - xy[e].y);
          if (d > tol) continue;
          if (isEnd[q]) {
            joined |= groups.unite(e, q);
          } else if (!nearest || d < nearestDistance || (d == nearestDistance && q < *nearest)) {
            nearest = q;
            nearestDistance = d;
          }
        }
      }
    }
    if (nearest) joined |= groups.unite(e, *nearest);
    snapped += joined;
  }
  return snapped;
}

}  // namespace

void NetworkParams::validate() const {
  auto fail = [](const std::string& what) { throw core::ParameterError("network: " + what); };
  if (!std::isfinite(snapToleranceMeters) || snapToleranceMeters < 0) fail("snap tolerance must be ≥ 0 m, got " + fmt(snapToleranceMeters));
  if (snapToleranceMeters > 1000) fail("snap tolerance above 1 km (" + fmt(snapToleranceMeters) + " m) would merge separate roads");
  if (!includeRoad && !includeRail) fail("no mode chosen: include road, rail or both");
  if (!std::isfinite(roadCostYuanPerTonneKm) || roadCostYuanPerTonneKm < 0) fail("road cost must be ≥ 0 CNY/t·km");
  if (!std::isfinite(railCostYuanPerTonneKm) || railCostYuanPerTonneKm < 0) fail("rail cost must be ≥ 0 CNY/t·km");
  if (!std::isfinite(unknownClassSpeedKmh) || unknownClassSpeedKmh <= 0) fail("speed for unknown classes must be > 0 km/h");
}

double NetworkReport::largestShareOfLength() const noexcept {
  if (components.empty() || totalLengthMeters <= 0) return components.empty() ? 0.0 : 1.0;
  return components.front().lengthMeters / totalLengthMeters;
}

const std::string& RoadNetwork::edgeLabel(net::EdgeId edge) const { return labels_[edgeLabels_[edge.value()]]; }

RoadNetwork buildNetwork(const core::Layer& layer, const NetworkParams& params, core::Progress* progress) {
  params.validate();
  RoadNetwork network;
  NetworkReport& report = network.report_;
  try {
    if (!core::isLinear(layer.geometryType()) && !(layer.geometryType() == core::GeometryType::None && layer.empty())) {
      throw core::InputError("not a line layer: its geometries are " + std::string(core::toString(layer.geometryType())));
    }
    if (layer.crs().empty()) throw core::CrsError("the layer declares no coordinate system; roads need one to be measured");
    step(progress, 0.0, "classifying lines");

    // 1. Classify features and gather the vertices of the lines used.
    const Classifier classifier(layer, params, report);
    std::vector<LineAttributes> attributes;
    std::vector<Line> lines;
    std::vector<core::Coord> lonLat;
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
      attributes.push_back(std::move(*a));
      for (std::size_t p = 0; p < f.geometry.pathCount(); ++p) {
        const auto path = f.geometry.path(p);
        if (path.size() < 2) continue;
        lines.push_back({i, static_cast<std::uint32_t>(attributes.size() - 1), lonLat.size(), lonLat.size() + path.size()});
        lonLat.insert(lonLat.end(), path.begin(), path.end());
      }
    }
    if (lines.empty()) {
      throw core::InputError("no usable line among " + std::to_string(report.featuresRead) + " features (" +
                             std::to_string(report.skippedOtherMode) + " of another mode, " +
                             std::to_string(report.skippedNotForFreight) + " not freight roads, " +
                             std::to_string(report.skippedEmpty) + " empty)");
    }

    // 2. WGS 84 for geodesic lengths, the analysis CRS for the graph (one PROJ call each).
    step(progress, 0.2, "projecting vertices");
    if (layer.crs() != geo::kWgs84) geo::Transformer(layer.crs(), geo::kWgs84).forward(lonLat);
    std::vector<core::Coord> metric = lonLat;
    geo::Transformer(geo::kWgs84, geo::kAnalysisCrs).forward(metric);

    // 3. Distinct points (exact coincidence), then line ends joined within the tolerance.
    step(progress, 0.4, "joining vertices");
    std::vector<std::uint32_t> pointOf(lonLat.size());
    std::vector<core::XY> pointXY;
    std::vector<core::LonLat> pointLonLat;
    std::vector<std::uint8_t> isEnd;
    {
      std::unordered_map<PointKey, std::uint32_t, PointKeyHash> index;
      index.reserve(lonLat.size());
      for (std::size_t v = 0; v < lonLat.size(); ++v) {
        const PointKey k{std::bit_cast<std::uint64_t>(lonLat[v].x), std::bit_cast<std::uint64_t>(lonLat[v].y)};
        const auto [it, inserted] = index.try_emplace(k, static_cast<std::uint32_t>(pointXY.size()));
        if (inserted) {
          pointXY.push_back({metric[v].x, metric[v].y});
          pointLonLat.push_back({lonLat[v].x, lonLat[v].y});
          isEnd.push_back(0);
        }
        pointOf[v] = it->second;
      }
      for (const Line& l : lines) isEnd[pointOf[l.first]] = isEnd[pointOf[l.last - 1]] = 1;
    }
    UnionFind groups(pointXY.size());
    report.endsSnapped = snapEnds(pointXY, isEnd, params.snapToleranceMeters, groups);

    // A group's node stands on its first interior vertex (so the line through it keeps its shape), else
    // on its first point.
    std::vector<std::uint32_t> anchorOf(pointXY.size(), UINT32_MAX);
    for (std::uint32_t pt = 0; pt < pointXY.size(); ++pt) {
      std::uint32_t& a = anchorOf[groups.find(pt)];
      if (a == UINT32_MAX || (isEnd[a] && !isEnd[pt])) a = pt;
    }
    net::GraphBuilder builder;
    std::vector<std::uint32_t> nodeOf(pointXY.size(), UINT32_MAX);
    std::vector<core::LonLat> nodeLonLat;
    auto nodeFor = [&](std::uint32_t pt) {
      const std::uint32_t root = groups.find(pt);
      if (nodeOf[root] == UINT32_MAX) {
        const std::uint32_t a = anchorOf[root];
        nodeOf[root] = builder.addNode(pointXY[a]).value();
        nodeLonLat.push_back(pointLonLat[a]);
      }
      return net::NodeId(nodeOf[root]);
    };

    // 4. One edge per segment.
    step(progress, 0.6, "building the graph");
    std::unordered_map<std::string, std::uint32_t> labelIndex;
    std::vector<std::uint32_t> edgeFrom;
    std::vector<double> edgeLength;
    std::vector<std::uint32_t> edgeFeature;
    // Geodesic length of each used feature, to spread a published length over its segments.
    std::vector<double> featureGeodesic(attributes.size(), 0.0);
    for (const Line& l : lines) {
      for (std::size_t v = l.first + 1; v < l.last; ++v) {
        featureGeodesic[l.attributes] += geo::geodesicDistanceMeters({lonLat[v - 1].x, lonLat[v - 1].y}, {lonLat[v].x, lonLat[v].y});
      }
    }
    for (const Line& l : lines) {
      const LineAttributes& a = attributes[l.attributes];
      const auto [labelIt, newLabel] = labelIndex.try_emplace(a.label, static_cast<std::uint32_t>(network.labels_.size()));
      if (newLabel) network.labels_.push_back(a.label);
      double scale = 1.0;
      if (a.publishedLengthMeters) {
        const double g = featureGeodesic[l.attributes];
        scale = g > 0 ? *a.publishedLengthMeters / g : 0.0;
      }
      const double metresPerSecond = a.speedKmh / 3.6;
      const double yuanPerTonneKm = a.mode == TravelMode::Rail ? params.railCostYuanPerTonneKm : params.roadCostYuanPerTonneKm;
      for (std::size_t v = l.first + 1; v < l.last; ++v) {
        const double length =
            geo::geodesicDistanceMeters({lonLat[v - 1].x, lonLat[v - 1].y}, {lonLat[v].x, lonLat[v].y}) * scale;
        net::NodeId from = nodeFor(pointOf[v - 1]);
        net::NodeId to = nodeFor(pointOf[v]);
        if (a.oneway == Oneway::Backward) std::swap(from, to);
        builder.addEdge({from, to, net::Meters(length), net::Seconds(length / metresPerSecond),
                         net::YuanPerTonne(length / 1000.0 * yuanPerTonneKm), a.oneway != Oneway::Both,
                         layer[l.feature].id});
        network.edgeLabels_.push_back(labelIt->second);
        network.edgeModes_.push_back(a.mode);
        edgeFrom.push_back(from.value());
        edgeLength.push_back(length);
        edgeFeature.push_back(l.feature);
        report.totalLengthMeters += length;
      }
    }
    *network.graph_ = builder.build();
    report.build = builder.report();
    report.nodes = network.graph_->nodeCount();
    report.arcs = network.graph_->arcCount();

    // 5. Components, with their length and a few features to find them by.
    step(progress, 0.9, "finding connected parts");
    const net::ComponentsReport components = net::analyseComponents(*network.graph_);
    report.strongComponents = components.strong.count();
    report.components.resize(components.weak.count());
    for (std::size_t c = 0; c < components.weak.count(); ++c) report.components[c].nodes = components.weak.sizes[c];
    std::vector<std::uint8_t> placed(components.weak.count(), 0);
    for (std::uint32_t n = 0; n < nodeLonLat.size(); ++n) {
      const std::uint32_t c = components.weak.componentOf[n];
      if (!placed[c]) report.components[c].where = nodeLonLat[n];
      placed[c] = 1;
    }
    for (std::size_t e = 0; e < edgeFrom.size(); ++e) {
      NetworkComponent& c = report.components[components.weak.componentOf[edgeFrom[e]]];
      ++c.edges;
      c.lengthMeters += edgeLength[e];
      const std::int64_t fid = layer[edgeFeature[e]].id.value();
      if (c.someFeatures.size() < 5 && std::find(c.someFeatures.begin(), c.someFeatures.end(), fid) == c.someFeatures.end()) {
        c.someFeatures.push_back(fid);
      }
    }
    step(progress, 1.0, "network ready");
  } catch (core::Error& e) {
    e.setLayer(layer.name());
    throw;
  }
  network.parameters_ = "snap_m=" + fmt(params.snapToleranceMeters) + " modes=" +
                        (params.includeRoad && params.includeRail ? "road+rail" : params.includeRoad ? "road" : "rail") +
                        " road_cny_per_tkm=" + fmt(params.roadCostYuanPerTonneKm) +
                        " rail_cny_per_tkm=" + fmt(params.railCostYuanPerTonneKm) + " lengths=geodesic" +
                        (params.lengthField ? "|" + *params.lengthField : std::string());
  return network;
}

}  // namespace circatlas::tools
