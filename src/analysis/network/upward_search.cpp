// UpwardSearch: Dijkstra on the upward arcs of a hierarchy, pruning nodes reached better from above.
#include "analysis/network/upward_search.h"

#include <algorithm>
#include <functional>

namespace circatlas::analysis::network {

UpwardSearch::UpwardSearch(const ContractionHierarchy& ch, bool forward, bool expandCore)
    : ch_(&ch),
      forward_(forward),
      expandCore_(expandCore),
      stamp_(ch.graph().nodeCount(), 0),
      dist_(ch.graph().nodeCount(), 0.0),
      totals_(ch.graph().nodeCount()),
      parentArc_(ch.graph().nodeCount(), kNone),
      parentNode_(ch.graph().nodeCount(), kNone) {}

void UpwardSearch::run(std::span<const Anchor> anchors) {
  ++round_;
  settled_.clear();
  heap_.clear();
  const Metric metric = ch_->metric();
  for (const Anchor& anchor : anchors) {
    const std::uint32_t v = anchor.node.value();
    const double d = anchor.offset.in(metric);
    if (!reached(v) || d < dist_[v]) {
      stamp_[v] = round_;
      dist_[v] = d;
      totals_[v] = anchor.offset;
      parentArc_[v] = kNone;
      parentNode_[v] = kNone;
      heap_.emplace_back(d, v);
      std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
    }
  }
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
    const auto [d, x] = heap_.back();
    heap_.pop_back();
    if (d > dist_[x]) continue;
    if (ch_->isCore(x)) {
      // A core node's arcs lead only to core nodes: inside the core the search is a plain Dijkstra,
      // with nothing higher to stall it.
      settled_.push_back(x);
      if (expandCore_) relax(x, d);
      continue;
    }
    // Stall on demand: a higher node already reached offers a shorter way down to x, so x's label is
    // not exact and nothing above x needs to be reached through it.
    bool stalled = false;
    for (const ChArc& arc : forward_ ? ch_->backward(x) : ch_->forward(x)) {
      if (reached(arc.other) && dist_[arc.other] + arc.weight < d) {
        stalled = true;
        break;
      }
    }
    if (stalled) continue;
    settled_.push_back(x);
    relax(x, d);
  }
}

void UpwardSearch::relax(std::uint32_t x, double d) {
  const auto arcs = forward_ ? ch_->forward(x) : ch_->backward(x);
  const std::uint32_t base = forward_ ? ch_->forwardOffset(x) : ch_->backwardOffset(x);
  for (std::uint32_t i = 0; i < arcs.size(); ++i) {
    const ChArc& arc = arcs[i];
    const double nd = d + arc.weight;
    if (!reached(arc.other) || nd < dist_[arc.other]) {
      stamp_[arc.other] = round_;
      dist_[arc.other] = nd;
      totals_[arc.other] = totals_[x] + arc.totals;
      parentArc_[arc.other] = base + i;
      parentNode_[arc.other] = x;
      heap_.emplace_back(nd, arc.other);
      std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
    }
  }
}

}  // namespace circatlas::analysis::network
