// Test support: seeded random road networks and Boost.Graph's Dijkstra as the independent reference.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <vector>

#include "analysis/network/graph_builder.h"

namespace circatlas::test {

/// A random network: nodes scattered over 10 km × 10 km, each joined to a few near and a few random
/// others, about a fifth one-way, with occasional parallel, zero-length and self-loop edges.
struct RandomNetwork {
  std::vector<core::XY> positions;
  std::vector<analysis::network::InputEdge> edges;

  static RandomNetwork make(std::uint32_t nodeCount, std::uint32_t seed) {
    using namespace analysis::network;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    RandomNetwork net;
    for (std::uint32_t i = 0; i < nodeCount; ++i) net.positions.push_back({unit(rng) * 10000.0, unit(rng) * 10000.0});
    auto add = [&](std::uint32_t a, std::uint32_t b) {
      const double straight =
          std::hypot(net.positions[a].x - net.positions[b].x, net.positions[a].y - net.positions[b].y);
      const double length = unit(rng) < 0.02 ? 0.0 : straight * (1.0 + 0.3 * unit(rng));
      const double speed = 5.0 + 25.0 * unit(rng);
      net.edges.push_back({NodeId(a), NodeId(b), Meters(length), Seconds(length / speed),
                           YuanPerTonne(length / 1000.0 * (0.3 + unit(rng))), unit(rng) < 0.2, std::nullopt});
    };
    std::uniform_int_distribution<std::uint32_t> any(0, nodeCount - 1);
    for (std::uint32_t a = 0; a < nodeCount; ++a) {
      // Nearest neighbours by index window give local structure; a random long edge now and then.
      for (std::uint32_t k = 0; k < 2; ++k) {
        std::uint32_t best = a;
        double bestDist = std::numeric_limits<double>::max();
        for (std::uint32_t trial = 0; trial < 12; ++trial) {
          const std::uint32_t b = any(rng);
          const double d = std::hypot(net.positions[a].x - net.positions[b].x, net.positions[a].y - net.positions[b].y);
          if (b != a && d < bestDist) {
            bestDist = d;
            best = b;
          }
        }
        if (best != a) add(a, best);
      }
      if (unit(rng) < 0.1) add(a, any(rng));         // long link or, rarely, a self-loop
      if (unit(rng) < 0.03 && !net.edges.empty()) {  // parallel edge with other weights
        auto copy = net.edges[any(rng) % net.edges.size()];
        copy.length = copy.length * (0.5 + unit(rng));
        copy.time = copy.time * (0.5 + unit(rng));
        net.edges.push_back(copy);
      }
    }
    return net;
  }

  /// The same roads, each drawn through `shapePoints` vertices evenly along it (numbered after the
  /// others, in edge order): most nodes are then shape points, as on a network read from a file.
  [[nodiscard]] RandomNetwork withShapePoints(std::uint32_t shapePoints) const {
    using namespace analysis::network;
    RandomNetwork drawn;
    drawn.positions = positions;
    const double parts = shapePoints + 1.0;
    for (const InputEdge& e : edges) {
      const core::XY a = positions[e.from.value()];
      const core::XY b = positions[e.to.value()];
      NodeId last = e.from;
      for (std::uint32_t k = 1; k <= shapePoints + 1; ++k) {
        NodeId next = e.to;
        if (k <= shapePoints) {
          next = NodeId(static_cast<std::uint32_t>(drawn.positions.size()));
          drawn.positions.push_back({a.x + (b.x - a.x) * k / parts, a.y + (b.y - a.y) * k / parts});
        }
        drawn.edges.push_back({last, next, Meters(e.length.value() / parts), Seconds(e.time.value() / parts),
                               YuanPerTonne(e.cost.value() / parts), e.oneway, std::nullopt});
        last = next;
      }
    }
    return drawn;
  }

  [[nodiscard]] analysis::network::RoadGraph build() const {
    analysis::network::GraphBuilder builder;
    for (const core::XY& p : positions) builder.addNode(p);
    for (const auto& e : edges) builder.addEdge(e);
    return builder.build();
  }
};

/// Boost.Graph's Dijkstra on the raw edges (both directions of two-way edges, parallels and
/// self-loops included): the reference our builder policies and algorithms must agree with.
class BoostReference {
 public:
  BoostReference(std::uint32_t nodeCount, const std::vector<analysis::network::InputEdge>& edges,
                 analysis::network::Metric metric)
      : graph_(nodeCount) {
    for (const auto& e : edges) {
      const double w = analysis::network::Totals{e.length, e.time, e.cost}.in(metric);
      boost::add_edge(e.from.value(), e.to.value(), w, graph_);
      if (!e.oneway) boost::add_edge(e.to.value(), e.from.value(), w, graph_);
    }
  }

  /// Shortest distance from source to every node (nullopt: unreachable).
  [[nodiscard]] std::vector<std::optional<double>> from(analysis::network::NodeId source) const {
    const std::size_t n = boost::num_vertices(graph_);
    std::vector<double> dist(n);
    boost::dijkstra_shortest_paths(
        graph_, source.value(),
        boost::distance_map(boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, graph_))));
    std::vector<std::optional<double>> result(n);
    for (std::size_t v = 0; v < n; ++v) {
      if (dist[v] < std::numeric_limits<double>::max()) result[v] = dist[v];
    }
    return result;
  }

 private:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, double>>;
  Graph graph_;
};

}  // namespace circatlas::test
