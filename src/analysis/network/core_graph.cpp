// CoreGraph: the core's nodes by rank, its arcs copied next to each other.
#include "analysis/network/core_graph.h"

#include <cassert>

namespace circatlas::analysis::network {

CoreGraph::CoreGraph(const ContractionHierarchy& ch, bool forward) {
  const std::span<const std::uint32_t> ranks = ch.ranks();
  const std::uint32_t coreBegin = static_cast<std::uint32_t>(ranks.size()) - ch.coreSize();
  nodes_.resize(ch.coreSize());
  for (std::uint32_t v = 0; v < ranks.size(); ++v) {
    if (ranks[v] >= coreBegin) nodes_[ranks[v] - coreBegin] = v;
  }
  first_.reserve(nodes_.size() + 1);
  first_.push_back(0);
  for (const std::uint32_t v : nodes_) {
    const auto arcs = forward ? ch.forward(v) : ch.backward(v);
    const std::uint32_t base = forward ? ch.forwardOffset(v) : ch.backwardOffset(v);
    for (std::uint32_t i = 0; i < arcs.size(); ++i) {
      const ChArc& arc = arcs[i];
      assert(ranks[arc.other] >= coreBegin);  // a core node's arcs lead to core nodes only
      arcs_.push_back({ranks[arc.other] - coreBegin, base + i, arc.weight, arc.totals});
    }
    first_.push_back(static_cast<std::uint32_t>(arcs_.size()));
  }
}

}  // namespace circatlas::analysis::network
