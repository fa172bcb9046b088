// UpwardSearch: Dijkstra on the upward arcs of a hierarchy, pruning nodes reached better from above.
#include "analysis/network/upward_search.h"

#include <algorithm>
#include <functional>

namespace circatlas::analysis::network {

UpwardSearch::UpwardSearch(const ContractionHierarchy& ch, bool forward, bool expandCore)
    : ch_(&ch), forward_(forward), expandCore_(expandCore), slots_(ch.graph().nodeCount()) {}

UpwardSearch::Label& UpwardSearch::labelFor(std::uint32_t node) {
  Slot& slot = slots_[node];
  if (slot.round != round_) {
    slot.round = round_;
    slot.label = static_cast<std::uint32_t>(labels_.size());
    labels_.emplace_back();
  }
  return labels_[slot.label];
}

void UpwardSearch::run(std::span<const Anchor> anchors) {
  if (++round_ == 0) {  // after 2^32 runs: forget every node, and count again
    std::fill(slots_.begin(), slots_.end(), Slot{});
    round_ = 1;
  }
  settled_.clear();
  heap_.clear();
  labels_.clear();
  const Metric metric = ch_->metric();
  for (const Anchor& anchor : anchors) {
    const std::uint32_t v = anchor.node.value();
    const double d = anchor.offset.in(metric);
    if (!reached(v) || d < dist(v)) {
      labelFor(v) = {d, anchor.offset, kNone, kNone};
      heap_.emplace_back(d, v);
      std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
    }
  }
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
    const auto [d, x] = heap_.back();
    heap_.pop_back();
    if (d > dist(x)) continue;
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
      if (reached(arc.other) && dist(arc.other) + arc.weight < d) {
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
    if (!reached(arc.other) || nd < dist(arc.other)) {
      // x's label is read before labelFor may grow labels_ (and move it).
      const Totals totals = label(x).totals + arc.totals;
      labelFor(arc.other) = {nd, totals, base + i, x};
      heap_.emplace_back(nd, arc.other);
      std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
    }
  }
}

}  // namespace circatlas::analysis::network
