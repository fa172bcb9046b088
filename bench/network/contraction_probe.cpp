// Times the contraction of the synthetic grid as one run, with the moments its progress passes set
// fractions, and the cost of one plain Dijkstra search: the numbers behind RouterOptions::fewEndpoints.
//
//   contraction_probe [scale=1] [trunk km/h=100] [threads=0] [core degree=default]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string_view>
#include <vector>

#include "analysis/network/contraction_hierarchy.h"
#include "analysis/network/dijkstra.h"
#include "analysis/network/distance_matrix.h"
#include "network/synthetic_network.h"

namespace {

using namespace circatlas::analysis::network;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Prints the elapsed time whenever the reported fraction passes the next tenth.
class Milestones final : public circatlas::core::Progress {
 public:
  explicit Milestones(Clock::time_point start) : start_(start) {}
  void report(double fraction, std::string_view) override {
    while (fraction >= next_ && next_ <= 1.0) {
      std::printf("  %3.0f %% contracted at %.2f s\n", next_ * 100.0, since(start_));
      next_ += 0.1;
    }
  }
  [[nodiscard]] bool cancelled() const override { return false; }

 private:
  Clock::time_point start_;
  double next_ = 0.1;
};

}  // namespace

int main(int argc, char** argv) {
  const double scale = argc > 1 ? std::atof(argv[1]) : 1.0;
  const double trunkKmh = argc > 2 ? std::atof(argv[2]) : 100.0;
  ContractionOptions options;
  if (argc > 3) options.threads = static_cast<unsigned>(std::atoi(argv[3]));
  if (argc > 4) options.coreDegree = std::atof(argv[4]);
  const RoadGraph graph = circatlas::bench::makeSyntheticGansu(2026, scale, trunkKmh).build();
  std::printf("grid scale %.3f, trunk %.0f km/h: %u nodes, %u arcs\n", scale, trunkKmh, graph.nodeCount(),
              graph.arcCount());

  // One-to-all plain searches (what each origin costs without a hierarchy).
  Dijkstra dijkstra(graph, Metric::Time);
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::uint32_t> any(0, graph.nodeCount() - 1);
  const std::vector<NodeId> all = [&] {
    std::vector<NodeId> v;
    for (std::uint32_t i = 0; i < graph.nodeCount(); i += 97) v.emplace_back(i);
    return v;
  }();
  constexpr int kSearches = 5;
  auto start = Clock::now();
  for (int i = 0; i < kSearches; ++i) {
    const Anchor from[] = {{NodeId(any(rng)), {}}};
    dijkstra.search(from, all);
  }
  const double perSearch = since(start) / kSearches;
  std::printf("one plain search to every 97th node: %.3f s\n", perSearch);

  start = Clock::now();
  Milestones milestones(start);
  const auto ch = ContractionHierarchy::build(graph, Metric::Time, options, &milestones);
  const double contraction = since(start);
  std::printf(
      "contraction (core degree %.1f): %.2f s wall, %zu shortcuts, core of %u nodes; equals %.0f plain searches\n",
      options.coreDegree, contraction, ch.shortcutCount(), ch.coreSize(), contraction / perSearch);

  // The hierarchy's quality: a 1000 × 1000 matrix on it.
  std::vector<NodeId> sources;
  std::vector<NodeId> targets;
  for (int i = 0; i < 1000; ++i) {
    sources.emplace_back(any(rng));
    targets.emplace_back(any(rng));
  }
  start = Clock::now();
  const DistanceMatrix matrix = computeDistanceMatrix(ch, sources, targets, options.threads);
  double sum = 0.0;
  for (std::size_t r = 0; r < matrix.rows(); ++r) {
    for (std::size_t c = 0; c < matrix.columns(); ++c) {
      if (const auto t = matrix.at(r, c)) sum += t->time.value();
    }
  }
  std::printf("1000 x 1000 matrix on it: %.2f s wall; sum of times %.6f s\n", since(start), sum);
  return 0;
}
